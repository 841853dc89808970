/**
 * Reading one cell's text as a value of its column's kind. The reader lives in core (the editor's
 * paste uses the same one), so an imported table and a pasted block read a cell alike.
 */
import { looksLikeValue } from "@nianbao/core/editing";

export { type CellReadout, compactValueText, isBlankText, isDigitRun, looksLikeValue, readCellValue } from "@nianbao/core/editing";

/**
 * Whether a source cell holds a value rather than a label: a value or blank as the reader knows
 * them, or a short text with a digit and no letters at all ("--253", "? 0") — a value nobody can read
 * for sure, which must keep its column (and be left null with a finding) rather than become a label.
 */
export function isValueCellText(text: string): boolean {
  if (looksLikeValue(text)) return true;
  const t = text.trim();
  return t.length > 0 && t.length <= 16 && /\d/u.test(t) && !/\p{L}/u.test(t);
}
