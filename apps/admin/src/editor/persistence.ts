/**
 * Input not yet acknowledged by the server, kept in this browser's localStorage under the report's id
 * with the revision it was typed on. It is written before anything is sent and removed only when the
 * server has acknowledged exactly this document, so a closed tab, a crash or a lost connection loses
 * nothing: the editor offers it again on the next visit.
 */
import type { ReportDocument } from "@nianbao/core";

export interface PendingInput {
  /** The revision the input was typed on (the save names it as its base). */
  readonly baseRevision: number;
  readonly document: ReportDocument;
  /** When it was last written (ISO), to tell the clerk how old it is. */
  readonly savedAt: string;
}

const PREFIX = "nianbao.editor.pending.";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function loadPending(reportId: string): PendingInput | null {
  const raw = storage()?.getItem(PREFIX + reportId);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<PendingInput>;
    if (typeof parsed.baseRevision !== "number" || typeof parsed.document !== "object" || parsed.document === null) return null;
    return { baseRevision: parsed.baseRevision, document: parsed.document, savedAt: String(parsed.savedAt ?? "") };
  } catch {
    return null;
  }
}

/** Returns false when the browser refused to store it (quota, private mode): the editor then says so. */
export function savePending(reportId: string, baseRevision: number, document: ReportDocument): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(PREFIX + reportId, JSON.stringify({ baseRevision, document, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function clearPending(reportId: string): void {
  try {
    storage()?.removeItem(PREFIX + reportId);
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}

/** Whether computed totals are on for this report, as the clerk last chose (null: not chosen). */
export function loadComputedChoice(reportId: string): boolean | null {
  const value = storage()?.getItem(`nianbao.editor.computed.${reportId}`);
  return value === "on" ? true : value === "off" ? false : null;
}

export function saveComputedChoice(reportId: string, on: boolean): void {
  try {
    storage()?.setItem(`nianbao.editor.computed.${reportId}`, on ? "on" : "off");
  } catch {
    // The choice then lasts for this page only.
  }
}

/** Structural equality of two JSON values (key order ignored): is the pending input what the server has? */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
