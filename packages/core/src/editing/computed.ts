/**
 * Totals the editor can work out: a cell that one of the form's identities states as the sum of other
 * cells of the same report (总计 column = the applicant columns, （七）总计 = （一）至（六）, 复议/诉讼
 * 总计 = its outcomes). They are found in the compiled rule equations — an exact identity whose stated
 * side is a single current-year cell and whose other side adds current-year cells only — so a future
 * format brings its totals with its rules. A total of addends of which any is empty is empty: nothing
 * is ever invented as 0.
 */
import { type CellDef, type FormatVersion, getFormat } from "../formats/index";
import { isValidCellValue } from "../rules/reading";
import { linearInstances } from "../rules/applicable";
import { isDecimalString, normalizeMoney, sumMoney } from "../money";
import type { ReportDocument } from "../schema/document";
import { readRawCell, type CellValue } from "../schema/values";
import { type CellEdit, withCellValues } from "./document";

export interface ComputedCell {
  readonly cellId: string;
  /** The cells it adds up. */
  readonly addends: readonly string[];
  /** The identity it comes from. */
  readonly ruleId: string;
}

export interface ComputedTotals {
  /** Every computed cell, addends before the totals that use them. */
  readonly order: readonly ComputedCell[];
  readonly byId: ReadonlyMap<string, ComputedCell>;
}

function derive(version: FormatVersion): ComputedTotals {
  const candidates = new Map<string, ComputedCell>();
  for (const instance of linearInstances(version)) {
    const { rule } = instance;
    if (rule.relation !== "==" || rule.crossYear) continue;
    const stated = rule.stated === "lhs" ? instance.lhs : instance.rhs;
    const other = rule.stated === "lhs" ? instance.rhs : instance.lhs;
    if (stated.length !== 1 || other.length === 0) continue;
    const target = stated[0]!;
    if (target.previous || target.sign < 0 || other.some((term) => term.previous || term.sign < 0 || term.cellId === target.cellId))
      continue;
    // The first identity that defines a cell wins (catalogue order); the others then hold by construction.
    if (!candidates.has(target.cellId)) {
      candidates.set(target.cellId, { cellId: target.cellId, addends: other.map((term) => term.cellId), ruleId: rule.id });
    }
  }
  // Addends first; a definition that would close a cycle is dropped (that cell stays typed in).
  const order: ComputedCell[] = [];
  const state = new Map<string, "visiting" | "done" | "dropped">();
  const visit = (cellId: string): boolean => {
    const def = candidates.get(cellId);
    if (!def) return true;
    const seen = state.get(cellId);
    if (seen === "done") return true;
    if (seen === "visiting" || seen === "dropped") return false;
    state.set(cellId, "visiting");
    if (!def.addends.every(visit)) {
      state.set(cellId, "dropped");
      return false;
    }
    state.set(cellId, "done");
    order.push(def);
    return true;
  };
  for (const cellId of candidates.keys()) visit(cellId);
  return { order, byId: new Map(order.map((def) => [def.cellId, def])) };
}

const cache = new Map<FormatVersion, ComputedTotals>();

/** The computed cells of a format (derived once per version). */
export function computedTotals(version: FormatVersion): ComputedTotals {
  let totals = cache.get(version);
  if (!totals) cache.set(version, (totals = derive(version)));
  return totals;
}

function sumOf(cell: CellDef, values: readonly unknown[], cells: readonly CellDef[]): CellValue {
  for (let i = 0; i < values.length; i++) if (!isValidCellValue(cells[i]!, values[i])) return null;
  if (cell.kind === "money") return sumMoney(values as string[]);
  let total = 0;
  for (const value of values) total += value as number;
  return total;
}

/** Equal as figures: money compared exactly whatever its trailing zeros ("12.50" = "12.5"). */
function sameValue(a: unknown, b: CellValue): boolean {
  if (typeof a === "string" && typeof b === "string" && isDecimalString(a) && isDecimalString(b))
    return normalizeMoney(a) === normalizeMoney(b);
  return Object.is(a, b);
}

/** The value each computed cell should hold in `doc`, in dependency order. */
export function computeTotals(doc: Pick<ReportDocument, "formatVersion" | "tables">): Map<string, CellValue> {
  const format = getFormat(doc.formatVersion);
  const out = new Map<string, CellValue>();
  for (const def of computedTotals(doc.formatVersion).order) {
    const cell = format.cellById.get(def.cellId)!;
    const addendCells = def.addends.map((id) => format.cellById.get(id)!);
    const values = addendCells.map((c) => (out.has(c.id) ? out.get(c.id) : readRawCell(doc.tables, c)));
    out.set(def.cellId, sumOf(cell, values, addendCells));
  }
  return out;
}

/** The document with every computed cell filled in (the same object when nothing changes). */
export function applyComputedTotals<D extends Pick<ReportDocument, "formatVersion" | "tables">>(doc: D): D {
  const edits: CellEdit[] = [...computeTotals(doc)];
  return withCellValues(doc, edits);
}

/**
 * Whether switching computed totals on would lose nothing: every computed cell is either still empty
 * or already holds its sum. The editor starts with computed totals on when this is so.
 */
export function computedTotalsAgree(doc: Pick<ReportDocument, "formatVersion" | "tables">): boolean {
  const format = getFormat(doc.formatVersion);
  for (const [cellId, value] of computeTotals(doc)) {
    const stored = readRawCell(doc.tables, format.cellById.get(cellId)!);
    if (stored === null || stored === undefined) continue;
    if (!sameValue(stored, value)) return false;
  }
  return true;
}
