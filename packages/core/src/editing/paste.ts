/**
 * Pasting a block copied from Excel or WPS into the grid. The clipboard holds tab-separated text:
 * rows end with \r\n or \n (with one after the last row), cells are separated by tabs, and a cell
 * holding a tab, a line break or a quote is wrapped in double quotes. A block copied from a sheet of
 * the official form has the shape of the grid's value area, so it is laid onto the grid by position:
 * its first value at the focused cell, each next value on the next data cell of that row, each next
 * line on the next data row. Every value is read before any is applied: one unreadable value or a
 * block running past the table's edge refuses the whole paste, naming the place.
 */
import { getFormat, type FormatVersion } from "../formats/index";
import type { Lang } from "../i18n/index";
import { cellPath } from "../rules/cells";
import type { CellValue } from "../schema/values";
import type { CellEdit } from "./document";
import type { GridModel } from "./grid";
import { readCellInput } from "./input";
import { editingMessage } from "./messages";

/** The rows and cells of tab-separated clipboard text; the line break after the last row is not a row. */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  let field = "";
  let atFieldStart = true;
  while (i < n) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      // A quoted field: up to the quote that is not doubled.
      let j = i + 1;
      let quoted = "";
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        quoted += text[j];
        j++;
      }
      const next = text[j];
      if (closed && (j >= n || next === "\t" || next === "\n" || next === "\r")) {
        field = quoted;
        i = j;
        atFieldStart = false;
        continue;
      }
      // Not a well-formed quoted field: read the quote as text.
    }
    atFieldStart = false;
    if (ch === "\t") {
      row.push(field);
      field = "";
      atFieldStart = true;
      i++;
    } else if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atFieldStart = true;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (!atFieldStart || field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export type PastePlan =
  | {
      readonly ok: true;
      /** Values for the editable cells the block covers, in block order. */
      readonly edits: readonly CellEdit[];
      /** Values the block gives for computed cells, which are worked out instead (shown to the clerk). */
      readonly computed: readonly CellEdit[];
      /** Cells the block covers, top-left first. */
      readonly cells: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

export interface PasteOptions {
  /** Cells that are worked out (read-only while computed totals are on). */
  readonly computed?: ReadonlySet<string>;
  readonly lang?: Lang;
}

/** Where the block `rows` lands when pasted at `focusCellId`, and the value for each cell; or why not. */
export function planPaste(
  version: FormatVersion,
  grid: GridModel,
  focusCellId: string,
  rows: readonly (readonly string[])[],
  options: PasteOptions = {},
): PastePlan {
  const lang = options.lang ?? "zh";
  const format = getFormat(version);
  const focus = grid.byId.get(focusCellId);
  const focusDef = format.cellById.get(focusCellId);
  if (!focus || !focusDef) throw new RangeError(`${focusCellId} is not a cell of table ${grid.tableId}`);
  if (rows.length === 0 || rows.every((row) => row.every((text) => text === ""))) {
    return { ok: false, message: editingMessage(lang, "paste.empty") };
  }
  const where = cellPath(focusDef, lang);
  const available = grid.rows.length - focus.dataRow;
  if (rows.length > available) {
    return { ok: false, message: editingMessage(lang, "paste.pastBottom", { rows: rows.length, available, cell: where }) };
  }
  const edits: CellEdit[] = [];
  const computed: CellEdit[] = [];
  const cells: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const target = grid.rows[focus.dataRow + r]!;
    const texts = rows[r]!;
    const room = target.length - focus.indexInRow;
    if (texts.length > room) {
      return {
        ok: false,
        message: editingMessage(lang, "paste.pastRight", { row: r + 1, columns: texts.length, available: Math.max(room, 0), cell: where }),
      };
    }
    for (let c = 0; c < texts.length; c++) {
      const cellId = target[focus.indexInRow + c]!.cellId;
      const input = readCellInput(texts[c]!, format.cellById.get(cellId)!, lang);
      if (!input.ok) {
        return { ok: false, message: editingMessage(lang, "paste.unreadable", { row: r + 1, column: c + 1, reason: input.message }) };
      }
      const edit: CellEdit = [cellId, input.value as CellValue];
      (options.computed?.has(cellId) ? computed : edits).push(edit);
      cells.push(cellId);
    }
  }
  return { ok: true, edits, computed, cells };
}
