/**
 * Reading a document that may be malformed: every cell with a status, and the other fields with safe
 * defaults, so that the rules can run on whatever part of the input is usable.
 */
import { isIsoDate } from "../dates";
import { type CellDef, type CompiledFormat, type FormatVersion, getFormat, isFormatVersion } from "../formats/index";
import { isDecimalString } from "../money";
import type { AgencyKind } from "../schema/document";
import { normalizeForMatching } from "../text";

export const CellStatus = { ok: 0, empty: 1, missing: 2, invalid: 3 } as const;
export type CellStatus = (typeof CellStatus)[keyof typeof CellStatus];

export interface CellReading {
  readonly format: CompiledFormat;
  /** Numeric value of each cell by index (money as an approximate number); NaN unless status is ok. */
  readonly values: Float64Array;
  readonly status: Uint8Array;
  /** The raw value of each cell, as given. */
  readonly raw: readonly unknown[];
}

export function isValidCellValue(cell: CellDef, value: unknown): boolean {
  switch (cell.kind) {
    case "count":
      return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
    case "signedCount":
      return typeof value === "number" && Number.isSafeInteger(value);
    case "money":
      return isDecimalString(value) && !value.startsWith("-");
  }
}

export function readCells(format: CompiledFormat, tables: unknown): CellReading {
  const n = format.cells.length;
  const values = new Float64Array(n).fill(Number.NaN);
  const status = new Uint8Array(n);
  const raw: unknown[] = new Array(n);
  for (const group of format.rowGroups) group.read(tables, raw);
  for (let i = 0; i < n; i++) {
    const value = raw[i];
    if (value === undefined) status[i] = CellStatus.missing;
    else if (value === null) status[i] = CellStatus.empty;
    else if (!isValidCellValue(format.cells[i]!, value)) status[i] = CellStatus.invalid;
    else {
      status[i] = CellStatus.ok;
      values[i] = typeof value === "number" ? value : Number(value);
    }
  }
  return { format, values, status, raw };
}

/** The non-table fields of a document, each with a safe default when absent or of the wrong type. */
export interface DocumentView {
  readonly formatVersion: FormatVersion;
  readonly year: number | null;
  readonly agencyName: string;
  readonly agencyKind: AgencyKind | null;
  readonly rulemaking: boolean | undefined;
  /** ISO date, or null when absent or not a valid date. */
  readonly publishedAt: string | null;
  readonly sections: { readonly overview: string; readonly problems: string; readonly other: string };
  readonly tables: unknown;
  readonly cells: CellReading;
  /** A section's text normalised for matching (`normalizeForMatching`), computed once. */
  normalized(key: "overview" | "problems" | "other" | "all"): string;
}

function obj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Reads a raw input as a document of `version` (the caller decides the version). */
export function viewDocument(input: Record<string, unknown>, version: FormatVersion): DocumentView {
  const agency = obj(input.agency);
  const sections = obj(input.sections);
  const year = typeof input.year === "number" && Number.isInteger(input.year) ? input.year : null;
  const kind = agency.kind === "department" || agency.kind === "government" ? agency.kind : null;
  const sectionTexts = { overview: str(sections.overview), problems: str(sections.problems), other: str(sections.other) };
  const cache = new Map<string, string>();
  return {
    formatVersion: version,
    year,
    agencyName: str(agency.name),
    agencyKind: kind,
    rulemaking: typeof agency.rulemaking === "boolean" ? agency.rulemaking : undefined,
    publishedAt: isIsoDate(input.publishedAt) ? input.publishedAt : null,
    sections: sectionTexts,
    tables: input.tables,
    cells: readCells(getFormat(version), input.tables),
    normalized(key) {
      let text = cache.get(key);
      if (text === undefined) {
        text = normalizeForMatching(key === "all" ? Object.values(sectionTexts).join("\n") : sectionTexts[key]);
        cache.set(key, text);
      }
      return text;
    },
  };
}

/** The version a raw input declares, or null. */
export function declaredVersion(input: Record<string, unknown>): FormatVersion | null {
  return isFormatVersion(input.formatVersion) ? input.formatVersion : null;
}
