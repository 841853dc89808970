/**
 * Real-world shapes, constructed: a government site's HTML page with noise around the tables, a
 * 2019-format report in Word with Word's merged cells, a text dump with one cell a line, pipe tables
 * and the flat CSV list. Each expectation is the value the constructed source prints.
 */
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { cellEntries, getCell, getFormat, hasErrors, type ReportDocument, validateReport } from "@nianbao/core";
import { exportDocx } from "../export/index";
import { importReport, type ImportResult } from "./index";
import { buildDocx, fixture, utf8, type WordCell } from "../test-support/import";

/** The report the two files below were made from (core's sample city report, seed 42). */
const SAMPLE = JSON.parse(new TextDecoder().decode(fixture("sample-2024-city.json"))) as ReportDocument;

/** Everything a printed report shows (the agency's kind is inferred, its rule-making power not printed). */
function printed(doc: ReportDocument) {
  return { ...doc, agency: doc.agency.name };
}

const COLUMNS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];

function applicationsRow(report: Parameters<typeof getCell>[0], row: string): unknown[] {
  return COLUMNS.map((c) => getCell(report, `applications.${row}.${c}`));
}

/** The kind of source read, and the report's format, year, agency (a department) and publication date. */
function expectHead(
  result: Pick<ImportResult, "report" | "kind">,
  kind: ImportResult["kind"],
  [formatVersion, year, agency, publishedAt]: [string, number, string, string],
): void {
  expect(result.kind).toBe(kind);
  expect(result.report).toMatchObject({ formatVersion, year, agency: { name: agency, kind: "department" }, publishedAt });
}

describe("a government site's HTML page (2021)", async () => {
  const { report, findings, kind } = await importReport(fixture("gov-site-2021.html"), { filename: "content_123.htm" });

  it("ignores navigation, scripts, hidden text, the layout table and the footer", () => {
    expectHead({ report, kind }, "html", ["2021", 2021, "某某区卫生健康局", "2022-01-25"]);
    expect(report.sections.overview).toBe(
      "本报告由某某区卫生健康局根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据统计期限自2021年1月1日起至2021年12月31日止。\n" +
        "2021年，我局全年收到政府信息公开申请12件，全部按时答复。\n主动公开各类信息326条。",
    );
    expect(report.sections.problems).toBe("一是公开内容还不够全面；二是解读形式较为单一。下一步将加强培训。");
    expect(report.sections.other).toBe("本机关2021年度未收取信息处理费。");
  });

  it("reads table 二: blanks as null, full-width digits, thousands, 元 converted exactly to 万元", () => {
    for (const c of ["issued", "repealed", "inForce"]) expect(getCell(report, `activeDisclosure.regulations.${c}`)).toBeNull();
    expect(getCell(report, "activeDisclosure.normativeDocuments.issued")).toBe(3);
    expect(getCell(report, "activeDisclosure.normativeDocuments.inForce")).toBe(25);
    expect(getCell(report, "activeDisclosure.licensing.decisions")).toBe(1234);
    expect(getCell(report, "activeDisclosure.coercion.decisions")).toBe(0);
    expect(getCell(report, "activeDisclosure.fees.amount")).toBe("0.394");
    expect(findings.find((f) => f.ruleId === "IMPORT-UNIT")?.cells).toEqual(["activeDisclosure.fees.amount"]);
  });

  it("reads table 三 through rowspan/colspan, <br> in labels and half-width numbering", () => {
    expect(applicationsRow(report, "newReceived")).toEqual([10, 2, null, 0, 0, 0, 12]);
    expect(applicationsRow(report, "results.granted")).toEqual([5, 1, null, 0, 0, 0, 6]);
    expect(applicationsRow(report, "results.denied.safetyStability")).toEqual([0, 0, null, 0, 0, 0, 0]);
    expect(applicationsRow(report, "results.unableToProvide.noInfo")).toEqual([3, 0, null, 0, 0, 0, 3]);
    expect(applicationsRow(report, "results.other.otherReasons")).toEqual([0, 1, null, 0, 0, 0, 1]);
    expect(applicationsRow(report, "results.totalProcessed")).toEqual([11, 2, null, 0, 0, 0, 13]);
    expect(getCell(report, "reviewLitigation.review.total")).toBe(2);
    expect(findings.map((f) => f.ruleId)).toEqual(["IMPORT-UNIT"]);
    // What it holds is consistent: only the blank cells are flagged.
    expect(validateReport(report, { mode: "import" }).filter((f) => f.outcome === "failed" && f.ruleId.startsWith("T3-BAL"))).toEqual([]);
  });
});

