/**
 * The bytes the main read procedures answer, over real HTTP on a seeded demo, compared with
 * `read-responses.golden.txt`. The golden file was written by the code as it was before the reads were
 * made fast (caches, prepared statements, one query for the caller), so any change of shape, order,
 * finding or message in what a client receives fails here, on SQLite and on PostgreSQL alike.
 *
 * What would differ between runs is made deterministic rather than masked: row ids come from a
 * counter (the database's id function is replaced by one), and the clock advances one millisecond per
 * reading during the seed and the writes, so every timestamp and every order by time is the same on
 * each run. Nothing in a body is rewritten before comparing.
 */
import { type Dialect, findUserForLogin, listReports } from "@nianbao/db";
import { createTestDb, TEST_DIALECTS, type TestDb } from "@nianbao/db/testing";
import { actorFromUser, createCaller, createContextInner } from "@nianbao/api";
import { seedDemo } from "@nianbao/demo";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listen, testServer } from "./test-support/listen";

const ids = vi.hoisted(() => ({ next: 0 }));
vi.mock("../../../packages/db/src/queries/ids", () => ({
  newId: () => `00000000-0000-4000-8000-${String(++ids.next).padStart(12, "0")}`,
}));

const PASSWORD = "golden-secret-1";
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
/** The day the reads happen: 2025-01-20 in China, before the departments' deadline of 2024. */
const NOW = Date.parse("2025-01-20T02:00:00Z");
/** Where the seed's clock starts. */
const SEED_CLOCK = Date.parse("2025-01-05T01:00:00Z");

interface Setup {
  test: TestDb;
  app: FastifyInstance;
  base: string;
}

let open: Setup | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  if (open) {
    await open.app.close();
    await open.test.drop();
    open = null;
  }
});

async function setUp(dialect: Dialect): Promise<Setup> {
  ids.next = 0;
  let clock = SEED_CLOCK;
  vi.spyOn(Date, "now").mockImplementation(() => ++clock);
  const test = await createTestDb(dialect);
  await seedDemo(test.db, { adminPassword: PASSWORD, passwordHashing: FAST, now: NOW });
  const app = await testServer(test.db, { apiConfig: { passwordHashing: FAST, now: () => NOW } });
  open = { test, app, base: await listen(app) };
  return open;
}

describe.each(TEST_DIALECTS.filter((d) => d.enabled))("read responses on $dialect", ({ dialect }) => {
  it("are the bytes the golden file holds", async () => {
    const { test, base } = await setUp(dialect);
    const db = test.db;
    const admin = (await findUserForLogin(db, "admin"))!;
    const adminCaller = createCaller(createContextInner({ db, actor: actorFromUser(admin, null), config: { now: () => NOW } }));
    const { token } = await adminCaller.tokens.create({ orgId: admin.orgId, name: "golden", role: "viewer" });

    const cookies = new Map<string, string>();
    for (const username of ["admin", "kjj.editor", "jyj.editor"]) {
      const response = await fetch(`${base}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(response.status).toBe(200);
      cookies.set(username, response.headers.get("set-cookie")!.split(";")[0]!);
    }
    const as = (who: string): Record<string, string> =>
      who === "token" ? { authorization: `Bearer ${token}` } : who === "anonymous" ? {} : { cookie: cookies.get(who)! };

    const lines: string[] = [];
    const record = async (who: string, kind: "query" | "mutation", path: string, input: unknown, headers: Record<string, string> = {}) => {
      const response =
        kind === "query"
          ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { ...as(who), ...headers } })
          : await fetch(`${base}/trpc/${path}`, {
              method: "POST",
              headers: { "content-type": "application/json", ...as(who), ...headers },
              body: JSON.stringify(input),
            });
      const text = await response.text();
      lines.push(`${who} ${path} ${JSON.stringify(input)}${headers["accept-language"] ? " en" : ""} → ${response.status}\n${text}\n`);
      return text;
    };

    const all = await listReports(db, { scopePath: admin.orgPath });
    const byName = (name: string, year: number) => all.find((r) => r.orgName === name && r.year === year)!;
    const draft = all.find((r) => r.year === 2024 && r.status === "draft" && r.orgName.includes("教育"))!;

    // A save first (its answer and what the reads then see of it), then every read.
    const before = JSON.parse(await record("jyj.editor", "query", "reports.get", { id: draft.id })) as {
      result: { data: { document: { sections: object } } };
    };
    const document = before.result.data.document;
    await record("jyj.editor", "mutation", "reports.update", {
      id: draft.id,
      baseRevision: draft.currentRevision,
      document: { ...document, sections: { ...document.sections, other: "无其他需要报告的事项。" } },
    });
    await record("jyj.editor", "mutation", "reports.update", { id: draft.id, baseRevision: draft.currentRevision, document });

    for (const who of ["token", "admin"]) {
      await record(who, "query", "auth.me", {});
      await record(who, "query", "reports.list", {});
      await record(who, "query", "reports.list", { year: 2024 });
      await record(who, "query", "reports.list", { year: 2023, status: ["published"] });
      await record(who, "query", "stats.progress", { year: 2024 });
      await record(who, "query", "aggregate.get", { year: 2023 });
    }
    for (const report of all) await record("token", "query", "reports.get", { id: report.id });
    for (const report of all.filter((r) => r.year === 2024)) await record("admin", "query", "reports.get", { id: report.id });
    const corrected = byName("示范区教育局", 2022);
    for (let revision = 1; revision <= corrected.currentRevision; revision++) {
      await record("admin", "query", "reports.get", { id: corrected.id, revision });
    }
    await record("admin", "query", "reports.get", { id: draft.id, revision: draft.currentRevision });
    await record("admin", "query", "reports.get", { id: draft.id }, { "accept-language": "en" });
    await record("admin", "query", "reports.list", { year: 2024 }, { "accept-language": "en" });
    for (const report of [draft, corrected, byName("示范区司法局", 2024), byName("示范区科学技术局", 2024)]) {
      await record("admin", "query", "reports.validate", { id: report.id });
      await record("admin", "query", "reports.history", { id: report.id });
    }
    await record("kjj.editor", "query", "auth.me", {});
    await record("kjj.editor", "query", "reports.list", {});
    await record("kjj.editor", "query", "reports.get", { id: byName("示范区科学技术局", 2024).id });
    await record("kjj.editor", "query", "stats.progress", { year: 2024 });
    // Refusals: another department's report, no one signed in, an unknown report.
    await record("kjj.editor", "query", "reports.get", { id: draft.id });
    await record("anonymous", "query", "reports.get", { id: draft.id });
    await record("admin", "query", "reports.get", { id: "no-such-report" });

    await expect(lines.join("\n")).toMatchFileSnapshot("./read-responses.golden.txt");
  });
});
