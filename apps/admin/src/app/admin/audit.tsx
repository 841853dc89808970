"use client";
/** The audit log, newest first, filtered by action or target, with older pages on request. */
import type { Lang } from "@nianbao/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { type Column, DataTable } from "@/components/ui/table";
import { type Translate, useLang, useT } from "@/lib/i18n";
import { useSetSearchParams } from "@/lib/year";
import { useTRPCClient } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";

const PAGE = 100;

type Entry = RouterOutputs["audit"]["list"][number];

function auditColumns(t: Translate, lang: Lang): Column<Entry>[] {
  const detail = (row: Entry) => (row.detail ? JSON.stringify(row.detail) : undefined);
  return [
    {
      header: t("audit.at"),
      className: "tabular whitespace-nowrap",
      cell: (row) => new Date(row.at).toLocaleString(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" }),
    },
    { header: t("audit.actor"), cell: (row) => row.actorName ?? t("audit.system") },
    { header: t("audit.action"), className: "font-mono text-xs", cell: (row) => row.action },
    {
      header: t("audit.target"),
      className: "font-mono text-xs",
      cell: (row) => `${row.targetType}${row.targetId ? ` ${row.targetId.slice(0, 8)}` : ""}`,
    },
    { header: t("audit.detail"), className: "max-w-md truncate font-mono text-xs", title: detail, cell: (row) => detail(row) ?? "" },
    { header: t("audit.ip"), className: "font-mono text-xs", cell: (row) => row.ip ?? "" },
  ];
}

export function AuditLog() {
  const t = useT();
  const lang = useLang();
  const client = useTRPCClient();
  const params = useSearchParams();
  const setParams = useSetSearchParams();
  const action = params.get("action") ?? "";
  const target = params.get("target") ?? "";
  const log = useInfiniteQuery({
    queryKey: ["audit.list", { action, target }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      client.audit.list.query({
        limit: PAGE,
        ...(pageParam ? { before: pageParam } : {}),
        ...(action ? { action } : {}),
        ...(target ? { targetId: target } : {}),
      }),
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1]!.at : undefined),
  });
  const rows = log.data?.pages.flat() ?? [];
  return (
    <Card>
      <div className="flex flex-wrap gap-4 border-b border-slate-100 px-4 py-3">
        <div className="w-72">
          <Label htmlFor="audit-action">{t("audit.filterAction")}</Label>
          <Input id="audit-action" defaultValue={action} onChange={(e) => setParams({ action: e.target.value.trim() || null })} />
        </div>
        <div className="w-72">
          <Label htmlFor="audit-target">{t("audit.filterTarget")}</Label>
          <Input id="audit-target" defaultValue={target} onChange={(e) => setParams({ target: e.target.value.trim() || null })} />
        </div>
      </div>
      {log.error ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t("audit.none")}</Empty>
      ) : (
        <>
          <DataTable columns={auditColumns(t, lang)} rows={rows} rowKey={(row) => row.id} />
          {log.hasNextPage && (
            <div className="p-3 text-center">
              <Button variant="secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                {t("audit.more")}
              </Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
