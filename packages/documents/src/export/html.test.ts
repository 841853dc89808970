import { describe, expect, it } from "vitest";
import { getFormat } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { renderHtml } from "./html";
import { all, attr, children, fixtureReport, one, originCells, parseHtml, text, withNulls } from "../test-support/export";

describe("HTML export", () => {
  it("is one standalone zh-CN page with the title, six sections and the signature", () => {
    const html = renderHtml(fixtureReport());
    const dom = parseHtml(html);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(attr(one(dom, "html"), "lang")).toBe("zh-CN");
    expect(attr(one(dom, "meta"), "charset")).toBe("utf-8");
    expect(text(one(dom, "title")!)).toBe("台儿庄区科技局2021年政府信息公开工作年度报告");
    expect(text(one(dom, "h1")!)).toBe("台儿庄区科技局2021年政府信息公开工作年度报告");
    expect(all(dom, "h2").map((h) => text(h))).toEqual(getFormat("2021").def.sections.map((s) => s.heading.zh));
    // Nothing is loaded from elsewhere.
    expect(all(dom, "link")).toHaveLength(0);
    expect(all(dom, "script")).toHaveLength(0);
    expect(html).not.toMatch(/\bsrc=|\bhref=/);
    const signature = all(dom, "div").find((d) => attr(d, "class") === "signature")!;
    expect(children(signature, "p").map((p) => text(p))).toEqual(["台儿庄区科技局", "2022年1月28日"]);
  });

  it("has a print stylesheet: A4 with the GB/T margins, page numbers, rows kept whole, header rows repeated", () => {
    const css = text(one(parseHtml(renderHtml(fixtureReport())), "style")!);
    expect(css).toContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }");
    expect(css).toMatch(/@bottom-right \{ content: "— " counter\(page\) " —"/);
    expect(css).toMatch(/@media print \{[\s\S]*break-inside: avoid[\s\S]*thead \{ display: table-header-group; \}/);
    expect(css).toContain('"Noto Serif CJK SC"');
    expect(css).toContain("FangSong");
    expect(css).toContain("SimHei");
  });

  it("draws each table with core's rowspan/colspan and values", () => {
    const doc = fixtureReport();
    const format = getFormat("2021");
    const dom = parseHtml(renderHtml(doc));
    const tables = all(dom, "table");
    expect(tables.map((t) => attr(t, "data-table"))).toEqual(format.layouts.map((l) => l.tableId));
    tables.forEach((table, t) => {
      const layout = format.layouts[t]!;
      expect(all(table, "col")).toHaveLength(layout.columns);
      const rows = all(table, "tr");
      expect(rows).toHaveLength(layout.rows.length);
      expect(all(one(table, "thead") ?? table, "tr").length).toBe(layout.headerRows > 0 ? layout.headerRows : rows.length);
      const origins = originCells(layout);
      rows.forEach((tr, r) => {
        const cells = tr.children.filter((c) => "name" in c && ["td", "th"].includes((c as { name: string }).name));
        expect(cells).toHaveLength(origins[r]!.length);
        cells.forEach((el, i) => {
          const { cell } = origins[r]![i]!;
          const element = el as Parameters<typeof attr>[0];
          expect(Number(attr(element, "rowspan") ?? 1)).toBe(cell.rowspan);
          expect(Number(attr(element, "colspan") ?? 1)).toBe(cell.colspan);
          if (cell.role === "data") {
            expect(attr(element, "data-cell")).toBe(cell.cellId);
            const def = format.cellById.get(cell.cellId!)!;
            let value: unknown = doc.tables;
            for (const key of def.path) value = (value as Record<string, unknown>)[key];
            expect(text(element!)).toBe(String(value));
          } else {
            expect(text(element!)).toBe(cell.label!.zh);
          }
        });
      });
    });
    const applicants = all(dom, "th").find((th) => text(th) === "申请人情况")!;
    expect(attr(applicants, "colspan")).toBe("7");
    const legal = all(dom, "th").find((th) => text(th) === "法人或其他组织")!;
    expect(attr(legal, "colspan")).toBe("5");
    const results = all(dom, "th").find((th) => text(th) === "三、本年度办理结果")!;
    expect(attr(results, "rowspan")).toBe("22"); // （一） to （七）: 22 rows in 2021
  });

  it("escapes hostile text everywhere", () => {
    const doc = fixtureReport();
    const hostile = `<script>alert("x")</script> & 'q' <img src=x onerror=1>`;
    doc.agency = { ...doc.agency, name: hostile };
    doc.sections.overview = `${hostile}\n（一）<b>bold</b> & more。rest "quoted"`;
    const html = renderHtml(doc);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    const dom = parseHtml(html);
    expect(all(dom, "script")).toHaveLength(0);
    expect(all(dom, "img")).toHaveLength(0);
    expect(text(one(dom, "title")!)).toBe(`${hostile}2021年政府信息公开工作年度报告`);
    const paragraphs = all(dom, "p").map((p) => text(p));
    expect(paragraphs).toContain(hostile);
    expect(paragraphs).toContain(`（一）<b>bold</b> & more。rest "quoted"`);
    // The second-level heading sentence is marked for 楷体, the rest is plain text.
    const level2 = all(dom, "span").find((s) => attr(s, "class") === "level2")!;
    expect(text(level2)).toBe("（一）<b>bold</b> & more。");
  });

  it("leaves null cells empty", () => {
    const doc = withNulls(fixtureReport(), ["applications.carriedForward.total", "activeDisclosure.fees.amount"]);
    const dom = parseHtml(renderHtml(doc));
    const cell = (id: string) => all(dom, "td").find((td) => attr(td, "data-cell") === id)!;
    expect(text(cell("applications.carriedForward.total"))).toBe("");
    expect(text(cell("activeDisclosure.fees.amount"))).toBe("");
    expect(text(cell("applications.carriedForward.natural"))).not.toBe("");
  });

  it("renders English with lang en", () => {
    const dom = parseHtml(renderHtml(fixtureReport(), { lang: "en" }));
    expect(attr(one(dom, "html"), "lang")).toBe("en");
    expect(all(dom, "h2").map((h) => text(h))[0]).toBe("1. Overview");
    expect(all(dom, "th").map((th) => text(th))).toContain("Legal persons or other organisations");
  });

  it("renders the 2019 format with the procurement block", () => {
    const doc = sampleReport({ seed: 5, year: 2019 });
    const dom = parseHtml(renderHtml(doc));
    const layout = getFormat("2019").layouts[0]!;
    expect(all(all(dom, "table")[0]!, "tr")).toHaveLength(layout.rows.length);
    expect(all(dom, "th").map((th) => text(th))).toContain("第二十条第（九）项");
    const amount = all(dom, "td").find((td) => attr(td, "data-cell") === "activeDisclosure.centralizedProcurement.totalAmount")!;
    expect(text(amount)).toMatch(/^\d+元$/);
  });
});
