/**
 * Import: a report file (Word, PDF, HTML, Excel, text or the contract's JSON) → a report document of
 * the contract, with `null` wherever a value cannot be trusted, plus IMPORT-* findings that say why.
 *
 * Every source is first read into blocks (paragraphs and tables, ./blocks), then one assembler finds
 * the title, sections, signature and table cells (./assemble). Files that are not reports, damaged,
 * too large or zip bombs are refused with an ImportError whose message is one line.
 */
import { type Finding, type Lang, type ReportDocument, withoutUnsafeCharacters } from "@nianbao/core";
import { assembleReport } from "./assemble/report";
import type { Block } from "./blocks";
import { formatBytes, ImportError } from "./errors";
import { importJson } from "./json";
import { type SourceKind, sniff } from "./sniff";
import { docxToBlocks } from "./sources/docx";
import { htmlToBlocks } from "./sources/html";
import { pdfTextToBlocks, readPdfText } from "./sources/pdf";
import { textToBlocks } from "./sources/text";
import { xlsxToBlocks } from "./sources/xlsx";
import { BoundedZip, ZipProblem } from "./zip";

export { detectKind, type SourceKind } from "./sniff";
export { ImportError, type ImportErrorCode, type ImportErrorReason } from "./errors";
export { type ImportRuleId } from "./findings";
export { UNKNOWN_AGENCY } from "./assemble/report";
export {
  type CorpusEntry,
  type CorpusExpectation,
  type CorpusScore,
  corpusFigures,
  expectedCells,
  formatCorpusFigures,
  scoreImport,
} from "./corpus";
export { type CheckedFile, checkCorpusDir } from "./corpus-dir";
export type { Block, ParagraphBlock, TableBlock, SourceCell } from "./blocks";

export interface ImportOptions {
  /** The file's name: a tie-breaker for the kind only (content decides). */
  filename?: string;
  lang?: Lang;
  /** Files larger than this are refused before parsing. Default 20 MiB. */
  maxBytes?: number;
}

export interface ImportResult {
  report: ReportDocument;
  findings: Finding[];
  kind: SourceKind;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** What the archive may expand to: generous for real files (images are never inflated for Word), tiny next to a bomb. */
function inflateBudget(size: number): number {
  return Math.min(512 * 1024 * 1024, Math.max(32 * 1024 * 1024, size * 10));
}

// In Chinese the name runs on into the next word ("Word 文件"), so a Latin name ends in a space.
const KIND_NAMES: Record<Lang, Record<SourceKind, string>> = {
  zh: { docx: "Word ", pdf: "PDF ", html: "网页", xlsx: "Excel ", text: "文本", json: "JSON " },
  en: { docx: "Word", pdf: "PDF", html: "HTML", xlsx: "Excel", text: "text", json: "JSON" },
};

function zipError(problem: ZipProblem, lang: Lang, size: number): ImportError {
  switch (problem.problem) {
    case "tooLarge":
      return new ImportError("inflatesTooLarge", lang, { limit: formatBytes(inflateBudget(size)) }, problem);
    case "encrypted":
      return new ImportError("encrypted", lang, {}, problem);
    default:
      return new ImportError("corruptZip", lang, { detail: problem.message }, problem);
  }
}

async function toBlocks(kind: Exclude<SourceKind, "json">, data: Uint8Array, text: string | undefined, lang: Lang): Promise<Block[]> {
  switch (kind) {
    case "text":
      return textToBlocks(text ?? "");
    case "html":
      return htmlToBlocks(text ?? "");
    case "docx":
      return docxToBlocks(new BoundedZip(data, inflateBudget(data.length)));
    case "xlsx": {
      // exceljs unzips everything itself, so the whole archive is proven to fit the budget first.
      new BoundedZip(data, inflateBudget(data.length)).checkAll();
      return xlsxToBlocks(data);
    }
    case "pdf": {
      let pdf;
      try {
        pdf = await readPdfText(data, { lang });
      } catch (error) {
        if (error instanceof Error && error.name === "PasswordException") throw new ImportError("encrypted", lang, {}, error);
        throw error;
      }
      if (!pdf.items.some((item) => item.text.trim())) throw new ImportError("scanned", lang);
      return pdfTextToBlocks(pdf);
    }
  }
}

/**
 * The report with its texts cleaned of characters no stored text may hold (a form feed between PDF
 * pages, a stray control character from Word): what the API refuses must never come from the importer,
 * or an imported draft could not be saved back from the editor.
 */
function storableText(report: ReportDocument): ReportDocument {
  const sections = Object.fromEntries(
    Object.entries(report.sections).map(([key, text]) => [key, typeof text === "string" ? withoutUnsafeCharacters(text) : text]),
  ) as ReportDocument["sections"];
  return { ...report, agency: { ...report.agency, name: withoutUnsafeCharacters(report.agency.name) }, sections };
}

/**
 * Reads a report file. Resolves to the document and its IMPORT-* findings; rejects only with an
 * ImportError (EMPTY, NOT_A_REPORT, UNSUPPORTED, CORRUPT, TOO_LARGE, SCANNED_PDF).
 */
export async function importReport(data: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const lang: Lang = options.lang === "en" ? "en" : "zh";
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(data instanceof Uint8Array) || data.length === 0) throw new ImportError("empty", lang);
  if (data.length > maxBytes) {
    throw new ImportError("tooLarge", lang, { size: formatBytes(data.length), limit: formatBytes(maxBytes) });
  }
  const sniffed = sniff(data, options.filename);
  if ("refuse" in sniffed) throw new ImportError(sniffed.refuse, lang, { detail: sniffed.detail ?? "" });
  const kind = sniffed.kind;
  try {
    if (kind === "json") {
      const { report, findings } = importJson(sniffed.text ?? "", lang);
      return { report: storableText(report), findings: findings.items, kind };
    }
    const blocks = await toBlocks(kind, data, sniffed.text, lang);
    if (
      !blocks.some((block) =>
        block.kind === "paragraph" ? block.text.trim() : block.rows.some((row) => row.some((cell) => cell.text.trim())),
      )
    ) {
      throw new ImportError("noText", lang);
    }
    const { report, findings } = assembleReport(blocks, lang);
    return { report: storableText(report), findings: findings.items, kind };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof ZipProblem) throw zipError(error, lang, data.length);
    // Anything a parser throws on a damaged file: one line for the person, the cause kept for logs.
    throw new ImportError("corrupt", lang, { kind: KIND_NAMES[lang][kind] }, error);
  }
}
