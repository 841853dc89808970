/**
 * Progress of a year across a subtree: each organisation's status, findings, deadline (1月31日 for
 * departments, 3月31日 for the government's own report, of the next year), whether it is late, and the
 * workflow steps the caller may take on it. One query whatever the subtree's size.
 */
import { daysUntil, deadlineFor } from "@nianbao/core";
import { type Database, listProgress, type Organisation, type ReportStatus, type Role } from "@nianbao/db";
import { chinaToday } from "../findings";
import { availableActions } from "../workflow";

export async function progressOf(db: Database, org: Organisation, year: number, caller: { role: Role; now: number }) {
  const today = chinaToday(caller.now);
  // Deadlines depend on the kind and actions on the status: worked out once each, not per row.
  const deadlines = new Map<string, string>();
  const actions = new Map<ReportStatus, ReturnType<typeof availableActions>>();
  const rows = (await listProgress(db, org.path, year)).map((member) => {
    const { report } = member;
    let deadline = deadlines.get(member.orgKind);
    if (deadline === undefined) deadlines.set(member.orgKind, (deadline = deadlineFor(year, member.orgKind)));
    let allowed = report ? actions.get(report.status) : [];
    if (report && !allowed) actions.set(report.status, (allowed = availableActions(report.status, caller.role)));
    const publishedOn = report?.firstPublishedOn ?? null;
    const late = publishedOn ? publishedOn > deadline : today > deadline;
    return {
      orgId: member.orgId,
      orgName: member.orgName,
      orgKind: member.orgKind,
      parentId: member.parentId,
      reportId: report?.id ?? null,
      status: report?.status ?? null,
      revision: report?.currentRevision ?? null,
      findings: report?.summary ?? null,
      deadline,
      publishedOn,
      late,
      daysLate: late ? daysUntil(publishedOn ?? today, deadline) : null,
      actions: allowed ?? [],
    };
  });
  const byStatus: Record<string, number> = {};
  for (const row of rows) if (row.status) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  return {
    year,
    today,
    rows,
    totals: {
      organisations: rows.length,
      byStatus,
      missing: rows.filter((r) => !r.status).length,
      late: rows.filter((r) => r.late).length,
    },
  };
}
