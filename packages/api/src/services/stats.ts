/**
 * Progress of a year across a subtree: each organisation's status, findings, deadline (1月31日 for
 * departments, 3月31日 for the government's own report, of the next year), whether it is late, and the
 * workflow steps the caller may take on it. Three queries whatever the subtree's size.
 */
import { daysUntil, deadlineFor } from "@nianbao/core";
import { firstPublicationDates, listReports, listSubtree, type Database, type Organisation, type Role } from "@nianbao/db";
import { chinaToday } from "../findings";
import { availableActions } from "../workflow";

/** listReports stops at 1,000 rows by default; a province has more. */
const EVERY_REPORT = Number.MAX_SAFE_INTEGER;

export async function progressOf(db: Database, org: Organisation, year: number, caller: { role: Role; now: number }) {
  const today = chinaToday(caller.now);
  const orgs = await listSubtree(db, org.path);
  const reports = new Map((await listReports(db, { scopePath: org.path, year, limit: EVERY_REPORT })).map((r) => [r.orgId, r]));
  const published = await firstPublicationDates(db, org.path, year);
  const rows = orgs.map((member) => {
    const report = reports.get(member.id);
    const deadline = deadlineFor(year, member.kind);
    const publishedOn = report ? (published.get(report.id) ?? null) : null;
    const late = publishedOn ? publishedOn > deadline : today > deadline;
    return {
      orgId: member.id,
      orgName: member.name,
      orgKind: member.kind,
      parentId: member.parentId,
      reportId: report?.id ?? null,
      status: report?.status ?? null,
      revision: report?.currentRevision ?? null,
      findings: report?.summary ?? null,
      deadline,
      publishedOn,
      late,
      daysLate: late ? daysUntil(publishedOn ?? today, deadline) : null,
      actions: report ? availableActions(report.status, caller.role) : [],
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
