/** The server's settings, validated once. The only file that reads `process.env`. */
import { fileURLToPath } from "node:url";
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from "@nianbao/api";
import { z } from "zod";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./rate-limit";

const flag = (fallback: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
    .optional()
    .transform((value) => (value === undefined || value === "" ? fallback : ["1", "true", "yes", "on"].includes(value)));

/** The repository's data folder: `pnpm start` from a fresh clone keeps its SQLite file there. */
const DEFAULT_SQLITE_PATH = fileURLToPath(new URL("../../../data/nianbao.sqlite", import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    HOST: z.string().min(1).default("127.0.0.1"),
    /** Unset: SQLite at ./data/nianbao.sqlite. `postgres://…`: PostgreSQL. Anything else: a SQLite path. */
    DATABASE_URL: z.string().min(1).optional(),
    /** The demo admin's password; unset on a fresh database: one is generated and printed once. */
    NIANBAO_ADMIN_PASSWORD: z.string().min(8, { message: "NIANBAO_ADMIN_PASSWORD must have at least 8 characters" }).optional(),
    /** Seed the demo district into an empty database (default on). */
    NIANBAO_SEED_DEMO: flag(true),
    /** Mark the session cookie Secure (set it when served over HTTPS). */
    COOKIE_SECURE: flag(false),
    /** Comma-separated origins allowed to call the API from a browser; unset: no CORS at all. */
    CORS_ORIGIN: z.string().optional(),
    /**
     * Comma-separated origins whose pages may send signed-in (cookie) mutations, besides the API's own
     * host and the host a proxy names in X-Forwarded-Host (e.g. `http://127.0.0.1:3000`).
     */
    ALLOWED_ORIGINS: z.string().optional(),
    /** Largest request body in bytes (default 10 MiB: report files come base64-encoded). */
    BODY_LIMIT: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
    /**
     * Fair use of API tokens: calls a minute per token on average (0: no limit) and the burst allowed
     * after a pause, per server instance (rate-limit.ts).
     */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMIT.perMinute),
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMIT.burst),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Run the webhook worker in this process (default on; docs/WEBHOOKS.md). */
    NIANBAO_WEBHOOKS: flag(true),
    /** How often the worker looks for events and due deliveries. */
    NIANBAO_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(1000),
    /** The first retry's delay; each further retry waits about twice as long, up to the maximum. */
    NIANBAO_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(DEFAULT_WEBHOOK_SETTINGS.retryBaseMs),
    NIANBAO_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).default(DEFAULT_WEBHOOK_SETTINGS.retryMaxMs),
    /** How long a receiver may take to answer. */
    NIANBAO_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_WEBHOOK_SETTINGS.requestTimeoutMs),
    /** How long a worker holds a delivery it sends; after a crash, the delivery is sent again once this has passed. */
    NIANBAO_WEBHOOK_LEASE_MS: z.coerce.number().int().min(200).default(DEFAULT_WEBHOOK_SETTINGS.leaseMs),
    /** A subscription is paused after this many failures in a row … */
    NIANBAO_WEBHOOK_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).default(DEFAULT_WEBHOOK_SETTINGS.maxConsecutiveFailures),
    /** … or after failing for this long (ms) without a success. */
    NIANBAO_WEBHOOK_PAUSE_AFTER_MS: z.coerce.number().int().min(1).default(DEFAULT_WEBHOOK_SETTINGS.maxFailingMs),
  })
  .refine((env) => env.NIANBAO_WEBHOOK_LEASE_MS > env.NIANBAO_WEBHOOK_TIMEOUT_MS, {
    message: "NIANBAO_WEBHOOK_LEASE_MS must be longer than NIANBAO_WEBHOOK_TIMEOUT_MS (a delivery still being sent must not be taken over)",
    path: ["NIANBAO_WEBHOOK_LEASE_MS"],
  });

export interface ServerEnv {
  port: number;
  host: string;
  databaseUrl: string;
  adminPassword: string | undefined;
  seedDemo: boolean;
  cookieSecure: boolean;
  corsOrigins: string[];
  allowedOrigins: string[];
  bodyLimit: number;
  rateLimit: RateLimit;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /** null: no webhook worker in this process. */
  webhooks: { pollMs: number; settings: WebhookSettings } | null;
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function loadEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL ?? DEFAULT_SQLITE_PATH,
    adminPassword: env.NIANBAO_ADMIN_PASSWORD,
    seedDemo: env.NIANBAO_SEED_DEMO,
    cookieSecure: env.COOKIE_SECURE,
    corsOrigins: list(env.CORS_ORIGIN),
    allowedOrigins: list(env.ALLOWED_ORIGINS),
    bodyLimit: env.BODY_LIMIT,
    rateLimit: { perMinute: env.RATE_LIMIT_PER_MINUTE, burst: env.RATE_LIMIT_BURST },
    logLevel: env.LOG_LEVEL,
    webhooks: env.NIANBAO_WEBHOOKS
      ? {
          pollMs: env.NIANBAO_WEBHOOK_POLL_MS,
          settings: {
            ...DEFAULT_WEBHOOK_SETTINGS,
            retryBaseMs: env.NIANBAO_WEBHOOK_RETRY_BASE_MS,
            retryMaxMs: env.NIANBAO_WEBHOOK_RETRY_MAX_MS,
            requestTimeoutMs: env.NIANBAO_WEBHOOK_TIMEOUT_MS,
            leaseMs: env.NIANBAO_WEBHOOK_LEASE_MS,
            maxConsecutiveFailures: env.NIANBAO_WEBHOOK_PAUSE_AFTER_FAILURES,
            maxFailingMs: env.NIANBAO_WEBHOOK_PAUSE_AFTER_MS,
          },
        }
      : null,
  };
}
