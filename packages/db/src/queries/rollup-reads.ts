/**
 * What a roll-up read needs beside the stored sums: the counting reports below an organisation in
 * input order (with the cells each leaves empty or fills with a non-zero value), the organisations
 * below it with nothing counting, and a cheap stamp of the subtree's organisations.
 */
import { and, asc, count, eq, isNull, like, max, ne, sql } from "drizzle-orm";
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

/** Parents before children, then by creation and name: the order organisations are listed everywhere. */
const treeOrder = (t: Tx["t"]) => [
  asc(sql`length(${t.organisations.path}) - length(replace(${t.organisations.path}, '/', ''))`),
  asc(t.organisations.createdAt),
  asc(t.organisations.name),
];

const below = (t: Tx["t"], org: { id: string; path: string }) => and(like(t.organisations.path, `${org.path}%`), ne(t.organisations.id, org.id));

/** Every report counting in the roll-up of the organisation (itself excluded), in input order. */
export async function listCountingInputs(db: Database, org: { id: string; path: string }, year: number): Promise<CountingInput[]> {
  return db.read(({ q, t }) =>
    q
      .select({ orgId: t.rollupInputs.orgId, formatVersion: t.rollupInputs.formatVersion, nonZero: t.rollupInputs.nonZero, missing: t.rollupInputs.missing })
      .from(t.rollupInputs)
      .innerJoin(t.organisations, eq(t.organisations.id, t.rollupInputs.orgId))
      .where(and(eq(t.rollupInputs.year, year), below(t, org)))
      .orderBy(...treeOrder(t)),
  );
}

/** The first `limit` counting reports in input order, with what a reader is shown of them. */
export async function listCountingDetails(db: Database, org: { id: string; path: string }, year: number, limit: number): Promise<CountingInputDetail[]> {
  const rows = await db.read(({ q, t }) =>
    q
      .select({
        reportId: t.rollupInputs.reportId,
        orgId: t.rollupInputs.orgId,
        orgName: t.organisations.name,
        status: t.reports.status,
        revisionNo: t.rollupInputs.revisionNo,
      })
      .from(t.rollupInputs)
      .innerJoin(t.organisations, eq(t.organisations.id, t.rollupInputs.orgId))
      .innerJoin(t.reports, eq(t.reports.id, t.rollupInputs.reportId))
      .where(and(eq(t.rollupInputs.year, year), below(t, org)))
      .orderBy(...treeOrder(t))
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
      .where(and(below(t, org), isNull(t.rollupInputs.reportId)))
      .orderBy(...treeOrder(t))
      .limit(limit),
  );
  return rows.map((row) => ({ ...row, status: (row.status as ReportStatus | null) ?? null }));
}

/** How many organisations lie below `path` (itself excluded) and when any of the subtree last changed. */
export async function subtreeStamp(db: Database, org: { id: string; path: string }): Promise<{ below: number; changedAt: number }> {
  const [row] = await db.read(({ q, t }) =>
    q
      .select({ n: count(), changedAt: max(t.organisations.updatedAt) })
      .from(t.organisations)
      .where(like(t.organisations.path, `${org.path}%`)),
  );
  return { below: Number(row?.n ?? 1) - 1, changedAt: Number(row?.changedAt ?? 0) };
}
