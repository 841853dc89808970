/**
 * The printed layout of a table: a grid of cells with row and column spans, exactly as the official
 * Word table draws it. Every renderer (Word, HTML, Excel, the editor grid) draws this grid, and every
 * table parser maps what it reads back onto it, so the layout is worked out here once.
 */
import { byTableKind } from "./by-kind";
import type { BlockTableDef, HeaderCellDef, Label, MatrixTableDef, SingleRowTableDef, TableDef } from "./types";

export type LayoutRole = "title" | "header" | "label" | "data";

export interface LayoutCell {
  readonly role: LayoutRole;
  /** Text for title/header/label cells; data cells have a `cellId` instead. */
  readonly label?: Label;
  /** The cell id (`applications.newReceived.natural`) of a data cell. */
  readonly cellId?: string;
  readonly rowspan: number;
  readonly colspan: number;
}

export interface TableLayout {
  readonly tableId: string;
  /** Width of the grid in columns. */
  readonly columns: number;
  /** How many grid columns on the left hold row labels. */
  readonly labelColumns: number;
  /** Leading rows that form the column header (to repeat on a new page). */
  readonly headerRows: number;
  /** Row by row; a cell covered by a span from above or from the left is simply absent. */
  readonly rows: readonly (readonly LayoutCell[])[];
}

function header(cell: HeaderCellDef): LayoutCell {
  return { role: "header", label: cell.label, rowspan: cell.rowspan ?? 1, colspan: cell.colspan ?? 1 };
}

/** Spread `count` columns over `width` grid columns: all 1 wide, the last takes the remainder. */
function spans(count: number, width: number): number[] {
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? width - (count - 1) : 1));
}

function blocksLayout(table: BlockTableDef): TableLayout {
  const width = 1 + table.dataColumns;
  const rows: LayoutCell[][] = [];
  for (const block of table.blocks) {
    const colspans = spans(block.columns.length, table.dataColumns);
    rows.push([{ role: "title", label: block.label, rowspan: 1, colspan: width }]);
    rows.push([
      { role: "header", label: table.rowHeaderLabel, rowspan: 1, colspan: 1 },
      ...block.columns.map((c, i) => ({ role: "header" as const, label: c.label, rowspan: 1, colspan: colspans[i]! })),
    ]);
    for (const row of block.rows) {
      rows.push([
        { role: "label", label: row.label, rowspan: 1, colspan: 1 },
        ...block.columns.map((c, i) => ({
          role: "data" as const,
          cellId: `${table.id}.${row.id}.${c.id}`,
          rowspan: 1,
          colspan: colspans[i]!,
        })),
      ]);
    }
  }
  return { tableId: table.id, columns: width, labelColumns: 1, headerRows: 0, rows };
}

function matrixLayout(table: MatrixTableDef): TableLayout {
  const children = new Map<string, string[]>();
  for (const row of table.rows) {
    if (row.parent) children.set(row.parent, [...(children.get(row.parent) ?? []), row.id]);
  }
  const dataDescendants = (id: string): number =>
    (children.get(id) ?? []).reduce((n, child) => {
      const def = table.rows.find((r) => r.id === child);
      return n + (def?.data ? 1 : 0) + dataDescendants(child);
    }, 0);

  const rows: LayoutCell[][] = table.headerGrid.map((cells) => cells.map(header));
  let pending: LayoutCell[] = [];
  for (const row of table.rows) {
    if (!row.data) {
      pending.push({ role: "label", label: row.label, rowspan: dataDescendants(row.id), colspan: 1 });
      continue;
    }
    rows.push([
      ...pending,
      { role: "label", label: row.label, rowspan: 1, colspan: table.labelColumns - row.level },
      ...table.columns.map((c) => ({
        role: "data" as const,
        cellId: `${table.id}.${row.id}.${c.id}`,
        rowspan: 1,
        colspan: 1,
      })),
    ]);
    pending = [];
  }
  return {
    tableId: table.id,
    columns: table.labelColumns + table.columns.length,
    labelColumns: table.labelColumns,
    headerRows: table.headerGrid.length,
    rows,
  };
}

function singleRowLayout(table: SingleRowTableDef): TableLayout {
  const rows: LayoutCell[][] = table.headerGrid.map((cells) => cells.map(header));
  rows.push(table.columns.map((c) => ({ role: "data" as const, cellId: `${table.id}.${c.id}`, rowspan: 1, colspan: 1 })));
  return {
    tableId: table.id,
    columns: table.columns.length,
    labelColumns: 0,
    headerRows: table.headerGrid.length,
    rows,
  };
}

export function tableLayout(table: TableDef): TableLayout {
  return byTableKind(table, { blocks: blocksLayout, matrix: matrixLayout, singleRow: singleRowLayout });
}

/**
 * The grid with spans resolved: `grid[r][c]` is the layout cell that covers (r, c), and whether (r, c)
 * is that cell's top-left corner. Parsers that read a table cell by cell use this.
 */
export function resolveGrid(layout: TableLayout): { cell: LayoutCell; origin: boolean }[][] {
  const grid: ({ cell: LayoutCell; origin: boolean } | undefined)[][] = layout.rows.map(() =>
    new Array<{ cell: LayoutCell; origin: boolean } | undefined>(layout.columns).fill(undefined),
  );
  layout.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const target = grid[r + dr];
          if (target) target[c + dc] = { cell, origin: dr === 0 && dc === 0 };
        }
      }
      c += cell.colspan;
    }
  });
  return grid.map((row, r) =>
    row.map((slot, c) => {
      if (!slot) throw new Error(`layout of ${layout.tableId} leaves (${r}, ${c}) uncovered`);
      return slot;
    }),
  );
}
