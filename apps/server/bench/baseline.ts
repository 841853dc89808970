/**
 * The load benchmark's baseline: a tRPC query that exists only in the benchmark's server. It goes
 * through what every procedure goes through — the Fastify adapter, the context (the bearer token
 * resolved to its caller by the same query), the input guard, the signed-in check — and answers from
 * memory with the data of a real procedure's answer, so its response has the same bytes. The ratio of a
 * procedure to it is then the cost of the procedure's own work, measured in the same run on the same
 * server. It is mounted under its own prefix; the production router has no such procedure.
 */
import { authedProcedure, createHttpContext, router } from "@nianbao/api";
import type { Database } from "@nianbao/db";
import { type CreateFastifyContextOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import type { FastifyInstance } from "fastify";
import { z } from "zod";

export const BASELINE_PREFIX = "/bench-trpc";

/** Mount the baseline on a server built by buildServer (before it listens). `answers`: name → the data to answer. */
export async function mountBaseline(app: FastifyInstance, db: Database, answers: Map<string, unknown>): Promise<void> {
  const baselineRouter = router({
    echo: authedProcedure.input(z.object({ name: z.string() })).query(({ input }) => answers.get(input.name) ?? null),
  });
  await app.register(fastifyTRPCPlugin, {
    prefix: BASELINE_PREFIX,
    trpcOptions: {
      router: baselineRouter,
      createContext: ({ req }: CreateFastifyContextOptions) =>
        createHttpContext({
          db,
          logger: req.log,
          meta: { ip: req.ip, userAgent: req.headers["user-agent"] ?? null, requestId: req.id },
          sessionCookie: undefined,
          authorization: req.headers.authorization,
          acceptLanguage: req.headers["accept-language"],
          session: { set() {}, clear() {} },
        }),
    },
  });
}

export const baselinePath = (name: string) => `${BASELINE_PREFIX}/echo?input=${encodeURIComponent(JSON.stringify({ name }))}`;
