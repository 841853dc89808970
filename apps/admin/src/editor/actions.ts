"use client";
/**
 * Actions the grid's cells share (moving, pasting, undo, jumping to findings), bound to one store and
 * one language. One stable object for the whole editor, so cells never re-render because of it.
 */
import {
  type CellValue,
  cellPath,
  gridModel,
  type GridModel,
  type GridMove,
  type Lang,
  moveInGrid,
  parseClipboardTable,
  planPaste,
} from "@nianbao/core";
import { createContext, useContext } from "react";
import { editorText } from "./strings";
import type { EditorStore } from "./store";

export interface EditorActions {
  readonly grids: ReadonlyMap<string, GridModel>;
  /** Moves the focus; returns false at the table's edge for Tab (so the key leaves the grid). */
  move(from: string, move: GridMove): boolean;
  paste(at: string, text: string): void;
  undo(): void;
  redo(): void;
  /** Focus the cells of the next (1) or previous (−1) error or warning after the focused cell. */
  nextFinding(direction: 1 | -1): void;
  showFinding(cells: readonly string[]): void;
}

export function createEditorActions(store: EditorStore, getLang: () => Lang): EditorActions {
  const grids = new Map(store.format.layouts.map((layout) => [layout.tableId, gridModel(layout)]));
  const gridOf = (cellId: string) => grids.get(store.format.cellById.get(cellId)?.table ?? "");
  const t = (key: Parameters<typeof editorText>[1], vars?: Record<string, string | number>) => editorText(getLang(), key, vars);

  // Every cell in reading order across the tables, to find "the next finding after here".
  const order = new Map<string, number>();
  for (const grid of grids.values()) for (const cell of grid.cells) order.set(cell.cellId, order.size);

  const showFinding = (cells: readonly string[]) => {
    store.highlight(cells);
    const first = [...cells].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!)[0];
    if (first) store.focusCell(first);
  };

  const afterUndo = (
    cells: readonly string[] | null,
    done: "editor.undone" | "editor.redone",
    none: "editor.nothingToUndo" | "editor.nothingToRedo",
  ) => {
    if (!cells) {
      store.say(t(none));
      return;
    }
    store.highlight(cells);
    if (cells[0]) store.focusCell(cells[0]);
    store.say(t(done));
  };

  return {
    grids,
    move(from, move) {
      const grid = gridOf(from);
      if (!grid) return false;
      const to = moveInGrid(grid, from, move);
      if (!to || to === from) return false;
      return store.focusCell(to);
    },
    paste(at, text) {
      const grid = gridOf(at);
      if (!grid || !store.editable) return;
      const lang = getLang();
      const plan = planPaste(store.format.version, grid, at, parseClipboardTable(text), { computed: store.computedCellIds(), lang });
      if (!plan.ok) {
        store.say(plan.message, "error");
        return;
      }
      const before = new Map<string, CellValue>(plan.edits.map(([id]) => [id, (store.value(id) ?? null) as CellValue]));
      store.setCells(plan.edits, { before });
      store.highlight(plan.cells);
      if (plan.computed.length === 0) {
        store.say(t("editor.pasted", { n: plan.edits.length }));
        return;
      }
      // Pasted totals are worked out instead; say where the sheet's own total disagrees with its parts.
      const differ = plan.computed.filter(([id, pasted]) => pasted !== null && !Object.is(store.value(id), pasted));
      let text2 = t("editor.computedPasted", { n: plan.edits.length, m: plan.computed.length });
      if (differ.length) {
        const names = differ
          .slice(0, 5)
          .map(
            ([id, pasted]) => `${cellPath(store.format.cellById.get(id)!, lang)}（${String(pasted)} → ${String(store.value(id) ?? "—")}）`,
          );
        text2 += ` ${t("editor.computedPastedDiffer", { cells: names.join(lang === "zh" ? "；" : "; ") + (differ.length > 5 ? " …" : "") })}`;
      }
      store.say(text2, differ.length ? "error" : "info");
    },
    undo() {
      afterUndo(store.undo(), "editor.undone", "editor.nothingToUndo");
    },
    redo() {
      afterUndo(store.redo(), "editor.redone", "editor.nothingToRedo");
    },
    nextFinding(direction) {
      const problems = store.getFindings().filter((f) => f.severity !== "info" && f.cells.some((id) => order.has(id)));
      if (problems.length === 0) {
        store.say(t("findings.none"));
        return;
      }
      const position = (cells: readonly string[]) => Math.min(...cells.filter((id) => order.has(id)).map((id) => order.get(id)!));
      const sorted = [...problems].sort((a, b) => position(a.cells) - position(b.cells));
      const here = store.active() ? (order.get(store.active()!) ?? -1) : -1;
      const target =
        direction === 1
          ? (sorted.find((f) => position(f.cells) > here) ?? sorted[0]!)
          : ([...sorted].reverse().find((f) => position(f.cells) < here) ?? sorted[sorted.length - 1]!);
      showFinding(target.cells);
      store.say(target.message, target.severity === "error" ? "error" : "info");
    },
    showFinding,
  };
}

export const ActionsContext = createContext<EditorActions | null>(null);

export function useEditorActions(): EditorActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error("useEditorActions outside the editor");
  return actions;
}
