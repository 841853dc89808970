/**
 * The pieces under the importer: reading a cell's text, matching labels, dates, Word's XML details,
 * and rebuilding a PDF table from positions.
 */
import { describe, expect, it } from "vitest";
import { getCell, getFormat } from "@nianbao/core";
import { assembleReport } from "./assemble/report";
import { parseDate } from "./assemble/outline";
import { labelKey, matchLabel, candidate } from "./normalize";
import { documentXmlToBlocks } from "./sources/docx";
import { pdfTextToBlocks, type PdfText } from "./sources/pdf";
import { readCellValue } from "./values";
import { importReport } from "./index";
import { documentXml, utf8 } from "../test-support/import";

const format2021 = getFormat("2021");
const format2019 = getFormat("2019");
const cell = (version: "2019" | "2021", id: string) => (version === "2021" ? format2021 : format2019).cellById.get(id)!;

describe("cell values", () => {
  const count = cell("2021", "applications.newReceived.natural");
  const fees = cell("2021", "activeDisclosure.fees.amount");
  const net = cell("2019", "activeDisclosure.licensing.netChange");
  const procurement = cell("2019", "activeDisclosure.centralizedProcurement.totalAmount");

  it("reads counts written the ways tables write them", () => {
    expect(readCellValue("\u3000\uff10", count)).toEqual({ kind: "value", value: 0 });
    expect(readCellValue("1,234", count)).toEqual({ kind: "value", value: 1234 });
    expect(readCellValue("12 件", count)).toEqual({ kind: "value", value: 12 });
    for (const blank of ["", "-", "—", "/", "无", "－"]) expect(readCellValue(blank, count)).toEqual({ kind: "blank" });
    for (const bad of ["12.5", "-3", "1,23", "约10", "10%"]) expect(readCellValue(bad, count).kind).toBe("unreadable");
    expect(readCellValue("-3", net)).toEqual({ kind: "value", value: -3 });
    expect(readCellValue("+2", net)).toEqual({ kind: "value", value: 2 });
  });

  it("keeps money exact and converts 元 to the 2021 column's 万元", () => {
    expect(readCellValue("3940元", fees)).toMatchObject({ value: "0.394", converted: true });
    expect(readCellValue("12.50万元", fees)).toMatchObject({ value: "12.5" });
    expect(readCellValue("96171.6", fees)).toMatchObject({ value: "96171.6" });
    expect(readCellValue("5", fees, "元")).toMatchObject({ value: "0.0005", converted: true });
    expect(readCellValue("-1", fees).kind).toBe("unreadable");
    // 2019 采购总金额 has no unit in its header: the unit written is kept beside the amount.
    expect(readCellValue("251,000元", procurement)).toEqual({ kind: "value", value: "251000", unit: "元" });
    expect(readCellValue("25.1", procurement, "万元")).toEqual({ kind: "value", value: "25.1", unit: "万元" });
  });
});

describe("labels and dates", () => {
  it("ignores brackets, quotes, spaces, line breaks and numbering style, not words", () => {
    expect(labelKey("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")).toBe(
      labelKey("(二)部分公开(区分处理的,只计这一情形,\n不计其他情形)"),
    );
    expect(labelKey("3.危及“三安全一稳定”")).toBe(labelKey('3、危及"三安全一稳定"'));
    const rows = [candidate("规范性文件", "2019"), candidate("行政规范性文件", "2021"), candidate("3.其他", "otherReasons")];
    expect(matchLabel("行政规范性文件", rows).map((m) => m.value)).toEqual(["2021"]);
    expect(matchLabel("3、其他", rows).map((m) => m.value)).toEqual(["otherReasons"]);
    // "其他" alone is the column 其他, not the row 3.其他.
    expect(matchLabel("其他", rows)).toEqual([]);
  });

  it("reads signature dates in Arabic and Chinese numerals", () => {
    expect(parseDate("2022年1月28日")?.date).toBe("2022-01-28");
    expect(parseDate("二〇二二年一月二十八日")?.date).toBe("2022-01-28");
    expect(parseDate("二○二三年十二月三十一日")?.date).toBe("2023-12-31");
    expect(parseDate("2022年2月30日")).toBeNull();
  });
});

