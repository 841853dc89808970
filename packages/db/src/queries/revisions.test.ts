/**
 * Revisions on both dialects: every save is kept, a stale base is a CONFLICT, and concurrent saves of
 * the same base never both succeed — on PostgreSQL also through two separate connection pools, as two
 * server instances would be.
 */
import { sampleReport } from "@nianbao/core/testing";
import { suiteDb } from "../testing/suite";
import { describe, expect, it } from "vitest";
import { createDb, type Database } from "../client";
import { SYSTEM_AUDIT } from "../domain";
import { DomainError } from "../errors";
import { createOrganisation } from "./organisations";
import { createReport, getReport, getRevision, listRevisions, saveRevision, transitionReport } from "./reports";
import { createUser } from "./users";
import { TEST_DIALECTS } from "../testing/index";

const summary = { error: 0, warning: 0, info: 0 };

async function setup(db: Database, year: number) {
  const org = await createOrganisation(db, { parentId: null, name: `测试局${year}`, kind: "department" }, SYSTEM_AUDIT);
  const user = await createUser(
    db,
    { orgId: org.id, username: `u${year}`, displayName: "编辑", role: "editor", passwordHash: "x" },
    SYSTEM_AUDIT,
  );
  const document = sampleReport({ seed: year, year, agencyName: org.name });
  const report = await createReport(
    db,
    { orgId: org.id, document, summary, authorId: user.id, tokenId: null, source: "create", note: null },
    SYSTEM_AUDIT,
  );
  return { org, user, report, document };
}

function save(db: Database, reportId: string, authorId: string, baseRevision: number, overview: string, year: number) {
  const document = sampleReport({ seed: 1, year, agencyName: "x" });
  document.sections.overview = overview;
  return saveRevision(db, { reportId, baseRevision, document, summary, authorId, tokenId: null, source: "edit", note: null }, SYSTEM_AUDIT);
}

async function conflictOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.kind;
    throw error;
  }
}

describe.each(TEST_DIALECTS)("revisions on $dialect", ({ dialect, enabled }) => {
  const test = suiteDb(dialect, enabled);

  it.skipIf(!enabled)("keeps every revision and refuses a stale base", async () => {
    const { report, user } = await setup(test.db, 2021);
    await save(test.db, report.id, user.id, 1, "第二版", 2021);
    await save(test.db, report.id, user.id, 2, "第三版", 2021);
    expect(await conflictOf(save(test.db, report.id, user.id, 2, "过时的编辑", 2021))).toBe("CONFLICT");
    const revisions = await listRevisions(test.db, report.id);
    expect(revisions.map((r) => [r.revisionNo, r.baseRevision])).toEqual([
      [1, null],
      [2, 1],
      [3, 2],
    ]);
    expect((await getRevision(test.db, report.id, 2)).document.sections.overview).toBe("第二版");
    expect((await getRevision(test.db, report.id, 3)).document.sections.overview).toBe("第三版");
    expect((await getReport(test.db, report.id)).currentRevision).toBe(3);
  });

  it.skipIf(!enabled)("a revision read twice is the same stored one, and frozen against changes in place", async () => {
    const { report, user, document } = await setup(test.db, 2025);
    const first = await getRevision(test.db, report.id, 1);
    // The stored document is kept; the author's name around it is read each time (it can change).
    expect((await getRevision(test.db, report.id, 1)).document).toBe(first.document);
    expect(await getRevision(test.db, report.id, 1)).toEqual(first);
    expect(first.document.tables).toEqual(document.tables);
    expect(() => {
      (first.document.sections as { overview: string }).overview = "改动";
    }).toThrow(TypeError);
    // A new revision is a new key: nothing stale is served.
    await save(test.db, report.id, user.id, 1, "第二版", 2025);
    expect((await getRevision(test.db, report.id, 2)).document.sections.overview).toBe("第二版");
    expect((await getRevision(test.db, report.id, 1)).document.sections.overview).toBe(document.sections.overview);
  });

  it.skipIf(!enabled)("lets exactly one of many concurrent saves of the same base win", async () => {
    const { report, user } = await setup(test.db, 2022);
    const attempts = Array.from({ length: 8 }, (_, i) => conflictOf(save(test.db, report.id, user.id, 1, `并发${i}`, 2022)));
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(7);
    const winner = outcomes.indexOf(undefined);
    expect((await getRevision(test.db, report.id, 2)).document.sections.overview).toBe(`并发${winner}`);
    expect(await listRevisions(test.db, report.id)).toHaveLength(2);
  });

  it.skipIf(!enabled)("loses no acknowledged save when writers retry on conflict", async () => {
    const { report, user } = await setup(test.db, 2023);
    const acknowledged: string[] = [];
    const writer = async (name: string) => {
      for (;;) {
        const current = (await getReport(test.db, report.id)).currentRevision;
        const outcome = await conflictOf(save(test.db, report.id, user.id, current, name, 2023));
        if (outcome === undefined) return acknowledged.push(name);
        expect(outcome).toBe("CONFLICT");
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, i) => writer(`写入${i}`)));
    const revisions = await listRevisions(test.db, report.id);
    expect(revisions).toHaveLength(7);
    const texts = await Promise.all(
      revisions.slice(1).map(async (r) => (await getRevision(test.db, report.id, r.revisionNo)).document.sections.overview),
    );
    expect(texts.sort()).toEqual([...acknowledged].sort());
  });

  it.skipIf(!enabled)("moves the workflow only from the status and revision the actor saw", async () => {
    const { report, user } = await setup(test.db, 2024);
    const submit = () =>
      transitionReport(
        test.db,
        { reportId: report.id, action: "submit", from: "draft", to: "submitted", revision: 1, actorId: user.id, comment: null },
        SYSTEM_AUDIT,
      );
    const outcomes = await Promise.all([conflictOf(submit()), conflictOf(submit())]);
    expect(outcomes.sort()).toEqual(["CONFLICT", undefined].sort());
    expect((await getReport(test.db, report.id)).status).toBe("submitted");
    expect(await conflictOf(save(test.db, report.id, user.id, 1, "提交后修改", 2024))).toBe("PRECONDITION_FAILED");
  });

  it.skipIf(!enabled || dialect !== "postgres")("keeps one winner across two instances sharing the database", async () => {
    const { report, user } = await setup(test.db, 2020);
    const second = createDb({ url: test.url, poolSize: 4 });
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => conflictOf(save(i % 2 ? second : test.db, report.id, user.id, 1, `实例${i}`, 2020))),
      );
      expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
      expect(await listRevisions(second, report.id)).toHaveLength(2);
    } finally {
      await second.close();
    }
  });
});
