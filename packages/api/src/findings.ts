/**
 * Validation as the server runs it: core's validateReport in filing mode with last year's report and
 * today's date in China, plus the keys that tie explanations to warnings.
 */
import { chinaToday, countBySeverity, type Finding, type Lang, type ReportDocument, validateReport } from "@nianbao/core";
import type { FindingsSummary } from "@nianbao/db";

// Both live in core, so the admin's editor keys explanations and dates its checks as the server does.
export { chinaToday, findingKey } from "@nianbao/core";

export function validateForFiling(doc: unknown, previous: ReportDocument | null, now: number, lang: Lang = "zh"): Finding[] {
  return validateReport(doc, { ...(previous ? { previous } : {}), mode: "filing", today: chinaToday(now), lang });
}

export function summarise(findings: readonly Finding[]): FindingsSummary {
  return countBySeverity(findings);
}
