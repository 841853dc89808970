/**
 * The seed fixture: a district bureau's 2021 report as text extracted from Word. What it really holds
 * is imported; what extraction destroyed is null, and the findings say exactly what was lost.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cellEntries, getCell, getFormat, validateReport } from "@nianbao/core";
import { type ImportResult, importReport } from "./index";
import { specFixture } from "../test-support/import";

const SEED = "seed-2021-district-science-bureau.txt";

let zh: ImportResult;
let en: ImportResult;

beforeAll(async () => {
  zh = await importReport(specFixture(SEED), { filename: SEED });
  en = await importReport(specFixture(SEED), { filename: SEED, lang: "en" });
});

const format = getFormat("2021");
const applicationRows = (rows: readonly string[]) =>
  format.cells.filter((c) => c.table === "applications" && rows.includes(c.row)).map((c) => c.id);
const RESULT_ROWS = format.def.tables
  .flatMap((t) => (t.kind === "matrix" ? t.rows : []))
  .filter((r) => r.data && r.id.startsWith("results."))
  .map((r) => r.id);

describe("seed fixture (台儿庄区科技局 2021, text extracted from Word)", () => {
  it("is read as text and identifies the agency, year, format and publication date", () => {
    expect(zh.kind).toBe("text");
    expect(zh.report.formatVersion).toBe("2021");
    expect(zh.report.year).toBe(2021);
    // The title says 区科技局; the signature block has the full name.
    expect(zh.report.agency).toEqual({ name: "台儿庄区科技局", kind: "department" });
    expect(zh.report.publishedAt).toBe("2022-01-28");
  });

  it("finds the three text sections although 五 and 六 are numbered 二 and 三", () => {
    const { overview, problems, other } = zh.report.sections;
    expect(overview.startsWith("根据新修订的《中华人民共和国政府信息公开条例》")).toBe(true);
    expect(overview).toContain("本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。");
    expect(overview.endsWith("在网络领域和公共信息传播体系中广泛传播。")).toBe(true);
    expect(problems.startsWith("2021年，在区政府的正确领导和精心指导下，去科技局")).toBe(true);
    expect(problems.endsWith("不断提高政府信息公开工作的质量和水平。")).toBe(true);
    // The signature is not part of section 六.
    expect(other).toBe("本局2021年度无存在其他需要报告事项");
    expect(`${overview}${problems}${other}`).not.toMatch(/bookmark|统计表|台儿庄区科技局\s*$/u);
  });

  it("keeps every value of table 二 (all 0, written after full-width spaces)", () => {
    const cells = format.cells.filter((c) => c.table === "activeDisclosure");
    expect(cells).toHaveLength(10);
    for (const cell of cells) expect(getCell(zh.report, cell.id), cell.id).toBe(cell.kind === "money" ? "0" : 0);
  });

  it("keeps rows 一 and 二 of table 三 and nothing it cannot place", () => {
    const kept = new Set(applicationRows(["newReceived", "carriedOver"]));
    for (const cell of format.cells.filter((c) => c.table === "applications")) {
      expect(getCell(zh.report, cell.id), cell.id).toBe(kept.has(cell.id) ? 0 : null);
    }
  });

  it("does not place the seven values under 三/四 and names the rows they could belong to", () => {
    const ambiguous = zh.findings.filter((f) => f.ruleId === "IMPORT-AMBIGUOUS");
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]!.cells).toEqual(expect.arrayContaining(applicationRows(["carriedForward", ...RESULT_ROWS])));
    expect(ambiguous[0]!.message).toContain("四、结转下年度继续办理");
    expect(ambiguous[0]!.message).toContain("三、本年度办理结果");
  });

  it("reports the 22 lost result rows by name", () => {
    const missing = zh.findings.filter((f) => f.ruleId === "IMPORT-ROWS-MISSING");
    expect(missing).toHaveLength(1);
    expect(new Set(missing[0]!.cells)).toEqual(new Set(applicationRows(RESULT_ROWS)));
    expect(RESULT_ROWS).toHaveLength(22);
    expect(missing[0]!.message).toContain("缺少22行");
    for (const label of ["（一）予以公开", "8.属于行政查询事项", "3.其他", "（七）总计"]) expect(missing[0]!.message).toContain(label);
  });

  it("leaves all 15 review/litigation cells null: 14 values cannot be placed by position", () => {
    const cells = format.cells.filter((c) => c.table === "reviewLitigation").map((c) => c.id);
    for (const id of cells) expect(getCell(zh.report, id), id).toBeNull();
    const count = zh.findings.filter((f) => f.ruleId === "IMPORT-VALUE-COUNT");
    expect(count).toHaveLength(1);
    expect(count[0]).toMatchObject({ severity: "warning", expected: 15, actual: 14 });
    expect(new Set(count[0]!.cells)).toEqual(new Set(cells));
  });

  it("has no other import findings and is a valid-shaped document", () => {
    expect(zh.findings.map((f) => f.ruleId).sort()).toEqual(["IMPORT-AMBIGUOUS", "IMPORT-ROWS-MISSING", "IMPORT-VALUE-COUNT"]);
    const findings = validateReport(zh.report, { mode: "import" });
    expect(findings.filter((f) => f.ruleId === "SCHEMA")).toEqual([]);
    // Nothing placed contradicts the table's identities: they are unchecked, not failed.
    expect(findings.filter((f) => f.ruleId.startsWith("T3-") && f.outcome === "failed" && f.ruleId !== "T3-COMPLETE")).toEqual([]);
    expect(cellEntries(zh.report).filter(([, v]) => v !== null)).toHaveLength(24);
  });

  it("speaks English on request, with the form's English labels", () => {
    const count = en.findings.find((f) => f.ruleId === "IMPORT-VALUE-COUNT")!;
    expect(count.message).toMatch(/^Administrative reconsideration, Administrative litigation: 14 values for 15 columns/u);
    const missing = en.findings.find((f) => f.ruleId === "IMPORT-ROWS-MISSING")!;
    expect(missing.message).toContain("(1) Disclosed");
    expect(en.report).toEqual(zh.report);
  });
});
