/**
 * nianbao db backup FILE / nianbao db restore FILE: copies of the SQLite database.
 *
 * Both go through SQLite's online backup API, never a file copy: a copy of the file taken while the
 * server writes (its WAL beside it) can be torn, the API's copy is one consistent snapshot. All pages
 * are copied in a single step, under one read transaction: WAL lets the server keep writing meanwhile,
 * and no write of another connection can restart the copy halfway (which with small steps could go
 * on forever under a steady stream of saves). A backup is checked (integrity_check, migrations
 * present) before it is moved to FILE, so FILE is either a good backup or untouched.
 *
 * PostgreSQL has its own tools (pg_dump, pg_restore), which the command points to.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Lang } from "@nianbao/core";
import { isPostgresUrl } from "@nianbao/db";
import Sqlite from "better-sqlite3";
import { type Io, UsageError } from "../io";
import { humanSize, say } from "../messages";

/** Where the server keeps its SQLite file when DATABASE_URL is unset (apps/server/src/env.ts). */
const DEFAULT_SQLITE_PATH = fileURLToPath(new URL("../../../../data/nianbao.sqlite", import.meta.url));

/** Pages per backup step: all of them, so that the copy is one snapshot. */
const ALL_PAGES = 0x7fffffff;

export interface DbOptions {
  action: "backup" | "restore";
  file: string;
  force: boolean;
  lang: Lang;
  /** A SQLite path, overriding DATABASE_URL. */
  database?: string;
}

function databasePath(options: DbOptions, io: Io): string {
  const url = options.database ?? (io.env ?? process.env).DATABASE_URL;
  if (url && isPostgresUrl(url)) throw new UsageError(say(options.lang, "dbPostgres"));
  if (!url) return DEFAULT_SQLITE_PATH;
  return resolve(io.cwd, url.replace(/^file:/u, ""));
}

interface Checked {
  pages: number;
  reports: number;
  revisions: number;
}

/** Integrity, the migrations table and what the database holds; throws a UsageError naming `label`. */
function check(db: Sqlite.Database, label: string, lang: Lang): Checked {
  let integrity: string;
  try {
    integrity = (db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
  } catch (error) {
    throw new UsageError(say(lang, "dbNotDatabase", { file: label, detail: (error as Error).message }));
  }
  if (integrity !== "ok") throw new UsageError(say(lang, "dbIntegrity", { file: label, detail: integrity.slice(0, 200) }));
  const migrations = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() as {
    n: number;
  };
  if (!migrations.n) throw new UsageError(say(lang, "dbNotNianbao", { file: label }));
  const count = (table: string) => {
    const exists = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { n: number };
    return exists.n ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
  };
  return { pages: db.pragma("page_count", { simple: true }) as number, reports: count("reports"), revisions: count("report_revisions") };
}

function open(path: string, label: string, lang: Lang, options: Sqlite.Options = {}): Sqlite.Database {
  try {
    return new Sqlite(path, { fileMustExist: true, timeout: 5000, ...options });
  } catch (error) {
    throw new UsageError(say(lang, "dbNotDatabase", { file: label, detail: (error as Error).message }));
  }
}

/** Whether another connection has the database open: only the last one may leave WAL mode. */
function inUse(path: string, lang: Lang): boolean {
  const db = open(path, path, lang, { timeout: 0 });
  try {
    if (db.pragma("journal_mode", { simple: true }) === "wal") db.pragma("journal_mode = DELETE");
    else {
      db.exec("BEGIN EXCLUSIVE");
      db.exec("ROLLBACK");
    }
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    db.close();
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A backup written next to FILE, checked, made a single file (no WAL) and only then renamed to FILE. */
async function backup(database: string, options: DbOptions, io: Io): Promise<number> {
  const { lang } = options;
  if (!existsSync(database)) throw new UsageError(say(lang, "dbMissing", { file: database }));
  const target = resolve(io.cwd, options.file);
  if (existsSync(target) && !options.force) throw new UsageError(say(lang, "dbExists", { file: options.file }));
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  const source = open(database, database, lang);
  try {
    await source.backup(partial, { progress: () => ALL_PAGES });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new UsageError(say(lang, "dbNotDatabase", { file: database, detail: (error as Error).message }));
  } finally {
    source.close();
  }
  let checked: Checked;
  try {
    const copy = open(partial, options.file, lang);
    try {
      copy.pragma("journal_mode = DELETE");
      checked = check(copy, options.file, lang);
    } finally {
      copy.close();
    }
    syncFile(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  io.stdout.write(`${say(lang, "dbBackedUp", { database, file: options.file, size: humanSize(statSync(target).size), ...checked })}\n`);
  return 0;
}

/**
 * The backup's pages written into the database through SQLite (so a server that still has it open,
 * with --force, sees the restored data at its next transaction instead of a file swapped under it).
 */
async function restore(database: string, options: DbOptions, io: Io): Promise<number> {
  const { lang } = options;
  const source = resolve(io.cwd, options.file);
  if (!existsSync(source)) throw new UsageError(say(lang, "dbMissing", { file: options.file }));
  const backupDb = open(source, options.file, lang, { readonly: true });
  try {
    check(backupDb, options.file, lang);
    if (existsSync(database) && !options.force && inUse(database, lang)) throw new UsageError(say(lang, "dbInUse", { file: database }));
    // A server writing at this moment (--force) holds the lock briefly: try again rather than fail.
    for (let attempt = 0; ; attempt++) {
      try {
        await backupDb.backup(database, { progress: () => ALL_PAGES });
        break;
      } catch (error) {
        if (attempt >= 50 || !(error as { code?: string }).code?.startsWith("SQLITE_BUSY")) throw error;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  } finally {
    backupDb.close();
  }
  const restored = open(database, database, lang);
  let checked: Checked;
  try {
    restored.pragma("journal_mode = WAL");
    checked = check(restored, database, lang);
  } finally {
    restored.close();
  }
  io.stdout.write(`${say(lang, "dbRestored", { database, file: options.file, ...checked })}\n`);
  return 0;
}

export async function dbCommand(options: DbOptions, io: Io): Promise<number> {
  const database = databasePath(options, io);
  return options.action === "backup" ? backup(database, options, io) : restore(database, options, io);
}
