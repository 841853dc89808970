/**
 * The validation rules of formats.json, declared as data. Table identities are equations over cell
 * ids (with `{c}` placeholders and `*` wildcards expanded against the format); cell checks name a
 * table and what they check; report-level rules name the check function that decides them. No rule
 * names a format: `rulesFor` finds the rules whose cells and roles a format has.
 */
import { ACTIVE_DISCLOSURE_RULES } from "./catalog-active";
import { APPLICATION_RULES, REVIEW_LITIGATION_RULES } from "./catalog-tables";
import type { RuleDefinition } from "./definitions";

export * from "./definitions";

const l = (zh: string, en: string) => ({ zh, en });

const REPORT_RULES: readonly RuleDefinition[] = [
  {
    id: "R-VERSION",
    kind: "check",
    check: "version",
    severity: "error",
    title: l("格式版本与报告年度一致", "Format version matches the report year"),
  },
  {
    id: "R-SECTIONS",
    kind: "check",
    check: "sections",
    severity: "error",
    title: l("六部分内容齐全", "All six sections present"),
  },
  {
    id: "R-PERIOD",
    kind: "check",
    check: "period",
    severity: "error",
    title: l("统计期限为本年度1月1日至12月31日", "Statistical period is 1 January – 31 December"),
  },
  {
    id: "R-DEADLINE",
    kind: "check",
    check: "deadline",
    severity: "warning",
    title: l("按时发布（部门1月31日前，本级政府3月31日前）", "Published on time"),
  },
  {
    id: "R-GOV-EXTRA",
    kind: "check",
    check: "govExtra",
    severity: "warning",
    title: l("政府报告含工作考核、社会评议和责任追究结果", "Government reports cover assessment results"),
  },
  {
    // Formats whose table 二 reports fees as an amount also ask section 六 for the processing fees.
    id: "R-FEE-2021",
    kind: "check",
    check: "fee2021",
    severity: "warning",
    needs: ["feeAmount"],
    title: l("报告信息处理费收取情况", "Information-processing fees reported"),
  },
];

const CROSS_YEAR_TEXT_RULES: readonly RuleDefinition[] = [
  {
    id: "R-SIMILAR",
    kind: "check",
    check: "similarity",
    severity: "warning",
    crossYear: true,
    title: l("正文与上年报告不雷同", "Text is not copied from last year's report"),
  },
  {
    id: "R-PROBLEMS",
    kind: "check",
    check: "problemsChanged",
    severity: "warning",
    crossYear: true,
    title: l("存在问题与上年不同", "Problems differ from last year's"),
  },
];

export const RULES: readonly RuleDefinition[] = [
  ...REPORT_RULES,
  ...APPLICATION_RULES,
  ...REVIEW_LITIGATION_RULES,
  ...ACTIVE_DISCLOSURE_RULES,
  ...CROSS_YEAR_TEXT_RULES,
];

/** Rule ids in catalogue order, each once. */
export const RULE_IDS: readonly string[] = [...new Set(RULES.map((r) => r.id))];
