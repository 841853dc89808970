/**
 * Safe retries: a mutation (`POST /trpc/…`) sent with an `Idempotency-Key` header is done once per
 * key and caller. A retry with the same key and the same request gets the first answer again (with
 * `Idempotent-Replayed: true`) without the work being done twice; the same key with another request
 * is refused with 422; a retry while the first is still running gets 409 and `Retry-After`.
 *
 * Keys live in the database (idempotency_keys), so a retry that reaches another server instance is
 * answered the same way, and they are scoped to the caller: the token, or the user for a browser
 * session. Keys are kept for a day. Answers of 5xx and 429 are not kept (nothing was done, or it was
 * rolled back): the key is released and a retry runs afresh.
 */
import { createHash } from "node:crypto";
import { langFrom, resolveActor, SESSION_COOKIE } from "@nianbao/api";
import { claimIdempotencyKey, completeIdempotencyKey, type Database, releaseIdempotencyKey } from "@nianbao/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { refuse } from "./http-error";

export const IDEMPOTENCY_HEADER = "idempotency-key";
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
/** A key still running after this long is taken over: no request of this server runs that long. */
const IDEMPOTENCY_STALE_MS = 5 * 60_000;
/** Visible ASCII, as a UUID or any client's own scheme would be. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const MESSAGES = {
  invalid: {
    zh: "Idempotency-Key 应为 1–255 个可见 ASCII 字符（建议使用 UUID）",
    en: "Idempotency-Key must be 1–255 visible ASCII characters (a UUID, say)",
  },
  mismatch: {
    zh: "该 Idempotency-Key 已用于另一个请求（接口或请求内容不同）；新的请求请使用新的幂等键",
    en: "This Idempotency-Key was used for a different request (another procedure or body); use a new key for a new request",
  },
  running: {
    zh: "使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试",
    en: "A request with this Idempotency-Key is still being processed; retry shortly",
  },
};

interface Held {
  scope: string;
  key: string;
}

/** The answer as text, whatever form it is sent in (tRPC's adapter sends a fetch Response). */
async function answerOf(
  reply: FastifyReply,
  payload: unknown,
): Promise<{ status: number; body: string; contentType: string | null; replace: boolean }> {
  if (payload instanceof Response) {
    const body = await payload.text();
    // The Response will no longer reach Fastify, which would have taken its status and headers.
    reply.code(payload.status);
    payload.headers.forEach((value, name) => void reply.header(name, value));
    return { status: payload.status, body, contentType: payload.headers.get("content-type"), replace: true };
  }
  const body = typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString("utf8") : "";
  const type = reply.getHeader("content-type");
  return { status: reply.statusCode, body, contentType: typeof type === "string" ? type : null, replace: false };
}

export function registerIdempotency(app: FastifyInstance, db: Database, now: () => number): void {
  const held = new WeakMap<FastifyRequest, Held>();

  app.addHook("preHandler", async (req, reply) => {
    if (req.method !== "POST" || !req.url.startsWith("/trpc/")) return;
    const header = req.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return;
    const lang = langFrom(req.headers["accept-language"]);
    if (typeof header !== "string" || !KEY_PATTERN.test(header)) return refuse(req, reply, "BAD_REQUEST", MESSAGES.invalid[lang]);
    const actor = await resolveActor(db, req.cookies[SESSION_COOKIE], req.headers.authorization, now());
    // No caller to scope the key to: the request runs as it would without one (and the procedure
    // answers 401 unless anyone may call it).
    if (!actor) return;
    const scope = actor.kind === "token" ? `token:${actor.tokenId}` : `user:${actor.userId}`;
    const body = typeof req.body === "string" ? req.body : JSON.stringify(req.body ?? null);
    const fingerprint = createHash("sha256").update(req.url).update("\n").update(body).digest("hex");
    const outcome = await claimIdempotencyKey(db, {
      scope,
      key: header,
      fingerprint,
      now: now(),
      ttlMs: IDEMPOTENCY_TTL_MS,
      staleMs: IDEMPOTENCY_STALE_MS,
    });
    switch (outcome.kind) {
      case "claimed":
        held.set(req, { scope, key: header });
        return;
      case "mismatch":
        return refuse(req, reply, "UNPROCESSABLE_CONTENT", MESSAGES.mismatch[lang]);
      case "running":
        reply.header("retry-after", "1");
        return refuse(req, reply, "CONFLICT", MESSAGES.running[lang], { retryAfterSeconds: 1 });
      case "replay":
        req.log.info({ idempotencyKey: header }, "answered from the idempotency key");
        return reply
          .code(outcome.status)
          .header("content-type", outcome.contentType ?? "application/json")
          .header("idempotent-replayed", "true")
          .send(outcome.body);
    }
  });

  app.addHook("onSend", async (req, reply, payload) => {
    const ours = held.get(req);
    if (!ours) return payload;
    held.delete(req);
    const answer = await answerOf(reply, payload);
    if (answer.status >= 500 || answer.status === 429) await releaseIdempotencyKey(db, ours.scope, ours.key);
    else await completeIdempotencyKey(db, ours.scope, ours.key, answer);
    return answer.replace ? answer.body : payload;
  });
}
