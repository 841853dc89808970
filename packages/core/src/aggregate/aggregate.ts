/**
 * The roll-up: a government's figures as the cell-wise sum of its departments' reports (FORMATS.md §4.6).
 *
 * Every error rule is a linear identity, so the sum of valid reports is valid and a failing roll-up
 * points at a failing input. A cell some input left empty is not guessed: the roll-up cell is null,
 * and the result says how many inputs gave it and which did not. Money sums exactly (BigInt).
 *
 * Built for 100,000 inputs: each format's cells are grouped by their row object once, so reading a
 * document is one walk to each row and a property read per cell, summed into typed arrays.
 */
import { type CellDef, type CompiledFormat, type FormatVersion, getFormat } from "../formats/index";
import { type Lang, t } from "../i18n/index";
import { MoneyAccumulator, isDecimalString } from "../money";
import type { Agency, ReportDocument } from "../schema/document";
import type { Finding } from "../schema/findings";
import { createEmptyReport, writeCell } from "../schema/values";
import { CROSS_VERSION_TABLES, commonFormat, foldMap } from "./fold";

export interface AggregateOptions {
  /** The body the roll-up speaks for (default: a government named “汇总”). */
  agency?: Agency;
  /** Only inputs of this year are summed (default: the year of the first input). */
  year?: number;
  lang?: Lang;
  /** Also list, per cell, which inputs gave a non-zero value (for "who contributed" views). */
  contributors?: boolean;
}

export interface CellAggregate {
  /** The sum, or null when any input lacked the cell (the total is then not known). */
  value: number | string | null;
  /** How many inputs gave a usable value. */
  reported: number;
  /** Sum of the values that were given (equals `value` when nothing was missing). */
  partialSum: number | string;
  /** Indices (into the inputs) of the first inputs that gave no usable value. */
  missingInputs: number[];
  /** With `contributors: true`: indices of the inputs with a non-zero value. */
  contributors?: number[];
}

export interface AggregateResult {
  year: number;
  /** The inputs' format, or "mixed" when 2019 and 2021 reports were summed (三 and 四 only). */
  formatVersion: FormatVersion | "mixed";
  /** Inputs summed (of the year). */
  inputs: number;
  /** The roll-up as a contract document; null for a mixed roll-up (no single format holds it). */
  report: ReportDocument | null;
  /** Every summed cell by canonical id (in the common format when mixed). */
  cells: Record<string, CellAggregate>;
  findings: Finding[];
}

const MISSING_LISTED = 50;

interface RowGroup {
  /** Path from `tables` to the row object. */
  readonly path: readonly string[];
  readonly cells: readonly { key: string; cell: CellDef }[];
}

const groupsByVersion = new Map<FormatVersion, RowGroup[]>();

function rowGroups(format: CompiledFormat): RowGroup[] {
  let groups = groupsByVersion.get(format.version);
  if (groups) return groups;
  const byPath = new Map<string, { path: string[]; cells: { key: string; cell: CellDef }[] }>();
  for (const cell of format.cells) {
    const path = cell.path.slice(0, -1);
    const key = path.join(".");
    let group = byPath.get(key);
    if (!group) byPath.set(key, (group = { path, cells: [] }));
    group.cells.push({ key: cell.path[cell.path.length - 1]!, cell });
  }
  groups = [...byPath.values()];
  groupsByVersion.set(format.version, groups);
  return groups;
}

function rowObject(tables: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let node = tables as Record<string, unknown> | undefined;
  for (let i = 0; i < path.length && node; i++) {
    const next = node[path[i]!];
    node = next !== null && typeof next === "object" ? (next as Record<string, unknown>) : undefined;
  }
  return node;
}

class Accumulator {
  readonly sums: Float64Array;
  readonly reported: Int32Array;
  readonly missing: number[][];
  readonly missingCount: Int32Array;
  readonly money = new Map<number, MoneyAccumulator>();
  readonly contributors?: number[][];

  constructor(readonly target: CompiledFormat, withContributors: boolean) {
    const n = target.cells.length;
    this.sums = new Float64Array(n);
    this.reported = new Int32Array(n);
    this.missingCount = new Int32Array(n);
    this.missing = Array.from({ length: n }, () => []);
    if (withContributors) this.contributors = Array.from({ length: n }, () => []);
  }

  /** Adds one document; `map` sends its cells to target cells (identity when null). */
  add(doc: ReportDocument, input: number, map: Int32Array | null, counted: Uint8Array): void {
    const format = getFormat(doc.formatVersion);
    counted.fill(0);
    for (const group of rowGroups(format)) {
      const row = rowObject(doc.tables, group.path);
      for (const { key, cell } of group.cells) {
        const target = map ? map[cell.index]! : cell.index;
        if (target < 0) continue;
        const value = row ? row[key] : undefined;
        if (cell.kind === "money") {
          if (isDecimalString(value) && !value.startsWith("-")) {
            let acc = this.money.get(target);
            if (!acc) this.money.set(target, (acc = new MoneyAccumulator()));
            acc.add(value);
            if (!counted[target]) this.reported[target]!++;
            if (value !== "0" && this.contributors) this.contributors[target]!.push(input);
          } else this.markMissing(target, input);
          counted[target] = 1;
          continue;
        }
        if (typeof value === "number" && Number.isSafeInteger(value) && (value >= 0 || cell.kind === "signedCount")) {
          this.sums[target]! += value;
          // Several source cells fold into one target cell: the input counts once.
          if (!counted[target]) this.reported[target]!++;
          counted[target] = 1;
          if (value !== 0 && this.contributors) this.contributors[target]!.push(input);
        } else this.markMissing(target, input);
      }
    }
  }

