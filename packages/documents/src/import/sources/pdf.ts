/**
 * PDF to blocks. pdfjs gives positioned text items; tables have to be rebuilt from coordinates:
 *
 * 1. items → lines (same baseline) → segments (items split where the gap is wider than a character);
 * 2. lines in a smaller font than the body, or with several segments, are "table-ish"; a run of them
 *    holding at least one line of values is a table region (a page break does not end it: page numbers
 *    are dropped first, and pages follow each other in one vertical flow);
 * 3. in a region, each line with values anchors a row; the other lines (labels wrapped over several
 *    lines, vertical labels one character a line, group labels) join the nearest anchor, and their
 *    segments are stacked by x into label cells, so a wrapped label reads whole again;
 * 4. everything else is prose, joined into paragraphs by indentation and line length.
 *
 * Value cells keep their x-range, so the assembler can place a row with a blank cell by position.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Lang } from "@nianbao/core";
import { matchHeading } from "../assemble/headings";
import { type Block, paragraph, type SourceCell } from "../blocks";
import { ImportError } from "../errors";
import { looksLikeValue } from "../values";

interface Item {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline in the vertical flow of all pages, growing downwards. */
  readonly y: number;
  readonly size: number;
  readonly page: number;
  /** Distance of the baseline from the bottom of its page. */
  readonly fromBottom: number;
  readonly pageHeight: number;
}

interface Segment {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
}

interface Line {
  readonly segments: Segment[];
  readonly y: number;
  readonly size: number;
  readonly page: number;
  readonly x0: number;
  readonly x1: number;
}

export interface PdfText {
  readonly items: readonly Item[];
  readonly pages: number;
}

/** pdfjs wants file URLs of its CMaps and standard fonts (CJK PDFs without embedded maps need them). */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return {
    cMapUrl: `${pathToFileURL(path.join(root, "cmaps")).href}/`,
    standardFontDataUrl: `${pathToFileURL(path.join(root, "standard_fonts")).href}/`,
  };
}

const PAGE_NUMBER = /^(?:[-—–－~]\s*\d{1,4}\s*[-—–－~]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/u;

/**
 * The most pages a PDF may have. A report runs to a few dozen pages; reading one page costs a few
 * milliseconds and some memory, so a file of thousands is refused before any page is read.
 */
export const MAX_PDF_PAGES = 300;

export interface ReadPdfOptions {
  lang?: Lang;
  /** Default MAX_PDF_PAGES. */
  maxPages?: number;
}

/**
 * The positioned text of every page. Throws an ImportError when the file has more pages than allowed,
 * and whatever pdfjs throws on a damaged file.
 */
export async function readPdfText(data: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfText> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of the buffer it is given.
    data: data.slice(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    ...pdfjsAssets(),
    cMapPacked: true,
  });
  const doc = await task.promise;
  try {
    const limit = options.maxPages ?? MAX_PDF_PAGES;
    if (doc.numPages > limit) throw new ImportError("tooManyPages", options.lang ?? "zh", { pages: doc.numPages, limit });
    const items: Item[] = [];
    let offset = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      for (const raw of content.items) {
        if (!("str" in raw) || !raw.str.trim()) continue;
        const [a, b, c, d, e, f] = raw.transform as number[];
        const size = Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0) || raw.height || 10;
        items.push({
          text: raw.str,
          x0: e ?? 0,
          x1: (e ?? 0) + (raw.width || raw.str.length * size),
          y: offset + (height - (f ?? 0)),
          size,
          page: p,
          fromBottom: f ?? 0,
          pageHeight: height,
        });
      }
      offset += height;
      page.cleanup();
    }
    return { items, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The font size most characters of single-run lines are set in: the body text (tables run in cells). */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    if (line.segments.length !== 1) continue;
    const key = Math.round(line.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + line.segments[0]!.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of weight) {
    if (count > most) {
      best = size;
      most = count;
    }
  }
  return best;
}

const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]$/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/u;
const ASCII_END = /[A-Za-z0-9]$/u;
const ASCII_START = /^[A-Za-z0-9]/u;

function joinText(left: string, right: string, gap: number, size: number): string {
  return gap > size * 0.25 && ASCII_END.test(left) && ASCII_START.test(right) ? `${left} ${right}` : left + right;
}

/** Page numbers ("- 3 -", "第3页", or a lone number in the bottom margin) are not content. */
function isPageNumber(item: Item, alone: boolean): boolean {
  const text = item.text.trim();
  if (PAGE_NUMBER.test(text)) return true;
  const margin = item.fromBottom < item.pageHeight * 0.08 || item.fromBottom > item.pageHeight * 0.95;
  return alone && margin && /^\d{1,4}$/u.test(text);
}

