import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { AuditContext } from "../domain";
import { recordAudit } from "./audit";
import { prepared } from "./prepared";
import { toUser, userColumns, type UserWithScope } from "./users";

export interface NewSession {
  /** sha256 (hex) of the cookie value. */
  id: string;
  userId: string;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
}

/** Start a session (login), recording it in the audit log; expired sessions are cleared on the way. */
export async function createSession(
  db: Database,
  session: NewSession,
  audit: AuditContext,
  orgId: string,
  now = Date.now(),
): Promise<void> {
  await db.write(async (tx) => {
    await tx.q.delete(tx.t.sessions).where(lt(tx.t.sessions.expiresAt, now));
    await tx.q.insert(tx.t.sessions).values({ ...session, createdAt: now });
    await recordAudit(tx, audit, { action: "auth.login", targetType: "user", targetId: session.userId, orgId }, now);
  });
}

/**
 * The user behind a live session, or null (unknown, expired or disabled): one query for the session,
 * its user and the user's organisation, on every request. Nothing of it is kept between requests: a
 * logout, a disabled account or a move to another organisation on any server instance counts at once.
 */
export async function findSessionUser(
  db: Database,
  id: string,
  now = Date.now(),
): Promise<{ user: UserWithScope; expiresAt: number } | null> {
  const [row] = await db.read(({ q, t }) =>
    prepared(q, t, "session_user", (q, t, name) =>
      q
        .select({ ...userColumns(t), expiresAt: t.sessions.expiresAt })
        .from(t.sessions)
        .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
        .innerJoin(t.organisations, eq(t.organisations.id, t.users.orgId))
        .where(eq(t.sessions.id, sql.placeholder("id")))
        .limit(1)
        .prepare(...name),
    ).execute({ id }),
  );
  if (!row || row.expiresAt <= now || row.disabled) return null;
  const { expiresAt, ...user } = row;
  return { user: toUser(user), expiresAt };
}

export async function deleteSession(db: Database, id: string, audit: AuditContext, orgId: string | null): Promise<void> {
  await db.write(async (tx) => {
    const deleted = await tx.q
      .delete(tx.t.sessions)
      .where(and(eq(tx.t.sessions.id, id)))
      .returning({ userId: tx.t.sessions.userId });
    if (deleted[0]) await recordAudit(tx, audit, { action: "auth.logout", targetType: "user", targetId: deleted[0].userId, orgId });
  });
}
