/**
 * A report and its revisions as rows: the shapes the report queries return and the columns they read,
 * shared by the reads (reports.ts) and the writes (report-writes.ts).
 */
import type { AgencyKind, FormatVersion, ReportDocument } from "@nianbao/core";
import { and, eq, sql } from "drizzle-orm";
// The same function in every dialect (a renaming proxy over the table); sqlite-core's has the types used here.
import { alias } from "drizzle-orm/sqlite-core";
import type { Tables, Tx } from "../client";
import type { ReportStatus, RevisionSource } from "../domain";
import { prepared } from "./prepared";

export interface Report {
  id: string;
  orgId: string;
  orgName: string;
  orgKind: AgencyKind;
  orgPath: string;
  year: number;
  formatVersion: FormatVersion;
  status: ReportStatus;
  currentRevision: number;
  publishedRevision: number | null;
  pendingChangeNote: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A revision of a report, by number. */
export interface RevisionRef {
  reportId: string;
  revisionNo: number;
}

/**
 * A report as read on its own, with what showing it needs, read in the same query: the revision of last
 * year's report of the same organisation that validation compares it with (the published one, else
 * the latest), and the name of the current revision's author as it is now.
 */
export interface ReportDetail extends Report {
  previousYear: RevisionRef | null;
  currentAuthorName: string;
}

/** Whether this report was read on its own (getReport, findReport), with what showing it needs. */
export function isReportDetail(report: Report): report is ReportDetail {
  return "previousYear" in report && "currentAuthorName" in report;
}

export interface FindingsSummary {
  error: number;
  warning: number;
  info: number;
}

export interface RevisionMeta {
  revisionNo: number;
  baseRevision: number | null;
  summary: FindingsSummary;
  authorId: string;
  authorName: string;
  tokenId: string | null;
  source: RevisionSource;
  note: string | null;
  createdAt: number;
}

export interface Revision extends RevisionMeta {
  document: ReportDocument;
}

export const reportColumns = (t: Tx["t"]) => ({
  id: t.reports.id,
  orgId: t.reports.orgId,
  orgName: t.organisations.name,
  orgKind: t.organisations.kind,
  orgPath: t.organisations.path,
  year: t.reports.year,
  formatVersion: t.reports.formatVersion,
  status: t.reports.status,
  currentRevision: t.reports.currentRevision,
  publishedRevision: t.reports.publishedRevision,
  pendingChangeNote: t.reports.pendingChangeNote,
  createdAt: t.reports.createdAt,
  updatedAt: t.reports.updatedAt,
});

/**
 * How a report meets its organisation, its current revision and that revision's author: the joins of
 * a list's rows and of a report read on its own.
 */
export const currentRevisionJoins = (t: Tables) => ({
  organisation: eq(t.organisations.id, t.reports.orgId),
  revision: and(eq(t.reportRevisions.reportId, t.reports.id), eq(t.reportRevisions.revisionNo, t.reports.currentRevision)),
  author: eq(t.users.id, t.reportRevisions.authorId),
});

export type ReportRow = Omit<Report, "orgKind" | "formatVersion" | "status"> & { orgKind: string; formatVersion: string; status: string };
export const toReport = (row: ReportRow): Report => ({
  ...row,
  orgKind: row.orgKind as AgencyKind,
  formatVersion: row.formatVersion as FormatVersion,
  status: row.status as ReportStatus,
});

export const revisionColumns = (t: Tx["t"]) => ({
  revisionNo: t.reportRevisions.revisionNo,
  baseRevision: t.reportRevisions.baseRevision,
  errorCount: t.reportRevisions.errorCount,
  warningCount: t.reportRevisions.warningCount,
  infoCount: t.reportRevisions.infoCount,
  authorId: t.reportRevisions.authorId,
  authorName: t.users.displayName,
  tokenId: t.reportRevisions.tokenId,
  source: t.reportRevisions.source,
  note: t.reportRevisions.note,
  createdAt: t.reportRevisions.createdAt,
});

export interface RevisionRow {
  revisionNo: number;
  baseRevision: number | null;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  authorId: string;
  authorName: string;
  tokenId: string | null;
  source: string;
  note: string | null;
  createdAt: number;
}
export const toRevisionMeta = (row: RevisionRow): RevisionMeta => ({
  revisionNo: row.revisionNo,
  baseRevision: row.baseRevision,
  summary: { error: row.errorCount, warning: row.warningCount, info: row.infoCount },
  authorId: row.authorId,
  authorName: row.authorName,
  tokenId: row.tokenId,
  source: row.source as RevisionSource,
  note: row.note,
  createdAt: row.createdAt,
});

const findReportStatement = (tx: Tx) =>
  prepared(tx.q, tx.t, "report_by_id", (q, t, name) => {
    const previous = alias(t.reports, "previous_year");
    const joins = currentRevisionJoins(t);
    return q
      .select({
        ...reportColumns(t),
        previousId: previous.id,
        previousPublished: previous.publishedRevision,
        previousCurrent: previous.currentRevision,
        currentAuthorName: t.users.displayName,
      })
      .from(t.reports)
      .innerJoin(t.organisations, joins.organisation)
      .innerJoin(t.reportRevisions, joins.revision)
      .innerJoin(t.users, joins.author)
      .leftJoin(previous, and(eq(previous.orgId, t.reports.orgId), eq(previous.year, sql`${t.reports.year} - 1`)))
      .where(eq(t.reports.id, sql.placeholder("id")))
      .limit(1)
      .prepare(...name);
  });

/** One report by id (inside a read or a write), with last year's revision to compare it with. */
export async function findReport(tx: Tx, id: string): Promise<ReportDetail | null> {
  const rows = await findReportStatement(tx).execute({ id });
  const [row] = rows;
  if (!row) return null;
  const { previousId, previousPublished, previousCurrent, currentAuthorName, ...report } = row;
  const previousRevision = previousPublished ?? previousCurrent;
  return {
    ...toReport(report),
    previousYear: previousId !== null && previousRevision !== null ? { reportId: previousId, revisionNo: previousRevision } : null,
    currentAuthorName,
  };
}
