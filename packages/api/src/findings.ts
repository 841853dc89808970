/**
 * Validation as the server runs it: core's validateReport in filing mode with last year's report and
 * today's date in China, plus the keys that tie explanations to warnings.
 */
import { countBySeverity, type Finding, type Lang, type ReportDocument, validateReport } from "@nianbao/core";
import type { FindingsSummary } from "@nianbao/db";

/** The same warning keeps its key across revisions: rule + the cells (or the field) it names. */
export function findingKey(finding: Pick<Finding, "ruleId" | "cells" | "path">): string {
  return `${finding.ruleId}|${finding.cells.length ? finding.cells.join(",") : (finding.path ?? "")}`;
}

/** ISO date in China (UTC+8): deadlines are dates there. */
export function chinaToday(now: number): string {
  return new Date(now + 8 * 60 * 60_000).toISOString().slice(0, 10);
}

export function validateForFiling(doc: unknown, previous: ReportDocument | null, now: number, lang: Lang = "zh"): Finding[] {
  return validateReport(doc, { ...(previous ? { previous } : {}), mode: "filing", today: chinaToday(now), lang });
}

export function summarise(findings: readonly Finding[]): FindingsSummary {
  return countBySeverity(findings);
}
