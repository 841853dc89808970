/**
 * Placing the rows of the source tables into the format's cells. A row is placed by its label
 * (matched against the format's row labels, so extra, missing or reordered rows do no harm); its
 * values are placed by column only when that is certain: as many values as columns, or positions
 * that say which column each value is in. Anything else leaves the cells null with a finding.
 */
import {
  type BlockTableDef,
  type CellDef,
  type ColumnDef,
  type Lang,
  type MatrixRowDef,
  type MatrixTableDef,
  type MoneyUnit,
  type SingleRowTableDef,
  type TableDef,
  label as pick,
  readCells,
} from "@nianbao/core";
import { type FindingList, joinList, message } from "../findings";
import { type LabelCandidate, type LabelMatch, labelKey, matchLabel } from "../normalize";
import { forMatching } from "../traditional";
import { isBlankText, isDigitRun } from "../values";
import { CellStore } from "./cells";
import type { BlockRowRef, FormatLabels } from "./labels";
import type { LogicalRow, ValueCell } from "./rows";
import { consistentReadings, splitReadings } from "./runs";

interface PendingRun {
  readonly cells: readonly CellDef[];
  readonly tokens: readonly string[];
  readonly rowName: string;
}

/** Median x-centre of each column, learned from the rows of a PDF table that have every value. */
class ColumnCentres {
  private readonly samples = new Map<string, number[][]>();

  learn(group: string, values: readonly ValueCell[]): void {
    const list = this.samples.get(group) ?? [];
    list.push(values.map((v) => (v.start + v.end) / 2));
    this.samples.set(group, list);
  }

  /** For each value, the column it sits in; null when any value is not clearly in one column. */
  place(group: string, values: readonly ValueCell[], columns: number): (number | null)[] | null {
    const rows = (this.samples.get(group) ?? []).filter((row) => row.length === columns);
    if (!rows.length) return null;
    const centres = Array.from({ length: columns }, (_, c) => {
      const xs = rows.map((row) => row[c]!).sort((a, b) => a - b);
      return xs[Math.floor(xs.length / 2)]!;
    });
    let minGap = Number.POSITIVE_INFINITY;
    for (let c = 1; c < centres.length; c++) minGap = Math.min(minGap, centres[c]! - centres[c - 1]!);
    const taken = new Set<number>();
    const out: (number | null)[] = [];
    for (const value of values) {
      const x = (value.start + value.end) / 2;
      let best = -1;
      let distance = Number.POSITIVE_INFINITY;
      centres.forEach((centre, c) => {
        const d = Math.abs(centre - x);
        if (d < distance) {
          best = c;
          distance = d;
        }
      });
      if (best < 0 || taken.has(best) || (columns > 1 && distance > minGap / 2)) return null;
      taken.add(best);
      out.push(best);
    }
    return out;
  }
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
    const runTogether =
      tokens.length === values.length &&
      tokens.length < cells.length &&
      tokens.every(isDigitRun) &&
      tokens.some((token) => token.replace(/\s/gu, "").length > 1) &&
      cells.every((cell) => cell.kind === "count");
    if (runTogether) {
      this.pending.push({ cells, tokens: tokens.map((t) => t.replace(/[\s\u3000]/gu, "")), rowName });
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
        this.ambiguous(row, ref.flatMap((r) => this.blockCells(table, r)));
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
    for (const row of rows) {
      if (!row.values.length) continue;
      const matched = new Set<MatrixRowDef>(rowMatches(row, this.labels.matrixRows).map((m) => m.value));
      if (!matched.size) {
        this.extra(table, row);
        continue;
      }
      const target = deepestOnOneChain([...matched], byId);
      if (!target || !target.data) {
        // The rows it could be: a data row itself, or any data row under a group heading.
        const candidates = [...matched].flatMap((m) => dataRowsUnder(m, table));
        const cells = candidates.flatMap((r) => table.columns.map((c) => this.cell(`${tableId}.${r.id}.${c.id}`)));
        for (const m of matched) if (m.data) this.store.rowsSeen.add(`${tableId}.${m.id}`);
        this.findings.add("IMPORT-AMBIGUOUS", "warning", cells.map((c) => c.id), target ? "headerOnlyRow" : "ambiguousRow", {
          labels: rowText(row),
          rows: joinList(
            this.lang,
            [...matched].map((m) => (m.data ? `“${pick(this.lang, m.label)}”` : message(this.lang, "rowsUnder", { label: pick(this.lang, m.label), count: dataRowsUnder(m, table).length }))),
          ),
        });
        continue;
      }
      this.store.rowsSeen.add(`${tableId}.${target.id}`);
      const cells = table.columns.map((column) => this.cell(`${tableId}.${target.id}.${column.id}`));
      this.placeRow(cells, row, pick(this.lang, target.label), tableId);
    }
  }