describe("Word's XML", () => {
  it("handles gridBefore, vertical merges, nested layout tables, deleted, hidden and fallback text", () => {
    const xml = documentXml([
      "标题",
      {
        table: [
          [{ text: "A", vMerge: "restart" }, { text: "B" }],
          [{ vMerge: "continue" }, { text: "C" }],
        ],
      },
      { table: [[{ text: "x" }], [{ text: "y", gridSpan: 2 }]], gridBefore: [1] },
    ])
      .replace(
        '<w:t xml:space="preserve">标题</w:t>',
        "<w:t>标</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r><w:r><w:t>题</w:t>",
      )
      .replace(
        "<w:body>",
        '<w:body><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>甲</w:t></mc:Choice><mc:Fallback><w:t>甲</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>',
      );
    const blocks = documentXmlToBlocks(xml);
    expect(blocks[0]).toEqual({ kind: "paragraph", text: "甲" });
    expect(blocks[1]).toEqual({ kind: "paragraph", text: "标题" });
    expect(blocks[2]).toEqual({
      kind: "table",
      geometry: "grid",
      rows: [
        [
          { text: "A", rowspan: 2, colspan: 1 },
          { text: "B", rowspan: 1, colspan: 1 },
        ],
        [{ text: "C", rowspan: 1, colspan: 1 }],
      ],
    });
    expect(blocks[3]).toMatchObject({ kind: "table", rows: [[{ text: "", colspan: 1 }, { text: "x" }], [{ text: "y", colspan: 2 }]] });

    const nested = documentXmlToBlocks(
      documentXml([]).replace(
        "<w:body>",
        "<w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
      ),
    );
    expect(nested).toEqual([
      { kind: "paragraph", text: "外" },
      {
        kind: "table",
        geometry: "grid",
        rows: [
          [
            { text: "规章", rowspan: 1, colspan: 1 },
            { text: "1", rowspan: 1, colspan: 1 },
          ],
        ],
      },
    ]);
  });
});

describe("PDF tables from positions", () => {
  /** Items of one page: [text, x, baseline from the top, size]. */
  function page(items: [string, number, number, number][]): PdfText {
    return {
      pages: 1,
      items: items.map(([text, x, top, size]) => ({
        text,
        x0: x,
        x1: x + text.length * size,
        y: top,
        size,
        page: 1,
        fromBottom: 842 - top,
        pageHeight: 842,
      })),
    };
  }

  it("joins a wrapped label and places a row with a blank cell by the columns of complete rows", () => {
    const body: [string, number, number, number][] = [
      ["某某局2021年政府信息公开工作年度报告", 80, 60, 16],
      ["四、政府信息公开行政复议、行政诉讼情况", 80, 100, 16],
      ["三、收到和处理政府信息公开申请情况", 80, 200, 16],
    ];
    const columns = [250, 290, 330, 370, 410, 450, 490];
    const rowAt = (top: number, values: (string | null)[]): [string, number, number, number][] =>
      values.flatMap((v, i) => (v === null ? [] : [[v, columns[i]!, top, 8] as [string, number, number, number]]));
    const text = page([
      ...body,
      ["一、本年新收政府信息公开申请数量", 80, 230, 8],
      ...rowAt(230, ["5", "1", "0", "0", "0", "0", "6"]),
      ["二、上年结转政府信息公开申请数量", 80, 250, 8],
      ...rowAt(250, ["1", "0", "0", "0", "0", "0", "1"]),
      // A label wrapped over two lines, its values on the line between; one cell left blank.
      ["（二）部分公开（区分处理的，只计这一", 100, 266, 8],
      ...rowAt(270, ["2", null, "0", "0", "0", "0", "2"]),
      ["情形，不计其他情形）", 100, 276, 8],
    ]);
    const { report } = assembleReport(pdfTextToBlocks(text), "zh");
    const row = (id: string) =>
      ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"].map((c) =>
        getCell(report, `applications.${id}.${c}`),
      );
    expect(row("newReceived")).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(row("results.partial")).toEqual([2, null, 0, 0, 0, 0, 2]);
  });
});

describe("table 二 with its columns in another order", () => {
  it("places values by the header's labels, for every row of the block", async () => {
    const html = `<h1>某某局2021年政府信息公开工作年度报告</h1><table>
      <tr><td colspan="4">第二十条第（一）项</td></tr>
      <tr><td>信息内容</td><td>现行有效件数</td><td>本年制发件数</td><td>本年废止件数</td></tr>
      <tr><td>规章</td><td>9</td><td>1</td><td>2</td></tr>
      <tr><td>行政规范性文件</td><td>30</td><td>4</td><td>5</td></tr></table>`;
    const { report } = await importReport(utf8(html));
    expect(["issued", "repealed", "inForce"].map((c) => getCell(report, `activeDisclosure.regulations.${c}`))).toEqual([1, 2, 9]);
    expect(["issued", "repealed", "inForce"].map((c) => getCell(report, `activeDisclosure.normativeDocuments.${c}`))).toEqual([4, 5, 30]);
  });
});
