/**
 * A small synthetic nation (2 provinces): the generator's output is what it says, and aggregate.get
 * from the stored sums gives exactly what core's in-memory aggregateReports gives on the same
 * documents — values, partial sums, per-cell contributors and missing inputs, findings, the roll-up
 * document and the reconciliation — before and after workflow steps and a report with empty cells.
 */
import { aggregateReports, type ReportDocument, reconcileReports, validateReport } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import {
  countedRevision,
  createOrganisation,
  createReport,
  type Database,
  fillRollupsIfEmpty,
  getOrganisation,
  getRevision,
  listReports,
  listSubtree,
  SYSTEM_AUDIT,
  transitionReport,
} from "@nianbao/db";
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { describe, expect, it } from "vitest";
import { type Nation, useNation } from "../test-support/nation";

const YEAR = 2024;

/** The roll-up core computes from the documents, in the terms of aggregate.get (org ids for indices). */
async function expectedRollup(db: Database, orgId: string) {
  const org = await getOrganisation(db, orgId);
  // Inputs in path order: each organisation, then its subtree.
  const counting = (await listReports(db, { scopePath: org.path, year: YEAR, limit: 1_000_000 }))
    .filter((r) => r.orgId !== org.id && countedRevision(r) !== null)
    .sort((a, b) => (a.orgPath < b.orgPath ? -1 : 1));
  const docs: ReportDocument[] = [];
  for (const r of counting) docs.push((await getRevision(db, r.id, countedRevision(r)!)).document);
  const result = aggregateReports(docs, { agency: { name: org.name, kind: org.kind }, year: YEAR, lang: "zh", contributors: true });
  const orgAt = (i: number) => counting[i]!.orgId;
  const own = counting.length ? (await listReports(db, { scopePath: org.path, year: YEAR, orgId: org.id }))[0] : undefined;
  const ownRevision = own ? (countedRevision(own) ?? own.currentRevision) : null;
  return {
    inputs: counting.map((r) => r.orgId),
    report: result.report,
    findings: result.findings,
    cells: Object.fromEntries(
      Object.entries(result.cells).map(([id, c]) => [
        id,
        {
          value: c.value,
          reported: c.reported,
          partialSum: c.partialSum,
          // aggregate.get lists the first 200 and counts them all.
          contributors: (c.contributors ?? []).slice(0, 200).map(orgAt),
          contributorCount: c.contributors?.length ?? 0,
          missing: c.missingInputs.map(orgAt),
        },
      ]),
    ),
    differences:
      own && ownRevision && result.report
        ? reconcileReports(result.report, (await getRevision(db, own.id, ownRevision)).document, "zh")
        : null,
  };
}

