"use client";
/** The year's progress of every organisation (stats.progress), shared by the 工作台 and the progress board. */
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Deadline, StatusBadge } from "@/components/report-bits";
import type { Column } from "@/components/ui/table";
import type { Translate } from "@/lib/i18n";
import { useYear } from "@/lib/year";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";

export type Progress = RouterOutputs["stats"]["progress"];
export type ProgressRow = Progress["rows"][number];

/** The chosen year and its progress query. */
export function useProgress() {
  const trpc = useTRPC();
  const year = useYear();
  return { year, progress: useQuery(trpc.stats.progress.queryOptions({ year })) };
}

/** A page's title above its content. */
export function PageTitled({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      {children}
    </div>
  );
}

/** Which organisation, where its report stands, and its deadline: the columns both lists share. */
export function progressColumns(t: Translate, today: string) {
  const org: Column<ProgressRow> = { header: t("home.org"), className: "font-medium", cell: (row) => row.orgName };
  const status: Column<ProgressRow> = { header: t("home.status"), cell: (row) => <StatusBadge status={row.status} /> };
  const deadline: Column<ProgressRow> = {
    header: t("home.deadline"),
    cell: (row) => <Deadline deadline={row.deadline} today={today} publishedOn={row.publishedOn} />,
  };
  return { org, status, deadline };
}
