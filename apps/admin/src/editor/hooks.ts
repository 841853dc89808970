"use client";
/** Subscribing components to the editor store: one cell, or a slice of the whole. */
import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { CellView } from "./cell-views";
import type { EditorStore } from "./store";

export const EditorContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditorStore outside the editor");
  return store;
}

/** One cell's view; the component re-renders only when that cell's view changes. */
export function useCellView(store: EditorStore, cellId: string): CellView {
  const subscribe = useCallback((listener: () => void) => store.subscribeCell(cellId, listener), [store, cellId]);
  const get = useCallback(() => store.cellView(cellId), [store, cellId]);
  return useSyncExternalStore(subscribe, get, get);
}

/** A value read from the store; re-renders when `select` returns something new (by identity). */
export function useStoreValue<T>(store: EditorStore, select: (store: EditorStore) => T): T {
  const get = useCallback(() => select(store), [store, select]);
  return useSyncExternalStore(store.subscribe, get, get);
}
