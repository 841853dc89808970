"use client";
/** The report's life as one timeline: saved revisions, workflow steps with comments, publications. */
import type { UseQueryResult } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { useLang, useT } from "@/lib/i18n";
import { ACTION_LABELS, labelOf, STATUS_LABELS } from "@/lib/status";
import type { RouterOutputs } from "@/trpc/types";

type History = RouterOutputs["reports"]["history"];

interface Entry {
  at: string;
  title: string;
  who?: string;
  detail?: string | null;
  tone: "revision" | "step" | "publication";
}

function formatTime(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    dateStyle: "medium",
    timeStyle: "short",
  });
}

export function HistoryTimeline({ history }: { history: UseQueryResult<History, unknown> }) {
  const t = useT();
  const lang = useLang();
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Loading />;
  const { revisions, events, publications } = history.data;
  const entries: Entry[] = [
    ...revisions.map((r) => ({
      at: r.createdAt,
      title: t("history.revision", { n: r.revisionNo }),
      who: `${r.authorName}${r.viaToken ? `（${t("history.viaToken")}）` : ""}`,
      detail: [
        t("history.source", { source: r.source }),
        r.note,
        t("findings.summary", { errors: r.summary.error, warnings: r.summary.warning }),
      ]
        .filter(Boolean)
        .join(" · "),
      tone: "revision" as const,
    })),
    ...events.map((e) => ({
      at: e.createdAt,
      title: t("history.step", {
        action: labelOf(ACTION_LABELS, e.action, lang),
        from: labelOf(STATUS_LABELS, e.fromStatus, lang),
        to: labelOf(STATUS_LABELS, e.toStatus, lang),
      }),
      who: e.actorName,
      detail: e.comment,
      tone: "step" as const,
    })),
    ...publications.map((p) => ({
      at: p.publishedAt,
      title: t("history.published", { n: p.revisionNo, date: p.publishedOn }),
      detail: p.changeNote,
      tone: "publication" as const,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0) return <Empty>{t("history.empty")}</Empty>;
  const dot = { revision: "bg-slate-400", step: "bg-brand-600", publication: "bg-emerald-600" } as const;
  return (
    <Card>
      <ol className="relative m-4 border-l border-slate-200">
        {entries.map((entry, i) => (
          <li key={i} className="mb-4 ml-4">
            <span aria-hidden className={`absolute -left-1.5 mt-1.5 size-3 rounded-full ${dot[entry.tone]}`} />
            <div className="text-sm">
              <span className="font-medium">{entry.title}</span>
              {entry.who && <span className="text-slate-600"> · {entry.who}</span>}
            </div>
            <time dateTime={entry.at} className="tabular text-xs text-slate-500">
              {formatTime(entry.at, lang)}
            </time>
            {entry.detail && <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700">{entry.detail}</p>}
          </li>
        ))}
      </ol>
    </Card>
  );
}
