/**
 * `nianbao aggregate -` on 100,000 reports of NDJSON, end to end: a new process, the file piped to
 * its standard input, the roll-up printed as JSON. The baseline, in the same run, is a process that
 * only reads the same file line by line and parses each line (the floor for any streaming reader).
 * The command streams, so its resident memory stays near the baseline's however many reports come.
 * It is measured twice: as installed (bin/nianbao.js running the bundle, built first by this run) and
 * from the TypeScript sources through tsx (what `pnpm nianbao` runs), whose start-up costs more.
 *
 *   pnpm bench aggregate.bench        (BENCH_REPORTS=… to change the count)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sampleReport } from "@nianbao/core/testing";

const TIME = "/usr/bin/time";
const HAS_TIME = existsSync(TIME);
const REPORTS = Number(process.env.BENCH_REPORTS || 100_000);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const dir = mkdtempSync(join(tmpdir(), "nianbao-aggregate-bench-"));
const input = join(dir, "reports.ndjson");

const pool = Array.from({ length: 500 }, (_, i) => JSON.stringify(sampleReport({ seed: i + 1, year: 2024 })));
const out = createWriteStream(input);
for (let i = 0; i < REPORTS; i++)
  if (!out.write(`${pool[i % pool.length]}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
await new Promise<void>((r) => out.end(() => r()));

/** Wall time and peak resident memory of a child process reading the file on its standard input. */
function measure(args: string[]): { seconds: number; maxRssMb: number; status: number | null } {
  const fd = openSync(input, "r");
  const started = performance.now();
  // GNU time reports the peak resident set; without it the memory column is empty.
  const result = HAS_TIME
    ? spawnSync(TIME, ["-f", "%M", process.execPath, ...args], { cwd: root, stdio: [fd, "ignore", "pipe"], encoding: "utf8" })
    : spawnSync(process.execPath, args, { cwd: root, stdio: [fd, "ignore", "pipe"], encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  closeSync(fd);
  const kb = HAS_TIME ? Number(result.stderr.trim().split("\n").at(-1)) : Number.NaN;
  return { seconds, maxRssMb: kb / 1024, status: result.status };
}

const readerFile = join(dir, "reader.mjs");
writeFileSync(
  readerFile,
  `import { createInterface } from "node:readline";\nlet n = 0;\nfor await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) if (line) { JSON.parse(line); n++; }\nprocess.stdout.write(String(n));\n`,
);
const build = spawnSync(process.execPath, [join(root, "packages/cli/scripts/build.mjs")], { cwd: root, encoding: "utf8" });
if (build.status !== 0) throw new Error(`the bundle did not build: ${build.stderr}`);
const baseline = measure([readerFile]);
const bundled = measure([join(root, "packages/cli/bin/nianbao.js"), "aggregate", "-", "--json"]);
const sources = measure(["--import", "tsx", join(root, "packages/cli/src/bin.ts"), "aggregate", "-", "--json"]);
rmSync(dir, { recursive: true, force: true });

const row = (name: string, m: { seconds: number; maxRssMb: number; status: number | null }) =>
  `${name.padEnd(48)}${m.seconds.toFixed(2).padStart(8)} s${m.maxRssMb.toFixed(0).padStart(8)} MB` +
  `${(m.seconds / baseline.seconds).toFixed(2).padStart(8)}× the baseline${m.status === 0 || m.status === 1 ? "" : ` (exit ${m.status})`}`;
process.stdout.write(
  [
    `nianbao aggregate, ${REPORTS.toLocaleString("en")} reports of NDJSON on standard input (wall time, peak RSS)`,
    row("nianbao aggregate - --json (bin, bundle)", bundled),
    row("the same from sources through tsx", sources),
    row("baseline: read and JSON.parse each line", baseline),
  ].join("\n"),
);
process.stdout.write("\n");
