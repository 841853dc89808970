import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import type { AuditContext } from "../domain";
import { newId } from "./ids";
import { prepared } from "./prepared";
import { orgInSubtree } from "./scope";

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  orgId: string | null;
  detail?: Record<string, unknown>;
}

/** Append an audit row inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit({ q, t }: Tx, audit: AuditContext, entry: AuditEntry, at = Date.now()): Promise<void> {
  // Prepared: every write of the API records one entry, a save among them.
  await prepared(q, t, "insert_audit", (q, t, name) =>
    q
      .insert(t.auditLog)
      .values({
        id: sql.placeholder("id"),
        at: sql.placeholder("at"),
        actorKind: sql.placeholder("actorKind"),
        actorId: sql.placeholder("actorId"),
        actorName: sql.placeholder("actorName"),
        orgId: sql.placeholder("orgId"),
        action: sql.placeholder("action"),
        targetType: sql.placeholder("targetType"),
        targetId: sql.placeholder("targetId"),
        detail: sql.placeholder("detail"),
        ip: sql.placeholder("ip"),
        requestId: sql.placeholder("requestId"),
      })
      .prepare(...name),
  ).execute({
    id: newId(),
    at,
    actorKind: audit.actorKind,
    actorId: audit.actorId,
    actorName: audit.actorName,
    orgId: entry.orgId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    ip: audit.ip,
    requestId: audit.requestId,
  });
}

export interface AuditQuery {
  /** Materialised path of the scope root: entries of organisations in that subtree. */
  scopePath: string;
  /** Also entries with no organisation (failed logins of unknown names, system events). */
  includeUnscoped: boolean;
  action?: string;
  targetId?: string;
  /** Entries strictly older than this (epoch ms), for paging. */
  before?: number;
  limit: number;
}

export async function listAudit(db: Database, query: AuditQuery) {
  return db.read(async ({ q, t }) => {
    const inScope = inArray(
      t.auditLog.orgId,
      q.select({ id: t.organisations.id }).from(t.organisations).where(orgInSubtree(t, query.scopePath)),
    );
    const conditions: SQL[] = [query.includeUnscoped ? (or(inScope, isNull(t.auditLog.orgId)) as SQL) : inScope];
    if (query.action) conditions.push(eq(t.auditLog.action, query.action));
    if (query.targetId) conditions.push(eq(t.auditLog.targetId, query.targetId));
    if (query.before !== undefined) conditions.push(lt(t.auditLog.at, query.before));
    const rows = await q
      .select()
      .from(t.auditLog)
      .where(and(...conditions))
      .orderBy(desc(t.auditLog.at), desc(t.auditLog.id))
      .limit(query.limit);
    return rows.map((row) => ({ ...row, detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null }));
  });
}

/** An audit row on its own (events with no other change, such as a refused login). */
export async function appendAudit(db: Database, audit: AuditContext, entry: AuditEntry): Promise<void> {
  await db.write((tx) => recordAudit(tx, audit, entry));
}
