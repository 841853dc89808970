/**
 * What to tell a person when an API call fails: the server's own message (it answers in the language
 * asked for and names the field or report cell), never a stack trace or a raw transport error.
 */
import type { ErrorData, FieldError } from "@nianbao/api";
import type { Finding } from "@nianbao/core";
import { TRPCClientError } from "@trpc/client";
import { currentLang } from "@/lib/i18n";

const FALLBACK = {
  zh: {
    network: "无法连接服务器，请检查网络后重试。",
    unreadable: "服务器暂时无法响应，请稍后重试。",
    unknown: "操作失败，请稍后重试。",
    retryAfter: (s: number) => `请 ${s} 秒后再试。`,
  },
  en: {
    network: "Cannot reach the server. Check the connection and try again.",
    unreadable: "The server is not responding. Try again later.",
    unknown: "Something went wrong. Try again later.",
    retryAfter: (s: number) => `Try again in ${s} s.`,
  },
};

/** The API's error details, when the error came from it. */
function errorData(err: unknown): ErrorData | undefined {
  return err instanceof TRPCClientError ? ((err.data as ErrorData | undefined) ?? undefined) : undefined;
}

/** Per-field problems (BAD_REQUEST), each naming its field or report cell. */
export function fieldErrors(err: unknown): FieldError[] {
  return errorData(err)?.fieldErrors ?? [];
}

/** The report findings behind a refusal (e.g. submitting a report with errors). */
export function errorFindings(err: unknown): Finding[] {
  return errorData(err)?.findings ?? [];
}

/** One sentence for a failed call, in the UI language. */
export function errorMessage(err: unknown): string {
  const text = FALLBACK[currentLang()];
  if (!(err instanceof TRPCClientError)) {
    if (err instanceof TypeError) return text.network;
    return text.unknown;
  }
  const data = errorData(err);
  // No error data: the reply was not the API's JSON (proxy up, API down) or never arrived.
  if (!data) return err.cause instanceof TypeError || /fetch/i.test(err.message) ? text.network : text.unreadable;
  const fields = data.fieldErrors ?? [];
  let message = fields.length > 1 ? fields.map((f) => f.message).join("；") : err.message || text.unknown;
  if (data.retryAfterSeconds !== undefined) message += ` ${text.retryAfter(data.retryAfterSeconds)}`;
  return message;
}
