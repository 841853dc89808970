"use client";
/**
 * 审核与签发: the report read-only in the official layout, its findings with the filer's
 * explanations, what changed since the last submission, any two revisions side by side, the history,
 * and the workflow buttons the server offers this person (reports.get → actions).
 */
import { useQuery } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useState } from "react";
import { FindingsList } from "@/components/findings-list";
import { ReportHeader } from "@/components/report-header";
import { type CellMark, ReportTables } from "@/components/report-tables";
import { Card, CardBody } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ErrorState, Loading } from "@/components/ui/states";
import { useT } from "@/lib/i18n";
import { useTRPC } from "@/trpc/client";
import { CompareRevisions, SinceLastSubmission } from "./compare";
import { HistoryTimeline } from "./history";
import { StepActions } from "./step-actions";

export default function ReviewPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const trpc = useTRPC();
  const got = useQuery(trpc.reports.get.queryOptions({ id }));
  const history = useQuery(trpc.reports.history.queryOptions({ id }));
  const [tab, setTab] = useState("content");

  if (got.isPending) return <Loading />;
  if (got.error) return <ErrorState error={got.error} onRetry={() => void got.refetch()} title={t("report.notFound")} />;
  const data = got.data;
  const severityOf = new Map<string, CellMark>();
  for (const finding of data.findings) {
    for (const cell of finding.cells)
      if (finding.severity !== "info" && severityOf.get(cell) !== "error") severityOf.set(cell, finding.severity);
  }
  const errors = data.findings.filter((f) => f.severity === "error").length;
  const warnings = data.findings.filter((f) => f.severity === "warning").length;

  return (
    <div>
      <ReportHeader data={data} current="review" actions={<StepActions data={data} />} />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList>
          <TabsTrigger value="content">{t("report.content")}</TabsTrigger>
          <TabsTrigger value="findings">
            {t("report.findingsTab")}{" "}
            <span className="tabular ml-1 text-xs text-slate-500">({t("findings.summary", { errors, warnings })})</span>
          </TabsTrigger>
          <TabsTrigger value="diff">{t("report.diffTab")}</TabsTrigger>
          <TabsTrigger value="compare">{t("report.compareTab")}</TabsTrigger>
          <TabsTrigger value="history">{t("report.historyTab")}</TabsTrigger>
        </TabsList>
        <TabsContent value="content">
          <Card>
            <CardBody>
              <ReportTables
                version={data.document.formatVersion}
                document={data.document}
                withSections
                mark={(cell) => severityOf.get(cell)}
              />
            </CardBody>
          </Card>
        </TabsContent>
        <TabsContent value="findings">
          <Card>
            <FindingsList findings={data.findings} version={data.document.formatVersion} explanations={data.explanations} />
          </Card>
        </TabsContent>
        <TabsContent value="diff">
          <SinceLastSubmission reportId={id} history={history} current={data.revision.revisionNo} version={data.document.formatVersion} />
        </TabsContent>
        <TabsContent value="compare">
          <CompareRevisions reportId={id} history={history} current={data.revision.revisionNo} />
        </TabsContent>
        <TabsContent value="history">
          <HistoryTimeline history={history} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
