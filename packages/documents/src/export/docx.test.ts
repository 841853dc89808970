import { describe, expect, it } from "vitest";
import { getFormat, type TableLayout } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { exportDocx } from "./docx";
import {
  type Element,
  all,
  attr,
  children,
  fixtureReport,
  one,
  originCells,
  parseXml,
  text,
  unzip,
  withNulls,
} from "../test-support/export";

const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

async function docxParts(doc = fixtureReport(), lang: "zh" | "en" = "zh") {
  const files = unzip(await exportDocx(doc, { lang }));
  const document = parseXml(files["word/document.xml"]!);
  const styles = parseXml(files["word/styles.xml"]!);
  const body = one(document, "w:body")!;
  return { files, document, styles, body };
}

/** What each <w:tr> must hold for a layout row: real cells, and vMerge-continue cells under a row span. */
function expectedRow(layout: TableLayout, r: number) {
  const origins = originCells(layout);
  // Cells from rows above that reach down into row r, by their first column.
  const fromAbove = new Map<number, number>();
  origins.slice(0, r).forEach((cells, row) =>
    cells.forEach(({ cell, column }) => {
      if (row + cell.rowspan > r) fromAbove.set(column, cell.colspan);
    }),
  );
  const here = new Map(origins[r]!.map(({ cell, column }) => [column, cell]));
  const out: { span: number; vMerge: "restart" | "continue" | null }[] = [];
  for (let c = 0; c < layout.columns;) {
    const cell = here.get(c);
    const span = cell ? cell.colspan : fromAbove.get(c)!;
    out.push({ span, vMerge: cell ? (cell.rowspan > 1 ? "restart" : null) : "continue" });
    c += span;
  }
  return out;
}

function cellShape(tc: Element) {
  const props = one(tc, "w:tcPr");
  const span = Number(attr(props && one(props, "w:gridSpan"), "w:val") ?? 1);
  const merge = props && one(props, "w:vMerge");
  const vMerge = merge ? (attr(merge, "w:val") === "restart" ? "restart" : "continue") : null;
  return { span, vMerge };
}

