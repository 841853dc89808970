/**
 * What the source lacked: rows of a table it held, and whole tables. Named so that a reader knows
 * the empty cells are the importer's, not the agency's.
 */
import { type CellDef, label as pick } from "@nianbao/core";
import { cellName, type FindingList, joinList } from "../findings";
import type { CellStore } from "./cells";
import type { FormatLabels } from "./labels";
import { uniqueBlocks } from "./table-labels";

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
    const section = labels.format.def.sections.find((s) => s.table === table.id);
    findings.add(
      "IMPORT-ROWS-MISSING",
      "warning",
      missing.flatMap((m) => m.cells.map((c) => c.id)),
      "rowsMissing",
      {
        table: section ? pick(findings.lang, section.heading) : table.id,
        count: missing.length,
        rows: joinList(
          findings.lang,
          missing.map((m) => m.label),
        ),
      },
    );
  }
}

/** Tables of the format the source did not hold at all. */
export function reportMissingTables(labels: FormatLabels, findings: FindingList, found: ReadonlySet<string>): void {
  for (const table of labels.format.def.tables) {
    if (found.has(table.id)) continue;
    const cells = labels.format.cellsByTable.get(table.id) ?? [];
    const section = labels.format.def.sections.find((s) => s.table === table.id);
    findings.add(
      "IMPORT-TABLE-MISSING",
      "warning",
      cells.map((c) => c.id),
      "tableMissing",
      {
        table: section ? pick(findings.lang, section.heading) : table.id,
        count: cells.length,
      },
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
    const section = labels.format.def.sections.find((s) => s.table === table.id);
    const names = unread.slice(0, CELLS_NAMED).map((cell) => cellName(cell, findings.lang));
    findings.add(
      "IMPORT-CELLS-MISSING",
      "warning",
      unread.map((c) => c.id),
      "cellsMissing",
      {
        table: section ? pick(findings.lang, section.heading) : table.id,
        count: unread.length,
        cells: joinList(findings.lang, unread.length > CELLS_NAMED ? [...names, "…"] : names),
      },
    );
  }
}
