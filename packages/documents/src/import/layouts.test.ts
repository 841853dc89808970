/**
 * Layouts found in published reports: table 四 printed as three separate blocks, a title with the
 * year before the agency, a table copied one cell a line with every cell blank.
 */
import { describe, expect, it } from "vitest";
import { getCell } from "@nianbao/core";
import { importReport } from "./index";
import { utf8 } from "../test-support/import";

const OUTCOMES = ["upheld", "corrected", "otherResult", "pending", "total"];
const block = (doc: Parameters<typeof getCell>[0], name: string) => OUTCOMES.map((c) => getCell(doc, `reviewLitigation.${name}.${c}`));
const HEADER = "结果维持 结果纠正 其他结果 尚未审结 总计";

function withTable4(lines: string[]): Uint8Array {
  return utf8(["某某县人民政府2022年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况", ...lines].join("\n"));
}

describe("table 四 printed as three blocks, each with its own header of five", () => {
  it("places each block's five values under its own name", async () => {
    const { report: doc, findings } = await importReport(
      withTable4(["行政复议", HEADER, "1 0 0 0 1", "未经复议直接起诉", HEADER, "0 0 0 1 1", "复议后起诉", HEADER, "0 2 0 0 2"]),
    );
    expect(block(doc, "review")).toEqual([1, 0, 0, 0, 1]);
    expect(block(doc, "litigationDirect")).toEqual([0, 0, 0, 1, 1]);
    expect(block(doc, "litigationAfterReview")).toEqual([0, 2, 0, 0, 2]);
    expect(findings.some((f) => f.ruleId === "IMPORT-VALUE-COUNT")).toBe(false);
  });

  it("reads three small tables, each its name, its header of five and its values", async () => {
    const cells = (...xs: string[]) => `| ${xs.join(" | ")} |`;
    const head = cells(...HEADER.split(" "));
    const { report: doc } = await importReport(
      withTable4([
        cells("行政复议", "", "", "", ""),
        head,
        cells("3", "1", "0", "0", "4"),
        "",
        cells("行政诉讼（未经复议直接起诉）", "", "", "", ""),
        head,
        cells("0", "0", "0", "0", "0"),
        "",
        cells("行政诉讼（复议后起诉）", "", "", "", ""),
        head,
        cells("1", "0", "0", "0", "1"),
      ]),
    );
    expect(block(doc, "review")).toEqual([3, 1, 0, 0, 4]);
    expect(block(doc, "litigationDirect")).toEqual([0, 0, 0, 0, 0]);
    expect(block(doc, "litigationAfterReview")).toEqual([1, 0, 0, 0, 1]);
  });

  it("reads three small Markdown tables, each under a heading that names its block", async () => {
    // As a PDF-to-Markdown conversion gives it: the block names are headings, not cells of the tables.
    const cells = (...xs: string[]) => `| ${xs.join(" | ")} |`;
    const small = (name: string, values: string) => [
      `### ${name}`,
      cells(...HEADER.split(" ")),
      cells(...Array(5).fill("---")),
      cells(...values.split(" ")),
      "",
    ];
    const { report: doc, findings } = await importReport(
      withTable4([
        ...small("行政复议", "27 10 9 15 61"),
        ...small("行政诉讼（未经复议直接起诉）", "3 0 0 0 3"),
        ...small("行政诉讼（复议后起诉）", "8 0 1 1 10"),
      ]),
    );
    expect(block(doc, "review")).toEqual([27, 10, 9, 15, 61]);
    expect(block(doc, "litigationDirect")).toEqual([3, 0, 0, 0, 3]);
    expect(block(doc, "litigationAfterReview")).toEqual([8, 0, 1, 1, 10]);
    expect(findings.some((f) => f.ruleId === "IMPORT-VALUE-COUNT")).toBe(false);
  });

  it("places nothing when the headings above two small tables name the same block", async () => {
    const cells = (...xs: string[]) => `| ${xs.join(" | ")} |`;
    const small = (name: string, values: string) => [
      `### ${name}`,
      cells(...HEADER.split(" ")),
      cells(...Array(5).fill("---")),
      cells(...values.split(" ")),
      "",
    ];
    const { report: doc } = await importReport(withTable4([...small("行政复议", "1 0 0 0 1"), ...small("行政复议", "0 0 0 1 1")]));
    expect(block(doc, "review")).toEqual([null, null, null, null, null]);
  });

  it("places nothing when a block's header is missing: five values name no columns then", async () => {
    const { report: doc, findings } = await importReport(
      withTable4(["行政复议", HEADER, "1 0 0 0 1", "未经复议直接起诉", "0 0 0 1 1", "复议后起诉", HEADER, "0 2 0 0 2"]),
    );
    for (const name of ["review", "litigationDirect", "litigationAfterReview"])
      expect(block(doc, name)).toEqual([null, null, null, null, null]);
    expect(findings.filter((f) => f.ruleId === "IMPORT-VALUE-COUNT").length).toBeGreaterThan(0);
  });

  it("names the blocks it could not read when the page prints only one block", async () => {
    const { report: doc, findings } = await importReport(withTable4(["行政复议", HEADER, "1 0 0 0 1"]));
    expect(block(doc, "review")).toEqual([1, 0, 0, 0, 1]);
    const named = new Set(findings.filter((f) => f.ruleId.startsWith("IMPORT-") && f.severity === "warning").flatMap((f) => f.cells));
    for (const name of ["litigationDirect", "litigationAfterReview"]) {
      expect(block(doc, name)).toEqual([null, null, null, null, null]);
      for (const column of OUTCOMES) expect(named.has(`reviewLitigation.${name}.${column}`)).toBe(true);
    }
  });

  it("places nothing when a block name comes twice", async () => {
    const { report: doc } = await importReport(withTable4(["行政复议", HEADER, "1 0 0 0 1", "行政复议", HEADER, "0 0 0 1 1"]));
    expect(block(doc, "review")).toEqual([null, null, null, null, null]);
  });
});

