/** Signing in and out: argon2 verification, lockout counted in the database, sessions in the database. */
import {
  AppError,
  appendAudit,
  clearLoginFailures,
  createSession,
  type Database,
  findUserForLogin,
  lockedUntil,
  normaliseUsername,
  recordLoginFailure,
  type UserWithScope,
} from "@nianbao/db";
import { auditOf, type Actor, type Context } from "../context";
import { hashPassword, newSecret, sha256, verifyPassword } from "../secrets";

export function actorFromUser(user: UserWithScope, sessionId: string | null): Actor {
  return {
    kind: "user",
    userId: user.id,
    tokenId: null,
    displayName: user.displayName,
    role: user.role,
    orgId: user.orgId,
    orgPath: user.orgPath,
    orgName: user.orgName,
    sessionId,
  };
}

let dummyHash: Promise<string> | null = null;

type LoginContext = Pick<Context, "db" | "config" | "meta" | "session" | "actor">;

function lockedError(until: number, now: number): AppError {
  const seconds = Math.ceil((until - now) / 1000);
  return new AppError("TOO_MANY_REQUESTS", "auth.locked", { minutes: Math.ceil(seconds / 60) }, { retryAfterSeconds: seconds });
}

export async function login(db: Database, input: { username: string; password: string }, ctx: LoginContext): Promise<Actor> {
  const now = ctx.config.now();
  const userKey = `user:${normaliseUsername(input.username)}`;
  const ipKey = ctx.meta.ip ? `ip:${ctx.meta.ip}` : null;
  const keys = ipKey ? [userKey, ipKey] : [userKey];
  const locked = await lockedUntil(db, keys, now);
  if (locked) throw lockedError(locked, now);

  const user = await findUserForLogin(db, input.username);
  // Unknown names cost the same verification as known ones, so timing does not tell which exist.
  dummyHash ??= hashPassword(newSecret(), ctx.config.passwordHashing);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || user.disabled || !valid) {
    const { lockout } = ctx.config;
    const untilUser = await recordLoginFailure(db, [userKey], now, lockout);
    const untilIp = ipKey ? await recordLoginFailure(db, [ipKey], now, { ...lockout, maxFailures: lockout.maxFailuresPerAddress }) : null;
    await appendAudit(db, { ...auditOf(ctx), actorKind: "anonymous", actorName: normaliseUsername(input.username) }, {
      action: "auth.failed",
      targetType: "user",
      targetId: user?.id ?? null,
      orgId: user?.orgId ?? null,
    });
    const until = Math.max(untilUser ?? 0, untilIp ?? 0);
    if (until) throw lockedError(until, now);
    throw new AppError("UNAUTHORIZED", "auth.invalid");
  }
  await clearLoginFailures(db, userKey);
  const secret = newSecret();
  const sessionId = sha256(secret);
  const expiresAt = now + ctx.config.sessionTtlMs;
  const actor = actorFromUser(user, sessionId);
  await createSession(db, { id: sessionId, userId: user.id, expiresAt, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent }, auditOf({ actor, meta: ctx.meta }), user.orgId, now);
  ctx.session.set(secret, expiresAt);
  return actor;
}
