import { and, eq, isNull, lt, lte } from "drizzle-orm";
import type { Database } from "../client";

export interface IdempotencyClaim {
  /** "token:<id>" or "user:<id>". */
  scope: string;
  key: string;
  fingerprint: string;
  now: number;
  /** How long a key is remembered. */
  ttlMs: number;
  /**
   * A key whose first request has run this long without an answer is taken over: its process died
   * (a request that still runs past every limit of the server is already lost to its caller).
   */
  staleMs: number;
}

export type IdempotencyOutcome =
  /** The key is new (or abandoned): this request runs and its answer is stored with `completeIdempotencyKey`. */
  | { kind: "claimed" }
  /** The same request was answered before: answer it the same way, without running it again. */
  | { kind: "replay"; status: number; body: string; contentType: string | null }
  /** The key was used for a different request. */
  | { kind: "mismatch" }
  /** The first request with this key is still running. */
  | { kind: "running" };

/**
 * Take a key for a request, or say why not. One transaction: of two identical requests racing on
 * any number of instances, the unique (scope, key) lets exactly one insert; the other reads its row.
 * Expired keys are cleared on the way (an index on expires_at keeps that cheap).
 */
export async function claimIdempotencyKey(db: Database, claim: IdempotencyClaim): Promise<IdempotencyOutcome> {
  const { scope, key, fingerprint, now } = claim;
  return db.write(async ({ q, t }) => {
    const table = t.idempotencyKeys;
    const ours = and(eq(table.scope, scope), eq(table.key, key));
    await q.delete(table).where(lte(table.expiresAt, now));
    const inserted = await q
      .insert(table)
      .values({
        scope,
        key,
        fingerprint,
        status: null,
        responseBody: null,
        contentType: null,
        lockedAt: now,
        createdAt: now,
        expiresAt: now + claim.ttlMs,
      })
      .onConflictDoNothing()
      .returning({ key: table.key });
    if (inserted.length) return { kind: "claimed" };
    const [row] = await q.select().from(table).where(ours).limit(1);
    if (!row) return { kind: "running" };
    if (row.fingerprint !== fingerprint) return { kind: "mismatch" };
    if (row.status !== null) return { kind: "replay", status: row.status, body: row.responseBody ?? "", contentType: row.contentType };
    const takenOver = await q
      .update(table)
      .set({ lockedAt: now })
      .where(and(ours, isNull(table.status), lt(table.lockedAt, now - claim.staleMs)))
      .returning({ key: table.key });
    return takenOver.length ? { kind: "claimed" } : { kind: "running" };
  });
}

/** Store the answer of the request that holds the key; retries get it from now on. */
export async function completeIdempotencyKey(
  db: Database,
  scope: string,
  key: string,
  answer: { status: number; body: string; contentType: string | null },
): Promise<void> {
  await db.write(({ q, t }) =>
    q
      .update(t.idempotencyKeys)
      .set({ status: answer.status, responseBody: answer.body, contentType: answer.contentType })
      .where(and(eq(t.idempotencyKeys.scope, scope), eq(t.idempotencyKeys.key, key))),
  );
}

/** Give a key up (the request failed before doing anything that lasts): a retry runs afresh. */
export async function releaseIdempotencyKey(db: Database, scope: string, key: string): Promise<void> {
  await db.write(({ q, t }) =>
    q
      .delete(t.idempotencyKeys)
      .where(and(eq(t.idempotencyKeys.scope, scope), eq(t.idempotencyKeys.key, key), isNull(t.idempotencyKeys.status))),
  );
}
