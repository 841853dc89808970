/**
 * Findings as the editor uses them: the same validateReport call the server makes for a report being
 * filed (mode "filing", last year's report, today's date in China), indexed by cell.
 */
import { type Finding, type Lang, type ReportDocument, validateReport } from "@nianbao/core";

/**
 * Today's ISO date in China (UTC+8), where filing deadlines fall. The server computes the date it
 * validates with the same way; a clerk's own clock zone must not change what R-DEADLINE says.
 */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + 8 * 60 * 60_000).toISOString().slice(0, 10);
}

export function findingsOf(doc: ReportDocument, previous: ReportDocument | null, lang: Lang, today: string): Finding[] {
  return validateReport(doc, { ...(previous ? { previous } : {}), mode: "filing", today, lang });
}

/** A finding's identity across keystrokes and revisions: its rule and the cells (or field) it names. */
export function findingId(finding: Pick<Finding, "ruleId" | "cells" | "path">): string {
  return `${finding.ruleId}|${finding.cells.length ? finding.cells.join(",") : (finding.path ?? "")}`;
}

export type CellSeverity = "error" | "warning" | null;

/** The worst error/warning per cell (info findings mark no cell: they say a rule could not run yet). */
export function severityByCell(findings: readonly Finding[]): Map<string, Exclude<CellSeverity, null>> {
  const out = new Map<string, Exclude<CellSeverity, null>>();
  for (const finding of findings) {
    if (finding.severity === "info") continue;
    for (const cell of finding.cells) {
      if (finding.severity === "error" || !out.has(cell)) out.set(cell, finding.severity);
    }
  }
  return out;
}

/** Same findings in the same order with the same messages: lets a list skip re-rendering. */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.ruleId !== y.ruleId || x.severity !== y.severity || x.message !== y.message || x.cells.join() !== y.cells.join()) return false;
  }
  return true;
}
