/**
 * Findings: what validation and import say about a document (spec/README.md, "Findings").
 */
import { z } from "zod";

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

export const findingSchema = z.object({
  /** A rule id of formats.json (T3-BAL, R-DEADLINE …), `IMPORT-…` for import problems, `SCHEMA` for shape errors. */
  ruleId: z.string(),
  severity: severitySchema,
  /** Every cell the finding involves (canonical cell ids). */
  cells: z.array(z.string()),
  /** In the form's own labels; zh-CN unless English was asked for. */
  message: z.string(),
  expected: z.union([z.number(), z.string(), z.null()]).optional(),
  actual: z.union([z.number(), z.string(), z.null()]).optional(),
  /**
   * `failed`: the rule does not hold. `unchecked`: a cell it needs is empty or unreadable, so it
   * could not be decided (it neither passes nor fails; severity is then `info`).
   */
  outcome: z.enum(["failed", "unchecked"]).optional(),
  /** JSON path of the offending value, for schema findings (`tables.applications.newReceived`). */
  path: z.string().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * A finding's identity across revisions: its rule and the cells (or the field) it names. An
 * explanation of a warning is kept under this key, so it still applies after unrelated edits.
 */
export function findingKey(finding: Pick<Finding, "ruleId" | "cells" | "path">): string {
  return `${finding.ruleId}|${finding.cells.length ? finding.cells.join(",") : (finding.path ?? "")}`;
}
