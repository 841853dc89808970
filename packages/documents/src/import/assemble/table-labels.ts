/**
 * Reading a source table's rows and headers against the format: which block row or matrix row a row's
 * label names, the column order and money unit a header states, and table 四 printed as separate
 * blocks. Pure functions of the rows; the placing itself is TablePlacer's (tables.ts).
 */
import {
  type BlockTableDef,
  type ColumnDef,
  type MatrixRowDef,
  type MatrixTableDef,
  type MoneyUnit,
  type SingleRowTableDef,
  label as pick,
} from "@nianbao/core";
import { type LabelCandidate, type LabelMatch, labelKey, matchLabel } from "../normalize";
import { forMatching } from "../traditional";
import type { BlockRowRef, FormatLabels } from "./labels";
import type { LogicalRow } from "./rows";

/** The block row a source row names; several when it names rows of several blocks equally. */
export function blockOfRow(
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
export function rowMatches<T>(row: LogicalRow, candidates: readonly LabelCandidate<T>[]): LabelMatch<T>[] {
  const each = row.labels.flatMap((text) => matchLabel(text, candidates));
  if (each.length) return each;
  const around = [...row.wrapped.above, ...row.labels, ...row.wrapped.below];
  return around.length < 2 ? [] : matchLabel(around.join(""), candidates);
}

/** A row's labels as the source shows them, wrapped lines included, for messages. */
export function rowText(row: LogicalRow): string {
  return [...row.wrapped.above, ...row.labels, ...row.wrapped.below].join(" / ");
}

/** The source's column order as indexes into the block's columns, when the header names each once. */
export function columnOrder(header: readonly string[], columns: readonly ColumnDef[]): number[] | null {
  if (header.length < columns.length) return null;
  const candidates = columns.flatMap((column, i) =>
    [column.label.zh, column.label.en].map((text) => ({ key: labelKey(text), bare: labelKey(text), value: i })),
  );
  const order: number[] = [];
  for (const text of header) {
    const m = matchLabel(text, candidates);
    if (m.length === 1 && !order.includes(m[0]!.value)) order.push(m[0]!.value);
  }
  return order.length === columns.length ? order : null;
}

/** The unit a header states for a money column ("本年收费金额（单位：万元）", "采购总金额（元）", "… (yuan)"). */
export function moneyHeaderUnit(texts: readonly string[], column: ColumnDef): MoneyUnit | null {
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
export function deepestOnOneChain(matched: readonly MatrixRowDef[], byId: ReadonlyMap<string, MatrixRowDef>): MatrixRowDef | null {
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

export function dataRowsUnder(row: MatrixRowDef, table: MatrixTableDef): MatrixRowDef[] {
  if (row.data) return [row];
  return table.rows.filter((r) => r.parent === row.id).flatMap((r) => dataRowsUnder(r, table));
}

/** A header or block name as matched: converted to Simplified, without spaces and brackets. */
function compactLabel(text: string): string {
  return forMatching(text).replace(/[\s\u3000()（）]/gu, "");
}

interface SeparateBlock {
  readonly name: string;
  /** Indexes of the table's columns the block holds, in order. */
  readonly columns: readonly number[];
  readonly row: LogicalRow;
}

/**
 * Table 四 printed as separate blocks — 行政复议, then 未经复议直接起诉, then 复议后起诉 — each its name,
 * its own header row of five and its five values: the name and the header say which five columns the
 * values are. Every row with values must come just after one block name followed by the whole header,
 * each block at most once; otherwise this is not the layout (null), and the table is read as one row.
 */
export function separateBlocks(table: SingleRowTableDef, rows: readonly LogicalRow[]): SeparateBlock[] | null {
  // Blocks by the label just above the outcome columns (the last but one of each column's path).
  const byName = new Map<string, number[]>();
  table.columns.forEach((column, i) => {
    const path = column.labelPath;
    const name = path.length >= 2 ? pick("zh", path[path.length - 2]!) : null;
    if (!name) return;
    byName.set(name, [...(byName.get(name) ?? []), i]);
  });
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const width = byName.get(names[0] ?? "")?.length ?? 0;
  if (names.length < 2 || [...byName.values()].some((cols) => cols.length !== width)) return null;
  const header = compactLabel(
    byName
      .get(names[0]!)!
      .map((i) => pick("zh", table.columns[i]!.labelPath.at(-1)!))
      .join(""),
  );
  const out: SeparateBlock[] = [];
  // Words since the last row of values: label-only rows of a grid, or the lines a text layout put
  // above a row of values (its `wrapped.above`).
  let context = "";
  for (const row of rows) {
    const values = row.values.filter((value) => value.text.trim() !== "");
    if (!values.length) {
      context += compactLabel(row.labels.join(""));
      continue;
    }
    const text = context + compactLabel([...row.wrapped.above, ...row.labels].join(""));
    context = "";
    const named = names.filter((name) => text.includes(compactLabel(name)));
    // One block name ("行政复议" is part of no other), then the whole header of five after it.
    if (named.length !== 1 || values.length !== width) return null;
    const name = named[0]!;
    const after = text.slice(text.lastIndexOf(compactLabel(name)) + compactLabel(name).length);
    if (!after.endsWith(header) || out.some((b) => b.name === name)) return null;
    out.push({ name, columns: byName.get(name)!, row: { ...row, values } });
  }
  return out.length ? out : null;
}

/** The top-level headings of 四 (行政复议, 行政诉讼), for naming its one data row. */
export function uniqueBlocks(table: SingleRowTableDef) {
  return table.headerGrid[0]?.map((cell) => cell.label) ?? [];
}
