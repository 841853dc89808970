/**
 * The 2019 format: 国办公开办函〔2019〕60号 格式（试行）, for report years 2019 and 2020 (FORMATS.md §3).
 */
import {
  APPLICANT_COLUMN_GROUPS,
  APPLICANT_COLUMNS,
  APPLICANT_ROLE,
  APPLICATION_DERIVED_SUBTOTALS,
  APPLICATION_ROWS_HEAD,
  APPLICATION_ROWS_TAIL,
  APPLICATIONS_HEADER,
  REVIEW_LITIGATION_COLUMNS,
  REVIEW_LITIGATION_HEADER,
  sectionsWithProblemsHeading,
} from "./common";
import type { FormatDefinition } from "./types";

const l = (zh: string, en: string) => ({ zh, en }) as const;

const PRIOR = { id: "priorYearItems", label: l("上一年项目数量", "Items last year"), kind: "count" } as const;
const NET = { id: "netChange", label: l("本年增/减", "Change this year (+/−)"), kind: "signedCount" } as const;
const DECISIONS = { id: "decisions", label: l("处理决定数量", "Decisions"), kind: "count" } as const;

const activeDisclosure2019 = {
  kind: "blocks",
  id: "activeDisclosure",
  section: "sections.activeDisclosure",
  rowHeaderLabel: l("信息内容", "Information"),
  dataColumns: 3,
  blocks: [
    {
      id: "art20_1",
      label: l("第二十条第（一）项", "Art. 20 (1)"),
      columns: [
        { id: "newlyMade", label: l("本年新制作数量", "Newly made this year"), kind: "count" },
        { id: "newlyPublished", label: l("本年新公开数量", "Newly published this year"), kind: "count" },
        { id: "totalPublished", label: l("对外公开总数量", "Published in total"), kind: "count", sumOfReported: true },
      ],
      rows: [
        { id: "regulations", label: l("规章", "Rules (规章)") },
        { id: "normativeDocuments", label: l("规范性文件", "Normative documents") },
      ],
    },
    {
      id: "art20_5",
      label: l("第二十条第（五）项", "Art. 20 (5)"),
      columns: [PRIOR, NET, DECISIONS],
      rows: [
        { id: "licensing", label: l("行政许可", "Administrative licensing") },
        { id: "otherServices", label: l("其他对外管理服务事项", "Other external management services") },
      ],
    },
    {
      id: "art20_6",
      label: l("第二十条第（六）项", "Art. 20 (6)"),
      columns: [PRIOR, NET, DECISIONS],
      rows: [
        { id: "punishment", label: l("行政处罚", "Administrative penalties") },
        { id: "coercion", label: l("行政强制", "Administrative coercion") },
      ],
    },
    {
      id: "art20_8",
      label: l("第二十条第（八）项", "Art. 20 (8)"),
      columns: [PRIOR, NET],
      rows: [{ id: "fees", label: l("行政事业性收费", "Administrative fees") }],
    },
    {
      id: "art20_9",
      label: l("第二十条第（九）项", "Art. 20 (9)"),
      columns: [
        { id: "projects", label: l("采购项目数量", "Procurement projects"), kind: "count" },
        {
          id: "totalAmount",
          label: l("采购总金额", "Total procurement amount"),
          kind: "money",
          unit: null,
          unitField: "totalAmountUnit",
        },
      ],
      rows: [{ id: "centralizedProcurement", label: l("政府集中采购", "Centralised government procurement") }],
    },
  ],
} as const;

const applications2019 = {
  kind: "matrix",
  id: "applications",
  section: "sections.applications",
  labelColumns: 3,
  headerGrid: APPLICATIONS_HEADER,
  columns: APPLICANT_COLUMNS,
  columnGroups: APPLICANT_COLUMN_GROUPS,
  rows: [
    ...APPLICATION_ROWS_HEAD,
    {
      // In 2019 （六）其他处理 is one data row; its id is the one 2021 derives from its three sub-rows.
      id: "results.other.subtotal",
      label: l("（六）其他处理", "(6) Otherwise handled"),
      short: l("其他处理", "otherwise handled"),
      level: 1,
      data: true,
      parent: "results",
    },
    ...APPLICATION_ROWS_TAIL,
  ],
  derivedRows: APPLICATION_DERIVED_SUBTOTALS,
} as const;

const reviewLitigation2019 = {
  kind: "singleRow",
  id: "reviewLitigation",
  section: "sections.reviewLitigation",
  headerGrid: REVIEW_LITIGATION_HEADER,
  columns: REVIEW_LITIGATION_COLUMNS,
} as const;

export const format2019 = {
  version: "2019",
  document: "国办公开办函〔2019〕60号《关于政府信息公开工作年度报告有关事项的通知》— 格式（试行）",
  reportYears: { from: 2019, to: 2020 },
  sections: sectionsWithProblemsHeading("五、政府信息公开工作存在的主要问题及改进情况"),
  tables: [activeDisclosure2019, applications2019, reviewLitigation2019],
  roles: {
    applicants: APPLICANT_ROLE,
    regulations: "activeDisclosure.regulations",
    procurement: {
      projects: "activeDisclosure.centralizedProcurement.projects",
      amount: "activeDisclosure.centralizedProcurement.totalAmount",
    },
  },
} as const satisfies FormatDefinition;
