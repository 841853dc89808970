/**
 * Cells: the flat list of every data cell of a format, derived from its definition, plus the
 * TypeScript types of a document's `tables` derived from the same definition (so the types, the zod
 * schema and the cell list cannot drift apart).
 */
import { byTableKind } from "./by-kind";
import type { BlockTableDef, CellKind, ColumnDef, FormatDefinition, Label, MatrixTableDef, SingleRowTableDef, TableDef } from "./types";

export interface CellDef {
  /** Canonical cell id, the public contract: `applications.results.denied.stateSecret.total`. */
  readonly id: string;
  /** Position in the format's cell list: the index used by value arrays. */
  readonly index: number;
  readonly table: string;
  /** Row id inside the table (`results.denied.stateSecret`; for 四 the block, `review`). */
  readonly row: string;
  /** Column id (`total`, `issued`, `upheld`). */
  readonly column: string;
  /** Object path inside `tables`. */
  readonly path: readonly string[];
  readonly kind: CellKind;
  readonly columnDef: ColumnDef;
  /** Row label (zh/en) as the form prints it. */
  readonly rowLabel: Label;
  /** Short row name for messages. */
  readonly rowShort: Label;
  /** Labels from the outermost header to the cell, as a reader finds the cell in the printed table. */
  readonly labelPath: readonly Label[];
  /** The 第二十条 block of table 二, when the cell is in one. */
  readonly block?: string;
}

/** Numbering the form puts before a label: "一、", "（三）", "1." … */
const NUMBERING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])/u;

export function shortLabel(label: Label): Label {
  const zh = label.zh.replace(NUMBERING, "").replace(/（[^）]*）$/u, "");
  const en = label.en.replace(/^(?:[IVX]+\.|\(\d+\)|\d+\.)\s*/u, "").replace(/\s*\([^)]*\)$/u, "");
  return { zh, en };
}

function blockCells(table: BlockTableDef): Omit<CellDef, "index">[] {
  return table.blocks.flatMap((block) =>
    block.rows.flatMap((row) =>
      block.columns.map((column) => ({
        id: `${table.id}.${row.id}.${column.id}`,
        table: table.id,
        row: row.id,
        column: column.id,
        path: [table.id, row.id, column.id],
        kind: column.kind,
        columnDef: column,
        rowLabel: row.label,
        rowShort: row.short ?? row.label,
        labelPath: [block.label, row.label, column.label],
        block: block.id,
      })),
    ),
  );
}

function matrixCells(table: MatrixTableDef): Omit<CellDef, "index">[] {
  const byId = new Map(table.rows.map((row) => [row.id, row]));
  return table.rows
    .filter((row) => row.data)
    .flatMap((row) => {
      const ancestors: Label[] = [];
      for (let parent = row.parent; parent; parent = byId.get(parent)?.parent) {
        const parentRow = byId.get(parent);
        if (parentRow) ancestors.unshift(parentRow.label);
      }
      return table.columns.map((column) => ({
        id: `${table.id}.${row.id}.${column.id}`,
        table: table.id,
        row: row.id,
        column: column.id,
        path: [table.id, ...row.id.split("."), column.id],
        kind: column.kind,
        columnDef: column,
        rowLabel: row.label,
        rowShort: row.short ?? shortLabel(row.label),
        labelPath: [...ancestors, row.label, column.label],
      }));
    });
}

function singleRowCells(table: SingleRowTableDef): Omit<CellDef, "index">[] {
  return table.columns.map((column) => {
    const dot = column.id.lastIndexOf(".");
    const row = column.id.slice(0, dot);
    const labelPath = column.labelPath;
    return {
      id: `${table.id}.${column.id}`,
      table: table.id,
      row,
      column: column.id.slice(dot + 1),
      path: [table.id, row, column.id.slice(dot + 1)],
      kind: column.kind,
      columnDef: column,
      rowLabel: labelPath[labelPath.length - 2] ?? column.label,
      rowShort: labelPath[labelPath.length - 2] ?? column.label,
      labelPath,
    };
  });
}

export function tableCells(table: TableDef): Omit<CellDef, "index">[] {
  return byTableKind(table, { blocks: blockCells, matrix: matrixCells, singleRow: singleRowCells });
}

export function formatCells(format: FormatDefinition): CellDef[] {
  return format.tables.flatMap(tableCells).map((cell, index) => ({ ...cell, index }));
}

// ---------------------------------------------------------------------------------------------
// Types derived from a definition. `TablesOf<typeof format2021>` is the `tables` object of a 2021
// document, with every cell id as a typed, nested property.
// ---------------------------------------------------------------------------------------------

