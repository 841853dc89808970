/**
 * The 2021 format: 国办公开办函〔2021〕30号, for report years 2021 onwards (FORMATS.md §2).
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

const DECISIONS = { id: "decisions", label: l("本年处理决定数量", "Decisions this year"), kind: "count" } as const;

const activeDisclosure2021 = {
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
        { id: "issued", label: l("本年制发件数", "Issued this year"), kind: "count" },
        { id: "repealed", label: l("本年废止件数", "Repealed this year"), kind: "count" },
        { id: "inForce", label: l("现行有效件数", "In force"), kind: "count", sumOfReported: true },
      ],
      rows: [
        { id: "regulations", label: l("规章", "Rules (规章)") },
        { id: "normativeDocuments", label: l("行政规范性文件", "Administrative normative documents") },
      ],
    },
    {
      id: "art20_5",
      label: l("第二十条第（五）项", "Art. 20 (5)"),
      columns: [DECISIONS],
      rows: [{ id: "licensing", label: l("行政许可", "Administrative licensing") }],
    },
    {
      id: "art20_6",
      label: l("第二十条第（六）项", "Art. 20 (6)"),
      columns: [DECISIONS],
      rows: [
        { id: "punishment", label: l("行政处罚", "Administrative penalties") },
        { id: "coercion", label: l("行政强制", "Administrative coercion") },
      ],
    },
    {
      id: "art20_8",
      label: l("第二十条第（八）项", "Art. 20 (8)"),
      columns: [
        {
          id: "amount",
          label: l("本年收费金额（单位：万元）", "Fees collected this year (10,000 yuan)"),
          kind: "money",
          unit: "万元",
          maxScale: 4,
        },
      ],
      rows: [{ id: "fees", label: l("行政事业性收费", "Administrative fees") }],
    },
  ],
} as const;

const applications2021 = {
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
      id: "results.other",
      label: l("（六）其他处理", "(6) Otherwise handled"),
      level: 1,
      data: false,
      parent: "results",
    },
    {
      id: "results.other.overdueCorrection",
      label: l(
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1. Applicant did not correct in time without good reason; no longer processed",
      ),
      level: 2,
      data: true,
      parent: "results.other",
    },
    {
      id: "results.other.overdueFee",
      label: l(
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2. Applicant did not pay the notified fee in time; no longer processed",
      ),
      level: 2,
      data: true,
      parent: "results.other",
    },
    {
      id: "results.other.otherReasons",
      label: l("3.其他", "3. Other"),
      level: 2,
      data: true,
      parent: "results.other",
    },
    ...APPLICATION_ROWS_TAIL,
  ],
  derivedRows: [
    ...APPLICATION_DERIVED_SUBTOTALS,
    {
      id: "results.other.subtotal",
      label: l("（六）其他处理小计", "(6) Otherwise handled, subtotal"),
      sumOf: ["results.other.overdueCorrection", "results.other.overdueFee", "results.other.otherReasons"],
    },
  ],
} as const;

const reviewLitigation2021 = {
  kind: "singleRow",
  id: "reviewLitigation",
  section: "sections.reviewLitigation",
  headerGrid: REVIEW_LITIGATION_HEADER,
  columns: REVIEW_LITIGATION_COLUMNS,
} as const;

export const format2021 = {
  version: "2021",
  document: "国办公开办函〔2021〕30号《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》",
  reportYears: { from: 2021, to: null },
  sections: sectionsWithProblemsHeading("五、存在的主要问题及改进情况"),
  tables: [activeDisclosure2021, applications2021, reviewLitigation2021],
  roles: {
    applicants: APPLICANT_ROLE,
    regulations: "activeDisclosure.regulations",
    feeAmount: "activeDisclosure.fees.amount",
    overdueFeeRow: "applications.results.other.overdueFee",
  },
} as const satisfies FormatDefinition;
