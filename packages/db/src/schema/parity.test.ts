/**
 * The SQLite and PostgreSQL trees must describe the same tables: same export names, same columns
 * with the same JS types and nullability, same keys, unique constraints, indexes and references.
 * And each dialect's committed migrations must create exactly what its tree declares.
 */
import { getTableConfig as pgConfig } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as pgSchema from "./pg/index";
import * as sqliteSchema from "./sqlite/index";
import { createTestDb, pgTestUrl, type TestDb } from "../testing/index";

interface Shape {
  name: string;
  columns: Record<string, { dataType: string; notNull: boolean; primary: boolean; hasDefault: boolean }>;
  uniques: string[];
  indexes: string[];
  foreignKeys: string[];
}

function describeTable(config: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>): Shape {
  const columns: Shape["columns"] = {};
  for (const column of config.columns) {
    columns[column.name] = { dataType: column.dataType, notNull: column.notNull, primary: column.primary, hasDefault: column.hasDefault };
  }
  return {
    name: config.name,
    columns,
    uniques: config.uniqueConstraints.map((u) => `${u.name}(${u.columns.map((c) => c.name).join(",")})`).sort(),
    indexes: config.indexes.map((i) => `${i.config.name}(${i.config.columns.map((c) => ("name" in c ? c.name : "?")).join(",")})`).sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const target = (ref.foreignTable as unknown as Record<symbol, string>)[Symbol.for("drizzle:Name")];
        return `${ref.columns.map((c) => c.name).join(",")}->${target}.${ref.foreignColumns.map((c) => c.name).join(",")}:${fk.onDelete ?? "no action"}`;
      })
      .sort(),
  };
}

const sqliteTables = Object.entries(sqliteSchema) as [string, SQLiteTable][];

describe("schema parity", () => {
  it("exports the same tables under the same names", () => {
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
    expect(sqliteTables.length).toBeGreaterThanOrEqual(11);
  });

  it.each(sqliteTables.map(([name]) => name))("%s has the same columns, keys and indexes in both dialects", (name) => {
    const sqlite = describeTable(sqliteConfig(sqliteSchema[name as keyof typeof sqliteSchema]));
    const postgres = describeTable(pgConfig(pgSchema[name as keyof typeof pgSchema]));
    expect(postgres).toEqual(sqlite);
  });
});

/** What the migrated database actually has, per table: column name → not null. */
async function migratedColumns(test: TestDb): Promise<Record<string, Record<string, boolean>>> {
  const out: Record<string, Record<string, boolean>> = {};
  if (test.db.dialect === "sqlite") {
    const { default: Sqlite } = await import("better-sqlite3");
    const raw = new Sqlite(test.url, { readonly: true });
    for (const [, table] of sqliteTables) {
      const name = sqliteConfig(table).name;
      const info = raw.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; notnull: number; pk: number }[];
      out[name] = Object.fromEntries(info.map((c) => [c.name, c.notnull === 1 || c.pk === 1]));
    }
    raw.close();
  } else {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: test.url });
    await client.connect();
    const { rows } = await client.query<{ table_name: string; column_name: string; is_nullable: string }>(
      "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
    );
    await client.end();
    for (const row of rows) (out[row.table_name] ??= {})[row.column_name] = row.is_nullable === "NO";
  }
  return out;
}

function declaredColumns(): Record<string, Record<string, boolean>> {
  return Object.fromEntries(
    sqliteTables.map(([, table]) => {
      const config = sqliteConfig(table);
      return [config.name, Object.fromEntries(config.columns.map((c) => [c.name, c.notNull || c.primary]))];
    }),
  );
}

describe.each([
  { dialect: "sqlite" as const, enabled: true },
  { dialect: "postgres" as const, enabled: Boolean(pgTestUrl) },
])("committed migrations on $dialect", ({ dialect, enabled }) => {
  let test: TestDb;
  beforeAll(async () => {
    if (enabled) test = await createTestDb(dialect);
  });
  afterAll(async () => test?.drop());

  it.skipIf(!enabled)("create exactly the declared tables and columns", async () => {
    const actual = await migratedColumns(test);
    const declared = declaredColumns();
    for (const [table, columns] of Object.entries(declared)) expect(actual[table], table).toEqual(columns);
  });

  it.skipIf(!enabled)("can be applied again without effect", async () => {
    await expect(test.db.migrate()).resolves.toBeUndefined();
  });
});
