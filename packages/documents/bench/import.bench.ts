/**
 * Import benchmark (run from the root: `pnpm exec tsx packages/documents/bench/import.bench.ts`, or
 * `pnpm bench import`): median time to import one full city-sized 2021-format report from text,
 * HTML, .docx, .pdf and .xlsx, beside the baseline measured in the same run: mammoth's plain
 * conversion of the same .docx to HTML. Every input is the same report — the .docx and .html as
 * exported, the text as Word's own text extraction of that .docx (mammoth's raw text), the .pdf as
 * LibreOffice prints that .docx — and each import is checked to give back every cell.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import { timeTogether } from "./timing";
import { cellEntries, type ReportDocument } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { exportDocx, exportHtml, exportXlsx } from "../src/export/index";
import { importReport } from "../src/import/index";
import { buildPdf } from "../src/test-support/import";

const RUNS = 15;

/** The .docx printed to PDF by LibreOffice; the committed print of the same report when no office suite is installed. */
function pdfOf(docx: Uint8Array): { data: Uint8Array; source: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "nianbao-bench-"));
  try {
    const input = path.join(dir, "report.docx");
    writeFileSync(input, docx);
    const run = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, input], { timeout: 120_000, stdio: "ignore" });
    if (run.status === 0) return { data: new Uint8Array(readFileSync(path.join(dir, "report.pdf"))), source: "LibreOffice, this run" };
  } catch {
    // fall through to the committed file
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const fixture = path.join(import.meta.dirname, "../test/import/fixtures/sample-2024-city.libreoffice.pdf");
  return { data: new Uint8Array(readFileSync(fixture)), source: "committed LibreOffice print (soffice not found)" };
}

// A city-sized report: every cell filled, large counts.
const doc = sampleReport({ seed: 42, year: 2024, scale: 300, agencyKind: "government", agencyName: "示范市人民政府" });
const docx = await exportDocx(doc);
const docxBuffer = Buffer.from(docx);
const html = await exportHtml(doc);
const xlsx = await exportXlsx(doc);
const text = new TextEncoder().encode((await mammoth.extractRawText({ buffer: docxBuffer })).value);
const pdf = pdfOf(docx);

const inputs: [string, Uint8Array][] = [
  ["text (Word's text extraction)", text],
  [".html", html],
  [".docx", docx],
  [".pdf", pdf.data],
  [".xlsx", xlsx],
];

/** Cells the import gives back exactly, out of all. */
function cellsRight(back: ReportDocument): string {
  const want = cellEntries(doc);
  const got = cellEntries(back);
  return `${got.filter(([, value], i) => value === want[i]![1]).length}/${want.length}`;
}
const right = await Promise.all(inputs.map(async ([, data]) => cellsRight((await importReport(data)).report)));

const jobs: (() => Promise<unknown>)[] = [
  () => mammoth.convertToHtml({ buffer: docxBuffer }),
  ...inputs.map(
    ([, data]) =>
      () =>
        importReport(data),
  ),
];
const [baseline, ...medians] = await timeTogether(jobs, RUNS);

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const kib = (data: Uint8Array) => `${(data.byteLength / 1024).toFixed(1)} KiB`;
const rows = [
  ["import of a full 2021 report", "size", "median", "baseline: mammoth .docx → HTML, same report", "ratio", "cells right"],
  ...inputs.map(([name, data], i) => [
    name,
    kib(data),
    fmt(medians[i]!),
    fmt(baseline!),
    `${(medians[i]! / baseline!).toPrecision(2)}×`,
    right[i]!,
  ]),
];
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => [...row[c]!].length)));
const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
process.stdout.write(
  [
    `median of ${RUNS} interleaved runs after a warm-up; .docx ${kib(docx)}; .pdf from ${pdf.source}`,
    line(rows[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
    "",
  ].join("\n"),
);

// Long PDFs: the import must grow in proportion to the pages (it once grew with their square: 50
// pages 2.8 s, 200 pages 29 s). Ten times the pages should cost about ten times the time; the short
// file is the baseline.
const longPdf = (pages: number) =>
  buildPdf(
    Array.from({ length: pages }, (_, p) =>
      Array.from(
        { length: 40 },
        (_, i) => `BT /F1 10 Tf 40 ${800 - i * 18} Td (Page ${p + 1} line ${i + 1}: 2024 annual report 123 456 789) Tj ET`,
      ).join("\n"),
    ),
  );
const SHORT_PAGES = 25;
const LONG_PAGES = 250;
const [shortPdf, longOne] = [longPdf(SHORT_PAGES), longPdf(LONG_PAGES)];
const settle = (data: Uint8Array) => () => importReport(data).catch(() => undefined);
const [shortMs, longMs] = await timeTogether([settle(shortPdf), settle(longOne)], 3);
process.stdout.write(
  [
    `long PDFs (text lines, no report inside; median of 3): ${SHORT_PAGES} pages ${fmt(shortMs!)}, ${LONG_PAGES} pages ${fmt(longMs!)}`,
    `  ${LONG_PAGES / SHORT_PAGES}× the pages took ${(longMs! / shortMs!).toFixed(1)}× the time (linear: about ${LONG_PAGES / SHORT_PAGES}×, less while pdfjs's start-up dominates the short file)`,
    "",
  ].join("\n"),
);
