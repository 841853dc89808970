/**
 * nianbao db synth-nation: a small nation in a fresh SQLite file (PostgreSQL too when
 * NIANBAO_TEST_PG_URL is set, in a database of its own), the same for the same seed, and refused
 * into a database that already holds organisations.
 */
import { join } from "node:path";
import { createDb } from "@nianbao/db";
import { createTestDb, pgTestUrl } from "@nianbao/db/testing";
import Sqlite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../test-support/cli";

const counts = (file: string) => {
  const db = new Sqlite(file, { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      organisations: one("select count(*) as n from organisations"),
      reports: one("select count(*) as n from reports"),
      counting: one("select count(*) as n from rollup_inputs"),
      statuses: one("select count(distinct status) as n from reports where year = 2024"),
      names: (db.prepare("select name from organisations order by created_at").all() as { name: string }[]).map((r) => r.name),
    };
  } finally {
    db.close();
  }
};

describe("nianbao db synth-nation", () => {
  it("fills an empty SQLite database with provinces, cities, counties and departments, the same for the same seed", async () => {
    const dir = tempDir();
    const [a, b] = [join(dir, "a.sqlite"), join(dir, "b.sqlite")];
    for (const file of [a, b]) {
      const r = await cli(["db", "synth-nation", "--database", file, "--counties", "3", "--seed", "5"]);
      expect(r.stderr).not.toContain("错误");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/已生成：\d+ 个单位/);
    }
    const first = counts(a);
    // 1 nation, 1 province, 1 city, 3 counties with 53 departments each; two years of reports for every body below the nation.
    expect(first.organisations).toBe(1 + 1 + 1 + 3 + 3 * 53);
    expect(first.reports).toBe(2 * (first.organisations - 1));
    expect(first.counting).toBeGreaterThan(first.reports / 2);
    expect(first.statuses).toBeGreaterThanOrEqual(4);
    expect(counts(b)).toEqual(first);

    const again = await cli(["db", "synth-nation", "--database", a, "--counties", "3"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already holds organisations");
  }, 120_000);

  it.skipIf(!pgTestUrl)(
    "fills a PostgreSQL database",
    async () => {
      const test = await createTestDb("postgres");
      try {
        const r = await cli(["db", "synth-nation", "--database", test.url, "--counties", "2", "--seed", "9"]);
        expect(r.code).toBe(0);
        const db = createDb({ url: test.url });
        const rows = await db.read(({ q, t }) => q.select({ id: t.rollupSums.orgId }).from(t.rollupSums));
        await db.close();
        // The nation, its province, its city and each county hold the sums of what lies below them, for both years.
        expect(rows.length).toBe(2 * (1 + 1 + 1 + 2));
      } finally {
        await test.drop();
      }
    },
    120_000,
  );
});