function toLines(items: readonly Item[]): Line[] {
  const sorted = [...items].sort((a, b) => a.page - b.page || a.y - b.y || a.x0 - b.x0);
  const groups: Item[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    const head = group?.[0];
    if (group && head && head.page === item.page && Math.abs(item.y - head.y) <= 0.45 * Math.min(item.size, head.size)) {
      group.push(item);
    } else groups.push([item]);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    const kept = group.filter((item) => !isPageNumber(item, group.length === 1));
    if (!kept.length) continue;
    kept.sort((a, b) => a.x0 - b.x0);
    const segments: Segment[] = [];
    let current: { text: string; x0: number; x1: number; y: number; size: number } | null = null;
    for (const item of kept) {
      const gap = current ? item.x0 - current.x1 : 0;
      const size = current ? Math.min(item.size, current.size) : item.size;
      // Text set on a character grid comes one Chinese character an item, a character's width apart
      // (numbers inside it too); two values never join this way, so a row of values keeps its cells.
      const spaced = current !== null && (CJK_END.test(current.text) || CJK_START.test(item.text)) && gap <= 1.2 * size;
      if (current && (gap <= Math.max(0.6 * size, 2) || spaced)) {
        current.text = joinText(current.text, item.text, gap, item.size);
        current.x1 = Math.max(current.x1, item.x1);
      } else {
        if (current) segments.push(current);
        current = { text: item.text, x0: item.x0, x1: item.x1, y: item.y, size: item.size };
      }
    }
    if (current) segments.push(current);
    const cleaned = segments.map((s) => ({ ...s, text: s.text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "") })).filter((s) => s.text);
    // A page number set as separate items ("—", "4", "—") is only recognisable as a whole line.
    if (!cleaned.length || (cleaned.length === 1 && PAGE_NUMBER.test(cleaned[0]!.text.replace(/\s/gu, "")))) continue;
    lines.push({
      segments: cleaned,
      y: median(kept.map((item) => item.y)),
      size: Math.max(...kept.map((item) => item.size)),
      page: kept[0]!.page,
      x0: cleaned[0]!.x0,
      x1: Math.max(...cleaned.map((s) => s.x1)),
    });
  }
  return lines;
}

function isValueSegment(segment: Segment): boolean {
  return looksLikeValue(segment.text);
}

/** Segments stacked in columns by left edge, each column's text read top to bottom. */
function stackByX(segments: readonly Segment[], tolerance: number): SourceCell[] {
  const columns: { x0: number; x1: number; parts: Segment[] }[] = [];
  for (const segment of [...segments].sort((a, b) => a.x0 - b.x0)) {
    const column = columns.find((c) => Math.abs(c.x0 - segment.x0) <= tolerance);
    if (column) {
      column.parts.push(segment);
      column.x1 = Math.max(column.x1, segment.x1);
    } else columns.push({ x0: segment.x0, x1: segment.x1, parts: [segment] });
  }
  return columns
    .sort((a, b) => a.x0 - b.x0)
    .map((c) => ({
      text: c.parts
        .sort((a, b) => a.y - b.y || a.x0 - b.x0)
        .map((s) => s.text)
        .join(""),
      x0: c.x0,
      x1: c.x1,
    }));
}

/** A table region: header lines above the first row of values, then one row per line of values. */
function regionTable(lines: readonly Line[]): Block {
  const anchors = lines.map((line, i) => (line.segments.some(isValueSegment) ? i : -1)).filter((i) => i >= 0);
  const members = new Map<number, Line[]>(anchors.map((i) => [i, []]));
  const rows: SourceCell[][] = [];
  const trailing: Line[] = [];
  lines.forEach((line, i) => {
    if (members.has(i)) return;
    if (i < anchors[0]!) {
      rows.push(line.segments.map((s) => ({ text: s.text, x0: s.x0, x1: s.x1 })));
      return;
    }
    let best = -1;
    let distance = Number.POSITIVE_INFINITY;
    for (const a of anchors) {
      const d = Math.abs(lines[a]!.y - line.y);
      if (d < distance || (d === distance && a > best)) {
        best = a;
        distance = d;
      }
    }
    const last = anchors[anchors.length - 1]!;
    if (i > last && distance > 2.5 * line.size) trailing.push(line);
    else members.get(best)!.push(line);
  });
  for (const a of anchors) {
    const anchor = lines[a]!;
    const labels = [...members.get(a)!.flatMap((line) => line.segments), ...anchor.segments.filter((s) => !isValueSegment(s))];
    const values = anchor.segments.filter(isValueSegment);
    const tolerance = 0.5 * anchor.size;
    rows.push([...stackByX(labels, tolerance), ...values.map((s) => ({ text: s.text, x0: s.x0, x1: s.x1 }))]);
  }
  for (const line of trailing) rows.push(line.segments.map((s) => ({ text: s.text, x0: s.x0, x1: s.x1 })));
  return { kind: "table", geometry: "positioned", rows };
}

