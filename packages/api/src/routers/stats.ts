import { agencyKindSchema, daysUntil, deadlineFor } from "@nianbao/core";
import { firstPublicationDates, listReports, listSubtree, reportStatusSchema, workflowActionSchema } from "@nianbao/db";
import { z } from "zod";
import { chinaToday } from "../findings";
import { findingsSummarySchema, yearInputSchema } from "../schemas";
import { ALL_ROLES, orgProcedure, router } from "../trpc";
import { availableActions } from "../workflow";

export const statsRouter = router({
  /**
   * Progress of a year across the subtree: each organisation's status, findings, deadline (1月31日 for
   * departments, 3月31日 for the government's own report, of the next year), whether it is late, and
   * the workflow steps the caller may take on it (as reports.get says), so a to-do list needs one call.
   */
  progress: orgProcedure(ALL_ROLES)
    .input(z.object({ year: yearInputSchema }))
    .output(
      z.object({
        year: z.number().int(),
        today: z.string(),
        rows: z.array(
          z.object({
            orgId: z.string(),
            orgName: z.string(),
            orgKind: agencyKindSchema,
            parentId: z.string().nullable(),
            reportId: z.string().nullable(),
            status: reportStatusSchema.nullable(),
            revision: z.number().int().nullable(),
            findings: findingsSummarySchema.nullable(),
            deadline: z.string(),
            publishedOn: z.string().nullable(),
            late: z.boolean(),
            daysLate: z.number().int().nullable(),
            actions: z.array(workflowActionSchema),
          }),
        ),
        totals: z.object({ organisations: z.number().int(), byStatus: z.record(z.string(), z.number().int()), missing: z.number().int(), late: z.number().int() }),
      }),
    )
    .query(async ({ ctx, input }) => {
      const today = chinaToday(ctx.config.now());
      const orgs = await listSubtree(ctx.db, ctx.org.path);
      const reports = new Map((await listReports(ctx.db, { scopePath: ctx.org.path, year: input.year })).map((r) => [r.orgId, r]));
      const published = await firstPublicationDates(ctx.db, ctx.org.path, input.year);
      const rows = orgs.map((org) => {
        const report = reports.get(org.id);
        const deadline = deadlineFor(input.year, org.kind);
        const publishedOn = report ? (published.get(report.id) ?? null) : null;
        const late = publishedOn ? publishedOn > deadline : today > deadline;
        return {
          orgId: org.id,
          orgName: org.name,
          orgKind: org.kind,
          parentId: org.parentId,
          reportId: report?.id ?? null,
          status: report?.status ?? null,
          revision: report?.currentRevision ?? null,
          findings: report?.summary ?? null,
          deadline,
          publishedOn,
          late,
          daysLate: late ? daysUntil(publishedOn ?? today, deadline) : null,
          actions: report ? availableActions(report.status, ctx.actor.role) : [],
        };
      });
      const byStatus: Record<string, number> = {};
      for (const row of rows) if (row.status) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
      return {
        year: input.year,
        today,
        rows,
        totals: { organisations: rows.length, byStatus, missing: rows.filter((r) => !r.status).length, late: rows.filter((r) => r.late).length },
      };
    }),
});
