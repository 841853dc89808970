/**
 * Export benchmark (run from the root: `pnpm exec tsx packages/documents/bench/export.bench.ts`, or
 * `pnpm bench export`): median time to write a full 2021 report as .docx, beside the baseline measured
 * in the same run on the very same file: mammoth's plain conversion of that .docx to HTML. HTML and
 * Excel exports are listed against the same baseline for scale.
 */
import mammoth from "mammoth";
import { timeTogether } from "./timing";
import { sampleReport } from "@nianbao/core/testing";
import { exportDocx, exportHtml, exportReport, exportXlsx } from "../src/export/index";

const RUNS = 25;

// A city-sized report: every cell filled, large counts, long text.
const doc = sampleReport({ seed: 42, year: 2024, scale: 300, agencyKind: "government", agencyName: "示范市人民政府" });
const docx = await exportDocx(doc);
const docxBuffer = Buffer.from(docx);

const jobs: [string, () => Promise<unknown>][] = [
  ["baseline", () => mammoth.convertToHtml({ buffer: docxBuffer })],
  [".docx (exportDocx)", () => exportDocx(doc)],
  [".docx (exportReport: schema check + write)", () => exportReport(doc, "docx")],
  [".html (exportHtml)", () => exportHtml(doc)],
  [".xlsx (exportXlsx)", () => exportXlsx(doc)],
];
const [baseline, ...medians] = await timeTogether(
  jobs.map(([, job]) => job),
  RUNS,
);
const results = jobs.slice(1).map(([name], i) => [name, medians[i]!] as const);

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const rows = [
  ["export of a full 2021 report", "median", "baseline: mammoth .docx → HTML, same file", "ratio"],
  ...results.map(([name, ms]) => [name, fmt(ms), fmt(baseline!), `${(ms / baseline!).toPrecision(2)}×`]),
];
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => [...row[c]!].length)));
const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
process.stdout.write(
  [
    `median of ${RUNS} interleaved runs after a warm-up; .docx size ${(docx.byteLength / 1024).toFixed(1)} KiB`,
    line(rows[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
    "",
  ].join("\n"),
);
