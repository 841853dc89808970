/**
 * What the source lacked: rows of a table it held, and whole tables. Named so that a reader knows
 * the empty cells are the importer's, not the agency's.
 */
import { type CellDef, label as pick } from "@nianbao/core";
import { type FindingList, joinList } from "../findings";
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
