import { agencyKindSchema } from "@nianbao/core";
import { reportStatusSchema, workflowActionSchema } from "@nianbao/db";
import { z } from "zod";
import { findingsSummarySchema } from "../schemas";
import { progressOf } from "../services/stats";
import { router, subtreeYearProcedure } from "../trpc";

export const statsRouter = router({
  /**
   * Progress of a year across the subtree: each organisation's status, findings, deadline (1月31日 for
   * departments, 3月31日 for the government's own report, of the next year), whether it is late, and
   * the workflow steps the caller may take on it (as reports.get says), so a to-do list needs one call.
   */
  progress: subtreeYearProcedure
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
        totals: z.object({
          organisations: z.number().int(),
          byStatus: z.record(z.string(), z.number().int()),
          missing: z.number().int(),
          late: z.number().int(),
        }),
      }),
    )
    .query(({ ctx, input }) => progressOf(ctx.db, ctx.org, input.year, { role: ctx.actor.role, now: ctx.config.now() })),
});
