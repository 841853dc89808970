/**
 * Compiling a format definition: its cells, layouts and the lookups every layer uses, built once.
 */
import { type CellDef, formatCells } from "./cells";
import { type TableLayout, tableLayout } from "./layout";
import type { FormatVersion } from "./index";
import type { FormatDefinition, TableDef } from "./types";

/** A format with everything derived from it that other layers look up. Built once per version. */
export interface CompiledFormat {
  readonly def: FormatDefinition;
  /** Typed as a built-in version; a format registered while running carries its own (see isFormatVersion). */
  readonly version: FormatVersion;
  readonly cells: readonly CellDef[];
  readonly cellById: ReadonlyMap<string, CellDef>;
  readonly tableById: ReadonlyMap<string, TableDef>;
  readonly layouts: readonly TableLayout[];
  /** Cells of each table, in order. */
  readonly cellsByTable: ReadonlyMap<string, readonly CellDef[]>;
  /**
   * Cells grouped by the row object that holds them (`tables.applications.results.denied.stateSecret`),
   * so that a document is read with one walk per row and one property read per cell.
   */
  readonly rowGroups: readonly RowGroup[];
  /** The keys `tables` and each object inside it may hold: a tree mirroring the document. */
  readonly keyTree: KeyTree;
}

export interface RowGroup {
  /** Path from `tables` to the row object. */
  readonly path: readonly string[];
  /** The row object's property holding each cell, and the cell. */
  readonly keys: readonly string[];
  readonly cells: readonly CellDef[];
  /** Copies the cell values of this row of `tables` into `out` at the cells' indices (undefined where missing). */
  readonly read: (tables: unknown, out: unknown[]) => void;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A reader for one row of a document. Where the platform allows it, the reader is compiled into a
 * function of its own, so each property read has its own inline cache and stays monomorphic across
 * the many documents of a roll-up (one loop reading `row[key]` for every row shape is megamorphic and
 * several times slower). The source is built only from the format's own identifiers and indices.
 * Under a Content-Security-Policy without 'unsafe-eval' the generic loop is used instead.
 */
function rowReader(path: readonly string[], keys: readonly string[], cells: readonly CellDef[]): RowGroup["read"] {
  const generic: RowGroup["read"] = (tables, out) => {
    const row = rowObject(tables, path);
    for (let i = 0; i < keys.length; i++) out[cells[i]!.index] = row === undefined ? undefined : row[keys[i]!];
  };
  if (![...path, ...keys].every((k) => IDENTIFIER.test(k))) return generic;
  const walk = path.map((key) => `r = r !== null && typeof r === "object" ? r.${key} : undefined;`).join("\n");
  const missing = cells.map((c) => `out[${c.index}] = undefined;`).join(" ");
  const body = keys.map((key, i) => `out[${cells[i]!.index}] = r.${key};`).join("\n");
  try {
    const source = `var r = tables;\n${walk}\nif (r === null || typeof r !== "object" || Array.isArray(r)) { ${missing} return; }\n${body}`;
    return new Function("tables", "out", source) as RowGroup["read"];
  } catch {
    return generic;
  }
}

function groupByRow(cells: readonly CellDef[]): RowGroup[] {
  const byPath = new Map<string, { path: string[]; keys: string[]; cells: CellDef[] }>();
  for (const cell of cells) {
    const path = cell.path.slice(0, -1);
    const key = path.join(".");
    let group = byPath.get(key);
    if (!group) byPath.set(key, (group = { path, keys: [], cells: [] }));
    group.keys.push(cell.path[cell.path.length - 1]!);
    group.cells.push(cell);
  }
  return [...byPath.values()].map((group) => ({ ...group, read: rowReader(group.path, group.keys, group.cells) }));
}

/** For each key an object may hold: the tree of what the value may hold, or null for a leaf (a cell). */
export type KeyTree = ReadonlyMap<string, KeyTree | null>;

function keyTreeOf(cells: readonly CellDef[]): KeyTree {
  const root = new Map<string, Map<string, unknown> | null>();
  const leaf = (path: readonly string[]) => {
    let node = root;
    for (const key of path.slice(0, -1)) {
      let next = node.get(key);
      if (!next) node.set(key, (next = new Map()));
      node = next as typeof root;
    }
    node.set(path[path.length - 1]!, null);
  };
  for (const cell of cells) {
    leaf(cell.path);
    if (cell.columnDef.unitField) leaf([...cell.path.slice(0, -1), cell.columnDef.unitField]);
  }
  return root as KeyTree;
}

/** The row object at `path` inside `tables`, or undefined where the path is missing or not an object. */
export function rowObject(tables: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let node: unknown = tables;
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[path[i]!];
  }
  return node !== null && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}

/**
 * The roles must name what the format has: a role pointing nowhere would make its checks silently
 * skip a format, so a definition with one is refused when it is compiled.
 */
function checkRoles(def: FormatDefinition, cells: readonly CellDef[]): void {
  const ids = new Set(cells.map((c) => c.id));
  const rows = new Set(cells.map((c) => `${c.table}.${c.row}`));
  const { applicants, regulations, feeAmount, overdueFeeRow, procurement } = def.roles;
  const missing = [
    ...[...applicants.parts, applicants.total].filter((c) => !cells.some((cell) => cell.table === applicants.table && cell.column === c)),
    ...[regulations, overdueFeeRow].filter((row) => row !== undefined && !rows.has(row)),
    ...[feeAmount, procurement?.projects, procurement?.amount].filter((id) => id !== undefined && !ids.has(id)),
  ];
  if (missing.length) throw new Error(`format ${def.version}: roles name what it does not have: ${missing.join(", ")}`);
}

export function compileFormat(def: FormatDefinition): CompiledFormat {
  const cells = formatCells(def);
  checkRoles(def, cells);
  const cellsByTable = new Map<string, CellDef[]>();
  for (const cell of cells) cellsByTable.set(cell.table, [...(cellsByTable.get(cell.table) ?? []), cell]);
  return {
    def,
    version: def.version as FormatVersion,
    cells,
    cellById: new Map(cells.map((cell) => [cell.id, cell])),
    tableById: new Map(def.tables.map((table) => [table.id, table])),
    layouts: def.tables.map(tableLayout),
    cellsByTable,
    rowGroups: groupByRow(cells),
    keyTree: keyTreeOf(cells),
  };
}
