/**
 * What a clerk types into one cell, read as the value the document stores: a count as an integer, money
 * as an exact decimal string, and every way of writing "nothing" as null (not given — never 0).
 */
import type { CellDef } from "../formats/index";
import type { Lang } from "../i18n/index";
import { decimalScale } from "../money";
import { cellPath } from "../rules/cells";
import type { CellValue } from "../schema/values";
import { readCellValue } from "./cell-text";
import { editingMessage } from "./messages";

export type CellInput = { readonly ok: true; readonly value: CellValue } | { readonly ok: false; readonly message: string };

/** Reads `text` as the value of `cell`; a refusal names the cell by its label path. */
export function readCellInput(text: string, cell: CellDef, lang: Lang = "zh"): CellInput {
  const readout = readCellValue(text, cell);
  const where = cellPath(cell, lang);
  const shown = text.trim();
  if (readout.kind === "blank") return { ok: true, value: null };
  if (readout.kind === "unreadable") {
    const key = cell.kind === "money" ? "input.notMoney" : cell.kind === "signedCount" ? "input.notSignedCount" : "input.notCount";
    return { ok: false, message: editingMessage(lang, key, { cell: where, text: shown, unit: cell.columnDef.unit ?? "元" }) };
  }
  const { value } = readout;
  if (cell.kind === "money") {
    const scale = cell.columnDef.maxScale;
    if (typeof value === "string" && scale !== undefined && decimalScale(value) > scale) {
      return { ok: false, message: editingMessage(lang, "input.moneyScale", { cell: where, text: shown, scale }) };
    }
  }
  return { ok: true, value };
}

/** How a stored value is shown in a cell's input (null as empty). */
export function cellInputText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" || typeof value === "string" ? String(value) : "";
}
