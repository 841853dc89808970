/**
 * zod issues → findings. Cell values are judged by the cell rules (T3-INT …), so issues inside the
 * tables are dropped here except keys that do not belong to the format (R-VERSION). Everything else
 * becomes a SCHEMA finding that names the field in words and by JSON path.
 */
import type { z } from "zod";
import type { CompiledFormat, KeyTree } from "./formats/index";
import { type Lang, label as pick, t } from "./i18n/index";
import type { Finding } from "./schema/findings";
import { jsonTypeName, valueAt } from "./schema/json-values";

const FIELD_NAMES: Record<string, { zh: string; en: string }> = {
  formatVersion: { zh: "格式版本", en: "format version" },
  year: { zh: "报告年度", en: "report year" },
  agency: { zh: "机关", en: "agency" },
  "agency.name": { zh: "机关名称", en: "agency name" },
  "agency.kind": { zh: "机关类别", en: "agency kind" },
  "agency.rulemaking": { zh: "规章制定权", en: "rule-making power" },
  publishedAt: { zh: "发布日期", en: "publication date" },
  sections: { zh: "正文", en: "sections" },
  "sections.overview": { zh: "一、总体情况", en: "section 1 (overview)" },
  "sections.problems": { zh: "五、存在的主要问题及改进情况", en: "section 5 (problems)" },
  "sections.other": { zh: "六、其他需要报告的事项", en: "section 6 (other matters)" },
  tables: { zh: "统计表", en: "tables" },
};

function fieldName(path: string, format: CompiledFormat, lang: Lang): string {
  const section = format.def.sections.find((s) => s.kind === "text" && path === `sections.${s.key}`);
  // A text section is named by the format's own heading (its short name where it has one).
  if (section && lang === "zh") return `${pick(lang, section.short ?? section.heading)}（${path}）`;
  const known = FIELD_NAMES[path];
  if (known) return `${known[lang]}（${path}）`;
  const table = format.def.tables.find((tbl) => path === `tables.${tbl.id}`);
  if (table) {
    const section = format.def.sections.find((s) => s.table === table.id);
    if (section) return `${pick(lang, section.heading)}（${path}）`;
  }
  return path || (lang === "zh" ? "报告" : "report");
}

function problem(issue: z.core.$ZodIssue, lang: Lang, input: unknown): string {
  switch (issue.code) {
    case "invalid_type": {
      const missing = valueAt(input, issue.path) === undefined;
      if (missing) return t(lang, "schema.required");
      return t(lang, "schema.type", { expected: jsonTypeName(issue.expected, lang) });
    }
    case "invalid_format":
      return issue.format === "date" ? t(lang, "schema.date") : t(lang, "schema.invalid");
    case "invalid_value":
      return t(lang, "schema.enum", { options: issue.values.map((v) => JSON.stringify(v)).join(" / ") });
    case "too_small":
      return t(lang, "schema.tooSmall");
    case "too_big":
      return t(lang, "schema.tooBig");
    default:
      return issue.message || t(lang, "schema.invalid");
  }
}

export function schemaFindings(result: z.ZodSafeParseResult<unknown>, format: CompiledFormat, lang: Lang, input?: unknown): Finding[] {
  if (result.success) return [];
  const findings: Finding[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const dotted = path.join(".");
    const inTables = path[0] === "tables" && path.length > 1;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        if (inTables || (path[0] === "tables" && path.length === 1)) {
          const tableId = path[1] ?? key;
          const section = format.def.sections.find((s) => s.table === tableId);
          findings.push({
            ruleId: "R-VERSION",
            severity: "error",
            outcome: "failed",
            cells: [],
            path: [...path, key].join("."),
            message: t(lang, "version.rows", {
              table: section ? pick(lang, section.heading) : tableId,
              key: [...path.slice(1), key].join("."),
              version: format.version,
            }),
          });
        } else {
          findings.push({
            ruleId: "SCHEMA",
            severity: "error",
            cells: [],
            path: [...path, key].join("."),
            message: t(lang, "schema.issue", {
              field: fieldName(dotted, format, lang),
              problem: t(lang, "schema.unknownKey", { key }),
            }),
          });
        }
      }
      continue;
    }
    // Inside the tables, missing rows and bad values are reported cell by cell by the cell rules.
    if (inTables) continue;
    findings.push({
      ruleId: "SCHEMA",
      severity: "error",
      cells: [],
      path: dotted,
      message: t(lang, "schema.issue", { field: fieldName(dotted, format, lang), problem: problem(issue, lang, input) }),
    });
  }
  return findings;
}

/**
 * Keys inside `tables` that the format does not have (a 2019 row in a 2021 report, a misspelt
 * column): R-VERSION, since the table's rows and columns must be the format's exactly.
 */
export function unknownTableKeys(format: CompiledFormat, tables: unknown, lang: Lang): Finding[] {
  const findings: Finding[] = [];
  // Walks the document and the format's key tree together; paths are only built for a finding.
  const walk = (node: unknown, allowed: KeyTree, path: () => string[]) => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      const sub = allowed.get(key);
      if (sub) walk((node as Record<string, unknown>)[key], sub, () => [...path(), key]);
      else if (sub === undefined) findings.push(versionFinding(format, [...path(), key], lang));
    }
  };
  walk(tables, format.keyTree, () => []);
  return findings;
}

function versionFinding(format: CompiledFormat, keys: string[], lang: Lang): Finding {
  const tableId = keys[0]!;
  const section = format.def.sections.find((s) => s.table === tableId);
  return {
    ruleId: "R-VERSION",
    severity: "error",
    outcome: "failed",
    cells: [],
    path: ["tables", ...keys].join("."),
    message: t(lang, "version.rows", {
      table: section ? pick(lang, section.heading) : tableId,
      key: keys.join("."),
      version: format.version,
    }),
  };
}
