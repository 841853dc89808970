"use client";
/**
 * One editable figure of a table: a real <input> (so typing, an input method and assistive technology
 * all work natively) that behaves like a spreadsheet cell. Its value is written to the document on
 * every keystroke, so findings follow the typing; leaving the cell makes the edit one undo step.
 */
import { type CellDef, type CellValue, cellInputText, cellPath, type Lang, readCellInput } from "@nianbao/core";
import { Sigma } from "lucide-react";
import { type ClipboardEvent, type FocusEvent, type KeyboardEvent, type MouseEvent, memo, useCallback, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { useEditorActions } from "./actions";
import { useCellView, useEditorStore } from "./hooks";
import { type CellMode, keyIntent } from "./keys";
import { editorText } from "./strings";

interface Editing {
  mode: CellMode;
  text: string;
  /** The value when editing began (Esc goes back to it; undo records it). */
  start: CellValue;
  /** Why the text cannot be stored, while it cannot. */
  problem: string | null;
}

export const GridCell = memo(function GridCell({ cell, lang }: { cell: CellDef; lang: Lang }) {
  const store = useEditorStore();
  const actions = useEditorActions();
  const view = useCellView(store, cell.id);
  const [editing, setEditing] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  // Tab moves through the grid like a spreadsheet; after Esc it leaves the grid, as Tab normally does.
  const exitArmed = useRef(false);
  const readOnly = !store.editable || view.computed;
  const label = cellPath(cell, lang);

  const register = useCallback((element: HTMLInputElement | null) => store.registerElement(cell.id, element), [store, cell.id]);

  /** Ends the edit; false (and the reason said) when the typed text cannot be stored. */
  const commit = useCallback((): boolean => {
    const current = editingRef.current;
    if (!current) return true;
    if (current.problem) {
      store.say(current.problem, "error");
      return false;
    }
    store.recordEdit(cell.id, current.start);
    editingRef.current = null;
    setEditing(null);
    store.flush();
    return true;
  }, [store, cell.id]);

  const revert = useCallback(() => {
    const current = editingRef.current;
    if (!current) return;
    store.setCells([[cell.id, current.start]]);
    editingRef.current = null;
    setEditing(null);
  }, [store, cell.id]);

  const onChange = (text: string) => {
    if (readOnly) return;
    const start = editingRef.current?.start ?? ((view.value ?? null) as CellValue);
    const mode = editingRef.current?.mode ?? "enter";
    const input = readCellInput(text, cell, lang);
    if (input.ok) store.setCells([[cell.id, input.value]]);
    const next = { mode, text, start, problem: input.ok ? null : input.message };
    editingRef.current = next;
    setEditing(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const mode = editingRef.current?.mode ?? "ready";
    const intent = keyIntent(
      {
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        isComposing: event.nativeEvent.isComposing,
        keyCode: event.keyCode,
      },
      mode,
    );
    const armed = exitArmed.current;
    exitArmed.current = false;
    switch (intent.kind) {
      case "armExit":
        exitArmed.current = true;
        return;
      case "none":
        if (readOnly && event.key.length === 1 && !event.ctrlKey && !event.metaKey && view.computed) {
          store.say(editorText(lang, "editor.computedRefused", { cell: label }), "error");
        }
        return;
      case "move": {
        if (armed && event.key === "Tab") return;
        if (intent.commit && !commit()) {
          event.preventDefault();
          return;
        }
        const moved = actions.move(cell.id, intent.move);
        // Tab at the table's edge leaves the grid, as Tab should; every other key stays in it.
        if (moved || event.key !== "Tab") event.preventDefault();
        return;
      }
      case "edit": {
        if (readOnly) return;
        event.preventDefault();
        const input = event.currentTarget;
        const next: Editing = { mode: "edit", text: cellInputText(view.value), start: (view.value ?? null) as CellValue, problem: null };
        editingRef.current = next;
        setEditing(next);
        // The caret goes to the end at once, so a digit typed in the same frame appends rather than
        // replacing the selected figure; again after the re-render, in case the edit text differs.
        input.setSelectionRange(input.value.length, input.value.length);
        requestAnimationFrame(() => input.setSelectionRange(input.value.length, input.value.length));
        return;
      }
      case "revert":
        event.preventDefault();
        revert();
        return;
      case "clear": {
        if (readOnly) return;
        event.preventDefault();
        const before = (view.value ?? null) as CellValue;
        store.setCells([[cell.id, null]], { before: new Map([[cell.id, before]]) });
        store.flush();
        return;
      }
      case "undo":
      case "redo": {
        event.preventDefault();
        const current = editingRef.current;
        // Inside an edit, the first undo takes back the typing; after that, whole steps.
        if (current && intent.kind === "undo") {
          revert();
          return;
        }
        if (current && !commit()) return;
        if (intent.kind === "undo") actions.undo();
        else actions.redo();
        return;
      }
      case "finding":
        // Handled for the whole editor (see editor.tsx): the key bubbles up to it.
        return;
    }
  };

  // A click selects the figure as focusing by keyboard does, so typing replaces it; a second click on
  // the focused cell edits in place (caret where clicked), as F2 does.
  const onMouseDown = (event: MouseEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    if (document.activeElement !== input) {
      event.preventDefault();
      store.focusCell(cell.id);
      return;
    }
    if (!editingRef.current && !readOnly) {
      const next: Editing = { mode: "edit", text: cellInputText(view.value), start: (view.value ?? null) as CellValue, problem: null };
      editingRef.current = next;
      setEditing(next);
    }
  };

  const onFocus = (event: FocusEvent<HTMLInputElement>) => {
    store.setActive(cell.id);
    event.currentTarget.select();
  };

  const onBlur = () => {
    const current = editingRef.current;
    if (!current) return;
    if (current.problem) {
      // Leaving with text that is not a figure: the cell keeps its value and the clerk is told why.
      store.say(current.problem, "error");
      revert();
      return;
    }
    commit();
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData("text/plain");
    const block = /[\t\r\n]/.test(text.replace(/[\r\n]+$/, ""));
    // A single figure pasted while typing goes into the text; anything else is a block for the grid.
    if (editingRef.current && !block) return;
    event.preventDefault();
    if (editingRef.current && !commit()) return;
    actions.paste(cell.id, text);
  };

  const shown = editing ? editing.text : cellInputText(view.value);
  const invalid = view.severity === "error" || editing?.problem != null;
  return (
    <div
      // An error or a warning marks the cell's corner (as a spreadsheet marks a comment): a change of
      // class, not of elements, so a keystroke that flips several cells' findings adds no DOM nodes.
      className={cn(
        "absolute inset-0 flex items-stretch",
        view.severity &&
          "before:pointer-events-none before:absolute before:top-0 before:left-0 before:border-t-[7px] before:border-r-[7px] before:border-r-transparent before:content-['']",
        view.severity === "error" && "bg-red-50 before:border-t-red-600",
        view.severity === "warning" && "bg-amber-50 before:border-t-amber-500",
        view.computed && !view.severity && "bg-slate-100",
        view.highlighted && "ring-2 ring-brand-600 ring-inset",
      )}
    >
      <input
        ref={register}
        data-cell={cell.id}
        data-severity={view.severity ?? undefined}
        data-computed={view.computed ? "true" : undefined}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-readonly={readOnly || undefined}
        aria-description={view.computed ? editorText(lang, "editor.computedHint") : undefined}
        readOnly={readOnly}
        inputMode={cell.kind === "money" ? "decimal" : "numeric"}
        autoComplete="off"
        spellCheck={false}
        tabIndex={view.tabStop ? 0 : -1}
        value={shown}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onMouseDown={onMouseDown}
        onBlur={onBlur}
        onPaste={onPaste}
        className={cn(
          // Kept clear of the sticky page header and toolbar when a move scrolls the cell into view.
          "tabular w-full min-w-0 scroll-mt-44 scroll-mb-2 bg-transparent px-1.5 py-1 text-right text-sm outline-none focus:bg-white focus:ring-2 focus:ring-brand-600 focus:ring-inset",
          view.computed && "text-slate-600",
          editing?.problem && "text-red-700 underline decoration-wavy",
          editing?.mode === "edit" && "bg-white",
        )}
      />
      {view.computed && (
        <Sigma
          aria-hidden
          className={cn("pointer-events-none absolute top-0.5 left-0.5 size-3 text-slate-400", view.severity && "hidden")}
        />
      )}
    </div>
  );
});
