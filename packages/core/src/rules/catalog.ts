/**
 * The validation rules of formats.json, declared as data. Table identities are equations over cell
 * ids (with `{c}` placeholders and `*` wildcards expanded against the format); cell checks name a
 * table and what they check; report-level rules name the check function that decides them.
 */
import type { FormatVersion, Label } from "../formats/types";
import type { Severity } from "../schema/findings";

export const T3_COLUMNS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];
export const T3_APPLICANTS = T3_COLUMNS.slice(0, 6);
const OUTCOMES = ["upheld", "corrected", "otherResult", "pending"];

/**
 * A term of an equation: a cell id, optionally `-` (subtracted) and/or `prev:` (the same agency's
 * previous-year report). `{x}` is replaced by each value of `forEach.x`; `*` matches one id segment.
 */
export type Term = string;

/** How to name one instance of a rule in its message ("自然人列", "本年新收行"). */
export type Scope =
  | { kind: "column"; var: string; table: string }
  | { kind: "row"; var: string; table: string }
  | { kind: "block"; var: string; table: string }
  | { kind: "table"; label: Label };

interface RuleBase {
  readonly id: string;
  readonly versions: readonly FormatVersion[];
  readonly title: Label;
  /** Needs the previous year's report. */
  readonly crossYear?: boolean;
}

export interface LinearRule extends RuleBase {
  readonly kind: "linear";
  readonly severity: Severity;
  /** Placeholder → values. `"dataRowsOf:<table>"` means every data row of that table. */
  readonly forEach?: Readonly<Record<string, readonly string[] | `dataRowsOf:${string}`>>;
  readonly lhs: readonly Term[];
  readonly relation: "==" | "<=" | ">=";
  readonly rhs: readonly Term[];
  /** Which side is the figure the report states (the other is what it should be). */
  readonly stated: "lhs" | "rhs";
  readonly scope: Scope;
  /** Names for long sums in messages, instead of listing every term. */
  readonly lhsName?: Label;
  readonly rhsName?: Label;
}

export interface CellRule extends RuleBase {
  readonly kind: "cells";
  readonly table: string;
  /** `type`: every given value is of the column's kind; `presence`: no cell is null or missing. */
  readonly check: "type" | "presence" | "typeAndPresence";
  /** Only cells of these kinds (default: all). */
  readonly cellKinds?: readonly ("count" | "signedCount" | "money")[];
  /** Presence failures are errors on filing; on import of historical reports they may be warnings. */
  readonly severity: Severity | { readonly filing: Severity; readonly import: Severity };
}

export interface CheckRule extends RuleBase {
  readonly kind: "check";
  readonly severity: Severity;
  /** Name of the check function in `checks.ts`. */
  readonly check: string;
}

export type RuleDefinition = LinearRule | CellRule | CheckRule;

const BOTH = ["2019", "2021"] as const;
const l = (zh: string, en: string) => ({ zh, en });

