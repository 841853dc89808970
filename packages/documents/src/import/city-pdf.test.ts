/**
 * A city report as published (淮安市人民政府 2024): spec/fixtures/city-2024-government.pdf, made by
 * scripts/make-city-fixture.ts to the published report's layout and figures, with prose of its own.
 * Every cell is compared with the printed tables, read by hand from `pdftotext -layout`: labels wrapped
 * over lines, 三、本年度办理结果 one character a line, a page number inside table 三 and table 二 cut by a
 * page break.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cellEntries, getCell, hasErrors, validateReport } from "@nianbao/core";
import { type ImportResult, importReport } from "./index";
import { specFixture } from "../test-support/import";

const PDF = "city-2024-government.pdf";

let result: ImportResult;
beforeAll(async () => {
  result = await importReport(specFixture(PDF), { filename: "city-2024-government.pdf" });
}, 60_000);

/** The printed table 三, row by row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
const APPLICATIONS: Record<string, number[]> = {
  newReceived: [3001, 53, 0, 0, 61, 4, 3119],
  carriedOver: [34, 0, 0, 0, 0, 0, 34],
  "results.granted": [1288, 21, 0, 0, 50, 3, 1362],
  "results.partial": [447, 7, 0, 0, 0, 0, 454],
  "results.denied.stateSecret": [2, 0, 0, 0, 0, 0, 2],
  "results.denied.lawForbidden": [30, 1, 0, 0, 0, 0, 31],
  "results.denied.safetyStability": [5, 0, 0, 0, 0, 0, 5],
  "results.denied.thirdPartyRights": [6, 0, 0, 0, 0, 0, 6],
  "results.denied.internalAffairs": [7, 1, 0, 0, 0, 0, 8],
  "results.denied.processInfo": [12, 0, 0, 0, 0, 0, 12],
  "results.denied.enforcementCase": [9, 0, 0, 0, 0, 0, 9],
  "results.denied.adminQuery": [105, 0, 0, 0, 0, 0, 105],
  "results.unableToProvide.noInfo": [746, 12, 0, 0, 10, 1, 769],
  "results.unableToProvide.needCreation": [11, 0, 0, 0, 0, 0, 11],
  "results.unableToProvide.unclear": [1, 0, 0, 0, 0, 0, 1],
  "results.notProcessed.complaint": [56, 6, 0, 0, 0, 0, 62],
  "results.notProcessed.repeat": [25, 0, 0, 0, 0, 0, 25],
  "results.notProcessed.publication": [0, 0, 0, 0, 0, 0, 0],
  "results.notProcessed.massiveRepeat": [0, 0, 0, 0, 0, 0, 0],
  "results.notProcessed.confirmInfo": [1, 0, 0, 0, 0, 0, 1],
  "results.other.overdueCorrection": [67, 3, 0, 0, 1, 0, 71],
  "results.other.overdueFee": [6, 0, 0, 0, 0, 0, 6],
  "results.other.otherReasons": [108, 2, 0, 0, 0, 0, 110],
  "results.totalProcessed": [2932, 53, 0, 0, 61, 4, 3050],
  carriedForward: [103, 0, 0, 0, 0, 0, 103],
};
const COLUMNS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];

describe("city report PDF (淮安市人民政府 2024)", () => {
  it("reads the title, kind and sections", () => {
    expect(result.kind).toBe("pdf");
    expect(result.report).toMatchObject({
      formatVersion: "2021",
      year: 2024,
      agency: { name: "淮安市人民政府", kind: "government" },
      // The PDF has no signature block, so no publication date: null with a finding, not a guess.
      publishedAt: null,
    });
    const { overview, problems, other } = result.report.sections;
    // The preamble before 一、总体情况 carries the statistical period.
    expect(overview).toContain("报告所列统计期限自2024年1月1日至2024年12月31日。");
    expect(overview).toContain("（五）政府信息公开监督保障情况。");
    // Paragraphs cut by a page break (and the page number between) read whole.
    expect(overview).toContain("及时释放权威信息，主动回应社会关注。");
    expect(overview).not.toMatch(/-\s*1\s*-/u);
    expect(problems).toContain("虽然取得了一定成效，但与上级要求和群众期待相比仍有差距：一是");
    expect(problems).not.toMatch(/-\s*5\s*-/u);
    expect(other).toBe("2024年，我市按照《政府信息公开信息处理费管理办法》规定的标准和程序计收信息处理费，全年共计收取3940元。");
  });

  it("reads table 二 across the page break, money exactly", () => {
    const expected: Record<string, number | string> = {
      "activeDisclosure.regulations.issued": 1,
      "activeDisclosure.regulations.repealed": 0,
      "activeDisclosure.regulations.inForce": 11,
      "activeDisclosure.normativeDocuments.issued": 8,
      "activeDisclosure.normativeDocuments.repealed": 26,
      "activeDisclosure.normativeDocuments.inForce": 66,
      "activeDisclosure.licensing.decisions": 447228,
      "activeDisclosure.punishment.decisions": 3985758,
      "activeDisclosure.coercion.decisions": 88283,
      "activeDisclosure.fees.amount": "96171.6",
    };
    for (const [id, value] of Object.entries(expected)) expect(getCell(result.report, id), id).toBe(value);
  });

  it("reads every cell of table 三 in its row and column", () => {
    for (const [row, values] of Object.entries(APPLICATIONS)) {
      COLUMNS.forEach((column, i) => {
        const id = `applications.${row}.${column}`;
        expect(getCell(result.report, id), id).toBe(values[i]);
      });
    }
  });

  it("reads the 15 columns of table 四", () => {
    const row = ["review", "litigationDirect", "litigationAfterReview"].flatMap((block) =>
      ["upheld", "corrected", "otherResult", "pending", "total"].map((outcome) =>
        getCell(result.report, `reviewLitigation.${block}.${outcome}`),
      ),
    );
    expect(row).toEqual([72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
  });

  it("has every cell, and its own arithmetic checks out", () => {
    expect(cellEntries(result.report).filter(([, v]) => v === null)).toEqual([]);
    const findings = validateReport(result.report, { mode: "import" });
    expect(hasErrors(findings)).toBe(false);
    expect(findings.filter((f) => f.ruleId.startsWith("T3-") || f.ruleId.startsWith("T4-"))).toEqual([]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(["IMPORT-DATE"]);
  });
});

describe("the same report as layout-preserving text (pdftotext -layout)", () => {
  it("reads every cell although labels wrap around their values and rows split over lines", async () => {
    // `pdftotext -layout` of the PDF above: "（二）部分公开（区分处理的，只计这一情" / "447 7 0 0 0 0 454" / "形，不计其他情形）".
    const text = await importReport(specFixture("city-2024-government.layout.txt"));
    expect(text.kind).toBe("text");
    expect(text.report.tables).toEqual(result.report.tables);
    expect(text.report).toMatchObject({ year: 2024, agency: { name: "淮安市人民政府" } });
    expect(text.findings.map((f) => f.ruleId)).toEqual(["IMPORT-DATE"]);
  });
});