describe("Word export (GB/T 9704-2012)", () => {
  it("sets A4 with the standard margins in twips and the 22 × 28 grid", async () => {
    const { body } = await docxParts();
    const section = children(body, "w:sectPr")[0]!;
    const size = one(section, "w:pgSz")!;
    expect([Number(attr(size, "w:w")), Number(attr(size, "w:h"))]).toEqual([11906, 16838]);
    const margin = one(section, "w:pgMar")!;
    expect(Number(attr(margin, "w:top"))).toBe(2098); // 37 mm
    expect(Number(attr(margin, "w:bottom"))).toBe(mmToTwips(35));
    expect(Number(attr(margin, "w:left"))).toBe(mmToTwips(28));
    expect(Number(attr(margin, "w:right"))).toBe(mmToTwips(26));

    const grid = one(section, "w:docGrid")!;
    expect(attr(grid, "w:type")).toBe("lines");
    const pitch = Number(attr(grid, "w:linePitch"));
    const textHeight = 16838 - 2098 - mmToTwips(35);
    expect(pitch * 22).toBeLessThanOrEqual(textHeight);
    expect(pitch * 23).toBeGreaterThan(textHeight);
    expect(pitch / 20).toBeCloseTo(28.9, 0);
    // 28 characters of 3号 (16 pt) narrowed by the body's character spacing fill the 156 mm line, 29 do not.
    const { styles } = await docxParts();
    const normal = all(styles, "w:style").find((s) => attr(s, "w:styleId") === "Normal")!;
    const spacing = Number(attr(one(one(normal, "w:rPr")!, "w:spacing")!, "w:val"));
    const charPitch = 16 * 20 + spacing;
    const lineWidth = 11906 - mmToTwips(28) - mmToTwips(26);
    expect(charPitch * 28).toBeLessThanOrEqual(lineWidth);
    expect(charPitch * 29).toBeGreaterThan(lineWidth);
  });

  it("names the fonts: 小标宋 2号 title, 仿宋 3号 body, 黑体 headings, 楷体 second-level headings", async () => {
    const doc = fixtureReport();
    doc.sections.overview = "总体情况正文。\n（一）主动公开情况。全年主动公开信息120条。";
    const { body, styles } = await docxParts(doc);
    const normal = all(styles, "w:style").find((s) => attr(s, "w:styleId") === "Normal")!;
    expect(attr(one(normal, "w:rFonts"), "w:eastAsia")).toBe("仿宋_GB2312");
    expect(attr(one(normal, "w:sz"), "w:val")).toBe("32");

    const paragraphs = children(body, "w:p");
    const title = paragraphs[0]!;
    expect(text(title)).toBe("台儿庄区科技局2021年政府信息公开工作年度报告");
    expect(attr(one(title, "w:jc"), "w:val")).toBe("center");
    for (const run of all(title, "w:r")) {
      expect(attr(one(run, "w:rFonts"), "w:eastAsia")).toBe("方正小标宋简体");
      expect(attr(one(run, "w:sz"), "w:val")).toBe("44");
    }
    // The title breaks after the agency's name, as published reports set it.
    expect(all(title, "w:br")).toHaveLength(1);

    const headings = getFormat("2021").def.sections.map((s) => s.heading.zh);
    const headingParagraphs = paragraphs.filter((p) => headings.includes(text(p)));
    expect(headingParagraphs).toHaveLength(6);
    for (const p of headingParagraphs) expect(attr(one(p, "w:rFonts"), "w:eastAsia")).toBe("黑体");

    const second = paragraphs.find((p) => text(p).startsWith("（一）"))!;
    const [headRun, restRun] = all(second, "w:r");
    expect(text(headRun!)).toBe("（一）主动公开情况。");
    expect(attr(one(headRun!, "w:rFonts"), "w:eastAsia")).toBe("楷体_GB2312");
    expect(text(restRun!)).toBe("全年主动公开信息120条。");
    expect(one(restRun!, "w:rFonts")).toBeUndefined(); // body font from the Normal style
  });

  it("numbers pages 4号 “— 1 —” on the outer side of odd and even pages", async () => {
    const { files, body } = await docxParts();
    expect(files["word/settings.xml"]).toContain("w:evenAndOddHeaders");
    const refs = all(children(body, "w:sectPr")[0]!, "w:footerReference").map((r) => attr(r, "w:type"));
    expect(refs.sort()).toEqual(["default", "even"]);
    const footers = Object.keys(files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(2);
    const alignments = footers.map((name) => {
      const footer = parseXml(files[name]!);
      expect(text(one(footer, "w:instrText")!).trim()).toBe("PAGE");
      // The dashes around the field; the number is the field's result.
      expect(
        all(footer, "w:t")
          .map((t) => text(t))
          .join(""),
      ).toBe("—  —");
      for (const size of all(footer, "w:sz")) expect(attr(size, "w:val")).toBe("28");
      return attr(one(footer, "w:jc"), "w:val");
    });
    expect(alignments.sort()).toEqual(["left", "right"]);
  });

  it("draws every table exactly as core's layout: gridSpan, vMerge, repeated header rows, labels", async () => {
    const doc = fixtureReport();
    const format = getFormat("2021");
    const { body } = await docxParts(doc);
    const tables = children(body, "w:tbl");
    expect(tables).toHaveLength(format.layouts.length);

    tables.forEach((table, t) => {
      const layout = format.layouts[t]!;
      expect(all(table, "w:gridCol")).toHaveLength(layout.columns);
      const widths = all(table, "w:gridCol").map((col) => Number(attr(col, "w:w")));
      expect(widths.reduce((a, b) => a + b, 0)).toBe(11906 - mmToTwips(28) - mmToTwips(26));
      const rows = children(table, "w:tr");
      expect(rows).toHaveLength(layout.rows.length);
      rows.forEach((tr, r) => {
        const cells = children(tr, "w:tc");
        expect(cells.map(cellShape)).toEqual(expectedRow(layout, r));
        expect(one(tr, "w:tblHeader") !== undefined).toBe(r < layout.headerRows);
        // The real cells carry the layout's labels or the document's values, in order.
        const texts = cells.filter((tc) => cellShape(tc).vMerge !== "continue").map((tc) => text(tc));
        const expected = layout.rows[r]!.map((cell) => (cell.role === "data" ? valueOf(doc, cell.cellId!) : cell.label!.zh));
        expect(texts).toEqual(expected);
      });
    });
  });

  it("keeps table text (五号) and the title off the 28.95 pt page grid", async () => {
    const { body, styles } = await docxParts();
    const style = (id: string) => all(styles, "w:style").find((s) => attr(s, "w:styleId") === id)!;
    for (const [id, size] of [
      ["ReportTableText", "21"],
      ["ReportTitle", "44"],
    ] as const) {
      expect(attr(one(one(style(id), "w:pPr")!, "w:snapToGrid"), "w:val")).toBe("0");
      expect(attr(one(style(id), "w:sz"), "w:val")).toBe(size);
    }
    const tableParagraphs = children(body, "w:tbl").flatMap((table) => all(table, "w:p"));
    expect(tableParagraphs.length).toBeGreaterThan(100);
    for (const p of tableParagraphs) expect(attr(one(p, "w:pStyle"), "w:val")).toBe("ReportTableText");
    expect(attr(one(children(body, "w:p")[0]!, "w:pStyle"), "w:val")).toBe("ReportTitle");
  });

  it("keeps the merged headers of 三 and 四: 申请人情况, 法人或其他组织, the 勾稽 note, the 15-column header", async () => {
    const { body } = await docxParts();
    const [, applications, review] = children(body, "w:tbl");
    const cell = (table: Element, label: string) => all(table, "w:tc").find((tc) => text(tc) === label)!;
    expect(cellShape(cell(applications!, "申请人情况"))).toEqual({ span: 7, vMerge: null });
    expect(cellShape(cell(applications!, "法人或其他组织"))).toEqual({ span: 5, vMerge: null });
    const note = all(applications!, "w:tc").find((tc) => text(tc).includes("勾稽关系"))!;
    expect(text(note)).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect(cellShape(note)).toEqual({ span: 3, vMerge: "restart" });
    expect(cellShape(cell(applications!, "三、本年度办理结果"))).toEqual({ span: 1, vMerge: "restart" });

    expect(all(review!, "w:gridCol")).toHaveLength(15);
    expect(cellShape(cell(review!, "行政复议"))).toEqual({ span: 5, vMerge: null });
    expect(cellShape(cell(review!, "行政诉讼"))).toEqual({ span: 10, vMerge: null });
    expect(cellShape(cell(review!, "未经复议直接起诉"))).toEqual({ span: 5, vMerge: null });
    expect(cellShape(cell(review!, "复议后起诉"))).toEqual({ span: 5, vMerge: null });
  });

  it("leaves null cells empty (never 0) and writes money as its decimal string", async () => {
    const doc = withNulls(fixtureReport(), ["applications.newReceived.natural", "reviewLitigation.review.upheld"]);
    (doc.tables as { activeDisclosure: { fees: { amount: string | null } } }).activeDisclosure.fees.amount = "12.3456";
    const { body } = await docxParts(doc);
    const [disclosure, applications, review] = children(body, "w:tbl");
    const firstDataRow = children(applications!, "w:tr")[3]!;
    expect(text(children(firstDataRow, "w:tc")[1]!)).toBe("");
    expect(all(children(firstDataRow, "w:tc")[1]!, "w:t")).toHaveLength(0);
    expect(text(children(children(review!, "w:tr")[3]!, "w:tc")[0]!)).toBe("");
    expect(all(disclosure!, "w:tc").map((tc) => text(tc))).toContain("12.3456");
  });

  it("ends with the signature block: the agency and the date written the Chinese way", async () => {
    const { body } = await docxParts();
    const paragraphs = children(body, "w:p").map((p) => text(p));
    expect(paragraphs.slice(-2)).toEqual(["台儿庄区科技局", "2022年1月28日"]);

    const undated = { ...fixtureReport(), publishedAt: null };
    const { body: body2 } = await docxParts(undated);
    expect(
      children(body2, "w:p")
        .map((p) => text(p))
        .slice(-1),
    ).toEqual(["台儿庄区科技局"]);
  });

  it("writes the text sections one paragraph a line, escaped, without characters XML cannot hold", async () => {
    const doc = fixtureReport();
    doc.agency = { ...doc.agency, name: `<script>alert("x")</script> & 局` };
    doc.sections.problems = "第一段 <b>不是标签</b> & “引号” 'single'\n\n　　第二段\u0007有响铃字符";
    const { body } = await docxParts(doc);
    const paragraphs = children(body, "w:p").map((p) => text(p));
    expect(paragraphs).toContain("第一段 <b>不是标签</b> & “引号” 'single'");
    expect(paragraphs).toContain("第二段有响铃字符");
    expect(paragraphs[0]).toBe(`<script>alert("x")</script> & 局2021年政府信息公开工作年度报告`);
    expect(paragraphs).toContain(`<script>alert("x")</script> & 局`);
  });

  it("renders English labels with lang en", async () => {
    const { body } = await docxParts(fixtureReport(), "en");
    const all_text = text(body);
    expect(all_text).toContain("1. Overview");
    expect(all_text).toContain("Applicants");
    expect(all_text).toContain("Administrative reconsideration");
    expect(all_text).toContain("28 January 2022");
    expect(all_text).not.toContain("申请人情况");
  });

  it("exports the 2019 format with its 第二十条第（九）项 block and the amount's unit", async () => {
    const doc = sampleReport({ seed: 3, year: 2020, agencyName: "武汉市生态环境局" });
    const { body } = await docxParts(doc);
    const [disclosure] = children(body, "w:tbl");
    const labels = all(disclosure!, "w:tc").map((tc) => text(tc));
    expect(labels).toContain("第二十条第（九）项");
    expect(labels).toContain("采购总金额");
    const amount = (doc.tables as { activeDisclosure: { centralizedProcurement: { totalAmount: string } } }).activeDisclosure
      .centralizedProcurement.totalAmount;
    expect(labels).toContain(`${amount}元`);
    expect(children(disclosure!, "w:tr")).toHaveLength(getFormat("2019").layouts[0]!.rows.length);
    expect(text(body)).toContain("五、政府信息公开工作存在的主要问题及改进情况");
  });
});

function valueOf(doc: ReturnType<typeof fixtureReport>, cellId: string): string {
  const cell = getFormat(doc.formatVersion).cellById.get(cellId)!;
  let node: unknown = doc.tables;
  for (const key of cell.path) node = (node as Record<string, unknown>)[key];
  return node === null ? "" : String(node);
}
