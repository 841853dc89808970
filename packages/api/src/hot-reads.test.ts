/**
 * The reads every page and service makes all the time run as kept prepared statements: after their
 * first call, another call compiles no SQL. Building and compiling a query costs more than running it
 * on these tables (docs/SCALE.md), so a hot read that builds its query per request is a regression
 * this test names. SQLite only: it watches better-sqlite3 compile statements.
 */
import BetterSqlite3 from "better-sqlite3";
import { suiteDb } from "@nianbao/db/testing/suite";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createWorld, filledDocument, publishReport, type World } from "./test-support/world";

describe("hot reads on SQLite", () => {
  const test = suiteDb("sqlite", true);
  let world: World;
  let reportId: string;
  beforeAll(async () => {
    world = await createWorld(test.db);
    reportId = await publishReport(world, "a", 2023, "2024-01-20");
  });
  afterEach(() => vi.restoreAllMocks());

  const reads: [string, () => Promise<unknown>][] = [
    ["reports.get", () => world.call(world.inA.viewer).reports.get({ id: reportId })],
    ["reports.list", () => world.call(world.districtAdmin).reports.list({ year: 2023 })],
    ["stats.progress", () => world.call(world.districtAdmin).stats.progress({ year: 2023 })],
    ["aggregate.get", () => world.call(world.districtAdmin).aggregate.get({ year: 2023 })],
  ];

  it.each(reads)("%s compiles no SQL after its first call", async (_name, read) => {
    await read();
    const compile = vi.spyOn(BetterSqlite3.prototype, "prepare");
    await read();
    expect(compile.mock.calls.map(([sql]) => String(sql))).toEqual([]);
  });

  it("reports.update (a save, the most frequent write) compiles no SQL after the first save", async () => {
    const editor = world.call(world.inA.editor);
    const { report } = await editor.reports.create({ orgId: world.a.id, year: 2024 });
    const document = filledDocument(world.a, 2024);
    await editor.reports.update({ id: report.id, baseRevision: 1, document });
    const compile = vi.spyOn(BetterSqlite3.prototype, "prepare");
    const saved = await editor.reports.update({
      id: report.id,
      baseRevision: 2,
      document: { ...document, sections: { ...document.sections, other: "再次保存" } },
    });
    expect(saved.revision).toBe(3);
    expect(compile.mock.calls.map(([sql]) => String(sql))).toEqual([]);
  });
});