export const RULES: readonly RuleDefinition[] = [
  // ------------------------------------------------------------------ report level
  {
    id: "R-VERSION",
    kind: "check",
    check: "version",
    severity: "error",
    versions: BOTH,
    title: l("格式版本与报告年度一致", "Format version matches the report year"),
  },
  {
    id: "R-SECTIONS",
    kind: "check",
    check: "sections",
    severity: "error",
    versions: BOTH,
    title: l("六部分内容齐全", "All six sections present"),
  },
  {
    id: "R-PERIOD",
    kind: "check",
    check: "period",
    severity: "error",
    versions: BOTH,
    title: l("统计期限为本年度1月1日至12月31日", "Statistical period is 1 January – 31 December"),
  },
  {
    id: "R-DEADLINE",
    kind: "check",
    check: "deadline",
    severity: "warning",
    versions: BOTH,
    title: l("按时发布（部门1月31日前，本级政府3月31日前）", "Published on time"),
  },
  {
    id: "R-GOV-EXTRA",
    kind: "check",
    check: "govExtra",
    severity: "warning",
    versions: BOTH,
    title: l("政府报告含工作考核、社会评议和责任追究结果", "Government reports cover assessment results"),
  },
  {
    id: "R-FEE-2021",
    kind: "check",
    check: "fee2021",
    severity: "warning",
    versions: ["2021"],
    title: l("报告信息处理费收取情况", "Information-processing fees reported"),
  },

  // ------------------------------------------------------------------ 三、收到和处理政府信息公开申请情况
  {
    id: "T3-BAL",
    kind: "linear",
    severity: "error",
    versions: BOTH,
    title: l("第一项加第二项之和等于第三项加第四项之和", "Item 1 + item 2 = item 3 + item 4"),
    forEach: { c: T3_COLUMNS },
    lhs: ["applications.newReceived.{c}", "applications.carriedOver.{c}"],
    relation: "==",
    rhs: ["applications.results.totalProcessed.{c}", "applications.carriedForward.{c}"],
    stated: "rhs",
    scope: { kind: "column", var: "c", table: "applications" },
  },
  {
    id: "T3-ROWTOTAL",
    kind: "linear",
    severity: "error",
    versions: BOTH,
    title: l("总计等于各类申请人之和", "Total equals the sum of the applicant columns"),
    forEach: { r: "dataRowsOf:applications" },
    lhs: T3_APPLICANTS.map((a) => `applications.{r}.${a}`),
    relation: "==",
    rhs: ["applications.{r}.total"],
    stated: "rhs",
    scope: { kind: "row", var: "r", table: "applications" },
    lhsName: l("各类申请人之和", "the sum of the applicant columns"),
  },
  {
    id: "T3-RESULTSUM-2021",
    kind: "linear",
    severity: "error",
    versions: ["2021"],
    title: l("（七）总计等于（一）至（六）之和", "(7) Total equals results (1)–(6)"),
    forEach: { c: T3_COLUMNS },
    lhs: [
      "applications.results.granted.{c}",
      "applications.results.partial.{c}",
      "applications.results.denied.*.{c}",
      "applications.results.unableToProvide.*.{c}",
      "applications.results.notProcessed.*.{c}",
      "applications.results.other.overdueCorrection.{c}",
      "applications.results.other.overdueFee.{c}",
      "applications.results.other.otherReasons.{c}",
    ],
    relation: "==",
    rhs: ["applications.results.totalProcessed.{c}"],
    stated: "rhs",
    scope: { kind: "column", var: "c", table: "applications" },
    lhsName: l("（一）至（六）各项之和", "the sum of results (1)–(6)"),
  },
  {
    id: "T3-RESULTSUM-2019",
    kind: "linear",
    severity: "error",
    versions: ["2019"],
    title: l("（七）总计等于（一）至（六）之和", "(7) Total equals results (1)–(6)"),
    forEach: { c: T3_COLUMNS },
    lhs: [
      "applications.results.granted.{c}",
      "applications.results.partial.{c}",
      "applications.results.denied.*.{c}",
      "applications.results.unableToProvide.*.{c}",
      "applications.results.notProcessed.*.{c}",
      "applications.results.other.subtotal.{c}",
    ],
    relation: "==",
    rhs: ["applications.results.totalProcessed.{c}"],
    stated: "rhs",
    scope: { kind: "column", var: "c", table: "applications" },
    lhsName: l("（一）至（六）各项之和", "the sum of results (1)–(6)"),
  },
  {
    id: "T3-INT",
    kind: "cells",
    table: "applications",
    check: "type",
    severity: "error",
    versions: BOTH,
    title: l("申请数为非负整数", "Application counts are whole numbers ≥ 0"),
  },
  {
    id: "T3-COMPLETE",
    kind: "cells",
    table: "applications",
    check: "presence",
    severity: { filing: "error", import: "warning" },
    versions: BOTH,
    title: l("申请情况表全部填写", "Every cell of the applications table filled in"),
  },
  {
    id: "T3-CARRY",
    kind: "linear",
    severity: "warning",
    versions: BOTH,
    crossYear: true,
    title: l("上年结转等于上年报告的结转下年度", "Carried over equals last year's carried forward"),
    forEach: { c: T3_COLUMNS },
    lhs: ["prev:applications.carriedForward.{c}"],
    relation: "==",
    rhs: ["applications.carriedOver.{c}"],
    stated: "rhs",
    scope: { kind: "column", var: "c", table: "applications" },
  },
  {
    id: "T3-FEE-X",
    kind: "check",
    check: "feeCross",
    severity: "warning",
    versions: ["2021"],
    title: l("逾期未缴费不再处理的，应报告信息处理费", "Lapsed-for-fee applications imply a fee report"),
  },
  {
    id: "T3-TEXT",
    kind: "check",
    check: "applicationsText",
    severity: "warning",
    versions: BOTH,
    title: l("正文数字与申请情况表一致", "Figures in the text match the applications table"),
  },

  // ------------------------------------------------------------------ 四、行政复议、行政诉讼
  ...(
    [
      ["T4-SUM-R", "review", l("行政复议总计等于各项之和", "Reconsideration total equals its parts")],
      ["T4-SUM-D", "litigationDirect", l("直接起诉总计等于各项之和", "Direct litigation total equals its parts")],
      ["T4-SUM-A", "litigationAfterReview", l("复议后起诉总计等于各项之和", "Litigation after review total equals its parts")],
    ] as const
  ).map(
    ([id, block, title]): LinearRule => ({
      id,
      kind: "linear",
      severity: "error",
      versions: BOTH,
      title,
      lhs: OUTCOMES.map((o) => `reviewLitigation.${block}.${o}`),
      relation: "==",
      rhs: [`reviewLitigation.${block}.total`],
      stated: "rhs",
      scope: { kind: "block", var: block, table: "reviewLitigation" },
      lhsName: l("结果维持、结果纠正、其他结果、尚未审结之和", "upheld + corrected + other + pending"),
    }),
  ),
  {
    id: "T4-INT",
    kind: "cells",
    table: "reviewLitigation",
    check: "typeAndPresence",
    severity: "error",
    versions: BOTH,
    title: l("复议诉讼15项均为非负整数", "All 15 reconsideration and litigation counts are whole numbers ≥ 0"),
  },
  {
    id: "T4-TEXT",
    kind: "check",
    check: "reviewText",
    severity: "warning",
    versions: BOTH,
    title: l("正文复议诉讼数字与表格一致", "Reconsideration and litigation figures in the text match the table"),
  },

  // ------------------------------------------------------------------ 二、主动公开 (2021)
  {
    id: "T2-INT",
    kind: "cells",
    table: "activeDisclosure",
    check: "type",
    cellKinds: ["count"],
    severity: "error",
    versions: ["2021"],
    title: l("主动公开件数为非负整数", "Proactive-disclosure counts are whole numbers ≥ 0"),
  },
  {
    id: "T2-FEE",
    kind: "cells",
    table: "activeDisclosure",
    check: "type",
    cellKinds: ["money"],
    severity: "error",
    versions: ["2021"],
    title: l("收费金额为不小于0的金额（万元）", "Fees are an amount ≥ 0 in 10,000 yuan"),
  },
  {
    id: "T2-FEE-UNIT",
    kind: "check",
    check: "feeUnit",
    severity: "warning",
    versions: ["2021"],
    title: l("收费金额单位为万元", "Fees are in 10,000 yuan"),
  },
  {
    id: "R-TABLES",
    kind: "cells",
    table: "activeDisclosure",
    check: "presence",
    severity: "error",
    versions: BOTH,
    title: l("主动公开表全部填写（没有的填0）", "The proactive-disclosure table is filled in (0 where none)"),
  },
  ...(["regulations", "normativeDocuments"] as const).flatMap((d): LinearRule[] => [
    {
      id: "T2-INFORCE-ROLL",
      kind: "linear",
      severity: "warning",
      versions: ["2021"],
      crossYear: true,
      title: l("现行有效件数＝上年现行有效＋本年制发－本年废止", "In force = last year's in force + issued − repealed"),
      lhs: [`prev:activeDisclosure.${d}.inForce`, `activeDisclosure.${d}.issued`, `-activeDisclosure.${d}.repealed`],
      relation: "==",
      rhs: [`activeDisclosure.${d}.inForce`],
      stated: "rhs",
      scope: { kind: "row", var: d, table: "activeDisclosure" },
    },
    {
      id: "T2-REPEAL-LE",
      kind: "linear",
      severity: "warning",
      versions: ["2021"],
      crossYear: true,
      title: l("本年废止件数不超过上年现行有效与本年制发之和", "Repealed ≤ last year's in force + issued"),
      lhs: [`activeDisclosure.${d}.repealed`],
      relation: "<=",
      rhs: [`prev:activeDisclosure.${d}.inForce`, `activeDisclosure.${d}.issued`],
      stated: "lhs",
      scope: { kind: "row", var: d, table: "activeDisclosure" },
    },
  ]),
  {
    id: "T2-REG-SCOPE",
    kind: "check",
    check: "regulationScope",
    severity: "warning",
    versions: BOTH,
    title: l("无规章制定权的机关规章数应为0", "Bodies without rule-making power report no 规章"),
  },

  // ------------------------------------------------------------------ 二、主动公开 (2019)
  {
    id: "T2v19-INT",
    kind: "cells",
    table: "activeDisclosure",
    check: "type",
    cellKinds: ["count", "signedCount"],
    severity: "error",
    versions: ["2019"],
    title: l("主动公开数量为整数（本年增/减可为负）", "Counts are whole numbers (the change may be negative)"),
  },
  ...(["licensing", "otherServices", "punishment", "coercion", "fees"] as const).map(
    (row): LinearRule => ({
      id: "T2v19-ITEMS",
      kind: "linear",
      severity: "error",
      versions: ["2019"],
      title: l("上一年项目数量加本年增/减不小于0", "Items last year + change ≥ 0"),
      lhs: [`activeDisclosure.${row}.priorYearItems`, `activeDisclosure.${row}.netChange`],
      relation: ">=",
      rhs: [],
      stated: "lhs",
      scope: { kind: "row", var: row, table: "activeDisclosure" },
    }),
  ),
  ...(["regulations", "normativeDocuments"] as const).map(
    (row): LinearRule => ({
      id: "T2v19-TOTALPUB",
      kind: "linear",
      severity: "warning",
      versions: ["2019"],
      title: l("对外公开总数量不小于本年新公开数量", "Published in total ≥ newly published"),
      lhs: [`activeDisclosure.${row}.totalPublished`],
      relation: ">=",
      rhs: [`activeDisclosure.${row}.newlyPublished`],
      stated: "lhs",
      scope: { kind: "row", var: row, table: "activeDisclosure" },
    }),
  ),
  ...(["licensing", "otherServices", "punishment", "coercion", "fees"] as const).map(
    (row): LinearRule => ({
      id: "T2v19-ROLL",
      kind: "linear",
      severity: "warning",
      versions: ["2019"],
      crossYear: true,
      title: l("上一年项目数量等于上年报告的项目数量加增减", "Items last year = last report's items + change"),
      lhs: [`prev:activeDisclosure.${row}.priorYearItems`, `prev:activeDisclosure.${row}.netChange`],
      relation: "==",
      rhs: [`activeDisclosure.${row}.priorYearItems`],
      stated: "rhs",
      scope: { kind: "row", var: row, table: "activeDisclosure" },
    }),
  ),
  {
    id: "T2v19-PROC",
    kind: "check",
    check: "procurement2019",
    severity: "warning",
    versions: ["2019"],
    title: l("政府集中采购金额与单位", "Procurement amount and unit"),
  },

  // ------------------------------------------------------------------ cross-year text
  {
    id: "R-SIMILAR",
    kind: "check",
    check: "similarity",
    severity: "warning",
    versions: BOTH,
    crossYear: true,
    title: l("正文与上年报告不雷同", "Text is not copied from last year's report"),
  },
  {
    id: "R-PROBLEMS",
    kind: "check",
    check: "problemsChanged",
    severity: "warning",
    versions: BOTH,
    crossYear: true,
    title: l("存在问题与上年不同", "Problems differ from last year's"),
  },
];

export function rulesFor(version: FormatVersion): RuleDefinition[] {
  return RULES.filter((rule) => rule.versions.includes(version));
}

/** Rule ids in catalogue order, each once. */
export const RULE_IDS: readonly string[] = [...new Set(RULES.map((r) => r.id))];
