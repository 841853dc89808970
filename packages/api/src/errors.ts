/**
 * Errors, in one place: the API's own refusals (AppError, with a message key and zh/en text), the
 * database's domain errors turned into them, and both turned into tRPC codes.
 */
import type { Finding } from "@nianbao/core";
import { fill } from "@nianbao/core/i18n";
import { DomainError, type DomainErrorKind } from "@nianbao/db";
import { TRPCError } from "@trpc/server";
import { MESSAGES, type MessageKey } from "./messages";

export type AppErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  /** Someone else changed it first (stale revision, workflow moved on, name taken). */
  | "CONFLICT"
  /** The request is well-formed but the object is not in a state that allows it (errors remain …). */
  | "PRECONDITION_FAILED"
  /** Input that passed the schema but is still wrong (a year that does not match the report …). */
  | "BAD_REQUEST"
  | "TOO_MANY_REQUESTS";

export interface AppErrorDetails {
  /** The input field at fault, as a dotted path ("document.year"). */
  field?: string;
  /** Findings that explain the refusal (errors that block submission, unexplained warnings). */
  findings?: Finding[];
  retryAfterSeconds?: number;
}

/** A refusal of the API: a code, and a message chosen per request (zh-CN unless English is asked for). */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly key: MessageKey;
  readonly params: Record<string, string | number>;
  readonly details: AppErrorDetails;

  constructor(code: AppErrorCode, key: MessageKey, params: Record<string, string | number> = {}, details: AppErrorDetails = {}) {
    super(fill(MESSAGES[key].zh, params));
    this.name = "AppError";
    this.code = code;
    this.key = key;
    this.params = params;
    this.details = details;
  }

  messageIn(lang: "zh" | "en"): string {
    return fill(MESSAGES[this.key][lang], this.params);
  }
}

const DOMAIN_CODE: Record<DomainErrorKind, AppErrorCode> = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  INVALID: "BAD_REQUEST",
  FORBIDDEN: "FORBIDDEN",
};

/** The API's refusal for an error it knows (its own or the database's); null for anything unexpected. */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof DomainError) {
    return new AppError(DOMAIN_CODE[error.kind], error.reason, error.params, error.field ? { field: error.field } : {});
  }
  return null;
}

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: error.code, message: error.message, cause: error });
}
