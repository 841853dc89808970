/**
 * The error shape clients see. Field details go out only with BAD_REQUEST; unexpected errors go out as
 * a bare "internal error", never a stack.
 */
import { type Finding, getFormat, isFormatVersion, type Lang, validateReport } from "@nianbao/core";
import type { TRPCError } from "@trpc/server";
import type { DefaultErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { z } from "zod";
import { AppError } from "./errors";

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
  /** BAD_REQUEST only: what is wrong with which field (at most ERROR_LIST_LIMIT). */
  fieldErrors?: FieldError[];
  /** How many more field errors there were beyond those listed. */
  fieldErrorsOmitted?: number;
  /** The report findings behind a refusal or a malformed document (core's contract shape). */
  findings?: Finding[];
  /** How many more findings there were beyond those listed. */
  findingsOmitted?: number;
  retryAfterSeconds?: number;
}

const INTERNAL = { zh: "服务器内部错误", en: "Internal server error" };

/** At most this many field errors and findings go out with one error: enough to fix, never megabytes. */
const ERROR_LIST_LIMIT = 50;
/** Unknown keys named in one message, each cut to a readable length. */
const KEYS_NAMED = 5;
const KEY_LENGTH = 40;

function keyList(keys: readonly string[], lang: Lang): string {
  const named = keys.slice(0, KEYS_NAMED).map((key) => (key.length > KEY_LENGTH ? `${key.slice(0, KEY_LENGTH)}…` : key));
  const rest = keys.length - named.length;
  if (lang === "en") return named.join(", ") + (rest > 0 ? ` and ${rest} more` : "");
  return named.join("、") + (rest > 0 ? `等${keys.length}个` : "");
}

function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  if (issue.code === "unrecognized_keys")
    return lang === "en" ? `Unrecognized keys: ${keyList(issue.keys, lang)}` : `不应有字段 ${keyList(issue.keys, lang)}`;
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
    case "invalid_format":
      return "格式不正确";
    default:
      return issue.message;
  }
}

/** Where a zod issue sits, naming the report cell when the path goes into `document.tables`. */
function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], input: unknown, lang: Lang): FieldError[] {
  const doc = (input as { document?: { formatVersion?: unknown } } | null)?.document;
  const format = doc && isFormatVersion(doc.formatVersion) ? getFormat(doc.formatVersion) : null;
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const cellId = path.startsWith("document.tables.") ? path.slice("document.tables.".length) : undefined;
    const cell = cellId ? format?.cellById.get(cellId) : undefined;
    const where = cell ? `${cell.labelPath.map((l) => l[lang]).join(" / ")}（${cell.id}）` : path || (lang === "zh" ? "输入" : "input");
    return { path, ...(cell ? { cell: cell.id } : {}), message: `${where}：${issueMessage(issue, lang)}` };
  });
}

/**
 * A malformed document is also described with core's findings, which name the cells in the form's
 * words — but only when everything wrong lies inside the tables. A document that failed elsewhere
 * (a text past its size limit, unknown fields) is refused on the schema alone: the rules would cost
 * time and memory in proportion to what should never have been accepted.
 */
function documentFindings(issues: readonly z.core.$ZodIssue[], input: unknown, lang: Lang): Finding[] | undefined {
  const doc = (input as { document?: unknown } | null)?.document;
  if (doc === undefined) return undefined;
  if (!issues.every((issue) => issue.path[0] === "document" && issue.path[1] === "tables" && issue.path.length > 2)) return undefined;
  const errors = validateReport(doc, { lang, mode: "import" }).filter((f) => f.severity === "error");
  return errors.length ? errors : undefined;
}

export function formatError(opts: { shape: DefaultErrorShape; error: TRPCError; input: unknown; ctx: { lang: Lang } | undefined }): {
  message: string;
  code: number;
  data: ErrorData;
} {
  const { shape, error, input } = opts;
  const lang = opts.ctx?.lang ?? "zh";
  const data: ErrorData = {
    code: shape.data.code,
    httpStatus: shape.data.httpStatus,
    ...(shape.data.path ? { path: shape.data.path } : {}),
  };
  let message = shape.message;
  const cause = error.cause;
  if (cause instanceof AppError) {
    message = cause.messageIn(lang);
    if (cause.details.findings) data.findings = cause.details.findings;
    if (cause.details.retryAfterSeconds !== undefined) data.retryAfterSeconds = cause.details.retryAfterSeconds;
    if (error.code === "BAD_REQUEST" && cause.details.field) data.fieldErrors = [{ path: cause.details.field, message }];
  } else if (error.code === "BAD_REQUEST" && cause instanceof z.ZodError) {
    const { issues } = cause;
    data.fieldErrors = fieldErrorsOf(issues.slice(0, ERROR_LIST_LIMIT), input, lang);
    if (issues.length > ERROR_LIST_LIMIT) data.fieldErrorsOmitted = issues.length - ERROR_LIST_LIMIT;
    const findings = documentFindings(issues, input, lang);
    if (findings) {
      data.findings = findings.slice(0, ERROR_LIST_LIMIT);
      if (findings.length > ERROR_LIST_LIMIT) data.findingsOmitted = findings.length - ERROR_LIST_LIMIT;
    }
    message = data.fieldErrors
      .slice(0, 3)
      .map((f) => f.message)
      .join("；");
  } else if (error.code === "INTERNAL_SERVER_ERROR") {
    message = INTERNAL[lang];
  }
  return { message, code: shape.code, data };
}
