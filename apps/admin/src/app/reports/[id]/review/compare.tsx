"use client";
/** What changed between revisions: since the last submission, or any two side by side. */
import type { FormatVersion } from "@nianbao/core";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ReportTables } from "@/components/report-tables";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Label, NativeSelect } from "@/components/ui/input";
import { TableFrame, Td, Th } from "@/components/ui/table";
import { Empty, ErrorState, Loading, QueryView } from "@/components/ui/states";
import { useT } from "@/lib/i18n";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";

type History = RouterOutputs["reports"]["history"];
type Change = RouterOutputs["reports"]["diff"]["changes"][number];

/** The newest revision submitted before `current` (the filer's previous submission), if any. */
function lastSubmissionBefore(history: History, current: number): number | null {
  const submitted = history.events.filter((e) => e.action === "submit" && e.revisionNo < current).map((e) => e.revisionNo);
  return submitted.length ? Math.max(...submitted) : null;
}

export function SinceLastSubmission({
  reportId,
  history,
  current,
  version,
}: {
  reportId: string;
  history: UseQueryResult<History, unknown>;
  current: number;
  version: FormatVersion;
}) {
  const t = useT();
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Loading />;
  const from = lastSubmissionBefore(history.data, current);
  if (from === null) return <Empty>{t("diff.firstSubmission")}</Empty>;
  return (
    <Card>
      <CardHeader title={t("diff.sinceSubmission", { from, to: current })} />
      <DiffTable reportId={reportId} from={from} to={current} version={version} />
    </Card>
  );
}

function DiffTable({ reportId, from, to, version: _version }: { reportId: string; from: number; to: number; version: FormatVersion }) {
  const t = useT();
  const trpc = useTRPC();
  const diff = useQuery(trpc.reports.diff.queryOptions({ id: reportId, from, to }));
  return (
    <QueryView query={diff} isEmpty={(d) => d.changes.length === 0} empty={t("diff.noChanges")}>
      {(data) => <ChangesTable changes={data.changes} />}
    </QueryView>
  );
}

function ChangesTable({ changes }: { changes: Change[] }) {
  const t = useT();
  return (
    <TableFrame>
      <caption className="sr-only">{t("diff.changes", { n: changes.length })}</caption>
      <thead>
        <tr>
          <Th>{t("diff.item")}</Th>
          <Th className="text-right">{t("diff.before")}</Th>
          <Th className="text-right">{t("diff.after")}</Th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={`${change.kind}-${change.id}`} data-change={change.id}>
            <Td>{change.label}</Td>
            {change.kind === "section" ? (
              <Td colSpan={2}>
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700">{t("diff.textChanged")}</summary>
                  <div className="mt-2 grid grid-cols-2 gap-3 text-xs whitespace-pre-wrap">
                    <div className="rounded bg-red-50 p-2">{String(change.before ?? "")}</div>
                    <div className="rounded bg-emerald-50 p-2">{String(change.after ?? "")}</div>
                  </div>
                </details>
              </Td>
            ) : (
              <>
                <Td className="tabular text-right text-slate-500 line-through decoration-slate-300">
                  {change.before === null ? "—" : String(change.before)}
                </Td>
                <Td className="tabular text-right font-medium">{change.after === null ? "—" : String(change.after)}</Td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

export function CompareRevisions({
  reportId,
  history,
  current,
}: {
  reportId: string;
  history: UseQueryResult<History, unknown>;
  current: number;
}) {
  const t = useT();
  const [from, setFrom] = useState(Math.max(1, current - 1));
  const [to, setTo] = useState(current);
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Loading />;
  const revisions = [...history.data.revisions].sort((a, b) => a.revisionNo - b.revisionNo);
  if (revisions.length < 2) return <Empty>{t("diff.noChanges")}</Empty>;
  const option = (r: (typeof revisions)[number]) => (
    <option key={r.revisionNo} value={r.revisionNo}>
      {t("report.revision", { n: r.revisionNo })} · {r.authorName} · {r.createdAt.slice(0, 10)}
    </option>
  );
  return (
    <div className="space-y-4">
      <Card>
        <CardBody className="flex flex-wrap items-end gap-4">
          {(
            [
              ["compare-from", "diff.from", from, setFrom],
              ["compare-to", "diff.to", to, setTo],
            ] as const
          ).map(([id, label, value, set]) => (
            <div key={id}>
              <Label htmlFor={id}>{t(label)}</Label>
              <NativeSelect id={id} value={value} onChange={(e) => set(Number(e.target.value))} className="w-72">
                {revisions.map(option)}
              </NativeSelect>
            </div>
          ))}
        </CardBody>
      </Card>
      {from !== to && <SideBySide reportId={reportId} from={from} to={to} />}
    </div>
  );
}

function SideBySide({ reportId, from, to }: { reportId: string; from: number; to: number }) {
  const t = useT();
  const trpc = useTRPC();
  const diff = useQuery(trpc.reports.diff.queryOptions({ id: reportId, from, to }));
  const before = useQuery(trpc.reports.get.queryOptions({ id: reportId, revision: from }));
  const after = useQuery(trpc.reports.get.queryOptions({ id: reportId, revision: to }));
  const failed = diff.error ?? before.error ?? after.error;
  if (failed) return <ErrorState error={failed} />;
  if (!diff.data || !before.data || !after.data) return <Loading />;
  const changed = new Set(diff.data.changes.filter((c) => c.kind === "cell").map((c) => c.id));
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader title={t("diff.changes", { n: diff.data.changes.length })} />
        {diff.data.changes.length ? <ChangesTable changes={diff.data.changes} /> : <Empty>{t("diff.noChanges")}</Empty>}
      </Card>
      <Card>
        <CardHeader title={t("diff.sideBySide")} />
        <CardBody className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          {[before.data, after.data].map((side) => (
            <div key={side.revision.revisionNo} className="min-w-0">
              <h3 className="mb-2 text-sm font-semibold text-slate-600">{t("report.revision", { n: side.revision.revisionNo })}</h3>
              <ReportTables
                version={side.document.formatVersion}
                document={side.document}
                mark={(cell) => (changed.has(cell) ? "changed" : undefined)}
              />
            </div>
          ))}
        </CardBody>
      </Card>
    </div>
  );
}
