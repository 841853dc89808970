import type { BlockTableDef, MatrixTableDef, SingleRowTableDef, TableDef } from "./types";

/** One function per table kind; the compiler makes sure a new kind gets one everywhere tables are walked. */
export interface ByTableKind<R> {
  readonly blocks: (table: BlockTableDef) => R;
  readonly matrix: (table: MatrixTableDef) => R;
  readonly singleRow: (table: SingleRowTableDef) => R;
}

export function byTableKind<R>(table: TableDef, handlers: ByTableKind<R>): R {
  switch (table.kind) {
    case "blocks":
      return handlers.blocks(table);
    case "matrix":
      return handlers.matrix(table);
    case "singleRow":
      return handlers.singleRow(table);
  }
}
