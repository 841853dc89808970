import { and, eq, lt } from "drizzle-orm";
import type { Database } from "../client";
import type { AuditContext } from "../domain";
import { recordAudit } from "./audit";
import { findUser, type UserWithScope } from "./users";

export interface NewSession {
  /** sha256 (hex) of the cookie value. */
  id: string;
  userId: string;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
}

/** Start a session (login), recording it in the audit log; expired sessions are cleared on the way. */
export async function createSession(db: Database, session: NewSession, audit: AuditContext, orgId: string, now = Date.now()): Promise<void> {
  await db.write(async (tx) => {
    await tx.q.delete(tx.t.sessions).where(lt(tx.t.sessions.expiresAt, now));
    await tx.q.insert(tx.t.sessions).values({ ...session, createdAt: now });
    await recordAudit(tx, audit, { action: "auth.login", targetType: "user", targetId: session.userId, orgId }, now);
  });
}

/** The user behind a live session, or null (unknown, expired or disabled). */
export async function findSessionUser(db: Database, id: string, now = Date.now()): Promise<{ user: UserWithScope; expiresAt: number } | null> {
  return db.read(async (tx) => {
    const [session] = await tx.q.select().from(tx.t.sessions).where(eq(tx.t.sessions.id, id)).limit(1);
    if (!session || session.expiresAt <= now) return null;
    const user = await findUser(tx, session.userId);
    if (!user || user.disabled) return null;
    return { user, expiresAt: session.expiresAt };
  });
}

export async function deleteSession(db: Database, id: string, audit: AuditContext, orgId: string | null): Promise<void> {
  await db.write(async (tx) => {
    const deleted = await tx.q.delete(tx.t.sessions).where(and(eq(tx.t.sessions.id, id))).returning({ userId: tx.t.sessions.userId });
    if (deleted[0]) await recordAudit(tx, audit, { action: "auth.logout", targetType: "user", targetId: deleted[0].userId, orgId });
  });
}
