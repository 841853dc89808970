"use client";
/**
 * A report drawn read-only in the official layout: the three tables from the format's layout grids
 * (`getFormat(version).layouts`, the same data the editor and the exporters draw) and the text
 * sections under their headings. Nothing about the form is written here: labels, spans and cell ids
 * all come from @nianbao/core.
 *
 * Reused by the review, preview, roll-up and import pages; cells can be marked (changed, with an
 * error …), titled (a tooltip) and made clickable (roll-up: who contributed).
 */
import {
  type CellValue,
  type FormatVersion,
  getFormat,
  type Lang,
  label,
  type LayoutCell,
  readRawCell,
  type Sections,
  type SectionKey,
} from "@nianbao/core";
import { Fragment, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { useLang } from "@/lib/i18n";

export type CellMark = "changed" | "error" | "warning" | "info" | "selected" | "difference";

const MARK_CLASSES: Record<CellMark, string> = {
  changed: "bg-amber-100 ring-2 ring-inset ring-amber-400",
  error: "bg-red-50 ring-2 ring-inset ring-red-400",
  warning: "bg-amber-50 ring-1 ring-inset ring-amber-300",
  info: "bg-sky-50",
  selected: "bg-brand-100 ring-2 ring-inset ring-brand-600",
  // Reconciliation can differ in many cells: a quieter mark than an error.
  difference: "font-semibold text-red-700 underline decoration-red-400 decoration-dotted underline-offset-4",
};

export interface ReportTablesProps {
  version: FormatVersion;
  /** Where values come from: a document, or any lookup by cell id (the roll-up's cells). */
  document?: { sections: Sections; tables: unknown } | null;
  cellValue?: (cellId: string) => CellValue | undefined;
  mark?: (cellId: string) => CellMark | undefined;
  /** Tooltip / accessible description of a cell. */
  describe?: (cellId: string) => string | undefined;
  /** Makes data cells buttons (keyboard reachable) that report the cell chosen. */
  onCellClick?: (cellId: string) => void;
  /** Only these tables (by id); default: all. */
  tables?: readonly string[];
  /** Draw the text sections too, in the form's order. */
  withSections?: boolean;
  /** Extra content rendered after a table's heading (per table id). */
  aside?: (tableId: string) => ReactNode;
}

function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  return String(value);
}

export function ReportTables(props: ReportTablesProps) {
  const lang = useLang();
  const format = getFormat(props.version);
  const layouts = new Map(format.layouts.map((layout) => [layout.tableId, layout]));
  const valueOf = (cellId: string): unknown => {
    if (props.cellValue) return props.cellValue(cellId);
    const cell = format.cellById.get(cellId);
    return cell && props.document ? readRawCell(props.document.tables, cell) : undefined;
  };

  return (
    <div className="space-y-6">
      {format.def.sections.map((section) => {
        if (section.kind === "text") {
          if (!props.withSections) return null;
          const key = section.key as SectionKey;
          const text = props.document?.sections[key] ?? "";
          return (
            <section key={section.id} aria-labelledby={`h-${section.id}`}>
              <h3 id={`h-${section.id}`} className="mb-2 text-base font-semibold">
                {label(lang, section.heading)}
              </h3>
              {text.trim() ? (
                <div className="space-y-2 text-sm leading-7 text-slate-800">
                  {text.split(/\n+/).map((paragraph, i) => (
                    <p key={i} className="indent-8">
                      {paragraph}
                    </p>
                  ))}
                </div>
              ) : (
                <p className="text-sm text-slate-500">{lang === "zh" ? "（未填写）" : "(empty)"}</p>
              )}
            </section>
          );
        }
        const layout = section.table ? layouts.get(section.table) : undefined;
        if (!layout || (props.tables && !props.tables.includes(layout.tableId))) return null;
        return (
          <section key={section.id} aria-labelledby={`h-${section.id}`}>
            <h3 id={`h-${section.id}`} className="mb-2 text-base font-semibold">
              {label(lang, section.heading)}
            </h3>
            {props.aside?.(layout.tableId)}
            <div className="overflow-x-auto">
              <table className="w-full border-collapse border border-slate-400 text-[13px] leading-snug">
                <tbody>
                  {layout.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <Fragment key={c}>{renderCell(cell, lang, valueOf, props)}</Fragment>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}

function renderCell(cell: LayoutCell, lang: Lang, valueOf: (id: string) => unknown, props: ReportTablesProps): ReactNode {
  const spans = { rowSpan: cell.rowspan, colSpan: cell.colspan };
  if (cell.role !== "data") {
    const text = cell.label ? label(lang, cell.label) : "";
    const tone =
      cell.role === "title"
        ? "bg-slate-100 text-center font-semibold"
        : cell.role === "header"
          ? "bg-slate-50 text-center font-medium"
          : "text-left";
    return (
      <th
        {...spans}
        scope={cell.role === "label" ? "row" : "col"}
        className={cn("border border-slate-300 px-2 py-1 align-middle font-normal", tone)}
      >
        {text}
      </th>
    );
  }
  const id = cell.cellId!;
  const value = displayValue(valueOf(id));
  const mark = props.mark?.(id);
  const description = props.describe?.(id);
  const content = value || <span className="sr-only">{lang === "zh" ? "空" : "empty"}</span>;
  return (
    <td
      {...spans}
      data-cell-view={id}
      title={description}
      className={cn("tabular min-w-12 border border-slate-300 px-2 py-1 text-center align-middle", mark && MARK_CLASSES[mark])}
    >
      {props.onCellClick ? (
        <button
          type="button"
          className="w-full rounded-sm text-center"
          onClick={() => props.onCellClick!(id)}
          aria-label={description ? `${value || "—"}：${description}` : undefined}
        >
          {content}
        </button>
      ) : (
        content
      )}
    </td>
  );
}
