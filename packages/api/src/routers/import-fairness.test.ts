/**
 * A report imported through the API is judged fairly: a cell the importer could not place is
 * "unchecked" with a pointer to the IMPORT-* finding that says why, on every read of that revision
 * (by this server instance or another sharing the database), never "未填写". Sending the report on
 * still needs every cell. SQLite always; PostgreSQL when NIANBAO_TEST_PG_URL is set.
 */
import { createDb, type Database } from "@nianbao/db";
import { createTestDb, TEST_DIALECTS, type TestDb } from "@nianbao/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createContextInner } from "../index";
import { createWorld, errorOf, FAST_HASHING, filledDocument, TEST_NOW, type World } from "../test-support/world";

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

describe.each(TEST_DIALECTS)("an imported report judged on $dialect", ({ dialect, enabled }) => {
  let test: TestDb;
  let world: World;
  let other: Database;
  beforeAll(async () => {
    if (!enabled) return;
    test = await createTestDb(dialect);
    world = await createWorld(test.db);
    other = createDb({ url: test.url });
  });
  afterAll(async () => {
    await other?.close();
    await test?.drop();
  });
  const onOther = () =>
    createCaller(createContextInner({ db: other, actor: world.inB.editor, config: { passwordHashing: FAST_HASHING, now: () => TEST_NOW } }));

  it.skipIf(!enabled)("calls a cell the importer could not place unchecked, naming the finding, on every read of that revision", async () => {
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
      otherInstance: (await onOther().reports.get({ id })).findings,
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
  });

  it.skipIf(!enabled)("still refuses to send the report on while those cells are empty, and judges an edited revision as written", async () => {
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
  });
});
