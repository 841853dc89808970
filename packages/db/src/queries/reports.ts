/**
 * Reading reports and their revisions. The hot reads (one report, its revisions, a year's list) run as
 * prepared statements (prepared.ts); revisions, which never change, are kept once read.
 */
import { type Finding, findingSchema, type ReportDocument } from "@nianbao/core";
import { and, asc, desc, eq, inArray, like, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Database, Executor, Tables, Tx } from "../client";
import { parseStoredDocument } from "../documents";
import type { ReportStatus } from "../domain";
import { DomainError } from "../errors";
import { z } from "zod";
import { prepared } from "./prepared";
import {
  currentRevisionJoins,
  type FindingsSummary,
  findReport,
  type Report,
  type ReportDetail,
  reportColumns,
  type Revision,
  revisionColumns,
  type RevisionMeta,
  toReport,
  toRevisionMeta,
} from "./report-rows";
import { pathRange } from "./rollup-reads";
import { subtreePattern } from "./scope";

export * from "./report-rows";
export * from "./report-writes";
export * from "./workflow-events";

export async function getReport(db: Database, id: string): Promise<ReportDetail> {
  const report = await db.read((tx) => findReport(tx, id));
  if (!report) throw new DomainError("NOT_FOUND", "report.notFound", { id });
  return report;
}

const reportIdByOrgYear = (tx: Tx) =>
  prepared(tx.q, tx.t, "report_id_by_org_year", (q, t, name) =>
    q
      .select({ id: t.reports.id })
      .from(t.reports)
      .where(and(eq(t.reports.orgId, sql.placeholder("orgId")), eq(t.reports.year, sql.placeholder("year"))))
      .limit(1)
      .prepare(...name),
  );

export async function findReportByOrgYear(db: Database, orgId: string, year: number): Promise<ReportDetail | null> {
  return db.read(async (tx) => {
    const [row] = await reportIdByOrgYear(tx).execute({ orgId, year });
    return row ? findReport(tx, row.id) : null;
  });
}

export interface ReportListQuery {
  scopePath: string;
  year?: number;
  status?: ReportStatus[];
  orgId?: string;
  limit?: number;
}

export interface ReportListItem extends Report {
  summary: FindingsSummary;
  lastAuthorName: string;
}

/** The list's columns: the report's, the current revision's finding counts and its author's name. */
function listQuery(q: Executor, t: Tables, conditions: (SQL | undefined)[], limit: Placeholder | number, order: SQL[] = []) {
  const joins = currentRevisionJoins(t);
  return q
    .select({
      ...reportColumns(t),
      errorCount: t.reportRevisions.errorCount,
      warningCount: t.reportRevisions.warningCount,
      infoCount: t.reportRevisions.infoCount,
      lastAuthorName: t.users.displayName,
    })
    .from(t.reports)
    .innerJoin(t.organisations, joins.organisation)
    .innerJoin(t.reportRevisions, joins.revision)
    .innerJoin(t.users, joins.author)
    .where(and(...conditions))
    .orderBy(...(order.length ? order : [desc(t.reports.year), asc(t.organisations.path)]))
    .limit(limit);
}

type ListRow = Awaited<ReturnType<typeof listQuery>>[number];

function toListItem({ errorCount, warningCount, infoCount, lastAuthorName, ...row }: ListRow): ReportListItem {
  return { ...toReport(row), summary: { error: errorCount, warning: warningCount, info: infoCount }, lastAuthorName };
}

export async function listReports(db: Database, query: ReportListQuery): Promise<ReportListItem[]> {
  const scope = subtreePattern(query.scopePath);
  const limit = query.limit ?? 1000;
  const rows = await db.read(({ q, t }) => {
    // A status filter is a list of any length, which a prepared statement cannot bind: built each time.
    if (query.status?.length) {
      const conditions: SQL[] = [like(t.organisations.path, scope), inArray(t.reports.status, query.status)];
      if (query.year !== undefined) conditions.push(eq(t.reports.year, query.year));
      if (query.orgId) conditions.push(eq(t.reports.orgId, query.orgId));
      return listQuery(q, t, conditions, limit);
    }
    const byYear = query.year !== undefined;
    const byOrg = Boolean(query.orgId);
    const statement = prepared(q, t, `report_list${byYear ? "_year" : ""}${byOrg ? "_org" : ""}`, (q, t, name) => {
      const conditions: SQL[] = [like(t.organisations.path, sql.placeholder("scope"))];
      if (byYear) conditions.push(eq(t.reports.year, sql.placeholder("year")));
      if (byOrg) conditions.push(eq(t.reports.orgId, sql.placeholder("orgId")));
      return listQuery(q, t, conditions, sql.placeholder("limit")).prepare(...name);
    });
    return statement.execute({ scope, limit, ...(byYear ? { year: query.year } : {}), ...(byOrg ? { orgId: query.orgId } : {}) });
  });
  return rows.map(toListItem);
}

export interface ReportPageQuery {
  /** The organisation whose subtree is listed (itself included). */
  scopePath: string;
  year: number;
  status?: ReportStatus[];
  /** The organisation path of the last report of the previous page. */
  after?: string;
  limit: number;
}

