/**
 * Import and export through @nianbao/documents. A file that is not a report (ImportError), one that
 * exceeds the import's time or memory limit, or a document the exporter refuses (ExportError) is the
 * caller's problem: BAD_REQUEST with its one-line message. Anything else is a bug and surfaces as an
 * internal error. Imports run in worker threads (import-runner.ts), never on the request thread.
 */
import type { Lang, ReportDocument } from "@nianbao/core";
import { AppError } from "../errors";
import { EXPORT_FORMATS, type ExportFormat, ExportError, type ExportResult, exportReport, type ImportResult } from "@nianbao/documents";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, ImportLimitError, ImportRunner } from "./import-runner";

export { EXPORT_FORMATS, type ExportFormat };

/** One runner per set of limits (the production one, or a test's), made on first use. */
const runners = new Map<ImportLimits, ImportRunner>();

const LIMIT_MESSAGES = {
  time: {
    zh: (l: ImportLimits) => `读取文件超过${l.timeMs / 1000}秒，已停止（页数过多或结构异常）；年度报告一般只有几十页，请检查文件`,
    en: (l: ImportLimits) =>
      `reading the file took over ${l.timeMs / 1000} s and was stopped (too many pages or a malformed file); a report has a few dozen pages at most`,
  },
  memory: {
    zh: (l: ImportLimits) => `读取文件所需内存超过${l.heapMb} MB，已停止；请检查文件`,
    en: (l: ImportLimits) => `reading the file needed over ${l.heapMb} MB and was stopped; check the file`,
  },
};

export async function importDocument(
  data: Uint8Array,
  options: { filename?: string; lang?: Lang },
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ImportResult> {
  let runner = runners.get(limits);
  if (!runner) runners.set(limits, (runner = new ImportRunner(limits)));
  try {
    return await runner.run({ data, options });
  } catch (error) {
    if (!(error instanceof ImportLimitError) || error.reason === "failed") throw error;
    const message = error.reason === "refused" ? error.message : LIMIT_MESSAGES[error.reason][options.lang ?? "zh"](limits);
    throw new AppError("BAD_REQUEST", "import.failed", { message }, { field: "data" });
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
