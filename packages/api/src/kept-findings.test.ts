/**
 * What a server instance keeps between requests (findings, revisions, prepared statements) never
 * hides a change made through another instance sharing the database: two handles on one database are
 * two instances, each with its own memory.
 */
import { createDb, type Database } from "@nianbao/db";
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { suiteDb } from "@nianbao/db/testing/suite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createContextInner } from "./index";
import { createWorld, FAST_HASHING, filledDocument, TEST_NOW, type World } from "./test-support/world";

describe.each(TEST_DIALECTS)("kept answers on $dialect", ({ dialect, enabled }) => {
  const test = suiteDb(dialect, enabled);
  let world: World;
  let other: Database;
  beforeAll(async () => {
    if (!enabled) return;
    world = await createWorld(test.db);
    other = createDb({ url: test.url });
  });
  afterAll(async () => other?.close());
  const onOther = (actor: World["districtAdmin"]) =>
    createCaller(createContextInner({ db: other, actor, config: { passwordHashing: FAST_HASHING, now: () => TEST_NOW } }));

  it.skipIf(!enabled)("follow last year's report saved through another instance, and a renamed author", async () => {
    const editor = world.inA.editor;
    const here = world.call(editor);
    const lastYear = await here.reports.create({ orgId: world.a.id, year: 2023 });
    const saved = await here.reports.update({ id: lastYear.report.id, baseRevision: 1, document: filledDocument(world.a, 2023) });
    const thisYear = await here.reports.create({ orgId: world.a.id, year: 2024 });
    const id = thisYear.report.id;
    const carried = (f: { ruleId: string }) => f.ruleId === "T3-CARRY";

    const before = await here.reports.get({ id });
    expect(before.findings.filter(carried)).toEqual([]);
    expect((await here.reports.validate({ id })).findings).toEqual(before.findings);

    // Another instance changes last year's 结转下年度: this year's 上年结转 no longer matches it.
    const previous = (await onOther(editor).reports.get({ id: lastYear.report.id })).document;
    const changed = structuredClone(previous) as typeof previous & { tables: { applications: { carriedForward: { natural: number } } } };
    changed.tables.applications.carriedForward.natural += 1;
    await onOther(editor).reports.update({ id: lastYear.report.id, baseRevision: saved.revision, document: changed });

    const after = await here.reports.get({ id });
    expect(after.findings.filter(carried).length).toBeGreaterThan(0);
    expect((await here.reports.validate({ id })).findings).toEqual(after.findings);
    // The same answer as an instance that kept nothing of it.
    expect(after).toEqual(await onOther(editor).reports.get({ id }));

    // The author's name is the user's current one, though the revision itself is kept.
    await onOther(world.districtAdmin).users.update({ id: editor.userId, displayName: "改名后的填报人" });
    expect((await here.reports.get({ id })).revision.authorName).toBe("改名后的填报人");
    expect((await here.reports.get({ id: lastYear.report.id, revision: 2 })).revision.authorName).toBe("改名后的填报人");
  });

  it.skipIf(!enabled)("are computed afresh when the day changes", async () => {
    const here = world.call(world.inB.editor);
    const created = await here.reports.create({ orgId: world.b.id, year: 2024 });
    const id = created.report.id;
    await here.reports.update({ id, baseRevision: 1, document: filledDocument(world.b, 2024) });
    const deadline = (f: { ruleId: string }) => f.ruleId === "R-DEADLINE";
    const january = await here.reports.get({ id });
    const june = Date.parse("2025-06-01T02:00:00Z");
    const inJune = await world.call(world.inB.editor, { now: () => june }).reports.get({ id });
    // Past 1月31日 the deadline finding says so: not January's kept answer.
    expect(inJune.findings.filter(deadline)).not.toEqual(january.findings.filter(deadline));
    const fresh = createCaller(
      createContextInner({ db: other, actor: world.inB.editor, config: { passwordHashing: FAST_HASHING, now: () => june } }),
    );
    expect(inJune).toEqual(await fresh.reports.get({ id }));
    expect(await here.reports.get({ id })).toEqual(january);
  });
});
