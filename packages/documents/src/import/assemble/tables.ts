/**
 * Placing the rows of the source tables into the format's cells. A row is placed by its label
 * (matched against the format's row labels, so extra, missing or reordered rows do no harm); its
 * values are placed by column only when that is certain: as many values as columns, or positions
 * that say which column each value is in. Anything else leaves the cells null with a finding.
 */
import {
  type BlockTableDef,
  type CellDef,
  type Lang,
  type MatrixRowDef,
  type MatrixTableDef,
  type MoneyUnit,
  type TableDef,
  label as pick,
} from "@nianbao/core";
import { type FindingList, joinList, message } from "../findings";
import { matchLabel } from "../normalize";
import { compactValueText, isBlankText, isDigitRun } from "../values";
import { CellStore } from "./cells";
import { ColumnCentres } from "./column-centres";
import type { BlockRowRef, FormatLabels } from "./labels";
import type { LogicalRow } from "./rows";
import { reportMissingRows, reportMissingTables, reportUnreadCells } from "./missing";
import { type PendingRun, resolvePendingRuns } from "./pending-runs";
import { placeByPosition, type SequenceEntry, splitRowsOfValues } from "./positions";
import { captionedRow, wrappedItem } from "./broken-labels";
import {
  blockOfRow,
  columnOrder,
  dataRowsUnder,
  deepestOnOneChain,
  moneyHeaderUnit,
  rowMatches,
  rowText,
  separateBlocks,
  uniqueBlocks,
} from "./table-labels";

/** A row read by its label whose line also holds the values of rows after it (positions.ts). */
interface SplitRow {
  readonly target: MatrixRowDef;
  readonly cells: readonly CellDef[];
  readonly row: LogicalRow;
  readonly own: LogicalRow;
  readonly more: readonly LogicalRow[];
}

export class TablePlacer {
  readonly store: CellStore;
  private readonly pending: PendingRun[] = [];
  private readonly centres = new ColumnCentres();
  private readonly lang: Lang;

  constructor(
    private readonly labels: FormatLabels,
    private readonly findings: FindingList,
  ) {
    this.store = new CellStore(labels.format, findings);
    this.lang = findings.lang;
  }

  private table<T extends TableDef["kind"]>(id: string, kind: T): Extract<TableDef, { kind: T }> | null {
    const table = this.labels.format.tableById.get(id);
    return table && table.kind === kind ? (table as Extract<TableDef, { kind: T }>) : null;
  }

  private cell(id: string): CellDef {
    const cell = this.labels.format.cellById.get(id);
    if (!cell) throw new Error(`no cell ${id} in the ${this.labels.format.version} format`);
    return cell;
  }

  /** Learn column positions from complete rows first, so rows with blanks can be placed after. */
  learnPositions(group: string, rows: readonly LogicalRow[], columns: number): void {
    for (const row of rows) if (row.geometry === "positioned" && row.values.length === columns) this.centres.learn(group, row.values);
  }

