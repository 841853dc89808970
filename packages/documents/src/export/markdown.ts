/**
 * Markdown: headings, paragraphs and pipe tables. A pipe table has one header line and no spans, so
 * the official grid is flattened the readable way: a column's header is the path of header labels
 * above it ("申请人情况 / 法人或其他组织 / 商业企业"), a row label spanning rows is repeated on each
 * of them, a span across columns leaves the covered columns blank, and a block title row of 二
 * (第二十条第（一）项) starts a new table under a bold line.
 */
import { type LayoutCell, type ReportDocument, type TableLayout, resolveGrid } from "@nianbao/core";
import { LABEL_PATH_SEPARATOR } from "./labels";
import { type ReportOutline, reportOutline } from "./outline";
import type { ExportOptions } from "./types";

/** Inline text that Markdown shows as written: ASCII punctuation with a meaning is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|&~!]/g, (ch) => `\\${ch}`);
}

/** A whole paragraph: also what would turn its start into a list item or a heading underline. */
function escapeParagraph(text: string): string {
  return escapeMarkdown(text)
    .replace(/^(\s*)([-+=])/u, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/u, "$1\\$2");
}

type Slot = { cell: LayoutCell; origin: boolean };

function slotText(slot: Slot, outline: ReportOutline): string {
  const { cell } = slot;
  if (cell.role === "data") return cell.cellId ? outline.cellText(cell.cellId) : "";
  return cell.label?.[outline.lang] ?? "";
}

function pipeRow(cells: readonly string[]): string {
  return `| ${cells.map((text) => escapeMarkdown(text) || " ").join(" | ")} |`;
}

/** Header line from the layout's header rows: per column, the labels above it from the top down. */
function headerLine(grid: Slot[][], layout: TableLayout, outline: ReportOutline): string[] {
  return Array.from({ length: layout.columns }, (_, c) => {
    const parts: string[] = [];
    let previous: LayoutCell | null = null;
    for (let r = 0; r < layout.headerRows; r++) {
      const slot = grid[r]![c]!;
      const spreadFromLeft = c > 0 && grid[r]![c - 1]!.cell === slot.cell;
      if (slot.cell === previous || (c < layout.labelColumns && spreadFromLeft)) continue;
      previous = slot.cell;
      const text = slotText(slot, outline);
      if (text) parts.push(text);
    }
    return parts.join(LABEL_PATH_SEPARATOR);
  });
}

/** A body row: spans across columns leave blanks, a label spanning rows repeats on each of them. */
function bodyLine(grid: Slot[][], r: number, outline: ReportOutline): string[] {
  return grid[r]!.map((slot, c) => {
    if (slot.origin) return slotText(slot, outline);
    const fromAbove = r > 0 && grid[r - 1]![c]!.cell === slot.cell;
    const fromLeft = c > 0 && grid[r]![c - 1]!.cell === slot.cell;
    return slot.cell.role === "label" && fromAbove && !fromLeft ? slotText(slot, outline) : "";
  });
}

function tableMarkdown(layout: TableLayout, outline: ReportOutline): string[] {
  const grid = resolveGrid(layout) as Slot[][];
  const out: string[] = [];
  const separator = `|${" --- |".repeat(layout.columns)}`;
  let header: string[] | null = layout.headerRows > 0 ? headerLine(grid, layout, outline) : null;
  let started = false;
  for (let r = layout.headerRows; r < grid.length; r++) {
    const cells = layout.rows[r]!;
    const first = cells[0];
    if (cells.length === 1 && first?.role === "title" && first.colspan === layout.columns) {
      // A block title starts a new table; the block's own header row comes next.
      if (started) out.push("");
      out.push(`**${escapeMarkdown(first.label?.[outline.lang] ?? "")}**`, "");
      header = null;
      started = false;
      continue;
    }
    if (!header) {
      header = bodyLine(grid, r, outline);
      continue;
    }
    if (!started) {
      out.push(pipeRow(header), separator);
      started = true;
    }
    out.push(pipeRow(bodyLine(grid, r, outline)));
  }
  return out;
}

export function renderMarkdown(doc: ReportDocument, options: ExportOptions = {}): string {
  const outline = reportOutline(doc, options.lang ?? "zh", options.title);
  const out: string[] = [`# ${escapeMarkdown(outline.title)}`, ""];
  for (const block of outline.blocks) {
    if (block.kind === "heading") out.push(`## ${escapeMarkdown(block.text)}`, "");
    else if (block.kind === "paragraph") out.push(escapeParagraph(block.text), "");
    else out.push(...tableMarkdown(block.layout, outline), "");
  }
  // The signature: name and date on two lines of one paragraph (a backslash ends a line in CommonMark).
  out.push(escapeParagraph(outline.signature.agency) + (outline.signature.date ? "\\" : ""));
  if (outline.signature.date) out.push(escapeMarkdown(outline.signature.date));
  return `${out.join("\n")}\n`;
}

export async function exportMarkdown(doc: ReportDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  return new TextEncoder().encode(renderMarkdown(doc, options));
}
