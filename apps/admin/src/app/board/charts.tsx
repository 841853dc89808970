"use client";
/** The region's charts from aggregate.get of this year and the last: outcomes, applicants, year over year. */
import { useQuery } from "@tanstack/react-query";
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { applicantSlices, type MetricKey, outcomeSlices, yearMetrics } from "@/lib/chart-data";
import { useLang, useT } from "@/lib/i18n";
import { useTRPC } from "@/trpc/client";

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';
const METRICS: readonly MetricKey[] = ["received", "handled", "reviews", "lawsuits"];

function Chart({ option, label }: { option: echarts.EChartsCoreOption; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Options are rebuilt on every render; redraw only when their content changes.
  const key = JSON.stringify(option);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "canvas" });
    chart.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...(JSON.parse(key) as echarts.EChartsCoreOption) });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [key]);
  return <div ref={ref} role="img" aria-label={label} className="h-64 w-full" />;
}

/** A chart under its caption; `label` reads its figures out, after the title, for those who cannot see it. */
function ChartFigure({ title, note, label, option }: { title: string; note?: string; label: string; option: echarts.EChartsCoreOption }) {
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium">
        {title}
        {note && <span className="ml-2 text-xs font-normal text-slate-500">{note}</span>}
      </figcaption>
      <Chart label={`${title}：${label}`} option={option} />
    </figure>
  );
}

export function RegionCharts({ year }: { year: number }) {
  const t = useT();
  const lang = useLang();
  const trpc = useTRPC();
  const current = useQuery(trpc.aggregate.get.queryOptions({ year }));
  const previous = useQuery(trpc.aggregate.get.queryOptions({ year: year - 1 }));
  if (current.error) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <Loading label={t("board.chartsLoading")} />;
  const doc = current.data.report;
  if (!doc) return <Empty>{t("board.chartNoData")}</Empty>;

  const outcomes = outcomeSlices(doc, lang);
  const applicants = applicantSlices(doc, lang);
  const now = yearMetrics(doc);
  const before = yearMetrics(previous.data?.report ?? null);
  const describe = (slices: { name: string; value: number }[]) => slices.map((s) => `${s.name} ${s.value}`).join("，");

  return (
    <div className="grid grid-cols-1 gap-4 p-4 lg:grid-cols-3">
      <ChartFigure
        title={t("board.chartOutcomes")}
        label={describe(outcomes)}
        option={{
          tooltip: { trigger: "item" },
          series: [{ type: "pie", radius: ["35%", "65%"], data: outcomes, label: { fontSize: 11 } }],
        }}
      />
      <ChartFigure
        title={t("board.chartApplicants")}
        label={describe(applicants)}
        option={{
          tooltip: { trigger: "axis" },
          grid: { left: 110, right: 16, top: 8, bottom: 24 },
          xAxis: { type: "value" },
          yAxis: { type: "category", data: applicants.map((a) => a.name), inverse: true, axisLabel: { fontSize: 11 } },
          series: [{ type: "bar", data: applicants.map((a) => a.value), itemStyle: { color: "#1f5fa8" } }],
        }}
      />
      <ChartFigure
        title={t("board.chartYoY")}
        note={t("board.counted", { n: current.data.inputs.length })}
        label={METRICS.map((m) => `${t(`metric.${m}`)} ${year - 1}: ${before[m] ?? "—"}, ${year}: ${now[m] ?? "—"}`).join("；")}
        option={{
          tooltip: { trigger: "axis" },
          legend: { top: 0 },
          grid: { left: 40, right: 16, top: 32, bottom: 24 },
          xAxis: { type: "category", data: METRICS.map((m) => t(`metric.${m}`)) },
          yAxis: { type: "value" },
          series: [
            { type: "bar", name: String(year - 1), data: METRICS.map((m) => before[m]), itemStyle: { color: "#94a3b8" } },
            { type: "bar", name: String(year), data: METRICS.map((m) => now[m]), itemStyle: { color: "#1f5fa8" } },
          ],
        }}
      />
    </div>
  );
}