/**
 * One page of a year's reports in a subtree, in organisation path order (each organisation, then its
 * subtree). A report is one per organisation and year, so the path alone orders them and the next page
 * starts after the last path read: a range on the path index, so every page costs the same, however
 * far into a province it is. Returns one report more than asked when there is a next page.
 */
export async function pageReports(db: Database, query: ReportPageQuery): Promise<ReportListItem[]> {
  const rows = await db.read(({ q, t }) => {
    const range = pathRange(db, t, { path: query.scopePath }, query.after, true);
    const conditions = [range.where, eq(t.reports.year, query.year)];
    if (query.status?.length) conditions.push(inArray(t.reports.status, query.status));
    return listQuery(q, t, conditions, query.limit, [range.order]);
  });
  return rows.map(toListItem);
}

/** What is kept of a revision: everything but its author's name, which can change. */
/** A revision as kept once read (it never changes), with the findings of the import it came from. */
type StoredRevision = Omit<Revision, "authorName"> & { importFindings: readonly Finding[] };
const importFindingsSchema = z.array(findingSchema);

const revisionStatement = (tx: Tx) =>
  prepared(tx.q, tx.t, "revision_by_no", (q, t, name) => {
    const { authorName: _name, ...columns } = revisionColumns(t);
    return q
      .select({ ...columns, document: t.reportRevisions.document, importFindings: t.reportRevisions.importFindings })
      .from(t.reportRevisions)
      .where(
        and(eq(t.reportRevisions.reportId, sql.placeholder("reportId")), eq(t.reportRevisions.revisionNo, sql.placeholder("revisionNo"))),
      )
      .limit(1)
      .prepare(...name);
  });

const userNameStatement = (tx: Tx) =>
  prepared(tx.q, tx.t, "user_display_name", (q, t, name) =>
    q
      .select({ displayName: t.users.displayName })
      .from(t.users)
      .where(eq(t.users.id, sql.placeholder("id")))
      .limit(1)
      .prepare(...name),
  );

/**
 * Revisions never change once written, so a read one is kept: the most used ones (this year's and
 * last year's report of each department) are then read without a query or a JSON parse, and their
 * document is checked against the schema only the first time. Safe with several server instances for
 * the same reason; the author's name, which an administrator may change, is not kept. The document
 * is frozen: callers copy before changing.
 */
const REVISIONS_KEPT = 512;
const revisionCache = new WeakMap<Database, Map<string, StoredRevision>>();

function cachedRevisions(db: Database): Map<string, StoredRevision> {
  let cache = revisionCache.get(db);
  if (!cache) revisionCache.set(db, (cache = new Map()));
  return cache;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

async function storedRevision(db: Database, reportId: string, revisionNo: number): Promise<StoredRevision> {
  const cache = cachedRevisions(db);
  const key = `${reportId}#${revisionNo}`;
  const kept = cache.get(key);
  if (kept) {
    // Least recently used goes first: re-insert to move this one to the end.
    cache.delete(key);
    cache.set(key, kept);
    return kept;
  }
  const [row] = await db.read((tx) => revisionStatement(tx).execute({ reportId, revisionNo }));
  if (!row) throw new DomainError("NOT_FOUND", "report.revisionNotFound", { revision: revisionNo });
  const { authorName: _none, ...meta } = toRevisionMeta({ ...row, authorName: "" });
  const importFindings = row.importFindings ? importFindingsSchema.parse(JSON.parse(row.importFindings)) : [];
  const revision: StoredRevision = { ...meta, document: parseStoredDocument(row.document), importFindings };
  cache.set(key, deepFreeze(revision));
  if (cache.size > REVISIONS_KEPT) cache.delete(cache.keys().next().value!);
  return revision;
}

/** Only the document of a revision (validation against last year, roll-ups): no query once kept. */
export async function getRevisionDocument(db: Database, reportId: string, revisionNo: number): Promise<ReportDocument> {
  return (await storedRevision(db, reportId, revisionNo)).document;
}

/** The findings of the import a revision was read from; none for a revision written any other way. */
export async function getRevisionImportFindings(db: Database, report: Pick<Report, "id">, revisionNo: number): Promise<readonly Finding[]> {
  return (await storedRevision(db, report.id, revisionNo)).importFindings;
}

/**
 * A revision with its author's current name. Reading the report's current revision, pass the report
 * as getReport read it: the name came with it, and no query is needed.
 */
export async function getRevision(db: Database, reportId: string, revisionNo: number, report?: ReportDetail): Promise<Revision> {
  const stored = await storedRevision(db, reportId, revisionNo);
  const authorName =
    report && report.id === reportId && report.currentRevision === revisionNo
      ? report.currentAuthorName
      : ((await db.read((tx) => userNameStatement(tx).execute({ id: stored.authorId })))[0]?.displayName ?? "");
  const { document, importFindings: _import, ...meta } = stored;
  return { ...meta, authorName, document };
}

export async function listRevisions(db: Database, reportId: string): Promise<RevisionMeta[]> {
  const rows = await db.read(({ q, t }) =>
    q
      .select(revisionColumns(t))
      .from(t.reportRevisions)
      .innerJoin(t.users, eq(t.users.id, t.reportRevisions.authorId))
      .where(eq(t.reportRevisions.reportId, reportId))
      .orderBy(asc(t.reportRevisions.revisionNo)),
  );
  return rows.map(toRevisionMeta);
}
