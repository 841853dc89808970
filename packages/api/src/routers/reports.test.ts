/**
 * The report workflow through the router (createCaller) on a real database: SQLite always,
 * PostgreSQL when NIANBAO_TEST_PG_URL is set.
 */
import { getCell } from "@nianbao/core";
import { getReport, listRevisions } from "@nianbao/db";
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { suiteDb } from "@nianbao/db/testing/suite";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { createWorld, errorOf, explainAll, filledDocument, publishReport, type World } from "../test-support/world";

describe.each(TEST_DIALECTS)("reports on $dialect", ({ dialect, enabled }) => {
  const test = suiteDb(dialect, enabled);
  let world: World;
  beforeAll(async () => {
    if (!enabled) return;
    world = await createWorld(test.db);
  });

  it.skipIf(!enabled)("runs a report from draft to published and keeps every revision", async () => {
    const id = await publishReport(world, "a", 2023, "2024-01-20");
    const viewer = world.call(world.inA.viewer);
    const got = await viewer.reports.get({ id });
    expect(got.report.status).toBe("published");
    expect(got.report.publishedRevision).toBe(3);
    expect(got.document.publishedAt).toBe("2024-01-20");
    expect(got.actions).toEqual([]);
    const history = await viewer.reports.history({ id });
    expect(history.revisions.map((r) => r.source)).toEqual(["create", "edit", "publish"]);
    expect(history.events.map((e) => e.action)).toEqual(["submit", "review", "sign", "publish"]);
    const diff = await viewer.reports.diff({ id, from: 2, to: 3 });
    expect(diff.changes).toEqual([{ kind: "field", id: "publishedAt", label: "publishedAt", before: null, after: "2024-01-20" }]);
    const open = await world.call(null).openData.get({ id });
    expect(open.document.tables).toEqual((await viewer.reports.get({ id, revision: 2 })).document.tables);
  });

  it.skipIf(!enabled)("pre-fills 上年结转 from last year's 结转下年度继续办理", async () => {
    const lastYear = await world.call(world.inB.viewer).reports.list({ orgId: world.b.id, year: 2023 });
    const previousId = lastYear[0]?.id ?? (await publishReport(world, "b", 2023));
    const previous = await world.call(world.inB.viewer).reports.get({ id: previousId });
    const created = await world.call(world.inB.editor).reports.create({ orgId: world.b.id, year: 2024 });
    const draft = await world.call(world.inB.editor).reports.get({ id: created.report.id });
    expect(getCell(draft.document, "applications.carriedOver.natural")).toBe(
      getCell(previous.document, "applications.carriedForward.natural"),
    );
    expect(getCell(draft.document, "applications.carriedOver.total")).toBe(getCell(previous.document, "applications.carriedForward.total"));
    expect(getCell(draft.document, "applications.newReceived.natural")).toBeNull();
  });

  it.skipIf(!enabled)("refuses submission while errors remain or warnings are unexplained", async () => {
    const editor = world.call(world.inA.editor);
    const { report } = await editor.reports.create({ orgId: world.a.id, year: 2022 });
    const broken = filledDocument(world.a, 2022);
    const received = broken.tables.applications.newReceived as Record<string, number>;
    received.total = (received.total ?? 0) + 5;
    await editor.reports.update({ id: report.id, baseRevision: 1, document: broken });
    const refused = await errorOf(editor.reports.submit({ id: report.id, revision: 2 }));
    expect(refused?.code).toBe("PRECONDITION_FAILED");
    const findings = (refused?.cause as { details: { findings: { ruleId: string; cells: string[] }[] } }).details.findings;
    expect(findings.some((f) => f.cells.includes("applications.newReceived.total"))).toBe(true);

    await editor.reports.update({ id: report.id, baseRevision: 2, document: filledDocument(world.a, 2022) });
    const { findings: now } = await editor.reports.validate({ id: report.id });
    const warnings = now.filter((f) => f.severity === "warning");
    if (warnings.length) {
      expect((await errorOf(editor.reports.submit({ id: report.id, revision: 3 })))?.code).toBe("PRECONDITION_FAILED");
    }
    await explainAll(world, world.inA.editor, report.id);
    const submitted = await editor.reports.submit({ id: report.id, revision: 3 });
    expect(submitted.status).toBe("submitted");
    expect((await errorOf(editor.reports.update({ id: report.id, baseRevision: 3, document: filledDocument(world.a, 2022) })))?.code).toBe(
      "PRECONDITION_FAILED",
    );
  });

  it.skipIf(!enabled)("returns with a comment, and a return without one is BAD_REQUEST", async () => {
    const editor = world.call(world.inA.editor);
    const { report } = await editor.reports.create({ orgId: world.a.id, year: 2021 });
    await editor.reports.update({ id: report.id, baseRevision: 1, document: filledDocument(world.a, 2021) });
    await explainAll(world, world.inA.editor, report.id);
    await editor.reports.submit({ id: report.id, revision: 2 });
    const reviewer = world.call(world.inA.reviewer);
    expect((await errorOf(reviewer.reports.return({ id: report.id, revision: 2 })))?.code).toBe("BAD_REQUEST");
    const back = await reviewer.reports.return({ id: report.id, revision: 2, comment: "请核实第三部分数据" });
    expect(back.status).toBe("draft");
    const history = await reviewer.reports.history({ id: report.id });
    expect(history.events.at(-1)).toMatchObject({
      action: "return",
      comment: "请核实第三部分数据",
      fromStatus: "submitted",
      toStatus: "draft",
    });
  });

  it.skipIf(!enabled)("answers CONFLICT to a stale revision and loses no acknowledged write under concurrency", async () => {
    const editor = world.call(world.inB.editor);
    const { report } = await editor.reports.create({ orgId: world.b.id, year: 2020 });
    const doc = (text: string) => ({
      ...filledDocument(world.b, 2020),
      sections: { ...filledDocument(world.b, 2020).sections, problems: text },
    });
    await editor.reports.update({ id: report.id, baseRevision: 1, document: doc("第一次") });
    const stale = await errorOf(editor.reports.update({ id: report.id, baseRevision: 1, document: doc("过时") }));
    expect(stale?.code).toBe("CONFLICT");

    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        errorOf(
          world
            .call(i % 2 ? world.inB.editor : world.inB.admin)
            .reports.update({ id: report.id, baseRevision: 2, document: doc(`并发${i}`) }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes.filter((o) => o?.code === "CONFLICT")).toHaveLength(5);
    const revisions = await listRevisions(world.db, report.id);
    expect(revisions.map((r) => r.revisionNo)).toEqual([1, 2, 3]);
    const winner = outcomes.findIndex((o) => o === null);
    expect((await editor.reports.get({ id: report.id })).document.sections.problems).toBe(`并发${winner}`);
  });

  it.skipIf(!enabled)("rejects a malformed cell with BAD_REQUEST naming the cell and keeps what was saved", async () => {
    const editor = world.call(world.inA.editor);
    const { report } = await editor.reports.create({ orgId: world.a.id, year: 2019 });
    await editor.reports.update({ id: report.id, baseRevision: 1, document: filledDocument(world.a, 2019) });
    const bad = filledDocument(world.a, 2019) as unknown as { tables: { applications: { newReceived: Record<string, unknown> } } };
    bad.tables.applications.newReceived.natural = -3;
    const error = await errorOf(editor.reports.update({ id: report.id, baseRevision: 2, document: bad as never }));
    expect(error?.code).toBe("BAD_REQUEST");
    expect(error?.cause).toBeInstanceOf(z.ZodError);
    expect((error?.cause as z.ZodError).issues.map((i) => i.path.join("."))).toContain("document.tables.applications.newReceived.natural");
    const wrongYear = await errorOf(editor.reports.update({ id: report.id, baseRevision: 2, document: filledDocument(world.a, 2018) }));
    expect(wrongYear?.code).toBe("BAD_REQUEST");
    expect((wrongYear?.cause as { details: { field: string } }).details.field).toBe("document.year");
    expect((await getReport(world.db, report.id)).currentRevision).toBe(2);
    expect((await editor.reports.get({ id: report.id })).document.tables).toEqual(filledDocument(world.a, 2019).tables);
  });

  it.skipIf(!enabled)("corrects a published report with a public 更正说明 and keeps the old publication readable", async () => {
    const id = await publishReport(world, "b", 2022, "2023-01-25");
    const editor = world.call(world.inB.editor);
    expect((await errorOf(editor.reports.correct({ id, revision: 3 })))?.code).toBe("BAD_REQUEST");
    const corrected = await editor.reports.correct({ id, revision: 3, comment: "更正表三自然人申请数" });
    expect(corrected.status).toBe("draft");
    expect(corrected.publishedRevision).toBe(3);
    const current = await editor.reports.get({ id });
    await editor.reports.update({
      id,
      baseRevision: 3,
      document: { ...current.document, sections: { ...current.document.sections, other: "已更正。" } },
    });
    await explainAll(world, world.inB.editor, id);
    await editor.reports.submit({ id, revision: 4 });
    await world.call(world.inB.reviewer).reports.review({ id, revision: 4 });
    await world.call(world.inB.signer).reports.sign({ id, revision: 4 });
    await world.call(world.inB.admin).reports.publish({ id, revision: 4 });
    const open = await world.call(null).openData.get({ id });
    expect(open.revision).toBe(4);
    expect(open.changeNote).toBe("更正表三自然人申请数");
    expect(open.document.sections.other).toBe("已更正。");
    expect(open.publications.map((p) => p.revisionNo)).toEqual([3, 4]);
    const old = await world.call(null).openData.get({ id, revision: 3 });
    expect(old.document.sections.other).not.toBe("已更正。");
    expect((await errorOf(world.call(null).openData.get({ id, revision: 2 })))?.code).toBe("NOT_FOUND");
  });

  it.skipIf(!enabled)("rolls up approved reports cell by cell with their contributors and reconciles the government's own", async () => {
    const year = 2017;
    const ids = [await publishReport(world, "a", year), await publishReport(world, "b", year)];
    const docs = await Promise.all(ids.map(async (id) => (await world.call(world.districtAdmin).reports.get({ id })).document));
    const rollup = await world.call(world.districtAdmin).aggregate.get({ orgId: world.district.id, year });
    expect(rollup.inputs.map((i) => i.orgId).sort()).toEqual([world.a.id, world.b.id].sort());
    const id = "applications.newReceived.total";
    expect(rollup.cells[id]!.value).toBe((getCell(docs[0]!, id) as number) + (getCell(docs[1]!, id) as number));
    expect(rollup.cells[id]!.contributors.length).toBe(docs.filter((d) => (getCell(d, id) as number) > 0).length);
    expect(rollup.reconciliation).toBeNull();
    const own = await world.call(world.districtAdmin).reports.create({ orgId: world.district.id, year });
    await world
      .call(world.districtAdmin)
      .reports.update({ id: own.report.id, baseRevision: 1, document: { ...rollup.report!, publishedAt: null } });
    const again = await world.call(world.districtAdmin).aggregate.get({ orgId: world.district.id, year });
    expect(again.reconciliation?.differences).toEqual([]);
    // A department's roll-up does not reach its sibling.
    expect((await errorOf(world.call(world.inA.admin).aggregate.get({ orgId: world.district.id, year })))?.code).toBe("FORBIDDEN");
  });

  it.skipIf(!enabled)("shows progress with deadlines and who is late", async () => {
    const year = 2016;
    await publishReport(world, "a", year, `${year + 1}-01-30`);
    await publishReport(world, "b", year, `${year + 1}-02-03`);
    const progress = await world.call(world.districtAdmin).stats.progress({ orgId: world.district.id, year });
    const row = (orgId: string) => progress.rows.find((r) => r.orgId === orgId)!;
    expect(row(world.a.id)).toMatchObject({ status: "published", deadline: `${year + 1}-01-31`, late: false });
    expect(row(world.b.id)).toMatchObject({ status: "published", late: true, daysLate: 3 });
    expect(row(world.district.id)).toMatchObject({ status: null, deadline: `${year + 1}-03-31`, late: true });
  });

  it.skipIf(!enabled)("gives each progress row the steps the caller may take, exactly as reports.get does", async () => {
    const year = 2013;
    const { report } = await world.call(world.inA.editor).reports.create({ orgId: world.a.id, year });
    for (const actor of [world.inA.editor, world.inA.reviewer, world.districtAdmin]) {
      const progress = await world.call(actor).stats.progress({ orgId: world.a.id, year });
      const row = progress.rows.find((r) => r.reportId === report.id)!;
      expect(row.actions).toEqual((await world.call(actor).reports.get({ id: report.id })).actions);
    }
    expect(
      (await world.call(world.inA.editor).stats.progress({ orgId: world.a.id, year })).rows.find((r) => r.reportId === report.id)!.actions,
    ).toContain("submit");
    const empty = await world.call(world.districtAdmin).stats.progress({ orgId: world.district.id, year });
    expect(empty.rows.find((r) => r.orgId === world.b.id)).toMatchObject({ reportId: null, actions: [] });
  });

  it.skipIf(!enabled)("imports a report file into a draft with findings, and refuses a file that is not a report", async () => {
    const doc = filledDocument(world.a, 2015);
    const data = Buffer.from(JSON.stringify(doc)).toString("base64");
    const imported = await world.call(world.inA.editor).reports.import({ orgId: world.a.id, filename: "report.json", data });
    expect(imported.report.year).toBe(2015);
    expect(imported.report.status).toBe("draft");
    const saved = await world.call(world.inA.editor).reports.get({ id: imported.report.id });
    expect(saved.document.tables).toEqual(doc.tables);
    const notReport = await errorOf(
      world.call(world.inA.editor).reports.import({
        orgId: world.a.id,
        filename: "x.png",
        data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]).toString("base64"),
      }),
    );
    expect(notReport?.code).toBe("BAD_REQUEST");
    const again = await errorOf(world.call(world.inA.editor).reports.import({ orgId: world.a.id, filename: "report.json", data }));
    expect(again?.code).toBe("CONFLICT");
  });

  it.skipIf(!enabled)("exports a report in every format", async () => {
    const list = await world.call(world.inA.viewer).reports.list({ orgId: world.a.id, year: 2023 });
    for (const format of ["docx", "html", "xlsx", "md", "csv", "json"] as const) {
      const file = await world.call(world.inA.viewer).reports.export({ id: list[0]!.id, format });
      expect(file.filename.endsWith(`.${format}`)).toBe(true);
      expect(Buffer.from(file.data, "base64").length).toBeGreaterThan(100);
    }
  });

  it.skipIf(!enabled)("records changes in the audit log with who and from where", async () => {
    const entries = await world.call(world.districtAdmin).audit.list({ orgId: world.district.id, limit: 500 });
    const publish = entries.find((e) => e.action === "report.publish");
    expect(publish).toMatchObject({ actorKind: "user", ip: "203.0.113.7" });
    expect(entries.some((e) => e.action === "report.update")).toBe(true);
    const deptOnly = await world.call(world.inA.admin).audit.list({ limit: 500 });
    expect(deptOnly.every((e) => e.orgId === world.a.id)).toBe(true);
  });
});