  /** Puts a row's values into `cells` when their columns are certain. */
  private placeRow(
    cells: readonly CellDef[],
    row: LogicalRow,
    rowName: string,
    group: string,
    units: readonly (MoneyUnit | null)[] = [],
  ): void {
    const values = [...row.values];
    // Empty cells at either end of a longer row are layout (a spanned column written out), not data —
    // when what is left begins and ends with a printed cell (a value or a dash). "0 | ||||||||" for seven columns is one value
    // whose column nobody can tell, not a 0 in the first column and blanks after it.
    const printed = values.length;
    while (values.length > cells.length && values[values.length - 1]!.text.trim() === "") values.pop();
    while (values.length > cells.length && values[0]!.text.trim() === "") values.shift();
    const trimmedToFit = values.length !== printed && values.length === cells.length;
    // A printed dash is a cell of the row; only an empty cell can be layout.
    const endsAreValues = values.length > 0 && values[0]!.text.trim() !== "" && values[values.length - 1]!.text.trim() !== "";
    const headerUnit = (i: number) => units[i] ?? null;
    if (values.length === cells.length && (!trimmedToFit || endsAreValues)) {
      cells.forEach((cell, i) => this.store.read(cell, values[i]!.text, headerUnit(i)));
      return;
    }
    if (row.geometry === "positioned") {
      const columns = this.centres.place(group, values, cells.length);
      if (columns) {
        const placed = new Set<number>();
        values.forEach((value, i) => {
          const c = columns[i]!;
          placed.add(c);
          this.store.read(cells[c]!, value.text, headerUnit(c));
        });
        cells.forEach((cell, c) => placed.has(c) || this.store.blank(cell));
        return;
      }
    }
    const tokens = values.map((v) => v.text).filter((text) => !isBlankText(text));
    // Digits can only have run together when there are at least as many digits as cells: "72 64 178
    // 37" for fifteen cells is a short row of separate values (a value-count problem), not a run.
    // Digits as isDigitRun reads them: full-width "１０" is 10, not two characters Number() cannot read.
    const runs = tokens.map((token) => compactValueText(token).replace(/\s/gu, ""));
    const digits = runs.reduce((n, run) => n + run.length, 0);
    const runTogether =
      tokens.length === values.length &&
      tokens.length < cells.length &&
      digits >= cells.length &&
      tokens.every(isDigitRun) &&
      tokens.some((token) => token.replace(/\s/gu, "").length > 1) &&
      cells.every((cell) => cell.kind === "count");
    if (runTogether) {
      this.pending.push({ cells, tokens: runs, rowName });
      return;
    }
    this.findings.add(
      "IMPORT-VALUE-COUNT",
      "warning",
      cells.map((c) => c.id),
      "valueCount",
      { row: rowName, actual: values.length, expected: cells.length },
      { expected: cells.length, actual: values.length },
    );
  }

  // ------------------------------------------------------------------------------------- 二

  placeBlocks(tableId: string, rows: readonly LogicalRow[]): void {
    const table = this.table(tableId, "blocks");
    if (!table) return;
    for (const block of table.blocks) {
      this.learnPositions(
        `${tableId}.${block.id}`,
        rows.filter((row) => {
          const ref = blockOfRow(row, this.labels);
          return ref !== null && !Array.isArray(ref) && ref.block === block;
        }),
        block.columns.length,
      );
    }
    let header: string[] = [];
    let current: BlockTableDef["blocks"][number] | null = null;
    for (const row of rows) {
      const title = row.labels.flatMap((text) => matchLabel(text, this.labels.blockTitles));
      if (!row.values.length) {
        // A block's title starts it; its header row names the columns in the order the source prints them.
        if (title.length === 1) {
          current = title[0]!.value;
          header = [];
        }
        if (row.labels.length > 1) header = [...row.labels];
        continue;
      }
      const ref = blockOfRow(row, this.labels, current);
      if (ref === null) {
        this.extra(table, row);
        continue;
      }
      if (Array.isArray(ref)) {
        this.ambiguous(
          row,
          ref.flatMap((r) => this.blockCells(table, r)),
        );
        continue;
      }
      current = ref.block;
      const cells = this.blockCells(table, ref);
      const order = columnOrder(header, ref.block.columns);
      const ordered = order ? order.map((i) => cells[i]!) : cells;
      const columns = order ? order.map((i) => ref.block.columns[i]!) : [...ref.block.columns];
      const units = columns.map((column) => (column.kind === "money" ? moneyHeaderUnit([...header, ...row.labels], column) : null));
      this.store.rowsSeen.add(`${tableId}.${ref.row.id}`);
      this.placeRow(ordered, row, pick(this.lang, ref.row.label), `${tableId}.${ref.block.id}`, units);
    }
  }

  private blockCells(table: BlockTableDef, ref: BlockRowRef): CellDef[] {
    return ref.block.columns.map((column) => this.cell(`${table.id}.${ref.row.id}.${column.id}`));
  }

  // ------------------------------------------------------------------------------------- 三

