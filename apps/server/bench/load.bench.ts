/**
 * Load test of the API over loopback: the main procedures through the real server (Fastify + tRPC +
 * token auth + the database) against a baseline measured in the same run on the same server — a
 * signed-in tRPC query that answers the very same bytes from memory (baseline.ts). The ratio is what
 * the procedure's own work leaves of the server's speed; figures of a shared machine drift, ratios
 * measured side by side much less. Each read and its baseline are warmed up unmeasured, then measured
 * in alternating rounds for BENCH_SECONDS in all each.
 *
 * Reads are driven by autocannon. Saves (`reports.update`) need the revision each save returns, so ten
 * clients each save their own draft in a loop, and the baseline is driven by the same loop.
 * SQLite always; PostgreSQL when NIANBAO_TEST_PG_URL (or a postgres DATABASE_URL) is set.
 *
 *   pnpm bench load
 */
import { performance } from "node:perf_hooks";
import { actorFromUser, createCaller, createContextInner } from "@nianbao/api";
import { workingYear } from "@nianbao/core";
import { type Dialect, findUserForLogin, listReports, listSubtree } from "@nianbao/db";
import { createTestDb } from "@nianbao/db/testing";
import { seedDemo } from "@nianbao/demo";
import autocannon from "autocannon";
import { listen, testServer } from "../src/test-support/listen";
import { baselinePath, mountBaseline } from "./baseline";
import { benchEnv } from "./env";

const CONNECTIONS = 10;
/** The demo's clock, and the years it makes of it: last year's reports are published, this one's in every state. */
const NOW = Date.now();
const WORKING_YEAR = workingYear(NOW);
const PUBLISHED_YEAR = WORKING_YEAR - 1;
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function hammer(url: string, headers: Record<string, string>, seconds: number): Promise<Measure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Rounds of one measure: their mean rate and latencies (each round is as long as the others), their errors summed. */
function combine(rounds: Measure[]): Measure {
  const mean = (pick: (m: Measure) => number) => Math.round((rounds.reduce((sum, m) => sum + pick(m), 0) / rounds.length) * 10) / 10;
  return {
    rps: mean((m) => m.rps),
    p50: mean((m) => m.p50),
    p99: mean((m) => m.p99),
    errors: rounds.reduce((sum, m) => sum + m.errors, 0),
  };
}

/**
 * A read and its baseline, side by side. Both are first run unmeasured (BENCH_WARMUP seconds), so
 * that neither is measured while V8 is still compiling its code; then ROUNDS rounds alternate the
 * two, so that a change in the machine's load during the run falls on both alike.
 */
const ROUNDS = 2;
async function sideBySide(api: string, baseline: string, headers: Record<string, string>) {
  await hammer(api, headers, benchEnv.warmup);
  await hammer(baseline, headers, benchEnv.warmup);
  const apiRounds: Measure[] = [];
  const baselineRounds: Measure[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    apiRounds.push(await hammer(api, headers, benchEnv.seconds / ROUNDS));
    baselineRounds.push(await hammer(baseline, headers, benchEnv.seconds / ROUNDS));
  }
  return { api: combine(apiRounds), baseline: combine(baselineRounds) };
}

