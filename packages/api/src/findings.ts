/**
 * Validation as the server runs it: core's validateReport in filing mode with last year's report and
 * today's date in China, plus the keys that tie explanations to warnings.
 */
import { chinaToday, countBySeverity, type Finding, type Lang, type ReportDocument, validateReport } from "@nianbao/core";
import type { FindingsSummary } from "@nianbao/db";

// Both live in core, so the admin's editor keys explanations and dates its checks as the server does.
export { chinaToday, findingKey } from "@nianbao/core";

/**
 * `importFindings`: the findings of the import the document was read from. A cell they name that the
 * document leaves empty was not read, not left blank: unchecked, not "未填写".
 */
export function validateForFiling(
  doc: unknown,
  previous: ReportDocument | null,
  now: number,
  lang: Lang = "zh",
  importFindings: readonly Finding[] = [],
): Finding[] {
  return validateReport(doc, {
    ...(previous ? { previous } : {}),
    mode: "filing",
    today: chinaToday(now),
    lang,
    ...(importFindings.length ? { importFindings } : {}),
  });
}

export function summarise(findings: readonly Finding[]): FindingsSummary {
  return countBySeverity(findings);
}