  placeMatrix(tableId: string, rows: readonly LogicalRow[]): void {
    const table = this.table(tableId, "matrix");
    if (!table) return;
    this.learnPositions(tableId, rows, table.columns.length);
    const byId = new Map(table.rows.map((row) => [row.id, row]));
    let captionAbove: string[] = [];
    let previousLabelled = false;
    const sequence: SequenceEntry[] = [];
    const { applicants } = this.labels.format.def.roles;
    const totalIndex = applicants.table === tableId ? table.columns.findIndex((c) => c.id === applicants.total) : -1;
    const splits: SplitRow[] = [];
    for (const source of rows) {
      if (!source.values.length) {
        captionAbove = source.caption ? [...captionAbove, ...source.labels] : [];
        continue;
      }
      const row = captionedRow(source, captionAbove, previousLabelled, table, byId, this.labels);
      captionAbove = [];
      previousLabelled = source.labels.length > 0;
      const matched = new Set<MatrixRowDef>(rowMatches(row, this.labels.matrixRows).map((m) => m.value));
      if (!matched.size) {
        // A row of values with no label at all may still be placed by where it stands (below).
        if (!row.labels.length && row.values.some((value) => value.text.trim())) sequence.push({ kind: "unlabelled", source: row });
        else {
          sequence.push({ kind: "other" });
          this.extra(table, row);
        }
        continue;
      }
      let target = deepestOnOneChain([...matched], byId);
      if (!target || !target.data) target = wrappedItem(row, [...matched], table, byId, this.labels) ?? target;
      if (!target || !target.data) {
        sequence.push({ kind: "other" });
        // The rows it could be: a data row itself, or any data row under a group heading.
        const candidates = [...matched].flatMap((m) => dataRowsUnder(m, table));
        const cells = candidates.flatMap((r) => table.columns.map((c) => this.cell(`${tableId}.${r.id}.${c.id}`)));
        for (const m of matched) if (m.data) this.store.rowsSeen.add(`${tableId}.${m.id}`);
        this.findings.add(
          "IMPORT-AMBIGUOUS",
          "warning",
          cells.map((c) => c.id),
          target ? "headerOnlyRow" : "ambiguousRow",
          {
            labels: rowText(row),
            rows: joinList(
              this.lang,
              [...matched].map((m) =>
                m.data
                  ? `“${pick(this.lang, m.label)}”`
                  : message(this.lang, "rowsUnder", { label: pick(this.lang, m.label), count: dataRowsUnder(m, table).length }),
              ),
            ),
          },
        );
        continue;
      }
      this.store.rowsSeen.add(`${tableId}.${target.id}`);
      sequence.push({ kind: "placed", row: target });
      const cells = table.columns.map((column) => this.cell(`${tableId}.${target.id}.${column.id}`));
      // A line holding this row's values and those of rows after it whose labels went elsewhere: the
      // row keeps its first piece only if the others are placed by position too (placeUnlabelled).
      const [own, ...more] = splitRowsOfValues(row, table.columns.length, totalIndex) ?? [];
      if (own && more.length) {
        for (const source of more) sequence.push({ kind: "unlabelled", source });
        splits.push({ target, cells, row, own, more });
      } else this.placeRow(cells, row, pick(this.lang, target.label), tableId);
    }
    this.placeUnlabelled(table, sequence, splits);
  }

  /** Rows of values without a label: placed where the form's order leaves one reading (positions.ts), else extra rows. */
  private placeUnlabelled(table: MatrixTableDef, sequence: readonly SequenceEntry[], splits: readonly SplitRow[]): void {
    const read = new Set(table.rows.filter((row) => this.store.rowsSeen.has(`${table.id}.${row.id}`)).map((row) => row.id));
    const placed = placeByPosition(sequence, table, read);
    for (const { source, row, after, before } of placed) {
      this.store.rowsSeen.add(`${table.id}.${row.id}`);
      const cells = table.columns.map((column) => this.cell(`${table.id}.${row.id}.${column.id}`));
      const name = pick(this.lang, row.label);
      this.findings.add(
        "IMPORT-POSITION",
        "info",
        cells.map((c) => c.id),
        "rowByPosition",
        {
          row: name,
          after: pick(this.lang, after.label),
          before: pick(this.lang, before.label),
        },
      );
      this.placeRow(cells, source, name, table.id);
    }
    const done = new Set(placed.map((p) => p.source));
    const pieces = new Set(splits.flatMap((split) => split.more));
    for (const { target, cells, row, own, more } of splits) {
      // Not all of the line's other rows found their place: the line stays one row of too many values.
      this.placeRow(cells, more.every((piece) => done.has(piece)) ? own : row, pick(this.lang, target.label), table.id);
    }
    for (const entry of sequence) {
      if (entry.kind === "unlabelled" && !done.has(entry.source) && !pieces.has(entry.source)) this.extra(table, entry.source);
    }
  }

