/**
 * The balance line under table 三: for each applicant column, 一＋二 against 三＋四 and the
 * difference — the T3-BAL identity evaluated as the clerk types, with its two sides named by the
 * form's own short row labels. Any identity of the catalogue can be shown this way; the editor asks
 * for T3-BAL.
 */
import type { CellDef, FormatVersion } from "../formats/index";
import { getFormat } from "../formats/index";
import { type Lang, label as pick } from "../i18n/index";
import { linearInstances } from "../rules/applicable";
import type { CompiledTerm, LinearInstance } from "../rules/linear";
import { isValidCellValue } from "../rules/reading";
import type { ReportDocument } from "../schema/document";
import { readRawCell } from "../schema/values";

export const BALANCE_RULE_ID = "T3-BAL";

export interface BalanceSide {
  readonly cells: readonly string[];
  /** The sum, or null while any of its cells is empty or not a number. */
  readonly sum: number | null;
}

export interface BalanceColumn {
  /** What the instance is about, in the form's words (自然人, 总计 …). */
  readonly label: string;
  readonly lhs: BalanceSide;
  readonly rhs: BalanceSide;
  /** lhs − rhs when both sides are known. */
  readonly difference: number | null;
}

export interface BalanceLine {
  readonly ruleId: string;
  /** Names of the two sides ("本年新收＋上年结转"). */
  readonly lhsLabel: string;
  readonly rhsLabel: string;
  readonly columns: readonly BalanceColumn[];
}

function instancesOf(version: FormatVersion, ruleId: string): readonly LinearInstance[] {
  return linearInstances(version).filter(
    (instance) => instance.rule.id === ruleId && instance.lhs.every((t) => !t.previous) && instance.rhs.every((t) => !t.previous),
  );
}

function sideLabel(terms: readonly CompiledTerm[], cells: ReadonlyMap<string, CellDef>, lang: Lang): string {
  const names = terms.map((term) => {
    const cell = cells.get(term.cellId);
    const name = cell ? pick(lang, cell.rowShort) : term.cellId;
    return term.sign < 0 ? `−${name}` : name;
  });
  return names.join(lang === "zh" ? "＋" : " + ").replace(/[＋+] ?−/gu, "−");
}

function sideOf(terms: readonly CompiledTerm[], doc: Pick<ReportDocument, "tables">, cells: ReadonlyMap<string, CellDef>): BalanceSide {
  let sum: number | null = 0;
  for (const term of terms) {
    const cell = cells.get(term.cellId)!;
    const value = readRawCell(doc.tables, cell);
    if (cell.kind === "money" || !isValidCellValue(cell, value)) sum = null;
    else if (sum !== null) sum += term.sign * (value as number);
  }
  return { cells: terms.map((t) => t.cellId), sum };
}

/** The identity `ruleId` (default T3-BAL) evaluated per instance, or null when the format has none. */
export function balanceLine(
  doc: Pick<ReportDocument, "formatVersion" | "tables">,
  lang: Lang = "zh",
  ruleId: string = BALANCE_RULE_ID,
): BalanceLine | null {
  const instances = instancesOf(doc.formatVersion, ruleId);
  const first = instances[0];
  if (!first) return null;
  const { cellById } = getFormat(doc.formatVersion);
  const columns = instances.map((instance): BalanceColumn => {
    const lhs = sideOf(instance.lhs, doc, cellById);
    const rhs = sideOf(instance.rhs, doc, cellById);
    const scope = instance.rule.scope;
    const anyCell = cellById.get(instance.cells[0]!)!;
    const label = scope.kind === "row" || scope.kind === "block" ? pick(lang, anyCell.rowShort) : pick(lang, anyCell.columnDef.label);
    return { label, lhs, rhs, difference: lhs.sum !== null && rhs.sum !== null ? lhs.sum - rhs.sum : null };
  });
  return {
    ruleId,
    lhsLabel: sideLabel(first.lhs, cellById, lang),
    rhsLabel: sideLabel(first.rhs, cellById, lang),
    columns,
  };
}