  private markMissing(target: number, input: number): void {
    this.missingCount[target]!++;
    const list = this.missing[target]!;
    if (list.length < MISSING_LISTED && list[list.length - 1] !== input) list.push(input);
  }
}

function resultCells(acc: Accumulator, inputs: number): Record<string, CellAggregate> {
  const cells: Record<string, CellAggregate> = {};
  for (const cell of acc.target.cells) {
    const i = cell.index;
    const complete = acc.missingCount[i] === 0 && inputs > 0;
    const partialSum = cell.kind === "money" ? (acc.money.get(i)?.toString() ?? "0") : acc.sums[i]!;
    cells[cell.id] = {
      value: complete ? partialSum : null,
      reported: acc.reported[i]!,
      partialSum,
      missingInputs: acc.missing[i]!,
      ...(acc.contributors ? { contributors: acc.contributors[i]! } : {}),
    };
  }
  return cells;
}

function incompleteFindings(target: CompiledFormat, cells: Record<string, CellAggregate>, acc: Accumulator, lang: Lang): Finding[] {
  const byRow = new Map<string, CellDef[]>();
  for (const cell of target.cells) {
    if (acc.missingCount[cell.index]! > 0) byRow.set(`${cell.table}.${cell.row}`, [...(byRow.get(`${cell.table}.${cell.row}`) ?? []), cell]);
  }
  return [...byRow.values()].map((rowCells) => {
    const first = rowCells[0]!;
    const missing = Math.max(...rowCells.map((c) => acc.missingCount[c.index]!));
    const inputs = [...new Set(rowCells.flatMap((c) => cells[c.id]!.missingInputs))].slice(0, 10);
    return {
      ruleId: "AGG-INCOMPLETE",
      severity: "warning" as const,
      outcome: "unchecked" as const,
      cells: rowCells.map((c) => c.id),
      message: t(lang, "aggregate.incomplete", {
        row: first.rowLabel[lang],
        count: missing,
        inputs: inputs.map((i) => `#${i + 1}`).join(lang === "zh" ? "、" : ", "),
      }),
    };
  });
}

/** Cells whose sum over bodies is only a sum of reported values (jointly issued documents count twice). */
const SUM_OF_REPORTED = ["inForce", "totalPublished"];

export function aggregateReports(docs: readonly ReportDocument[], options: AggregateOptions = {}): AggregateResult {
  const lang = options.lang ?? "zh";
  const year = options.year ?? docs[0]?.year ?? new Date().getFullYear();
  const findings: Finding[] = [];
  const included = docs.filter((d) => d.year === year);
  if (included.length < docs.length) {
    findings.push({
      ruleId: "AGG-YEAR",
      severity: "error",
      cells: [],
      message: t(lang, "aggregate.otherYear", { count: docs.length - included.length, year }),
    });
  }
  const versions = [...new Set(included.map((d) => d.formatVersion))];
  const mixed = versions.length > 1;
  const target = mixed ? commonFormat(versions) : getFormat(versions[0] ?? "2021");
  const maps = new Map<FormatVersion, Int32Array | null>();
  for (const v of versions) maps.set(v, mixed ? foldMap(v, target.version) : null);

  const acc = new Accumulator(target, options.contributors === true);
  const counted = new Uint8Array(target.cells.length);
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (doc.year === year) acc.add(doc, i, maps.get(doc.formatVersion)!, counted);
  }
  let cells = resultCells(acc, included.length);
  if (mixed) {
    cells = Object.fromEntries(
      Object.entries(cells).filter(([id]) => CROSS_VERSION_TABLES.some((table) => id.startsWith(`${table}.`))),
    );
    findings.push({
      ruleId: "AGG-FORMAT",
      severity: "warning",
      cells: [],
      message: t(lang, "aggregate.mixed", { versions: versions.join("/") }),
    });
  }
  findings.push(...incompleteFindings(target, cells, acc, lang).filter((f) => f.cells.every((id) => id in cells)));
  const caveat = target.cells.filter((c) => SUM_OF_REPORTED.includes(c.column) && c.id in cells).map((c) => c.id);
  if (caveat.length && included.length > 1) {
    findings.push({ ruleId: "AGG-SUM-OF-REPORTED", severity: "info", cells: caveat, message: t(lang, "aggregate.sumOfReported") });
  }

  let report: ReportDocument | null = null;
  if (!mixed) {
    report = createEmptyReport({
      year,
      agency: options.agency ?? { name: lang === "zh" ? "汇总" : "Roll-up", kind: "government" },
      formatVersion: target.version,
    });
    const tables = report.tables as unknown as Record<string, unknown>;
    for (const cell of target.cells) writeCell(tables, cell, cells[cell.id]!.value);
  }
  return { year, formatVersion: mixed ? "mixed" : target.version, inputs: included.length, report, cells, findings };
}