describe.each(TEST_DIALECTS)("a synthetic nation on $dialect", ({ dialect, enabled }) => {
  const nation = useNation(dialect, enabled, { counties: 5, provinces: 2, departmentsPerCounty: 6, year: YEAR, seed: 7 });

  it.skipIf(!enabled)("fills provinces, cities, counties and departments with valid reports of two years", async () => {
    const orgs = await listSubtree(nation.db, `/${nation.rootId}/`);
    // 1 nation, 2 provinces, one city each (5 counties need no more), 5 counties with 6 departments each.
    expect(orgs.length).toBe(1 + 2 + 2 + 5 + 30);
    const reports = await listReports(nation.db, { scopePath: `/${nation.rootId}/`, limit: 1_000_000 });
    expect(reports.length).toBe(2 * (orgs.length - 1));
    expect(reports.filter((r) => r.year === YEAR - 1).every((r) => r.status === "published")).toBe(true);
    expect(new Set(reports.filter((r) => r.year === YEAR).map((r) => r.status)).size).toBeGreaterThan(2);
    for (const r of reports.slice(0, 12)) {
      const doc = (await getRevision(nation.db, r.id, r.currentRevision)).document;
      expect(doc.agency.name.endsWith(orgs.find((o) => o.id === r.orgId)!.name)).toBe(true);
      expect(validateReport(doc, { mode: "import" }).filter((f) => f.severity === "error")).toEqual([]);
    }
  });

  it.skipIf(!enabled)("rolls up the nation, a province and a county exactly as core does", async () => {
    const province = (await listSubtree(nation.db, `/${nation.rootId}/`)).find((o) => o.parentId === nation.rootId)!;
    const county = (await listSubtree(nation.db, province.path)).find((o) => o.name.endsWith("第1县人民政府"))!;
    for (const orgId of [nation.rootId, province.id, county.id]) await expectSameAsCore(orgId);
  });

  it.skipIf(!enabled)("follows workflow steps and counts a report's empty cells", async () => {
    const before = await nation.call.aggregate.get({ orgId: nation.rootId, year: YEAR });
    // A report not yet approved goes through 提交 and 审核: from then on it counts.
    const pending = (
      await listReports(nation.db, { scopePath: `/${nation.rootId}/`, year: YEAR, status: ["draft", "submitted"], limit: 1_000_000 })
    )[0]!;
    if (pending.status === "draft") {
      await transitionReport(
        nation.db,
        { reportId: pending.id, action: "submit", from: "draft", to: "submitted", revision: 1, actorId: nation.adminId, comment: null },
        SYSTEM_AUDIT,
      );
    }
    await transitionReport(
      nation.db,
      { reportId: pending.id, action: "review", from: "submitted", to: "reviewed", revision: 1, actorId: nation.adminId, comment: null },
      SYSTEM_AUDIT,
    );
    const county = (await listSubtree(nation.db, `/${nation.rootId}/`)).find((o) => o.name.endsWith("第2县人民政府"))!;
    const dept = await createOrganisation(nation.db, { parentId: county.id, name: "新设局", kind: "department" }, SYSTEM_AUDIT);
    const doc = sampleReport({ seed: 99, year: YEAR, agencyName: dept.name });
    (doc.tables as unknown as { applications: { newReceived: { natural: null } } }).applications.newReceived.natural = null;
    await createReport(
      nation.db,
      {
        orgId: dept.id,
        document: doc,
        summary: { error: 0, warning: 0, info: 0 },
        authorId: nation.adminId,
        tokenId: null,
        source: "import",
        note: null,
        status: "reviewed",
      },
      SYSTEM_AUDIT,
    );

    const after = await nation.call.aggregate.get({ orgId: nation.rootId, year: YEAR });
    expect(after.inputCount).toBe(before.inputCount + 2);
    expect(after.cells["applications.newReceived.natural"]!.value).toBeNull();
    expect(after.cells["applications.newReceived.natural"]!.missing).toContain(dept.id);
    expect(after.findings.some((f) => f.ruleId === "AGG-INCOMPLETE")).toBe(true);
    await expectSameAsCore(nation.rootId);
    await expectSameAsCore(county.id);
  });

  it.skipIf(!enabled)("moves a county's figures with it to another province", async () => {
    const orgs = await listSubtree(nation.db, `/${nation.rootId}/`);
    const [first, second] = orgs.filter((o) => o.parentId === nation.rootId);
    const cityOf = (province: typeof first) => orgs.find((o) => o.parentId === province!.id)!;
    const county = orgs.find((o) => o.parentId === cityOf(first).id && o.name.endsWith("县人民政府"))!;
    const before = (await nation.call.aggregate.get({ orgId: second!.id, year: YEAR })).inputCount;
    await nation.call.orgs.update({ orgId: county.id, parentId: cityOf(second).id });
    const after = await nation.call.aggregate.get({ orgId: second!.id, year: YEAR });
    expect(after.inputCount).toBeGreaterThan(before);
    for (const orgId of [nation.rootId, first!.id, second!.id, cityOf(first).id, cityOf(second).id]) await expectSameAsCore(orgId);
  });

  it.skipIf(!enabled)("fills empty roll-up tables from the reports a database already holds", async () => {
    const before = await nation.call.aggregate.get({ orgId: nation.rootId, year: YEAR });
    const counting = await nation.db.read(({ q, t }) => q.select({ id: t.rollupInputs.reportId }).from(t.rollupInputs));
    await nation.db.write(async ({ q, t }) => {
      await q.delete(t.rollupInputs);
      await q.delete(t.rollupSums);
    });
    expect((await nation.call.aggregate.get({ orgId: nation.rootId, year: YEAR })).inputCount).toBe(0);
    expect(await fillRollupsIfEmpty(nation.db)).toBe(counting.length);
    expect(await fillRollupsIfEmpty(nation.db)).toBe(0);
    const after = await nation.call.aggregate.get({ orgId: nation.rootId, year: YEAR });
    expect(after.inputCount).toBe(before.inputCount);
    expect(after.cells).toEqual(before.cells);
    await expectSameAsCore(nation.rootId);
  });

  const expectSameAsCore = (orgId: string) => sameAsCore(nation.call, nation.db, orgId);
});

describe.each(TEST_DIALECTS)("a synthetic nation of more bodies than a list holds, on $dialect", ({ dialect, enabled }) => {
  // 5 counties of 60 departments: about 250 counting inputs, so the nation's lists stop at 200 part-way into a county.
  const nation = useNation(dialect, enabled, { counties: 5, provinces: 2, departmentsPerCounty: 60, year: YEAR, seed: 11 });

  it.skipIf(!enabled)("lists the first 200 contributors of each cell, in input order, and counts them all", async () => {
    const got = await nation.call.aggregate.get({ orgId: nation.rootId, year: YEAR });
    expect(got.inputCount).toBeGreaterThan(200);
    const counts = Object.values(got.cells).map((c) => c.contributorCount);
    expect(counts.some((n) => n > 200)).toBe(true);
    expect(counts.some((n) => n > 0 && n < 200)).toBe(true);
    await sameAsCore(nation.call, nation.db, nation.rootId);
    const province = (await listSubtree(nation.db, `/${nation.rootId}/`)).find((o) => o.parentId === nation.rootId)!;
    await sameAsCore(nation.call, nation.db, province.id);
  });
});

async function sameAsCore(call: Nation["call"], db: Database, orgId: string) {
  const got = await call.aggregate.get({ orgId, year: YEAR });
  const want = await expectedRollup(db, orgId);
  expect(want.inputs.length).toBeGreaterThan(0);
  expect(got.inputCount).toBe(want.inputs.length);
  expect(got.inputs.map((i) => i.orgId)).toEqual(want.inputs.slice(0, 200));
  expect(got.report).toEqual(want.report);
  expect(got.findings).toEqual(want.findings);
  expect(got.cells).toEqual(want.cells);
  expect(got.reconciliation?.differences ?? null).toEqual(want.differences);
  const below = (await listSubtree(db, (await getOrganisation(db, orgId)).path)).length - 1;
  expect(got.missingCount).toBe(below - want.inputs.length);
}
