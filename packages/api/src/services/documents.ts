/**
 * Import and export through @nianbao/documents. A file that is not a report (ImportError) or a
 * document the exporter refuses (ExportError) is the caller's problem: BAD_REQUEST with its one-line
 * message. Anything else is a bug and surfaces as an internal error.
 */
import type { Lang, ReportDocument } from "@nianbao/core";
import { AppError } from "@nianbao/db";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  ExportError,
  type ExportResult,
  exportReport,
  ImportError,
  type ImportResult,
  importReport,
} from "@nianbao/documents";

export { EXPORT_FORMATS, type ExportFormat };

export async function importDocument(data: Uint8Array, options: { filename?: string; lang?: Lang }): Promise<ImportResult> {
  try {
    return await importReport(data, options);
  } catch (error) {
    if (error instanceof ImportError) throw new AppError("BAD_REQUEST", "import.failed", { message: error.message }, { field: "data" });
    throw error;
  }
}

export async function exportDocument(doc: ReportDocument, format: ExportFormat, lang: Lang): Promise<ExportResult> {
  try {
    return await exportReport(doc, format, { lang });
  } catch (error) {
    if (error instanceof ExportError) throw new AppError("BAD_REQUEST", "export.failed", { message: error.message });
    throw error;
  }
}
