"use client";
/** Always visible: whether the clerk's input is saved (data-save-state = saved|saving|error|conflict). */
import { AlertTriangle, Check, Clock, GitMerge, Loader2 } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useEditorStore, useStoreValue } from "./hooks";
import { useEditorT } from "./strings";
import type { EditorStore } from "./store";

const selectSave = (store: EditorStore) => store.getSave();

export function SaveState() {
  const store = useEditorStore();
  const save = useStoreValue(store, selectSave);
  const t = useEditorT();
  const [now, setNow] = useState(() => Date.now());
  const retryAt = save.state === "error" ? save.retryAt : null;
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  // "pending" (typed, not yet sent) is shown as saving: it is on its way and kept in this browser.
  const state = save.state === "pending" ? "saving" : save.state;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span
        role="status"
        aria-live="polite"
        data-save-state={state}
        className={
          state === "saved"
            ? "inline-flex items-center gap-1 text-emerald-700"
            : state === "saving"
              ? "inline-flex items-center gap-1 text-slate-600"
              : "inline-flex items-center gap-1 font-medium text-red-700"
        }
      >
        {state === "saved" && <Check aria-hidden className="size-4" />}
        {/* Spinning only while a request is out: an animation running through every keystroke would
            repaint the page each frame, competing with the typing. */}
        {save.state === "pending" && <Clock aria-hidden className="size-4" />}
        {save.state === "saving" && <Loader2 aria-hidden className="size-4 animate-spin" />}
        {state === "error" && <AlertTriangle aria-hidden className="size-4" />}
        {state === "conflict" && <GitMerge aria-hidden className="size-4" />}
        {state === "saved" && t("save.saved", { revision: save.revision })}
        {state === "saving" && t("save.saving")}
        {state === "error" && t("save.error")}
        {state === "conflict" && t("save.conflict")}
      </span>
      {save.state === "error" && (
        <>
          <span className="basis-full text-xs text-red-700" title={save.message}>
            {save.message}
            {save.retryAt !== null && ` · ${t("save.retryIn", { s: Math.max(0, Math.ceil((save.retryAt - now) / 1000)) })}`}
          </span>
          <Button variant="secondary" size="sm" onClick={() => store.flush()}>
            {t("save.retry")}
          </Button>
        </>
      )}
    </div>
  );
}
