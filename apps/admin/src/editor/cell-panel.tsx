"use client";
/** The focused cell: where it is on the form, last year's figure, and its own findings. */
import { cellInputText, cellPath, cellValueOf, type Lang } from "@nianbao/core";
import { useEditorStore, useStoreValue } from "./hooks";
import { useEditorT } from "./strings";
import type { EditorStore } from "./store";

const selectActive = (store: EditorStore) => store.active();
const selectFindings = (store: EditorStore) => store.getFindings();

export function CellPanel({ lang }: { lang: Lang }) {
  const store = useEditorStore();
  const active = useStoreValue(store, selectActive);
  const findings = useStoreValue(store, selectFindings);
  const t = useEditorT();
  const cell = active ? store.format.cellById.get(active) : undefined;
  if (!cell) {
    return (
      <section aria-label={t("cell.title")} className="text-xs text-slate-500">
        {t("cell.none")}
      </section>
    );
  }
  const own = findings.filter((f) => f.severity !== "info" && f.cells.includes(cell.id));
  const previous = store.previous;
  // Last year's report may be in the other format: the same cell id is the same figure when it exists.
  const lastYear = previous ? cellValueOf(previous, cell.id) : undefined;
  const lastYearText =
    previous === null
      ? t("cell.lastYearNone")
      : lastYear === null || lastYear === undefined
        ? t("cell.lastYearEmpty")
        : t("cell.lastYear", { value: cellInputText(lastYear) });
  return (
    <section aria-labelledby="cell-panel-heading" className="text-sm" data-cell-panel={cell.id}>
      <h2 id="cell-panel-heading" className="text-xs font-semibold text-slate-500">
        {t("cell.title")}
      </h2>
      <p className="mt-0.5 font-medium text-slate-900">{cellPath(cell, lang)}</p>
      {store.isComputed(cell.id) && <p className="text-xs text-slate-500">{t("editor.computedHint")}</p>}
      <p className="tabular mt-1 text-xs text-slate-600" data-last-year>
        {lastYearText}
      </p>
      {own.length === 0 ? (
        <p className="mt-1 text-xs text-emerald-700">{t("cell.noFindings")}</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-1">
          {own.map((f, i) => (
            <li key={i} className={f.severity === "error" ? "text-xs text-red-700" : "text-xs text-amber-800"}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
