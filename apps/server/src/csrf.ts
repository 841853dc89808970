/**
 * Cross-site request forgery. A browser attaches the session cookie to every request to this API,
 * including one that a page on another site makes — a form posted to `/trpc/auth.logout`, say. So
 * before any procedure runs, every POST to `/trpc` (every mutation):
 *
 * - must carry JSON (`content-type: application/json`) when it has a body: a form or a `text/plain`
 *   body is what a page can send across sites without asking, JSON is not;
 * - unless it authenticates with `Authorization: Bearer …` (which no other site can attach), must
 *   come from an allowed origin: the request's own host, the host a reverse proxy says the browser
 *   addressed (`X-Forwarded-Host`, which a page on another site cannot set), or one configured in
 *   `ALLOWED_ORIGINS` / `CORS_ORIGIN`. A request without `Origin` (curl, a server-side client) passes
 *   unless the browser marks it cross-site (`Sec-Fetch-Site`).
 */
import { langFrom } from "@nianbao/api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const MESSAGES = {
  origin: { zh: "跨站请求已被拒绝：请求来源不在允许之列", en: "Cross-site request refused: the request's origin is not allowed" },
  json: { zh: "请求体须为 JSON（content-type: application/json）", en: "The request body must be JSON (content-type: application/json)" },
};

/** `scheme://host[:port]` of an origin as the browser writes it, or null when it is not one. */
function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

function first(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(",")[0]?.trim() || undefined;
}

function hasBody(req: FastifyRequest): boolean {
  const length = req.headers["content-length"];
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined;
}

function originAllowed(req: FastifyRequest, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return req.headers["sec-fetch-site"] !== "cross-site";
  const normalised = normaliseOrigin(origin);
  if (!normalised) return false;
  if (allowed.has(normalised)) return true;
  const host = new URL(normalised).host;
  return host === req.headers.host || host === first(req.headers["x-forwarded-host"]);
}

export function registerCsrfGuard(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins.map(normaliseOrigin).filter((o): o is string => o !== null));
  const refuse = (req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: keyof typeof MESSAGES) =>
    reply.code(status).send({ error: { code, message: MESSAGES[message][langFrom(req.headers["accept-language"])] } });

  app.addHook("onRequest", async (req, reply) => {
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith("/trpc")) return;
    const bearer = /^Bearer\s+\S+$/i.test(req.headers.authorization ?? "");
    if (!bearer && !originAllowed(req, allowed)) {
      req.log.warn({ origin: req.headers.origin, secFetchSite: req.headers["sec-fetch-site"] }, "cross-site request refused");
      return refuse(req, reply, 403, "FORBIDDEN", "origin");
    }
    const type = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
    if (hasBody(req) && type !== "application/json") return refuse(req, reply, 415, "UNSUPPORTED_MEDIA_TYPE", "json");
  });
}
