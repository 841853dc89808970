"use client";
/**
 * One statutory table drawn from the format's layout: merged headers as <th> with their spans and
 * scopes, row labels as row headers, figures as grid cells. Nothing here names a row or a cell; the
 * layout comes from @nianbao/core. The table is a WAI-ARIA grid with one tab stop (roving tabindex).
 */
import type { CompiledFormat, Lang, LayoutCell, TableLayout } from "@nianbao/core";
import { memo } from "react";
import { cn } from "@/lib/cn";
import { GridCell } from "./grid-cell";

/** Column widths per kind of table, so 三's seven figures and long labels fit 1366 px. */
function columnWidths(format: CompiledFormat, layout: TableLayout): (string | undefined)[] {
  const table = format.tableById.get(layout.tableId);
  const dataColumns = layout.columns - layout.labelColumns;
  if (table?.kind === "matrix") return [...["2.25rem", "5.5rem", undefined], ...Array<string>(dataColumns).fill("4.75rem")];
  if (table?.kind === "blocks") return [undefined, ...Array<string>(dataColumns).fill("9rem")];
  return Array<string | undefined>(layout.columns).fill(undefined);
}

function HeaderCell({ cell, lang, scope }: { cell: LayoutCell; lang: Lang; scope: "col" | "colgroup" | "row" | "rowgroup" }) {
  return (
    <th
      scope={scope}
      rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined}
      colSpan={cell.colspan > 1 ? cell.colspan : undefined}
      className={cn(
        "border border-slate-300 px-1.5 py-1 text-xs leading-snug font-medium text-slate-700",
        scope === "row" || scope === "rowgroup" ? "bg-white text-left" : "bg-slate-100 text-center",
      )}
    >
      {cell.label?.[lang]}
    </th>
  );
}

export const ReportTable = memo(function ReportTable({
  format,
  layout,
  lang,
  labelledBy,
}: {
  format: CompiledFormat;
  layout: TableLayout;
  lang: Lang;
  labelledBy: string;
}) {
  const widths = columnWidths(format, layout);
  return (
    <table
      role="grid"
      aria-labelledby={labelledBy}
      aria-describedby="grid-help"
      className="w-full table-fixed border-collapse bg-white text-sm"
    >
      <colgroup>
        {widths.map((width, i) => (
          <col key={i} style={width ? { width } : undefined} />
        ))}
      </colgroup>
      {layout.headerRows > 0 && (
        <thead>
          {layout.rows.slice(0, layout.headerRows).map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <HeaderCell key={c} cell={cell} lang={lang} scope={cell.colspan > 1 ? "colgroup" : "col"} />
              ))}
            </tr>
          ))}
        </thead>
      )}
      <tbody>
        {layout.rows.slice(layout.headerRows).map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => {
              if (cell.role === "data" && cell.cellId) {
                const def = format.cellById.get(cell.cellId)!;
                return (
                  // The cell's content is positioned over the cell rather than in its flow: typing in it
                  // or marking it then never makes the browser lay out the whole table again.
                  <td
                    key={c}
                    role="gridcell"
                    colSpan={cell.colspan > 1 ? cell.colspan : undefined}
                    className="relative h-8 border border-slate-300 p-0"
                  >
                    <GridCell cell={def} lang={lang} />
                  </td>
                );
              }
              const scope =
                cell.role === "label"
                  ? cell.rowspan > 1
                    ? "rowgroup"
                    : "row"
                  : cell.role === "title" || cell.colspan > 1
                    ? "colgroup"
                    : "col";
              return <HeaderCell key={c} cell={cell} lang={lang} scope={scope} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
