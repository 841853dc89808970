/**
 * Undo and redo of cell edits. A step is what one action changed — one typed cell, or every cell of a
 * paste — with each cell's value before and after, so a step can be taken back and done again whatever
 * happened to other cells in between. The history is an immutable value: keep it in any state store.
 */
import type { CellValue } from "../schema/values";
import type { CellEdit } from "./document";

export interface CellChange {
  readonly cellId: string;
  readonly before: CellValue;
  readonly after: CellValue;
}

export interface EditStep {
  readonly changes: readonly CellChange[];
}

export interface EditHistory {
  /** Oldest first; the last one is undone next. */
  readonly past: readonly EditStep[];
  /** Most recently undone last; the last one is redone next. */
  readonly future: readonly EditStep[];
}

export const EMPTY_HISTORY: EditHistory = { past: [], future: [] };

/** How many steps are kept; the oldest fall off. */
export const HISTORY_LIMIT = 500;

/** History after a new action: the step is added (if it changes anything) and the redo list is cleared. */
export function recordStep(history: EditHistory, changes: readonly CellChange[], limit = HISTORY_LIMIT): EditHistory {
  const real = changes.filter((change) => !Object.is(change.before, change.after));
  if (real.length === 0) return history;
  const past = [...history.past, { changes: real }];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

export interface HistoryMove {
  readonly history: EditHistory;
  /** The values to write. */
  readonly edits: readonly CellEdit[];
  /** Cells the step touched, in its order (the editor focuses the first). */
  readonly cells: readonly string[];
}

export function undoStep(history: EditHistory): HistoryMove | null {
  const step = history.past[history.past.length - 1];
  if (!step) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, step] },
    edits: step.changes.map((c) => [c.cellId, c.before] as const).reverse(),
    cells: step.changes.map((c) => c.cellId),
  };
}

export function redoStep(history: EditHistory): HistoryMove | null {
  const step = history.future[history.future.length - 1];
  if (!step) return null;
  return {
    history: { past: [...history.past, step], future: history.future.slice(0, -1) },
    edits: step.changes.map((c) => [c.cellId, c.after] as const),
    cells: step.changes.map((c) => c.cellId),
  };
}
