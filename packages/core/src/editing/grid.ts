/**
 * The editable cells of a printed table as a spreadsheet sees them: in visual order, row by row, each
 * with its place on the grid, and where each key moves from it. Built from the format's layout (the
 * same grid the Word export draws), so merged headers and the blocks of table 二 need no special case.
 */
import { resolveGrid, type TableLayout } from "../formats/layout";

export interface GridCell {
  readonly cellId: string;
  /** Index of its row in the layout. */
  readonly layoutRow: number;
  /** Index among the rows that hold data cells. */
  readonly dataRow: number;
  /** Index among the data cells of its row, left to right. */
  readonly indexInRow: number;
  /** First grid column it covers, and how many. */
  readonly column: number;
  readonly colspan: number;
  /** Position in the whole table's visual order. */
  readonly order: number;
}

export interface GridModel {
  readonly tableId: string;
  /** Data rows top to bottom, each with its data cells left to right. */
  readonly rows: readonly (readonly GridCell[])[];
  /** Every data cell in visual order. */
  readonly cells: readonly GridCell[];
  readonly byId: ReadonlyMap<string, GridCell>;
}

export function gridModel(layout: TableLayout): GridModel {
  const resolved = resolveGrid(layout);
  const rows: GridCell[][] = [];
  const cells: GridCell[] = [];
  resolved.forEach((slots, layoutRow) => {
    const row: GridCell[] = [];
    slots.forEach((slot, column) => {
      if (!slot.origin || slot.cell.role !== "data" || !slot.cell.cellId) return;
      const cell: GridCell = {
        cellId: slot.cell.cellId,
        layoutRow,
        dataRow: rows.length,
        indexInRow: row.length,
        column,
        colspan: slot.cell.colspan,
        order: cells.length,
      };
      row.push(cell);
      cells.push(cell);
    });
    if (row.length) rows.push(row);
  });
  return { tableId: layout.tableId, rows, cells, byId: new Map(cells.map((c) => [c.cellId, c])) };
}

/**
 * Keys of a spreadsheet: arrows stop at the table's edge; `next`/`previous` (Tab, Shift+Tab) wrap to
 * the following or preceding row; `rowStart`/`rowEnd` (Home/End) and `first`/`last` (Ctrl+Home/End).
 */
export type GridMove = "left" | "right" | "up" | "down" | "next" | "previous" | "rowStart" | "rowEnd" | "first" | "last";

/** The data cell of `row` under grid column `column`, else the nearest one by column. */
function cellUnder(row: readonly GridCell[], column: number): GridCell {
  let best = row[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const cell of row) {
    if (column >= cell.column && column < cell.column + cell.colspan) return cell;
    const distance = column < cell.column ? cell.column - column : column - (cell.column + cell.colspan - 1);
    if (distance < bestDistance) {
      best = cell;
      bestDistance = distance;
    }
  }
  return best;
}

/** The cell a move lands on; the same cell at an edge; undefined for an id not in the grid. */
export function moveInGrid(grid: GridModel, cellId: string, move: GridMove): string | undefined {
  const from = grid.byId.get(cellId);
  if (!from) return undefined;
  const row = grid.rows[from.dataRow]!;
  switch (move) {
    case "left":
      return (row[from.indexInRow - 1] ?? from).cellId;
    case "right":
      return (row[from.indexInRow + 1] ?? from).cellId;
    case "up": {
      const above = grid.rows[from.dataRow - 1];
      return above ? cellUnder(above, from.column).cellId : from.cellId;
    }
    case "down": {
      const below = grid.rows[from.dataRow + 1];
      return below ? cellUnder(below, from.column).cellId : from.cellId;
    }
    case "next":
      return (grid.cells[from.order + 1] ?? from).cellId;
    case "previous":
      return (grid.cells[from.order - 1] ?? from).cellId;
    case "rowStart":
      return row[0]!.cellId;
    case "rowEnd":
      return row[row.length - 1]!.cellId;
    case "first":
      return grid.cells[0]!.cellId;
    case "last":
      return grid.cells[grid.cells.length - 1]!.cellId;
  }
}
