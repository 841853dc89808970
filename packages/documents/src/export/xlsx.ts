/**
 * Excel (.xlsx), written with exceljs. The workbook holds:
 * - 正文: the title, the text sections under their headings, and the signature;
 * - one sheet per table, named after its section, in the official layout: the heading, then the grid
 *   with its merged cells, borders, wrapped labels, column widths and repeated header rows in print;
 * - 数据: the flat list `cell id | label path | value` for statisticians (filter on, header frozen).
 * Counts are numbers; money is a number only when a number keeps every digit (see moneyAsNumber).
 */
import ExcelJS from "exceljs";
import { type CellDef, type LayoutCell, type ReportDocument, type TableLayout, resolveGrid } from "@nianbao/core";
import { columnChars } from "./columns";
import { type FlatRow, flatRows, moneyAsNumber } from "./flat";
import { FONTS } from "./gbt9704";
import { DATA_SHEET_NAME, FLAT_COLUMNS, MONEY_AS_TEXT_NOTE, TEXT_SHEET_NAME, headerWithUnit } from "./labels";
import { type ReportOutline, cellUnit, cellValue, reportOutline } from "./outline";
import { textWidth, xmlSafe } from "./text";
import type { ExportOptions } from "./types";

const MM_PER_INCH = 25.4;
/** GB/T 9704 margins, in the inches Excel's page setup takes. */
const PRINT_MARGINS = {
  top: 37 / MM_PER_INCH,
  bottom: 35 / MM_PER_INCH,
  left: 28 / MM_PER_INCH,
  right: 26 / MM_PER_INCH,
  header: 0.3,
  footer: 0.3,
};
/** Excel measures column width in widths of "0"; a CJK character at 10.5 pt takes about two. */
const WIDTH_PER_CHAR = 2.1;
const TABLE_FONT = { name: "宋体", size: 10.5 } as const;
const LINE_POINTS = 14;
/** Excel refuses a cell longer than this. */
const EXCEL_CELL_LIMIT = 32_767;

const thin = { style: "thin", color: { argb: "FF000000" } } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
function sheetName(text: string, taken: Set<string>): string {
  const base =
    xmlSafe(text)
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function writeMoney(target: ExcelJS.Cell, amount: string, lang: "zh" | "en"): void {
  const number = moneyAsNumber(amount);
  if (number === null) {
    // Beyond 15 significant digits Excel would round the amount: keep it as text and say why.
    target.value = amount;
    target.note = MONEY_AS_TEXT_NOTE[lang];
  } else {
    target.value = number;
  }
}

function writeDataCell(target: ExcelJS.Cell, doc: ReportDocument, cell: CellDef, lang: "zh" | "en"): void {
  const value = cellValue(doc, cell);
  if (value === null || value === undefined) return;
  if (cell.kind === "money" && typeof value === "string") writeMoney(target, value, lang);
  else target.value = value;
}

/**
 * A number cannot carry a unit, so where the form's header gives none and the document records the
 * unit the amount is in (2019 采购总金额: 元), the header of that column states it, as 2021's
 * 「本年收费金额（单位：万元）」 does. Word and HTML write the unit beside the amount instead.
 */
function headerUnits(layout: TableLayout, outline: ReportOutline, doc: ReportDocument): Map<LayoutCell, string> {
  const grid = resolveGrid(layout);
  const labels = new Map<LayoutCell, string>();
  grid.forEach((row, r) =>
    row.forEach((slot, c) => {
      const def = slot.origin && slot.cell.cellId ? outline.format.cellById.get(slot.cell.cellId) : undefined;
      const unit = def ? cellUnit(doc, def) : null;
      if (!unit) return;
      for (let above = r - 1; above >= 0; above--) {
        const header = grid[above]![c]!.cell;
        if (header.role !== "header" || !header.label) continue;
        labels.set(header, headerWithUnit(header.label[outline.lang], unit, outline.lang));
        return;
      }
    }),
  );
  return labels;
}

/** Row heights: Excel does not grow a row for wrapped text in merged cells, so they are estimated here. */
function rowHeights(layout: TableLayout, widths: number[], outline: ReportOutline): number[] {
  const lines = layout.rows.map(() => 1);
  resolveGrid(layout).forEach((row, r) => {
    row.forEach((slot, c) => {
      if (!slot.origin || slot.cell.role === "data" || !slot.cell.label) return;
      const width = widths.slice(c, c + slot.cell.colspan).reduce((a, b) => a + b, 0) - 0.6;
      const needed = Math.ceil(textWidth(slot.cell.label[outline.lang]) / Math.max(1, width));
      const perRow = Math.ceil(needed / slot.cell.rowspan);
      for (let dr = 0; dr < slot.cell.rowspan; dr++) lines[r + dr] = Math.max(lines[r + dr]!, perRow);
    });
  });
  return lines.map((n) => n * LINE_POINTS + 4);
}

function tableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  heading: string,
  layout: TableLayout,
  outline: ReportOutline,
  doc: ReportDocument,
): void {
  const widths = columnChars(layout, outline.lang);
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: PRINT_MARGINS,
      // The heading is row 1; the table's header rows follow and repeat on every printed page.
      ...(layout.headerRows > 0 ? { printTitlesRow: `2:${1 + layout.headerRows}` } : {}),
    },
    views: layout.headerRows > 0 ? [{ state: "frozen", ySplit: 1 + layout.headerRows }] : [],
  });
  sheet.columns = widths.map((chars) => ({ width: Math.round(chars * WIDTH_PER_CHAR * 10) / 10 }));

  sheet.mergeCells(1, 1, 1, layout.columns);
  const title = sheet.getCell(1, 1);
  title.value = xmlSafe(heading);
  title.font = { name: FONTS.heading1, size: 14 };
  title.alignment = { vertical: "middle", horizontal: "left" };
  sheet.getRow(1).height = 24;

  const heights = rowHeights(layout, widths, outline);
  const unitHeaders = headerUnits(layout, outline, doc);
  resolveGrid(layout).forEach((row, r) => {
    const excelRow = r + 2;
    sheet.getRow(excelRow).height = heights[r]!;
    row.forEach((slot, c) => {
      const target = sheet.getCell(excelRow, c + 1);
      target.border = BORDER;
      target.font = TABLE_FONT;
      if (!slot.origin) return;
      const { cell } = slot;
      if (cell.rowspan > 1 || cell.colspan > 1) {
        sheet.mergeCells(excelRow, c + 1, excelRow + cell.rowspan - 1, c + cell.colspan);
      }
      styleLayoutCell(target, cell);
      if (cell.role === "data") {
        const def = cell.cellId ? outline.format.cellById.get(cell.cellId) : undefined;
        if (def) writeDataCell(target, doc, def, outline.lang);
      } else {
        target.value = xmlSafe(unitHeaders.get(cell) ?? cell.label?.[outline.lang] ?? "");
      }
    });
  });
}

