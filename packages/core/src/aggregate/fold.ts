/**
 * Mapping cells of one format onto another for tables the two formats share in substance. 三 and 四
 * compare across 2019 and 2021 once the 2021 （六） sub-rows fold into the single 2019 row
 * (`results.other.subtotal`); 二 changed in every block and never maps (FORMATS.md §3.4).
 */
import { type CompiledFormat, FORMAT_VERSIONS, getFormat } from "../formats/index";
import type { FormatVersion, MatrixTableDef } from "../formats/index";

/** Tables whose cells can be compared across format versions. */
export const CROSS_VERSION_TABLES = ["applications", "reviewLitigation"] as const;

/**
 * For each cell index of `from`, the index of the cell it adds into in `to` (or -1). A cell maps to
 * the cell of the same id, else — through the source table's derived rows — to the derived row the
 * target format has as a data row.
 */
export function foldMap(from: FormatVersion, to: FormatVersion, tables: readonly string[] = CROSS_VERSION_TABLES): Int32Array {
  const source = getFormat(from);
  const target = getFormat(to);
  const map = new Int32Array(source.cells.length).fill(-1);
  const derivedRowOf = new Map<string, string>();
  for (const table of source.def.tables) {
    if (table.kind !== "matrix") continue;
    for (const derived of (table as MatrixTableDef).derivedRows) {
      for (const row of derived.sumOf) derivedRowOf.set(`${table.id}.${row}`, `${table.id}.${derived.id}`);
    }
  }
  for (const cell of source.cells) {
    if (!tables.includes(cell.table)) continue;
    const same = target.cellById.get(cell.id);
    if (same) {
      map[cell.index] = same.index;
      continue;
    }
    const derived = derivedRowOf.get(`${cell.table}.${cell.row}`);
    const folded = derived ? target.cellById.get(`${derived}.${cell.column}`) : undefined;
    if (folded) map[cell.index] = folded.index;
  }
  return map;
}

/** The target of a cross-version roll-up: the oldest format, whose rows are the coarsest. */
export function commonFormat(versions: readonly FormatVersion[]): CompiledFormat {
  const oldest = FORMAT_VERSIONS.find((v) => versions.includes(v)) ?? FORMAT_VERSIONS[FORMAT_VERSIONS.length - 1]!;
  return getFormat(oldest);
}
