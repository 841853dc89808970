/**
 * Scoring an import against hand-checked expectations: the regression corpus of real published
 * reports (packages/documents/test/corpus) is checked with this, by its test and by
 * `nianbao import --check-corpus DIR`. Pure: the caller reads the files.
 *
 * An expectation lists the cells a reader can read in the source, by cell id or by row (the row's
 * cells in the format's column order). `null` means the source prints the cell blank ("", "-", "/"):
 * the import must leave it null. Every cell the expectation does not list must be null too — the
 * source does not show it legibly — so a value placed anywhere it should not be counts as wrong.
 */
import { type Finding, FORMAT_VERSIONS, type FormatVersion, getCell, getFormat, type ReportDocument } from "@nianbao/core";

export type ExpectedValue = number | string | null;

export interface CorpusExpectation {
  /** The address of the published report the file reproduces. */
  readonly source: string;
  readonly province?: string;
  readonly agencyKind?: "government" | "department";
  /** The format the report's tables are in. */
  readonly format: FormatVersion;
  /** The report year, when the file states it; null when it cannot be read from the file. */
  readonly year?: number | null;
  /** The shapes of issue 10 the file shows (1–9). */
  readonly shapes: readonly number[];
  /** Row id (or table id) → values in the format's column order. */
  readonly rows?: Readonly<Record<string, readonly ExpectedValue[]>>;
  readonly cells?: Readonly<Record<string, ExpectedValue>>;
}

interface CellOutcome {
  readonly cell: string;
  readonly expected: ExpectedValue | undefined;
  readonly actual: ExpectedValue;
}

export interface CorpusScore {
  /** Legible cells (a value in the source) read right. */
  readonly right: number;
  /** Legible cells left null by the import. */
  readonly empty: number;
  /** Cells blank in the source and null in the import. */
  readonly blanks: number;
  /** Any cell whose imported value is not what the source shows (including values where it shows none). */
  readonly wrong: readonly CellOutcome[];
  /** Legible cells left null that no IMPORT-* finding names. */
  readonly unexplained: readonly string[];
  readonly yearRight: boolean | null;
  readonly formatRight: boolean;
}

/** The cells of a row (or of a whole table) in the format's order. */
function rowCells(version: FormatVersion, row: string): string[] {
  const format = getFormat(version);
  const table = format.cellsByTable.get(row);
  if (table) return table.map((c) => c.id);
  const depth = row.split(".").length + 1;
  return format.cells.filter((c) => c.id.startsWith(`${row}.`) && c.id.split(".").length === depth).map((c) => c.id);
}

/** The expectation as one map of cell id → value; throws when a row's length does not fit the format. */
export function expectedCells(expectation: CorpusExpectation): Map<string, ExpectedValue> {
  const out = new Map<string, ExpectedValue>();
  for (const [row, values] of Object.entries(expectation.rows ?? {})) {
    const cells = rowCells(expectation.format, row);
    if (cells.length !== values.length) {
      throw new Error(`expected row ${row}: ${values.length} values for ${cells.length} cells of the ${expectation.format} format`);
    }
    cells.forEach((cell, i) => out.set(cell, values[i]!));
  }
  for (const [cell, value] of Object.entries(expectation.cells ?? {})) {
    if (!getFormat(expectation.format).cellById.has(cell)) throw new Error(`no cell ${cell} in the ${expectation.format} format`);
    out.set(cell, value);
  }
  return out;
}

function same(expected: ExpectedValue, actual: ExpectedValue): boolean {
  if (expected === null || actual === null) return expected === actual;
  // Money is a decimal string in the document; "160.5964" and 160.5964 are the same amount.
  return typeof expected === "number" || typeof actual === "number" ? Number(expected) === Number(actual) : expected === actual;
}

