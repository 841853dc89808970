/**
 * Plain text to blocks. Text reaches us in a few shapes, all handled line by line:
 * - text extracted from Word: every table cell on its own line after a tab, rows separated by a blank
 *   line, a cell's own line breaks continuing without a tab (the seed fixture);
 * - tables flattened to one cell a line: a row label, then its values each on a line;
 * - pipe-separated tables (Markdown and similar) and CSV/TSV files (the flat cell list export);
 * - layout-preserving extraction: a row label and its values on one line, separated by spaces;
 * - web tables copied one cell a line, each cell closed by a pipe ("规章 |", "0 |", a bare "|" for an
 *   empty cell) or followed by a line that is only a pipe: the cells are read as one stream and cut
 *   into rows at each row label (./pipe-cells);
 * - everything else: one paragraph a line.
 */
import { type Block, paragraph, type SourceCell, type TableBlock } from "../blocks";
import { isBlankText, looksLikeValue } from "../values";
import { cellLineRegion, rowsOfCellStream } from "./pipe-cells";

const BOOKMARK = /\[bookmark:[^\]]*\]/gu;
/** A cell line of Word's text extraction: optional spaces, then a tab. */
const TAB_CELL = /^[ \u3000]*\t/u;
/** A line that starts a numbered section ("二、存在的主要问题…"): never the continuation of a cell. */
const NUMBERED = /^[ \u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/u;
/** Sentence punctuation: a line with it is prose, not a table label. */
const PROSE = /[。；;！？!?]/u;

type Row = SourceCell[];

function cells(texts: readonly string[]): Row {
  return texts.map((text) => ({ text }));
}

function isLabelLike(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 60 && !PROSE.test(t) && !looksLikeValue(t);
}

/** The index of the next line holding a single value, over blank lines; null when a text comes first. */
function valueLineAfter(lines: readonly string[], from: number): number | null {
  for (let j = from; j < lines.length; j++) {
    const t = lines[j]!.trim();
    if (!t) {
      if (TAB_CELL.test(lines[j]!)) return null;
      continue;
    }
    return looksLikeValue(t) ? j : null;
  }
  return null;
}

/** A label wrapped over lines in a layout extraction: each line this short at most. */
const WRAPPED_LABEL_MAX = 30;
/**
 * Lines of a wrapped label kept in view above a row of values: a PDF's text layer (`pdftotext -raw`)
 * breaks the longest labels of 三 over four lines ("1、申请人无正当理由逾期不补" / "正、" / "行政机关不再
 * 处理其政府信" / "息公开申请") before their values.
 */
const WRAPPED_LABEL_LINES = 4;

/**
 * A row from a layout extraction ("447   7   0 …") with the label lines wrapped around it: the short
 * label lines just above and the one just below become label cells before its values. The
 * assembler reads them together only when no cell names a row by itself, so a row that has its own
 * label is not affected; a line below is still read as the start of the next row too.
 */
function withWrappedLabel(row: Row, above: readonly string[], lines: readonly string[], from: number): Row {
  let next = from;
  while (next < lines.length && !lines[next]!.trim()) next++;
  const below = lines[next]?.trim() ?? "";
  const wraps =
    below.length > 0 &&
    below.length <= WRAPPED_LABEL_MAX &&
    isLabelLike(below) &&
    !TAB_CELL.test(lines[next]!) &&
    !below.includes("|") &&
    labelWithValues(below) === null &&
    valueLineAfter(lines, next + 1) === null;
  const split = row.findIndex((cell) => looksLikeValue(cell.text));
  const label = split < 0 ? row : row.slice(0, split);
  const values = split < 0 ? [] : row.slice(split);
  return [
    ...above.map((text) => ({ text, wrapped: "above" as const })),
    ...label,
    ...(wraps ? [{ text: below, wrapped: "below" as const }] : []),
    ...values,
  ];
}

/** "规章 0 0 0" or "一、本年新收… 3001 53 0 0 61 4 3119": a label followed by values on one line. */
function labelWithValues(line: string): Row | null {
  const tokens = line.trim().split(/[ \u3000\t]+/u);
  let first = tokens.length;
  while (first > 0 && looksLikeValue(tokens[first - 1]!) && !isBlankText(tokens[first - 1]!)) first--;
  const values = tokens.slice(first);
  if (values.length === 0) return null;
  const label = tokens.slice(0, first).join(" ");
  if (!label) return values.length >= 2 ? cells(values) : null;
  // Row labels are the form's Chinese words; "15 January 2021" is a date, not a row.
  if (PROSE.test(label) || label.length > 60 || !/\p{Script=Han}/u.test(label)) return null;
  // One number after a few words is as often prose ("共计 95") as a row; only short labels count.
  if (values.length === 1 && label.replace(/\s/gu, "").length > 16) return null;
  return cells([label, ...values]);
}

/** Pipe-separated cells, or null when the line is not a table row. A backslash-escaped pipe is text. */
function pipeRow(line: string, markdown: boolean): Row | null {
  if (!line.includes("|")) return null;
  const trimmed = line
    .trim()
    .replace(/^\|/u, "")
    .replace(/(?<!\\)\|$/u, "");
  const parts = trimmed.split(/(?<!\\)\|/u).map((part) => (markdown ? unescapeMarkdown(part) : part).trim());
  if (parts.length < 2) return null;
  return cells(parts);
}

/** Markdown's escapes (\*, \|, \#…) back to the characters. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&])/gu, "$1");
}

/** A Markdown line as plain text: no heading marks, bold marks or hard-break backslash. */
function markdownText(line: string): string {
  const text = line
    .trim()
    .replace(/^#{1,6}\s+/u, "")
    .replace(/\\$/u, "")
    .replace(/^\*\*(.+)\*\*$/u, "$1");
  return unescapeMarkdown(text);
}

const PIPE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/u;

/** A CSV/TSV file: every non-empty line splits into the same number (≥ 2) of fields. */
function delimitedTable(lines: readonly string[]): TableBlock | null {
  const nonEmpty = lines.filter((line) => line.trim());
  if (nonEmpty.length < 2) return null;
  for (const delimiter of [",", "\t"]) {
    const rows = nonEmpty.map((line) => splitDelimited(line, delimiter));
    const width = rows[0]!.length;
    if (width >= 2 && rows.every((row) => row.length === width)) {
      return { kind: "table", geometry: "flat", rows: rows.map(cells) };
    }
  }
  return null;
}

/** RFC 4180 fields: quotes around a field, "" for a quote inside it. */
function splitDelimited(line: string, delimiter: string): string[] {
  // A delimiter splits only outside quotes: where an even number of quotes follows it.
  const outsideQuotes = new RegExp(`${delimiter}(?=(?:[^"]*"[^"]*")*[^"]*$)`, "u");
  return line.split(outsideQuotes).map(unquoteField);
}

function unquoteField(field: string): string {
  const t = field.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replaceAll('""', '"').trim() : t;
}

class BlockWriter {
  readonly blocks: Block[] = [];
  private rows: Row[] = [];

  row(row: Row): void {
    this.rows.push(row);
  }

  paragraph(text: string): void {
    this.endTable();
    const t = text.trim();
    if (t) this.blocks.push(paragraph(t));
  }

  endTable(): void {
    if (this.rows.length) this.blocks.push({ kind: "table", geometry: "flat", rows: this.rows });
    this.rows = [];
  }

  finish(): Block[] {
    this.endTable();
    return this.blocks;
  }
}

export function textToBlocks(input: string): Block[] {
  const text = input
    .replace(/^\uFEFF/u, "")
    .replace(BOOKMARK, "")
    .replace(/\r\n?|\f|\v|\u2028|\u2029/gu, "\n");
  const lines = text.split("\n");
  const delimited = delimitedTable(lines);
  if (delimited) return [delimited];

  // Markdown (as exported) is read as the text it renders to.
  const markdown = lines.some((line) => /^#{1,6}\s/u.test(line) || PIPE_RULE.test(line));
  const out = new BlockWriter();
  let recent: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim() && !TAB_CELL.test(line)) {
      i++;
      continue;
    }
    // Word's extraction: a row is a run of tab lines (with their continuations) up to a blank line.
    if (TAB_CELL.test(line)) {
      const row: string[] = [];
      while ((i < lines.length && lines[i]!.trim() !== "") || (i < lines.length && TAB_CELL.test(lines[i]!))) {
        const current = lines[i]!;
        if (TAB_CELL.test(current)) row.push(current.replace(TAB_CELL, "").trim());
        else if (row.length && !NUMBERED.test(current) && current.trim().length <= 30) {
          row[row.length - 1] = `${row[row.length - 1]}\n${current.trim()}`;
        } else break;
        i++;
      }
      out.row(cells(row));
      recent = [];
      continue;
    }
    if (PIPE_RULE.test(line)) {
      i++;
      continue;
    }
    const region = markdown ? null : cellLineRegion(lines, i);
    if (region) {
      for (const row of rowsOfCellStream(lines.slice(i, region))) out.row(cells(row));
      recent = [];
      i = region;
      continue;
    }
    const piped = pipeRow(line, markdown);
    if (piped) {
      out.row(piped);
      i++;
      continue;
    }
    // One cell a line: a label, then one value a line (blank lines between cells, as Word's own text
    // extraction writes every cell as a paragraph of its own).
    if (isLabelLike(line) && valueLineAfter(lines, i + 1) !== null) {
      i = collectValueLines(lines, i, out);
      continue;
    }
    const inline = labelWithValues(line);
    if (inline) {
      out.row(withWrappedLabel(inline, recent, lines, i + 1));
      recent = [];
      i++;
      continue;
    }
    // Values alone, one a line (a row without a label, such as the review/litigation row).
    if (looksLikeValue(line.trim())) {
      i = collectValueLines(lines, i, out);
      continue;
    }
    out.paragraph(markdown ? markdownText(line) : line);
    // Short label lines are kept in view: a layout extraction wraps a row's label around its values.
    recent = isLabelLike(line) && line.trim().length <= WRAPPED_LABEL_MAX ? [...recent, line.trim()].slice(-WRAPPED_LABEL_LINES) : [];
    i++;
  }
  return out.finish();
}

/**
 * A row written one cell a line: the line at `start` (a label or the first value), then every value
 * line after it, blank lines between them allowed. Emits the row and returns the index after it.
 */
function collectValueLines(lines: readonly string[], start: number, out: { row(row: Row): void }): number {
  const row: string[] = [lines[start]!.trim()];
  let i = start + 1;
  for (let next = valueLineAfter(lines, i); next !== null; next = valueLineAfter(lines, i)) {
    row.push(lines[next]!.trim());
    i = next + 1;
  }
  out.row(cells(row));
  return i;
}