describe("a table cut by a page break, its header repeated", () => {
  it("joins the two parts and ignores the repeated header", async () => {
    const header =
      '<tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>' +
      "<tr><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>";
    const row = (label: string, values: number[]) => `<tr><td colspan="3">${label}</td>${values.map((v) => `<td>${v}</td>`).join("")}</tr>`;
    const html = `<h1>某某局2021年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p>
      <table>${header}${row("一、本年新收政府信息公开申请数量", [3, 0, 0, 0, 0, 0, 3])}</table>
      <p style="page-break-before: always">- 5 -</p>
      <table>${header}${row("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1])}${row("四、结转下年度继续办理", [2, 0, 0, 0, 0, 0, 2])}</table>`;
    const { report, findings } = await importReport(utf8(html));
    expect(applicationsRow(report, "newReceived")).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(applicationsRow(report, "carriedOver")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(applicationsRow(report, "carriedForward")).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(findings.filter((f) => f.ruleId === "IMPORT-EXTRA-ROW" || f.ruleId === "IMPORT-AMBIGUOUS")).toEqual([]);
  });
});

describe("a text dump with one cell a line (2021)", async () => {
  const { report, findings, kind } = await importReport(fixture("dump-one-cell-per-line.txt"));

  it("reads every cell, the Chinese-numeral date and the sections", () => {
    expect(kind).toBe("text");
    expect(report).toMatchObject({ year: 2022, agency: { name: "某某县交通运输局" }, publishedAt: "2023-01-20" });
    expect(cellEntries(report).filter(([, v]) => v === null)).toEqual([]);
    expect(getCell(report, "activeDisclosure.punishment.decisions")).toBe(1027);
    expect(getCell(report, "activeDisclosure.fees.amount")).toBe("12.5");
    expect(applicationsRow(report, "results.partial")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(getCell(report, "reviewLitigation.review.corrected")).toBe(1);
    expect(report.sections.other).toBe("本机关2022年度未收取信息处理费。");
    expect(findings).toEqual([]);
    expect(hasErrors(validateReport(report, { mode: "import" }))).toBe(false);
  });
});

describe("the same report read back from other people's conversions", () => {
  it("reads Word's own text extraction (mammoth), every cell a paragraph", async () => {
    const docx = await exportDocx(SAMPLE);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    const { report, findings, kind } = await importReport(utf8(value), { filename: "report.txt" });
    expect(kind).toBe("text");
    expect(findings).toEqual([]);
    expect(printed(report)).toEqual(printed(SAMPLE));
  });

  it("reads a PDF that LibreOffice made from the Word file: one character an item on a grid", async () => {
    // Made with `soffice --headless --convert-to pdf` from exportDocx(SAMPLE); kept as a file so the
    // test needs no office suite. Its text is letter-spaced, labels wrap, a heading breaks over lines.
    const { report, findings, kind } = await importReport(fixture("sample-2024-city.libreoffice.pdf"));
    expect(kind).toBe("pdf");
    expect(findings).toEqual([]);
    expect(printed(report)).toEqual(printed(SAMPLE));
  });
});

// ------------------------------------------------------------------------------------------------
// A 2019-format report in Word, tables with Word's own merges (gridSpan, vMerge restart/continue).

const c = (text: string, gridSpan?: number, vMerge?: "restart" | "continue"): WordCell => ({
  text,
  ...(gridSpan ? { gridSpan } : {}),
  ...(vMerge ? { vMerge } : {}),
});
const cont = (gridSpan?: number): WordCell => c("", gridSpan, "continue");

function table2019(): WordCell[][] {
  const title = (t: string) => [c(t, 4)];
  return [
    title("第二十条第（一）项"),
    [c("信息内容"), c("本年新\n制作数量"), c("本年新\n公开数量"), c("对外公开\n总数量")],
    [c("规章"), c("0"), c("0"), c("0")],
    [c("规范性文件"), c("4"), c("4"), c("37")],
    title("第二十条第（五）项"),
    [c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量")],
    [c("行政许可"), c("52"), c("-3"), c("1,406")],
    [c("其他对外管理服务事项"), c("10"), c("+2"), c("88")],
    title("第二十条第（六）项"),
    [c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量")],
    [c("行政处罚"), c("30"), c("－1"), c("215")],
    [c("行政强制"), c("5"), c("0"), c("12")],
    title("第二十条第（八）项"),
    [c("信息内容"), c("上一年项目数量"), c("本年增/减", 2)],
    [c("行政事业性收费"), c("8"), c("-2", 2)],
    title("第二十条第（九）项"),
    [c("信息内容"), c("采购项目数量"), c("采购总金额", 2)],
    [c("政府集中采购"), c("3"), c("251,000元", 2)],
  ];
}

function applications2019(): WordCell[][] {
  const v = (...values: number[]) => values.map((n) => c(String(n)));
  const zero = () => v(0, 0, 0, 0, 0, 0, 0);
  /** An item row under its group heading: two merged cells, the label, zeros. */
  const item = (label: string) => [cont(), cont(), c(label), ...zero()];
  return [
    [c("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, "restart"), c("申请人情况", 7)],
    [cont(3), c("自然人", undefined, "restart"), c("法人或其他组织", 5), c("总计", undefined, "restart")],
    [cont(3), cont(), c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他"), cont()],
    [c("一、本年新收政府信息公开申请数量", 3), ...v(20, 3, 0, 0, 0, 0, 23)],
    [c("二、上年结转政府信息公开申请数量", 3), ...v(2, 0, 0, 0, 0, 0, 2)],
    [c("三、本年度办理结果", undefined, "restart"), c("（一）予以公开", 2), ...v(12, 2, 0, 0, 0, 0, 14)],
    [cont(), c("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2), ...v(3, 0, 0, 0, 0, 0, 3)],
    [cont(), c("（三）不予公开", undefined, "restart"), c("1.属于国家秘密"), ...zero()],
    ...["2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息"].map(item),
    [cont(), cont(), c("6.属于四类过程性信息"), ...v(1, 0, 0, 0, 0, 0, 1)],
    ...["7.属于行政执法案卷", "8.属于行政查询事项"].map(item),
    [cont(), c("（四）无法提供", undefined, "restart"), c("1.本机关不掌握相关政府信息"), ...v(4, 1, 0, 0, 0, 0, 5)],
    ...["2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"].map(item),
    [cont(), c("（五）不予处理", undefined, "restart"), c("1.信访举报投诉类申请"), ...zero()],
    ...["2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"].map(item),
    [cont(), c("（六）其他处理", 2), ...v(1, 0, 0, 0, 0, 0, 1)],
    [cont(), c("（七）总计", 2), ...v(21, 3, 0, 0, 0, 0, 24)],
    [c("四、结转下年度继续办理", 3), ...v(1, 0, 0, 0, 0, 0, 1)],
  ];
}

function review2019(): WordCell[][] {
  const outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  return [
    [c("行政复议", 5), c("行政诉讼", 10)],
    [...outcomes.map((o) => c(o, undefined, "restart")), c("未经复议直接起诉", 5), c("复议后起诉", 5)],
    [...outcomes.map(() => cont()), ...outcomes.map((o) => c(o)), ...outcomes.map((o) => c(o))],
    ["2", "1", "0", "0", "3", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0"].map((t) => c(t)),
  ];
}

describe("a 2019-format report in Word with merged cells", async () => {
  const docx = buildDocx([
    "某某县财政局2020年政府信息公开工作年度报告",
    "一、总体情况",
    "2020年，我局坚持以公开为常态。本报告中所列数据的统计期限为2020年1月1日至2020年12月31日。",
    "二、主动公开政府信息情况",
    { table: table2019() },
    "三、收到和处理政府信息公开申请情况",
    { table: applications2019() },
    "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    { table: review2019() },
    "五、政府信息公开工作存在的主要问题及改进情况",
    "一是公开内容不够细化。二是解读形式单一。",
    "六、其他需要报告的事项",
    "无。",
    "某某县财政局",
    "2021年1月28日",
  ]);
  const { report, findings, kind } = await importReport(docx, { filename: "年报.docx" });
  const format = getFormat("2019");

  it("is read as a 2019 report from the rows and columns it has", () => {
    expectHead({ report, kind }, "docx", ["2019", 2020, "某某县财政局", "2021-01-28"]);
    expect(report.sections).toMatchObject({ problems: "一是公开内容不够细化。二是解读形式单一。", other: "无。" });
    expect(findings).toEqual([]);
  });

  it("reads table 二 of 2019: signed changes, merged columns, the amount with its unit", () => {
    expect(getCell(report, "activeDisclosure.normativeDocuments.totalPublished")).toBe(37);
    expect(getCell(report, "activeDisclosure.licensing.netChange")).toBe(-3);
    expect(getCell(report, "activeDisclosure.licensing.decisions")).toBe(1406);
    expect(getCell(report, "activeDisclosure.otherServices.netChange")).toBe(2);
    expect(getCell(report, "activeDisclosure.punishment.netChange")).toBe(-1);
    expect(getCell(report, "activeDisclosure.fees.netChange")).toBe(-2);
    expect(getCell(report, "activeDisclosure.centralizedProcurement.projects")).toBe(3);
    expect(getCell(report, "activeDisclosure.centralizedProcurement.totalAmount")).toBe("251000");
    expect(
      (report.tables.activeDisclosure as { centralizedProcurement: { totalAmountUnit?: string | null } }).centralizedProcurement
        .totalAmountUnit,
    ).toBe("元");
  });

  it("reads table 三 of 2019 (a single （六）其他处理 row) and table 四 through vertical merges", () => {
    expect(applicationsRow(report, "results.granted")).toEqual([12, 2, 0, 0, 0, 0, 14]);
    expect(applicationsRow(report, "results.denied.processInfo")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(applicationsRow(report, "results.other.subtotal")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(applicationsRow(report, "carriedForward")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(getCell(report, "reviewLitigation.review.total")).toBe(3);
    expect(getCell(report, "reviewLitigation.litigationDirect.pending")).toBe(1);
    expect(cellEntries(report).filter(([, v]) => v === null)).toEqual([]);
    expect(cellEntries(report)).toHaveLength(format.cells.length);
    expect(hasErrors(validateReport(report, { mode: "import" }))).toBe(false);
  });
});

describe("pipe tables and the flat cell list", () => {
  it("reads a Markdown-style table with a separator line", async () => {
    const text = [
      "某某乡人民政府2023年政府信息公开工作年度报告",
      "四、政府信息公开行政复议、行政诉讼情况",
      "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
      "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
      "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    ].join("\n");
    const { report } = await importReport(utf8(text), { filename: "report.md" });
    expect(report.agency).toEqual({ name: "某某乡人民政府", kind: "government" });
    expect(getCell(report, "reviewLitigation.review.upheld")).toBe(1);
    expect(getCell(report, "reviewLitigation.litigationAfterReview.total")).toBe(0);
  });

  it("reads the flat list by cell id (CSV), whatever its labels say", async () => {
    const csv = [
      "单元格编号,项目,数值",
      'applications.newReceived.natural,"三、收到和处理/一、本年新收政府信息公开申请数量/自然人",7',
      "applications.newReceived.total,…,7",
      "activeDisclosure.fees.amount,…,0.25",
      "reviewLitigation.review.total,…,",
    ].join("\n");
    const { report, findings } = await importReport(utf8(csv), { filename: "cells.csv" });
    expect(report.formatVersion).toBe("2021");
    expect(getCell(report, "applications.newReceived.natural")).toBe(7);
    expect(getCell(report, "applications.newReceived.total")).toBe(7);
    expect(getCell(report, "activeDisclosure.fees.amount")).toBe("0.25");
    expect(getCell(report, "reviewLitigation.review.total")).toBeNull();
    expect(findings.some((f) => f.ruleId === "IMPORT-ROWS-MISSING")).toBe(true);
  });
});
