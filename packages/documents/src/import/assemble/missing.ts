/**
 * What the source lacked: rows of a table it held, and whole tables. Named so that a reader knows
 * the empty cells are the importer's, not the agency's.
 */
import { type CellDef, label as pick } from "@nianbao/core";
import { cellName, type FindingList, joinList } from "../findings";
import type { CellStore } from "./cells";
import type { FormatLabels } from "./labels";
import { uniqueBlocks } from "./table-labels";

type Table = FormatLabels["format"]["def"]["tables"][number];

/** A table as a finding names it: the heading of the section that holds it. */
function tableName(labels: FormatLabels, table: Table, findings: FindingList): string {
  const section = labels.format.def.sections.find((s) => s.table === table.id);
  return section ? pick(findings.lang, section.heading) : table.id;
}

/** Rows of found tables that no source row was matched to. */
export function reportMissingRows(labels: FormatLabels, store: CellStore, findings: FindingList, found: ReadonlySet<string>): void {
  for (const table of labels.format.def.tables) {
    if (!found.has(table.id)) continue;
    const missing: { label: string; cells: CellDef[] }[] = [];
    const tableCells = labels.format.cellsByTable.get(table.id) ?? [];
    const cellsOf = (row: string) => tableCells.filter((c) => c.row === row);
    if (table.kind === "singleRow") {
      if (!store.rowsSeen.has(`${table.id}.data`)) {
        missing.push({
          label: joinList(
            findings.lang,
            uniqueBlocks(table).map((l) => pick(findings.lang, l)),
          ),
          cells: [...tableCells],
        });
      }
    } else {
      const rowIds =
        table.kind === "blocks"
          ? table.blocks.flatMap((b) => b.rows.map((r) => ({ id: r.id, label: r.label })))
          : table.rows.filter((r) => r.data).map((r) => ({ id: r.id, label: r.label }));
      for (const row of rowIds) {
        if (store.rowsSeen.has(`${table.id}.${row.id}`)) continue;
        missing.push({ label: pick(findings.lang, row.label), cells: cellsOf(row.id) });
      }
    }
    if (!missing.length) continue;
    const rows = joinList(
      findings.lang,
      missing.map((m) => m.label),
    );
    const cells = missing.flatMap((m) => m.cells.map((c) => c.id));
    findings.add("IMPORT-ROWS-MISSING", "warning", cells, "rowsMissing", {
      table: tableName(labels, table, findings),
      count: missing.length,
      rows,
    });
  }
}

/** Tables of the format the source did not hold at all. */
export function reportMissingTables(labels: FormatLabels, findings: FindingList, found: ReadonlySet<string>): void {
  for (const table of labels.format.def.tables) {
    if (found.has(table.id)) continue;
    const cells = labels.format.cellsByTable.get(table.id) ?? [];
    const params = { table: tableName(labels, table, findings), count: cells.length };
    findings.add(
      "IMPORT-TABLE-MISSING",
      "warning",
      cells.map((c) => c.id),
      "tableMissing",
      params,
    );
  }
}

/** How many cells a finding lists by name before it says "…" (the finding's `cells` holds them all). */
const CELLS_NAMED = 6;

/**
 * The safety net under the two above: cells of found tables that the source gave nothing for and no
 * finding names yet (say, table 四 whose page printed one block's header only). Each empty cell the
 * importer leaves must be named, so that validation says "not read", never "left blank".
 */
export function reportUnreadCells(labels: FormatLabels, store: CellStore, findings: FindingList, found: ReadonlySet<string>): void {
  const named = new Set(findings.items.flatMap((f) => f.cells));
  for (const table of labels.format.def.tables) {
    if (!found.has(table.id)) continue;
    const unread = (labels.format.cellsByTable.get(table.id) ?? []).filter((cell) => !store.seen(cell) && !named.has(cell.id));
    if (!unread.length) continue;
    const names = unread.slice(0, CELLS_NAMED).map((cell) => cellName(cell, findings.lang));
    const cells = joinList(findings.lang, unread.length > CELLS_NAMED ? [...names, "…"] : names);
    const params = { table: tableName(labels, table, findings), count: unread.length, cells };
    findings.add(
      "IMPORT-CELLS-MISSING",
      "warning",
      unread.map((c) => c.id),
      "cellsMissing",
      params,
    );
  }
}
