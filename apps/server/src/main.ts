/**
 * `pnpm start`: migrate the database, seed the demo into an empty one, serve the API.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DEFAULT_CONFIG } from "@nianbao/api";
import { createDb, fillRollupsIfEmpty, isPostgresUrl } from "@nianbao/db";
import { seedDemo } from "@nianbao/demo";
import { buildServer } from "./app";
import { bootstrapAdmin } from "./bootstrap";
import { loadEnv, REPO_ROOT } from "./env";
import { createLogger } from "./logger";
import { startWebhooksWorker } from "./webhooks-worker";

/** The science bureau's 2021 report, imported into every fresh demo database (spec/README.md). */
const FIXTURE = join(REPO_ROOT, "spec", "fixtures", "seed-2021-district-science-bureau.txt");

const env = loadEnv();
const logger = createLogger(env);

if (!isPostgresUrl(env.databaseUrl) && env.databaseUrl !== ":memory:") mkdirSync(dirname(env.databaseUrl), { recursive: true });
const db = createDb({
  url: env.databaseUrl,
  onIdleConnectionError: (error) => logger.warn({ err: error }, "an idle database connection failed; the pool replaces it"),
});
await db.migrate();
const rolledUp = await fillRollupsIfEmpty(db);
if (rolledUp) logger.info({ reports: rolledUp }, "roll-up tables filled from existing reports");
logger.info({ database: db.description }, "database ready");

const generated = env.adminPassword ? null : randomBytes(12).toString("base64url");
const password = env.adminPassword ?? generated!;
const seeded = env.seedDemo
  ? await seedDemo(db, {
      adminPassword: password,
      passwordHashing: DEFAULT_CONFIG.passwordHashing,
      fixture: { data: readFileSync(FIXTURE), filename: "seed-2021-district-science-bureau.txt" },
    })
  : await bootstrapAdmin(db, password);

if (seeded.created) {
  logger.info(
    { users: seeded.users.length, reports: seeded.reports, fixtureImported: seeded.fixtureImported, fixtureError: seeded.fixtureError },
    "empty database seeded",
  );
  const lines = [
    "",
    "  nianbao: a fresh database was set up.",
    `  Sign in as "admin"${generated ? ` with the password ${generated}` : " with NIANBAO_ADMIN_PASSWORD"}.`,
    ...(generated ? ["  This password is shown only now: note it down."] : []),
    ...(seeded.users.length > 1
      ? [
          `  Demo accounts (same password): ${seeded.users
            .filter((u) => u.username !== "admin")
            .map((u) => u.username)
            .join(", ")}`,
        ]
      : []),
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

const app = await buildServer({
  db,
  logger,
  bodyLimit: env.bodyLimit,
  cookieSecure: env.cookieSecure,
  corsOrigins: env.corsOrigins,
  allowedOrigins: env.allowedOrigins,
  rateLimit: env.rateLimit,
});
await app.listen({ port: env.port, host: env.host });

// After listen, so a pass does not compete with start-up; stopped on shutdown before the database closes.
const webhooks = env.webhooks ? startWebhooksWorker({ db, logger, ...env.webhooks }) : null;

/**
 * Graceful shutdown: stop accepting connections, let the requests in flight finish (Fastify's close
 * waits for them and drops idle keep-alive connections), then close the database pool. A request that
 * never ends must not keep the process alive: after the grace period it exits anyway.
 */
const SHUTDOWN_GRACE_MS = 15_000;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.error({ graceMs: SHUTDOWN_GRACE_MS }, "requests still running after the grace period; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    void app
      .close()
      .then(() => webhooks?.stop())
      .then(() => db.close())
      .then(() => {
        logger.info("stopped");
        process.exit(0);
      });
  });
}
