"use client";
/**
 * 工作台: what the signed-in person has to do for the chosen year — reports to start, fill in,
 * review, sign or publish — with the statutory deadline, and every report of the year below.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { yearInPreparation } from "@nianbao/core";
import { Deadline, FindingsCounts, StatusBadge } from "@/components/report-bits";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageTitled, type ProgressRow, progressColumns, useProgress } from "@/components/progress";
import { type Column, DataTable } from "@/components/ui/table";
import { Empty, QueryView } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { type Translate, useLang, useT } from "@/lib/i18n";
import { CAN, useMe } from "@/lib/session";
import { ACTION_LABELS, labelOf, TODO_LABELS } from "@/lib/status";
import { withYear } from "@/lib/year";
import { useTRPC } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";
import type { WorkflowAction } from "@/trpc/types";

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
  const { year, progress } = useProgress();
  return (
    <PageTitled title={t("home.title")}>
      <QueryView query={progress} isEmpty={(d) => d.rows.length === 0} empty={t("home.none")}>
        {(data) => <Work rows={data.rows} today={data.today} year={year} />}
      </QueryView>
    </PageTitled>
  );
}

function Work({ rows, today, year }: { rows: ProgressRow[]; today: string; year: number }) {
  const t = useT();
  const lang = useLang();
  const me = useMe().data!;
  const next = yearInPreparation(today);
  // What the caller may do with each report comes from the server, with the progress rows.
  const tasks = rows.flatMap((row): { row: ProgressRow; action: WorkflowAction | "create" }[] => {
    if (!row.reportId) return CAN.edit(me.role) ? [{ row, action: "create" }] : [];
    return row.actions.filter((a) => TASKS.includes(a)).map((action) => ({ row, action }));
  });

  return (
    <>
      <Card>
        <CardHeader title={t("home.todo")} />
        {next === year + 1 ? (
          // December: the year then ending can be prepared beside the working year's follow-up.
          <p
            className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-100 bg-brand-50 px-4 py-3 text-sm"
            data-next-year={next}
          >
            <span>{t("home.nextYearOpen", { next })}</span>
            <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={withYear("/", next)}>
              {t("home.goToNextYear", { next })} →
            </Link>
          </p>
        ) : null}
        {tasks.length === 0 ? (
          <Empty>{t("home.todoNone", { year })}</Empty>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tasks.map(({ row, action }) => (
              <li key={`${row.orgId}-${action}`} className="flex flex-wrap items-center gap-4 px-4 py-3">
                <div className="min-w-48 flex-1">
                  <div className="font-medium">{row.orgName}</div>
                  <div className="text-sm text-slate-500">
                    {action === "create" ? t("home.toCreate") : labelOf(TODO_LABELS, action, lang)}
                  </div>
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
                    <Link href={taskHref(action, row.reportId!, year)}>
                      {action === "submit" ? t("home.openEditor") : labelOf(ACTION_LABELS, action, lang)}
                    </Link>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <CardHeader title={t("home.allReports", { year })} />
        <DataTable columns={reportColumns(t, today, year, CAN.edit(me.role))} rows={rows} rowKey={(row) => row.orgId} />
      </Card>
    </>
  );
}

function reportColumns(t: Translate, today: string, year: number, canCreate: boolean): Column<ProgressRow>[] {
  const { org, status, deadline } = progressColumns(t, today);
  const link = (href: string, label: string) => (
    <Link className="text-brand-700 underline-offset-2 hover:underline" href={withYear(href, year)}>
      {label}
    </Link>
  );
  return [
    org,
    status,
    { header: t("home.findings"), cell: (row) => <FindingsCounts summary={row.findings} /> },
    deadline,
    {
      header: t("common.open"),
      hideHeader: true,
      className: "text-right whitespace-nowrap",
      cell: (row) =>
        row.reportId ? (
          <span className="inline-flex gap-3 text-sm">
            {link(`/reports/${row.reportId}`, t("home.openEditor"))}
            {link(`/reports/${row.reportId}/review`, t("home.openReview"))}
            {link(`/reports/${row.reportId}/preview`, t("home.openPreview"))}
          </span>
        ) : canCreate ? (
          <CreateButton orgId={row.orgId} year={year} variant="secondary" />
        ) : null,
    },
  ];
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
