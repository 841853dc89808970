/**
 * What `synchronous=FULL` costs on SQLite: the same stream of saves (`reports.update`, validation
 * included, each its own transaction) on one database with FULL — what nianbao runs — and, in the same
 * run, with NORMAL, which survives a process crash but may lose the last acknowledged saves on a power
 * cut. The database lives in the system's temporary folder; set BENCH_DIR to measure another disk.
 *
 *   pnpm exec tsx apps/server/bench/durability.bench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { actorFromUser, createCaller, createContextInner } from "@nianbao/api";
import { createDb, findUserForLogin, listReports } from "@nianbao/db";
import { seedDemo } from "@nianbao/demo";
import { benchEnv } from "./env";

const SAVES = benchEnv.saves;
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

type Mode = "FULL" | "NORMAL";

async function measure(mode: Mode): Promise<{ mode: Mode; savesPerSecond: number; p50: number; p99: number }> {
  const dir = mkdtempSync(join(benchEnv.dir ?? tmpdir(), "nianbao-durability-"));
  const db = createDb({ url: join(dir, "bench.sqlite") });
  try {
    await db.migrate();
    await seedDemo(db, { adminPassword: "bench-password-1", passwordHashing: FAST });
    // createDb sets FULL; the baseline turns it back to NORMAL on the same connection.
    if (mode === "NORMAL")
      await db.read(
        async ({ q }) => void (q as unknown as { $client: { pragma(s: string): unknown } }).$client.pragma("synchronous = NORMAL"),
      );
    const admin = (await findUserForLogin(db, "admin"))!;
    const caller = createCaller(createContextInner({ db, actor: actorFromUser(admin, null) }));
    const draft = (await listReports(db, { scopePath: admin.orgPath })).find((r) => r.status === "draft")!;
    const current = await caller.reports.get({ id: draft.id });
    let { document } = current;
    let base = current.revision.revisionNo;
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < SAVES; i++) {
      document = { ...document, sections: { ...document.sections, other: `第${i}次保存` } };
      const t0 = performance.now();
      base = (await caller.reports.update({ id: draft.id, baseRevision: base, document })).revision;
      times.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    return { mode, savesPerSecond: SAVES / seconds, p50: times[Math.floor(SAVES / 2)]!, p99: times[Math.floor(SAVES * 0.99)]! };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// A warm-up run first (not reported), then the two modes alternately, twice each: a drift of the machine
// shows as two different figures for the same mode.
await measure("NORMAL");
const results = [await measure("FULL"), await measure("NORMAL"), await measure("FULL"), await measure("NORMAL")];
const mean = (mode: Mode) => {
  const of = results.filter((r) => r.mode === mode);
  return of.reduce((sum, r) => sum + r.savesPerSecond, 0) / of.length;
};
const baseline = mean("NORMAL");
const pad = (value: string | number, width: number) => String(value).padStart(width);
process.stdout.write(
  [
    `SQLite saves (reports.update, ${SAVES} in a row, one transaction each): synchronous=FULL vs NORMAL in the same run`,
    `${"mode".padEnd(8)}${pad("saves/s", 10)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("vs NORMAL", 11)}`,
    ...results.map(
      (r) =>
        `${r.mode.padEnd(8)}${pad(r.savesPerSecond.toFixed(1), 10)}${pad(r.p50.toFixed(2), 9)}${pad(r.p99.toFixed(2), 9)}${pad(`${((r.savesPerSecond / baseline) * 100).toFixed(1)}%`, 11)}`,
    ),
    `mean: FULL ${mean("FULL").toFixed(1)} saves/s, NORMAL ${baseline.toFixed(1)} saves/s (FULL = ${((mean("FULL") / baseline) * 100).toFixed(1)}% of NORMAL)`,
  ].join("\n") + "\n",
);
