/**
 * The writes of a report: a new report with its first revision, a saved revision, a workflow step.
 * Each is one transaction; revisions are only ever added, never changed.
 */
import type { Finding, ReportDocument } from "@nianbao/core";
import { and, eq, sql } from "drizzle-orm";
import { type Database, isUniqueViolation, type Tx } from "../client";
import { serializeDocument } from "../documents";
import type { AuditContext, ReportStatus, RevisionSource, WorkflowAction } from "../domain";
import { DomainError } from "../errors";
import { recordAudit } from "./audit";
import { newId } from "./ids";
import { prepared } from "./prepared";
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
  { q, t }: Tx,
  reportId: string,
  revisionNo: number,
  baseRevision: number | null,
  input: RevisionInput,
  now: number,
) {
  // Prepared: a save is the API's most frequent write (an editor autosaves).
  await prepared(q, t, "insert_revision", (q, t, name) =>
    q
      .insert(t.reportRevisions)
      .values({
        id: sql.placeholder("id"),
        reportId: sql.placeholder("reportId"),
        revisionNo: sql.placeholder("revisionNo"),
        baseRevision: sql.placeholder("baseRevision"),
        document: sql.placeholder("document"),
        errorCount: sql.placeholder("errorCount"),
        warningCount: sql.placeholder("warningCount"),
        infoCount: sql.placeholder("infoCount"),
        authorId: sql.placeholder("authorId"),
        tokenId: sql.placeholder("tokenId"),
        source: sql.placeholder("source"),
        note: sql.placeholder("note"),
        importFindings: sql.placeholder("importFindings"),
        createdAt: sql.placeholder("createdAt"),
      })
      .prepare(...name),
  ).execute({
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
      const revisionNo = input.baseRevision + 1;
      const now = Date.now();
      // Move the pointer first, on the condition that the report is still the draft the author edited;
      // only when it is not is the report read, to say why.
      const [moved] = await prepared(tx.q, tx.t, "advance_draft", (q, t, name) =>
        q
          .update(t.reports)
          .set({
            currentRevision: sql.placeholder("revisionNo") as unknown as number,
            updatedAt: sql.placeholder("now") as unknown as number,
          })
          .where(
            and(
              eq(t.reports.id, sql.placeholder("id")),
              eq(t.reports.currentRevision, sql.placeholder("baseRevision")),
              eq(t.reports.status, "draft"),
            ),
          )
          .returning({ orgId: t.reports.orgId })
          .prepare(...name),
      ).execute({ id: input.reportId, baseRevision: input.baseRevision, revisionNo, now });
      if (!moved) {
        const report = await findReport(tx, input.reportId);
        if (!report) throw new DomainError("NOT_FOUND", "report.notFound", { id: input.reportId });
        if (report.currentRevision !== input.baseRevision) throw stale(report.currentRevision);
        throw new DomainError("PRECONDITION_FAILED", "report.notEditable", { status: report.status });
      }
      await insertRevision(tx, input.reportId, revisionNo, input.baseRevision, input, now);
      await recordAudit(
        tx,
        audit,
        {
          action: input.source === "import" ? "report.import" : "report.update",
          targetType: "report",
          targetId: input.reportId,
          orgId: moved.orgId,
          detail: { revision: revisionNo, baseRevision: input.baseRevision, summary: input.summary },
        },
        now,
      );
      return { report: (await findReport(tx, input.reportId))!, revisionNo };
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
