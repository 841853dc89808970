/**
 * Shapes of the API's own objects (reports as records, users, tokens …). Report documents and findings
 * are core's schemas, used as they are. Times go out as ISO strings: plain JSON has no dates.
 */
import {
  agencyKindSchema,
  documentHeadSchemaFor,
  findingSchema,
  formatVersionSchema,
  isFormatVersion,
  isoTimestamp,
  revisionNumberSchema,
  yearSchema,
} from "@nianbao/core";
import {
  type ApiToken,
  type Report,
  reportStatusSchema,
  type RevisionMeta,
  roleSchema,
  type UserWithScope,
  workflowActionSchema,
} from "@nianbao/db";
import { z } from "zod";

/** An id of a stored row (organisation, report, user, token). */
export const idSchema = z.string().min(1).max(100);
/** A revision number, bounded to what its database column holds. */
export const revisionNoSchema = revisionNumberSchema;
/**
 * A document to check live (the editor's unsaved state): any shape, since the validator names what is
 * wrong with it in the form's words — but never past the schema's size limits, which are checked
 * first, so the rules never run on a text the schema would refuse.
 */
export const draftDocumentSchema = z.unknown().superRefine((value, ctx) => {
  const declared = (value as { formatVersion?: unknown } | null)?.formatVersion;
  const head = documentHeadSchemaFor(isFormatVersion(declared) ? declared : "2021").safeParse(value);
  if (head.success) return;
  for (const issue of head.error.issues) if (issue.code === "too_big") ctx.addIssue({ ...issue });
});

/** The report year, as core defines it. */
export const yearInputSchema = yearSchema;

/** The former name of core's `isoTimestamp`, still imported by routers/reports.ts. */
export { isoTimestamp as iso };
const isoString = z.string();

export const findingsSummarySchema = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });

export const reportOutSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgKind: agencyKindSchema,
  year: z.number().int(),
  formatVersion: formatVersionSchema,
  status: reportStatusSchema,
  currentRevision: z.number().int(),
  publishedRevision: z.number().int().nullable(),
  pendingChangeNote: z.string().nullable(),
  createdAt: isoString,
  updatedAt: isoString,
});
export type ReportOut = z.infer<typeof reportOutSchema>;

export function reportOut(report: Report): ReportOut {
  return {
    id: report.id,
    orgId: report.orgId,
    orgName: report.orgName,
    orgKind: report.orgKind,
    year: report.year,
    formatVersion: report.formatVersion,
    status: report.status,
    currentRevision: report.currentRevision,
    publishedRevision: report.publishedRevision,
    pendingChangeNote: report.pendingChangeNote,
    createdAt: isoTimestamp(report.createdAt),
    updatedAt: isoTimestamp(report.updatedAt),
  };
}

export const revisionMetaSchema = z.object({
  revisionNo: z.number().int(),
  baseRevision: z.number().int().nullable(),
  summary: findingsSummarySchema,
  authorId: z.string(),
  authorName: z.string(),
  viaToken: z.boolean(),
  source: z.string(),
  note: z.string().nullable(),
  createdAt: isoString,
});

export function revisionOut(meta: RevisionMeta): z.infer<typeof revisionMetaSchema> {
  return {
    revisionNo: meta.revisionNo,
    baseRevision: meta.baseRevision,
    summary: meta.summary,
    authorId: meta.authorId,
    authorName: meta.authorName,
    viaToken: meta.tokenId !== null,
    source: meta.source,
    note: meta.note,
    createdAt: isoTimestamp(meta.createdAt),
  };
}

/** A save's answer: the report as it now is, the revision written and what validation says about it. */
export const savedSchema = z.object({
  report: reportOutSchema,
  revision: z.number().int(),
  findings: z.array(findingSchema),
});

export const workflowEventSchema = z.object({
  revisionNo: z.number().int(),
  action: workflowActionSchema,
  fromStatus: reportStatusSchema,
  toStatus: reportStatusSchema,
  actorName: z.string(),
  comment: z.string().nullable(),
  createdAt: isoString,
});

export const publicationSchema = z.object({
  revisionNo: z.number().int(),
  publishedOn: z.string(),
  publishedAt: isoString,
  changeNote: z.string().nullable(),
});

export const userOutSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: isoString,
  updatedAt: isoString,
});

export function userOut(user: UserWithScope): z.infer<typeof userOutSchema> {
  return {
    id: user.id,
    orgId: user.orgId,
    orgName: user.orgName,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabled,
    createdAt: isoTimestamp(user.createdAt),
    updatedAt: isoTimestamp(user.updatedAt),
  };
}

export const tokenOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  role: roleSchema,
  createdAt: isoString,
  expiresAt: isoString.nullable(),
  lastUsedAt: isoString.nullable(),
  revokedAt: isoString.nullable(),
});

export function tokenOut(token: ApiToken): z.infer<typeof tokenOutSchema> {
  const maybe = (ms: number | null) => (ms === null ? null : isoTimestamp(ms));
  return {
    id: token.id,
    name: token.name,
    orgId: token.orgId,
    orgName: token.orgName,
    role: token.role,
    createdAt: isoTimestamp(token.createdAt),
    expiresAt: maybe(token.expiresAt),
    lastUsedAt: maybe(token.lastUsedAt),
    revokedAt: maybe(token.revokedAt),
  };
}

export const passwordSchema = z.string().min(8).max(200);
