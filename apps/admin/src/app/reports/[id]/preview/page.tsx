"use client";
/**
 * 预览与导出: the report exactly as the HTML export renders it (what will be published), in a
 * sandboxed frame, and downloads in every export format the API offers.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useParams } from "next/navigation";
import { ReportHeader } from "@/components/report-header";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState, Loading } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { base64ToText, downloadFile } from "@/lib/download";
import { useLang, useT } from "@/lib/i18n";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";
import type { ExportFormat } from "@/trpc/types";
import { StepActions } from "../review/step-actions";

/** Offered downloads, in the order a clerk most often needs them (type-checked against the API's list). */
const DOWNLOADS = ["docx", "html", "xlsx", "csv", "json", "md"] as const satisfies readonly ExportFormat[];

export default function PreviewPage() {
  const t = useT();
  const lang = useLang();
  const { id } = useParams<{ id: string }>();
  const trpc = useTRPC();
  const got = useQuery(trpc.reports.get.queryOptions({ id }));
  const html = useQuery({ ...trpc.reports.export.queryOptions({ id, format: "html" }), staleTime: 60_000 });

  if (got.isPending) return <Loading />;
  if (got.error) return <ErrorState error={got.error} onRetry={() => void got.refetch()} title={t("report.notFound")} />;

  return (
    <div>
      <ReportHeader
        data={got.data}
        current="preview"
        actions={got.data.actions.includes("publish") ? <StepActions data={{ ...got.data, actions: ["publish"] }} /> : undefined}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[1fr_16rem]">
        <Card className="overflow-hidden">
          <CardHeader title={t("preview.frameTitle")} />
          {html.error ? (
            <ErrorState error={html.error} onRetry={() => void html.refetch()} />
          ) : !html.data ? (
            <Loading />
          ) : (
            // No scripts, no same-origin access: the export is shown, never run.
            <iframe
              title={t("preview.frameTitle")}
              sandbox=""
              srcDoc={base64ToText(html.data.data)}
              className="h-[calc(100vh-14rem)] min-h-96 w-full bg-white"
              lang={lang === "en" ? "en" : "zh-CN"}
            />
          )}
        </Card>
        <Card className="self-start">
          <CardHeader title={t("preview.formats")} />
          <ul className="space-y-2 p-4">
            {DOWNLOADS.map((format) => (
              <li key={format}>
                <DownloadButton reportId={id} format={format} revision={got.data.revision.revisionNo} />
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}

function DownloadButton({ reportId, format, revision }: { reportId: string; format: ExportFormat; revision: number }) {
  const t = useT();
  const client = useTRPCClient();
  const toast = useToast();
  const download = useMutation({
    mutationFn: () => client.reports.export.query({ id: reportId, format, revision }),
    onSuccess: (file) => {
      downloadFile(file);
      toast(t("preview.downloaded", { file: file.filename }));
    },
    onError: (error) => toast(errorMessage(error), "error"),
  });
  const label = t(`format.${format}`);
  return (
    <Button
      variant="secondary"
      className="w-full justify-start"
      disabled={download.isPending}
      onClick={() => download.mutate()}
      data-export={format}
    >
      <Download aria-hidden className="size-4" />
      {download.isPending ? t("preview.downloading", { format: label }) : label}
    </Button>
  );
}
