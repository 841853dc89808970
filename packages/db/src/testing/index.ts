/**
 * Real databases for tests: a SQLite file in a temporary folder, or a fresh PostgreSQL database on
 * the server named by NIANBAO_TEST_PG_URL, created per call and dropped afterwards, so test files
 * running in parallel never share tables.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type Database, type Dialect } from "../client";
import { testEnv } from "./env";

export interface TestDb {
  db: Database;
  /** The URL createDb was given (a second handle can be opened on it). */
  url: string;
  drop(): Promise<void>;
}

export const pgTestUrl = testEnv.pgUrl;

/** The dialects to run a suite on: SQLite always, PostgreSQL when a server is configured. */
export const TEST_DIALECTS: { dialect: Dialect; enabled: boolean }[] = [
  { dialect: "sqlite", enabled: true },
  { dialect: "postgres", enabled: Boolean(pgTestUrl) },
];

/** `pgUrl`: the PostgreSQL server to create the database on (default NIANBAO_TEST_PG_URL). */
export async function createTestDb(dialect: Dialect, options: { pgUrl?: string } = {}): Promise<TestDb> {
  const serverUrl = options.pgUrl ?? pgTestUrl;
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-test-"));
    const url = join(dir, "test.sqlite");
    const db = createDb({ url });
    await db.migrate();
    return {
      db,
      url,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!serverUrl) throw new Error("NIANBAO_TEST_PG_URL is not set");
  const name = `nianbao_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDb({ url: url.toString(), poolSize: 8 });
  await db.migrate();
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on("error", () => undefined); // a connection ended by the server fails the query below instead
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