/** A page with this title and one row of 三. */
function titledPage(title: string): Uint8Array {
  return utf8([title, "三、收到和处理政府信息公开申请情况", "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"].join("\n"));
}

describe("a title with the year before the agency", () => {
  it("reads year and agency from “2022年度螅镇政府信息公开工作年度报告”", async () => {
    const { report: doc } = await importReport(titledPage("2022年度螅镇政府信息公开工作年度报告"));
    expect(doc.year).toBe(2022);
    expect(doc.agency).toEqual({ name: "螅镇", kind: "government" });
  });

  it("keeps 人民政府 whole when the title shares its 政府 with 政府信息公开", async () => {
    const { report: doc } = await importReport(titledPage("2019年某某县人民政府信息公开工作年度报告"));
    expect(doc.year).toBe(2019);
    expect(doc.agency.name).toBe("某某县人民政府");
  });
});

describe("a table copied one cell a line with every cell blank", () => {
  // The lines as the source gives them, one a line.
  const lines = `2022年度螅镇政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第(一)项
信息内容
本年新制作数量
本年新公开数量
对外公开总数量
规章
规范性文件
第二十条第(五)项
信息内容
上一年项目数量
本年增/减
处理决定数量
行政许可
其他对外管理服务事项`.split("\n");

  it("is read in the format its labels name (2019), all cells null, not 0", async () => {
    const { report: doc, findings } = await importReport(utf8(lines.join("\n\n")));
    expect(doc.formatVersion).toBe("2019");
    expect(getCell(doc, "activeDisclosure.regulations.newlyMade")).toBeNull();
    expect(findings.find((f) => f.ruleId === "IMPORT-VERSION")?.message).toContain("2019年格式");
  });

  it("does not take the format from a sentence that mentions a label", async () => {
    const { report: doc } = await importReport(
      utf8(["2022年度螅镇政府信息公开工作年度报告", "一、总体情况", "本年新制作数量较上年有所增加，全年主动公开信息80条。"].join("\n\n")),
    );
    expect(doc.formatVersion).toBe("2021");
  });
});

describe("the report year stated in a sentence", () => {
  const table = "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |";

  it("reads “现将…2022年度政府信息公开工作情况报告如下” when nothing else gives the year", async () => {
    const { report: doc, findings } = await importReport(
      utf8(
        ["一、总体情况", "现将茅坪回族镇2022年度政府信息公开工作情况报告如下：", "三、收到和处理政府信息公开申请情况", table].join("\n"),
      ),
    );
    expect(doc.year).toBe(2022);
    expect(findings.find((f) => f.ruleId === "IMPORT-YEAR")).toMatchObject({ severity: "info" });
  });

  it("quotes the verb nearest the year, and lets a stated period win", async () => {
    const { findings } = await importReport(
      utf8(
        [
          "一、总体情况",
          "本报告分需要报告的事项六个方面，报告我镇2023年的政府信息公开工作。",
          "三、收到和处理政府信息公开申请情况",
          table,
        ].join("\n"),
      ),
    );
    expect(findings.find((f) => f.ruleId === "IMPORT-YEAR")?.message).toContain("“报告我镇2023年的政府信息公开工作”");
    const { report: doc } = await importReport(
      utf8(
        [
          "一、总体情况",
          "汇报我镇2023年政府信息公开工作。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
          "三、收到和处理政府信息公开申请情况",
          table,
        ].join("\n"),
      ),
    );
    expect(doc.year).toBe(2022);
  });
});

