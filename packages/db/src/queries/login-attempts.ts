import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";

/**
 * How a counter of failed sign-ins slows the next attempt: a few failures are free, then each further
 * one makes the next attempt wait twice as long as the last, up to a ceiling. Nothing is ever locked
 * for good: once the wait is over, the right password works.
 */
export interface ThrottlePolicy {
  /** Failures allowed before attempts must wait. */
  freeFailures: number;
  /** The first wait; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A counter is forgotten after this long without a failure. */
  windowMs: number;
}

/** The wait after the `failures`-th failure (0 while failures are free). */
export function throttleDelay(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over < 0) return 0;
  // 2 ** over grows past any ceiling long before it overflows; cap the exponent to stay exact.
  return Math.min(policy.baseDelayMs * 2 ** Math.min(over, 40), policy.maxDelayMs);
}

/** The latest time until which one of the keys must wait, if it is still in the future. */
export async function waitUntil(db: Database, keys: string[], now: number): Promise<number | null> {
  const rows = await db.read(({ q, t }) => q.select().from(t.loginAttempts).where(inArray(t.loginAttempts.key, keys)));
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil ?? 0));
  return until > now ? until : null;
}

/**
 * Count a failure for a key in one statement (atomic on both dialects, so instances sharing a
 * database count together) and set the wait it earns. Returns the time until which the key must wait,
 * or null while its failures are free.
 */
export async function recordLoginFailure(db: Database, key: string, now: number, policy: ThrottlePolicy): Promise<number | null> {
  return db.write(async ({ q, t }) => {
    const recent = sql`${t.loginAttempts.updatedAt} > ${now - policy.windowMs}`;
    const [row] = await q
      .insert(t.loginAttempts)
      .values({ key, failures: 1, windowStart: now, lockedUntil: null, updatedAt: now })
      .onConflictDoUpdate({
        target: t.loginAttempts.key,
        set: {
          failures: sql`case when ${recent} then ${t.loginAttempts.failures} + 1 else 1 end`,
          windowStart: sql`case when ${recent} then ${t.loginAttempts.windowStart} else ${now} end`,
          updatedAt: now,
        },
      })
      .returning();
    const delay = row ? throttleDelay(row.failures, policy) : 0;
    if (!delay) return null;
    await q
      .update(t.loginAttempts)
      .set({ lockedUntil: now + delay })
      .where(eq(t.loginAttempts.key, key));
    return now + delay;
  });
}

export async function clearLoginFailures(db: Database, keys: string[]): Promise<void> {
  await db.write(({ q, t }) => q.delete(t.loginAttempts).where(inArray(t.loginAttempts.key, keys)));
}