  // ------------------------------------------------------------------------------------- 四

  placeSingleRow(tableId: string, rows: readonly LogicalRow[]): void {
    const table = this.table(tableId, "singleRow");
    if (!table) return;
    this.learnPositions(tableId, rows, table.columns.length);
    const cells = table.columns.map((column) => this.cell(`${tableId}.${column.id}`));
    const blocks = separateBlocks(table, rows);
    if (blocks) {
      for (const { name, columns, row } of blocks) {
        this.store.rowsSeen.add(`${tableId}.data`);
        this.placeRow(
          columns.map((i) => cells[i]!),
          row,
          name,
          `${tableId}.${name}`,
        );
      }
      return;
    }
    const data = rows.filter((row) => row.values.length > 0);
    const name = joinList(
      this.lang,
      uniqueBlocks(table).map((l) => pick(this.lang, l)),
    );
    for (const row of data) {
      this.store.rowsSeen.add(`${tableId}.data`);
      this.placeRow(cells, row, name, tableId);
    }
  }

  // ------------------------------------------------------------------------------------- id list

  /** The flat list export (cell id | labels | value): ids are the contract, so they place values exactly. */
  placeIdList(rows: readonly LogicalRow[]): void {
    for (const row of rows) {
      const id = [...row.labels, ...row.texts].find((text) => this.labels.format.cellById.has(text.trim()));
      if (!id) continue;
      const cell = this.cell(id.trim());
      this.store.rowsSeen.add(`${cell.table}.${cell.row}`);
      if (cell.table === this.labels.format.def.tables.find((t) => t.kind === "singleRow")?.id)
        this.store.rowsSeen.add(`${cell.table}.data`);
      const value = row.values.length ? row.values[row.values.length - 1]!.text : "";
      this.store.read(cell, value);
    }
  }

  // ------------------------------------------------------------------------------------- findings

  private ambiguous(row: LogicalRow, cells: readonly CellDef[]): void {
    this.findings.add(
      "IMPORT-AMBIGUOUS",
      "warning",
      cells.map((c) => c.id),
      "ambiguousRow",
      {
        labels: rowText(row),
        rows: joinList(this.lang, [...new Set(cells.map((c) => pick(this.lang, c.rowLabel)))]),
      },
    );
  }

  private extra(table: TableDef, row: LogicalRow): void {
    // A header row with an empty cell at its end is not a row of values.
    if (row.values.every((value) => !value.text.trim())) return;
    const section = this.labels.format.def.sections.find((s) => s.table === table.id);
    this.findings.add("IMPORT-EXTRA-ROW", "info", [], "extraRow", {
      table: section ? pick(this.lang, section.heading) : table.id,
      label: (row.labels.length ? row.labels : row.texts).join(" / "),
    });
  }

  /**
   * Run-together rows, once every other value is in (pending-runs.ts): the table's identities decide,
   * or the row stays null.
   */
  resolveRuns(): void {
    resolvePendingRuns(this.pending, this.labels, this.store, this.findings);
  }

  /** Rows of found tables that no source row was matched to. */
  reportMissingRows(found: ReadonlySet<string>): void {
    reportMissingRows(this.labels, this.store, this.findings, found);
  }

  reportMissingTables(found: ReadonlySet<string>): void {
    reportMissingTables(this.labels, this.findings, found);
  }

  /** After every other finding: name the cells of found tables that nothing filled and nothing named. */
  reportUnreadCells(found: ReadonlySet<string>): void {
    reportUnreadCells(this.labels, this.store, this.findings, found);
  }
}
