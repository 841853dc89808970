/**
 * CSV (RFC 4180): one row per cell, `cell id, label path, value`, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break. UTF-8 with a byte-order mark, which is how Excel on a
 * Chinese Windows recognises UTF-8 rather than reading the labels as GBK.
 */
import type { ReportDocument } from "@nianbao/core";
import { flatRows } from "./flat";
import { FLAT_COLUMNS } from "./labels";
import type { ExportOptions } from "./types";

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(doc: ReportDocument, options: ExportOptions = {}): string {
  const lang = options.lang ?? "zh";
  const lines = [FLAT_COLUMNS[lang].map(csvField).join(",")];
  for (const row of flatRows(doc, lang)) {
    lines.push([row.id, row.labelPath, row.value === null ? "" : String(row.value)].map(csvField).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function exportCsv(doc: ReportDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  return new TextEncoder().encode(renderCsv(doc, options));
}
