/**
 * Rows of values printed without a label, placed by where they stand. Some extractions part a row's
 * label from its values (a PDF-to-Markdown conversion that strings the labels of several rows together
 * lines away): the values keep their place among the rows whose labels were read, the label does not.
 * The form fixes the order of its rows, so such rows are placed only where that order leaves no
 * choice: a run of label-less rows between two rows read by their labels, with exactly as many rows of
 * the form between those two, none of them read anywhere else. Anything less certain stays null.
 */
import type { MatrixRowDef, MatrixTableDef } from "@nianbao/core";
import type { LogicalRow } from "./rows";

/** A row of the source table as read, in the order the source prints it. */
export type SequenceEntry =
  | { readonly kind: "placed"; readonly row: MatrixRowDef }
  | { readonly kind: "unlabelled"; readonly source: LogicalRow }
  /** Anything else (a row naming several rows, a row outside the form): no placing across it. */
  | { readonly kind: "other" };

export interface PositionedRow {
  readonly source: LogicalRow;
  readonly row: MatrixRowDef;
  /** The rows read by their labels that the row stands between. */
  readonly after: MatrixRowDef;
  readonly before: MatrixRowDef;
}

/** The unlabelled rows the form's order places, each with the form row it is; `read`: ids of rows read by label. */
export function placeByPosition(sequence: readonly SequenceEntry[], table: MatrixTableDef, read: ReadonlySet<string>): PositionedRow[] {
  const dataRows = table.rows.filter((row) => row.data);
  const out: PositionedRow[] = [];
  // The last row read by its label, and the label-less rows printed since.
  let start: MatrixRowDef | null = null;
  let run: LogicalRow[] = [];
  for (const entry of sequence) {
    if (entry.kind === "unlabelled") {
      run.push(entry.source);
      continue;
    }
    if (entry.kind === "placed" && start && run.length) {
      const from = dataRows.indexOf(start);
      const to = dataRows.indexOf(entry.row);
      const between = from >= 0 && to > from ? dataRows.slice(from + 1, to) : [];
      if (between.length === run.length && !between.some((row) => read.has(row.id))) {
        const after = start;
        between.forEach((row, k) => out.push({ source: run[k] as LogicalRow, row, after, before: entry.row }));
      }
    }
    start = entry.kind === "placed" ? entry.row : null;
    run = [];
  }
  return out;
}

/**
 * A labelled row that prints the values of several rows on its line ("二、上年结转… 34 0 0 0 0 0 34 1288
 * 21 0 0 50 3 1362 447 7 0 0 0 0 454", as plain `pdftotext` gives a table whose labels it moved): its
 * own row first, then rows printed without their labels, which placeByPosition may place. Split only
 * when the count is a whole number of rows and each piece adds up — its applicants' total is the sum of
 * the others — so that the cut between rows is certain; null otherwise.
 */
export function splitRowsOfValues(row: LogicalRow, columns: number, totalIndex: number): LogicalRow[] | null {
  const { values } = row;
  if (values.length <= columns || values.length % columns !== 0 || totalIndex < 0 || totalIndex >= columns) return null;
  const numbers = values.map((value) => (/^\d+$/u.test(value.text.trim()) ? Number(value.text.trim()) : NaN));
  if (numbers.some(Number.isNaN)) return null;
  const pieces: LogicalRow[] = [];
  for (let start = 0; start < values.length; start += columns) {
    const piece = numbers.slice(start, start + columns);
    const others = piece.reduce((sum, n, i) => (i === totalIndex ? sum : sum + n), 0);
    if (piece[totalIndex] !== others) return null;
    const own = start === 0;
    pieces.push({
      ...row,
      labels: own ? row.labels : [],
      wrapped: own ? row.wrapped : { above: [], below: [] },
      values: values.slice(start, start + columns),
    });
  }
  return pieces;
}
