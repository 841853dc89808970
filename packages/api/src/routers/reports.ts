import { findingSchema, reportDocumentSchema } from "@nianbao/core";
import {
  getRevisionDocument,
  listExplanations,
  listPublications,
  listReports,
  listRevisions,
  listWorkflowEvents,
  pageReports,
  type ReportListItem,
  reportStatusSchema,
  upsertExplanation,
  type WorkflowAction,
  workflowActionSchema,
} from "@nianbao/db";
import { z } from "zod";
import { documentOutSchema, findingsOutSchema } from "../checked-output";
import { auditOf, type Context } from "../context";
import { findingKey } from "../findings";
import {
  findingsSummarySchema,
  draftDocumentSchema,
  idSchema,
  iso,
  publicationSchema,
  reportOut,
  reportOutSchema,
  revisionMetaSchema,
  revisionNoSchema,
  revisionOut,
  savedSchema,
  workflowEventSchema,
  yearInputSchema,
} from "../schemas";
import { diffDocuments } from "../services/diff";
import { EXPORT_FORMATS, exportDocument } from "../services/documents";
import {
  type Caller,
  createDraft,
  findingsOfRevision,
  importFile,
  revisionOf,
  saveDraft,
  takeStep,
  validateForRevision,
} from "../services/reports";
import { ALL_ROLES, orgProcedure, reportProcedure, router } from "../trpc";
import { availableActions, EDIT_ROLES, rolesFor } from "../workflow";

type Authed = Context & { actor: NonNullable<Context["actor"]> };
const callerOf = (ctx: Authed): Caller => ({
  actor: ctx.actor,
  audit: auditOf(ctx),
  now: ctx.config.now(),
  lang: ctx.lang,
  importLimits: ctx.config.importLimits,
});

const explanationSchema = z.object({
  findingKey: z.string(),
  ruleId: z.string(),
  cells: z.array(z.string()),
  text: z.string(),
  updatedAt: z.string(),
});

/** A page cursor is the organisation path of the page's last report, base64url-encoded: opaque to callers. */
const fromCursor = (cursor: string) => Buffer.from(cursor, "base64url").toString("utf8");
const cursorSchema = z
  .string()
  .max(4000)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "分页游标无效" })
  .refine(
    (cursor) => {
      const path = fromCursor(cursor);
      return /^\/([^/]+\/)+$/.test(path) && !path.includes("\u0000");
    },
    { message: "分页游标无效" },
  );

const listItemSchema = reportOutSchema.extend({ summary: findingsSummarySchema, lastAuthorName: z.string() });
const listItemOut = (row: ReportListItem) => ({ ...reportOut(row), summary: row.summary, lastAuthorName: row.lastAuthorName });

/** A workflow step: the revision the actor looked at, and a comment (required to return or correct). */
function stepProcedure(action: WorkflowAction) {
  return reportProcedure(rolesFor(action))
    .input(
      z.object({
        revision: revisionNoSchema,
        comment: z.string().max(5000).optional(),
        /** publish only: the date printed on the report (default: today in China). */
        publishedOn: z.iso.date().optional(),
      }),
    )
    .output(reportOutSchema)
    .mutation(async ({ ctx, input }) => {
      const step = {
        revision: input.revision,
        comment: input.comment ?? null,
        ...(action === "publish" && input.publishedOn ? { publishedOn: input.publishedOn } : {}),
      };
      return reportOut(await takeStep(ctx.db, ctx.report, action, step, callerOf(ctx)));
    });
}

