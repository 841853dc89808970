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
import { type CellDef, type CompiledFormat, FORMAT_VERSIONS, type FormatVersion, formatVersionForYear, getFormat } from "../formats/index";
import { type Lang, t } from "../i18n/index";
import { MoneyAccumulator } from "../money";
import type { Agency, ReportDocument } from "../schema/document";
import type { Finding } from "../schema/findings";
import { createEmptyReport, writeCell } from "../schema/values";
import { CROSS_VERSION_TABLES, commonFormat, foldMap } from "./fold";
import { type SummedLists, type SummedReports, summableValue } from "./summed";

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

class Accumulator {
  readonly sums: Float64Array;
  readonly reported: Int32Array;
  readonly missing: number[][];
  readonly missingCount: Int32Array;
  readonly money = new Map<number, MoneyAccumulator>();
  readonly contributors?: number[][];
  /** Scratch space for one document's raw cell values. */
  private readonly raw: unknown[];

  constructor(
    readonly target: CompiledFormat,
    withContributors: boolean,
  ) {
    const n = target.cells.length;
    this.sums = new Float64Array(n);
    this.reported = new Int32Array(n);
    this.missingCount = new Int32Array(n);
    this.missing = Array.from({ length: n }, () => []);
    this.raw = new Array<unknown>(n).fill(undefined);
    if (withContributors) this.contributors = Array.from({ length: n }, () => []);
  }

  /** Adds one document of the accumulator's own format. */
  add(doc: ReportDocument, input: number): void {
    const raw = this.raw;
    for (const group of this.target.rowGroups) group.read(doc.tables, raw);
    const cells = this.target.cells;
    for (let i = 0; i < raw.length; i++) {
      const value = summableValue(cells[i]!, raw[i]);
      if (typeof value === "number") {
        this.sums[i]! += value;
        this.reported[i]!++;
        if (value !== 0 && this.contributors) this.contributors[i]!.push(input);
      } else if (value !== undefined) {
        let acc = this.money.get(i);
        if (!acc) this.money.set(i, (acc = new MoneyAccumulator()));
        acc.add(value);
        this.reported[i]!++;
        if (value !== "0" && this.contributors) this.contributors[i]!.push(input);
      } else {
        this.markMissing(i, input);
      }
    }
  }

  /** Adds reports summed elsewhere, with the inputs that left each cell empty or gave it a non-zero value. */
  merge(part: SummedReports, lists: SummedLists): void {
    for (let i = 0; i < this.target.cells.length; i++) {
      this.sums[i]! += part.sums[i]!;
      this.reported[i]! += part.reported[i]!;
      this.missingCount[i]! += part.missingCount[i]!;
      const list = this.missing[i]!;
      for (const input of lists.missing[i] ?? []) if (list.length < MISSING_LISTED) list.push(input);
      if (this.contributors) this.contributors[i]!.push(...(lists.contributors?.[i] ?? []));
    }
    for (const [i, amount] of Object.entries(part.money)) {
      let acc = this.money.get(Number(i));
      if (!acc) this.money.set(Number(i), (acc = new MoneyAccumulator()));
      acc.add(amount);
    }
  }

