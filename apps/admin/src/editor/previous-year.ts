"use client";
/**
 * Last year's report of the same organisation, as the server validates against it: its published
 * revision, else its latest one. reports.get does not return it, so it is found with reports.list
 * (the organisation, year − 1) and read with reports.get.
 */
import type { ReportDocument } from "@nianbao/core";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

export type PreviousYear =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly document: ReportDocument | null }
  | { readonly state: "failed"; readonly error: unknown };

/** The first report year with a statutory format; there is no report before it to compare with. */
const FIRST_YEAR = 2008;

export function usePreviousYear(report: { orgId: string; year: number } | undefined): PreviousYear {
  const trpc = useTRPC();
  const year = report ? report.year - 1 : FIRST_YEAR;
  const hasYear = report !== undefined && year >= FIRST_YEAR;
  const list = useQuery({
    ...trpc.reports.list.queryOptions({ orgId: report?.orgId ?? "", year }),
    enabled: hasYear,
    staleTime: 5 * 60_000,
  });
  const item = list.data?.find((r) => r.orgId === report?.orgId && r.year === year);
  const got = useQuery({
    ...trpc.reports.get.queryOptions({ id: item?.id ?? "", revision: item ? (item.publishedRevision ?? item.currentRevision) : 1 }),
    enabled: item !== undefined,
    staleTime: 5 * 60_000,
  });
  if (!report) return { state: "loading" };
  if (!hasYear) return { state: "ready", document: null };
  if (list.error) return { state: "failed", error: list.error };
  if (list.isPending) return { state: "loading" };
  if (!item) return { state: "ready", document: null };
  if (got.error) return { state: "failed", error: got.error };
  if (got.isPending) return { state: "loading" };
  return { state: "ready", document: got.data.document };
}
