"use client";
/**
 * The report editor: loads the report and last year's, restores input this browser kept, and lays out
 * the six sections (tables as grids), the save state, the focused cell, the findings and submission.
 */
import { balanceLine, computedTotalsAgree, type Lang, type ReportDocument, type SectionKey } from "@nianbao/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Redo2, Undo2 } from "lucide-react";
import { type KeyboardEvent as ReactKeyboardEvent, useCallback, useEffect, useMemo, useState } from "react";
import { ReportHeader } from "@/components/report-header";
import { Button } from "@/components/ui/button";
import { ErrorState, Loading } from "@/components/ui/states";
import { useLang } from "@/lib/i18n";
import { labelOf, STATUS_LABELS } from "@/lib/status";
import { trpcCode, useTRPC, useTRPCClient } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";
import type { RouterOutputs } from "@/trpc/types";
import { ActionsContext, createEditorActions, useEditorActions } from "./actions";
import { BalanceLine } from "./balance-line";
import { CellPanel } from "./cell-panel";
import { type ConflictData, ConflictView } from "./conflict-view";
import { FindingsPanel } from "./findings-panel";
import { EditorContext, useEditorStore, useStoreValue } from "./hooks";
import { clearPending, loadComputedChoice, loadPending, sameJson, saveComputedChoice } from "./persistence";
import { usePreviousYear } from "./previous-year";
import { ReportTable } from "./report-table";
import { TextSection } from "./sections";
import { SaveState } from "./save-state";
import type { SaveOutcome } from "./autosave";
import { type EditorStore, EditorStore as Store } from "./store";
import { editorText, useEditorT } from "./strings";
import { SubmitBar } from "./submit-bar";
import { EditorMessageLine } from "./message-line";
import { useConflict } from "./use-conflict";

type Got = RouterOutputs["reports"]["get"];

export function ReportEditor({ id }: { id: string }) {
  const trpc = useTRPC();
  const t = useEditorT();
  // The editor keeps its own copy; a refetch only refreshes actions and explanations.
  const got = useQuery({ ...trpc.reports.get.queryOptions({ id }), staleTime: 0, refetchOnWindowFocus: false });
  const previous = usePreviousYear(got.data?.report);
  if (got.isPending) return <Loading label={t("editor.loading")} />;
  if (got.error) return <ErrorState error={got.error} onRetry={() => void got.refetch()} />;
  if (previous.state === "loading") return <Loading label={t("editor.loading")} />;
  return (
    <EditorSession
      // A report that stops (or starts) being editable — submitted, returned — gets a fresh session.
      key={`${id}:${got.data.editable ? "edit" : "read"}`}
      data={got.data}
      previous={previous.state === "ready" ? previous.document : null}
      previousError={previous.state === "failed" ? previous.error : null}
    />
  );
}

interface Start {
  store: EditorStore;
  restoredAt: string | null;
  blockedLocal: boolean;
  conflict: Omit<ConflictData, "base" | "author"> | null;
}

