import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";

export interface LockoutPolicy {
  /** Failures allowed within the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** The latest `locked_until` among the keys, if it is still in the future. */
export async function lockedUntil(db: Database, keys: string[], now: number): Promise<number | null> {
  const rows = await db.read(({ q, t }) => q.select().from(t.loginAttempts).where(inArray(t.loginAttempts.key, keys)));
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil ?? 0));
  return until > now ? until : null;
}

/**
 * Count a failure for each key in one statement per key (atomic on both dialects, so instances sharing
 * a database count together) and lock the keys that reached the limit.
 */
export async function recordLoginFailure(db: Database, keys: string[], now: number, policy: LockoutPolicy): Promise<number | null> {
  return db.write(async ({ q, t }) => {
    let locked: number | null = null;
    for (const key of keys) {
      const windowOpen = sql`${t.loginAttempts.windowStart} > ${now - policy.windowMs}`;
      const [row] = await q
        .insert(t.loginAttempts)
        .values({ key, failures: 1, windowStart: now, lockedUntil: null, updatedAt: now })
        .onConflictDoUpdate({
          target: t.loginAttempts.key,
          set: {
            failures: sql`case when ${windowOpen} then ${t.loginAttempts.failures} + 1 else 1 end`,
            windowStart: sql`case when ${windowOpen} then ${t.loginAttempts.windowStart} else ${now} end`,
            updatedAt: now,
          },
        })
        .returning();
      if (row && row.failures >= policy.maxFailures) {
        const until = now + policy.lockMs;
        await q.update(t.loginAttempts).set({ lockedUntil: until, failures: 0, windowStart: now }).where(eq(t.loginAttempts.key, key));
        locked = Math.max(locked ?? 0, until);
      }
    }
    return locked;
  });
}

export async function clearLoginFailures(db: Database, key: string): Promise<void> {
  await db.write(({ q, t }) => q.delete(t.loginAttempts).where(eq(t.loginAttempts.key, key)));
}
