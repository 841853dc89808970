/**
 * Excel (.xlsx) to blocks with exceljs. Each sheet becomes one grid table (merged ranges as spans);
 * single-text rows above it (a title, a heading) become paragraphs, and a sheet of one text a row
 * (the report's prose) is all paragraphs. The archive
 * has already been proven to fit the inflation budget before exceljs sees it (see BoundedZip).
 */
import ExcelJS from "exceljs";
import { type Block, paragraph, type SourceCell } from "../blocks";

/** "AB12" → [row 12, column 28]. */
function address(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/u.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/** Cell text as a person sees it; numbers written back exactly as JavaScript prints them. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "object" && "result" in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || result === null ? "" : String(result);
  }
  try {
    return cell.text ?? "";
  } catch {
    return "";
  }
}

/** Sheets larger than any report table are cut off rather than walked cell by cell. */
const MAX_ROWS = 2000;
const MAX_COLUMNS = 200;

function sheetBlocks(sheet: ExcelJS.Worksheet): Block[] {
  const rowCount = Math.min(sheet.rowCount, MAX_ROWS);
  const columnCount = Math.min(sheet.columnCount, MAX_COLUMNS);
  if (rowCount === 0 || columnCount === 0) return [];
  // Merged ranges: the top-left cell carries the span, the others are covered.
  const spans = new Map<string, { rowspan: number; colspan: number }>();
  const covered = new Set<string>();
  for (const range of sheet.model.merges ?? []) {
    const [from, to] = range.split(":");
    const a = from ? address(from) : null;
    const b = to ? address(to) : null;
    if (!a || !b) continue;
    const [r1, r2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
    const [c1, c2] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
    spans.set(`${r1}:${c1}`, { rowspan: r2 - r1 + 1, colspan: c2 - c1 + 1 });
    for (let r = r1; r <= Math.min(r2, rowCount); r++) {
      for (let c = c1; c <= Math.min(c2, columnCount); c++) if (r !== r1 || c !== c1) covered.add(`${r}:${c}`);
    }
  }
  const rows: SourceCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row: SourceCell[] = [];
    for (let c = 1; c <= columnCount; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const span = spans.get(`${r}:${c}`);
      row.push({ text: cellText(sheet.getCell(r, c)).trim(), rowspan: span?.rowspan ?? 1, colspan: span?.colspan ?? 1 });
    }
    rows.push(row);
  }
  // Rows with one text at most above the first row of several cells are prose (a title, a heading);
  // from there on the sheet is the table, a data row with empty values included.
  const filled = (row: SourceCell[]) => row.filter((cell) => cell.text).length;
  let first = 0;
  while (first < rows.length && filled(rows[first]!) <= 1) first++;
  const blocks: Block[] = [];
  for (const row of rows.slice(0, first)) {
    for (const cell of row) if (cell.text) for (const line of cell.text.split("\n")) if (line.trim()) blocks.push(paragraph(line.trim()));
  }
  if (first < rows.length) blocks.push({ kind: "table", geometry: "grid", rows: rows.slice(first) });
  return blocks;
}

export async function xlsxToBlocks(data: Uint8Array): Promise<Block[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs wants a Node Buffer; a view over the same bytes avoids a copy.
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  const blocks: Block[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state === "visible" || sheet.state === undefined) blocks.push(...sheetBlocks(sheet));
  });
  return blocks;
}
