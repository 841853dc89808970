/**
 * HTML: one standalone page that reads like the report as published on a government site and prints
 * like the Word file (A4, GB/T 9704 margins, "— 1 —" page numbers, header rows repeated, rows never
 * split). Every piece of text is escaped; the page loads nothing from outside.
 */
import type { LayoutCell, ReportDocument, TableLayout } from "@nianbao/core";
import { columnChars } from "./columns";
import { signatureOffsets } from "./gbt9704";
import { type ReportOutline, reportOutline } from "./outline";
import { escapeHtml } from "./text";
import type { ExportOptions } from "./types";

const SERIF = `"仿宋_GB2312", "FangSong_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const SANS = `"黑体", SimHei, STHeiti, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;
const KAI = `"楷体_GB2312", "KaiTi_GB2312", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", serif`;
const TITLE = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", STZhongsong, "Noto Serif CJK SC", "Source Han Serif SC", serif`;

// Sizes follow the Word file: 3号 (16 pt) text on a 28.95 pt line, 2号 title, 五号 tables.
const STYLE = `
:root { color: #000; background: #e9e9e9; }
body { margin: 0; }
.report { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12px auto; padding: 37mm 26mm 35mm 28mm;
  background: #fff; font-family: ${SERIF}; font-size: 16pt; line-height: 28.95pt; }
h1 .part { display: inline-block; }
h1 { font-family: ${TITLE}; font-size: 22pt; font-weight: normal; line-height: 1.45; text-align: center; margin: 0 0 28.95pt; }
h2 { font-family: ${SANS}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.level2 { font-family: ${KAI}; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 28.95pt; font-size: 10.5pt; line-height: 1.45; }
th, td { border: 0.75pt solid #000; padding: 0.5mm 1mm; text-align: center; vertical-align: middle; font-weight: normal; overflow-wrap: anywhere; }
th[scope="row"] { text-align: left; }
th[scope="rowgroup"] { text-align: center; }
.signature { margin-top: 28.95pt; text-align: right; }
.signature p { text-indent: 0; text-align: right; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt "宋体", SimSun, "Noto Serif CJK SC", serif; margin-right: 1em; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt "宋体", SimSun, "Noto Serif CJK SC", serif; margin-left: 1em; } }
@media print {
  :root { background: none; }
  .report { width: auto; min-height: 0; margin: 0; padding: 0; }
  /* A row never splits; a label spanning many rows (三、本年度办理结果) may, or the whole block would jump a page. */
  td, th:not([rowspan]) { break-inside: avoid; }
  thead { display: table-header-group; }
  .signature { break-inside: avoid; }
}
`;

/** GB/T 9704-2012 7.3.3: a paragraph opening with a second-level number shows its heading sentence in 楷体. */
function paragraphHtml(text: string): string {
  if (!/^（[一二三四五六七八九十]+）/u.test(text)) return `<p>${escapeHtml(text)}</p>`;
  const stop = text.indexOf("。");
  const head = stop < 0 ? text : text.slice(0, stop + 1);
  return `<p><span class="level2">${escapeHtml(head)}</span>${escapeHtml(text.slice(head.length))}</p>`;
}

function cellHtml(cell: LayoutCell, outline: ReportOutline): string {
  const spans = (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : "") + (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : "");
  if (cell.role === "data") {
    const id = cell.cellId ?? "";
    return `<td data-cell="${escapeHtml(id)}"${spans}>${escapeHtml(id ? outline.cellText(id) : "")}</td>`;
  }
  const text = escapeHtml(cell.label?.[outline.lang] ?? "");
  if (cell.role === "label") {
    return `<th scope="${cell.rowspan > 1 ? "rowgroup" : "row"}"${spans}>${text}</th>`;
  }
  // Block titles (第二十条第（一）项) and column headers.
  const scope = cell.role === "title" || cell.colspan > 1 ? "colgroup" : "col";
  return `<th scope="${scope}"${spans}>${text}</th>`;
}

function tableHtml(layout: TableLayout, outline: ReportOutline): string {
  const chars = columnChars(layout, outline.lang);
  const total = chars.reduce((a, b) => a + b, 0);
  const cols = chars.map((c) => `<col style="width:${((c / total) * 100).toFixed(2)}%">`).join("");
  const row = (cells: readonly LayoutCell[]) => `<tr>${cells.map((cell) => cellHtml(cell, outline)).join("")}</tr>`;
  const head = layout.rows.slice(0, layout.headerRows).map(row);
  const body = layout.rows.slice(layout.headerRows).map(row);
  return [
    `<table data-table="${escapeHtml(layout.tableId)}">`,
    `<colgroup>${cols}</colgroup>`,
    head.length > 0 ? `<thead>\n${head.join("\n")}\n</thead>` : "",
    `<tbody>\n${body.join("\n")}\n</tbody>`,
    `</table>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function signatureHtml(outline: ReportOutline): string {
  const { agency, date } = outline.signature;
  const { nameRight, dateRight } = signatureOffsets(agency, date);
  const line = (text: string, right: number) => `<p style="padding-right:${right}em">${escapeHtml(text)}</p>`;
  return `<div class="signature">\n${line(agency, nameRight)}${date ? `\n${line(date, dateRight)}` : ""}\n</div>`;
}

/**
 * GB/T 9704-2012 7.3.1: a title over two lines breaks where the sense does — after the agency's name.
 * Two inline blocks let the browser break there and only there; the text itself is unchanged.
 */
function titleHtml(outline: ReportOutline): string {
  const { title, titleBreak } = outline;
  if (titleBreak === null || titleBreak <= 0 || titleBreak >= title.length) return escapeHtml(title);
  const part = (text: string) => `<span class="part">${escapeHtml(text)}</span>`;
  return part(title.slice(0, titleBreak)) + part(title.slice(titleBreak));
}

export function renderHtml(doc: ReportDocument, options: ExportOptions = {}): string {
  const outline = reportOutline(doc, options.lang ?? "zh", options.title);
  const parts: string[] = [];
  let open = false;
  for (const block of outline.blocks) {
    if (block.kind === "heading") {
      if (open) parts.push("</section>");
      parts.push(`<section data-section="${escapeHtml(block.sectionKey)}">`, `<h2>${escapeHtml(block.text)}</h2>`);
      open = true;
    } else if (block.kind === "paragraph") {
      parts.push(paragraphHtml(block.text));
    } else {
      parts.push(tableHtml(block.layout, outline));
    }
  }
  if (open) parts.push("</section>");

  return `<!DOCTYPE html>
<html lang="${outline.lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(outline.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="report">
<h1>${titleHtml(outline)}</h1>
${parts.join("\n")}
${signatureHtml(outline)}
</main>
</body>
</html>
`;
}

export async function exportHtml(doc: ReportDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  return new TextEncoder().encode(renderHtml(doc, options));
}
