import { describe, expect, it } from "vitest";
import { getFormat, reportDocumentSchema } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { csvField, renderCsv } from "./csv";
import { flatRows } from "./flat";
import { EXPORT_FORMATS, ExportError, exportReport, renderJson } from "./index";
import { escapeMarkdown, renderMarkdown } from "./markdown";
import { fixtureReport, withNulls } from "../test-support/export";

/** A strict RFC 4180 reader, to check what the writer wrote rather than trust it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (ch === "\n" || ch === "\r" || ch === '"') {
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    } else {
      field += ch;
    }
  }
  if (field !== "" || row.length > 0) throw new Error("last line not ended with CRLF");
  return rows;
}

describe("CSV export", () => {
  it("is UTF-8 with a BOM, CRLF, a header and one row per cell", () => {
    const doc = withNulls(fixtureReport(), ["reviewLitigation.review.total"]);
    const csv = renderCsv(doc);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(["单元格编号", "项目", "数值"]);
    const cells = getFormat("2021").cells;
    expect(rows.slice(1).map((r) => r[0])).toEqual(cells.map((c) => c.id));
    expect(rows.every((r) => r.length === 3)).toBe(true);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byId.get("reviewLitigation.review.total")![2]).toBe("");
    expect(byId.get("applications.results.denied.stateSecret.natural")![1]).toBe(
      "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 / 自然人",
    );
    expect(byId.get("activeDisclosure.fees.amount")![2]).toMatch(/^\d+(\.\d+)?$/);
  });

  it("quotes fields per RFC 4180 (English labels carry commas)", () => {
    const rows = parseCsv(renderCsv(fixtureReport(), { lang: "en" }).slice(1));
    expect(rows[0]).toEqual(["cell_id", "label_path", "value"]);
    const fees = rows.find((r) => r[0] === "activeDisclosure.fees.amount")!;
    expect(fees[1]).toBe("Art. 20 (8) / Administrative fees / Fees collected this year (10,000 yuan)");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("line\r\nbreak")).toBe('"line\r\nbreak"');
    expect(csvField("plain")).toBe("plain");
  });

  it("carries the 2019 amount's unit as its own row", () => {
    const doc = sampleReport({ seed: 2, year: 2019 });
    const rows = parseCsv(renderCsv(doc).slice(1));
    expect(rows.length - 1).toBe(flatRows(doc, "zh").length);
    expect(rows.find((r) => r[0] === "activeDisclosure.centralizedProcurement.totalAmountUnit")![2]).toBe("元");
  });
});

describe("Markdown export", () => {
  it("has the title, the headings and pipe tables whose rows all have the table's width", () => {
    const doc = fixtureReport();
    const md = renderMarkdown(doc);
    const lines = md.split("\n");
    expect(lines[0]).toBe("# 台儿庄区科技局2021年政府信息公开工作年度报告");
    expect(lines.filter((l) => l.startsWith("## "))).toEqual(getFormat("2021").def.sections.map((s) => `## ${s.heading.zh}`));
    // Every table line has as many cells as its table's grid is wide (escaped pipes do not count).
    const widths = new Set(getFormat("2021").layouts.map((l) => l.columns));
    for (const line of lines.filter((l) => l.startsWith("|"))) {
      const cells = line.replace(/\\\|/g, "").split("|").length - 2;
      expect(widths.has(cells)).toBe(true);
    }
    // The blocks of 二 each get a bold title and a table of their own.
    expect(lines.filter((l) => /^\*\*第二十条第（[一二三四五六七八九]）项\*\*$/.test(l))).toHaveLength(4);
    expect(md).toContain("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |");
    // Header paths and repeated row labels keep every row readable on its own.
    expect(md).toContain("申请人情况 / 法人或其他组织 / 商业企业");
    expect(md).toContain("行政诉讼 / 未经复议直接起诉 / 结果维持");
    expect(lines.filter((l) => l.startsWith("| 三、本年度办理结果 |"))).toHaveLength(22);
    expect(lines.slice(-3)).toEqual(["台儿庄区科技局\\", "2022年1月28日", ""]);
  });

  it("escapes text so Markdown shows it as written", () => {
    const doc = fixtureReport();
    doc.sections.other = "# not a heading | pipe *star* <b>tag</b>\n1. not a list";
    const md = renderMarkdown(doc);
    expect(md).toContain("\\# not a heading \\| pipe \\*star\\* \\<b\\>tag\\</b\\>");
    expect(md).toContain("1\\. not a list");
    expect(escapeMarkdown("a|b")).toBe("a\\|b");
  });

  it("leaves null cells blank", () => {
    const doc = withNulls(fixtureReport(), ["reviewLitigation.review.upheld"]);
    const lines = renderMarkdown(doc).split("\n");
    const header = lines.findIndex((l) => l.startsWith("| 行政复议 / 结果维持 |"));
    const cells = lines[header + 2]!.split("|")
      .slice(1, -1)
      .map((c) => c.trim());
    expect(cells).toHaveLength(15);
    expect(cells[0]).toBe("");
    expect(cells.slice(1).every((c) => /^\d+$/.test(c))).toBe(true);
  });
});

describe("JSON export and exportReport", () => {
  it("writes the contract document, pretty-printed", async () => {
    const doc = fixtureReport();
    expect(JSON.parse(renderJson(doc))).toEqual(doc);
    expect(renderJson(doc)).toContain('\n  "formatVersion": "2021",\n');
    const result = await exportReport(doc, "json");
    expect(reportDocumentSchema.parse(JSON.parse(new TextDecoder().decode(result.data)))).toEqual(doc);
  });

  it("names the file after the report and gives its type", async () => {
    const doc = fixtureReport();
    const expected: Record<string, string> = {
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      html: "text/html; charset=utf-8",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      md: "text/markdown; charset=utf-8",
      csv: "text/csv; charset=utf-8",
      json: "application/json",
    };
    for (const format of EXPORT_FORMATS) {
      const result = await exportReport(doc, format);
      expect(result.filename).toBe(`台儿庄区科技局2021年政府信息公开工作年度报告.${format}`);
      expect(result.extension).toBe(format);
      expect(result.mimeType).toBe(expected[format]);
      expect(result.data.byteLength).toBeGreaterThan(100);
    }
    const zip = await exportReport(doc, "docx");
    expect([...zip.data.slice(0, 2)]).toEqual([0x50, 0x4b]); // PK
    const titled = await exportReport({ ...doc, agency: { ...doc.agency, name: "a/b:c" } }, "csv", { title: "汇总 / 2021?" });
    expect(titled.filename).toBe("汇总 _ 2021_.csv");
  });

  it("refuses a document that does not fit the contract, naming the field", async () => {
    const doc = fixtureReport() as unknown as { tables: { applications: { newReceived: Record<string, unknown> } } };
    doc.tables.applications.newReceived.natural = "many";
    const error = await exportReport(doc as never, "docx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).paths).toContain("tables.applications.newReceived.natural");
    // In the form's words, from core's validator.
    expect((error as Error).message).toBe("报告不符合文档格式，无法导出：一、本年新收政府信息公开申请数量/自然人：“many”不是非负整数");
    await expect(exportReport(fixtureReport(), "pdf" as never)).rejects.toThrow(/unknown export format: pdf/);
  });
});
