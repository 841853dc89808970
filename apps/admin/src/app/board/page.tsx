"use client";
/**
 * 进度看板 (disclosure office): every organisation of the subtree for the year with status, deadline,
 * lateness and findings, filtered by URL search params (?status=draft,none&late=1&errors=1&q=教育),
 * and charts of the region.
 */
import dynamic from "next/dynamic";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { PageTitled, type Progress, type ProgressRow, progressColumns, useProgress } from "@/components/progress";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { Loading, QueryView } from "@/components/ui/states";
import { type Column, DataTable } from "@/components/ui/table";
import { type Translate, useLang, useT } from "@/lib/i18n";
import { labelOf, STATUS_LABELS, STATUS_ORDER } from "@/lib/status";
import { useSetSearchParams, withYear } from "@/lib/year";

type Row = ProgressRow;

// echarts touches `window`: loaded in the browser only, after the table.
const RegionCharts = dynamic(() => import("./charts").then((m) => m.RegionCharts), { ssr: false, loading: () => <Loading /> });

/** "none" stands for organisations with no report yet. */
const STATUS_FILTERS = [...STATUS_ORDER, "none"] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

function useFilters() {
  const params = useSearchParams();
  const statuses = new Set(
    (params.get("status") ?? "").split(",").filter((s): s is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(s)),
  );
  return { statuses, late: params.get("late") === "1", errors: params.get("errors") === "1", q: params.get("q") ?? "" };
}

function matches(row: Row, f: ReturnType<typeof useFilters>): boolean {
  if (f.statuses.size && !f.statuses.has(row.status ?? "none")) return false;
  if (f.late && !row.late) return false;
  if (f.errors && !(row.findings && row.findings.error > 0)) return false;
  if (f.q && !row.orgName.includes(f.q.trim())) return false;
  return true;
}

export default function BoardPage() {
  const t = useT();
  const { year, progress } = useProgress();
  return (
    <PageTitled title={t("board.title")}>
      <QueryView query={progress}>{(data) => <Board data={data} year={year} />}</QueryView>
      <Card>
        <CardHeader title={t("board.charts", { year })} />
        <RegionCharts year={year} />
      </Card>
    </PageTitled>
  );
}

/** A count in a right-aligned column, a dash where there is no report. */
function countColumn(header: string, count: (row: Row) => number | null | undefined, emphasis: string): Column<Row> {
  return {
    header,
    headerClassName: "text-right",
    className: (row) => `tabular text-right ${count(row) ? emphasis : ""}`,
    cell: (row) => count(row) ?? "—",
  };
}

function boardColumns(t: Translate, today: string, year: number): Column<Row>[] {
  const { org, status, deadline } = progressColumns(t, today);
  return [
    org,
    status,
    { header: t("board.revision"), headerClassName: "text-right", className: "tabular text-right", cell: (row) => row.revision ?? "—" },
    countColumn(t("board.errors"), (row) => row.findings?.error, "font-medium text-red-600"),
    countColumn(t("board.warnings"), (row) => row.findings?.warning, "text-amber-700"),
    deadline,
    {
      header: t("common.open"),
      hideHeader: true,
      className: "text-right",
      cell: (row) =>
        row.reportId && (
          <Link
            className="text-sm text-brand-700 underline-offset-2 hover:underline"
            href={withYear(`/reports/${row.reportId}/review`, year)}
          >
            {t("common.open")}
          </Link>
        ),
    },
  ];
}

function Board({ data, year }: { data: Progress; year: number }) {
  const t = useT();
  const lang = useLang();
  const filters = useFilters();
  const setParams = useSetSearchParams();
  const rows = data.rows.filter((row) => matches(row, filters));
  const toggleStatus = (status: StatusFilter) => {
    const next = new Set(filters.statuses);
    if (next.has(status)) next.delete(status);
    else next.add(status);
    setParams({ status: [...next].join(",") || null });
  };
  const statusCount = (s: StatusFilter) => (s === "none" ? data.totals.missing : (data.totals.byStatus[s] ?? 0));
  const filtered = filters.statuses.size > 0 || filters.late || filters.errors || filters.q !== "";

  return (
    <Card>
      <CardHeader title={t("board.summary", { total: data.totals.organisations, missing: data.totals.missing, late: data.totals.late })} />
      <div className="flex flex-wrap items-end gap-4 border-b border-slate-100 px-4 py-3">
        <fieldset className="flex flex-wrap items-center gap-1.5">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("board.filterStatus")}</legend>
          {STATUS_FILTERS.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={filters.statuses.has(s)}
              onClick={() => toggleStatus(s)}
              className="rounded-full border border-slate-300 px-2.5 py-1 text-xs text-slate-700 aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:text-brand-700"
            >
              {s === "none" ? t("board.notStarted") : labelOf(STATUS_LABELS, s, lang)} <span className="tabular">({statusCount(s)})</span>
            </button>
          ))}
        </fieldset>
        <FilterCheckbox checked={filters.late} onChange={(on) => setParams({ late: on ? "1" : null })} label={t("board.lateOnly")} />
        <FilterCheckbox checked={filters.errors} onChange={(on) => setParams({ errors: on ? "1" : null })} label={t("board.withErrors")} />
        <div className="w-56">
          <Label htmlFor="board-q" className="sr-only">
            {t("board.search")}
          </Label>
          <Input
            id="board-q"
            type="search"
            placeholder={t("board.search")}
            defaultValue={filters.q}
            onChange={(e) => setParams({ q: e.target.value || null })}
          />
        </div>
        {filtered && (
          <Button variant="ghost" size="sm" onClick={() => setParams({ status: null, late: null, errors: null, q: null })}>
            {t("board.clear")}
          </Button>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500">{t("board.noMatch")}</p>
      ) : (
        <DataTable
          columns={boardColumns(t, data.today, year)}
          rows={rows}
          rowKey={(row) => row.orgId}
          rowProps={(row) => ({ "data-org": row.orgId, className: row.late && !row.publishedOn ? "bg-red-50/40" : undefined })}
        />
      )}
    </Card>
  );
}

/** A yes/no filter of the board, kept in the page's address like the others. */
function FilterCheckbox({ checked, onChange, label }: { checked: boolean; onChange: (on: boolean) => void; label: string }) {
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="size-4" />
      {label}
    </label>
  );
}
