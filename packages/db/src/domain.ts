/**
 * The few server-side enumerations, declared once: roles and workflow statuses. Everything about the
 * report itself comes from @nianbao/core.
 */
import { z } from "zod";

/** admin = the disclosure office of its subtree; editor writes; reviewer = 分管领导; signer = 主要领导. */
export const ROLES = ["admin", "editor", "reviewer", "signer", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const REPORT_STATUSES = ["draft", "submitted", "reviewed", "signed", "published"] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const WORKFLOW_ACTIONS = ["submit", "review", "return", "sign", "publish", "correct"] as const;
export const workflowActionSchema = z.enum(WORKFLOW_ACTIONS);
export type WorkflowAction = z.infer<typeof workflowActionSchema>;

export const REVISION_SOURCES = ["create", "edit", "import", "publish", "seed"] as const;
export type RevisionSource = (typeof REVISION_SOURCES)[number];

/** Who did something, for the audit log and revision authorship. */
export interface AuditContext {
  actorKind: "user" | "token" | "system" | "anonymous";
  /** The user (or, for tokens, the token id). */
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
}

export const SYSTEM_AUDIT: AuditContext = { actorKind: "system", actorId: null, actorName: "system", ip: null, requestId: null };
