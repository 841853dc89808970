/**
 * Cell rules: each value is of its column's kind (T3-INT, T4-INT, T2-INT, T2-FEE, T2v19-INT) and no
 * cell is left empty (T3-COMPLETE, T4-INT, R-TABLES).
 */
import type { CellDef } from "../formats/index";
import { type Lang, label as pick, list, t } from "../i18n/index";
import { decimalScale, isDecimalString } from "../money";
import type { Finding, Severity } from "../schema/findings";
import type { CellRule } from "./definitions";
import { type CellReading, CellStatus } from "./reading";

export type ValidationMode = "filing" | "import";

export function cellPath(cell: CellDef, lang: Lang): string {
  return cell.labelPath.map((l) => pick(lang, l)).join(lang === "zh" ? "/" : " / ");
}

function shown(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function typeFinding(rule: CellRule, cell: CellDef, value: unknown, lang: Lang): Finding {
  const key = cell.kind === "money" ? "cell.notMoney" : cell.kind === "signedCount" ? "cell.notSignedCount" : "cell.notCount";
  return {
    ruleId: rule.id,
    severity: "error",
    outcome: "failed",
    cells: [cell.id],
    message: t(lang, key, { cell: cellPath(cell, lang), value: shown(value), unit: cell.columnDef.unit ?? "" }),
    actual: typeof value === "number" || typeof value === "string" ? value : shown(value),
  };
}

const cellsOfRule = new WeakMap<CellRule, Map<string, readonly CellDef[]>>();

/** The cells a rule looks at in a format (cached: rules and formats never change). */
function ruleCells(rule: CellRule, reading: CellReading): readonly CellDef[] {
  let byVersion = cellsOfRule.get(rule);
  if (!byVersion) cellsOfRule.set(rule, (byVersion = new Map()));
  let cells = byVersion.get(reading.format.version);
  if (!cells) {
    cells = (reading.format.cellsByTable.get(rule.table) ?? []).filter((cell) => !rule.cellKinds || rule.cellKinds.includes(cell.kind));
    byVersion.set(reading.format.version, cells);
  }
  return cells;
}

/**
 * `notRead`: cells the importer could not read (cell id → the IMPORT-* rule that says why). An empty
 * cell there is unchecked, pointing at that finding: the source may well print a figure the importer
 * could not place, and the agency is not blamed for a blank it did not leave.
 */
export function checkCells(
  rule: CellRule,
  reading: CellReading,
  mode: ValidationMode,
  lang: Lang,
  notRead: ReadonlyMap<string, string> = new Map(),
): Finding[] {
  const findings: Finding[] = [];
  const cells = ruleCells(rule, reading);
  // Nothing to say about a table whose cells all hold valid values (the common case).
  if (cells.every((cell) => reading.status[cell.index] === CellStatus.ok && cell.kind !== "money")) return findings;
  if (rule.check !== "presence") {
    for (const cell of cells) {
      const status = reading.status[cell.index];
      const value = reading.raw[cell.index];
      if (status === CellStatus.invalid) findings.push(typeFinding(rule, cell, value, lang));
      else if (
        status === CellStatus.ok &&
        cell.kind === "money" &&
        cell.columnDef.maxScale !== undefined &&
        isDecimalString(value) &&
        decimalScale(value) > cell.columnDef.maxScale
      ) {
        findings.push({
          ruleId: rule.id,
          severity: "warning",
          outcome: "failed",
          cells: [cell.id],
          message: t(lang, "cell.moneyPrecision", { cell: cellPath(cell, lang), value }),
          actual: value,
        });
      }
    }
  }
  if (rule.check !== "type") findings.push(...emptyCellFindings(rule, cells, reading, mode, lang, notRead));
  return findings;
}

/**
 * Empty cells, one finding per row: unchecked where the importer could not read them (these first), failed
 * where the report left them blank.
 */
function emptyCellFindings(
  rule: CellRule,
  cells: readonly CellDef[],
  reading: CellReading,
  mode: ValidationMode,
  lang: Lang,
  notRead: ReadonlyMap<string, string>,
): Finding[] {
  const rows = new Map<string, { label: CellDef["rowLabel"]; cells: CellDef[]; finding: string | undefined }>();
  for (const cell of cells) {
    const status = reading.status[cell.index];
    if (status !== CellStatus.empty && status !== CellStatus.missing) continue;
    const finding = notRead.get(cell.id);
    const key = `${cell.row}|${finding ?? ""}`;
    const row = rows.get(key) ?? { label: cell.rowLabel, cells: [], finding };
    row.cells.push(cell);
    rows.set(key, row);
  }
  const severity: Severity = typeof rule.severity === "string" ? rule.severity : rule.severity[mode];
  const rowFinding = ({
    label,
    cells: rowCells,
    finding,
  }: {
    label: CellDef["rowLabel"];
    cells: readonly CellDef[];
    finding: string | undefined;
  }): Finding => {
    const names = {
      row: pick(lang, label),
      cells: list(
        lang,
        rowCells.map((c) => pick(lang, c.columnDef.label)),
      ),
    };
    return {
      ruleId: rule.id,
      severity: finding ? "info" : severity,
      outcome: finding ? "unchecked" : "failed",
      cells: rowCells.map((c) => c.id),
      message: finding ? t(lang, "cell.notImported", { ...names, finding }) : t(lang, "cell.missing", names),
    };
  };
  const groups = [...rows.values()];
  return [...groups.filter((row) => row.finding), ...groups.filter((row) => !row.finding)].map(rowFinding);
}
