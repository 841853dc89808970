/**
 * The one error type of the server side. Query and service functions throw it with a code; the API
 * maps the code to a tRPC code in one place (packages/api/src/errors.ts). Messages are zh-CN with an
 * English rendering, chosen per request.
 */
import type { Finding } from "@nianbao/core";
import { fill } from "@nianbao/core/i18n";
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

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
