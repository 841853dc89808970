/**
 * The document commands end to end: import from the files agencies have, validate them directly,
 * export in every format, and refuse what is not a report with one line and exit 2.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { importReport } from "@nianbao/documents";
import { describe, expect, it } from "vitest";
import { cli, REPO, tempDir, writeJson } from "../test-support/cli";

const SEED = join(REPO, "spec/fixtures/seed-2021-district-science-bureau.txt");

describe("nianbao import / export / validate on files", () => {
  it("imports the seed fixture: the trusted cells, null for the lost rows, findings that say so", async () => {
    const r = await cli(["import", SEED]);
    expect(r.code).toBe(0);
    const { report, findings } = JSON.parse(r.stdout) as {
      report: { agency: { name: string }; year: number; tables: Record<string, Record<string, Record<string, unknown>>> };
      findings: Finding[];
    };
    expect(report.agency.name).toBe("台儿庄区科技局");
    expect(report.year).toBe(2021);
    expect(report.tables.applications!.newReceived!.total).toBe(0);
    expect(report.tables.reviewLitigation!.review!.total).toBeNull();
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["IMPORT-ROWS-MISSING", "IMPORT-VALUE-COUNT"]));
  });

  it("validates an imported file directly, in import mode", async () => {
    const r = await cli(["validate", SEED, "--json"]);
    const [entry] = JSON.parse(r.stdout) as { findings: Finding[] }[];
    expect(entry!.findings.some((f) => f.ruleId === "IMPORT-ROWS-MISSING")).toBe(true);
    // Cells the importer could not read (the seed's lost rows, its 四 of run-together cells) are not
    // the agency's blanks: unchecked notes that name the IMPORT-* finding, not errors or warnings.
    const unread = entry!.findings.filter((f) => f.ruleId === "T3-COMPLETE" || f.ruleId === "T4-INT");
    expect(unread.length).toBeGreaterThan(0);
    for (const f of unread) {
      expect(f).toMatchObject({ severity: "info", outcome: "unchecked" });
      expect(f.message).toMatch(/IMPORT-[A-Z-]+/u);
    }
    expect(r.code).toBe(0);
  });

  it("exports every format; the Word file reads back to the same report", async () => {
    const dir = tempDir();
    const doc = sampleReport({ seed: 8, year: 2023, agencyName: "示例区市场监督管理局" });
    writeJson(dir, "r.json", doc);
    for (const to of ["docx", "html", "xlsx", "md", "csv", "json"]) {
      const r = await cli(["export", "r.json", "--to", to, "-o", `r.${to}`], { cwd: dir });
      expect(r.code, `${to}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toContain(`r.${to}`);
    }
    const back = await importReport(new Uint8Array(readFileSync(join(dir, "r.docx"))), { filename: "r.docx" });
    expect(back.report.tables).toEqual(doc.tables);
    expect(readFileSync(join(dir, "r.html"), "utf8")).toContain("示例区市场监督管理局");
  });

  it("writes text formats to standard output with -o -, refuses binary ones there", async () => {
    const dir = tempDir();
    writeJson(dir, "r.json", sampleReport({ seed: 2, year: 2022 }));
    const csv = await cli(["export", "r.json", "--to", "csv", "-o", "-"], { cwd: dir });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain("applications.newReceived.natural");
    const docx = await cli(["export", "r.json", "--to", "docx", "-o", "-"], { cwd: dir });
    expect(docx.code).toBe(2);
    expect(docx.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("refuses an image, an empty file and a zip that is not Word: exit 2, one line each", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "scan.png"), Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
    writeFileSync(join(dir, "empty.docx"), "");
    writeFileSync(join(dir, "other.zip"), Buffer.from("504b0506000000000000000000000000000000000000", "hex"));
    for (const file of ["scan.png", "empty.docx", "other.zip"]) {
      const r = await cli(["import", file], { cwd: dir });
      expect(r.code, file).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines, file).toHaveLength(1);
      expect(lines[0]!.startsWith(`${file}: `)).toBe(true);
    }
  });

  it("an export of a document that is not a report says why, exit 2", async () => {
    const dir = tempDir();
    writeJson(dir, "x.json", { hello: 1 });
    const r = await cli(["export", "x.json", "--to", "html", "-o", "-"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^x\.json: 不是年度报告文档/);
    expect(r.stdout).toBe("");
  });
});
