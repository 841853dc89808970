/**
 * Web tables as a text copy gives them one cell a line: "规章 |" / "0 |" / "|" (an empty cell), or the
 * cell's text on a line and the pipe on the next. Lines no longer say where a row ends, so the cells
 * are read as one stream and cut into rows where a row's values end and the next label begins.
 */
import { isBlankText, isValueCellText } from "../values";

/** A line that is only pipes ("|", "||||"). */
const PIPES_ONLY = /^[ \u3000]*\|[| \u3000]*$/u;

/** The non-empty cells of a line with pipes; null when the line has none. */
function pipeCells(line: string): string[] | null {
  if (!line.includes("|")) return null;
  return line
    .split(/(?<!\\)\|/u)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Whether a line belongs to a one-cell-a-line table: at most one cell, closed by a pipe or followed by a pipe line. */
function isCellLine(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  if (!line.trim()) return false;
  const parts = pipeCells(line);
  if (parts) return parts.length <= 1 && (PIPES_ONLY.test(line) || /\|[ \u3000]*$/u.test(line) || /^[ \u3000]*\|/u.test(line));
  const next = lines[i + 1];
  return next !== undefined && PIPES_ONLY.test(next) && line.trim().length <= 200;
}

/** Fewer lines than this are a pipe line or two in prose, not a table. */
const MIN_LINES = 6;

/** The end (exclusive) of a one-cell-a-line table starting at `start`, or null when none starts there. */
export function cellLineRegion(lines: readonly string[], start: number): number | null {
  let end = start;
  while (end < lines.length && isCellLine(lines, end)) end++;
  if (end - start < MIN_LINES) return null;
  const region = lines.slice(start, end);
  // A table has values; a list of pipes around words is not one.
  const values = region.flatMap((line) => pipeCells(line) ?? [line.trim()]).filter((text) => isValueCellText(text) && !isBlankText(text));
  return values.length >= 2 ? end : null;
}

/**
 * The region's cells as rows: each row is its label (the last of a run of labels; the labels before
 * it — a header — form a row of their own) and the values after it. An empty cell between a label and
 * the row's last value is a blank of that row; empty cells after the last value only close the row.
 */
export function rowsOfCellStream(region: readonly string[]): string[][] {
  const stream = region
    .join("\n")
    .split(/(?<!\\)\|/u)
    .map((text) => text.trim());
  const rows: string[][] = [];
  let labels: string[] = [];
  let values: string[] = [];
  const flush = () => {
    while (values.length && !values[values.length - 1]) values.pop();
    if (!values.some(Boolean)) values = [];
    if (labels.length > 1 && values.length) rows.push(labels.slice(0, -1));
    if (values.length) rows.push([labels[labels.length - 1] ?? "", ...values]);
    else if (labels.length) rows.push(labels);
    labels = [];
    values = [];
  };
  for (const text of stream) {
    const isValue = text === "" || isValueCellText(text);
    if (!isValue) {
      if (values.some(Boolean)) flush();
      // Empty cells between labels pad a header row; they are no row's blanks.
      else values = [];
      labels.push(text);
      continue;
    }
    // Empty cells before any label are the close of the previous row.
    if (!labels.length && !values.length) continue;
    values.push(text);
  }
  flush();
  return rows.filter((row) => row.some(Boolean));
}