export const reportsRouter = router({
  /** Reports of the organisation's subtree (default: the caller's), newest year first. */
  list: orgProcedure(ALL_ROLES)
    .input(z.object({ year: yearInputSchema.optional(), status: z.array(reportStatusSchema).optional() }))
    .output(z.array(listItemSchema))
    .query(async ({ ctx, input }) => {
      const rows = await listReports(ctx.db, {
        scopePath: ctx.org.path,
        ...(input.year ? { year: input.year } : {}),
        ...(input.status ? { status: input.status } : {}),
      });
      return rows.map(listItemOut);
    }),

  /**
   * A year's reports in the organisation's subtree a page at a time, in organisation order (each
   * organisation, then its subtree), with no cap on how far it goes: pass `nextCursor` back as
   * `cursor` until it is null.
   */
  page: orgProcedure(ALL_ROLES)
    .input(
      z.object({
        year: yearInputSchema,
        status: z.array(reportStatusSchema).optional(),
        cursor: cursorSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .output(z.object({ items: z.array(listItemSchema), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await pageReports(ctx.db, {
        scopePath: ctx.org.path,
        year: input.year,
        ...(input.status ? { status: input.status } : {}),
        ...(input.cursor ? { after: fromCursor(input.cursor) } : {}),
        limit: input.limit + 1,
      });
      const items = rows.slice(0, input.limit);
      const last = rows.length > input.limit ? items.at(-1) : undefined;
      return {
        items: items.map(listItemOut),
        // Opaque to callers: the organisation path of the page's last report.
        nextCursor: last ? Buffer.from(last.orgPath, "utf8").toString("base64url") : null,
      };
    }),

  /** One report at its current (or a given) revision, with fresh findings and what the caller may do next. */
  get: reportProcedure(ALL_ROLES)
    .input(z.object({ revision: revisionNoSchema.optional() }))
    .output(
      z.object({
        report: reportOutSchema,
        revision: revisionMetaSchema,
        document: documentOutSchema,
        findings: findingsOutSchema,
        explanations: z.array(explanationSchema),
        actions: z.array(workflowActionSchema),
        /** Whether the caller may save a new revision now. */
        editable: z.boolean(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const revisionNo = input.revision ?? ctx.report.currentRevision;
      const [revision, findings, explanations] = await Promise.all([
        revisionOf(ctx.db, ctx.report, revisionNo),
        findingsOfRevision(ctx.db, ctx.report, revisionNo, callerOf(ctx)),
        listExplanations(ctx.db, ctx.report.id),
      ]);
      return {
        report: reportOut(ctx.report),
        revision: revisionOut(revision),
        document: revision.document,
        findings,
        explanations: explanations.map((e) => ({ ...e, updatedAt: iso(e.updatedAt) })),
        actions: availableActions(ctx.report.status, ctx.actor.role),
        editable: ctx.report.status === "draft" && EDIT_ROLES.includes(ctx.actor.role),
      };
    }),

  /** A new draft for a year; 上年结转 comes from last year's 结转下年度继续办理. */
  create: orgProcedure(EDIT_ROLES)
    .input(z.object({ orgId: idSchema, year: yearInputSchema }))
    .output(savedSchema)
    .mutation(async ({ ctx, input }) => {
      const saved = await createDraft(ctx.db, ctx.org, input.year, callerOf(ctx));
      return { ...saved, report: reportOut(saved.report) };
    }),

  /** Save a draft. `baseRevision` is the revision edited; if another save came first the answer is CONFLICT. */
  update: reportProcedure(EDIT_ROLES)
    .input(z.object({ baseRevision: revisionNoSchema, document: reportDocumentSchema, note: z.string().max(1000).optional() }))
    .output(savedSchema)
    .mutation(async ({ ctx, input }) => {
      // The document is the output of the schema's parse just now: it is stored without a second check.
      const saved = await saveDraft(ctx.db, ctx.report, { ...input, checked: true }, callerOf(ctx));
      return { ...saved, report: reportOut(saved.report) };
    }),

  /** Findings of a stored revision, or of an unsaved document (live checking in the editor). */
  validate: reportProcedure(ALL_ROLES)
    .input(z.object({ revision: revisionNoSchema.optional(), document: draftDocumentSchema.optional() }))
    .output(z.object({ findings: findingsOutSchema, unexplained: z.array(z.string()) }))
    .query(async ({ ctx, input }) => {
      const findings =
        input.document === undefined || input.document === null
          ? await findingsOfRevision(ctx.db, ctx.report, input.revision ?? ctx.report.currentRevision, callerOf(ctx))
          : await validateForRevision(ctx.db, ctx.report, input.document, callerOf(ctx));
      const explained = new Set((await listExplanations(ctx.db, ctx.report.id)).map((e) => e.findingKey));
      const unexplained = findings.filter((f) => f.severity === "warning" && !explained.has(findingKey(f))).map(findingKey);
      return { findings, unexplained };
    }),

  /** Every revision (who, when, from which), the workflow steps with comments, and the publications. */
  history: reportProcedure(ALL_ROLES)
    .output(
      z.object({ revisions: z.array(revisionMetaSchema), events: z.array(workflowEventSchema), publications: z.array(publicationSchema) }),
    )
    .query(async ({ ctx }) => {
      const [revisions, events, publications] = [
        await listRevisions(ctx.db, ctx.report.id),
        await listWorkflowEvents(ctx.db, ctx.report.id),
        await listPublications(ctx.db, ctx.report.id),
      ];
      return {
        revisions: revisions.map(revisionOut),
        events: events.map((e) => ({ ...e, createdAt: iso(e.createdAt) })),
        publications: publications.map((p) => ({ ...p, publishedAt: iso(p.publishedAt) })),
      };
    }),

  diff: reportProcedure(ALL_ROLES)
    .input(z.object({ from: revisionNoSchema, to: revisionNoSchema }))
    .output(
      z.object({
        changes: z.array(
          z.object({
            kind: z.enum(["cell", "section", "field"]),
            id: z.string(),
            label: z.string(),
            before: z.union([z.number(), z.string(), z.boolean(), z.null()]),
            after: z.union([z.number(), z.string(), z.boolean(), z.null()]),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      const [before, after] = [
        await getRevisionDocument(ctx.db, ctx.report.id, input.from),
        await getRevisionDocument(ctx.db, ctx.report.id, input.to),
      ];
      return { changes: diffDocuments(before, after, ctx.lang) };
    }),

  /** Explain a warning (rule + cells); submission needs every warning explained. */
  explain: reportProcedure(EDIT_ROLES)
    .input(z.object({ finding: findingSchema.pick({ ruleId: true, cells: true, path: true }), text: z.string().trim().min(1).max(5000) }))
    .output(z.object({ findingKey: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const key = findingKey(input.finding);
      await upsertExplanation(
        ctx.db,
        {
          reportId: ctx.report.id,
          orgId: ctx.report.orgId,
          findingKey: key,
          ruleId: input.finding.ruleId,
          cells: input.finding.cells,
          text: input.text,
          authorId: ctx.actor.userId,
        },
        auditOf(ctx),
      );
      return { findingKey: key };
    }),

  submit: stepProcedure("submit"),
  review: stepProcedure("review"),
  return: stepProcedure("return"),
  sign: stepProcedure("sign"),
  publish: stepProcedure("publish"),
  /** Start a correction of a published report: a new draft; `comment` is the public 更正说明. */
  correct: stepProcedure("correct"),

  /** A report file (Word, PDF, HTML, Excel, text) as base64 → a draft and its findings. */
  import: orgProcedure(EDIT_ROLES)
    .input(
      z.object({
        orgId: idSchema,
        filename: z.string().max(255).optional(),
        data: z.base64().min(1),
        baseRevision: revisionNoSchema.optional(),
      }),
    )
    .output(savedSchema.extend({ importFindings: z.array(findingSchema), kind: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const data = new Uint8Array(Buffer.from(input.data, "base64"));
      const saved = await importFile(
        ctx.db,
        ctx.org,
        {
          data,
          ...(input.filename ? { filename: input.filename } : {}),
          ...(input.baseRevision ? { baseRevision: input.baseRevision } : {}),
        },
        callerOf(ctx),
      );
      return { ...saved, report: reportOut(saved.report) };
    }),

  /** The report as a file (base64): docx, html, xlsx, md, csv or json. */
  export: reportProcedure(ALL_ROLES)
    .input(z.object({ format: z.enum(EXPORT_FORMATS), revision: revisionNoSchema.optional() }))
    .output(z.object({ filename: z.string(), mimeType: z.string(), data: z.string() }))
    .query(async ({ ctx, input }) => {
      const revision = await revisionOf(ctx.db, ctx.report, input.revision);
      const file = await exportDocument(revision.document, input.format, ctx.lang);
      return { filename: file.filename, mimeType: file.mimeType, data: Buffer.from(file.data).toString("base64") };
    }),
});
