import { aggregateReports, formatVersionSchema, findingSchema, reconcileReports, reportDocumentSchema } from "@nianbao/core";
import { getRevisionDocument, listReports, listSubtree, reportStatusSchema } from "@nianbao/db";
import { z } from "zod";
import { yearInputSchema } from "../schemas";
import { ALL_ROLES, orgProcedure, router } from "../trpc";

/** Reports count in a roll-up once the 分管领导 has approved them; a report under correction counts as published. */
const APPROVED = new Set(["reviewed", "signed", "published"]);

const cellValue = z.union([z.number(), z.string(), z.null()]);

export const aggregateRouter = router({
  /**
   * The roll-up of an organisation's subtree for a year from its approved or published reports: each
   * cell with the organisations that contributed to it and those that left it empty, and the
   * reconciliation against the organisation's own report where it has one.
   */
  get: orgProcedure(ALL_ROLES)
    .input(z.object({ year: yearInputSchema }))
    .output(
      z.object({
        year: z.number().int(),
        formatVersion: z.union([formatVersionSchema, z.literal("mixed")]).nullable(),
        inputs: z.array(z.object({ reportId: z.string(), orgId: z.string(), orgName: z.string(), status: reportStatusSchema, revision: z.number().int() })),
        /** Organisations below with no approved report for the year (status null: no report at all). */
        missing: z.array(z.object({ orgId: z.string(), orgName: z.string(), status: reportStatusSchema.nullable() })),
        report: reportDocumentSchema.nullable(),
        cells: z.record(
          z.string(),
          z.object({ value: cellValue, reported: z.number().int(), partialSum: z.union([z.number(), z.string()]), contributors: z.array(z.string()), missing: z.array(z.string()) }),
        ),
        findings: z.array(findingSchema),
        reconciliation: z
          .object({
            reportId: z.string(),
            revision: z.number().int(),
            differences: z.array(z.object({ cellId: z.string(), label: z.string(), rollup: cellValue, own: cellValue, difference: z.number().nullable() })),
          })
          .nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { org } = ctx;
      const [orgs, reports] = [await listSubtree(ctx.db, org.path), await listReports(ctx.db, { scopePath: org.path, year: input.year })];
      const byOrg = new Map(reports.map((r) => [r.orgId, r]));
      const inputs: { reportId: string; orgId: string; orgName: string; status: (typeof reports)[number]["status"]; revision: number }[] = [];
      const missing: { orgId: string; orgName: string; status: (typeof reports)[number]["status"] | null }[] = [];
      for (const member of orgs) {
        if (member.id === org.id) continue;
        const report = byOrg.get(member.id);
        const revision = report && (APPROVED.has(report.status) ? report.currentRevision : report.publishedRevision);
        if (report && revision) inputs.push({ reportId: report.id, orgId: member.id, orgName: member.name, status: report.status, revision });
        else missing.push({ orgId: member.id, orgName: member.name, status: report?.status ?? null });
      }
      const docs = [];
      for (const item of inputs) docs.push(await getRevisionDocument(ctx.db, item.reportId, item.revision));
      const result = aggregateReports(docs, { agency: { name: org.name, kind: org.kind }, year: input.year, lang: ctx.lang, contributors: true });
      const orgIdAt = (i: number) => inputs[i]!.orgId;
      const cells = Object.fromEntries(
        Object.entries(result.cells).map(([id, cell]) => [
          id,
          {
            value: cell.value,
            reported: cell.reported,
            partialSum: cell.partialSum,
            contributors: (cell.contributors ?? []).map(orgIdAt),
            missing: cell.missingInputs.map(orgIdAt),
          },
        ]),
      );
      const own = byOrg.get(org.id);
      const ownRevision = own && (APPROVED.has(own.status) ? own.currentRevision : (own.publishedRevision ?? own.currentRevision));
      const reconciliation =
        own && ownRevision && result.report && docs.length
          ? {
              reportId: own.id,
              revision: ownRevision,
              differences: reconcileReports(result.report, await getRevisionDocument(ctx.db, own.id, ownRevision), ctx.lang),
            }
          : null;
      return {
        year: input.year,
        formatVersion: docs.length ? result.formatVersion : null,
        inputs,
        missing,
        report: docs.length ? result.report : null,
        cells,
        findings: result.findings,
        reconciliation,
      };
    }),
});
