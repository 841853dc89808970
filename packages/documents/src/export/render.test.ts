/**
 * The exported files opened by real programs: the .docx printed to PDF by LibreOffice, the HTML by
 * headless Chromium, and the PDFs read back with pdftotext. A missing program fails the test, naming the
 * Debian package that brings it (`.ci/run` installs them): a check that cannot run must not pass quietly.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportDocx, exportHtml } from "./index";
import { CHROMIUM, hasCommand, htmlToPdf, officeToPdf, pdfInfo, pdfPageCount, pdfText } from "../../scripts/preview";
import { fixtureReport } from "../test-support/export";

const work = mkdtempSync(join(tmpdir(), "nianbao-render-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Fails, naming what to install, when a program the test needs is missing. */
function requirePrograms(): void {
  const missing = [
    ...(hasCommand("pdftotext") && hasCommand("pdfinfo") ? [] : ["poppler-utils"]),
    ...(hasCommand("libreoffice") ? [] : ["libreoffice-writer-nogui"]),
    ...(existsSync(CHROMIUM) ? [] : ["chromium"]),
  ];
  if (missing.length) throw new Error(`rendered exports need the Debian packages: ${missing.join(" ")} (apt-get install them)`);
}

/**
 * Labels of the three tables a reader must find on the printed pages, merged headers included; ones
 * wide enough not to wrap, since a layout extraction interleaves the lines of neighbouring cells.
 */
const TABLE_LABELS = ["第二十条第（一）项", "本年收费金额（单位：万元）", "申请人情况", "法人或其他组织", "未经复议直接起诉", "复议后起诉"];
const A4 = /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/;

/** Text with the spaces a layout extraction puts between characters removed. */
const squeezed = (text: string) => text.replace(/\s+/g, "");

describe("rendered exports", () => {
  it("LibreOffice prints the .docx with every table label and page numbers", { timeout: 120_000 }, async () => {
    requirePrograms();
    const file = join(work, "report.docx");
    writeFileSync(file, await exportDocx(fixtureReport()));
    const pdf = officeToPdf(file, work);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(pdfInfo(pdf)).toMatch(A4);
    const text = squeezed(pdfText(pdf));
    for (const label of TABLE_LABELS) expect(text).toContain(label);
    expect(text).toContain("勾稽关系");
    expect(squeezed(pdfText(pdf, 1))).toContain("—1—");
    expect(squeezed(pdfText(pdf, 2))).toContain("—2—");
    expect(text).toContain("2022年1月28日");
  });

  it("Chromium prints the HTML on A4 with every table label", { timeout: 120_000 }, async () => {
    requirePrograms();
    const file = join(work, "report.html");
    writeFileSync(file, await exportHtml(fixtureReport()));
    const pdf = await htmlToPdf(file, join(work, "report-html.pdf"));
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(pdfInfo(pdf)).toMatch(A4);
    const text = squeezed(pdfText(pdf));
    for (const label of TABLE_LABELS) expect(text).toContain(label);
    expect(squeezed(pdfText(pdf, 1))).toContain("—1—");
  });
});