function styleLayoutCell(target: ExcelJS.Cell, cell: LayoutCell): void {
  const horizontal = cell.role === "label" && cell.rowspan === 1 ? "left" : "center";
  target.alignment = { vertical: "middle", horizontal, wrapText: true };
}

function textSheet(workbook: ExcelJS.Workbook, name: string, outline: ReportOutline): void {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: PRINT_MARGINS },
  });
  // About 156 mm of 12 pt text: the column prints within the GB/T text width.
  const widthChars = 36;
  sheet.columns = [{ width: widthChars * WIDTH_PER_CHAR }];
  const add = (text: string, font: Partial<ExcelJS.Font>, horizontal: "center" | "left" | "right") => {
    const row = sheet.addRow([xmlSafe(text)]);
    const cell = row.getCell(1);
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: "top", horizontal };
    row.height = Math.max(1, Math.ceil(textWidth(text) / widthChars)) * ((font.size ?? 12) + 6);
  };
  add(outline.title, { name: FONTS.title, size: 18 }, "center");
  for (const block of outline.blocks) {
    // Tables have sheets of their own; this sheet carries the text in the report's order.
    if (block.kind === "heading") {
      const hasText = outline.format.def.sections.find((s) => s.key === block.sectionKey)?.kind === "text";
      if (hasText) add(block.text, { name: FONTS.heading1, size: 12 }, "left");
    } else if (block.kind === "paragraph") {
      // A paragraph beyond Excel's cell limit continues in the next cell rather than being cut.
      for (let i = 0; i < block.text.length; i += EXCEL_CELL_LIMIT) {
        add(block.text.slice(i, i + EXCEL_CELL_LIMIT), { name: FONTS.body, size: 12 }, "left");
      }
    }
  }
  add(outline.signature.agency, { name: FONTS.body, size: 12 }, "right");
  if (outline.signature.date) add(outline.signature.date, { name: FONTS.body, size: 12 }, "right");
}

function dataSheet(workbook: ExcelJS.Workbook, name: string, rows: FlatRow[], lang: "zh" | "en"): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ width: 52 }, { width: 90 }, { width: 16 }];
  const header = sheet.addRow([...FLAT_COLUMNS[lang]]);
  header.font = { bold: true };
  for (const row of rows) {
    const excelRow = sheet.addRow([row.id, row.labelPath]);
    const target = excelRow.getCell(3);
    if (row.value === null) continue;
    if (row.kind === "money" && typeof row.value === "string") writeMoney(target, row.value, lang);
    else target.value = row.value;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: 3 } };
}

export async function buildWorkbook(doc: ReportDocument, options: ExportOptions = {}): Promise<ExcelJS.Workbook> {
  const lang = options.lang ?? "zh";
  const outline = reportOutline(doc, lang, options.title);
  const workbook = new ExcelJS.Workbook();
  workbook.title = xmlSafe(outline.title);
  workbook.creator = xmlSafe(doc.agency.name);

  const taken = new Set<string>();
  textSheet(workbook, sheetName(TEXT_SHEET_NAME[lang], taken), outline);
  outline.blocks.forEach((block, i) => {
    if (block.kind !== "table") return;
    const heading = outline.blocks[i - 1];
    const text = heading?.kind === "heading" ? heading.text : block.layout.tableId;
    tableSheet(workbook, sheetName(text, taken), text, block.layout, outline, doc);
  });
  dataSheet(workbook, sheetName(DATA_SHEET_NAME[lang], taken), flatRows(doc, lang), lang);
  return workbook;
}

export async function exportXlsx(doc: ReportDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  const workbook = await buildWorkbook(doc, options);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
