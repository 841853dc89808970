/**
 * What the importer matches against, built once per format version from core's format definitions:
 * every label a table prints (block titles, headers, row and column labels), in both languages, keyed
 * for matching. Nothing here names a label itself.
 */
import {
  type BlockTableDef,
  type CompiledFormat,
  FORMAT_VERSIONS,
  type FormatVersion,
  type HeaderCellDef,
  type Label,
  type MatrixRowDef,
  type MatrixTableDef,
  type SingleRowTableDef,
  type TableDef,
  getFormat,
} from "@nianbao/core";
import { candidate, type LabelCandidate } from "../normalize";

export interface BlockRowRef {
  readonly block: BlockTableDef["blocks"][number];
  readonly row: BlockTableDef["blocks"][number]["rows"][number];
}

export interface FormatLabels {
  readonly format: CompiledFormat;
  /** Every label of each table, to recognise which table a block of the source is. */
  readonly byTable: ReadonlyMap<string, readonly LabelCandidate<string>[]>;
  readonly blockTitles: readonly LabelCandidate<BlockTableDef["blocks"][number]>[];
  readonly blockRows: readonly LabelCandidate<BlockRowRef>[];
  readonly matrixRows: readonly LabelCandidate<MatrixRowDef>[];
  /** Header labels of the single-row table (四), to tell its header rows from its data row. */
  readonly singleRowHeaders: readonly LabelCandidate<string>[];
}

function both(label: Label): string[] {
  return label.en && label.en !== label.zh ? [label.zh, label.en] : [label.zh];
}

function headerLabels(grid: readonly (readonly HeaderCellDef[])[]): Label[] {
  return grid.flatMap((row) => row.map((cell) => cell.label));
}

function tableLabels(table: TableDef): Label[] {
  switch (table.kind) {
    case "blocks":
      return [
        table.rowHeaderLabel,
        ...table.blocks.flatMap((b) => [b.label, ...b.columns.map((c) => c.label), ...b.rows.map((r) => r.label)]),
      ];
    case "matrix":
      return [...headerLabels(table.headerGrid), ...table.rows.map((r) => r.label)];
    case "singleRow":
      return headerLabels(table.headerGrid);
  }
}

function build(version: FormatVersion): FormatLabels {
  const format = getFormat(version);
  const byTable = new Map<string, LabelCandidate<string>[]>();
  const blockTitles: LabelCandidate<BlockTableDef["blocks"][number]>[] = [];
  const blockRows: LabelCandidate<BlockRowRef>[] = [];
  const matrixRows: LabelCandidate<MatrixRowDef>[] = [];
  const singleRowHeaders: LabelCandidate<string>[] = [];
  for (const table of format.def.tables) {
    byTable.set(
      table.id,
      tableLabels(table).flatMap((label) => both(label).map((text) => candidate(text, table.id))),
    );
    if (table.kind === "blocks") {
      for (const block of table.blocks) {
        for (const text of both(block.label)) blockTitles.push(candidate(text, block));
        for (const row of block.rows) {
          // An alias (an earlier form's label a report still prints) names the row as its label does.
          for (const text of [...both(row.label), ...(row.aliases ?? [])]) blockRows.push(candidate(text, { block, row }));
        }
      }
    } else if (table.kind === "matrix") {
      for (const row of (table as MatrixTableDef).rows) for (const text of both(row.label)) matrixRows.push(candidate(text, row));
    } else {
      for (const label of headerLabels((table as SingleRowTableDef).headerGrid)) {
        for (const text of both(label)) singleRowHeaders.push(candidate(text, text));
      }
    }
  }
  return { format, byTable, blockTitles, blockRows, matrixRows, singleRowHeaders };
}

const cache = new Map<FormatVersion, FormatLabels>();

export function formatLabels(version: FormatVersion): FormatLabels {
  let labels = cache.get(version);
  if (!labels) {
    labels = build(version);
    cache.set(version, labels);
  }
  return labels;
}

/**
 * Labels that only one version prints (2021: 本年制发件数, the three （六） sub-rows…; 2019: 本年新制作数量,
 * 其他对外管理服务事项, 第二十条第（九）项…), derived by comparing the definitions.
 */
export function versionSignals(): readonly LabelCandidate<FormatVersion>[] {
  const keysOf = (version: FormatVersion) => new Map([...formatLabels(version).byTable.values()].flat().map((c) => [c.key, c] as const));
  const all = FORMAT_VERSIONS.map((version) => [version, keysOf(version)] as const);
  const signals: LabelCandidate<FormatVersion>[] = [];
  for (const [version, keys] of all) {
    for (const [key, c] of keys) {
      if (all.every(([other, otherKeys]) => other === version || !otherKeys.has(key))) {
        signals.push({ key, bare: c.bare, value: version });
      }
    }
  }
  return signals;
}
