/** Signing in and out: argon2 verification, failures throttled in the database, sessions in the database. */
import {
  appendAudit,
  clearLoginFailures,
  createSession,
  type Database,
  findUserForLogin,
  normaliseUsername,
  recordLoginFailure,
  type UserWithScope,
  waitUntil,
} from "@nianbao/db";
import { AppError } from "../errors";
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

/** The wait in words: seconds while it is under a minute (the first waits are 1, 2, 4 … s), else minutes. */
function lockedError(until: number, now: number): AppError {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds}秒` : `${minutes}分钟`;
  const waitEn = seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return new AppError("TOO_MANY_REQUESTS", "auth.locked", { wait, waitEn }, { retryAfterSeconds: seconds });
}

export async function login(db: Database, input: { username: string; password: string }, ctx: LoginContext): Promise<Actor> {
  const now = ctx.config.now();
  const policy = ctx.config.loginThrottle;
  const name = normaliseUsername(input.username);
  const address = ctx.meta.ip ?? "-";
  const keys = { accountAddress: `user:${name}@${address}`, address: `ip:${address}`, account: `user:${name}` };
  // An attempt that must still wait is answered before the password is checked, and not counted.
  const waiting = await waitUntil(db, Object.values(keys), now);
  if (waiting) throw lockedError(waiting, now);

  const user = await findUserForLogin(db, input.username);
  // Unknown names cost the same verification as known ones, so timing does not tell which exist.
  dummyHash ??= hashPassword(newSecret(), ctx.config.passwordHashing);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || user.disabled || !valid) {
    let until = 0;
    for (const kind of ["accountAddress", "address", "account"] as const) {
      until = Math.max(until, (await recordLoginFailure(db, keys[kind], now, policy[kind])) ?? 0);
    }
    await appendAudit(
      db,
      { ...auditOf(ctx), actorKind: "anonymous", actorName: name },
      {
        action: "auth.failed",
        targetType: "user",
        targetId: user?.id ?? null,
        orgId: user?.orgId ?? null,
      },
    );
    if (until) throw lockedError(until, now);
    throw new AppError("UNAUTHORIZED", "auth.invalid");
  }
  // The owner proved the password: their account's counters start again (the address's does not).
  await clearLoginFailures(db, [keys.accountAddress, keys.account]);
  const secret = newSecret();
  const sessionId = sha256(secret);
  const expiresAt = now + ctx.config.sessionTtlMs;
  const actor = actorFromUser(user, sessionId);
  await createSession(
    db,
    { id: sessionId, userId: user.id, expiresAt, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent },
    auditOf({ actor, meta: ctx.meta }),
    user.orgId,
    now,
  );
  ctx.session.set(secret, expiresAt);
  return actor;
}