  // ------------------------------------------------------------------------------------- 四

  placeSingleRow(tableId: string, rows: readonly LogicalRow[]): void {
    const table = this.table(tableId, "singleRow");
    if (!table) return;
    this.learnPositions(tableId, rows, table.columns.length);
    const data = rows.filter((row) => row.values.length > 0);
    const cells = table.columns.map((column) => this.cell(`${tableId}.${column.id}`));
    const name = joinList(this.lang, uniqueBlocks(table).map((l) => pick(this.lang, l)));
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
      if (cell.table === this.labels.format.def.tables.find((t) => t.kind === "singleRow")?.id) this.store.rowsSeen.add(`${cell.table}.data`);
      const value = row.values.length ? row.values[row.values.length - 1]!.text : "";
      this.store.read(cell, value);
    }
  }

  // ------------------------------------------------------------------------------------- findings

  private ambiguous(row: LogicalRow, cells: readonly CellDef[]): void {
    this.findings.add("IMPORT-AMBIGUOUS", "warning", cells.map((c) => c.id), "ambiguousRow", {
      labels: rowText(row),
      rows: joinList(this.lang, [...new Set(cells.map((c) => pick(this.lang, c.rowLabel)))]),
    });
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

  /** Run-together rows, once every other value is in: identities decide, or the row stays null. */
  resolveRuns(): void {
    for (const run of this.pending) {
      const text = run.tokens.join(" ");
      const readings = splitReadings(run.tokens, run.cells.length);
      const ids = run.cells.map((c) => c.id);
      if (readings === "tooMany") {
        this.findings.add("IMPORT-AMBIGUOUS", "warning", ids, "runTooMany", { row: run.rowName, text });
        continue;
      }
      const reading = readCells(this.labels.format, this.store.tables());
      const kept = consistentReadings(this.labels.format.version, run.cells, readings, reading);
      if (kept.length === 1) {
        const values = kept[0]!;
        run.cells.forEach((cell, i) => this.store.set(cell, values[i]!, String(values[i])));
        this.findings.add("IMPORT-SPLIT", "info", ids, "runSplit", { row: run.rowName, text, reading: values.join(", ") });
      } else {
        this.findings.add("IMPORT-AMBIGUOUS", "warning", ids, kept.length ? "runAmbiguous" : "runNone", {
          row: run.rowName,
          text,
          count: kept.length,
        });
      }
    }
  }

  /** Rows of found tables that no source row was matched to. */
  reportMissingRows(found: ReadonlySet<string>): void {
    for (const table of this.labels.format.def.tables) {
      if (!found.has(table.id)) continue;
      const missing: { label: string; cells: CellDef[] }[] = [];
      const tableCells = this.labels.format.cellsByTable.get(table.id) ?? [];
      const cellsOf = (row: string) => tableCells.filter((c) => c.row === row);
      if (table.kind === "singleRow") {
        if (!this.store.rowsSeen.has(`${table.id}.data`)) {
          missing.push({ label: joinList(this.lang, uniqueBlocks(table).map((l) => pick(this.lang, l))), cells: [...tableCells] });
        }
      } else {
        const rowIds =
          table.kind === "blocks"
            ? table.blocks.flatMap((b) => b.rows.map((r) => ({ id: r.id, label: r.label })))
            : table.rows.filter((r) => r.data).map((r) => ({ id: r.id, label: r.label }));
        for (const row of rowIds) {
          if (this.store.rowsSeen.has(`${table.id}.${row.id}`)) continue;
          missing.push({ label: pick(this.lang, row.label), cells: cellsOf(row.id) });
        }
      }
      if (!missing.length) continue;
      const section = this.labels.format.def.sections.find((s) => s.table === table.id);
      this.findings.add(
        "IMPORT-ROWS-MISSING",
        "warning",
        missing.flatMap((m) => m.cells.map((c) => c.id)),
        "rowsMissing",
        { table: section ? pick(this.lang, section.heading) : table.id, count: missing.length, rows: joinList(this.lang, missing.map((m) => m.label)) },
      );
    }
  }

  reportMissingTables(found: ReadonlySet<string>): void {
    for (const table of this.labels.format.def.tables) {
      if (found.has(table.id)) continue;
      const cells = this.labels.format.cellsByTable.get(table.id) ?? [];
      const section = this.labels.format.def.sections.find((s) => s.table === table.id);
      this.findings.add("IMPORT-TABLE-MISSING", "warning", cells.map((c) => c.id), "tableMissing", {
        table: section ? pick(this.lang, section.heading) : table.id,
        count: cells.length,
      });
    }
  }
}

