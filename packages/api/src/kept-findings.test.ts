/**
 * What a server instance keeps between requests (findings, revisions, prepared statements) never
 * hides a change made through another instance sharing the database: two handles on one database are
 * two instances, each with its own memory. And what a revision's findings depend on is kept with it:
 * a report imported through the API is judged fairly on every instance — a cell the importer could not
 * place is "unchecked" with a pointer to the IMPORT-* finding that says why, never "未填写" — while
 * sending the report on still needs every cell.
 */
import { createDb, type Database } from "@nianbao/db";
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { suiteDb } from "@nianbao/db/testing/suite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createContextInner } from "./index";
import { createWorld, errorOf, FAST_HASHING, filledDocument, TEST_NOW, type World } from "./test-support/world";

/** Table 四 prints twelve values for its fifteen columns: the importer cannot tell which is missing. */
const REPORT = [
  "某某区统计局2022年政府信息公开工作年度报告",
  "一、总体情况",
  "2022年，本局全年共受理政府信息公开申请1件，办结1件。",
  "四、政府信息公开行政复议、行政诉讼情况",
  "行政复议 行政诉讼",
  "0 0 0 0 0 0 0 0 0 0 0 0",
  "五、存在的主要问题及改进情况",
  "培训次数偏少。",
  "六、其他需要报告的事项",
  "本年度未收取信息处理费。",
].join("\n");

const UPHELD = "reviewLitigation.review.upheld";

interface Judged {
  ruleId: string;
  severity: string;
  outcome?: string;
  cells: string[];
  message: string;
}

/** What the findings say about table 四's first cell. */
function about(findings: readonly Judged[]): Judged[] {
  return findings.filter((f) => f.cells.includes(UPHELD));
}

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

  it.skipIf(!enabled)(
    "calls a cell the importer could not place unchecked, naming the finding, on every read of that revision",
    async () => {
      const editor = world.call(world.inB.editor);
      const data = Buffer.from(REPORT).toString("base64");
      const imported = await editor.reports.import({ orgId: world.b.id, filename: "report.txt", data });
      const id = imported.report.id;
      // The premise: the import left 四 null and said why.
      const unread = imported.importFindings.find((f) => f.cells.includes(UPHELD));
      expect(unread).toMatchObject({ ruleId: "IMPORT-VALUE-COUNT", severity: "warning" });

      const reads = {
        saved: imported.findings,
        get: (await editor.reports.get({ id })).findings,
        validate: (await editor.reports.validate({ id, revision: 1 })).findings,
        // Another instance has nothing in memory: what it says comes from the database alone.
        otherInstance: (await onOther(world.inB.editor).reports.get({ id })).findings,
      };
      for (const [read, findings] of Object.entries(reads)) {
        const said = about(findings);
        // Its presence check points at the import's finding …
        expect(said.filter((f) => f.message.includes("IMPORT-VALUE-COUNT")).length, read).toBe(1);
        // … and nothing about it accuses or fails: the identities it enters are unchecked too.
        for (const f of said) {
          expect(f, read).toMatchObject({ severity: "info", outcome: "unchecked" });
          expect(f.message, read).not.toContain("未填写");
        }
      }
    },
  );

  it.skipIf(!enabled)(
    "still refuses to send the report on while those cells are empty, and judges an edited revision as written",
    async () => {
      const editor = world.call(world.inB.editor);
      const [listed] = await editor.reports.list({ orgId: world.b.id, year: 2022 });
      const id = listed!.id;
      const refused = await errorOf(editor.reports.submit({ id, revision: 1 }));
      expect(refused?.code).toBe("PRECONDITION_FAILED");
      const blocking = (refused?.cause as { details: { findings: Judged[] } }).details.findings;
      expect(about(blocking).some((f) => f.severity === "error" && /未填写/u.test(f.message))).toBe(true);

      // The editor fills the report in: the new revision is the editor's own, judged as written.
      const filled = filledDocument(world.b, 2022);
      const saved = await editor.reports.update({ id, baseRevision: 1, document: filled });
      expect(about(saved.findings).filter((f) => f.outcome === "unchecked")).toEqual([]);
      // Revision 1 keeps its import's findings.
      const first = await editor.reports.validate({ id, revision: 1 });
      expect(about(first.findings).every((f) => f.outcome === "unchecked")).toBe(true);
    },
  );
});
