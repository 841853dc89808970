/**
 * The 2019 format: 国办公开办函〔2019〕60号 格式（试行）, for report years 2019 and 2020 (FORMATS.md §3).
 */
import { APPLICANT_ROLE, sectionsWithProblemsHeading } from "./common";
import { activeDisclosureTable, applicationsTable, ARTICLE_20_ROWS as ROWS, article20, REVIEW_LITIGATION_TABLE } from "./tables";
import type { FormatDefinition } from "./types";

const l = (zh: string, en: string) => ({ zh, en }) as const;

const PRIOR = { id: "priorYearItems", label: l("上一年项目数量", "Items last year"), kind: "count" } as const;
const NET = { id: "netChange", label: l("本年增/减", "Change this year (+/−)"), kind: "signedCount" } as const;
const DECISIONS = { id: "decisions", label: l("处理决定数量", "Decisions"), kind: "count" } as const;

const activeDisclosure2019 = activeDisclosureTable([
  article20(
    1,
    [
      { id: "newlyMade", label: l("本年新制作数量", "Newly made this year"), kind: "count" },
      { id: "newlyPublished", label: l("本年新公开数量", "Newly published this year"), kind: "count" },
      { id: "totalPublished", label: l("对外公开总数量", "Published in total"), kind: "count", sumOfReported: true },
    ],
    [ROWS.regulations, { id: "normativeDocuments", label: l("规范性文件", "Normative documents") }],
  ),
  article20(
    5,
    [PRIOR, NET, DECISIONS],
    [ROWS.licensing, { id: "otherServices", label: l("其他对外管理服务事项", "Other external management services") }],
  ),
  article20(6, [PRIOR, NET, DECISIONS], [ROWS.punishment, ROWS.coercion]),
  article20(8, [PRIOR, NET], [ROWS.fees]),
  article20(
    9,
    [
      { id: "projects", label: l("采购项目数量", "Procurement projects"), kind: "count" },
      { id: "totalAmount", label: l("采购总金额", "Total procurement amount"), kind: "money", unit: null, unitField: "totalAmountUnit" },
    ],
    [{ id: "centralizedProcurement", label: l("政府集中采购", "Centralised government procurement") }],
  ),
]);

const applications2019 = applicationsTable(
  [
    {
      // In 2019 （六）其他处理 is one data row; its id is the one 2021 derives from its three sub-rows.
      id: "results.other.subtotal",
      label: l("（六）其他处理", "(6) Otherwise handled"),
      short: l("其他处理", "otherwise handled"),
      level: 1,
      data: true,
      parent: "results",
    },
  ],
  [],
);

export const format2019 = {
  version: "2019",
  document: "国办公开办函〔2019〕60号《关于政府信息公开工作年度报告有关事项的通知》— 格式（试行）",
  reportYears: { from: 2019, to: 2020 },
  sections: sectionsWithProblemsHeading("五、政府信息公开工作存在的主要问题及改进情况"),
  tables: [activeDisclosure2019, applications2019, REVIEW_LITIGATION_TABLE],
  roles: {
    applicants: APPLICANT_ROLE,
    regulations: "activeDisclosure.regulations",
    procurement: {
      projects: "activeDisclosure.centralizedProcurement.projects",
      amount: "activeDisclosure.centralizedProcurement.totalAmount",
    },
  },
} as const satisfies FormatDefinition;
