/**
 * stats.progress of a synthetic nation's province is, row for row, what the organisations, the year's
 * reports and their publications say when read on their own (listSubtree, listReports,
 * firstPublicationDates): same order, same status and findings, the first publication's date, the
 * deadlines and lateness — including a report published, corrected and published again.
 */
import { daysUntil, deadlineFor } from "@nianbao/core";
import {
  type Database,
  firstPublicationDates,
  getRevision,
  listReports,
  listSubtree,
  saveRevision,
  SYSTEM_AUDIT,
  transitionReport,
} from "@nianbao/db";
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { describe, expect, it } from "vitest";
import { chinaToday } from "../findings";
import { type Nation, useNation } from "../test-support/nation";
import { TEST_NOW } from "../test-support/world";
import { availableActions } from "../workflow";

const YEAR = 2024;

/**
 * What progress rows must say, from the organisations, the year's reports and their publications,
 * each read on its own; the deadline, lateness and actions are checked from each row's own fields.
 */
async function expectSameAsParts(db: Database, rows: Awaited<ReturnType<Nation["call"]["stats"]["progress"]>>["rows"], scopePath: string) {
  const reports = new Map((await listReports(db, { scopePath, year: YEAR, limit: 1_000_000 })).map((r) => [r.orgId, r]));
  const published = await firstPublicationDates(db, scopePath, YEAR);
  const orgs = await listSubtree(db, scopePath);
  expect(rows.map((row) => [row.orgId, row.orgName, row.orgKind, row.parentId])).toEqual(
    orgs.map((o) => [o.id, o.name, o.kind, o.parentId]),
  );
  expect(rows.map((row) => [row.reportId, row.status, row.revision, row.findings, row.publishedOn])).toEqual(
    orgs.map((o) => {
      const r = reports.get(o.id);
      return r ? [r.id, r.status, r.currentRevision, r.summary, published.get(r.id) ?? null] : [null, null, null, null, null];
    }),
  );
  const today = chinaToday(TEST_NOW);
  for (const row of rows) {
    expect(row.deadline).toBe(deadlineFor(YEAR, row.orgKind));
    expect(row.late).toBe((row.publishedOn ?? today) > row.deadline);
    expect(row.daysLate).toBe(row.late ? daysUntil(row.publishedOn ?? today, row.deadline) : null);
    expect(row.actions).toEqual(row.status ? availableActions(row.status, "admin") : []);
  }
}

describe.each(TEST_DIALECTS)("stats.progress on $dialect", ({ dialect, enabled }) => {
  const nation = useNation(dialect, enabled, { counties: 3, provinces: 2, departmentsPerCounty: 6, year: YEAR, seed: 5 });

  it.skipIf(!enabled)("gives each organisation of the subtree its report as read on its own, in the same order", async () => {
    const province = (await listSubtree(nation.db, "/")).find((o) => o.parentId === nation.rootId)!;
    const progress = await nation.call.stats.progress({ orgId: province.id, year: YEAR });
    expect(new Set(progress.rows.map((r) => r.status)).size).toBeGreaterThan(3);
    await expectSameAsParts(nation.db, progress.rows, province.path);
    expect(progress.totals.organisations).toBe(progress.rows.length);
    expect(progress.totals.missing).toBe(progress.rows.filter((r) => !r.status).length);
  });

  it.skipIf(!enabled)("dates a report corrected and published again by its first publication", async () => {
    const reports = await listReports(nation.db, { scopePath: "/", year: YEAR, status: ["published"], limit: 1_000_000 });
    const report = reports[0]!;
    const step = (action: "correct" | "submit" | "review" | "sign" | "publish", from: string, to: string, revision: number) =>
      transitionReport(
        nation.db,
        {
          reportId: report.id,
          action,
          from: from as never,
          to: to as never,
          revision,
          actorId: nation.adminId,
          comment: action === "correct" ? "更正" : null,
          ...(action === "correct" ? { changeNote: "更正数据" } : {}),
          ...(action === "publish" ? { publication: { publishedOn: `${YEAR + 1}-06-30`, stamped: null } } : {}),
        },
        SYSTEM_AUDIT,
      );
    const first = (await firstPublicationDates(nation.db, report.orgPath, YEAR)).get(report.id);
    await step("correct", "published", "draft", report.currentRevision);
    const { document } = await getRevision(nation.db, report.id, report.currentRevision);
    const { revisionNo } = await saveRevision(
      nation.db,
      {
        reportId: report.id,
        baseRevision: report.currentRevision,
        document,
        summary: { error: 0, warning: 1, info: 2 },
        authorId: nation.adminId,
        tokenId: null,
        source: "edit",
        note: null,
      },
      SYSTEM_AUDIT,
    );
    await step("submit", "draft", "submitted", revisionNo);
    await step("review", "submitted", "reviewed", revisionNo);
    await step("sign", "reviewed", "signed", revisionNo);
    await step("publish", "signed", "published", revisionNo);

    const progress = await nation.call.stats.progress({ orgId: nation.rootId, year: YEAR });
    const row = progress.rows.find((r) => r.reportId === report.id)!;
    expect(first).toBeDefined();
    expect(row).toMatchObject({
      status: "published",
      revision: revisionNo,
      publishedOn: first,
      findings: { error: 0, warning: 1, info: 2 },
    });
    await expectSameAsParts(nation.db, progress.rows, "/");
  });
});
