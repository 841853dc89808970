import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database, Tx } from "../client";
import type { AuditContext, Role } from "../domain";
import { DomainError } from "../errors";
import { recordAudit } from "./audit";
import { newId } from "./ids";
import { inSubtree, orgInSubtree } from "./scope";
import { prepared } from "./prepared";
import { toUser, type UserWithScope } from "./users";

/** An API token as listed: never with its hash. */
export interface ApiToken {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  role: Role;
  createdBy: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const tokenColumns = (t: Tx["t"]) => ({
  id: t.apiTokens.id,
  name: t.apiTokens.name,
  orgId: t.apiTokens.orgId,
  orgName: t.organisations.name,
  orgPath: t.organisations.path,
  role: t.apiTokens.role,
  createdBy: t.apiTokens.createdBy,
  createdAt: t.apiTokens.createdAt,
  expiresAt: t.apiTokens.expiresAt,
  lastUsedAt: t.apiTokens.lastUsedAt,
  revokedAt: t.apiTokens.revokedAt,
});

type TokenRow = Omit<ApiToken, "role"> & { role: string };
const toToken = (row: TokenRow): ApiToken => ({ ...row, role: row.role as Role });

async function findToken({ q, t }: Tx, id: string): Promise<ApiToken | null> {
  const [row] = await q
    .select(tokenColumns(t))
    .from(t.apiTokens)
    .innerJoin(t.organisations, eq(t.organisations.id, t.apiTokens.orgId))
    .where(eq(t.apiTokens.id, id))
    .limit(1);
  return row ? toToken(row) : null;
}

export async function getToken(db: Database, id: string): Promise<ApiToken> {
  const token = await db.read((tx) => findToken(tx, id));
  if (!token) throw new DomainError("NOT_FOUND", "token.notFound", { id });
  return token;
}

export interface NewToken {
  name: string;
  /** sha256 (hex) of the secret. */
  tokenHash: string;
  orgId: string;
  role: Role;
  createdBy: string;
  expiresAt: number | null;
}

export async function createToken(db: Database, input: NewToken, audit: AuditContext): Promise<ApiToken> {
  return db.write(async (tx) => {
    const id = newId();
    await tx.q.insert(tx.t.apiTokens).values({ ...input, id, createdAt: Date.now() });
    await recordAudit(tx, audit, {
      action: "token.create",
      targetType: "token",
      targetId: id,
      orgId: input.orgId,
      detail: { name: input.name, role: input.role },
    });
    return (await findToken(tx, id))!;
  });
}

export async function listTokens(db: Database, scopePath: string): Promise<ApiToken[]> {
  const rows = await db.read(({ q, t }) =>
    q
      .select(tokenColumns(t))
      .from(t.apiTokens)
      .innerJoin(t.organisations, eq(t.organisations.id, t.apiTokens.orgId))
      .where(orgInSubtree(t, scopePath))
      .orderBy(asc(t.apiTokens.createdAt)),
  );
  return rows.map(toToken);
}

export async function revokeToken(db: Database, id: string, audit: AuditContext): Promise<ApiToken> {
  return db.write(async (tx) => {
    const token = await findToken(tx, id);
    if (!token) throw new DomainError("NOT_FOUND", "token.notFound", { id });
    if (token.revokedAt === null) {
      await tx.q.update(tx.t.apiTokens).set({ revokedAt: Date.now() }).where(eq(tx.t.apiTokens.id, id));
      await recordAudit(tx, audit, { action: "token.revoke", targetType: "token", targetId: id, orgId: token.orgId });
    }
    return (await findToken(tx, id))!;
  });
}

/**
 * The token and its creator behind a bearer secret, or null: unknown, revoked, expired, creator
 * disabled, or the creator's organisation (as it is now) no longer reaching the token's — a token
 * never outreaches the one who made it, so a move of the creator takes effect at once.
 */
export async function findTokenActor(
  db: Database,
  tokenHash: string,
  now = Date.now(),
): Promise<{ token: ApiToken; creator: UserWithScope } | null> {
  // One query for the token, its organisation, its creator and the creator's organisation as they are
  // now; nothing is kept between requests, so a revocation on any server instance counts at once.
  const [row] = await db.read(({ q, t }) =>
    prepared(q, t, "token_actor", (q, t, name) => {
      const creatorOrg = alias(t.organisations, "creator_org");
      return q
        .select({
          ...tokenColumns(t),
          creatorId: t.users.id,
          creatorOrgId: t.users.orgId,
          creatorUsername: t.users.username,
          creatorDisplayName: t.users.displayName,
          creatorRole: t.users.role,
          creatorDisabled: t.users.disabled,
          creatorCreatedAt: t.users.createdAt,
          creatorUpdatedAt: t.users.updatedAt,
          creatorOrgPath: creatorOrg.path,
          creatorOrgName: creatorOrg.name,
        })
        .from(t.apiTokens)
        .innerJoin(t.organisations, eq(t.organisations.id, t.apiTokens.orgId))
        .innerJoin(t.users, eq(t.users.id, t.apiTokens.createdBy))
        .innerJoin(creatorOrg, eq(creatorOrg.id, t.users.orgId))
        .where(eq(t.apiTokens.tokenHash, sql.placeholder("tokenHash")))
        .limit(1)
        .prepare(...name);
    }).execute({ tokenHash }),
  );
  if (!row) return null;
  const token = toToken({
    id: row.id,
    name: row.name,
    orgId: row.orgId,
    orgName: row.orgName,
    orgPath: row.orgPath,
    role: row.role,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  });
  if (token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= now)) return null;
  const creator = toUser({
    id: row.creatorId,
    orgId: row.creatorOrgId,
    username: row.creatorUsername,
    displayName: row.creatorDisplayName,
    role: row.creatorRole,
    disabled: row.creatorDisabled,
    createdAt: row.creatorCreatedAt,
    updatedAt: row.creatorUpdatedAt,
    orgPath: row.creatorOrgPath,
    orgName: row.creatorOrgName,
  });
  if (creator.disabled || !inSubtree(token.orgPath, creator.orgPath)) return null;
  const found = { token, creator };
  // Note the use at most once a minute: a write per request would cost more than it tells.
  if (found && (found.token.lastUsedAt === null || found.token.lastUsedAt < now - 60_000)) {
    await db.write(({ q, t }) => q.update(t.apiTokens).set({ lastUsedAt: now }).where(eq(t.apiTokens.id, found.token.id)));
  }
  return found;
}
