/**
 * Rows whose digits ran together ("640020470"), settled once every other value of the table is in.
 */
import { type CellDef, readCells } from "@nianbao/core";
import { type FindingList, type ImportMessageKey, joinList } from "../findings";
import type { CellStore } from "./cells";
import type { FormatLabels } from "./labels";
import { consistentReadings, splitReadings } from "./runs";

/** A row of run-together digits waiting for the rest of the table. */
export interface PendingRun {
  readonly cells: readonly CellDef[];
  readonly tokens: readonly string[];
  readonly rowName: string;
}

/** A finding about a run-together row: a split (info) or why there is none (warning), naming its digits. */
function note(
  findings: FindingList,
  run: PendingRun,
  rule: "IMPORT-SPLIT" | "IMPORT-AMBIGUOUS",
  key: ImportMessageKey,
  params: Record<string, string | number>,
): void {
  const severity = rule === "IMPORT-SPLIT" ? "info" : "warning";
  findings.add(
    rule,
    severity,
    run.cells.map((c) => c.id),
    key,
    { row: run.rowName, text: run.tokens.join(" "), ...params },
  );
}

/**
 * Run-together rows, once every other value is in: the table's identities decide, or the row stays
 * null. A row placed this way is part of the table the next rows are checked against, so the rows
 * are tried again until none is decided any more (one run's reading can settle another's).
 */
export function resolvePendingRuns(pending: readonly PendingRun[], labels: FormatLabels, store: CellStore, findings: FindingList): void {
  let open = [...pending];
  for (let progress = true; progress && open.length;) {
    progress = false;
    const still: PendingRun[] = [];
    for (const run of open) {
      const readings = splitReadings(run.tokens, run.cells.length);
      if (readings === "tooMany") {
        note(findings, run, "IMPORT-AMBIGUOUS", "runTooMany", {});
        continue;
      }
      const rejectedBy = new Map<string, string>();
      const kept = consistentReadings(labels.format.version, run.cells, readings, readCells(labels.format, store.tables()), rejectedBy);
      if (kept.length !== 1) {
        still.push(run);
        continue;
      }
      const values = kept[0]!;
      run.cells.forEach((cell, i) => store.set(cell, values[i]!, String(values[i])));
      // Which identities fixed it: those that ruled out the other readings (none when the digits
      // allow one reading only).
      const rules = [...rejectedBy].map(([id, title]) => (findings.lang === "zh" ? `${id}“${title}”` : id));
      note(findings, run, "IMPORT-SPLIT", rules.length ? "runSplit" : "runSplitOnly", {
        reading: values.join(", "),
        rules: joinList(findings.lang, rules),
      });
      progress = true;
    }
    open = still;
  }
  for (const run of open) {
    const readings = splitReadings(run.tokens, run.cells.length);
    const kept =
      readings === "tooMany"
        ? []
        : consistentReadings(labels.format.version, run.cells, readings, readCells(labels.format, store.tables()));
    note(findings, run, "IMPORT-AMBIGUOUS", kept.length ? "runAmbiguous" : "runNone", { count: kept.length });
  }
}
