/**
 * Errors, in one place: AppError codes → tRPC codes, and the error shape clients see. Field details
 * go out only with BAD_REQUEST; unexpected errors go out as a bare "internal error", never a stack.
 */
import { type Finding, getFormat, isFormatVersion, type Lang, validateReport } from "@nianbao/core";
import { AppError, type AppErrorCode } from "@nianbao/db";
import { TRPCError } from "@trpc/server";
import type { DefaultErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { z } from "zod";

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  BAD_REQUEST: "BAD_REQUEST",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}

export interface FieldError {
  /** Dotted path in the input ("document.tables.applications.newReceived.natural"). */
  path: string;
  /** The canonical cell id when the field is a report cell. */
  cell?: string;
  message: string;
}

export interface ErrorData {
  code: DefaultErrorShape["data"]["code"];
  httpStatus: number;
  path?: string;
  /** BAD_REQUEST only: what is wrong with which field. */
  fieldErrors?: FieldError[];
  /** The report findings behind a refusal or a malformed document (core's contract shape). */
  findings?: Finding[];
  retryAfterSeconds?: number;
}

const INTERNAL = { zh: "服务器内部错误", en: "Internal server error" };

function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  if (lang === "en") return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "必填" : `类型不正确，应为${issue.expected}`;
    case "too_small":
      return `不得小于${String(issue.minimum)}`;
    case "too_big":
      return `不得大于${String(issue.maximum)}`;
    case "invalid_value":
      return `取值应为 ${issue.values.map((v) => JSON.stringify(v)).join(" / ")}`;
    case "unrecognized_keys":
      return `不应有字段 ${issue.keys.join("、")}`;
    case "invalid_format":
      return "格式不正确";
    default:
      return issue.message;
  }
}

/** Where a zod issue sits, naming the report cell when the path goes into `document.tables`. */
function fieldErrorsOf(error: z.ZodError, input: unknown, lang: Lang): FieldError[] {
  const doc = (input as { document?: { formatVersion?: unknown } } | null)?.document;
  const format = doc && isFormatVersion(doc.formatVersion) ? getFormat(doc.formatVersion) : null;
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const cellId = path.startsWith("document.tables.") ? path.slice("document.tables.".length) : undefined;
    const cell = cellId ? format?.cellById.get(cellId) : undefined;
    const where = cell ? `${cell.labelPath.map((l) => l[lang]).join(" / ")}（${cell.id}）` : path || (lang === "zh" ? "输入" : "input");
    return { path, ...(cell ? { cell: cell.id } : {}), message: `${where}：${issueMessage(issue, lang)}` };
  });
}

/** Malformed documents are described with core's findings, which name the cells in the form's words. */
function documentFindings(input: unknown, lang: Lang): Finding[] | undefined {
  const doc = (input as { document?: unknown } | null)?.document;
  if (doc === undefined) return undefined;
  const errors = validateReport(doc, { lang, mode: "import" }).filter((f) => f.severity === "error");
  return errors.length ? errors : undefined;
}

export function formatError(opts: {
  shape: DefaultErrorShape;
  error: TRPCError;
  input: unknown;
  ctx: { lang: Lang } | undefined;
}): { message: string; code: number; data: ErrorData } {
  const { shape, error, input } = opts;
  const lang = opts.ctx?.lang ?? "zh";
  const data: ErrorData = { code: shape.data.code, httpStatus: shape.data.httpStatus, ...(shape.data.path ? { path: shape.data.path } : {}) };
  let message = shape.message;
  const cause = error.cause;
  if (cause instanceof AppError) {
    message = cause.messageIn(lang);
    if (cause.details.findings) data.findings = cause.details.findings;
    if (cause.details.retryAfterSeconds !== undefined) data.retryAfterSeconds = cause.details.retryAfterSeconds;
    if (error.code === "BAD_REQUEST" && cause.details.field) data.fieldErrors = [{ path: cause.details.field, message }];
  } else if (error.code === "BAD_REQUEST" && cause instanceof z.ZodError) {
    data.fieldErrors = fieldErrorsOf(cause, input, lang);
    const findings = documentFindings(input, lang);
    if (findings) data.findings = findings;
    message = data.fieldErrors.slice(0, 3).map((f) => f.message).join("；");
  } else if (error.code === "INTERNAL_SERVER_ERROR") {
    message = INTERNAL[lang];
  }
  return { message, code: shape.code, data };
}
