import type { Lang } from "@nianbao/core";

export const EXPORT_FORMATS = ["docx", "html", "xlsx", "md", "csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** zh (default): the official document is Chinese. en renders every label and heading in English. */
  lang?: Lang;
  /** Replaces the title 「{机关}{年度}年政府信息公开工作年度报告」 (and the file name built from it). */
  title?: string;
}

export interface ExportResult {
  data: Uint8Array;
  mimeType: string;
  /** Without the dot: "docx". */
  extension: string;
  /** 台儿庄区科技局2021年政府信息公开工作年度报告.docx */
  filename: string;
}
