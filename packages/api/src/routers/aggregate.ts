import { findingSchema, formatVersionSchema, reportDocumentSchema } from "@nianbao/core";
import { reportStatusSchema } from "@nianbao/db";
import { z } from "zod";
import { rollupOf } from "../services/aggregate";
import { router, subtreeYearProcedure } from "../trpc";

const cellValue = z.union([z.number(), z.string(), z.null()]);

export const aggregateRouter = router({
  /**
   * The roll-up of an organisation's subtree for a year from its approved or published reports: each
   * cell with the organisations that contributed to it and those that left it empty, and the
   * reconciliation against the organisation's own report where it has one. Lists stop at 200 entries
   * (a county's departments all fit); `inputCount`, `missingCount` and `contributorCount` are whole.
   */
  get: subtreeYearProcedure
    .output(
      z.object({
        year: z.number().int(),
        formatVersion: z.union([formatVersionSchema, z.literal("mixed")]).nullable(),
        inputs: z.array(
          z.object({
            reportId: z.string(),
            orgId: z.string(),
            orgName: z.string(),
            status: reportStatusSchema,
            revision: z.number().int(),
          }),
        ),
        inputCount: z.number().int(),
        /** Organisations below with no approved report for the year (status null: no report at all). */
        missing: z.array(z.object({ orgId: z.string(), orgName: z.string(), status: reportStatusSchema.nullable() })),
        missingCount: z.number().int(),
        report: reportDocumentSchema.nullable(),
        cells: z.record(
          z.string(),
          z.object({
            value: cellValue,
            reported: z.number().int(),
            partialSum: z.union([z.number(), z.string()]),
            contributors: z.array(z.string()),
            contributorCount: z.number().int(),
            missing: z.array(z.string()),
          }),
        ),
        findings: z.array(findingSchema),
        reconciliation: z
          .object({
            reportId: z.string(),
            revision: z.number().int(),
            differences: z.array(
              z.object({ cellId: z.string(), label: z.string(), rollup: cellValue, own: cellValue, difference: z.number().nullable() }),
            ),
          })
          .nullable(),
      }),
    )
    .query(({ ctx, input }) => rollupOf(ctx.db, ctx.org, input.year, ctx.lang)),
});
