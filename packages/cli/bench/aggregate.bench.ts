/**
 * `nianbao aggregate -` on 100,000 reports of NDJSON, end to end: a new process, the file piped to
 * its standard input, the roll-up printed as JSON. The baseline, in the same run, is a process that
 * only reads the same file line by line and parses each line (the floor for any streaming reader).
 * The command streams, so its resident memory stays near the baseline's however many reports come.
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
const baseline = measure([readerFile]);
const command = measure(["--import", "tsx", join(root, "packages/cli/src/bin.ts"), "aggregate", "-", "--json"]);
rmSync(dir, { recursive: true, force: true });

const row = (name: string, m: { seconds: number; maxRssMb: number }) =>
  `${name.padEnd(44)}${m.seconds.toFixed(2).padStart(8)} s${m.maxRssMb.toFixed(0).padStart(8)} MB`;
process.stdout.write(
  [
    `nianbao aggregate, ${REPORTS.toLocaleString("en")} reports of NDJSON on standard input (wall time, peak RSS)`,
    row("nianbao aggregate - --json", command),
    row("baseline: read and JSON.parse each line", baseline),
    command.status === 1 || command.status === 0 ? "" : `(the command exited ${command.status})`,
  ].join("\n"),
);
process.stdout.write("\n");
