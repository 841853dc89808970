"use client";
/**
 * The conflict cycle: when a save is refused because someone else saved first (or input restored from
 * this browser was typed on an older revision), read their revision and the one both started from,
 * show the differences, and save the clerk's choice on top of their revision.
 */
import type { ReportDocument } from "@nianbao/core";
import { useCallback, useEffect, useState } from "react";
import { useTRPCClient } from "@/trpc/client";
import type { ConflictData } from "./conflict-view";
import { useStoreValue } from "./hooks";
import type { EditorStore } from "./store";

export type ConflictState =
  | { state: "none" }
  | { state: "loading" }
  | { state: "failed"; error: unknown; retry: () => void }
  | { state: "ready"; data: ConflictData; resolve: (document: ReportDocument) => void };

const selectSaveState = (store: EditorStore) => store.getSave().state;

export function useConflict(store: EditorStore, initial: Omit<ConflictData, "base" | "author"> | null, reportId: string): ConflictState {
  const client = useTRPCClient();
  const saveState = useStoreValue(store, selectSaveState);
  // What I had typed and the revision it was typed on, captured when the conflict was found.
  const [mine, setMine] = useState<{ document: ReportDocument; baseRevision: number } | null>(() =>
    initial ? { document: initial.mine, baseRevision: initial.baseRevision } : null,
  );
  const [result, setResult] = useState<ConflictState>(() => (initial ? { state: "loading" } : { state: "none" }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // A save refused as stale (a conflict found on loading is already set up by `initial`).
    if (saveState === "conflict" && mine === null) {
      setMine({ document: store.document(), baseRevision: store.revision() });
      setResult({ state: "loading" });
    }
  }, [saveState, mine, store]);

  const resolveWith = useCallback(
    (theirsRevision: number, theirs: ReportDocument) => (document: ReportDocument) => {
      store.rebase(theirsRevision, theirs, document);
      setMine(null);
      setResult({ state: "none" });
    },
    [store],
  );

  useEffect(() => {
    if (!mine) return;
    let cancelled = false;
    (async () => {
      const latest = await client.reports.get.query({ id: reportId });
      let base: ReportDocument | null = null;
      try {
        base = (await client.reports.get.query({ id: reportId, revision: mine.baseRevision })).document;
      } catch {
        // Without the common revision every difference is shown as mine-versus-theirs.
      }
      if (cancelled) return;
      setResult({
        state: "ready",
        data: {
          base,
          baseRevision: mine.baseRevision,
          mine: mine.document,
          theirs: latest.document,
          theirsRevision: latest.revision.revisionNo,
          author: latest.revision.authorName,
        },
        resolve: resolveWith(latest.revision.revisionNo, latest.document),
      });
    })().catch((error: unknown) => {
      if (!cancelled) setResult({ state: "failed", error, retry: () => setAttempt((n) => n + 1) });
    });
    return () => {
      cancelled = true;
    };
  }, [mine, attempt, client, reportId, resolveWith]);

  return result;
}
