/**
 * Rules of 三、收到和处理政府信息公开申请情况 and 四、政府信息公开行政复议、行政诉讼情况 (formats.json).
 */
import { inEachColumn, l } from "./catalog-kit";
import type { LinearRule, RuleDefinition } from "./definitions";

const OUTCOMES = ["upheld", "corrected", "otherResult", "pending"];

/** （七）总计 equals （一）to（五）and the rows of （六）其他处理 that a format has (`other`). */
function resultsSum(id: string, other: readonly string[]): LinearRule {
  return inEachColumn("applications", {
    id,
    severity: "error",
    title: l("（七）总计等于（一）至（六）之和", "(7) Total equals results (1)–(6)"),
    lhs: [
      "applications.results.granted.{c}",
      "applications.results.partial.{c}",
      "applications.results.denied.*.{c}",
      "applications.results.unableToProvide.*.{c}",
      "applications.results.notProcessed.*.{c}",
      ...other.map((row) => `applications.results.other.${row}.{c}`),
    ],
    relation: "==",
    rhs: ["applications.results.totalProcessed.{c}"],
    stated: "rhs",
    lhsName: l("（一）至（六）各项之和", "the sum of results (1)–(6)"),
  });
}

export const APPLICATION_RULES: readonly RuleDefinition[] = [
  inEachColumn("applications", {
    id: "T3-BAL",
    severity: "error",
    title: l("第一项加第二项之和等于第三项加第四项之和", "Item 1 + item 2 = item 3 + item 4"),
    lhs: ["applications.newReceived.{c}", "applications.carriedOver.{c}"],
    relation: "==",
    rhs: ["applications.results.totalProcessed.{c}", "applications.carriedForward.{c}"],
    stated: "rhs",
  }),
  {
    id: "T3-ROWTOTAL",
    kind: "linear",
    severity: "error",
    title: l("总计等于各类申请人之和", "Total equals the sum of the applicant columns"),
    forEach: { r: "dataRowsOf:applications", total: "role:applicants.total" },
    sumOver: { a: "role:applicants.parts" },
    lhs: ["applications.{r}.{a}"],
    relation: "==",
    rhs: ["applications.{r}.{total}"],
    stated: "rhs",
    scope: { kind: "row", var: "r", table: "applications" },
    lhsName: l("各类申请人之和", "the sum of the applicant columns"),
  },
  // Applies where （六）其他处理 is split into its three cases (the 2021 form).
  resultsSum("T3-RESULTSUM-2021", ["overdueCorrection", "overdueFee", "otherReasons"]),
  // Applies where （六）其他处理 is one row (the 2019 form).
  resultsSum("T3-RESULTSUM-2019", ["subtotal"]),
  {
    id: "T3-INT",
    kind: "cells",
    table: "applications",
    check: "type",
    severity: "error",
    title: l("申请数为非负整数", "Application counts are whole numbers ≥ 0"),
  },
  {
    id: "T3-COMPLETE",
    kind: "cells",
    table: "applications",
    check: "presence",
    severity: { filing: "error", import: "warning" },
    title: l("申请情况表全部填写", "Every cell of the applications table filled in"),
  },
  inEachColumn("applications", {
    id: "T3-CARRY",
    severity: "warning",
    crossYear: true,
    title: l("上年结转等于上年报告的结转下年度", "Carried over equals last year's carried forward"),
    lhs: ["prev:applications.carriedForward.{c}"],
    relation: "==",
    rhs: ["applications.carriedOver.{c}"],
    stated: "rhs",
  }),
  {
    id: "T3-FEE-X",
    kind: "check",
    check: "feeCross",
    severity: "warning",
    needs: ["overdueFeeRow"],
    title: l("逾期未缴费不再处理的，应报告信息处理费", "Lapsed-for-fee applications imply a fee report"),
  },
  {
    id: "T3-TEXT",
    kind: "check",
    check: "applicationsText",
    severity: "warning",
    title: l("正文数字与申请情况表一致", "Figures in the text match the applications table"),
  },
];

export const REVIEW_LITIGATION_RULES: readonly RuleDefinition[] = [
  ...(
    [
      ["T4-SUM-R", "review", l("行政复议总计等于各项之和", "Reconsideration total equals its parts")],
      ["T4-SUM-D", "litigationDirect", l("直接起诉总计等于各项之和", "Direct litigation total equals its parts")],
      ["T4-SUM-A", "litigationAfterReview", l("复议后起诉总计等于各项之和", "Litigation after review total equals its parts")],
    ] as const
  ).map(([id, block, title]): LinearRule => ({
    id,
    kind: "linear",
    severity: "error",
    title,
    lhs: OUTCOMES.map((o) => `reviewLitigation.${block}.${o}`),
    relation: "==",
    rhs: [`reviewLitigation.${block}.total`],
    stated: "rhs",
    scope: { kind: "block", var: block, table: "reviewLitigation" },
    lhsName: l("结果维持、结果纠正、其他结果、尚未审结之和", "upheld + corrected + other + pending"),
  })),
  {
    id: "T4-INT",
    kind: "cells",
    table: "reviewLitigation",
    check: "typeAndPresence",
    severity: "error",
    title: l("复议诉讼15项均为非负整数", "All 15 reconsideration and litigation counts are whole numbers ≥ 0"),
  },
  {
    id: "T4-TEXT",
    kind: "check",
    check: "reviewText",
    severity: "warning",
    title: l("正文复议诉讼数字与表格一致", "Reconsideration and litigation figures in the text match the table"),
  },
];
