/**
 * The constructs the rule catalogue repeats, each said once: an identity that holds in every column of
 * a table, and one that holds in every row of a block table that has a given column.
 */
import type { LinearRule } from "./definitions";

export const l = (zh: string, en: string) => ({ zh, en });

/** What an identity says; where it holds (`forEach`, `scope`) comes from the helper that places it. */
type Identity = Omit<LinearRule, "kind" | "forEach" | "scope"> & { readonly forEach?: LinearRule["forEach"] };

/** Holds in every column `{c}` of `table`; a finding names the column. */
export function inEachColumn(table: string, identity: Identity): LinearRule {
  return {
    ...identity,
    kind: "linear",
    forEach: { c: `columnsOf:${table}`, ...identity.forEach },
    scope: { kind: "column", var: "c", table },
  };
}

/** Holds in every row `{r}` of block table `table` that has `column`; a finding names the row. */
export function inEachRowWith(table: string, column: string, identity: Identity): LinearRule {
  return {
    ...identity,
    kind: "linear",
    forEach: { r: `rowsWithColumn:${table}.${column}` },
    scope: { kind: "row", var: "r", table },
  };
}
