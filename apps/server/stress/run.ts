/**
 * `pnpm test:stress`: the slow half of the attack suite (docs/RELIABILITY.md). Starts the real server
 * on loopback only, as child processes, and:
 *
 * 1. kills it with SIGKILL in the middle of a stream of saves, restarts it, and looks for every
 *    acknowledged save (SQLite, and PostgreSQL when NIANBAO_TEST_PG_URL is set);
 * 2. has many clients save the same base revision of one report at once: one winner each time;
 * 3. uploads hostile files (zip bomb, entity expansion, a 1,000-page PDF, a huge .xlsx and HTML) and
 *    measures time and server memory while the health check keeps being answered;
 * 4. loads the server for a minute and samples its memory.
 *
 * Prints the figures, exits 1 when anything failed; stops itself after STRESS_DEADLINE_S (default
 * 600). Not part of `pnpm test` (no vitest config includes this folder).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDb, pgTestUrl } from "@nianbao/db/testing";
import { hostileFiles, type HostileResult, uploadHostile } from "./hostile";
import { load } from "./load";
import { type Contention, contention, type CrashRound, crashRounds } from "./saves";
import type { RunningServer } from "./server";

const DEADLINE_S = Number(process.env.STRESS_DEADLINE_S ?? 600);
const CRASH_ROUNDS = 3;
const LOAD_SECONDS = Number(process.env.STRESS_LOAD_SECONDS ?? 60);

const failures: string[] = [];
const running = new Set<RunningServer>();
const say = (line = "") => process.stdout.write(`${line}\n`);

const deadline = setTimeout(() => {
  say(`stress: still running after ${DEADLINE_S} s; stopping`);
  for (const server of running) process.kill(server.pid, "SIGKILL");
  process.exit(1);
}, DEADLINE_S * 1000);
deadline.unref();

function table(rows: readonly (readonly (string | number)[])[]): void {
  const text = rows.map((row) => row.map(String));
  const widths = text[0]!.map((_, c) => Math.max(...text.map((row) => [...row[c]!].length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  say(line(text[0]!));
  say(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of text.slice(1)) say(line(row));
}

/** SQLite's own check of the file (better-sqlite3 is the database package's driver). */
function sqliteIntegrity(path: string): string {
  const require = createRequire(fileURLToPath(new URL("../../../packages/db/package.json", import.meta.url)));
  const Sqlite = require("better-sqlite3") as new (
    path: string,
    options: { readonly: boolean },
  ) => {
    pragma(source: string, options: { simple: true }): unknown;
    close(): void;
  };
  const db = new Sqlite(path, { readonly: true });
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}

async function onDatabase(label: string, url: string, sqlitePath: string | null): Promise<void> {
  say(`\n## ${label}: kill -9 in the middle of a stream of saves (${CRASH_ROUNDS} rounds, 4 clients)`);
  const crash = await crashRounds(url, CRASH_ROUNDS);
  let server = crash.server;
  running.add(server);
  table([
    ["round", "killed after", "acknowledged", "found after restart", "cut by the kill", "of those committed", "restart to ready"],
    ...crash.rounds.map((r: CrashRound) => [
      r.round,
      `${r.killedAfterMs} ms`,
      r.acknowledged,
      r.found,
      r.cut,
      r.cutButCommitted,
      `${r.restartMs} ms`,
    ]),
  ]);
  for (const r of crash.rounds) failures.push(...r.problems.map((p) => `${label} crash round ${r.round}: ${p}`));

  say(`\n## ${label}: 16 clients save the same base revision of one report, 10 times`);
  const race: Contention = await contention(server, 16, 10);
  table([
    ["clients", "rounds", "rounds with exactly one winner", "200", "409", "other"],
    [race.clients, race.rounds, race.oneWinner, race.ok, race.conflicts, race.other],
  ]);
  failures.push(...race.problems.map((p) => `${label} contention: ${p}`));

  if (sqlitePath) {
    await server.stop();
    running.delete(server);
    const integrity = sqliteIntegrity(sqlitePath);
    say(`\nintegrity_check after the crashes and the race: ${integrity}`);
    if (integrity !== "ok") failures.push(`${label}: integrity_check ${integrity}`);
    const { startServer } = await import("./server");
    server = await startServer(url);
    running.add(server);
  }
  if (label === "SQLite") await hostileAndLoad(server);
  await server.stop();
  running.delete(server);
}

