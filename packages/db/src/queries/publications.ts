import { and, asc, desc, eq, isNotNull, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { orgInSubtree } from "./scope";

export interface Publication {
  revisionNo: number;
  publishedOn: string;
  publishedAt: number;
  changeNote: string | null;
}

export async function listPublications(db: Database, reportId: string): Promise<Publication[]> {
  return db.read(({ q, t }) =>
    q
      .select({
        revisionNo: t.publications.revisionNo,
        publishedOn: t.publications.publishedOn,
        publishedAt: t.publications.publishedAt,
        changeNote: t.publications.changeNote,
      })
      .from(t.publications)
      .where(eq(t.publications.reportId, reportId))
      .orderBy(asc(t.publications.revisionNo)),
  );
}

export interface PublishedReport {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  formatVersion: string;
  publishedRevision: number;
  publishedOn: string;
  changeNote: string | null;
}

/** Published reports for open data: the latest publication of each, newest year first. */
export async function listPublishedReports(db: Database, query: { year?: number; orgId?: string } = {}): Promise<PublishedReport[]> {
  return db.read(({ q, t }) => {
    const conditions: SQL[] = [isNotNull(t.reports.publishedRevision)];
    if (query.year !== undefined) conditions.push(eq(t.reports.year, query.year));
    if (query.orgId) conditions.push(eq(t.reports.orgId, query.orgId));
    return q
      .select({
        id: t.reports.id,
        orgId: t.reports.orgId,
        orgName: t.organisations.name,
        year: t.reports.year,
        formatVersion: t.reports.formatVersion,
        publishedRevision: t.publications.revisionNo,
        publishedOn: t.publications.publishedOn,
        changeNote: t.publications.changeNote,
      })
      .from(t.reports)
      .innerJoin(t.organisations, eq(t.organisations.id, t.reports.orgId))
      .innerJoin(t.publications, and(eq(t.publications.reportId, t.reports.id), eq(t.publications.revisionNo, t.reports.publishedRevision)))
      .where(and(...conditions))
      .orderBy(desc(t.reports.year), asc(t.organisations.path));
  });
}

/** First publication date of each report of a year in a subtree (timeliness counts the first one). */
export async function firstPublicationDates(db: Database, scopePath: string, year: number): Promise<Map<string, string>> {
  const rows = await db.read(({ q, t }) =>
    q
      .select({ reportId: t.publications.reportId, publishedOn: t.publications.publishedOn })
      .from(t.publications)
      .innerJoin(t.reports, eq(t.reports.id, t.publications.reportId))
      .innerJoin(t.organisations, eq(t.organisations.id, t.reports.orgId))
      .where(and(eq(t.reports.year, year), orgInSubtree(t, scopePath))),
  );
  const first = new Map<string, string>();
  for (const row of rows) {
    const known = first.get(row.reportId);
    if (!known || row.publishedOn < known) first.set(row.reportId, row.publishedOn);
  }
  return first;
}
