"use client";
/**
 * 进度看板 (disclosure office): every organisation of the subtree for the year with status, deadline,
 * lateness and findings, filtered by URL search params (?status=draft,none&late=1&errors=1&q=教育),
 * and charts of the region.
 */
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Deadline, StatusBadge } from "@/components/report-bits";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { Loading, QueryView } from "@/components/ui/states";
import { DataTable, Td, Th } from "@/components/ui/table";
import { useLang, useT } from "@/lib/i18n";
import { labelOf, STATUS_LABELS, STATUS_ORDER } from "@/lib/status";
import { useSetSearchParams, useYear, withYear } from "@/lib/year";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";

type Progress = RouterOutputs["stats"]["progress"];
type Row = Progress["rows"][number];

// echarts touches `window`: loaded in the browser only, after the table.
const RegionCharts = dynamic(() => import("./charts").then((m) => m.RegionCharts), { ssr: false, loading: () => <Loading /> });

/** "none" stands for organisations with no report yet. */
const STATUS_FILTERS = [...STATUS_ORDER, "none"] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

function useFilters() {
  const params = useSearchParams();
  const statuses = new Set((params.get("status") ?? "").split(",").filter((s): s is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(s)));
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
  const trpc = useTRPC();
  const year = useYear();
  const progress = useQuery(trpc.stats.progress.queryOptions({ year }));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("board.title")}</h1>
      <QueryView query={progress}>{(data) => <Board data={data} year={year} />}</QueryView>
      <Card>
        <CardHeader title={t("board.charts", { year })} />
        <RegionCharts year={year} />
      </Card>
    </div>
  );
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
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={filters.late} onChange={(e) => setParams({ late: e.target.checked ? "1" : null })} className="size-4" />
          {t("board.lateOnly")}
        </label>
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={filters.errors} onChange={(e) => setParams({ errors: e.target.checked ? "1" : null })} className="size-4" />
          {t("board.withErrors")}
        </label>
        <div className="w-56">
          <Label htmlFor="board-q" className="sr-only">
            {t("board.search")}
          </Label>
          <Input id="board-q" type="search" placeholder={t("board.search")} defaultValue={filters.q} onChange={(e) => setParams({ q: e.target.value || null })} />
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
        <DataTable>
          <thead>
            <tr>
              <Th>{t("home.org")}</Th>
              <Th>{t("home.status")}</Th>
              <Th className="text-right">{t("board.revision")}</Th>
              <Th className="text-right">{t("board.errors")}</Th>
              <Th className="text-right">{t("board.warnings")}</Th>
              <Th>{t("home.deadline")}</Th>
              <Th>
                <span className="sr-only">{t("common.open")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.orgId} data-org={row.orgId} className={row.late && !row.publishedOn ? "bg-red-50/40" : undefined}>
                <Td className="font-medium">{row.orgName}</Td>
                <Td>
                  <StatusBadge status={row.status} />
                </Td>
                <Td className="tabular text-right">{row.revision ?? "—"}</Td>
                <Td className={`tabular text-right ${row.findings?.error ? "font-medium text-red-600" : ""}`}>{row.findings?.error ?? "—"}</Td>
                <Td className={`tabular text-right ${row.findings?.warning ? "text-amber-700" : ""}`}>{row.findings?.warning ?? "—"}</Td>
                <Td>
                  <Deadline deadline={row.deadline} today={data.today} publishedOn={row.publishedOn} />
                </Td>
                <Td className="text-right">
                  {row.reportId && (
                    <Link className="text-sm text-brand-700 underline-offset-2 hover:underline" href={withYear(`/reports/${row.reportId}/review`, year)}>
                      {t("common.open")}
                    </Link>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Card>
  );
}
