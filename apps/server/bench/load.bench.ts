/**
 * Load test of the API over loopback: the main procedures through the real server (Fastify + tRPC +
 * token auth + the database) against a baseline measured in the same run on the same server — a
 * signed-in tRPC query that answers the very same bytes from memory (baseline.ts). The ratio is what
 * the procedure's own work leaves of the server's speed; figures of a shared machine drift, ratios
 * measured side by side much less. Each procedure and its baseline are warmed up unmeasured, then measured
 * in alternating rounds for BENCH_SECONDS in all each.
 *
 * The server runs in a process of its own (load-server.ts), this one only sends the requests.
 * Reads are driven by autocannon. Saves (`reports.update`) need the revision each save returns, so ten
 * clients each save their own draft in a loop, and the baseline is driven by the same loop.
 * SQLite always; PostgreSQL when NIANBAO_TEST_PG_URL (or a postgres DATABASE_URL) is set.
 *
 *   pnpm bench load
 */
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { Dialect } from "@nianbao/db";
import autocannon from "autocannon";
import { baselinePath } from "./baseline";
import { benchEnv } from "./env";
import { type LoadPlan, saveDraft } from "./load-plan";

const CONNECTIONS = 10;
/** The demo's clock, given to the server under test: last year's reports are published, this one's in every state. */
const NOW = Date.now();

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

/** CONNECTIONS clients, each sending its next request when the last is answered, for `seconds`. */
async function loop(send: (client: number) => Promise<boolean>, seconds: number): Promise<Measure> {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
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
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! * 10) / 10;
  return { rps: times.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}

/** The saves and their baseline as the reads are measured: warmed up, then alternating rounds. */
async function loopsSideBySide(api: (client: number) => Promise<boolean>, baseline: (client: number) => Promise<boolean>) {
  await loop(api, benchEnv.warmup);
  await loop(baseline, benchEnv.warmup);
  const apiRounds: Measure[] = [];
  const baselineRounds: Measure[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    apiRounds.push(await loop(api, benchEnv.seconds / ROUNDS));
    baselineRounds.push(await loop(baseline, benchEnv.seconds / ROUNDS));
  }
  return { api: combine(apiRounds), baseline: combine(baselineRounds) };
}

/**
 * The server under test runs in a process of its own (load-server.ts), so that it has its thread to
 * itself, as it would behind real clients; this process is only the clients.
 */
async function startServer(dialect: Dialect): Promise<{ plan: LoadPlan; stop: () => Promise<void> }> {
  const child = fork(fileURLToPath(new URL("./load-server.ts", import.meta.url)), [dialect, String(CONNECTIONS), String(NOW)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const plan = await Promise.race([
    new Promise<LoadPlan>((resolve) => child.once("message", (message) => resolve(message as LoadPlan))),
    exited.then((code) => {
      throw new Error(`the ${dialect} server under test ended (exit ${code}) before it was ready`);
    }),
  ]);
  return {
    plan,
    stop: async () => {
      child.send("stop");
      const code = await exited;
      if (code !== 0) throw new Error(`the ${dialect} server under test ended with exit ${code}`);
    },
  };
}

async function run(dialect: Dialect) {
  const { plan, stop } = await startServer(dialect);
  const { base, headers, reads, drafts, bytes } = plan;
  const rows = [];
  for (const [name, path] of Object.entries(reads)) {
    const { api, baseline } = await sideBySide(`${base}${path}`, `${base}${baselinePath(name)}`, headers);
    rows.push({ dialect, name, bytes: bytes[name]!, api, baseline });
  }
  const { api, baseline } = await loopsSideBySide(
    async (client) => (await saveDraft(base, headers, drafts[client]!)).ok,
    async () => {
      const response = await fetch(`${base}${baselinePath("reports.update")}`, { headers });
      await response.arrayBuffer();
      return response.ok;
    },
  );
  rows.push({ dialect, name: "reports.update", bytes: bytes["reports.update"]!, api, baseline });
  // The floor under every procedure: the same server's health check (Fastify and one SQL query, no
  // tRPC, no caller). What lies between it and the baseline is the cost of any tRPC call here.
  await hammer(`${base}/healthz`, {}, benchEnv.warmup);
  const floor = await hammer(`${base}/healthz`, {}, benchEnv.seconds / ROUNDS);
  await stop();
  return { rows, floor: { dialect, ...floor } };
}

const dialects: Dialect[] = benchEnv.pgUrl ? ["sqlite", "postgres"] : ["sqlite"];
const all = [];
const floors = [];
for (const dialect of dialects) {
  const { rows, floor } = await run(dialect);
  all.push(...rows);
  floors.push(floor);
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const lines = [
  `API vs a signed-in tRPC query answering the same bytes from memory, same server, loopback, ${CONNECTIONS} connections, ${benchEnv.seconds} s each`,
  `(req/s = mean; p50 and p99 in ms; reports.update: ${CONNECTIONS} clients each saving its own draft, the baseline driven by the same clients)`,
  `${"database".padEnd(9)}${"procedure".padEnd(16)}${pad("bytes", 7)}${pad("api req/s", 11)}${pad("p50", 7)}${pad("p99", 7)}${pad("base req/s", 12)}${pad("p50", 7)}${pad("p99", 7)}${pad("api/base", 10)}${pad("errors", 8)}`,
  ...all.map(
    (r) =>
      `${r.dialect.padEnd(9)}${r.name.padEnd(16)}${pad(r.bytes, 7)}${pad(Math.round(r.api.rps), 11)}${pad(r.api.p50, 7)}${pad(r.api.p99, 7)}${pad(Math.round(r.baseline.rps), 12)}${pad(r.baseline.p50, 7)}${pad(r.baseline.p99, 7)}${pad(`${((r.api.rps / r.baseline.rps) * 100).toFixed(1)}%`, 10)}${pad(r.api.errors + r.baseline.errors, 8)}`,
  ),
  "the floor: /healthz on the same server (Fastify and one SQL query, no tRPC)",
  ...floors.map((f) => `${f.dialect.padEnd(9)}${"/healthz".padEnd(23)}${pad(Math.round(f.rps), 11)}${pad(f.p50, 7)}${pad(f.p99, 7)}`),
  ...(benchEnv.pgUrl ? [] : ["(PostgreSQL skipped: set NIANBAO_TEST_PG_URL to include it)"]),
];
process.stdout.write(`${lines.join("\n")}\n`);
// A figure measured over failed requests means nothing: say so and fail the run.
if (all.some((r) => r.api.errors + r.baseline.errors > 0) || floors.some((f) => f.errors > 0)) {
  process.stderr.write("some requests failed (errors column): the figures above are not valid\n");
  process.exitCode = 1;
}
