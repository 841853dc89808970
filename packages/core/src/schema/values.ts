/**
 * Reading and writing cells of a document by their definition, and building empty documents.
 */
import { type CellDef, type CompiledFormat, type FormatVersion, formatVersionForYear, getFormat } from "../formats/index";
import type { Agency, ReportDocument, TablesFor } from "./document";

export type CellValue = number | string | null;

/** The raw value at a cell's path (undefined when the path is missing); never throws. */
export function readRawCell(tables: unknown, cell: CellDef): unknown {
  let node: unknown = tables;
  for (const key of cell.path) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Set a cell's value, creating the row objects on the way. */
export function writeCell(tables: Record<string, unknown>, cell: CellDef, value: CellValue): void {
  let node: Record<string, unknown> = tables;
  for (const key of cell.path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[cell.path[cell.path.length - 1]!] = value;
}

export function emptyTables<V extends FormatVersion>(version: V): TablesFor<V> {
  const format = getFormat(version);
  const tables: Record<string, unknown> = {};
  for (const cell of format.cells) {
    writeCell(tables, cell, null);
  }
  return tables as TablesFor<V>;
}

export interface NewReportInput {
  year: number;
  agency: Agency;
  /** Defaults to the version the year must use. */
  formatVersion?: FormatVersion;
}

/** A report with every cell null and every text empty: what a blank official template holds. */
export function createEmptyReport(input: NewReportInput): ReportDocument {
  const formatVersion = input.formatVersion ?? formatVersionForYear(input.year);
  return {
    formatVersion,
    year: input.year,
    agency: { ...input.agency },
    publishedAt: null,
    sections: { overview: "", problems: "", other: "" },
    tables: emptyTables(formatVersion),
  } as ReportDocument;
}

/** Every cell of a document as [id, value] pairs, in the format's order. */
export function cellEntries(doc: ReportDocument): [string, unknown][] {
  const format = getFormat(doc.formatVersion);
  return format.cells.map((cell) => [cell.id, readRawCell(doc.tables, cell)]);
}

export function getCell(doc: ReportDocument, cellId: string): unknown {
  const cell = getFormat(doc.formatVersion).cellById.get(cellId);
  return cell ? readRawCell(doc.tables, cell) : undefined;
}

export function formatOf(doc: { formatVersion: FormatVersion }): CompiledFormat {
  return getFormat(doc.formatVersion);
}
