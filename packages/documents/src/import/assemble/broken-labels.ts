/**
 * Row labels of 三 that the source breaks: a label printed as a caption above its values, or wrapped
 * around them. Pure functions of the rows and the format's labels; TablePlacer (tables.ts) uses them.
 */
import type { MatrixRowDef, MatrixTableDef } from "@nianbao/core";
import { MatchQuality, matchLabel } from "../normalize";
import type { FormatLabels } from "./labels";
import type { LogicalRow } from "./rows";
import { dataRowsUnder, deepestOnOneChain } from "./table-labels";

/**
 * A row of values with no label of its own, printed as a small table of its own under a caption that
 * is its label ("（二）部分公开（区分处理的，只计这一情" / "形，不计其他情形）" above "| 2 | 0 | … |", as a
 * PDF-to-Markdown conversion gives it), takes the caption as its label — only when the row before
 * carried its own label (in a layout that prints labels after their values, the words above a row
 * are the previous row's) and the caption names exactly one data row.
 */
export function captionedRow(
  row: LogicalRow,
  caption: readonly string[],
  previousLabelled: boolean,
  table: MatrixTableDef,
  byId: ReadonlyMap<string, MatrixRowDef>,
  labels: FormatLabels,
): LogicalRow {
  if (row.labels.length || !caption.length || !previousLabelled) return row;
  const label = caption.join("");
  // The caption must be one row's whole label, not merely contain one: lines that string several
  // labels together ("5.属于三类内部事务信息" "1.本机关不掌握相关政府信息") contain a label but name no row.
  const matches = matchLabel(label, labels.matrixRows);
  if (!matches.length || matches.some((m) => m.quality > MatchQuality.bare)) return row;
  const named = deepestOnOneChain(
    matches.map((m) => m.value),
    byId,
  );
  return named?.data && table.rows.includes(named) ? { ...row, labels: [label] } : row;
}

/**
 * A row whose own label names a group heading or several items ("（五）不予处理 5.行政机关不再处理其政府
 * 信息公", "行政机关不再处理其政府信息公" under （六）) while the label goes on in lines wrapped above or
 * below it ("1.申请人无正当理由逾期不补正、" … "开申请"): the one data row, among those the row's own
 * label could mean, that the label read together with those lines names. Null when none or several.
 */
export function wrappedItem(
  row: LogicalRow,
  matched: readonly MatrixRowDef[],
  table: MatrixTableDef,
  byId: ReadonlyMap<string, MatrixRowDef>,
  labels: FormatLabels,
): MatrixRowDef | null {
  const { above, below } = row.wrapped;
  if (!above.length && !below.length) return null;
  const first = below.length ? [below[0]!] : [];
  const last = above.length ? [above[above.length - 1]!] : [];
  const joins = [
    [...row.labels, ...first],
    [...last, ...row.labels],
    [...last, ...row.labels, ...first],
  ].filter((j) => j.length > row.labels.length);
  const possible = new Set(matched.flatMap((m) => dataRowsUnder(m, table)));
  const found = new Set<MatrixRowDef>();
  for (const join of joins) {
    const item = deepestOnOneChain(
      matchLabel(join.join(""), labels.matrixRows).map((m) => m.value),
      byId,
    );
    if (item?.data && possible.has(item)) found.add(item);
  }
  return found.size === 1 ? [...found][0]! : null;
}