function EditorSession({ data, previous, previousError }: { data: Got; previous: ReportDocument | null; previousError: unknown }) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const lang = useLang();
  const t = useEditorT();
  const reportId = data.report.id;
  const langRef = useLatest(lang);

  const [start] = useState<Start>(() => {
    const serverDocument = data.document;
    const revision = data.revision.revisionNo;
    const pending = loadPending(reportId);
    let document = serverDocument;
    let restoredAt: string | null = null;
    let blockedLocal = false;
    let conflict: Start["conflict"] = null;
    if (pending && sameJson(pending.document, serverDocument)) clearPending(reportId);
    else if (pending && !data.editable) blockedLocal = true;
    else if (pending && pending.baseRevision === revision) {
      document = pending.document;
      restoredAt = pending.savedAt;
    } else if (pending) {
      conflict = { baseRevision: pending.baseRevision, mine: pending.document, theirs: serverDocument, theirsRevision: revision };
    }
    const saver = async (baseRevision: number, doc: ReportDocument): Promise<SaveOutcome> => {
      try {
        const saved = await client.reports.update.mutate({ id: reportId, baseRevision, document: doc });
        return { ok: true, revision: saved.revision };
      } catch (error) {
        const code = trpcCode(error);
        if (code === "CONFLICT") return { ok: false, kind: "conflict" };
        if (code === "UNAUTHORIZED") return { ok: false, kind: "signedOut", message: editorText(langRef.current, "save.signedOut") };
        // A refusal of the content will not pass by itself; a lost connection or a server error may.
        return {
          ok: false,
          kind: "failed",
          message: errorMessage(error),
          retry: code !== "BAD_REQUEST" && code !== "FORBIDDEN" && code !== "NOT_FOUND",
        };
      }
    };
    const choice = loadComputedChoice(reportId);
    const store = new Store({
      reportId,
      revision,
      serverDocument,
      document,
      previous,
      lang,
      computedOn: choice ?? computedTotalsAgree(document),
      editable: data.editable,
      saver,
      startInConflict: conflict !== null,
      onSignedOut: () => {
        const { pathname, search } = window.location;
        window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
      },
    });
    return { store, restoredAt, blockedLocal, conflict };
  });
  const { store } = start;
  const actions = useMemo(() => createEditorActions(store, () => langRef.current), [store, langRef]);
  useEffect(() => () => store.dispose(), [store]);
  useEffect(() => store.setLang(lang), [store, lang]);

  // F8 / Shift+F8 jump between problems anywhere in the editor.
  const onEditorKeyDown = useCallback(
    (event: ReactKeyboardEvent<HTMLDivElement>) => {
      if (event.key !== "F8" || event.nativeEvent.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      actions.nextFinding(event.shiftKey ? -1 : 1);
    },
    [actions],
  );

  // Unsaved input goes to localStorage at the next idle moment; leaving or hiding the page writes it at
  // once, and the browser's prompt is a last reminder on leaving.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      store.writeLocalNow();
      if (store.dirty()) event.preventDefault();
    };
    const keep = () => store.writeLocalNow();
    const hidden = () => {
      if (document.visibilityState === "hidden") store.writeLocalNow();
    };
    const online = () => store.flush();
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", keep);
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("pagehide", keep);
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("online", online);
    };
  }, [store]);

  // After saves, the cached report (actions, explanations, lists) is refreshed in the background.
  const save = useStoreValue(store, selectSave);
  const savedRevision = save.state === "saved" ? save.revision : null;
  useEffect(() => {
    if (savedRevision !== null && savedRevision !== data.revision.revisionNo) {
      void queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
    }
  }, [savedRevision, data.revision.revisionNo, queryClient, trpc]);

  const conflict = useConflict(store, start.conflict, reportId);
  const sectionHeading = useCallback(
    (key: SectionKey) => store.format.def.sections.find((s) => s.key === key)?.heading[lang] ?? key,
    [store, lang],
  );

  const explain = useCallback(
    async (finding: { ruleId: string; cells: string[]; path?: string | undefined }, text: string) => {
      try {
        await client.reports.explain.mutate({
          id: reportId,
          finding: { ruleId: finding.ruleId, cells: finding.cells, ...(finding.path ? { path: finding.path } : {}) },
          text,
        });
      } catch (error) {
        throw new Error(errorMessage(error));
      }
      await queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ id: reportId }) });
    },
    [client, queryClient, trpc, reportId],
  );

  const status = labelOf(STATUS_LABELS, data.report.status, lang);
  return (
    <EditorContext.Provider value={store}>
      <ActionsContext.Provider value={actions}>
        <div className="flex items-start gap-4" data-editor={reportId} onKeyDown={onEditorKeyDown}>
          <div className="min-w-0 flex-1">
            <ReportHeader data={data} current="editor" revision={save.revision} />
            <Notices data={data} start={start} status={status} previousError={previousError} />
            {conflict.state !== "none" ? (
              conflict.state === "loading" ? (
                <Loading label={t("conflict.loading")} />
              ) : conflict.state === "failed" ? (
                <ErrorState error={conflict.error} onRetry={conflict.retry} />
              ) : (
                <ConflictView
                  data={conflict.data}
                  lang={lang}
                  sectionHeading={sectionHeading}
                  onResolve={conflict.resolve}
                  computed={store.computedCellIds()}
                />
              )
            ) : (
              <>
                <Toolbar lang={lang} />
                <Sections lang={lang} />
              </>
            )}
          </div>
          <aside className="sticky top-14 flex max-h-[calc(100vh-4rem)] w-[320px] shrink-0 flex-col gap-3 rounded-md border border-slate-200 bg-white p-3">
            <SaveState />
            <div className="border-t border-slate-200 pt-2">
              <CellPanel lang={lang} />
            </div>
            <div className="flex min-h-0 flex-1 flex-col border-t border-slate-200 pt-2">
              <FindingsPanel explanations={data.explanations} onExplain={data.editable ? explain : null} />
            </div>
            {data.actions.includes("submit") && (
              <div className="border-t border-slate-200 pt-2">
                <SubmitBar reportId={reportId} />
              </div>
            )}
          </aside>
        </div>
      </ActionsContext.Provider>
    </EditorContext.Provider>
  );
}

const selectSave = (store: EditorStore) => store.getSave();
const selectCanUndo = (store: EditorStore) => store.canUndo();
const selectCanRedo = (store: EditorStore) => store.canRedo();
const selectComputed = (store: EditorStore) => store.isComputedOn();

