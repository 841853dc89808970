/**
 * Next year's draft from this year's report: same agency, empty text, every cell empty except those a
 * cross-year rule fixes from last year's figures — 上年结转 from 结转下年度继续办理 (T3-CARRY) and, in
 * the 2019 format, 上一年项目数量 from last year's count plus its change (T2v19-ROLL). The carried cells
 * are found in the rule catalogue (an equation whose stated side is one current cell and whose other
 * side is only last year's cells), so a new format's carry rules pre-fill with no code here.
 */
import { type FormatVersion, formatVersionForYear, getFormat } from "../formats/index";
import { linearInstances } from "../rules/applicable";
import { CellStatus, readCells } from "../rules/reading";
import type { ReportDocument } from "../schema/document";
import { createEmptyReport, writeCell } from "../schema/values";

export interface DraftOptions {
  /** The format of the new year (default: the one its year requires). */
  formatVersion?: FormatVersion;
}

export function draftNextYear(doc: ReportDocument, options: DraftOptions = {}): ReportDocument {
  const year = doc.year + 1;
  const version = options.formatVersion ?? formatVersionForYear(year);
  const draft = createEmptyReport({ year, agency: doc.agency, formatVersion: version });
  const previous = readCells(getFormat(doc.formatVersion), doc.tables);
  const tables = draft.tables as unknown as Record<string, unknown>;
  const target = getFormat(version);
  for (const instance of linearInstances(version)) {
    const { rule } = instance;
    if (!rule.crossYear || rule.relation !== "==") continue;
    const stated = rule.stated === "lhs" ? instance.lhs : instance.rhs;
    const other = rule.stated === "lhs" ? instance.rhs : instance.lhs;
    if (stated.length !== 1 || stated[0]!.previous || other.length === 0 || !other.every((term) => term.previous)) continue;
    let value = 0;
    let known = true;
    for (const term of other) {
      const cell = previous.format.cellById.get(term.cellId);
      if (!cell || previous.status[cell.index] !== CellStatus.ok) known = false;
      else value += term.sign * previous.values[cell.index]!;
    }
    const cell = target.cellById.get(stated[0]!.cellId);
    if (cell && known) writeCell(tables, cell, value);
  }
  return draft;
}
