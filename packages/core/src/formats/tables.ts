/**
 * The three tables as both formats build them: the frame of each table is the same in 2019 and 2021,
 * and only what differs (the blocks of 二, the rows of （六）) is passed in by the format.
 */
import {
  APPLICANT_COLUMN_GROUPS,
  APPLICANT_COLUMNS,
  APPLICATION_DERIVED_SUBTOTALS,
  APPLICATION_ROWS_HEAD,
  APPLICATION_ROWS_TAIL,
  APPLICATIONS_HEADER,
  REVIEW_LITIGATION_COLUMNS,
  REVIEW_LITIGATION_HEADER,
} from "./common";
import type { BlockTableDef, ColumnDef, MatrixRowDef, MatrixTableDef, RowDef } from "./types";

const l = (zh: string, en: string) => ({ zh, en }) as const;

/** 二、主动公开 with the blocks a format prints. */
export function activeDisclosureTable<const B extends BlockTableDef["blocks"]>(blocks: B) {
  return {
    kind: "blocks",
    id: "activeDisclosure",
    section: "sections.activeDisclosure",
    rowHeaderLabel: l("信息内容", "Information"),
    dataColumns: 3,
    blocks,
  } as const;
}

const ITEMS = { 1: "一", 5: "五", 6: "六", 8: "八", 9: "九" } as const;

/** A block headed 第二十条第（N）项 (Art. 20 (N)), with its columns and rows. */
export function article20<const N extends keyof typeof ITEMS, const C extends readonly ColumnDef[], const R extends readonly RowDef[]>(
  item: N,
  columns: C,
  rows: R,
) {
  return { id: `art20_${item}` as const, label: l(`第二十条第（${ITEMS[item]}）项`, `Art. 20 (${item})`), columns, rows } as const;
}

/** Rows of 二 that both formats label alike. */
export const ARTICLE_20_ROWS = {
  regulations: { id: "regulations", label: l("规章", "Rules (规章)") },
  licensing: { id: "licensing", label: l("行政许可", "Administrative licensing") },
  punishment: { id: "punishment", label: l("行政处罚", "Administrative penalties") },
  coercion: { id: "coercion", label: l("行政强制", "Administrative coercion") },
  fees: { id: "fees", label: l("行政事业性收费", "Administrative fees") },
} as const;

/** 三、收到和处理政府信息公开申请情况: the shared rows around a format's （六）其他处理 rows. */
export function applicationsTable<const O extends readonly MatrixRowDef[], const D extends MatrixTableDef["derivedRows"]>(
  otherRows: O,
  otherSubtotals: D,
) {
  return {
    kind: "matrix",
    id: "applications",
    section: "sections.applications",
    labelColumns: 3,
    headerGrid: APPLICATIONS_HEADER,
    columns: APPLICANT_COLUMNS,
    columnGroups: APPLICANT_COLUMN_GROUPS,
    rows: [...APPLICATION_ROWS_HEAD, ...otherRows, ...APPLICATION_ROWS_TAIL],
    derivedRows: [...APPLICATION_DERIVED_SUBTOTALS, ...otherSubtotals],
  } as const;
}

/** 四、政府信息公开行政复议、行政诉讼情况, the same in both formats. */
export const REVIEW_LITIGATION_TABLE = {
  kind: "singleRow",
  id: "reviewLitigation",
  section: "sections.reviewLitigation",
  headerGrid: REVIEW_LITIGATION_HEADER,
  columns: REVIEW_LITIGATION_COLUMNS,
} as const;
