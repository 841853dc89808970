/**
 * What a roll-up read needs beside the stored sums: the counting reports below an organisation in
 * input order (with the cells each leaves empty or fills with a non-zero value), the organisations
 * below it with nothing counting, and a cheap stamp of the subtree's organisations.
 */
import { and, asc, count, eq, gt, gte, inArray, like, lt, max, notExists, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import type { ReportStatus } from "../domain";
import { prepared } from "./prepared";

/**
 * A child of an organisation as the roll-up's per-cell lists need it: its own counting report (the
 * cells it fills with a non-zero value and those it leaves empty) and, per format, the counts of its
 * subtree from the stored sums — enough to tell, without reading the subtree, how many of a cell's
 * contributors lie there.
 */
export interface ChildRollup {
  orgId: string;
  path: string;
  own: { formatVersion: string; nonZero: number[]; missing: number[] } | null;
  below: { formatVersion: string; inputs: number; nonZero: number[]; missingCount: number[] }[];
}

export interface CountingInputDetail {
  reportId: string;
  orgId: string;
  orgName: string;
  status: ReportStatus;
  revisionNo: number;
}

/**
 * The organisations strictly below `org` (or, with `self`, `org` and those below it), in path order
 * (a parent, then its subtree: a county's departments together), optionally after a path already
 * read: a range on the path, which on PostgreSQL the pattern-ops index answers (its operators compare
 * bytes, whatever the collation) and on SQLite the unique index does (BINARY collation). Keyset paging
 * over it costs the page, not the subtree.
 */
export function pathRange(db: Database, t: Tx["t"], org: { path: string }, after?: string, self = false) {
  const path = t.organisations.path;
  // Every path with the prefix lies in [prefix, prefix with its final "/" raised to "0").
  const upper = `${org.path.slice(0, -1)}0`;
  // A cursor before the subtree must not reach outside it.
  const from = after !== undefined && after > org.path ? after : org.path;
  const inclusive = self && from === org.path;
  if (db.dialect === "postgres") {
    const lower = inclusive ? sql`${path} ~>=~ ${from}` : sql`${path} ~>~ ${from}`;
    return { where: sql`${lower} and ${path} ~<~ ${upper}`, order: sql`${path} using ~<~` };
  }
  return { where: and(inclusive ? gte(path, from) : gt(path, from), lt(path, upper))!, order: asc(path) };
}

/** Parents per query: the children of a level's organisations are read a few hundred parents at a time. */
const PARENTS_PER_QUERY = 500;

/**
 * The children of each of `parentIds`, in path order (the roll-up's input order), with their own
 * counting report of the year and their subtree's stored counts: two indexed queries per few hundred
 * parents.
 */
export async function listChildRollups(db: Database, parentIds: readonly string[], year: number): Promise<Map<string, ChildRollup[]>> {
  const out = new Map<string, ChildRollup[]>();
  for (let i = 0; i < parentIds.length; i += PARENTS_PER_QUERY) {
    const parents = parentIds.slice(i, i + PARENTS_PER_QUERY);
    const [children, sums] = await Promise.all([
      db.read(({ q, t }) =>
        q
          .select({
            orgId: t.organisations.id,
            parentId: t.organisations.parentId,
            path: t.organisations.path,
            formatVersion: t.rollupInputs.formatVersion,
            nonZero: t.rollupInputs.nonZero,
            missing: t.rollupInputs.missing,
          })
          .from(t.organisations)
          .leftJoin(t.rollupInputs, and(eq(t.rollupInputs.orgId, t.organisations.id), eq(t.rollupInputs.year, year)))
          .where(inArray(t.organisations.parentId, parents)),
      ),
      db.read(({ q, t }) =>
        q
          .select({
            orgId: t.rollupSums.orgId,
            formatVersion: t.rollupSums.formatVersion,
            inputs: t.rollupSums.inputs,
            sums: t.rollupSums.sums,
          })
          .from(t.rollupSums)
          .innerJoin(t.organisations, eq(t.organisations.id, t.rollupSums.orgId))
          .where(and(inArray(t.organisations.parentId, parents), eq(t.rollupSums.year, year), gt(t.rollupSums.inputs, 0)))
          .orderBy(t.rollupSums.formatVersion),
      ),
    ]);
    const below = new Map<string, ChildRollup["below"]>();
    for (const row of sums) {
      const { nonZero, missingCount } = JSON.parse(row.sums) as { nonZero: number[]; missingCount: number[] };
      below.set(row.orgId, [
        ...(below.get(row.orgId) ?? []),
        { formatVersion: row.formatVersion, inputs: row.inputs, nonZero, missingCount },
      ]);
    }
    // Byte order of paths, as the index gives it (whatever the database's collation).
    children.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const row of children) {
      const child: ChildRollup = {
        orgId: row.orgId,
        path: row.path,
        own:
          row.formatVersion === null
            ? null
            : { formatVersion: row.formatVersion, nonZero: indices(row.nonZero), missing: indices(row.missing) },
        below: below.get(row.orgId) ?? [],
      };
      if (row.parentId === null) continue;
      const siblings = out.get(row.parentId);
      if (siblings) siblings.push(child);
      else out.set(row.parentId, [child]);
    }
  }
  return out;
}

function indices(list: string | null): number[] {
  return list ? list.split(",").map(Number) : [];
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
      .leftJoin(t.reports, and(eq(t.reports.orgId, t.organisations.id), eq(t.reports.year, year)))
      // NOT EXISTS, not a left join and IS NULL: PostgreSQL then estimates how many lack an input and
      // walks the path index until it has the page, instead of hashing the whole subtree.
      .where(
        and(
          pathRange(db, t, org).where,
          notExists(
            q
              .select({ one: sql`1` })
              .from(t.rollupInputs)
              .where(and(eq(t.rollupInputs.orgId, t.organisations.id), eq(t.rollupInputs.year, year))),
          ),
        ),
      )
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
  const [row] = await db.read(({ q, t }) =>
    prepared(q, t, "organisations_changed_at", (q, t, name) =>
      q
        .select({ at: max(t.organisations.updatedAt) })
        .from(t.organisations)
        .prepare(...name),
    ).execute(),
  );
  return Number(row?.at ?? 0);
}