  private markMissing(target: number, input: number): void {
    this.missingCount[target]!++;
    const list = this.missing[target]!;
    if (list.length < MISSING_LISTED) list.push(input);
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
    if (acc.missingCount[cell.index]! > 0)
      byRow.set(`${cell.table}.${cell.row}`, [...(byRow.get(`${cell.table}.${cell.row}`) ?? []), cell]);
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

/**
 * A roll-up fed one report at a time, so that 100,000 reports read from a stream never need to be
 * held in memory together. Each format version sums into its own accumulator; a mixed roll-up folds
 * them into the common format at the end (sums are linear, so folding after summing is exact).
 */
export class RollUp {
  private readonly accumulators = new Map<FormatVersion, Accumulator>();
  private year: number | undefined;
  private otherYears = 0;
  private inputs = 0;
  private nextIndex = 0;

  constructor(private readonly options: AggregateOptions = {}) {
    this.year = options.year;
  }

  /** Adds a report; `index` identifies it in `missingInputs`/`contributors` (default: the order of adding). */
  add(doc: ReportDocument, index: number = this.nextIndex): void {
    this.nextIndex = index + 1;
    this.year ??= doc.year;
    if (doc.year !== this.year) {
      this.otherYears++;
      return;
    }
    this.accumulatorFor(doc.formatVersion).add(doc, index);
    this.inputs++;
  }

  /**
   * Adds reports already summed (a stored partial roll-up) as if each had been added: `lists` holds, by
   * cell index, the input indices that left the cell empty (first 50 suffice) and, with `contributors`,
   * those that gave it a non-zero value.
   */
  addSummed(part: SummedReports, lists: SummedLists): void {
    this.year ??= part.year;
    if (part.year !== this.year) {
      this.otherYears += part.inputs;
      return;
    }
    if (part.inputs === 0) return;
    this.accumulatorFor(part.formatVersion).merge(part, lists);
    this.inputs += part.inputs;
  }

  private accumulatorFor(version: FormatVersion): Accumulator {
    let acc = this.accumulators.get(version);
    if (!acc) {
      acc = new Accumulator(getFormat(version), this.options.contributors === true);
      this.accumulators.set(version, acc);
    }
    return acc;
  }

  result(): AggregateResult {
    const lang = this.options.lang ?? "zh";
    const year = this.year ?? new Date().getFullYear();
    const findings: Finding[] = [];
    if (this.otherYears > 0) {
      findings.push({
        ruleId: "AGG-YEAR",
        severity: "error",
        cells: [],
        message: t(lang, "aggregate.otherYear", { count: this.otherYears, year }),
      });
    }
    const versions = FORMAT_VERSIONS.filter((v) => this.accumulators.has(v));
    const mixed = versions.length > 1;
    const target = mixed ? commonFormat(versions) : getFormat(versions[0] ?? formatVersionForYear(year));
    const acc = mixed ? this.folded(target, versions) : (this.accumulators.get(target.version) ?? new Accumulator(target, false));
    let cells = resultCells(acc, this.inputs);
    if (mixed) {
      cells = Object.fromEntries(Object.entries(cells).filter(([id]) => CROSS_VERSION_TABLES.some((table) => id.startsWith(`${table}.`))));
      findings.push({
        ruleId: "AGG-FORMAT",
        severity: "warning",
        cells: [],
        message: t(lang, "aggregate.mixed", { versions: versions.join("/") }),
      });
    }
    findings.push(...incompleteFindings(target, cells, acc, lang).filter((f) => f.cells.every((id) => id in cells)));
    // Stocks (现行有效件数) summed over bodies count a jointly issued document once per body.
    const caveat = target.cells.filter((c) => c.columnDef.sumOfReported === true && c.id in cells).map((c) => c.id);
    if (caveat.length && this.inputs > 1) {
      findings.push({ ruleId: "AGG-SUM-OF-REPORTED", severity: "info", cells: caveat, message: t(lang, "aggregate.sumOfReported") });
    }
    let report: ReportDocument | null = null;
    if (!mixed) {
      report = createEmptyReport({
        year,
        agency: this.options.agency ?? { name: lang === "zh" ? "汇总" : "Roll-up", kind: "government" },
        formatVersion: target.version,
      });
      const tables = report.tables as unknown as Record<string, unknown>;
      for (const cell of target.cells) writeCell(tables, cell, cells[cell.id]!.value);
    }
    return { year, formatVersion: mixed ? "mixed" : target.version, inputs: this.inputs, report, cells, findings };
  }

  /** Sums of each version's accumulator carried into the common format's cells. */
  private folded(target: CompiledFormat, versions: FormatVersion[]): Accumulator {
    const out = new Accumulator(target, this.options.contributors === true);
    for (const version of versions) {
      const source = this.accumulators.get(version)!;
      const map = foldMap(version, target.version);
      // An input missing any of the cells folded into one target cell leaves that target unknown.
      const missing = new Int32Array(target.cells.length);
      map.forEach((to, from) => {
        if (to < 0) return;
        out.sums[to]! += source.sums[from]!;
        missing[to] = Math.max(missing[to]!, source.missingCount[from]!);
        for (const input of source.missing[from]!) if (!out.missing[to]!.includes(input)) out.missing[to]!.push(input);
        if (out.contributors && source.contributors) {
          for (const input of source.contributors[from]!) if (!out.contributors[to]!.includes(input)) out.contributors[to]!.push(input);
        }
      });
      const inputs = Math.max(0, ...Array.from(source.reported, (n, i) => n + source.missingCount[i]!));
      missing.forEach((n, to) => {
        if (map.includes(to)) {
          out.missingCount[to]! += n;
          out.reported[to]! += inputs - n;
        }
      });
    }
    return out;
  }
}

export function aggregateReports(docs: readonly ReportDocument[], options: AggregateOptions = {}): AggregateResult {
  const rollUp = new RollUp({ ...options, year: options.year ?? docs[0]?.year });
  docs.forEach((doc, i) => rollUp.add(doc, i));
  return rollUp.result();
}
