/**
 * What a roll-up read needs beside the stored sums: the counting reports below an organisation in
 * input order (with the cells each leaves empty or fills with a non-zero value), the organisations
 * below it with nothing counting, and a cheap stamp of the subtree's organisations.
 */
import { and, asc, count, eq, gt, isNull, like, lt, max, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import type { ReportStatus } from "../domain";

/** A counting report as the roll-up's per-cell lists need it: one short row per input. */
export interface CountingInput {
  orgId: string;
  formatVersion: string;
  /** Comma-separated cell indices. */
  nonZero: string;
  missing: string;
}

export interface CountingInputDetail {
  reportId: string;
  orgId: string;
  orgName: string;
  status: ReportStatus;
  revisionNo: number;
}

/**
 * The organisations strictly below `org`, in path order (a parent, then its subtree: a county's
 * departments together), optionally after a path already read: a range on the path, which on
 * PostgreSQL the pattern-ops index answers (its operators compare bytes, whatever the collation) and
 * on SQLite the unique index does (BINARY collation). Keyset paging over it costs the page, not the
 * subtree.
 */
function pathRange(db: Database, t: Tx["t"], org: { id: string; path: string }, after?: string) {
  const path = t.organisations.path;
  // Every path with the prefix lies in [prefix, prefix with its final "/" raised to "0").
  const upper = `${org.path.slice(0, -1)}0`;
  const from = after ?? org.path;
  if (db.dialect === "postgres") {
    return { where: sql`${path} ~>~ ${from} and ${path} ~<~ ${upper}`, order: sql`${path} using ~<~` };
  }
  return { where: and(gt(path, from), lt(path, upper))!, order: asc(path) };
}

/** One page of the reports counting in the roll-up of `org` (itself excluded), in input order, after the path `after`. */
export async function pageCountingInputs(
  db: Database,
  org: { id: string; path: string },
  year: number,
  limit: number,
  after?: string,
): Promise<(CountingInput & { path: string })[]> {
  return db.read(({ q, t }) => {
    const range = pathRange(db, t, org, after);
    return q
      .select({
        path: t.organisations.path,
        orgId: t.rollupInputs.orgId,
        formatVersion: t.rollupInputs.formatVersion,
        nonZero: t.rollupInputs.nonZero,
        missing: t.rollupInputs.missing,
      })
      .from(t.organisations)
      .innerJoin(t.rollupInputs, and(eq(t.rollupInputs.orgId, t.organisations.id), eq(t.rollupInputs.year, year)))
      .where(range.where)
      .orderBy(range.order)
      .limit(limit);
  });
}

/** The first `limit` counting reports in input order, with what a reader is shown of them. */
export async function listCountingDetails(
  db: Database,
  org: { id: string; path: string },
  year: number,
  limit: number,
): Promise<CountingInputDetail[]> {
  const rows = await db.read(({ q, t }) =>
    q
      .select({
        reportId: t.rollupInputs.reportId,
        orgId: t.rollupInputs.orgId,
        orgName: t.organisations.name,
        status: t.reports.status,
        revisionNo: t.rollupInputs.revisionNo,
      })
      .from(t.organisations)
      .innerJoin(t.rollupInputs, and(eq(t.rollupInputs.orgId, t.organisations.id), eq(t.rollupInputs.year, year)))
      .innerJoin(t.reports, eq(t.reports.id, t.rollupInputs.reportId))
      .where(pathRange(db, t, org).where)
      .orderBy(pathRange(db, t, org).order)
      .limit(limit),
  );
  return rows.map((row) => ({ ...row, status: row.status as ReportStatus }));
}

/** The first `limit` organisations below `path` with no counting report for the year, with their report's status if any. */
export async function listNonCounting(
  db: Database,
  org: { id: string; path: string },
  year: number,
  limit: number,
): Promise<{ orgId: string; orgName: string; status: ReportStatus | null }[]> {
  const rows = await db.read(({ q, t }) =>
    q
      .select({ orgId: t.organisations.id, orgName: t.organisations.name, status: t.reports.status })
      .from(t.organisations)
      .leftJoin(t.rollupInputs, and(eq(t.rollupInputs.orgId, t.organisations.id), eq(t.rollupInputs.year, year)))
      .leftJoin(t.reports, and(eq(t.reports.orgId, t.organisations.id), eq(t.reports.year, year)))
      .where(and(pathRange(db, t, org).where, isNull(t.rollupInputs.reportId)))
      .orderBy(pathRange(db, t, org).order)
      .limit(limit),
  );
  return rows.map((row) => ({ ...row, status: (row.status as ReportStatus | null) ?? null }));
}

/** How many organisations lie below `org` (itself excluded). */
export async function countBelow(db: Database, org: { id: string; path: string }): Promise<number> {
  const [row] = await db.read(({ q, t }) =>
    q
      .select({ n: count() })
      .from(t.organisations)
      .where(like(t.organisations.path, `${org.path}%`)),
  );
  return Number(row?.n ?? 1) - 1;
}

/**
 * When any organisation last changed (created, renamed, moved): one probe of an index. Organisations
 * are never deleted, so a new, renamed or moved one always raises it.
 */
export async function organisationsChangedAt(db: Database): Promise<number> {
  const [row] = await db.read(({ q, t }) => q.select({ at: max(t.organisations.updatedAt) }).from(t.organisations));
  return Number(row?.at ?? 0);
}
