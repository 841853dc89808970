/**
 * Reading exported files back structurally in tests: unzip OOXML, parse XML/HTML into a DOM, and walk
 * a core layout to get the cells a renderer must have drawn.
 */
import { strFromU8, unzipSync } from "fflate";
import { DomUtils, parseDocument } from "htmlparser2";
import { type LayoutCell, type ReportDocument, type TableLayout, getFormat, resolveGrid, writeCell } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";

export type Node = ReturnType<typeof parseDocument>;
export type Element = ReturnType<typeof DomUtils.findAll>[number];

export function unzip(data: Uint8Array): Record<string, string> {
  const files = unzipSync(data);
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

export function parseXml(xml: string): Node {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true });
}

export function parseHtml(html: string): Node {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
}

export function all(root: Node | Element, name: string): Element[] {
  return DomUtils.findAll((el) => el.name === name, [root]);
}

export function one(root: Node | Element, name: string): Element | undefined {
  return DomUtils.findOne((el) => el.name === name, [root], true) ?? undefined;
}

/** Direct children with a given tag name. */
export function children(el: Element, name: string): Element[] {
  return el.children.filter((child): child is Element => "name" in child && (child as Element).name === name);
}

export function attr(el: Element | undefined, name: string): string | undefined {
  return el?.attribs[name];
}

export function text(el: Element | Node): string {
  return DomUtils.textContent(el);
}

/** The origin cells of each grid row of a layout (what a renderer writes as real cells), with their column. */
export function originCells(layout: TableLayout): { cell: LayoutCell; column: number }[][] {
  return resolveGrid(layout).map((row) => {
    const out: { cell: LayoutCell; column: number }[] = [];
    row.forEach((slot, column) => {
      if (slot.origin) out.push({ cell: slot.cell, column });
    });
    return out;
  });
}

/** A valid document with a fixed agency and date, so assertions can name them. */
export function fixtureReport(overrides: { seed?: number; year?: number } = {}): ReportDocument {
  const doc = sampleReport({ seed: overrides.seed ?? 7, year: overrides.year ?? 2021, agencyName: "台儿庄区科技局", scale: 300 });
  return { ...doc, publishedAt: `${doc.year + 1}-01-28` };
}

/** The same document with some cells blank (null). */
export function withNulls(doc: ReportDocument, cellIds: readonly string[]): ReportDocument {
  const copy = structuredClone(doc);
  const format = getFormat(doc.formatVersion);
  for (const id of cellIds) {
    const cell = format.cellById.get(id);
    if (!cell) throw new Error(`no cell ${id}`);
    writeCell(copy.tables as unknown as Record<string, unknown>, cell, null);
  }
  return copy;
}
