/**
 * What a key means in the grid, as in a spreadsheet. A cell is `ready` (focused, its figure selected:
 * typing replaces it), `enter` (being typed over: arrows still move) or `edit` (F2: arrows move the
 * caret). Keys pressed while an input method is composing Chinese text are never interpreted.
 */
import type { GridMove } from "@nianbao/core";

export type CellMode = "ready" | "enter" | "edit";

export type KeyIntent =
  | { kind: "move"; move: GridMove; commit: boolean }
  | { kind: "edit" }
  | { kind: "revert" }
  | { kind: "clear" }
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "finding"; direction: 1 | -1 }
  /** Esc on a cell not being edited: the next Tab leaves the grid instead of moving in it. */
  | { kind: "armExit" }
  | { kind: "none" };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  keyCode?: number;
}

const NONE: KeyIntent = { kind: "none" };

export function keyIntent(event: KeyLike, mode: CellMode): KeyIntent {
  // 229: the key went to an input method (Chrome reports it before compositionstart).
  if (event.isComposing || event.keyCode === 229) return NONE;
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (ctrl && !event.altKey) {
    const lower = key.toLowerCase();
    if (lower === "z") return event.shiftKey ? { kind: "redo" } : { kind: "undo" };
    if (lower === "y") return { kind: "redo" };
    if (key === "Home") return { kind: "move", move: "first", commit: true };
    if (key === "End") return { kind: "move", move: "last", commit: true };
    return NONE;
  }
  if (event.altKey) return NONE;
  const arrowsMove = mode !== "edit";
  switch (key) {
    case "F8":
      return { kind: "finding", direction: event.shiftKey ? -1 : 1 };
    case "F2":
      return mode === "edit" ? NONE : { kind: "edit" };
    case "Escape":
      return mode === "ready" ? { kind: "armExit" } : { kind: "revert" };
    case "Enter":
      return { kind: "move", move: event.shiftKey ? "up" : "down", commit: true };
    case "Tab":
      return { kind: "move", move: event.shiftKey ? "previous" : "next", commit: true };
    case "ArrowUp":
      return { kind: "move", move: "up", commit: true };
    case "ArrowDown":
      return { kind: "move", move: "down", commit: true };
    case "ArrowLeft":
      return arrowsMove ? { kind: "move", move: "left", commit: true } : NONE;
    case "ArrowRight":
      return arrowsMove ? { kind: "move", move: "right", commit: true } : NONE;
    case "Home":
      return mode === "ready" ? { kind: "move", move: "rowStart", commit: true } : NONE;
    case "End":
      return mode === "ready" ? { kind: "move", move: "rowEnd", commit: true } : NONE;
    case "Delete":
    case "Backspace":
      return mode === "ready" ? { kind: "clear" } : NONE;
    default:
      return NONE;
  }
}
