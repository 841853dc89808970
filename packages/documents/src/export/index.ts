/**
 * Export side: a report document written as Word, HTML, Excel, Markdown, CSV or JSON, every format
 * drawn from the format definitions in @nianbao/core (sections, tables, layouts, labels).
 */
import type { ReportDocument } from "@nianbao/core";
import { exportCsv } from "./csv";
import { exportDocx } from "./docx";
import { exportHtml } from "./html";
import { reportTitle } from "./labels";
import { exportMarkdown } from "./markdown";
import { checkedDocument } from "./outline";
import { type ExportFormat, type ExportOptions, type ExportResult, EXPORT_FORMATS } from "./types";
import { exportXlsx } from "./xlsx";

export { EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportResult };
export { ExportError } from "./outline";
export { docxDocument, exportDocx } from "./docx";
export { exportHtml, renderHtml } from "./html";
export { buildWorkbook, exportXlsx } from "./xlsx";
export { exportMarkdown, renderMarkdown } from "./markdown";
export { exportCsv, renderCsv } from "./csv";
export { flatRows, type FlatRow } from "./flat";
export { reportTitle, signatureDate } from "./labels";

export function renderJson(doc: ReportDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export async function exportJson(doc: ReportDocument): Promise<Uint8Array> {
  return new TextEncoder().encode(renderJson(doc));
}

type Writer = (doc: ReportDocument, options: ExportOptions) => Promise<Uint8Array>;

const WRITERS: Record<ExportFormat, { mimeType: string; write: Writer }> = {
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", write: exportDocx },
  html: { mimeType: "text/html; charset=utf-8", write: exportHtml },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write: exportXlsx },
  md: { mimeType: "text/markdown; charset=utf-8", write: exportMarkdown },
  csv: { mimeType: "text/csv; charset=utf-8", write: exportCsv },
  json: { mimeType: "application/json", write: (doc) => exportJson(doc) },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** A file name from the title: characters Windows and macOS refuse in names become "_". */
export function exportFilename(title: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = title.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, "_").replace(/^[.\s]+|[.\s]+$/g, "");
  // At most 120 characters, counted by code point so an emoji is never cut in half.
  const safe = Array.from(cleaned).slice(0, 120).join("");
  return `${safe || "report"}.${extension}`;
}

/**
 * Write `doc` as `format`. The document is checked against the contract first; one that does not fit
 * (a missing cell, a wrong type) raises ExportError naming the fields, and nothing is written.
 */
export async function exportReport(doc: ReportDocument, format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
  const lang = options.lang ?? "zh";
  if (!isExportFormat(format)) {
    throw new RangeError(`unknown export format: ${String(format)}; expected one of ${EXPORT_FORMATS.join(", ")}`);
  }
  const checked = checkedDocument(doc, lang);
  const writer = WRITERS[format];
  const data = await writer.write(checked, { ...options, lang });
  const title = options.title ?? reportTitle(checked.agency.name, checked.year, lang);
  return { data, mimeType: writer.mimeType, extension: format, filename: exportFilename(title, format) };
}
