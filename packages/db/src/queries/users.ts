import { and, asc, eq } from "drizzle-orm";
import { type Database, isUniqueViolation, type Tx } from "../client";
import type { AuditContext, Role } from "../domain";
import { DomainError } from "../errors";
import { recordAudit } from "./audit";
import { newId } from "./ids";
import { orgInSubtree } from "./scope";

/** A user as the rest of the system sees it: never with the password hash. */
export interface User {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface UserWithScope extends User {
  orgPath: string;
  orgName: string;
}

export const userColumns = (t: Tx["t"]) => ({
  id: t.users.id,
  orgId: t.users.orgId,
  username: t.users.username,
  displayName: t.users.displayName,
  role: t.users.role,
  disabled: t.users.disabled,
  createdAt: t.users.createdAt,
  updatedAt: t.users.updatedAt,
  orgPath: t.organisations.path,
  orgName: t.organisations.name,
});

export type UserRow = Omit<UserWithScope, "role"> & { role: string };
export const toUser = (row: UserRow): UserWithScope => ({ ...row, role: row.role as Role });

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function findUser({ q, t }: Tx, id: string): Promise<UserWithScope | null> {
  const [row] = await q
    .select(userColumns(t))
    .from(t.users)
    .innerJoin(t.organisations, eq(t.organisations.id, t.users.orgId))
    .where(eq(t.users.id, id))
    .limit(1);
  return row ? toUser(row) : null;
}

export async function getUser(db: Database, id: string): Promise<UserWithScope> {
  const user = await db.read((tx) => findUser(tx, id));
  if (!user) throw new DomainError("NOT_FOUND", "user.notFound", { id });
  return user;
}

/** For login only: the user with the hash to verify. */
export async function findUserForLogin(db: Database, username: string) {
  return db.read(async ({ q, t }) => {
    const [row] = await q
      .select({ ...userColumns(t), passwordHash: t.users.passwordHash })
      .from(t.users)
      .innerJoin(t.organisations, eq(t.organisations.id, t.users.orgId))
      .where(eq(t.users.username, normaliseUsername(username)))
      .limit(1);
    return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
  });
}

export async function listUsers(db: Database, scopePath: string): Promise<UserWithScope[]> {
  const rows = await db.read(({ q, t }) =>
    q
      .select(userColumns(t))
      .from(t.users)
      .innerJoin(t.organisations, eq(t.organisations.id, t.users.orgId))
      .where(orgInSubtree(t, scopePath))
      .orderBy(asc(t.users.username)),
  );
  return rows.map(toUser);
}

export interface NewUser {
  orgId: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
}

export async function createUser(db: Database, input: NewUser, audit: AuditContext): Promise<UserWithScope> {
  const username = normaliseUsername(input.username);
  try {
    return await db.write(async (tx) => {
      const now = Date.now();
      const id = newId();
      await tx.q.insert(tx.t.users).values({ ...input, id, username, disabled: false, createdAt: now, updatedAt: now });
      await recordAudit(tx, audit, {
        action: "user.create",
        targetType: "user",
        targetId: id,
        orgId: input.orgId,
        detail: { username, role: input.role },
      });
      return (await findUser(tx, id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", "user.nameTaken", { username }, { field: "username" });
    throw error;
  }
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  orgId?: string;
  disabled?: boolean;
}

export async function updateUser(db: Database, id: string, changes: UserChanges, audit: AuditContext): Promise<UserWithScope> {
  return db.write(async (tx) => {
    const before = await findUser(tx, id);
    if (!before) throw new DomainError("NOT_FOUND", "user.notFound", { id });
    await tx.q
      .update(tx.t.users)
      .set({ ...changes, updatedAt: Date.now() })
      .where(eq(tx.t.users.id, id));
    // A disabled user or one whose role or organisation changed starts again from a fresh login.
    if (changes.disabled || (changes.role && changes.role !== before.role) || (changes.orgId && changes.orgId !== before.orgId)) {
      await tx.q.delete(tx.t.sessions).where(eq(tx.t.sessions.userId, id));
    }
    await recordAudit(tx, audit, {
      action: "user.update",
      targetType: "user",
      targetId: id,
      orgId: changes.orgId ?? before.orgId,
      detail: { ...changes },
    });
    return (await findUser(tx, id))!;
  });
}

/** Replace the password hash and end every session of the user. */
export async function setPasswordHash(db: Database, id: string, passwordHash: string, audit: AuditContext): Promise<void> {
  await db.write(async (tx) => {
    const user = await findUser(tx, id);
    if (!user) throw new DomainError("NOT_FOUND", "user.notFound", { id });
    await tx.q.update(tx.t.users).set({ passwordHash, updatedAt: Date.now() }).where(eq(tx.t.users.id, id));
    await tx.q.delete(tx.t.sessions).where(and(eq(tx.t.sessions.userId, id)));
    await recordAudit(tx, audit, { action: "user.setPassword", targetType: "user", targetId: id, orgId: user.orgId });
  });
}

export async function countUsers(db: Database): Promise<number> {
  const rows = await db.read(({ q, t }) => q.select({ id: t.users.id }).from(t.users).limit(1));
  return rows.length;
}
