/** The server's settings, validated once. The only file that reads `process.env`. */
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./rate-limit";

const flag = (fallback: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
    .optional()
    .transform((value) => (value === undefined || value === "" ? fallback : ["1", "true", "yes", "on"].includes(value)));

/** The repository's data folder: `pnpm start` from a fresh clone keeps its SQLite file there. */
export const DEFAULT_SQLITE_PATH = fileURLToPath(new URL("../../../data/nianbao.sqlite", import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const envSchema = z.object({
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
  BODY_LIMIT: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /**
   * Fair use of API tokens: calls a minute per token on average (0: no limit) and the burst allowed
   * after a pause, per server instance (rate-limit.ts).
   */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMIT.perMinute),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMIT.burst),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
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
}

const list = (value: string | undefined) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);

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
  };
}
