/**
 * stats.progress of a synthetic nation's province is, row for row, what the organisations, the year's
 * reports and their publications say when read on their own (listSubtree, listReports,
 * firstPublicationDates): same order, same status and findings, the first publication's date, the
 * deadlines and lateness — including a report published, corrected and published again.
 */
import { daysUntil, deadlineFor } from "@nianbao/core";
import {
  createUser,
  firstPublicationDates,
  getRevision,
  listReports,
  listSubtree,
  saveRevision,
  SYSTEM_AUDIT,
  transitionReport,
  type Database,
} from "@nianbao/db";
import { synthesizeNation } from "@nianbao/db/synth";
import { createTestDb, TEST_DIALECTS, type TestDb } from "@nianbao/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromUser } from "./accounts";
import { createCaller, createContextInner } from "../index";
import { chinaToday } from "../findings";
import { TEST_NOW } from "../test-support/world";
import { availableActions } from "../workflow";

const YEAR = 2024;

/** Progress rows from the organisations, the year's reports and their publications, each read on its own. */
async function expectedRows(db: Database, scopePath: string) {
  const today = chinaToday(TEST_NOW);
  const reports = new Map((await listReports(db, { scopePath, year: YEAR, limit: 1_000_000 })).map((r) => [r.orgId, r]));
  const published = await firstPublicationDates(db, scopePath, YEAR);
  return (await listSubtree(db, scopePath)).map((org) => {
    const report = reports.get(org.id);
    const deadline = deadlineFor(YEAR, org.kind);
    const publishedOn = report ? (published.get(report.id) ?? null) : null;
    const late = publishedOn ? publishedOn > deadline : today > deadline;
    return {
      orgId: org.id,
      orgName: org.name,
      orgKind: org.kind,
      parentId: org.parentId,
      reportId: report?.id ?? null,
      status: report?.status ?? null,
      revision: report?.currentRevision ?? null,
      findings: report?.summary ?? null,
      deadline,
      publishedOn,
      late,
      daysLate: late ? daysUntil(publishedOn ?? today, deadline) : null,
      actions: report ? availableActions(report.status, "admin") : [],
    };
  });
}

describe.each(TEST_DIALECTS)("stats.progress on $dialect", ({ dialect, enabled }) => {
  let test: TestDb;
  let call: ReturnType<typeof createCaller>;
  let rootId: string;
  let adminId: string;

  beforeAll(async () => {
    if (!enabled) return;
    test = await createTestDb(dialect);
    rootId = (await synthesizeNation(test.db, { counties: 3, provinces: 2, departmentsPerCounty: 6, year: YEAR, seed: 5 })).rootId;
    const admin = await createUser(
      test.db,
      { orgId: rootId, username: "progress-admin", displayName: "国家", role: "admin", passwordHash: "!" },
      SYSTEM_AUDIT,
    );
    adminId = admin.id;
    call = createCaller(createContextInner({ db: test.db, actor: actorFromUser(admin, null), config: { now: () => TEST_NOW } }));
  }, 120_000);
  afterAll(async () => {
    await test?.drop();
  });

  it.skipIf(!enabled)("gives each organisation of the subtree its report as read on its own, in the same order", async () => {
    const province = (await listSubtree(test.db, "/")).find((o) => o.parentId === rootId)!;
    const progress = await call.stats.progress({ orgId: province.id, year: YEAR });
    const want = await expectedRows(test.db, province.path);
    expect(new Set(want.map((r) => r.status)).size).toBeGreaterThan(3);
    expect(progress.rows).toEqual(want);
    expect(progress.totals.organisations).toBe(want.length);
    expect(progress.totals.missing).toBe(want.filter((r) => !r.status).length);
  });

  it.skipIf(!enabled)("dates a report corrected and published again by its first publication", async () => {
    const reports = await listReports(test.db, { scopePath: "/", year: YEAR, status: ["published"], limit: 1_000_000 });
    const report = reports[0]!;
    const step = (action: "correct" | "submit" | "review" | "sign" | "publish", from: string, to: string, revision: number) =>
      transitionReport(
        test.db,
        {
          reportId: report.id,
          action,
          from: from as never,
          to: to as never,
          revision,
          actorId: adminId,
          comment: action === "correct" ? "更正" : null,
          ...(action === "correct" ? { changeNote: "更正数据" } : {}),
          ...(action === "publish" ? { publication: { publishedOn: `${YEAR + 1}-06-30`, stamped: null } } : {}),
        },
        SYSTEM_AUDIT,
      );
    const first = (await firstPublicationDates(test.db, report.orgPath, YEAR)).get(report.id);
    await step("correct", "published", "draft", report.currentRevision);
    const { document } = await getRevision(test.db, report.id, report.currentRevision);
    const { revisionNo } = await saveRevision(
      test.db,
      {
        reportId: report.id,
        baseRevision: report.currentRevision,
        document,
        summary: { error: 0, warning: 1, info: 2 },
        authorId: adminId,
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

    const progress = await call.stats.progress({ orgId: rootId, year: YEAR });
    const row = progress.rows.find((r) => r.reportId === report.id)!;
    expect(first).toBeDefined();
    expect(row).toMatchObject({
      status: "published",
      revision: revisionNo,
      publishedOn: first,
      findings: { error: 0, warning: 1, info: 2 },
    });
    expect(progress.rows).toEqual(await expectedRows(test.db, "/"));
  });
});
