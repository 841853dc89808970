/**
 * Core benchmarks (run from the root with `pnpm bench`): validation against a bare zod parse of the
 * same document, and the roll-up of 10,000 and 100,000 reports against summing the same numbers
 * held in a Float64Array. Every figure has its baseline measured in the same run.
 */
import { aggregateReports, getFormat, type ReportDocument, reportDocumentSchema, validateReport } from "../src/index";
import { readCells } from "../src/rules/reading";
import { sampleReport } from "../src/testing/sample";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time (ms) of `fn` over `runs` runs, after one warm-up. */
function time(fn: () => void, runs: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Start each run from a collected heap, so a run does not pay for the garbage of the last one
    // (or of building the inputs). Needs --expose-gc; without it the figures include that noise.
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function perSecond(fn: () => void, batch: number): number {
  const ms = time(() => {
    for (let i = 0; i < batch; i++) fn();
  }, 7);
  return (batch / ms) * 1000;
}

const rows: string[][] = [];
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ------------------------------------------------------------------ validation
const full = sampleReport({ seed: 42, year: 2024, scale: 300, agencyKind: "government", agencyName: "示范区人民政府" });
const validatePerSecond = perSecond(() => validateReport(full), 2000);
const parsePerSecond = perSecond(() => reportDocumentSchema.parse(full), 2000);
rows.push([
  "validateReport (full 2021 report)",
  `${fmt(validatePerSecond)} /s`,
  "zod parse of the same document",
  `${fmt(parsePerSecond)} /s`,
  `${fmt(parsePerSecond / validatePerSecond, 2)}× the parse time`,
]);

// ------------------------------------------------------------------ aggregation
const distinct = Array.from({ length: 200 }, (_, i) => sampleReport({ seed: i + 1, year: 2024, scale: 1 + (i % 50) }));
const format = getFormat("2021");

function documents(n: number): ReportDocument[] {
  // Separate objects per report, as parsed from separate files would be.
  return Array.from({ length: n }, (_, i) => structuredClone(distinct[i % distinct.length]!));
}

function baseline(n: number): Float64Array {
  // The same numbers, already in one flat typed array: the cost of the additions alone.
  const cells = format.cells.length;
  const flat = new Float64Array(n * cells);
  for (let i = 0; i < n; i++)
    flat.set(
      readCells(format, distinct[i % distinct.length]!.tables).values.map((v) => (Number.isNaN(v) ? 0 : v)),
      i * cells,
    );
  return flat;
}

for (const n of [10_000, 100_000]) {
  const docs = documents(n);
  const flat = baseline(n);
  const cells = format.cells.length;
  const rollUpMs = time(() => aggregateReports(docs), 5);
  const sums = new Float64Array(cells);
  const baseMs = time(() => {
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      const offset = i * cells;
      for (let c = 0; c < cells; c++) sums[c]! += flat[offset + c]!;
    }
  }, 5);
  rows.push([
    `aggregateReports, ${fmt(n)} reports`,
    `${fmt(rollUpMs, 1)} ms (${fmt((rollUpMs / n) * 1000, 2)} µs/report)`,
    `Float64Array sum of the same ${fmt(n * cells)} numbers`,
    `${fmt(baseMs, 1)} ms`,
    `${fmt(rollUpMs / baseMs, 1)}× the baseline`,
  ]);
}

const header = ["measured", "result", "baseline (same run)", "baseline result", "ratio"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cols: string[]) => `| ${cols.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
process.stdout.write(`\n@nianbao/core — node ${process.version}, ${new Date().toISOString()}\n`);
process.stdout.write(`${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n${rows.map(line).join("\n")}\n`);
process.stdout.write(
  "Targets: validation ≤ 2× a bare parse; 100,000 reports rolled up in < 500 ms, cost linear in the number of reports.\n",
);
