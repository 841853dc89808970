/**
 * What storage refuses, in its own terms: the row is not there, a unique name is taken, someone saved
 * first, the report is no longer a draft. The database package knows no HTTP, tRPC or language: the
 * API gives every reason its code and its zh-CN and English text (packages/api/src/errors.ts), so a
 * new reason here does not type-check there until it has both.
 */

export type DomainErrorKind =
  | "NOT_FOUND"
  /** Someone else changed it first (stale revision, workflow moved on, name taken). */
  | "CONFLICT"
  /** The row is not in a state that allows the change (only drafts are edited). */
  | "PRECONDITION_FAILED"
  /** The change itself is impossible (an organisation under its own subtree). */
  | "INVALID"
  /** The change reaches outside the caller's scope. */
  | "FORBIDDEN";

/** Every reason a query function refuses, named by what it is about. */
export type DomainReason =
  | "org.notFound"
  | "org.nameTaken"
  | "org.cycle"
  | "org.rootMove"
  | "user.notFound"
  | "user.nameTaken"
  | "token.notFound"
  | "webhook.notFound"
  | "report.notFound"
  | "report.revisionNotFound"
  | "report.exists"
  | "report.stale"
  | "report.notEditable"
  | "workflow.moved";

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly reason: DomainReason;
  /** The values a message about this refusal needs (the id, the name, the revisions). */
  readonly params: Record<string, string | number>;
  /** The input field at fault, as a dotted path ("username", "baseRevision"). */
  readonly field: string | undefined;

  constructor(kind: DomainErrorKind, reason: DomainReason, params: Record<string, string | number> = {}, details: { field?: string } = {}) {
    super(`${reason} ${JSON.stringify(params)}`);
    this.name = "DomainError";
    this.kind = kind;
    this.reason = reason;
    this.params = params;
    this.field = details.field;
  }
}
