"use client";
/** The last thing the editor has to say (a refused paste, an unreadable figure, an undo), read out politely. */
import type { Lang } from "@nianbao/core";
import { cn } from "@/lib/cn";
import { useEditorStore, useStoreValue } from "./hooks";
import type { EditorStore } from "./store";

const selectMessage = (store: EditorStore) => store.getMessage();

export function EditorMessageLine({ lang }: { lang: Lang }) {
  const store = useEditorStore();
  const message = useStoreValue(store, selectMessage);
  return (
    <p
      role="status"
      aria-live="polite"
      lang={lang === "en" ? "en" : "zh-CN"}
      data-editor-message={message?.tone ?? ""}
      className={cn("w-full text-sm empty:hidden", message?.tone === "error" ? "font-medium text-red-700" : "text-slate-700")}
    >
      {message?.text ?? ""}
    </p>
  );
}
