/**
 * createDb: one handle over SQLite (better-sqlite3, the default) or PostgreSQL (pg), with the same
 * query builder and the same table names on both. Nothing connects until createDb is called.
 *
 * Query code is written once against the SQLite types; at run time the PostgreSQL tree and driver sit
 * behind the same names (the parity test keeps the trees equal, and every test runs on both).
 * Only the chain both dialects share is used: select/insert/update/delete, `returning`,
 * `onConflictDoUpdate` — never `.get()`/`.all()` (SQLite only) or `.for()` (PostgreSQL only).
 */
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { type BetterSQLite3Database, drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as pgSchema from "./schema/pg/index";
import * as sqliteSchema from "./schema/sqlite/index";

export type Dialect = "sqlite" | "postgres";
export type Tables = typeof sqliteSchema;
/** The query builder handed to query functions: the database itself or the open transaction. */
export type Executor = BetterSQLite3Database<Record<string, never>>;
/** What a read or write callback gets: the query builder and this dialect's tables. */
export interface Tx {
  readonly q: Executor;
  readonly t: Tables;
}

export interface Database {
  readonly dialect: Dialect;
  /** The tables of this dialect, under the names of `./schema/sqlite/index.ts`. */
  readonly t: Tables;
  /** Where the data lives, without credentials: for logs. */
  readonly description: string;
  /** Run reads. On SQLite they never see a write transaction half done. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Run writes in one transaction: all of them commit or none does. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Apply the committed migrations of this dialect (idempotent; safe with several instances). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DbConfig {
  /**
   * `postgres://…` / `postgresql://…` for PostgreSQL; otherwise a SQLite file path (`file:` prefix
   * allowed) or `:memory:`.
   */
  url: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /**
   * PostgreSQL: told when an idle pooled connection fails (the server restarted, an administrator
   * ended it). The pool drops that connection and opens another on the next query, so nothing is
   * lost; without a listener, node-postgres would raise the error and end the process.
   */
  onIdleConnectionError?: (error: Error) => void;
}

const MIGRATIONS = {
  sqlite: fileURLToPath(new URL("../drizzle/sqlite", import.meta.url)),
  postgres: fileURLToPath(new URL("../drizzle/pg", import.meta.url)),
};

/** Arbitrary constant: the advisory lock that serialises migrations when several instances start at once. */
const MIGRATION_LOCK_ID = 7_202_104;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function createDb(config: DbConfig): Database {
  return isPostgresUrl(config.url) ? createPostgres(config) : createSqlite(config.url.replace(/^file:/, ""));
}

/**
 * A FIFO lock. better-sqlite3 is one synchronous connection: a write transaction that awaits between
 * statements would otherwise let other requests' statements run inside it.
 */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function createSqlite(path: string): Database {
  const client = new BetterSqlite3(path);
  client.pragma("journal_mode = WAL");
  client.pragma("foreign_keys = ON");
  // FULL: a commit is on disk before the save is acknowledged, so a power loss cannot take back an
  // acknowledged save (WAL with NORMAL survives a process crash, not a power cut). Its cost is
  // measured by apps/server/bench/durability.bench.ts.
  client.pragma("synchronous = FULL");
  // Another process (the CLI, a second server) holding the write lock: wait instead of failing.
  client.pragma("busy_timeout = 5000");
  const orm = drizzleSqlite({ client });
  const tx: Tx = { q: orm, t: sqliteSchema };
  const lock = new Mutex();
  return {
    dialect: "sqlite",
    t: sqliteSchema,
    description: `sqlite:${path}`,
    read: (fn) => lock.run(() => fn(tx)),
    write: (fn) =>
      lock.run(async () => {
        // IMMEDIATE takes the write lock up front, so another process cannot slip in between read and write.
        client.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(tx);
          client.exec("COMMIT");
          return result;
        } catch (error) {
          if (client.inTransaction) client.exec("ROLLBACK");
          throw error;
        }
      }),
    migrate: () => lock.run(async () => migrateSqlite(orm, { migrationsFolder: MIGRATIONS.sqlite })),
    close: async () => {
      client.close();
    },
  };
}

function createPostgres(config: DbConfig): Database {
  // JIT compilation off: it pays only for long analytical queries, and it cost this application's reads
  // 30–40 ms each time a plan's estimate crossed its threshold (a province's progress board, for one),
  // for queries that run in a few dozen milliseconds without it. An `options` parameter in the URL
  // replaces this setting (node-postgres lets the connection string win).
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10, options: "-c jit=off" });
  let closing: Promise<void> | undefined;
  pool.on("error", config.onIdleConnectionError ?? (() => undefined));
  const orm = drizzlePg({ client: pool });
  const url = new URL(config.url);
  // Same names, same JS value types (see the parity test); only the static type differs.
  const t = pgSchema as unknown as Tables;
  const asTx = (q: unknown): Tx => ({ q: q as Executor, t });
  return {
    dialect: "postgres",
    t,
    description: `postgres://${url.host}${url.pathname}`,
    read: (fn) => fn(asTx(orm)),
    write: (fn) =>
      orm.transaction((pgTx) => {
        // The connection this transaction runs on: statements prepared inside it are kept for the next
        // transaction on the same pooled connection (queries/prepared.ts). Drizzle keeps it on the
        // transaction's session; a connection the pool replaces simply starts with none.
        statementOwners.set(pgTx, (pgTx as unknown as { session: { client: object } }).session.client);
        return fn(asTx(pgTx));
      }),
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
        await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS.postgres });
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
        client.release();
      }
    },
    // Closing twice is harmless, as on SQLite: node-postgres refuses a second end of its pool.
    close: () => (closing ??= pool.end()),
  };
}

const statementOwners = new WeakMap<object, object>();

/**
 * What a statement prepared on this executor is bound to, and may be kept with: the connection of a
 * PostgreSQL transaction (one transaction at a time holds it), otherwise the executor itself.
 */
export function statementOwner(q: Executor): object {
  return statementOwners.get(q) ?? q;
}

/** A unique-constraint violation on either dialect (drizzle wraps the driver error in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  }
  return false;
}
