/** The workflow steps a report went through, with who took them and their comments. */
import { asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import type { ReportStatus, WorkflowAction } from "../domain";

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