/** Money as a decimal string ("12.5"); counts as integers; `null` = not given. */
export type CellValueOf<K> = K extends "money" ? string | null : number | null;

interface Entry {
  readonly path: string;
  readonly value: unknown;
}

type BlockColumnEntry<R extends string, C> = C extends { readonly id: infer CI extends string; readonly kind: infer K }
  ? { path: `${R}.${CI}`; value: CellValueOf<K> }
  : never;
type BlockRowEntry<Row, Cols> = Row extends { readonly id: infer RI extends string } ? BlockColumnEntry<RI, Cols> : never;
type BlockEntry<B> = B extends { readonly rows: readonly (infer R)[]; readonly columns: readonly (infer C)[] }
  ? BlockRowEntry<R, C>
  : never;

type MatrixRowEntry<Row, Cols> = Row extends { readonly id: infer RI extends string; readonly data: true }
  ? Cols extends { readonly id: infer CI extends string }
    ? { path: `${RI}.${CI}`; value: number | null }
    : never
  : never;

type SingleRowEntry<C> = C extends { readonly id: infer CI extends string } ? { path: CI; value: number | null } : never;

type TableEntries<T> = T extends { readonly kind: "blocks"; readonly blocks: readonly (infer B)[] }
  ? BlockEntry<B>
  : T extends { readonly kind: "matrix"; readonly rows: readonly (infer R)[]; readonly columns: readonly (infer C)[] }
    ? MatrixRowEntry<R, C>
    : T extends { readonly kind: "singleRow"; readonly columns: readonly (infer C)[] }
      ? SingleRowEntry<C>
      : never;

/** One entry per literal path (an entry whose path is a union becomes a union of entries). */
type EachPath<P extends string, V> = P extends string ? { path: P; value: V } : never;
type Split<E> = E extends { path: infer P extends string; value: infer V } ? EachPath<P, V> : never;

type Head<P extends string> = P extends `${infer H}.${string}` ? H : P;
type Exact<E extends Entry, H extends string> = E extends { path: H } ? E["value"] : never;
type Deeper<E extends Entry, H extends string> = E extends { path: `${H}.${infer R}`; value: infer V } ? { path: R; value: V } : never;

/** Turns `{ path: "a.b.c", value: V }` entries into `{ a: { b: { c: V } } }`. */
export type Nest<E extends Entry> = {
  [H in Head<E["path"]>]: [Exact<E, H>] extends [never] ? Nest<Deeper<E, H>> : Exact<E, H>;
};

type TableById<F, Id extends string> = F extends { readonly tables: readonly (infer T)[] }
  ? T extends { readonly id: Id }
    ? T
    : never
  : never;

export type TableIdOf<F> = F extends { readonly tables: readonly (infer T)[] }
  ? T extends { readonly id: infer Id extends string }
    ? Id
    : never
  : never;

export type TablesOf<F> = { [Id in TableIdOf<F>]: Nest<Split<TableEntries<TableById<F, Id>>>> };

/** Every cell id of a format, as a string literal union. */
export type CellIdOf<F> = {
  [Id in TableIdOf<F>]: `${Id}.${TableEntries<TableById<F, Id>>["path"]}`;
}[TableIdOf<F>];

// Money columns whose header gives no unit keep the unit of the amount in a field of their row
// (2019's 采购总金额 → `totalAmountUnit`): optional, one of the units a report may use.

/** The units an amount may be stated in where the header fixes none. */
export type MoneyUnitName = "元" | "万元";

type BlockUnitEntry<Row, Cols> = Row extends { readonly id: infer RI extends string }
  ? Cols extends { readonly unitField: infer U extends string }
    ? { row: RI; field: U }
    : never
  : never;
type UnitEntries<T> = T extends { readonly kind: "blocks"; readonly blocks: readonly (infer B)[] }
  ? B extends { readonly rows: readonly (infer R)[]; readonly columns: readonly (infer C)[] }
    ? BlockUnitEntry<R, C>
    : never
  : never;
type UnitFieldsOfTable<T> = {
  [R in UnitEntries<T>["row"]]: { [U in Extract<UnitEntries<T>, { row: R }>["field"]]?: MoneyUnitName | null };
};

/** The `tables` object of a document of format F: every cell, plus the unit fields of its amounts. */
export type DocumentTablesOf<F> = TablesOf<F> & { [Id in TableIdOf<F>]: UnitFieldsOfTable<TableById<F, Id>> };
