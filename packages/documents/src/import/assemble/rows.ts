/**
 * Table blocks as logical rows: the labels a reader sees on the left of a row (including those of cells
 * merged down from rows above, such as 三、本年度办理结果) and the value cells on its right, each with
 * the columns it covers (grid columns, or page x for PDF). Every table parser below works on these.
 */
import type { SourceCell, TableBlock, TableGeometry } from "../blocks";
import { isValueCellText } from "../values";

export interface ValueCell {
  readonly text: string;
  /** First grid column (or left x) the cell covers. */
  readonly start: number;
  /** One past the last grid column (or right x). */
  readonly end: number;
}

export interface LogicalRow {
  readonly labels: readonly string[];
  /** Label text wrapped around the row (above, then below), for a row whose own labels name nothing. */
  readonly wrapped: { readonly above: readonly string[]; readonly below: readonly string[] };
  readonly values: readonly ValueCell[];
  /** Every non-empty text of the row, labels and values, for recognising the table. */
  readonly texts: readonly string[];
  readonly geometry: TableGeometry;
  /** A line printed above the table as its caption (outline.ts), not a row of the table itself. */
  readonly caption?: boolean;
}

/** Rows of a table of this many cells or more are not a report table; the rest is ignored. */
const MAX_GRID_CELLS = 200_000;

interface Placed {
  readonly cell: SourceCell;
  readonly start: number;
  readonly end: number;
}

/** HTML's table model: each cell takes the next free slot, spans reserve the slots they cover. */
function resolveGrid(rows: readonly (readonly SourceCell[])[]): Placed[][] {
  const occupied: (Placed | undefined)[][] = rows.map(() => []);
  let budget = MAX_GRID_CELLS;
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (occupied[r]![c]) c++;
      const rowspan = Math.max(1, Math.min(cell.rowspan ?? 1, rows.length - r));
      const colspan = Math.max(1, Math.min(cell.colspan ?? 1, 1000));
      const placed: Placed = { cell, start: c, end: c + colspan };
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          if (--budget < 0) return;
          occupied[r + dr]![c + dc] = placed;
        }
      }
      c += colspan;
    }
  });
  return occupied.map((row) => {
    const seen = new Set<Placed>();
    const out: Placed[] = [];
    for (const placed of row) {
      if (placed && !seen.has(placed)) {
        seen.add(placed);
        out.push(placed);
      }
    }
    return out;
  });
}

function isValueOrEmpty(text: string): boolean {
  return text.trim() === "" || isValueCellText(text);
}

function logical(all: readonly Placed[], geometry: TableGeometry): LogicalRow {
  const cells = all.filter((p) => !p.cell.wrapped);
  const wrapped = {
    above: all.filter((p) => p.cell.wrapped === "above").map((p) => p.cell.text.trim()),
    below: all.filter((p) => p.cell.wrapped === "below").map((p) => p.cell.text.trim()),
  };
  let split = cells.length;
  while (split > 0 && isValueOrEmpty(cells[split - 1]!.cell.text)) split--;
  const labels = cells
    .slice(0, split)
    .map((p) => p.cell.text.trim())
    .filter((text) => text && !isValueCellText(text));
  const values = cells.slice(split).map((p) => ({ text: p.cell.text, start: p.start, end: p.end }));
  const texts = cells.map((p) => p.cell.text.trim()).filter(Boolean);
  return { labels, wrapped, values, texts, geometry };
}

export function logicalRows(table: TableBlock): LogicalRow[] {
  switch (table.geometry) {
    case "grid":
      return resolveGrid(table.rows).map((row) => logical(row, "grid"));
    case "flat":
      return table.rows.map((row) =>
        logical(
          row.map((cell, i) => ({ cell, start: i, end: i + 1 })),
          "flat",
        ),
      );
    case "positioned":
      return table.rows.map((row) =>
        logical(
          row.map((cell, i) => ({ cell, start: cell.x0 ?? i, end: cell.x1 ?? i + 1 })),
          "positioned",
        ),
      );
  }
}
