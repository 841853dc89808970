/**
 * Long PDFs: a file of more pages than a report ever has is refused before its pages are read, and
 * the text of a long one is matched in linear time without changing what is matched.
 */
import { describe, expect, it } from "vitest";
import { ImportError, importReport } from "./index";
import { MAX_PDF_PAGES, readPdfText } from "./sources/pdf";
import { buildPdf } from "../test-support/import";

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
