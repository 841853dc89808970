import type { AgencyKind, FormatVersion, ReportDocument } from "@nianbao/core";
import { and, asc, desc, eq, inArray, like, type SQL } from "drizzle-orm";
import { type Database, isUniqueViolation, type Tx } from "../client";
import { parseStoredDocument, serializeDocument } from "../documents";
import type { AuditContext, ReportStatus, RevisionSource, WorkflowAction } from "../domain";
import { AppError } from "../errors";
import { recordAudit } from "./audit";
import { newId } from "./ids";
import { syncRollupInput } from "./rollups";

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

const reportColumns = (t: Tx["t"]) => ({
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

type ReportRow = Omit<Report, "orgKind" | "formatVersion" | "status"> & { orgKind: string; formatVersion: string; status: string };
const toReport = (row: ReportRow): Report => ({
  ...row,
  orgKind: row.orgKind as AgencyKind,
  formatVersion: row.formatVersion as FormatVersion,
  status: row.status as ReportStatus,
});

const revisionColumns = (t: Tx["t"]) => ({
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

interface RevisionRow {
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
const toRevisionMeta = (row: RevisionRow): RevisionMeta => ({
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

export async function findReport({ q, t }: Tx, id: string): Promise<Report | null> {
  const [row] = await q
    .select(reportColumns(t))
    .from(t.reports)
    .innerJoin(t.organisations, eq(t.organisations.id, t.reports.orgId))
    .where(eq(t.reports.id, id))
    .limit(1);
  return row ? toReport(row) : null;
}

export async function getReport(db: Database, id: string): Promise<Report> {
  const report = await db.read((tx) => findReport(tx, id));
  if (!report) throw new AppError("NOT_FOUND", "report.notFound", { id });
  return report;
}

export async function findReportByOrgYear(db: Database, orgId: string, year: number): Promise<Report | null> {
  return db.read(async (tx) => {
    const [row] = await tx.q
      .select({ id: tx.t.reports.id })
      .from(tx.t.reports)
      .where(and(eq(tx.t.reports.orgId, orgId), eq(tx.t.reports.year, year)))
      .limit(1);
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

export async function listReports(db: Database, query: ReportListQuery): Promise<ReportListItem[]> {
  const rows = await db.read(({ q, t }) => {
    const conditions: SQL[] = [like(t.organisations.path, `${query.scopePath}%`)];
    if (query.year !== undefined) conditions.push(eq(t.reports.year, query.year));
    if (query.status?.length) conditions.push(inArray(t.reports.status, query.status));
    if (query.orgId) conditions.push(eq(t.reports.orgId, query.orgId));
    return q
      .select({
        ...reportColumns(t),
        errorCount: t.reportRevisions.errorCount,
        warningCount: t.reportRevisions.warningCount,
        infoCount: t.reportRevisions.infoCount,
        lastAuthorName: t.users.displayName,
      })
      .from(t.reports)
      .innerJoin(t.organisations, eq(t.organisations.id, t.reports.orgId))
      .innerJoin(
        t.reportRevisions,
        and(eq(t.reportRevisions.reportId, t.reports.id), eq(t.reportRevisions.revisionNo, t.reports.currentRevision)),
      )
      .innerJoin(t.users, eq(t.users.id, t.reportRevisions.authorId))
      .where(and(...conditions))
      .orderBy(desc(t.reports.year), asc(t.organisations.path))
      .limit(query.limit ?? 1000);
  });
  return rows.map(({ errorCount, warningCount, infoCount, lastAuthorName, ...row }) => ({
    ...toReport(row),
    summary: { error: errorCount, warning: warningCount, info: infoCount },
    lastAuthorName,
  }));
}

async function findRevision({ q, t }: Tx, reportId: string, revisionNo: number): Promise<Revision | null> {
  const [row] = await q
    .select({ ...revisionColumns(t), document: t.reportRevisions.document })
    .from(t.reportRevisions)
    .innerJoin(t.users, eq(t.users.id, t.reportRevisions.authorId))
    .where(and(eq(t.reportRevisions.reportId, reportId), eq(t.reportRevisions.revisionNo, revisionNo)))
    .limit(1);
  return row ? { ...toRevisionMeta(row), document: parseStoredDocument(row.document) } : null;
}

/**
 * Revisions never change once written, so a read one can be kept: the most used ones (this year's
 * and last year's report of each department) are then read without a query or a JSON parse. Safe with
 * several server instances for the same reason. The document is frozen: callers copy before changing.
 */
const REVISIONS_KEPT = 512;
const revisionCache = new WeakMap<Database, Map<string, Revision>>();

function cachedRevisions(db: Database): Map<string, Revision> {
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

export async function getRevision(db: Database, reportId: string, revisionNo: number): Promise<Revision> {
  const cache = cachedRevisions(db);
  const key = `${reportId}#${revisionNo}`;
  const kept = cache.get(key);
  if (kept) {
    // Least recently used goes first: re-insert to move this one to the end.
    cache.delete(key);
    cache.set(key, kept);
    return kept;
  }
  const revision = await db.read((tx) => findRevision(tx, reportId, revisionNo));
  if (!revision) throw new AppError("NOT_FOUND", "report.revisionNotFound", { revision: revisionNo });
  cache.set(key, deepFreeze(revision));
  if (cache.size > REVISIONS_KEPT) cache.delete(cache.keys().next().value!);
  return revision;
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

export interface RevisionInput {
  document: ReportDocument;
  summary: FindingsSummary;
  authorId: string;
  tokenId: string | null;
  source: RevisionSource;
  note: string | null;
}

async function insertRevision(tx: Tx, reportId: string, revisionNo: number, baseRevision: number | null, input: RevisionInput, now: number) {
  await tx.q.insert(tx.t.reportRevisions).values({
    id: newId(),
    reportId,
    revisionNo,
    baseRevision,
    document: serializeDocument(input.document),
    errorCount: input.summary.error,
    warningCount: input.summary.warning,
    infoCount: input.summary.info,
    authorId: input.authorId,
    tokenId: input.tokenId,
    source: input.source,
    note: input.note,
    createdAt: now,
  });
}

export interface NewReport extends RevisionInput {
  orgId: string;
  /** The initial status (seeding history); new reports start as drafts. */
  status?: ReportStatus;
}

/** A new report with its first revision. A second report for the same organisation and year is a CONFLICT. */
export async function createReport(db: Database, input: NewReport, audit: AuditContext): Promise<Report> {
  try {
    return await db.write(async (tx) => {
      const id = newId();
      const now = Date.now();
      await tx.q.insert(tx.t.reports).values({
        id,
        orgId: input.orgId,
        year: input.document.year,
        formatVersion: input.document.formatVersion,
        status: input.status ?? "draft",
        currentRevision: 1,
        publishedRevision: null,
        pendingChangeNote: null,
        createdAt: now,
        updatedAt: now,
      });
      await insertRevision(tx, id, 1, null, input, now);
      await syncRollupInput(tx, id);
      await recordAudit(tx, audit, {
        action: "report.create",
        targetType: "report",
        targetId: id,
        orgId: input.orgId,
        detail: { year: input.document.year, source: input.source, summary: input.summary },
      }, now);
      return (await findReport(tx, id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "report.exists", { org: input.document.agency.name, year: input.document.year });
    }
    throw error;
  }
}

export interface SaveRevisionInput extends RevisionInput {
  reportId: string;
  /** The revision the author edited. Anything else current means someone saved in between. */
  baseRevision: number;
}

/**
 * Save a new revision of a draft. The base check, the insert and the pointer move are one
 * transaction, and the unique (report_id, revision_no) turns a race between two writers of the same
 * base into a CONFLICT for the later one: an acknowledged save is never overwritten.
 */
export async function saveRevision(db: Database, input: SaveRevisionInput, audit: AuditContext): Promise<{ report: Report; revisionNo: number }> {
  const stale = (current: number) =>
    new AppError("CONFLICT", "report.stale", { current, base: input.baseRevision }, { field: "baseRevision" });
  try {
    return await db.write(async (tx) => {
      const report = await findReport(tx, input.reportId);
      if (!report) throw new AppError("NOT_FOUND", "report.notFound", { id: input.reportId });
      if (report.currentRevision !== input.baseRevision) throw stale(report.currentRevision);
      if (report.status !== "draft") throw new AppError("PRECONDITION_FAILED", "report.notEditable", { status: report.status });
      const revisionNo = input.baseRevision + 1;
      const now = Date.now();
      await insertRevision(tx, report.id, revisionNo, input.baseRevision, input, now);
      const moved = await tx.q
        .update(tx.t.reports)
        .set({ currentRevision: revisionNo, updatedAt: now })
        .where(and(eq(tx.t.reports.id, report.id), eq(tx.t.reports.currentRevision, input.baseRevision)))
        .returning({ id: tx.t.reports.id });
      if (!moved.length) throw stale(revisionNo);
      await recordAudit(tx, audit, {
        action: input.source === "import" ? "report.import" : "report.update",
        targetType: "report",
        targetId: report.id,
        orgId: report.orgId,
        detail: { revision: revisionNo, baseRevision: input.baseRevision, summary: input.summary },
      }, now);
      return { report: (await findReport(tx, report.id))!, revisionNo };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw stale(input.baseRevision + 1);
    throw error;
  }
}

export interface TransitionInput {
  reportId: string;
  action: WorkflowAction;
  from: ReportStatus;
  to: ReportStatus;
  /** The revision the actor looked at; the step fails if the report moved on. */
  revision: number;
  actorId: string;
  comment: string | null;
  /** Correction: the 更正说明 to publish with the corrected revision. */
  changeNote?: string;
  /** Publish: the date printed on the report, and the stamped document if it lacked one. */
  publication?: { publishedOn: string; stamped: RevisionInput | null };
}

/** Move a report one workflow step, atomically: the status and revision must still be what the actor saw. */
export async function transitionReport(db: Database, input: TransitionInput, audit: AuditContext): Promise<Report> {
  return db.write(async (tx) => {
    const { q, t } = tx;
    const now = Date.now();
    const moved = await q
      .update(t.reports)
      .set({ status: input.to, updatedAt: now })
      .where(and(eq(t.reports.id, input.reportId), eq(t.reports.status, input.from), eq(t.reports.currentRevision, input.revision)))
      .returning({ id: t.reports.id, orgId: t.reports.orgId, pendingChangeNote: t.reports.pendingChangeNote });
    const row = moved[0];
    if (!row) {
      const report = await findReport(tx, input.reportId);
      if (!report) throw new AppError("NOT_FOUND", "report.notFound", { id: input.reportId });
      throw new AppError("CONFLICT", "workflow.moved", { status: report.status, revision: report.currentRevision });
    }
    let revision = input.revision;
    if (input.publication) {
      if (input.publication.stamped) {
        revision += 1;
        await insertRevision(tx, input.reportId, revision, input.revision, input.publication.stamped, now);
      }
      await q.insert(t.publications).values({
        id: newId(),
        reportId: input.reportId,
        revisionNo: revision,
        publishedOn: input.publication.publishedOn,
        publishedAt: now,
        publishedBy: input.actorId,
        changeNote: row.pendingChangeNote,
      });
      await q
        .update(t.reports)
        .set({ currentRevision: revision, publishedRevision: revision, pendingChangeNote: null })
        .where(eq(t.reports.id, input.reportId));
    }
    if (input.changeNote !== undefined) {
      await q.update(t.reports).set({ pendingChangeNote: input.changeNote }).where(eq(t.reports.id, input.reportId));
    }
    await q.insert(t.workflowEvents).values({
      id: newId(),
      reportId: input.reportId,
      revisionNo: revision,
      action: input.action,
      fromStatus: input.from,
      toStatus: input.to,
      actorId: input.actorId,
      comment: input.comment,
      createdAt: now,
    });
    await recordAudit(tx, audit, {
      action: `report.${input.action}`,
      targetType: "report",
      targetId: input.reportId,
      orgId: row.orgId,
      detail: { from: input.from, to: input.to, revision, comment: input.comment },
    }, now);
    await syncRollupInput(tx, input.reportId);
    return (await findReport(tx, input.reportId))!;
  });
}

export interface WorkflowEvent {
  revisionNo: number;
  action: WorkflowAction;
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  actorId: string;
  actorName: string;
  comment: string | null;
  createdAt: number;
}

export async function listWorkflowEvents(db: Database, reportId: string): Promise<WorkflowEvent[]> {
  const rows = await db.read(({ q, t }) =>
    q
      .select({
        revisionNo: t.workflowEvents.revisionNo,
        action: t.workflowEvents.action,
        fromStatus: t.workflowEvents.fromStatus,
        toStatus: t.workflowEvents.toStatus,
        actorId: t.workflowEvents.actorId,
        actorName: t.users.displayName,
        comment: t.workflowEvents.comment,
        createdAt: t.workflowEvents.createdAt,
      })
      .from(t.workflowEvents)
      .innerJoin(t.users, eq(t.users.id, t.workflowEvents.actorId))
      .where(eq(t.workflowEvents.reportId, reportId))
      .orderBy(asc(t.workflowEvents.createdAt), asc(t.workflowEvents.revisionNo)),
  );
  return rows.map((row) => ({
    ...row,
    action: row.action as WorkflowAction,
    fromStatus: row.fromStatus as ReportStatus,
    toStatus: row.toStatus as ReportStatus,
  }));
}