async function hostileAndLoad(server: RunningServer): Promise<void> {
  say("\n## Hostile files uploaded to reports.import (limits: 30 s and 512 MiB a file, two at once)");
  const files = await hostileFiles();
  const results: HostileResult[] = await uploadHostile(server, files);
  table([
    ["file", "content", "size", "answer", "time", "server RSS before → peak → after", "slowest /healthz meanwhile", "message"],
    ...results.map((r) => [
      r.name,
      r.what,
      `${r.sizeMb.toFixed(1)} MB`,
      r.status,
      `${r.seconds.toFixed(2)} s`,
      `${r.rssBeforeMb} → ${r.peakMb} → ${r.rssAfterMb} MB`,
      `${r.healthMaxMs} ms`,
      r.message.slice(0, 70),
    ]),
  ]);
  for (const r of results) {
    if (r.status >= 500) failures.push(`${r.name}: answered ${r.status}`);
    if (r.seconds > 45) failures.push(`${r.name}: took ${r.seconds.toFixed(1)} s, beyond the 30 s import limit`);
    if (r.healthMaxMs > 2000) failures.push(`${r.name}: /healthz waited ${r.healthMaxMs} ms`);
  }

  say(`\n## ${LOAD_SECONDS} s of load: 8 clients (save, get, list, validate in turn), RSS sampled every 2 s`);
  const figures = await load(server, LOAD_SECONDS, 8);
  table([
    ["requests", "per second", "by status", "p50", "p99", "RSS first → max → last", "growth (last quarter − second quarter)"],
    [
      figures.requests,
      figures.perSecond.toFixed(0),
      Object.entries(figures.byStatus)
        .map(([s, n]) => `${s}×${n}`)
        .join(" "),
      `${figures.p50Ms.toFixed(1)} ms`,
      `${figures.p99Ms.toFixed(1)} ms`,
      `${figures.rss[0]} → ${Math.max(...figures.rss)} → ${figures.rss.at(-1)} MB`,
      `${figures.growthMb >= 0 ? "+" : ""}${figures.growthMb.toFixed(0)} MB`,
    ],
  ]);
  say(`RSS samples (MB): ${figures.rss.join(" ")}`);
  const bad = Object.entries(figures.byStatus).filter(([status]) => status !== "200");
  if (bad.length) failures.push(`load: answers other than 200: ${bad.map(([s, n]) => `${s}×${n}`).join(" ")}`);
  if (figures.growthMb > 100) failures.push(`load: resident memory grew by ${figures.growthMb.toFixed(0)} MB`);
}

const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), "nianbao-stress-"));
try {
  const sqlitePath = join(dir, "stress.sqlite");
  await onDatabase("SQLite", sqlitePath, sqlitePath);
  if (pgTestUrl) {
    // A fresh database of its own on that server, dropped afterwards.
    const test = await createTestDb("postgres");
    try {
      await onDatabase("PostgreSQL", test.url, null);
    } finally {
      await test.drop();
    }
  } else say("\nPostgreSQL: skipped (set NIANBAO_TEST_PG_URL=postgres://… to run it)");
} catch (error) {
  failures.push(`stress run stopped: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  for (const server of running) process.kill(server.pid, "SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}

say(`\nstress: ${((performance.now() - started) / 1000).toFixed(0)} s, ${failures.length ? `${failures.length} failure(s)` : "all held"}`);
for (const failure of failures) say(`  FAIL ${failure}`);
clearTimeout(deadline);
process.exit(failures.length ? 1 : 0);
