/**
 * ImportError: the one error the importer throws. Its message is a single line for a person (zh-CN by
 * default, English on request) that says why the file was refused; never a stack trace.
 */
import { type Lang, fill } from "@nianbao/core";

export type ImportErrorCode = "EMPTY" | "NOT_A_REPORT" | "UNSUPPORTED" | "CORRUPT" | "TOO_LARGE" | "SCANNED_PDF";

/** The code of each reason a file is refused for. */
const CODES = {
  EMPTY: ["empty", "noText"],
  NOT_A_REPORT: ["image", "otherZip", "binary", "noReport"],
  UNSUPPORTED: ["legacyOffice", "rtf", "encrypted"],
  CORRUPT: ["corruptZip", "corrupt", "badJson"],
  TOO_LARGE: ["tooLarge", "tooManyPages", "inflatesTooLarge"],
  SCANNED_PDF: ["scanned"],
} as const satisfies Record<ImportErrorCode, readonly string[]>;

export type ImportErrorReason = (typeof CODES)[ImportErrorCode][number];

/** Why a file was refused, in each language. `{detail}` placeholders are filled from the throw site. */
const MESSAGES: Record<Lang, Record<ImportErrorReason, string>> = {
  zh: {
    empty: "文件为空",
    noText: "文件中没有文字内容",
    image: "这是一张图片（{detail}），不是年度报告文件；请提供 Word、PDF、网页、Excel 或文本文件",
    otherZip: "这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件",
    binary: "无法识别的二进制文件，不是年度报告",
    noReport: "文件中没有找到年度报告的标题、章节或统计表",
    legacyOffice: "不支持旧版 Office 文件（.doc/.xls），请另存为 .docx 或 .xlsx 后再导入",
    rtf: "不支持 RTF 文件，请另存为 .docx 后再导入",
    encrypted: "文件已加密，请解除密码保护后再导入",
    corruptZip: "文件已损坏：{detail}",
    corrupt: "{kind}文件已损坏或无法解析",
    badJson: "JSON 格式错误：{detail}",
    tooLarge: "文件过大（{size}），超过上限 {limit}",
    tooManyPages: "PDF 共 {pages} 页，超过上限 {limit} 页；年度报告一般只有几十页，请确认文件是否正确",
    inflatesTooLarge: "压缩内容解压后过大（超过 {limit}），疑似压缩炸弹，已拒绝",
    scanned: "PDF 没有文字层（可能是扫描件），无法读取；请提供带文字的 PDF 或 Word 文件",
  },
  en: {
    empty: "The file is empty",
    noText: "The file contains no text",
    image: "This is an image ({detail}), not a report; provide a Word, PDF, HTML, Excel or text file",
    otherZip: "This is a zip archive but not a Word (.docx) or Excel (.xlsx) file",
    binary: "An unrecognised binary file, not a report",
    noReport: "No report title, section or statistical table was found in the file",
    legacyOffice: "Legacy Office files (.doc/.xls) are not supported; save as .docx or .xlsx and import again",
    rtf: "RTF files are not supported; save as .docx and import again",
    encrypted: "The file is encrypted; remove the password protection and import again",
    corruptZip: "The file is damaged: {detail}",
    corrupt: "The {kind} file is damaged or cannot be parsed",
    badJson: "Malformed JSON: {detail}",
    tooLarge: "The file is too large ({size}); the limit is {limit}",
    tooManyPages:
      "The PDF has {pages} pages, more than the limit of {limit}; an annual report has a few dozen pages, so check that this is the right file",
    inflatesTooLarge: "The compressed content expands beyond {limit} (a suspected zip bomb) and was refused",
    scanned: "The PDF has no text layer (probably a scan) and cannot be read; provide a PDF with text or a Word file",
  },
};

/** The code of each reason, looked up by reason. */
const CODE_OF = Object.fromEntries(Object.entries(CODES).flatMap(([code, reasons]) => reasons.map((reason) => [reason, code]))) as Record<
  ImportErrorReason,
  ImportErrorCode
>;

export class ImportError extends Error {
  override readonly name = "ImportError";
  readonly code: ImportErrorCode;
  readonly reason: ImportErrorReason;

  constructor(reason: ImportErrorReason, lang: Lang = "zh", params: Record<string, string | number> = {}, cause?: unknown) {
    // One line, whatever a parser put into `detail`.
    super(
      fill(MESSAGES[lang][reason], params)
        .replace(/\s*[\r\n]+\s*/g, " ")
        .slice(0, 300),
      cause === undefined ? undefined : { cause },
    );
    this.code = CODE_OF[reason];
    this.reason = reason;
  }
}

/** "20 MiB", "1.5 KiB": sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} B`;
}
