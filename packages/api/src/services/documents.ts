/**
 * The import and export functions of @nianbao/documents, looked up when called. The API is built
 * against their published names; a procedure whose function is not available yet answers
 * PRECONDITION_FAILED instead of failing at start-up.
 */
import type { Finding, Lang, ReportDocument } from "@nianbao/core";
import * as documents from "@nianbao/documents";
import { AppError } from "@nianbao/db";

export const EXPORT_FORMATS = ["docx", "html", "xlsx", "md", "csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Imported {
  report: ReportDocument;
  findings: Finding[];
  kind: string;
}

export interface Exported {
  data: Uint8Array;
  mimeType: string;
  extension: string;
  filename: string;
}

type ImportFn = (data: Uint8Array, options: { filename?: string; lang?: Lang }) => Promise<Imported>;
type ExportFn = (doc: ReportDocument, format: ExportFormat, options: { lang?: Lang }) => Promise<Exported>;

const api = documents as unknown as { importReport?: ImportFn; exportReport?: ExportFn; ImportError?: new (...args: never[]) => Error };

export function importAvailable(): boolean {
  return typeof api.importReport === "function";
}

export async function importDocument(data: Uint8Array, options: { filename?: string; lang?: Lang }): Promise<Imported> {
  if (!api.importReport) throw new AppError("PRECONDITION_FAILED", "import.failed", { message: "importer unavailable" });
  try {
    return await api.importReport(data, options);
  } catch (error) {
    // ImportError: a file that is not a report. Its one-line message is meant for the user.
    if (error instanceof Error && (error.name === "ImportError" || (api.ImportError && error instanceof api.ImportError))) {
      throw new AppError("BAD_REQUEST", "import.failed", { message: error.message }, { field: "data" });
    }
    throw error;
  }
}

export async function exportDocument(doc: ReportDocument, format: ExportFormat, lang: Lang): Promise<Exported> {
  if (!api.exportReport) throw new AppError("PRECONDITION_FAILED", "export.unavailable", { format });
  return api.exportReport(doc, format, { lang });
}
