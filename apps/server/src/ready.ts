/**
 * Readiness: the database answers and holds every committed migration. `/healthz` says the process
 * is alive; `/readyz` says it can serve — a load balancer sends traffic only once it is 200.
 *
 * The newest migration the database recorded (drizzle's own table: `created_at` is the journal's
 * `when`) is compared with the newest one committed in packages/db/drizzle.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "@nianbao/db";
import { REPO_ROOT } from "./env";

export interface Readiness {
  ready: boolean;
  database: Database["dialect"];
  /** The newest committed migration, and whether the database has it. */
  migration: { expected: string; applied: boolean } | null;
  problem?: string;
}

function latestCommitted(dialect: Database["dialect"]): { tag: string; when: number } {
  const folder = dialect === "sqlite" ? "sqlite" : "pg";
  const journal = JSON.parse(readFileSync(join(REPO_ROOT, "packages", "db", "drizzle", folder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.reduce((a, b) => (b.when > a.when ? b : a));
}

/** The newest migration's time as the database recorded it (0 when none). */
async function latestApplied(db: Database): Promise<number> {
  // The migrations table is drizzle's, outside the typed schema: asked through each driver directly.
  return db.read(async ({ q }) => {
    const client = (q as unknown as { $client: unknown }).$client;
    if (db.dialect === "sqlite") {
      const row = (client as { prepare(sql: string): { get(): { created_at: number | null } | undefined } })
        .prepare("select max(created_at) as created_at from __drizzle_migrations")
        .get();
      return Number(row?.created_at ?? 0);
    }
    const result = await (client as { query(sql: string): Promise<{ rows: { created_at: string | null }[] }> }).query(
      "select max(created_at) as created_at from drizzle.__drizzle_migrations",
    );
    return Number(result.rows[0]?.created_at ?? 0);
  });
}

/** `onError` hears why the database could not be asked (the answer itself never says). */
export async function readiness(db: Database, onError: (error: unknown) => void): Promise<Readiness> {
  const expected = latestCommitted(db.dialect);
  try {
    const applied = await latestApplied(db);
    const ok = applied >= expected.when;
    return {
      ready: ok,
      database: db.dialect,
      migration: { expected: expected.tag, applied: ok },
      ...(ok ? {} : { problem: "migrations pending" }),
    };
  } catch (error) {
    // Unreachable, or no migrations table yet: not ready either way.
    onError(error);
    return { ready: false, database: db.dialect, migration: { expected: expected.tag, applied: false }, problem: "database unavailable" };
  }
}
