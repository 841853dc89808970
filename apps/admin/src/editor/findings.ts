/**
 * Findings as the editor uses them: the same validateReport call the server makes for a report being
 * filed (mode "filing", last year's report, today's date in China), indexed by cell.
 */
import { type Finding, findingKey, type Lang, type ReportDocument, validateReport } from "@nianbao/core";

// Today in China and a finding's key come from core, as on the server: a clerk's clock zone must not
// change what R-DEADLINE says, and an explanation must find its warning under the server's key.
export { chinaToday } from "@nianbao/core";

export function findingsOf(doc: ReportDocument, previous: ReportDocument | null, lang: Lang, today: string): Finding[] {
  return validateReport(doc, { ...(previous ? { previous } : {}), mode: "filing", today, lang });
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
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.ruleId !== y.ruleId || x.severity !== y.severity || x.message !== y.message || x.cells.join() !== y.cells.join()) return false;
  }
  return true;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.ruleId === b.ruleId &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.path === b.path &&
    a.outcome === b.outcome &&
    Object.is(a.expected, b.expected) &&
    Object.is(a.actual, b.actual) &&
    a.cells.length === b.cells.length &&
    a.cells.every((cell, i) => cell === b.cells[i])
  );
}

/**
 * `next` with each finding that is unchanged since `previous` replaced by its previous object (and
 * `previous` itself when nothing changed), so memoised list items and selectors see no change.
 */
export function keepUnchangedFindings(previous: readonly Finding[], next: Finding[]): Finding[] {
  if (sameFindings(previous, next)) return previous as Finding[];
  const before = new Map<string, Finding[]>();
  for (const finding of previous) {
    const id = findingKey(finding);
    const list = before.get(id);
    if (list) list.push(finding);
    else before.set(id, [finding]);
  }
  return next.map((finding) => before.get(findingKey(finding))?.find((old) => sameFinding(old, finding)) ?? finding);
}
