/**
 * A roll-up kept in storage: the sums of a set of reports of one year and format, updated when one
 * report enters or leaves the set, so that a government of 150,000 departments is summed once, not on
 * every read. `RollUp.addSummed` turns such a sum back into the exact result `aggregateReports` gives
 * for the same reports: the same rule decides what a cell contributes (`summableValue`), money is kept
 * as exact decimal strings, and counts as integers (exact in a double below 2^53).
 */
import { type CellDef, type FormatVersion, getFormat } from "../formats/index";
import { addDecimals, formatDecimal, isDecimalString, parseDecimal } from "../money";
import type { ReportDocument } from "../schema/document";

/** What one report adds to a cell: a count, an exact amount, or undefined when the cell is not usable. */
export function summableValue(cell: CellDef, value: unknown): number | string | undefined {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && (value >= 0 || cell.kind === "signedCount") ? value : undefined;
  }
  return cell.kind === "money" && isDecimalString(value) && !value.startsWith("-") ? value : undefined;
}

/** One report's cells as they enter a roll-up, in the order of its format's cell list (null: not usable). */
export interface ReportFigures {
  year: number;
  formatVersion: FormatVersion;
  values: (number | string | null)[];
}

export function reportFigures(doc: ReportDocument): ReportFigures {
  const format = getFormat(doc.formatVersion);
  const raw = new Array<unknown>(format.cells.length).fill(undefined);
  for (const group of format.rowGroups) group.read(doc.tables, raw);
  const values = format.cells.map((cell) => summableValue(cell, raw[cell.index]) ?? null);
  return { year: doc.year, formatVersion: doc.formatVersion, values };
}

/** Indices of the cells a report gave a non-zero value (it is listed as their contributor). */
export function nonZeroCells(figures: ReportFigures): number[] {
  const out: number[] = [];
  figures.values.forEach((v, i) => {
    if (v !== null && v !== 0 && v !== "0") out.push(i);
  });
  return out;
}

/** Indices of the cells a report left without a usable value. */
export function missingCells(figures: ReportFigures): number[] {
  const out: number[] = [];
  figures.values.forEach((v, i) => {
    if (v === null) out.push(i);
  });
  return out;
}

/** The sums of a set of reports of one year and format, by cell index. */
export interface SummedReports {
  year: number;
  formatVersion: FormatVersion;
  inputs: number;
  sums: number[];
  reported: number[];
  missingCount: number[];
  /** Money cells: index → exact sum (canonical decimal string). */
  money: Record<string, string>;
}

/** Per cell index, input indices (in the roll-up's input order) of reports missing / contributing to it. */
export interface SummedLists {
  missing: readonly (readonly number[] | undefined)[];
  contributors?: readonly (readonly number[] | undefined)[];
}

export function emptySum(year: number, formatVersion: FormatVersion): SummedReports {
  const n = getFormat(formatVersion).cells.length;
  const zeros = () => new Array<number>(n).fill(0);
  return { year, formatVersion, inputs: 0, sums: zeros(), reported: zeros(), missingCount: zeros(), money: {} };
}

/** Adds (sign 1) or takes away (sign −1) one report's figures; exact for money. */
export function addFigures(sum: SummedReports, figures: ReportFigures, sign: 1 | -1): void {
  if (figures.year !== sum.year || figures.formatVersion !== sum.formatVersion) {
    throw new RangeError(`figures of ${figures.year}/${figures.formatVersion} added to a sum of ${sum.year}/${sum.formatVersion}`);
  }
  sum.inputs += sign;
  figures.values.forEach((value, i) => {
    if (value === null) {
      sum.missingCount[i]! += sign;
      return;
    }
    sum.reported[i]! += sign;
    if (typeof value === "number") sum.sums[i]! += sign * value;
    else sum.money[i] = addMoney(sum.money[i] ?? "0", value, sign);
  });
}

/** Adds one sum into another of the same year and format. */
export function addSums(into: SummedReports, from: SummedReports, sign: 1 | -1): void {
  into.inputs += sign * from.inputs;
  for (let i = 0; i < into.sums.length; i++) {
    into.sums[i]! += sign * from.sums[i]!;
    into.reported[i]! += sign * from.reported[i]!;
    into.missingCount[i]! += sign * from.missingCount[i]!;
  }
  for (const [i, amount] of Object.entries(from.money)) into.money[i] = addMoney(into.money[i] ?? "0", amount, sign);
}

function addMoney(a: string, b: string, sign: 1 | -1): string {
  const x = parseDecimal(a)!;
  const y = parseDecimal(b)!;
  return formatDecimal(addDecimals(x, sign === 1 ? y : { units: -y.units, scale: y.scale }));
}
