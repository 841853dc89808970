/** Findings as readable text for a terminal. */
import { countBySeverity, type Finding, type Lang } from "@nianbao/core";
import { say } from "./messages";

const MARK = { error: "✗", warning: "!", info: "·" } as const;

export function findingsText(label: string, findings: readonly Finding[], lang: Lang): string {
  const counts = countBySeverity(findings);
  const lines = [
    `${label}: ${findings.length ? say(lang, "summary", { errors: counts.error, warnings: counts.warning, infos: counts.info }) : say(lang, "noFindings")}`,
  ];
  for (const f of findings) {
    lines.push(`  ${MARK[f.severity]} ${say(lang, `severity_${f.severity}`)} ${f.ruleId}  ${f.message}`);
    if (f.cells.length) lines.push(`      ${say(lang, "cells")}: ${cellList(f.cells, lang)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Long cell lists (a whole missing table) are cut for the terminal; --json always gives them all. */
function cellList(cells: readonly string[], lang: Lang): string {
  const shown = 6;
  if (cells.length <= shown + 1) return cells.join(", ");
  const more = cells.length - shown;
  return `${cells.slice(0, shown).join(", ")} ${lang === "zh" ? `等，共 ${cells.length} 个` : `and ${more} more`}`;
}
