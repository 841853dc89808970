/**
 * The context in two layers. `createContextInner` is pure (tests and in-process callers build it with
 * any actor); the HTTP host resolves the session cookie or bearer token into an actor and calls it.
 */
import type { Lang } from "@nianbao/core";
import type { AuditContext, Database, Role, ThrottlePolicy } from "@nianbao/db";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./services/import-runner";

/** Who is calling: a signed-in user, or a service with an API token (acting for the token's creator). */
export interface Actor {
  kind: "user" | "token";
  /** The user; for a token, the user who created it (revisions and events are authored by them). */
  userId: string;
  tokenId: string | null;
  displayName: string;
  role: Role;
  /** The organisation whose subtree the actor may reach. */
  orgId: string;
  orgPath: string;
  orgName: string;
  /** The session the request came with (logout ends it). */
  sessionId: string | null;
}

/** The minimal logger the router needs; pino's loggers satisfy it. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

const silentLogger: Logger = { info() {}, warn() {}, error() {}, child: () => silentLogger };

/** How the host sets and clears the session cookie (the router never sees HTTP). */
export interface SessionSink {
  set(token: string, expiresAt: number): void;
  clear(): void;
}

export interface PasswordHashing {
  /** argon2id memory in KiB (default 19456, OWASP's minimum for argon2id). */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export interface ApiConfig {
  passwordHashing: PasswordHashing;
  /**
   * Failed sign-ins slow further attempts (docs/RELIABILITY.md, "Sign-in throttling"), counted three
   * ways: per account from one address (a typing user, or one attacker on one account), per address
   * over all accounts (one attacker trying many), and per account over all addresses (many attackers
   * on one account). No counter locks an account: one attacker cannot keep its owner out.
   */
  loginThrottle: { accountAddress: ThrottlePolicy; address: ThrottlePolicy; account: ThrottlePolicy };
  sessionTtlMs: number;
  /** Time and heap of one file's import, and how many are read at once (import-runner.ts). */
  importLimits: ImportLimits;
  /** The clock: tests move it to check lockouts and deadlines. */
  now: () => number;
}

export const DEFAULT_CONFIG: ApiConfig = {
  passwordHashing: { memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  loginThrottle: {
    accountAddress: { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 },
    address: { freeFailures: 50, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 },
    // Reached only by guesses from many addresses; its ceiling is short, so the owner waits a minute at most.
    account: { freeFailures: 100, baseDelayMs: 1_000, maxDelayMs: 60_000, windowMs: 60 * 60_000 },
  },
  sessionTtlMs: 12 * 60 * 60_000,
  importLimits: DEFAULT_IMPORT_LIMITS,
  now: () => Date.now(),
};

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface InnerContextOptions {
  db: Database;
  actor?: Actor | null;
  logger?: Logger;
  meta?: Partial<RequestMeta>;
  session?: SessionSink;
  config?: Partial<ApiConfig>;
  lang?: Lang;
}

export function createContextInner(options: InnerContextOptions) {
  const meta: RequestMeta = { ip: null, userAgent: null, requestId: null, ...options.meta };
  const actor = options.actor ?? null;
  return {
    db: options.db,
    actor,
    logger: options.logger ?? silentLogger,
    meta,
    session: options.session ?? { set() {}, clear() {} },
    config: { ...DEFAULT_CONFIG, ...options.config },
    lang: options.lang ?? ("zh" as Lang),
  };
}

export type Context = ReturnType<typeof createContextInner>;

/** The audit record's "who and from where" for this request. */
export function auditOf(ctx: Pick<Context, "actor" | "meta">): AuditContext {
  const { actor, meta } = ctx;
  return {
    actorKind: actor ? actor.kind : "anonymous",
    actorId: actor ? (actor.kind === "token" ? actor.tokenId : actor.userId) : null,
    actorName: actor?.displayName ?? null,
    ip: meta.ip,
    requestId: meta.requestId,
  };
}