// ----------------------------------------------------------------------------------------------

/** The block row a source row names; several when it names rows of several blocks equally. */
function blockOfRow(
  row: LogicalRow,
  labels: FormatLabels,
  current: BlockTableDef["blocks"][number] | null = null,
): BlockRowRef | BlockRowRef[] | null {
  const matches = rowMatches(row, labels.blockRows);
  if (!matches.length) return null;
  const best = Math.min(...matches.map((m) => m.quality));
  const longest = Math.max(...matches.filter((m) => m.quality === best).map((m) => m.length));
  const top = [...new Set(matches.filter((m) => m.quality === best && m.length === longest).map((m) => m.value))];
  if (top.length === 1) return top[0]!;
  const inCurrent = top.filter((ref) => ref.block === current);
  return inCurrent.length === 1 ? inCurrent[0]! : top;
}

/**
 * The labels a row names: each label cell on its own, or — when none names anything — all of them
 * read together with the lines wrapped around the row, for a label broken across cells or lines (a
 * PDF line that interleaves two cells' text, a layout extraction that wraps the label around the
 * values).
 */
function rowMatches<T>(row: LogicalRow, candidates: readonly LabelCandidate<T>[]): LabelMatch<T>[] {
  const each = row.labels.flatMap((text) => matchLabel(text, candidates));
  if (each.length) return each;
  const around = [...row.wrapped.above, ...row.labels, ...row.wrapped.below];
  return around.length < 2 ? [] : matchLabel(around.join(""), candidates);
}

/** A row's labels as the source shows them, wrapped lines included, for messages. */
function rowText(row: LogicalRow): string {
  return [...row.wrapped.above, ...row.labels, ...row.wrapped.below].join(" / ");
}

/** The source's column order as indexes into the block's columns, when the header names each once. */
function columnOrder(header: readonly string[], columns: readonly ColumnDef[]): number[] | null {
  if (header.length < columns.length) return null;
  const candidates = columns.flatMap((column, i) => [column.label.zh, column.label.en].map((text) => ({ key: labelKey(text), bare: labelKey(text), value: i })));
  const order: number[] = [];
  for (const text of header) {
    const m = matchLabel(text, candidates);
    if (m.length === 1 && !order.includes(m[0]!.value)) order.push(m[0]!.value);
  }
  return order.length === columns.length ? order : null;
}

/** The unit a header states for a money column ("本年收费金额（单位：万元）", "采购总金额（元）", "… (yuan)"). */
function moneyHeaderUnit(texts: readonly string[], column: ColumnDef): MoneyUnit | null {
  const stems = [labelKey(column.label.zh).slice(0, 4), labelKey(column.label.en).slice(0, 8)].filter(Boolean);
  const text = texts.find((h) => stems.some((stem) => labelKey(h).startsWith(stem)));
  if (!text) return null;
  // A mirror's "（單位：萬元）" is 万元, not 元: the unit is read in Simplified characters.
  const compact = forMatching(text).replace(/\s/gu, "");
  if (/(?:万元|10,?000yuan)[)）]?$/iu.test(compact)) return "万元";
  if (/(?:元|yuan)[)）]?$/iu.test(compact)) return "元";
  return null;
}

/** Among matched rows, the one all others are ancestors of; null when they are on different branches. */
function deepestOnOneChain(matched: readonly MatrixRowDef[], byId: ReadonlyMap<string, MatrixRowDef>): MatrixRowDef | null {
  const ancestors = (row: MatrixRowDef) => {
    const out = new Set<string>();
    for (let parent = row.parent; parent; parent = byId.get(parent)?.parent) out.add(parent);
    return out;
  };
  for (const candidate of matched) {
    const up = ancestors(candidate);
    if (matched.every((other) => other === candidate || up.has(other.id))) return candidate;
  }
  return null;
}

function dataRowsUnder(row: MatrixRowDef, table: MatrixTableDef): MatrixRowDef[] {
  if (row.data) return [row];
  return table.rows.filter((r) => r.parent === row.id).flatMap((r) => dataRowsUnder(r, table));
}

/** The top-level headings of 四 (行政复议, 行政诉讼), for naming its one data row. */
function uniqueBlocks(table: SingleRowTableDef) {
  return table.headerGrid[0]?.map((cell) => cell.label) ?? [];
}