/** Prose lines into paragraphs: a new one at an indented line, after a short line, or a change of size. */
function paragraphs(lines: readonly Line[], margins: { left: number; right: number }): Block[] {
  const out: Block[] = [];
  // The paragraph's lines, joined once at its end: appending to one string and testing its last
  // character made V8 copy the whole paragraph at every line (quadratic in a long one).
  let parts: string[] = [];
  let previous: Line | null = null;
  let previousHeading = false;
  const flush = () => {
    const t = parts.join("").replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "");
    if (t) out.push(paragraph(t));
    parts = [];
  };
  // Lines of a paragraph: a space only between two words of Latin letters (Chinese wraps anywhere).
  const append = (lineText: string) => {
    const last = parts[parts.length - 1];
    if (last !== undefined && /[A-Za-z]$/u.test(last) && /^[A-Za-z]/u.test(lineText)) parts.push(" ");
    parts.push(lineText);
  };
  for (const line of lines) {
    const lineText = line.segments.map((s) => s.text).join(" ");
    const indented = line.x0 > margins.left + line.size * 1.2;
    const afterShort = previous !== null && previous.x1 < margins.right - previous.size * 2;
    const sizeChange = previous !== null && Math.abs(previous.size - line.size) > 1;
    // A section heading is a paragraph of its own, however the lines around it are set; a heading
    // wrapped onto a second line ("…及改进" / "情况") is joined back. (After a heading the paragraph
    // holds that heading only, so joining it is cheap.)
    if (previousHeading && lineText.length <= 12 && matchHeading(parts.join("") + lineText) !== null && matchHeading(lineText) === null) {
      append(lineText);
      previous = line;
      continue;
    }
    const heading = matchHeading(lineText) !== null;
    if (previous === null || indented || afterShort || sizeChange || heading || previousHeading) flush();
    append(lineText);
    previous = line;
    previousHeading = heading;
  }
  flush();
  return out;
}

/** A label wrapped inside a table cell: one short run of text, not a heading. */
const WRAPPED_LABEL_MAX = 30;

/**
 * Which lines belong to tables: several segments on a line, or a smaller font than the body; then
 * short single lines right next to those (a label's second line, set in the body's size when the
 * table is), but never a section heading.
 */
function tableLines(lines: readonly Line[]): boolean[] {
  const body = bodySize(lines);
  const tableish = lines.map((line) => line.segments.length >= 2 || line.size < body - 0.75);
  const heading = lines.map((line) => matchHeading(line.segments.map((s) => s.text).join("")) !== null);
  for (let pass = 0; pass < 3; pass++) {
    lines.forEach((line, i) => {
      if (tableish[i] || heading[i] || line.segments.length !== 1 || line.segments[0]!.text.length > WRAPPED_LABEL_MAX) return;
      const near = [i - 1, i + 1].some((j) => {
        const other = lines[j];
        return (
          other !== undefined &&
          tableish[j] &&
          other.page === line.page &&
          Math.abs(other.y - line.y) <= 2.2 * Math.max(other.size, line.size) &&
          line.size <= other.size + 0.75
        );
      });
      if (near) tableish[i] = true;
    });
  }
  return tableish;
}

export function pdfTextToBlocks(pdf: PdfText): Block[] {
  const lines = toLines(pdf.items);
  const tableish = tableLines(lines);
  const prose = lines.filter((_, i) => !tableish[i]);
  const margins = {
    left: prose.length ? Math.min(...prose.map((l) => l.x0)) : 0,
    right: prose.length ? median(prose.map((l) => l.x1)) : 0,
  };
  const blocks: Block[] = [];
  let pendingProse: Line[] = [];
  const flushProse = () => {
    blocks.push(...paragraphs(pendingProse, margins));
    pendingProse = [];
  };
  let i = 0;
  while (i < lines.length) {
    if (!tableish[i]) {
      pendingProse.push(lines[i]!);
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && tableish[end]) end++;
    const region = lines.slice(i, end);
    if (region.some((line) => line.segments.some(isValueSegment))) {
      flushProse();
      blocks.push(regionTable(region));
    } else pendingProse.push(...region);
    i = end;
  }
  flushProse();
  return blocks;
}
