/**
 * The cells read so far, with what the importer knows about each: a value, a blank, or nothing. A
 * cell given twice with different values is withdrawn (null) and reported, never resolved by order.
 */
import { type CellDef, type CompiledFormat, emptyTables, type FormatVersion, writeCell } from "@nianbao/core";
import { cellName, type FindingList, kindName } from "../findings";
import { type CellReadout, readCellValue } from "../values";

type Stored = { kind: "value"; value: number | string; text: string } | { kind: "blank" } | { kind: "conflict" };

export class CellStore {
  private readonly cells = new Map<string, Stored>();
  private readonly units = new Map<string, "元" | "万元">();
  /** Rows (table.row) a source row was matched to, whatever became of their values. */
  readonly rowsSeen = new Set<string>();

  constructor(
    readonly format: CompiledFormat,
    private readonly findings: FindingList,
  ) {}

  get version(): FormatVersion {
    return this.format.version;
  }

  /** Reads `text` into `cell`, reporting unreadable text and unit conversions. */
  read(cell: CellDef, text: string, headerUnit?: "元" | "万元" | null): void {
    const readout: CellReadout = readCellValue(text, cell, headerUnit);
    const lang = this.findings.lang;
    if (readout.kind === "unreadable") {
      this.findings.add(
        "IMPORT-UNREADABLE",
        "warning",
        [cell.id],
        "unreadable",
        {
          cell: cellName(cell, lang),
          text: text.trim(),
          kind: kindName(cell, lang),
        },
        { actual: text.trim() },
      );
      this.blank(cell);
      return;
    }
    if (readout.kind === "blank") {
      this.blank(cell);
      return;
    }
    if (readout.converted) {
      this.findings.add("IMPORT-UNIT", "info", [cell.id], "unit", {
        cell: cellName(cell, lang),
        text: text.trim(),
        value: String(readout.value),
      });
    }
    this.set(cell, readout.value, text.trim());
    if (readout.unit && cell.columnDef.unitField) this.units.set(cell.id, readout.unit);
  }

  set(cell: CellDef, value: number | string, text: string): void {
    const previous = this.cells.get(cell.id);
    if (!previous || previous.kind === "blank") {
      this.cells.set(cell.id, { kind: "value", value, text });
      return;
    }
    if (previous.kind === "conflict" || previous.value === value) return;
    this.cells.set(cell.id, { kind: "conflict" });
    this.findings.add("IMPORT-AMBIGUOUS", "warning", [cell.id], "conflict", {
      cell: cellName(cell, this.findings.lang),
      first: previous.text,
      second: text,
    });
  }

  /** A cell seen empty ("", "-", "/", "无"): null, but not missing. */
  blank(cell: CellDef): void {
    if (!this.cells.has(cell.id)) this.cells.set(cell.id, { kind: "blank" });
  }

  /** Whether the source gave this cell anything at all: a value, a blank, or two values that disagree. */
  seen(cell: CellDef): boolean {
    return this.cells.has(cell.id);
  }

  value(cell: CellDef): number | string | null {
    const stored = this.cells.get(cell.id);
    return stored?.kind === "value" ? stored.value : null;
  }

  /** The document's `tables`: every cell of the format, null where nothing trustworthy was read. */
  tables(): Record<string, unknown> {
    const tables = emptyTables(this.format.version) as unknown as Record<string, unknown>;
    for (const cell of this.format.cells) {
      const value = this.value(cell);
      if (value !== null) writeCell(tables, cell, value);
      const field = cell.columnDef.unitField;
      if (field) {
        const unit = this.units.get(cell.id);
        writeCell(tables, { ...cell, path: [...cell.path.slice(0, -1), field] }, value !== null && unit ? unit : null);
      }
    }
    return tables;
  }
}
