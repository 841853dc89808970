"use client";
/** Under table 三: per applicant column, 一＋二 against 三＋四 and the difference (core's balanceLine). */
import { balanceLine, type Lang } from "@nianbao/core";
import { memo, useMemo } from "react";
import { useEditorStore, useStoreValue } from "./hooks";
import { useEditorT } from "./strings";
import type { EditorStore } from "./store";
import { cn } from "@/lib/cn";

const selectDocument = (store: EditorStore) => store.document();

export const BalanceLine = memo(function BalanceLine({ lang }: { lang: Lang }) {
  const store = useEditorStore();
  const doc = useStoreValue(store, selectDocument);
  const t = useEditorT();
  const line = useMemo(() => balanceLine(doc, lang), [doc, lang]);
  if (!line) return null;
  const title = t("balance.title", { lhs: line.lhsLabel, rhs: line.rhsLabel });
  return (
    // Its own paint layer (isolate): it changes on nearly every keystroke, and the browser then repaints
    // just this line instead of everything around it.
    <div className="isolate mt-2 overflow-x-auto" data-balance-line>
      <table className="w-full border-collapse text-xs">
        <caption className="py-1 text-left font-medium text-slate-700">{title}</caption>
        <thead>
          <tr>
            <th scope="col" className="border border-slate-200 bg-slate-50 px-1.5 py-1 text-left font-medium">
              {t("balance.column")}
            </th>
            {line.columns.map((column) => (
              <th key={column.label} scope="col" className="border border-slate-200 bg-slate-50 px-1.5 py-1 font-medium">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular">
          <BalanceRow label={line.lhsLabel} columns={line.columns} cell={(column) => ({ text: column.lhs.sum ?? "—" })} />
          <BalanceRow label={line.rhsLabel} columns={line.columns} cell={(column) => ({ text: column.rhs.sum ?? "—" })} />
          <BalanceRow
            label={t("balance.difference")}
            columns={line.columns}
            cell={(column) => ({
              text:
                column.difference === null
                  ? t("balance.unknown")
                  : column.difference === 0
                    ? `0 ✓`
                    : column.difference > 0
                      ? `+${column.difference}`
                      : `${column.difference}`,
              difference: column.difference,
            })}
          />
        </tbody>
      </table>
    </div>
  );
});

type BalanceColumn = NonNullable<ReturnType<typeof balanceLine>>["columns"][number];

/** One line of the balance: its label, then a figure per applicant column (the difference line marked). */
function BalanceRow({
  label,
  columns,
  cell,
}: {
  label: string;
  columns: readonly BalanceColumn[];
  cell: (column: BalanceColumn) => { text: string | number; difference?: number | null };
}) {
  return (
    <tr>
      <th scope="row" className="border border-slate-200 px-1.5 py-1 text-left font-normal">
        {label}
      </th>
      {columns.map((column) => {
        const { text, difference } = cell(column);
        const marked = difference !== undefined;
        return (
          <td
            key={column.label}
            data-balance-difference={marked ? (difference ?? "") : undefined}
            className={cn("border border-slate-200 px-1.5 py-1 text-right", marked && differenceTone(difference))}
          >
            {text}
          </td>
        );
      })}
    </tr>
  );
}

function differenceTone(difference: number | null): string {
  if (difference === null) return "font-medium text-slate-400";
  return difference === 0 ? "font-medium text-emerald-700" : "font-medium bg-red-50 text-red-700";
}
