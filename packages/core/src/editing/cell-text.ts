/**
 * Reading one cell's text as a value of its column's kind: what a clerk types or pastes, and what an
 * imported table prints. Published tables and spreadsheets write "0" after full-width spaces, blanks as
 * "-", "/", "—" or "无", thousands with separators and money with 元 or 万元. A text that is none of these
 * is unreadable: the caller keeps the cell as it was (editor) or leaves it null (importer) and says so.
 */
import type { CellDef } from "../formats/index";
import { normalizeMoney, shiftDecimal } from "../money";
import { toHalfWidth } from "../text";

export type CellReadout =
  | { readonly kind: "value"; readonly value: number | string; readonly unit?: "元" | "万元"; readonly converted?: boolean }
  | { readonly kind: "blank" }
  | { readonly kind: "unreadable"; readonly text: string };

/** What a blank cell looks like in published tables. */
const BLANK = /^(?:|[-－—–―‐_/／\\、.。·…]+|无|空|暂无|未填|\/|n\/?a)$/iu;

/** Units a count may carry: 件, 个, 项, 次, 条, 人, 家. */
const COUNT_UNIT = /(?:件|个|项|次|条|人|家|宗)$/u;

/**
 * Squeezes the text to its content: half-width, no thousands separators, no spaces — except between
 * two digits, where a space separates two numbers ("447 7" is two cells, never 4477).
 */
export function compactValueText(text: string): string {
  return toHalfWidth(text)
    .replace(/[\u00a0\u200b\ufeff]/gu, " ")
    .trim()
    .replace(/\s+/gu, (space, at: number, all: string) =>
      /\d/u.test(all[at - 1] ?? "") && /\d/u.test(all[at + space.length] ?? "") ? " " : "",
    )
    .replace(/(\d),(?=\d{3}(?:\D|$))/gu, "$1")
    .replace(/^\+(?=\d)/u, "")
    .replace(/^−(?=\d)/u, "-");
}

/** Whether a text reads as a value or a blank of some kind (used to tell value cells from labels). */
export function looksLikeValue(text: string): boolean {
  const s = compactValueText(text);
  if (BLANK.test(s)) return true;
  return /^-?\d+(?:\.\d+)?(?:万元|元|件|个|项|次|条|人|家|宗)?$/u.test(s);
}

/** A digit string with no separators, the raw material of a run-together row ("640020470"). */
export function isDigitRun(text: string): boolean {
  return /^\d+$/u.test(compactValueText(text));
}

export function isBlankText(text: string): boolean {
  return BLANK.test(compactValueText(text));
}

/**
 * The value of `text` in `cell`. `headerUnit` is the unit a money column's header states when the
 * format leaves it open (2019 采购总金额) or a source changed it (“（单位：元）”).
 */
export function readCellValue(text: string, cell: CellDef, headerUnit?: "元" | "万元" | null): CellReadout {
  const s = compactValueText(text);
  if (BLANK.test(s)) return { kind: "blank" };
  if (cell.kind === "money") return readMoney(s, text, cell, headerUnit ?? null);
  const m = /^(-?\d+)$/u.exec(s.replace(COUNT_UNIT, ""));
  if (!m) return { kind: "unreadable", text };
  const value = Number(m[1]);
  if (!Number.isSafeInteger(value)) return { kind: "unreadable", text };
  if (value < 0 && cell.kind === "count") return { kind: "unreadable", text };
  return { kind: "value", value: Object.is(value, -0) ? 0 : value };
}

function readMoney(s: string, original: string, cell: CellDef, headerUnit: "元" | "万元" | null): CellReadout {
  const m = /^(\d+(?:\.\d+)?)(万元|元)?$/u.exec(s);
  if (!m) return { kind: "unreadable", text: original };
  const amount = normalizeMoney(m[1]!);
  const written = (m[2] as "元" | "万元" | undefined) ?? headerUnit ?? undefined;
  const fixedUnit = cell.columnDef.unit ?? null;
  if (fixedUnit === "万元") {
    // The 2021 fees column is in 万元; an amount written in 元 is converted exactly.
    if (written === "元") return { kind: "value", value: shiftDecimal(amount, -4), unit: "万元", converted: true };
    return { kind: "value", value: amount, unit: "万元" };
  }
  // A column without a fixed unit (2019 采购总金额) keeps the amount and records the unit it was written in.
  return written ? { kind: "value", value: amount, unit: written } : { kind: "value", value: amount };
}
