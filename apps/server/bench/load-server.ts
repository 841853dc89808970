/**
 * The server under test of the load benchmark, in a process of its own: load.bench.ts starts it
 * (one dialect per process), and the benchmark's clients then run in the benchmark's process. A
 * client in the server's own process would share its one thread: every response the client parses
 * and every latency it records would be time the server waits, and would count in its latency.
 *
 * It seeds the demo, signs a token, opens ten drafts for the saves, mounts the baseline, checks that
 * the baseline answers each procedure's very bytes, then tells its parent (over the IPC channel) what
 * to load — and closes everything when the parent says `stop`.
 */
import { actorFromUser, createCaller, createContextInner } from "@nianbao/api";
import { workingYear } from "@nianbao/core";
import { type Dialect, findUserForLogin, listReports, listSubtree } from "@nianbao/db";
import { createTestDb } from "@nianbao/db/testing";
import { seedDemo } from "@nianbao/demo";
import { listen, testServer } from "../src/test-support/listen";
import { baselinePath, mountBaseline } from "./baseline";
import { benchEnv } from "./env";
import { type Draft, type LoadPlan, saveDraft } from "./load-plan";

const dialect = process.argv[2] as Dialect;
const connections = Number(process.argv[3]);
const now = Number(process.argv[4]);
const WORKING_YEAR = workingYear(now);
const PUBLISHED_YEAR = WORKING_YEAR - 1;
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

const test = await createTestDb(dialect, dialect === "postgres" ? { pgUrl: benchEnv.pgUrl! } : {});
try {
  await seedDemo(test.db, { adminPassword: "bench-password-1", passwordHashing: FAST, now });
  const admin = (await findUserForLogin(test.db, "admin"))!;
  const caller = createCaller(createContextInner({ db: test.db, actor: actorFromUser(admin, null) }));
  const { token } = await caller.tokens.create({ orgId: admin.orgId, name: "bench", role: "editor" });
  const target = (await listReports(test.db, { scopePath: admin.orgPath, year: PUBLISHED_YEAR })).find((r) => r.orgKind === "department")!;
  // One draft per client for the saves: the report after the working year's, of as many departments.
  const departments = (await listSubtree(test.db, admin.orgPath)).filter((o) => o.kind === "department").slice(0, connections);
  const drafts: Draft[] = [];
  for (const org of departments) {
    const { report } = await caller.reports.create({ orgId: org.id, year: WORKING_YEAR + 1 });
    const { revision, document } = await caller.reports.get({ id: report.id });
    drafts.push({ id: report.id, revision: revision.revisionNo, document, saves: 0 });
  }

  // The per-token rate limit is off: it would answer 429 after the first burst, and this measures the
  // server's own work (the limit's cost is one map lookup, tested in rate-limit.test.ts).
  const app = await testServer(test.db, { rateLimit: { perMinute: 0, burst: 0 } });
  const answers = new Map<string, unknown>();
  await mountBaseline(app, test.db, answers);
  const base = await listen(app);
  const headers = { authorization: `Bearer ${token}` };
  const query = (procedure: string, input: unknown) => `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const reads: Record<string, string> = {
    "reports.get": query("reports.get", { id: target.id }),
    "reports.list": query("reports.list", { year: PUBLISHED_YEAR }),
    "aggregate.get": query("aggregate.get", { year: PUBLISHED_YEAR }),
    "stats.progress": query("stats.progress", { year: WORKING_YEAR }),
  };

  // The baseline answers each procedure's data; check that its bytes are the procedure's.
  const bytes: Record<string, number> = {};
  const same = async (name: string, real: string) => {
    answers.set(name, (JSON.parse(real) as { result: { data: unknown } }).result.data);
    const echoed = await (await fetch(`${base}${baselinePath(name)}`, { headers })).text();
    if (echoed !== real) throw new Error(`${name}: the baseline's answer differs from the procedure's`);
    bytes[name] = Buffer.byteLength(real);
  };
  for (const [name, path] of Object.entries(reads)) {
    const response = await fetch(`${base}${path}`, { headers });
    if (!response.ok) throw new Error(`${name}: ${response.status}`);
    await same(name, await response.text());
  }
  const firstSave = await saveDraft(base, headers, drafts[0]!);
  if (!firstSave.ok) throw new Error(`reports.update: ${firstSave.text}`);
  await same("reports.update", firstSave.text);

  const plan: LoadPlan = { base, headers, reads, drafts, bytes };
  process.send!(plan);
  await new Promise<void>((resolve) => process.on("message", (message) => message === "stop" && resolve()));
  await app.close();
} finally {
  await test.drop();
  process.disconnect?.();
}
