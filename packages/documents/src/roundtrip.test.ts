/**
 * Round trip: a valid report exported to Word, HTML or Excel and imported back is the same report —
 * every cell (nulls stay null, money keeps every digit), the three text sections, the agency's name,
 * the year, the format version and the publication date.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ReportDocument, cellEntries, getFormat, writeCell } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { type ExportFormat, exportReport } from "./export/index";
import { importReport } from "./import/index";

const NUM_RUNS = 15;

/** Names as agencies write them, with the characters that trip up escaping and title parsing. */
const AGENCY_NAMES = [
  "台儿庄区科技局",
  "北京市海淀区人民政府",
  "县市场监督管理局（知识产权局）",
  "上海市“一网通办”服务中心",
  "A&B联合办公室",
  "<测试>区数据局",
  "某市发展和改革委员会'办公室'",
  "中共某县委办公室",
];

/**
 * Pieces of paragraph text: ordinary prose, markup that must stay text, quotes, pipes, emoji, and what
 * looks like numbering, dates or a blank cell ("（一）", "1.", "12月31日", "-", "无") where a paragraph starts.
 */
const TOKENS = [
  "全年主动公开政府信息",
  "依申请公开工作有序推进",
  "。",
  "，",
  "；",
  "<script>alert(1)</script>",
  "<b>",
  "&amp;",
  "&",
  '"',
  "'",
  "“引号”",
  "《条例》",
  "|",
  ",",
  "*",
  "#",
  "\\",
  "😀",
  "　",
  "123",
  "4.5",
  "A B",
  "（一）",
  "1.",
  "一是",
  "2021年",
  "12月31日",
  "-",
  "/",
  "无",
  "0",
];

// A paragraph as the exporter writes it: no blank lines, no indentation at either end. A paragraph that
// is nothing but a full date ("2021年12月31日") is left out: at the end of 六 it reads as the signature
// date to a person as much as to the importer, so no reading of the page could tell it apart.
const paragraph = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 10 })
  .map((tokens) => tokens.join("").replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ""))
  .filter((text) => text.length > 0 && !/^\d{4}年\d{1,2}月\d{1,2}日$/u.test(text));
const sectionText = fc.array(paragraph, { minLength: 0, maxLength: 4 }).map((lines) => lines.join("\n"));

/** Valid reports from core's sample (every identity holds), then blanks and awkward texts on top. */
const reportArbitrary = (published: boolean) =>
  fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      year: fc.integer({ min: 2019, max: 2026 }),
      agency: fc.constantFrom(...AGENCY_NAMES),
      // From a small office's handful to a city's thousands.
      scale: fc.constantFrom(1, 5, 300, 5000),
      nulls: fc.array(fc.nat(), { maxLength: 30 }),
      overview: sectionText,
      problems: sectionText,
      other: sectionText,
    })
    .map(({ seed, year, agency, scale, nulls, overview, problems, other }): ReportDocument => {
      const doc = sampleReport({ seed, year, agencyName: agency, scale });
      const cells = getFormat(doc.formatVersion).cells;
      for (const n of nulls) writeCell(doc.tables as unknown as Record<string, unknown>, cells[n % cells.length]!, null);
      return { ...doc, publishedAt: published ? doc.publishedAt : null, sections: { overview, problems, other } };
    });

/** What must survive: everything the printed report shows. */
function comparable(doc: ReportDocument) {
  const procurement = (
    doc.tables as {
      activeDisclosure: { centralizedProcurement?: { totalAmount: string | null; totalAmountUnit?: string | null } };
    }
  ).activeDisclosure.centralizedProcurement;
  return {
    formatVersion: doc.formatVersion,
    year: doc.year,
    // The agency's kind is not printed in a report, so only its name can come back.
    agency: doc.agency.name,
    publishedAt: doc.publishedAt,
    sections: doc.sections,
    cells: cellEntries(doc),
    // The 2019 amount's unit, printed beside the amount (so only when there is one).
    unit: procurement?.totalAmount ? (procurement.totalAmountUnit ?? null) : null,
  };
}

async function roundTrip(doc: ReportDocument, format: ExportFormat): Promise<ReportDocument> {
  const exported = await exportReport(doc, format);
  const { report, kind } = await importReport(exported.data, { filename: exported.filename });
  expect(kind).toBe(format);
  return report;
}

describe.each(["docx", "html", "xlsx"] as const)("round trip through %s", (format) => {
  // An unpublished report ends with the agency's name alone, no date under it: that line is the
  // signature, not more text of 六、其他需要报告的事项.
  it.each([
    ["a published", true],
    ["an unpublished", false],
  ])("imports %s report back unchanged", async (_, published) => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary(published), async (doc) => {
        const back = await roundTrip(doc, format);
        expect(comparable(back)).toEqual(comparable(doc));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
