/**
 * The report's cells as a flat list, one row per cell: `cell id | label path | value`. This is what a
 * statistician loads into a spreadsheet or a database; CSV and the Excel data sheet both write it.
 */
import { type Lang, type ReportDocument, formatDecimal, getFormat, parseDecimal } from "@nianbao/core";
import { LABEL_PATH_SEPARATOR, UNIT_LABEL } from "./labels";
import { cellUnit, cellValue } from "./outline";

export interface FlatRow {
  /** The cell id (`applications.newReceived.natural`), or for a unit the document records, its path. */
  readonly id: string;
  readonly labelPath: string;
  readonly value: number | string | null;
  readonly kind: "count" | "signedCount" | "money" | "unit";
}

export function flatRows(doc: ReportDocument, lang: Lang): FlatRow[] {
  const rows: FlatRow[] = [];
  for (const cell of getFormat(doc.formatVersion).cells) {
    const labelPath = cell.labelPath.map((label) => label[lang]).join(LABEL_PATH_SEPARATOR);
    rows.push({ id: cell.id, labelPath, value: cellValue(doc, cell) ?? null, kind: cell.kind });
    // A money column without a unit in its header (2019 采购总金额): the unit the amount is in.
    const unitField = cell.columnDef.unitField;
    if (unitField) {
      rows.push({
        id: [...cell.path.slice(0, -1), unitField].join("."),
        labelPath: `${labelPath}${LABEL_PATH_SEPARATOR}${UNIT_LABEL[lang]}`,
        value: cellUnit(doc, cell),
        kind: "unit",
      });
    }
  }
  return rows;
}

/**
 * A money amount as a spreadsheet number, or null when a number would change it. Excel keeps 15
 * significant digits, and a binary double holds any decimal of at most 15 significant digits exactly
 * enough to print back the same digits; a longer amount must stay text or it would be silently rounded.
 */
export function moneyAsNumber(amount: string): number | null {
  const decimal = parseDecimal(amount);
  if (!decimal) return null;
  const digits = (decimal.units < 0n ? -decimal.units : decimal.units).toString().replace(/^0+/, "");
  if (digits.replace(/0+$/, "").length > 15) return null;
  const number = Number(amount);
  const back = parseDecimal(String(number));
  return back && formatDecimal(back) === formatDecimal(decimal) ? number : null;
}