function useLatest<T>(value: T): { readonly current: T } {
  const [ref] = useState(() => ({ current: value }));
  useEffect(() => {
    ref.current = value;
  }, [ref, value]);
  return ref;
}

function Notices({ data, start, status, previousError }: { data: Got; start: Start; status: string; previousError: unknown }) {
  const t = useEditorT();
  const [dismissed, setDismissed] = useState(false);
  return (
    <div className="mb-3 flex flex-col gap-2 empty:hidden">
      {!data.editable && (
        <p role="note" className="rounded-md border border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("editor.readOnly", { status })}
        </p>
      )}
      {start.restoredAt && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-restored>
          {t("editor.restored", { time: new Date(start.restoredAt).toLocaleString("zh-CN") })}
        </p>
      )}
      {start.blockedLocal && !dismissed && (
        <div
          role="alert"
          className="flex items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {t("editor.localBlocked")}
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              clearPending(data.report.id);
              setDismissed(true);
            }}
          >
            {t("editor.discardLocal")}
          </Button>
        </div>
      )}
      {previousError != null && <ErrorState error={previousError} />}
    </div>
  );
}

function Toolbar({ lang }: { lang: Lang }) {
  const t = useEditorT();
  return (
    <div className="sticky top-12 z-10 mb-2 flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm">
      <UndoButtons />
      <ComputedToggle />
      <p className="text-xs text-slate-500" id="grid-help">
        {t("editor.gridHelp")}
      </p>
      <EditorMessageLine lang={lang} />
    </div>
  );
}

function UndoButtons() {
  const store = useEditorStore();
  const actionsCtx = useEditorActions();
  const canUndo = useStoreValue(store, selectCanUndo);
  const canRedo = useStoreValue(store, selectCanRedo);
  const t = useEditorT();
  if (!store.editable) return null;
  return (
    <div className="flex gap-1">
      <Button variant="ghost" size="sm" disabled={!canUndo} onClick={() => actionsCtx.undo()} aria-label={`${t("editor.undo")} (Ctrl+Z)`}>
        <Undo2 aria-hidden className="size-4" />
      </Button>
      <Button variant="ghost" size="sm" disabled={!canRedo} onClick={() => actionsCtx.redo()} aria-label={`${t("editor.redo")} (Ctrl+Y)`}>
        <Redo2 aria-hidden className="size-4" />
      </Button>
    </div>
  );
}

function ComputedToggle() {
  const store = useEditorStore();
  const on = useStoreValue(store, selectComputed);
  const t = useEditorT();
  if (!store.editable) return null;
  return (
    <label className="flex items-center gap-1.5 text-sm" title={t("editor.computedHint")}>
      <input
        type="checkbox"
        data-computed-toggle
        checked={on}
        onChange={(event) => {
          const on = event.target.checked;
          // Turning it on replaces typed totals that differ from their sums: ask before doing that.
          if (on && !computedTotalsAgree(store.document()) && !window.confirm(t("editor.computedConfirm"))) return;
          store.setComputedOn(on);
          saveComputedChoice(store.reportId, on);
        }}
      />
      {t("editor.computed")}
    </label>
  );
}

function Sections({ lang }: { lang: Lang }) {
  const store = useEditorStore();
  const format = store.format;
  return (
    <div className="flex flex-col gap-4">
      {[...format.def.sections]
        .sort((a, b) => a.order - b.order)
        .map((section) => {
          if (section.kind === "text") return <TextSection key={section.id} section={section} lang={lang} />;
          const layout = format.layouts.find((l) => l.tableId === section.table);
          if (!layout) return null;
          const headingId = `table-${layout.tableId}`;
          return (
            // isolate: each table is painted as its own layer, so a change elsewhere leaves it untouched.
            <section
              key={section.id}
              aria-labelledby={headingId}
              className="isolate rounded-md border border-slate-200 bg-white p-3"
              data-table={layout.tableId}
            >
              <h2 id={headingId} className="mb-2 text-base font-semibold text-slate-900">
                {section.heading[lang]}
              </h2>
              <div className="overflow-x-auto">
                <ReportTable format={format} layout={layout} lang={lang} labelledBy={headingId} />
              </div>
              {section.table && balanceTable(store) === section.table && <BalanceLine lang={lang} />}
            </section>
          );
        })}
    </div>
  );
}

/** The table the balance identity is about (the table of its first cell), if the format has one. */
function balanceTable(store: EditorStore): string | undefined {
  const first = balanceLine(store.document())?.columns[0]?.lhs.cells[0];
  return first ? store.format.cellById.get(first)?.table : undefined;
}
