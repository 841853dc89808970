/**
 * Column widths of a printed table, worked out from its layout and its labels (no table is named
 * here). Widths are in characters of table text (五号, 10.5 pt); a 156 mm text area holds 42 of them.
 * Word, HTML and Excel scale these to their own units.
 */
import { type Lang, type TableLayout, resolveGrid } from "@nianbao/core";
import { textWidth } from "./text";

/** Characters of 五号 text across the GB/T 9704 text area (156 mm / 10.5 pt). */
const TABLE_WIDTH_CHARS = 42;

/**
 * A data column: room for a five-digit count (2.5 characters) beside the cell's margins; headers such
 * as 社会公益组织 break over three lines of two characters, as in the official template.
 */
const DATA_COLUMN_CHARS = 3.2;
/** What a cell's left and right margins (1 mm each) take from its width, in characters. */
const CELL_MARGIN_CHARS = 0.6;
/** The innermost label column is never squeezed below this. */
const MIN_LABEL_CHARS = 8;
const MIN_OUTER_LABEL_CHARS = 2;

/**
 * Outer label columns hold group labels that span many rows (三、本年度办理结果 over twenty rows):
 * they read best narrow, broken over as many lines as the rows they span allow, as the official
 * template sets them.
 */
function outerLabelChars(layout: TableLayout, column: number, lang: Lang): number {
  const grid = resolveGrid(layout);
  let chars = MIN_OUTER_LABEL_CHARS;
  grid.forEach((row) => {
    const slot = row[column];
    if (!slot?.origin || slot.cell.role !== "label" || slot.cell.colspan !== 1 || !slot.cell.label) return;
    const width = textWidth(slot.cell.label[lang]);
    chars = Math.max(chars, Math.ceil(width / Math.max(1, slot.cell.rowspan)));
  });
  return chars + CELL_MARGIN_CHARS;
}

/** Widths of the grid columns, in characters, summing to `total`. */
export function columnChars(layout: TableLayout, lang: Lang, total = TABLE_WIDTH_CHARS): number[] {
  const { columns, labelColumns } = layout;
  // A single label column (二's 信息内容) or none (四): the official template draws equal columns.
  if (labelColumns <= 1) return Array.from({ length: columns }, () => total / columns);

  const outer = Array.from({ length: labelColumns - 1 }, (_, c) => outerLabelChars(layout, c, lang));
  const dataCount = columns - labelColumns;
  const outerSum = outer.reduce((a, b) => a + b, 0);
  const data = Math.min(DATA_COLUMN_CHARS, (total - outerSum - MIN_LABEL_CHARS) / Math.max(1, dataCount));
  const inner = total - outerSum - data * dataCount;
  return [...outer, inner, ...Array.from({ length: dataCount }, () => data)];
}
