/**
 * The HTTP host: tRPC at /trpc (with fair use and idempotency keys), /healthz and /readyz, open data
 * at /open, the OpenAPI document at /openapi.json and its reference at /docs/api. No domain logic lives here.
 */
import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyCors from "@fastify/cors";
import fastifyHelmet from "@fastify/helmet";
import { type ApiConfig, appRouter, type AppRouter, createHttpContext, SESSION_COOKIE } from "@nianbao/api";
import type { Database } from "@nianbao/db";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { registerCsrfGuard } from "./csrf";
import { registerIdempotency } from "./idempotency";
import { registerOpenApi } from "./openapi/routes";
import { DEFAULT_RATE_LIMIT, type RateLimit, registerRateLimit } from "./rate-limit";
import { registerOpenData } from "./open-data";
import { readiness } from "./ready";

export interface ServerOptions {
  db: Database;
  /** The process's pino logger. */
  logger: FastifyBaseLogger;
  bodyLimit: number;
  cookieSecure: boolean;
  corsOrigins: string[];
  /**
   * Origins (besides the request's own host and a proxy's X-Forwarded-Host) whose pages may send
   * cookie-authenticated mutations; CORS origins are allowed too. See csrf.ts.
   */
  allowedOrigins?: string[];
  /** Router settings (argon2 cost, lockout, clock); defaults are the production ones. */
  apiConfig?: Partial<ApiConfig>;
  /** Calls per API token (rate-limit.ts); default DEFAULT_RATE_LIMIT, `perMinute: 0` turns it off. */
  rateLimit?: RateLimit;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;
const MAX_BATCH_SIZE = 20;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit,
    // Keep a caller's request id (a load balancer's) when it is sane; otherwise make one.
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });

  await app.register(fastifyHelmet, {
    // An API: nothing here is meant to be framed or to load anything.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    hsts: options.cookieSecure,
    crossOriginResourcePolicy: { policy: "same-site" },
  });
  if (options.corsOrigins.length) {
    await app.register(fastifyCors, { origin: options.corsOrigins, credentials: true });
  }
  await app.register(fastifyCookie);
  registerCsrfGuard(app, [...(options.allowedOrigins ?? []), ...options.corsOrigins]);
  const now = options.apiConfig?.now ?? Date.now;
  registerRateLimit(app, options.rateLimit ?? DEFAULT_RATE_LIMIT, now);
  registerIdempotency(app, db, now);

  // Once closing, the answers still going out end their connections: a kept-alive client would
  // otherwise hold the close open until its keep-alive timeout.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
    if (closing) reply.header("connection", "close");
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err: error }, "request failed");
      return reply.code(500).send({ error: { code: "INTERNAL_SERVER_ERROR", message: "服务器内部错误" } });
    }
    // 413 (body too large), 415, malformed JSON …: the status and a one-line message, no stack.
    return reply.code(status).send({ error: { code: error.code ?? "BAD_REQUEST", message: error.message } });
  });

  app.get("/healthz", async () => {
    await db.read(({ q, t }) => q.select({ id: t.organisations.id }).from(t.organisations).limit(1));
    return { ok: true, database: db.dialect };
  });

  app.get("/readyz", async (req, reply) => {
    const state = await readiness(db, (error) => req.log.warn({ err: error }, "readiness check failed"));
    return reply.code(state.ready ? 200 : 503).send(state);
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      // One request may carry a few calls (the admin batches at most 5), never thousands of them.
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res }) =>
        createHttpContext({
          db,
          logger: req.log,
          meta: { ip: req.ip, userAgent: req.headers["user-agent"] ?? null, requestId: req.id },
          sessionCookie: req.cookies[SESSION_COOKIE],
          authorization: req.headers.authorization,
          acceptLanguage: req.headers["accept-language"],
          session: {
            set: (token, expiresAt) =>
              void res.setCookie(SESSION_COOKIE, token, {
                httpOnly: true,
                sameSite: "lax",
                secure: options.cookieSecure,
                path: "/",
                expires: new Date(expiresAt),
              }),
            clear: () => void res.clearCookie(SESSION_COOKIE, { path: "/" }),
          },
          ...(options.apiConfig ? { config: options.apiConfig } : {}),
        }),
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  registerOpenData(app, db);
  registerOpenApi(app);
  return app;
}
