"use client";
/** Small pieces shown wherever reports are listed: status, deadline, findings counts. */
import { Badge } from "@/components/ui/badge";
import { daysUntil } from "@nianbao/core";
import { useLang, useT } from "@/lib/i18n";
import { labelOf, STATUS_LABELS } from "@/lib/status";
import type { ReportStatus } from "@/trpc/types";

export function StatusBadge({ status }: { status: ReportStatus | null }) {
  const lang = useLang();
  const t = useT();
  if (!status) return <Badge tone="gray">{t("home.noReport")}</Badge>;
  return <Badge tone={STATUS_LABELS[status].tone}>{labelOf(STATUS_LABELS, status, lang)}</Badge>;
}

/** The deadline with days left, due today or days late (once published: the publication date). */
export function Deadline({ deadline, today, publishedOn }: { deadline: string; today: string; publishedOn?: string | null }) {
  const t = useT();
  const days = daysUntil(deadline, publishedOn ?? today);
  const late = days < 0;
  let note: string;
  if (publishedOn) note = t("home.publishedOn", { date: publishedOn });
  else if (days === 0) note = t("home.dueToday");
  else note = late ? t("home.late", { days: -days }) : t("home.daysLeft", { days });
  return (
    <span className="tabular flex flex-col leading-tight">
      <span>{deadline}</span>
      <span
        className={
          late ? "text-xs font-medium text-red-600" : days <= 14 && !publishedOn ? "text-xs text-amber-700" : "text-xs text-slate-500"
        }
      >
        {publishedOn && late ? `${note} · ${t("home.late", { days: -days })}` : note}
      </span>
    </span>
  );
}

export function FindingsCounts({ summary }: { summary: { error: number; warning: number } | null | undefined }) {
  const t = useT();
  if (!summary) return <span className="text-slate-500">—</span>;
  if (!summary.error && !summary.warning) return <span className="text-xs text-emerald-700">{t("home.noFindings")}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {summary.error > 0 && <Badge tone="red">{t("home.errors", { n: summary.error })}</Badge>}
      {summary.warning > 0 && <Badge tone="amber">{t("home.warnings", { n: summary.warning })}</Badge>}
    </span>
  );
}
