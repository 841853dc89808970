/**
 * Figures for the charts, read from a (rolled-up) report by walking the format definition: no row
 * or cell is named here. The applications table is the format's matrix table; its first data row is
 * 本年新收 by applicant, and the result rows are the children of its first header-only row.
 */
import {
  type FormatVersion,
  getFormat,
  type Lang,
  type MatrixTableDef,
  readRawCell,
  reportMetrics,
  type ReportDocument,
  shortLabel,
} from "@nianbao/core";

export interface Slice {
  name: string;
  value: number;
}

function matrixTable(version: FormatVersion): MatrixTableDef | undefined {
  return getFormat(version).def.tables.find((t): t is MatrixTableDef => t.kind === "matrix");
}

function numberAt(doc: ReportDocument, cellId: string): number {
  const cell = getFormat(doc.formatVersion).cellById.get(cellId);
  const value = cell ? readRawCell(doc.tables, cell) : null;
  return typeof value === "number" ? value : 0;
}

/** The form's last applicant column is the total; the others are applicant types. */
export function applicantSlices(doc: ReportDocument, lang: Lang): Slice[] {
  const table = matrixTable(doc.formatVersion);
  const firstRow = table?.rows.find((r) => r.data);
  if (!table || !firstRow) return [];
  return table.columns.slice(0, -1).map((c) => ({ name: c.label[lang], value: numberAt(doc, `${table.id}.${firstRow.id}.${c.id}`) }));
}

/** 办理结果 by category; a category with sub-rows is their sum; the list's last row (总计) is left out. */
export function outcomeSlices(doc: ReportDocument, lang: Lang): Slice[] {
  const table = matrixTable(doc.formatVersion);
  const group = table?.rows.find((r) => !r.data && r.level === 0);
  if (!table || !group) return [];
  const total = table.columns[table.columns.length - 1]!;
  const valueOf = (rowId: string): number => {
    const row = table.rows.find((r) => r.id === rowId);
    if (row?.data) return numberAt(doc, `${table.id}.${row.id}.${total.id}`);
    return table.rows.filter((r) => r.parent === rowId).reduce((sum, child) => sum + valueOf(child.id), 0);
  };
  return table.rows
    .filter((r) => r.parent === group.id)
    .slice(0, -1)
    .map((r) => ({ name: shortLabel(r.label)[lang], value: valueOf(r.id) }));
}

export type MetricKey = "received" | "handled" | "reviews" | "lawsuits";

export function yearMetrics(doc: ReportDocument | null): Record<MetricKey, number | null> {
  if (!doc) return { received: null, handled: null, reviews: null, lawsuits: null };
  const m = reportMetrics(doc);
  return { received: m.received, handled: m.handled, reviews: m.reviews, lawsuits: m.lawsuits };
}