describe("row labels wrapped onto lines of their own among the values (a PDF's text layer)", () => {
  const COLUMNS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];
  const row = (doc: Parameters<typeof getCell>[0], id: string) => COLUMNS.map((c) => getCell(doc, `applications.results.${id}.${c}`));
  // The lines as the source gives them, one a line.
  const lines = `某某县人民政府2022年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年度办理结果
（一）予以公开 3 0 0 0 0 0 3
（二）部分公开（区分处理的，只计这一情形， 1 0 0 0 0 0 1
不计其他情形）
（五）不予处理 5.要求行政机关确认或重新出 0 0 0 0 0 0 0
具已获取信息
（六）其他处理 1.申请人无正当理由逾期不补正、
行政机关不再处理其政府信息公 0 0 0 0 0 0 0
开申请
2.申请人逾期未按收费通知要求缴纳
费用、行政机关不再处理其政府信息 1 0 0 0 0 0 1
公开申请
3.其他 0 0 0 0 0 0 0
（七）总计 5 0 0 0 0 0 5
四、结转下年度继续办理 0 0 0 0 0 0 0`.split("\n");

  it("places the item a group heading's row goes on to name (regression: “分组标题” and the row lost)", async () => {
    const { report: doc, findings } = await importReport(utf8(lines.join("\n")));
    expect(row(doc, "partial")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(doc, "notProcessed.confirmInfo")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(doc, "other.overdueCorrection")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(doc, "other.overdueFee")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(doc, "other.otherReasons")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(findings.filter((f) => f.ruleId === "IMPORT-AMBIGUOUS" || f.ruleId === "IMPORT-EXTRA-ROW")).toEqual([]);
  });

  it("leaves the row null when the wrapped words fit two items", async () => {
    const cut = [...lines.slice(0, 10), "（六）其他处理", "行政机关不再处理其政府信息公 0 0 0 0 0 0 0", "开申请", "3.其他 0 0 0 0 0 0 0"];
    const { report: doc, findings } = await importReport(utf8(cut.join("\n")));
    expect(row(doc, "other.overdueCorrection")).toEqual([null, null, null, null, null, null, null]);
    expect(row(doc, "other.overdueFee")).toEqual([null, null, null, null, null, null, null]);
    expect(findings.some((f) => f.ruleId === "IMPORT-AMBIGUOUS" && f.cells.includes("applications.results.other.overdueFee.total"))).toBe(
      true,
    );
  });
  it("reads a label broken over four lines before its values (pdftotext -raw), and only the item they name", async () => {
    // The two items of （六） both end in “行政机关不再处理其政府信息公开申请”: only the first line tells them apart.
    const raw = [
      ...lines.slice(0, 10),
      "（六）其",
      "他处理",
      "1、申请人无正当理由逾期不补",
      "正、",
      "行政机关不再处理其政府信",
      "息公开申请",
      "2 0 0 0 0 0 2",
      "2、申请人逾期未按收费通知要",
      "求缴纳费用、",
      "行政机关不再处理",
      "其政府信息公开申请",
      "1 0 0 0 0 0 1",
    ];
    const { report: doc } = await importReport(utf8(raw.join("\n")));
    expect(row(doc, "other.overdueCorrection")).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(doc, "other.overdueFee")).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});

describe("a row printed under an earlier form's label", () => {
  // As the Markdown a PDF conversion gives (上海市科委 2024): one pipe row per table row.
  const cells = (line: string) => `| ${line.split(" ").join(" | ")} |`;
  const table2 = (title: string, header: string, rows: string[], after: string[]) =>
    utf8([title, "二、主动公开政府信息情况", cells("第二十条第（一）项"), ...[header, ...rows, ...after].map(cells)].join("\n"));

  it("reads 规范性文件 in a 2021-format report as 行政规范性文件", async () => {
    const fees = ["第二十条第（八）项", "信息内容 本年收费金额（单位：万元）", "行政事业性收费 0"];
    const { report: doc } = await importReport(
      table2(
        "某某局2023年政府信息公开工作年度报告",
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        ["规章 0 0 0", "规范性文件 13 0 55"],
        fees,
      ),
    );
    expect(doc.formatVersion).toBe("2021");
    expect(["issued", "repealed", "inForce"].map((c) => getCell(doc, `activeDisclosure.normativeDocuments.${c}`))).toEqual([13, 0, 55]);
  });

  it("keeps 规范性文件 the 2019 form's own row in a 2019 report", async () => {
    const { report: doc } = await importReport(
      table2(
        "某某局2019年政府信息公开工作年度报告",
        "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
        ["规章 0 0 0", "规范性文件 4 4 30"],
        [],
      ),
    );
    expect(doc.formatVersion).toBe("2019");
    expect(["newlyMade", "newlyPublished", "totalPublished"].map((c) => getCell(doc, `activeDisclosure.normativeDocuments.${c}`))).toEqual([
      4, 4, 30,
    ]);
  });
});
