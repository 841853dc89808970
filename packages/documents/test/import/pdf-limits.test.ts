/**
 * Long PDFs: a file of more pages than a report ever has is refused before its pages are read, and
 * the text of a long one is matched in linear time without changing what is matched.
 */
import { normalizeForMatching } from "@nianbao/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeLongForMatching } from "../../src/import/assemble/matching";
import { ImportError, importReport } from "../../src/import/index";
import { MAX_PDF_PAGES, readPdfText } from "../../src/import/sources/pdf";
import { buildPdf } from "./helpers";

const page = (n: number) => `BT /F1 12 Tf 72 720 Td (Page ${n}) Tj ET`;
const pdfOf = (pages: number) => buildPdf(Array.from({ length: pages }, (_, i) => page(i + 1)));

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error("expected a refusal");
}

describe("the PDF page limit", () => {
  it("refuses a PDF of more pages than the limit, naming its page count and the limit in one line", async () => {
    const data = pdfOf(MAX_PDF_PAGES + 1);
    const zh = await refusal(() => importReport(data));
    expect(zh.code).toBe("TOO_LARGE");
    expect(zh.reason).toBe("tooManyPages");
    expect(zh.message).toBe(`PDF 共 ${MAX_PDF_PAGES + 1} 页，超过上限 ${MAX_PDF_PAGES} 页；年度报告一般只有几十页，请确认文件是否正确`);
    const en = await refusal(() => importReport(data, { lang: "en" }));
    expect(en.message).toContain(`has ${MAX_PDF_PAGES + 1} pages, more than the limit of ${MAX_PDF_PAGES}`);
    expect(en.message).not.toMatch(/[\r\n]/u);
  }, 60_000);

  it("reads a PDF of exactly the limit, and refuses one page more", async () => {
    const data = pdfOf(3);
    expect((await readPdfText(data, { maxPages: 3 })).pages).toBe(3);
    const error = await refusal(() => readPdfText(data, { maxPages: 2, lang: "en" }));
    expect(error.message).toMatch(/^The PDF has 3 pages, more than the limit of 2;/u);
  }, 60_000);
});

describe("matching the text of a long document", () => {
  // Characters at every kind of cut: digits and commas (thousands separators), full-width forms,
  // spaces of each kind, ASCII letters, Chinese, and a character outside the BMP.
  const pieces = ["1", "2", "0", ",", "，", "３", "，", " ", "\n", "\t", "\r", "\u3000", "a", "Z", "年", "统计", "𠀀", "（", "。"];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((parts) => parts.join(""));

  it("normalises a text cut into pieces exactly as core does the whole", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (input, size) => {
        expect(normalizeLongForMatching(input, size)).toBe(normalizeForMatching(input));
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it("normalises a long report text as core does", () => {
    const sentence = "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。共收到申请 1,234 件，PM 2.5 监测。\n";
    const long = sentence.repeat(2000);
    expect(normalizeLongForMatching(long)).toBe(normalizeForMatching(long));
  });
});
