/**
 * The format registry: every national format as data, with its cells and layouts derived once.
 */
import { type CellDef, formatCells } from "./cells";
import { format2019 } from "./format-2019";
import { format2021 } from "./format-2021";
import { type TableLayout, tableLayout } from "./layout";
import type { FormatDefinition, FormatVersion, TableDef } from "./types";

export * from "./types";
export * from "./cells";
export * from "./layout";
export { format2019, format2021 };

export const FORMAT_VERSIONS = ["2019", "2021"] as const satisfies readonly FormatVersion[];

export const FORMATS: Record<FormatVersion, FormatDefinition> = { "2019": format2019, "2021": format2021 };

/** A format with everything derived from it that other layers look up. Built once per version. */
export interface CompiledFormat {
  readonly def: FormatDefinition;
  readonly version: FormatVersion;
  readonly cells: readonly CellDef[];
  readonly cellById: ReadonlyMap<string, CellDef>;
  readonly tableById: ReadonlyMap<string, TableDef>;
  readonly layouts: readonly TableLayout[];
  /** Cells of each table, in order. */
  readonly cellsByTable: ReadonlyMap<string, readonly CellDef[]>;
}

function compile(def: FormatDefinition): CompiledFormat {
  const cells = formatCells(def);
  const cellsByTable = new Map<string, CellDef[]>();
  for (const cell of cells) cellsByTable.set(cell.table, [...(cellsByTable.get(cell.table) ?? []), cell]);
  return {
    def,
    version: def.version,
    cells,
    cellById: new Map(cells.map((cell) => [cell.id, cell])),
    tableById: new Map(def.tables.map((table) => [table.id, table])),
    layouts: def.tables.map(tableLayout),
    cellsByTable,
  };
}

const compiled = new Map<FormatVersion, CompiledFormat>();

export function getFormat(version: FormatVersion): CompiledFormat {
  let format = compiled.get(version);
  if (!format) {
    format = compile(FORMATS[version]);
    compiled.set(version, format);
  }
  return format;
}

export function isFormatVersion(value: unknown): value is FormatVersion {
  return typeof value === "string" && (FORMAT_VERSIONS as readonly string[]).includes(value);
}

/** The format a report on `year` must use (R-VERSION): 2019 for 2019–2020, 2021 from 2021 on. */
export function formatVersionForYear(year: number): FormatVersion {
  const match = FORMAT_VERSIONS.filter((v) => {
    const { from, to } = FORMATS[v].reportYears;
    return year >= from && (to === null || year <= to);
  });
  // Years before the 2019 regulation have no national format in scope; the earliest one is closest.
  return match[0] ?? (year < FORMATS["2019"].reportYears.from ? "2019" : "2021");
}