export function scoreImport(report: ReportDocument, findings: readonly Finding[], expectation: CorpusExpectation): CorpusScore {
  const expected = expectedCells(expectation);
  const named = new Set(findings.filter((f) => f.ruleId.startsWith("IMPORT-")).flatMap((f) => f.cells));
  let right = 0;
  let empty = 0;
  let blanks = 0;
  const wrong: CellOutcome[] = [];
  const unexplained: string[] = [];
  const version = FORMAT_VERSIONS.includes(report.formatVersion) ? report.formatVersion : expectation.format;
  const ids = new Set([...getFormat(version).cells.map((c) => c.id), ...expected.keys()]);
  for (const cell of ids) {
    const inReport = getFormat(version).cellById.has(cell);
    const actual = inReport ? ((getCell(report, cell) as ExpectedValue | undefined) ?? null) : null;
    const want = expected.get(cell);
    if (want === undefined || want === null) {
      if (actual !== null) wrong.push({ cell, expected: want, actual });
      else if (want === null) blanks++;
      continue;
    }
    if (actual === null) {
      empty++;
      if (!named.has(cell)) unexplained.push(cell);
    } else if (same(want, actual)) right++;
    else wrong.push({ cell, expected: want, actual });
  }
  return {
    right,
    empty,
    blanks,
    wrong,
    unexplained,
    yearRight: expectation.year === undefined || expectation.year === null ? null : report.year === expectation.year,
    formatRight: report.formatVersion === expectation.format,
  };
}

export interface CorpusEntry {
  readonly file: string;
  readonly expectation: CorpusExpectation;
  readonly score: CorpusScore;
}

interface CorpusTotals {
  readonly files: number;
  readonly right: number;
  readonly wrong: number;
  readonly empty: number;
  readonly blanks: number;
}

function totals(entries: readonly CorpusEntry[]): CorpusTotals {
  return {
    files: entries.length,
    right: entries.reduce((n, e) => n + e.score.right, 0),
    wrong: entries.reduce((n, e) => n + e.score.wrong.length, 0),
    empty: entries.reduce((n, e) => n + e.score.empty, 0),
    blanks: entries.reduce((n, e) => n + e.score.blanks, 0),
  };
}

/** The figures over the corpus: overall and for each shape (a file counts under every shape it shows). */
export function corpusFigures(entries: readonly CorpusEntry[]): { all: CorpusTotals; byShape: Map<number, CorpusTotals> } {
  const shapes = [...new Set(entries.flatMap((e) => e.expectation.shapes))].sort((a, b) => a - b);
  return {
    all: totals(entries),
    byShape: new Map(shapes.map((s) => [s, totals(entries.filter((e) => e.expectation.shapes.includes(s)))])),
  };
}

const percent = (t: CorpusTotals) =>
  t.right + t.empty + t.wrong === 0 ? "—" : `${((100 * t.right) / (t.right + t.empty + t.wrong)).toFixed(1)}%`;

/** A plain-text table of the figures, one line per file, per shape and overall. */
export function formatCorpusFigures(entries: readonly CorpusEntry[]): string {
  const row = (name: string, t: CorpusTotals) =>
    `${name.padEnd(56)} ${String(t.right).padStart(6)} ${String(t.wrong).padStart(6)} ${String(t.empty).padStart(6)} ${String(t.blanks).padStart(6)} ${percent(t).padStart(7)}`;
  const header = `${"".padEnd(56)} ${"right".padStart(6)} ${"wrong".padStart(6)} ${"empty".padStart(6)} ${"blank".padStart(6)} ${"right%".padStart(7)}`;
  const { all, byShape } = corpusFigures(entries);
  const lines = [header];
  for (const e of entries) lines.push(row(e.file, totals([e])));
  lines.push("");
  for (const [shape, t] of byShape) lines.push(row(`shape ${shape} (${t.files} files)`, t));
  lines.push(row(`all (${all.files} files)`, all));
  for (const e of entries)
    for (const w of e.score.wrong)
      lines.push(`WRONG ${e.file} ${w.cell}: expected ${String(w.expected ?? "nothing")}, got ${String(w.actual)}`);
  return lines.join("\n");
}
