/**
 * Refusals made at the HTTP layer, before a procedure runs (rate limit, idempotency), in the same
 * envelope tRPC gives its own errors — `{ error: { message, code, data: { code, httpStatus, path } } }`
 * — so that a client reads one error shape whatever refused it (@trpc/client turns it into a
 * TRPCClientError with `data.code`).
 */
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { FastifyReply, FastifyRequest } from "fastify";

export type RefusalCode = "BAD_REQUEST" | "CONFLICT" | "UNPROCESSABLE_CONTENT" | "TOO_MANY_REQUESTS";

const STATUS: Record<RefusalCode, number> = { BAD_REQUEST: 400, CONFLICT: 409, UNPROCESSABLE_CONTENT: 422, TOO_MANY_REQUESTS: 429 };

/** The procedure path(s) of a `/trpc/<path>` URL ("a,b" for a batch). */
export function procedurePath(req: FastifyRequest): string {
  const path = req.url.slice("/trpc/".length).split("?")[0] ?? "";
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function refuse(req: FastifyRequest, reply: FastifyReply, code: RefusalCode, message: string, extra: Record<string, unknown> = {}) {
  const httpStatus = STATUS[code];
  return reply.code(httpStatus).send({
    error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus, path: procedurePath(req), ...extra } },
  });
}
