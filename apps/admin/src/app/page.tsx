"use client";
/**
 * 工作台: what the signed-in person has to do for the chosen year — reports to start, fill in,
 * review, sign or publish — with the statutory deadline, and every report of the year below.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Deadline, FindingsCounts, StatusBadge } from "@/components/report-bits";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable, Td, Th } from "@/components/ui/table";
import { Empty, QueryView } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { useLang, useT } from "@/lib/i18n";
import { CAN, useMe } from "@/lib/session";
import { ACTION_LABELS, labelOf, TODO_LABELS } from "@/lib/status";
import { useYear, withYear } from "@/lib/year";
import { useTRPC } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";
import type { RouterOutputs, WorkflowAction } from "@/trpc/types";

type ProgressRow = RouterOutputs["stats"]["progress"]["rows"][number];

/** Actions that put a report on someone's desk (return and correct are choices, not tasks). */
const TASKS: readonly WorkflowAction[] = ["submit", "review", "sign", "publish"];

/** Where each task is done. */
function taskHref(action: WorkflowAction | "create", reportId: string, year: number): string {
  if (action === "submit") return withYear(`/reports/${reportId}`, year);
  if (action === "publish") return withYear(`/reports/${reportId}/preview`, year);
  return withYear(`/reports/${reportId}/review`, year);
}

export default function HomePage() {
  const t = useT();
  const trpc = useTRPC();
  const year = useYear();
  const progress = useQuery(trpc.stats.progress.queryOptions({ year }));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("home.title")}</h1>
      <QueryView query={progress} isEmpty={(d) => d.rows.length === 0} empty={t("home.none")}>
        {(data) => <Work rows={data.rows} today={data.today} year={year} />}
      </QueryView>
    </div>
  );
}

function Work({ rows, today, year }: { rows: ProgressRow[]; today: string; year: number }) {
  const t = useT();
  const lang = useLang();
  const me = useMe().data!;
  // What the caller may do with each report comes from the server, with the progress rows.
  const tasks = rows.flatMap((row): { row: ProgressRow; action: WorkflowAction | "create" }[] => {
    if (!row.reportId) return CAN.edit(me.role) ? [{ row, action: "create" }] : [];
    return row.actions.filter((a) => TASKS.includes(a)).map((action) => ({ row, action }));
  });

  return (
    <>
      <Card>
        <CardHeader title={t("home.todo")} />
        {tasks.length === 0 ? (
          <Empty>{t("home.todoNone", { year })}</Empty>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tasks.map(({ row, action }) => (
              <li key={`${row.orgId}-${action}`} className="flex flex-wrap items-center gap-4 px-4 py-3">
                <div className="min-w-48 flex-1">
                  <div className="font-medium">{row.orgName}</div>
                  <div className="text-sm text-slate-500">{action === "create" ? t("home.toCreate") : labelOf(TODO_LABELS, action, lang)}</div>
                </div>
                <StatusBadge status={row.status} />
                <FindingsCounts summary={row.findings} />
                <div className="w-36 text-sm">
                  <Deadline deadline={row.deadline} today={today} publishedOn={row.publishedOn} />
                </div>
                {action === "create" ? (
                  <CreateButton orgId={row.orgId} year={year} />
                ) : (
                  <Button asChild size="sm">
                    {/* "submit" opens the editor, where the report is finished and submitted: the button says so. */}
                    <Link href={taskHref(action, row.reportId!, year)}>{action === "submit" ? t("home.openEditor") : labelOf(ACTION_LABELS, action, lang)}</Link>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <CardHeader title={t("home.allReports", { year })} />
        <DataTable>
          <thead>
            <tr>
              <Th>{t("home.org")}</Th>
              <Th>{t("home.status")}</Th>
              <Th>{t("home.findings")}</Th>
              <Th>{t("home.deadline")}</Th>
              <Th>
                <span className="sr-only">{t("common.open")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.orgId}>
                <Td className="font-medium">{row.orgName}</Td>
                <Td>
                  <StatusBadge status={row.status} />
                </Td>
                <Td>
                  <FindingsCounts summary={row.findings} />
                </Td>
                <Td>
                  <Deadline deadline={row.deadline} today={today} publishedOn={row.publishedOn} />
                </Td>
                <Td className="text-right whitespace-nowrap">
                  {row.reportId ? (
                    <span className="inline-flex gap-3 text-sm">
                      <Link className="text-brand-700 underline-offset-2 hover:underline" href={withYear(`/reports/${row.reportId}`, year)}>
                        {t("home.openEditor")}
                      </Link>
                      <Link className="text-brand-700 underline-offset-2 hover:underline" href={withYear(`/reports/${row.reportId}/review`, year)}>
                        {t("home.openReview")}
                      </Link>
                      <Link className="text-brand-700 underline-offset-2 hover:underline" href={withYear(`/reports/${row.reportId}/preview`, year)}>
                        {t("home.openPreview")}
                      </Link>
                    </span>
                  ) : CAN.edit(me.role) ? (
                    <CreateButton orgId={row.orgId} year={year} variant="secondary" />
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Card>
    </>
  );
}

function CreateButton({ orgId, year, variant = "primary" }: { orgId: string; year: number; variant?: "primary" | "secondary" }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.reports.create.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.stats.progress.pathKey() });
        router.push(withYear(`/reports/${saved.report.id}`, year));
      },
      onError: (error) => toast(errorMessage(error), "error"),
    }),
  );
  return (
    <Button size="sm" variant={variant} disabled={create.isPending} onClick={() => create.mutate({ orgId, year })}>
      {create.isPending ? t("home.creating") : t("home.create")}
    </Button>
  );
}