/** CONNECTIONS clients, each sending its next request when the last is answered, for BENCH_SECONDS. */
async function loop(send: (client: number) => Promise<boolean>): Promise<Measure> {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + benchEnv.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, client) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        if (!(await send(client))) errors++;
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! * 10) / 10;
  return { rps: times.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

async function run(dialect: Dialect) {
  const test = await createTestDb(dialect, dialect === "postgres" ? { pgUrl: benchEnv.pgUrl! } : {});
  try {
    await seedDemo(test.db, { adminPassword: "bench-password-1", passwordHashing: FAST, now: NOW });
    const admin = (await findUserForLogin(test.db, "admin"))!;
    const caller = createCaller(createContextInner({ db: test.db, actor: actorFromUser(admin, null) }));
    const { token } = await caller.tokens.create({ orgId: admin.orgId, name: "bench", role: "editor" });
    const target = (await listReports(test.db, { scopePath: admin.orgPath, year: PUBLISHED_YEAR })).find(
      (r) => r.orgKind === "department",
    )!;
    // One draft per client for the saves: the report after the working year's, of ten departments.
    const departments = (await listSubtree(test.db, admin.orgPath)).filter((o) => o.kind === "department").slice(0, CONNECTIONS);
    const drafts = [];
    for (const org of departments) drafts.push((await caller.reports.create({ orgId: org.id, year: WORKING_YEAR + 1 })).report.id);

    // The per-token rate limit is off: it would answer 429 after the first burst, and this measures the
    // server's own work (the limit's cost is one map lookup, tested in rate-limit.test.ts).
    const rateLimit = { perMinute: 0, burst: 0 };
    const app = await testServer(test.db, { rateLimit });
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

    // Each draft's state, advanced by every save; the save alternates one text so that revisions differ.
    const state = await Promise.all(
      drafts.map(async (id) => {
        const { revision, document } = await caller.reports.get({ id });
        return { id, revision: revision.revisionNo, document, saves: 0 };
      }),
    );
    const save = async (client: number): Promise<{ ok: boolean; text: string }> => {
      const draft = state[client]!;
      const document = { ...draft.document, sections: { ...draft.document.sections, other: `第${++draft.saves}次保存` } };
      const response = await fetch(`${base}/trpc/reports.update`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ id: draft.id, baseRevision: draft.revision, document }),
      });
      const text = await response.text();
      if (response.ok) draft.revision = (JSON.parse(text) as { result: { data: { revision: number } } }).result.data.revision;
      return { ok: response.ok, text };
    };

    // The baseline answers each procedure's data; check that its bytes are the procedure's.
    const bytes = new Map<string, number>();
    const same = async (name: string, real: string) => {
      answers.set(name, (JSON.parse(real) as { result: { data: unknown } }).result.data);
      const echoed = await (await fetch(`${base}${baselinePath(name)}`, { headers })).text();
      if (echoed !== real) throw new Error(`${name}: the baseline's answer differs from the procedure's`);
      bytes.set(name, Buffer.byteLength(real));
    };
    for (const [name, path] of Object.entries(reads)) {
      const response = await fetch(`${base}${path}`, { headers });
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      await same(name, await response.text());
    }
    const firstSave = await save(0);
    if (!firstSave.ok) throw new Error(`reports.update: ${firstSave.text}`);
    await same("reports.update", firstSave.text);

    const rows = [];
    for (const [name, path] of Object.entries(reads)) {
      const { api, baseline } = await sideBySide(`${base}${path}`, `${base}${baselinePath(name)}`, headers);
      rows.push({ dialect, name, bytes: bytes.get(name)!, api, baseline });
    }
    const api = await loop(async (client) => (await save(client)).ok);
    const baseline = await loop(async () => {
      const response = await fetch(`${base}${baselinePath("reports.update")}`, { headers });
      await response.arrayBuffer();
      return response.ok;
    });
    rows.push({ dialect, name: "reports.update", bytes: bytes.get("reports.update")!, api, baseline });
    await app.close();
    return rows;
  } finally {
    await test.drop();
  }
}

const dialects: Dialect[] = benchEnv.pgUrl ? ["sqlite", "postgres"] : ["sqlite"];
const all = [];
for (const dialect of dialects) all.push(...(await run(dialect)));

const pad = (value: string | number, width: number) => String(value).padStart(width);
const lines = [
  `API vs a signed-in tRPC query answering the same bytes from memory, same server, loopback, ${CONNECTIONS} connections, ${benchEnv.seconds} s each`,
  `(req/s = mean; p50 and p99 in ms; reports.update: ${CONNECTIONS} clients each saving its own draft, the baseline driven by the same clients)`,
  `${"database".padEnd(9)}${"procedure".padEnd(16)}${pad("bytes", 7)}${pad("api req/s", 11)}${pad("p50", 7)}${pad("p99", 7)}${pad("base req/s", 12)}${pad("p50", 7)}${pad("p99", 7)}${pad("api/base", 10)}${pad("errors", 8)}`,
  ...all.map(
    (r) =>
      `${r.dialect.padEnd(9)}${r.name.padEnd(16)}${pad(r.bytes, 7)}${pad(Math.round(r.api.rps), 11)}${pad(r.api.p50, 7)}${pad(r.api.p99, 7)}${pad(Math.round(r.baseline.rps), 12)}${pad(r.baseline.p50, 7)}${pad(r.baseline.p99, 7)}${pad(`${((r.api.rps / r.baseline.rps) * 100).toFixed(1)}%`, 10)}${pad(r.api.errors + r.baseline.errors, 8)}`,
  ),
  ...(benchEnv.pgUrl ? [] : ["(PostgreSQL skipped: set NIANBAO_TEST_PG_URL to include it)"]),
];
process.stdout.write(`${lines.join("\n")}\n`);
// A figure measured over failed requests means nothing: say so and fail the run.
if (all.some((r) => r.api.errors + r.baseline.errors > 0)) {
  process.stderr.write("some requests failed (errors column): the figures above are not valid\n");
  process.exitCode = 1;
}
