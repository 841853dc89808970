/**
 * Reconciliation of a roll-up against the government's own report for the same year: which cells
 * differ, by how much. Cells are compared where both documents have them (三 and 四 across formats
 * after folding), so a 2021 roll-up can be checked against a 2021 report cell by cell.
 */
import { getFormat } from "../formats/index";
import type { Lang } from "../i18n/index";
import { compareDecimals, parseDecimal } from "../money";
import { readCells, CellStatus } from "../rules/reading";
import { cellPath } from "../rules/cells";
import type { ReportDocument } from "../schema/document";

export interface CellDifference {
  cellId: string;
  /** Where the cell sits in the printed table, in the requested language. */
  label: string;
  rollup: number | string | null;
  own: number | string | null;
  /** own − rollup for counts; null for money or when either side is empty. */
  difference: number | null;
}

export function reconcileReports(rollup: ReportDocument, own: ReportDocument, lang: Lang = "zh"): CellDifference[] {
  const a = readCells(getFormat(rollup.formatVersion), rollup.tables);
  const b = readCells(getFormat(own.formatVersion), own.tables);
  const out: CellDifference[] = [];
  for (const cell of a.format.cells) {
    const other = b.format.cellById.get(cell.id);
    if (!other) continue;
    const okA = a.status[cell.index] === CellStatus.ok;
    const okB = b.status[other.index] === CellStatus.ok;
    const valueA = okA ? (a.raw[cell.index] as number | string) : null;
    const valueB = okB ? (b.raw[other.index] as number | string) : null;
    let same: boolean;
    if (!okA || !okB) same = okA === okB;
    else if (cell.kind === "money") same = compareDecimals(parseDecimal(String(valueA))!, parseDecimal(String(valueB))!) === 0;
    else same = valueA === valueB;
    if (same) continue;
    out.push({
      cellId: cell.id,
      label: cellPath(cell, lang),
      rollup: valueA,
      own: valueB,
      difference: okA && okB && cell.kind !== "money" ? (valueB as number) - (valueA as number) : null,
    });
  }
  return out;
}
