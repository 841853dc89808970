"use client";
/** The audit log, newest first, filtered by action or target, with older pages on request. */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { DataTable, Td, Th } from "@/components/ui/table";
import { useLang, useT } from "@/lib/i18n";
import { useSetSearchParams } from "@/lib/year";
import { useTRPCClient } from "@/trpc/client";

const PAGE = 100;

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
      client.audit.list.query({ limit: PAGE, ...(pageParam ? { before: pageParam } : {}), ...(action ? { action } : {}), ...(target ? { targetId: target } : {}) }),
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
          <DataTable>
            <thead>
              <tr>
                <Th>{t("audit.at")}</Th>
                <Th>{t("audit.actor")}</Th>
                <Th>{t("audit.action")}</Th>
                <Th>{t("audit.target")}</Th>
                <Th>{t("audit.detail")}</Th>
                <Th>{t("audit.ip")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <Td className="tabular whitespace-nowrap">{new Date(row.at).toLocaleString(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" })}</Td>
                  <Td>{row.actorName ?? t("audit.system")}</Td>
                  <Td className="font-mono text-xs">{row.action}</Td>
                  <Td className="font-mono text-xs">
                    {row.targetType}
                    {row.targetId ? ` ${row.targetId.slice(0, 8)}` : ""}
                  </Td>
                  <Td className="max-w-md truncate font-mono text-xs" title={row.detail ? JSON.stringify(row.detail) : undefined}>
                    {row.detail ? JSON.stringify(row.detail) : ""}
                  </Td>
                  <Td className="font-mono text-xs">{row.ip ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
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
