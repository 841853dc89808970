import { isoTimestamp, reportDocumentSchema, yearSchema } from "@nianbao/core";
import { getReport, getRevisionDocument, listPublications, listPublishedReports } from "@nianbao/db";
import { AppError } from "../errors";
import { z } from "zod";
import { idSchema, publicationSchema, revisionNoSchema } from "../schemas";
import { exportDocument } from "../services/documents";
import { publicProcedure, router } from "../trpc";

const publishedSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  formatVersion: z.string(),
  publishedRevision: z.number().int(),
  publishedOn: z.string(),
  changeNote: z.string().nullable(),
});

/** A published revision of a report (the latest publication unless one is named), or NOT_FOUND. */
async function publishedRevision(db: Parameters<typeof getReport>[0], id: string, revision?: number) {
  const report = await getReport(db, id).catch(() => null);
  const publications = report ? await listPublications(db, report.id) : [];
  const publication = revision === undefined ? publications.at(-1) : publications.find((p) => p.revisionNo === revision);
  if (!report || !publication) throw new AppError("NOT_FOUND", "report.notFound", { id });
  return { report, publication, publications, document: await getRevisionDocument(db, report.id, publication.revisionNo) };
}

/** Published reports, readable without signing in. Earlier publications stay readable after a correction. */
export const openDataRouter = router({
  list: publicProcedure
    .input(z.object({ year: yearSchema.optional(), orgId: idSchema.optional() }).optional())
    .output(z.array(publishedSchema))
    .query(({ ctx, input }) =>
      listPublishedReports(ctx.db, { ...(input?.year ? { year: input.year } : {}), ...(input?.orgId ? { orgId: input.orgId } : {}) }),
    ),

  get: publicProcedure
    .input(z.object({ id: idSchema, revision: revisionNoSchema.optional() }))
    .output(
      z.object({
        id: z.string(),
        orgName: z.string(),
        year: z.number().int(),
        revision: z.number().int(),
        publishedOn: z.string(),
        changeNote: z.string().nullable(),
        publications: z.array(publicationSchema),
        document: reportDocumentSchema,
      }),
    )
    .query(async ({ ctx, input }) => {
      const { report, publication, publications, document } = await publishedRevision(ctx.db, input.id, input.revision);
      return {
        id: report.id,
        orgName: report.orgName,
        year: report.year,
        revision: publication.revisionNo,
        publishedOn: publication.publishedOn,
        changeNote: publication.changeNote,
        publications: publications.map((p) => ({ ...p, publishedAt: isoTimestamp(p.publishedAt) })),
        document,
      };
    }),

  /** A published report as CSV or JSON (base64). */
  export: publicProcedure
    .input(z.object({ id: idSchema, format: z.enum(["csv", "json"]), revision: revisionNoSchema.optional() }))
    .output(z.object({ filename: z.string(), mimeType: z.string(), data: z.string() }))
    .query(async ({ ctx, input }) => {
      const { document } = await publishedRevision(ctx.db, input.id, input.revision);
      const file = await exportDocument(document, input.format, ctx.lang);
      return { filename: file.filename, mimeType: file.mimeType, data: Buffer.from(file.data).toString("base64") };
    }),
});
