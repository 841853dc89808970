/**
 * The writes of a report: a new report with its first revision, a saved revision, a workflow step.
 * Each is one transaction; revisions are only ever added, never changed.
 */
import type { Finding, ReportDocument } from "@nianbao/core";
import { and, eq } from "drizzle-orm";
import { type Database, isUniqueViolation, type Tx } from "../client";
import { serializeDocument } from "../documents";
import type { AuditContext, ReportStatus, RevisionSource, WorkflowAction } from "../domain";
import { DomainError } from "../errors";
import { recordAudit } from "./audit";
import { newId } from "./ids";
import { syncRollupInput } from "./rollups";
import type { FindingsSummary } from "./report-rows";
import { findReport, type ReportDetail } from "./report-rows";
import { queueWorkflowWebhookEvent } from "./webhook-outbox";

export interface RevisionInput {
  document: ReportDocument;
  summary: FindingsSummary;
  authorId: string;
  tokenId: string | null;
  source: RevisionSource;
  note: string | null;
  /**
   * The import's own findings, for a revision read from a file: kept with the revision, so that its
   * validation can tell a cell the importer could not read from one the report left blank.
   */
  importFindings?: readonly Finding[];
}

async function insertRevision(
  tx: Tx,
  reportId: string,
  revisionNo: number,
  baseRevision: number | null,
  input: RevisionInput,
  now: number,
) {
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
    importFindings: input.importFindings?.length ? JSON.stringify(input.importFindings) : null,
    createdAt: now,
  });
}

export interface NewReport extends RevisionInput {
  orgId: string;
  /** The initial status (seeding history); new reports start as drafts. */
  status?: ReportStatus;
}

/** A new report with its first revision. A second report for the same organisation and year is a CONFLICT. */
export async function createReport(db: Database, input: NewReport, audit: AuditContext): Promise<ReportDetail> {
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
      await recordAudit(
        tx,
        audit,
        {
          action: "report.create",
          targetType: "report",
          targetId: id,
          orgId: input.orgId,
          detail: { year: input.document.year, source: input.source, summary: input.summary },
        },
        now,
      );
      return (await findReport(tx, id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", "report.exists", { org: input.document.agency.name, year: input.document.year });
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
export async function saveRevision(
  db: Database,
  input: SaveRevisionInput,
  audit: AuditContext,
): Promise<{ report: ReportDetail; revisionNo: number }> {
  const stale = (current: number) =>
    new DomainError("CONFLICT", "report.stale", { current, base: input.baseRevision }, { field: "baseRevision" });
  try {
    return await db.write(async (tx) => {
      const report = await findReport(tx, input.reportId);
      if (!report) throw new DomainError("NOT_FOUND", "report.notFound", { id: input.reportId });
      if (report.currentRevision !== input.baseRevision) throw stale(report.currentRevision);
      if (report.status !== "draft") throw new DomainError("PRECONDITION_FAILED", "report.notEditable", { status: report.status });
      const revisionNo = input.baseRevision + 1;
      const now = Date.now();
      await insertRevision(tx, report.id, revisionNo, input.baseRevision, input, now);
      const moved = await tx.q
        .update(tx.t.reports)
        .set({ currentRevision: revisionNo, updatedAt: now })
        .where(and(eq(tx.t.reports.id, report.id), eq(tx.t.reports.currentRevision, input.baseRevision)))
        .returning({ id: tx.t.reports.id });
      if (!moved.length) throw stale(revisionNo);
      await recordAudit(
        tx,
        audit,
        {
          action: input.source === "import" ? "report.import" : "report.update",
          targetType: "report",
          targetId: report.id,
          orgId: report.orgId,
          detail: { revision: revisionNo, baseRevision: input.baseRevision, summary: input.summary },
        },
        now,
      );
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
export async function transitionReport(db: Database, input: TransitionInput, audit: AuditContext): Promise<ReportDetail> {
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
      if (!report) throw new DomainError("NOT_FOUND", "report.notFound", { id: input.reportId });
      throw new DomainError("CONFLICT", "workflow.moved", { status: report.status, revision: report.currentRevision });
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
    await queueWorkflowWebhookEvent(tx, {
      reportId: input.reportId,
      orgId: row.orgId,
      action: input.action,
      from: input.from,
      to: input.to,
      revision,
      comment: input.comment,
      at: now,
    });
    await recordAudit(
      tx,
      audit,
      {
        action: `report.${input.action}`,
        targetType: "report",
        targetId: input.reportId,
        orgId: row.orgId,
        detail: { from: input.from, to: input.to, revision, comment: input.comment },
      },
      now,
    );
    await syncRollupInput(tx, input.reportId);
    return (await findReport(tx, input.reportId))!;
  });
}
