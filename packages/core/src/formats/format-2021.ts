/**
 * The 2021 format: 国办公开办函〔2021〕30号, for report years 2021 onwards (FORMATS.md §2).
 */
import { APPLICANT_ROLE, resultGroup, sectionsWithProblemsHeading } from "./common";
import { activeDisclosureTable, applicationsTable, ARTICLE_20_ROWS as ROWS, article20, REVIEW_LITIGATION_TABLE } from "./tables";
import type { FormatDefinition } from "./types";

const l = (zh: string, en: string) => ({ zh, en }) as const;

const DECISIONS = { id: "decisions", label: l("本年处理决定数量", "Decisions this year"), kind: "count" } as const;

const activeDisclosure2021 = activeDisclosureTable([
  article20(
    1,
    [
      { id: "issued", label: l("本年制发件数", "Issued this year"), kind: "count" },
      { id: "repealed", label: l("本年废止件数", "Repealed this year"), kind: "count" },
      { id: "inForce", label: l("现行有效件数", "In force"), kind: "count", sumOfReported: true },
    ],
    [
      ROWS.regulations,
      {
        id: "normativeDocuments",
        label: l("行政规范性文件", "Administrative normative documents"),
        // The 2019 form's label, which many reports on the 2021 form still print (上海市科委 2024).
        aliases: ["规范性文件"],
      },
    ],
  ),
  article20(5, [DECISIONS], [ROWS.licensing]),
  article20(6, [DECISIONS], [ROWS.punishment, ROWS.coercion]),
  article20(
    8,
    [
      {
        id: "amount",
        label: l("本年收费金额（单位：万元）", "Fees collected this year (10,000 yuan)"),
        kind: "money",
        unit: "万元",
        maxScale: 4,
      },
    ],
    [ROWS.fees],
  ),
]);

const applications2021 = applicationsTable(
  [
    ...resultGroup("results.other", l("（六）其他处理", "(6) Otherwise handled"), [
      [
        "overdueCorrection",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1. Applicant did not correct in time without good reason; no longer processed",
      ],
      [
        "overdueFee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2. Applicant did not pay the notified fee in time; no longer processed",
      ],
      ["otherReasons", "3.其他", "3. Other"],
    ]),
  ],
  [
    {
      id: "results.other.subtotal",
      label: l("（六）其他处理小计", "(6) Otherwise handled, subtotal"),
      sumOf: ["results.other.overdueCorrection", "results.other.overdueFee", "results.other.otherReasons"],
    },
  ],
);

export const format2021 = {
  version: "2021",
  document: "国办公开办函〔2021〕30号《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》",
  reportYears: { from: 2021, to: null },
  sections: sectionsWithProblemsHeading("五、存在的主要问题及改进情况"),
  tables: [activeDisclosure2021, applications2021, REVIEW_LITIGATION_TABLE],
  roles: {
    applicants: APPLICANT_ROLE,
    regulations: "activeDisclosure.regulations",
    feeAmount: "activeDisclosure.fees.amount",
    overdueFeeRow: "applications.results.other.overdueFee",
  },
} as const satisfies FormatDefinition;
