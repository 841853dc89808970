"use client";
/**
 * 导入报告: a report file becomes a draft (reports.import). The page shows what the importer could not
 * read (IMPORT-* findings, each naming the cells it left empty), the checks on the result, and opens
 * the draft in the editor. If the organisation already has a draft, the person confirms replacing it.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { FindingsList } from "@/components/findings-list";
import { OrgSelect } from "@/components/org-select";
import { ReportTables } from "@/components/report-tables";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { ErrorState, Loading } from "@/components/ui/states";
import { fileToBase64 } from "@/lib/download";
import { useT } from "@/lib/i18n";
import { flattenOrgs } from "@/lib/orgs";
import { useMe } from "@/lib/session";
import { withYear } from "@/lib/year";
import { trpcCode, useTRPC, useTRPCClient } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";
import type { RouterOutputs } from "@/trpc/types";

type Imported = RouterOutputs["reports"]["import"];
type Draft = RouterOutputs["reports"]["list"][number];

/** The API takes up to 10 MiB of JSON; base64 makes a file a third larger. */
const MAX_BYTES = 7 * 1024 * 1024;
const ACCEPT = ".docx,.pdf,.html,.htm,.xlsx,.txt,.md";

export default function ImportPage() {
  const t = useT();
  const [result, setResult] = useState<Imported | null>(null);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("import.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("import.intro")}</p>
      </div>
      {result ? <ImportResult result={result} onAgain={() => setResult(null)} /> : <UploadForm onDone={setResult} />}
    </div>
  );
}

function UploadForm({ onDone }: { onDone: (result: Imported) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const me = useMe().data!;
  const tree = useQuery(trpc.orgs.tree.queryOptions({}));
  const [orgId, setOrgId] = useState(me.org.id);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);

  const upload = useMutation({
    mutationFn: async (baseRevision?: number) => {
      if (!file) throw new Error("no file");
      return client.reports.import.mutate({
        orgId,
        filename: file.name,
        data: await fileToBase64(file),
        ...(baseRevision ? { baseRevision } : {}),
      });
    },
    onSuccess: async (result) => {
      setDrafts(null);
      await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
      onDone(result);
    },
    onError: async (error) => {
      // A report for the file's year exists: if it is a draft, offer to replace it.
      if (trpcCode(error) !== "CONFLICT" || drafts) return;
      const list = await client.reports.list.query({ orgId, status: ["draft"] });
      const own = list.filter((r) => r.orgId === orgId);
      if (own.length) setDrafts(own);
    },
  });

  function choose(next: File | null) {
    setFile(next);
    setFileError(next && next.size > MAX_BYTES ? t("import.tooLarge", { size: (next.size / 1024 / 1024).toFixed(1) }) : undefined);
    upload.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file && !fileError) upload.mutate(undefined);
  }

  if (tree.error) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  if (!tree.data) return <Loading />;

  return (
    <Card>
      <CardBody>
        <form onSubmit={submit} className="max-w-xl space-y-4">
          <div>
            <Label htmlFor="import-org">{t("import.org")}</Label>
            <OrgSelect id="import-org" value={orgId} onChange={setOrgId} orgs={flattenOrgs(tree.data)} />
          </div>
          <div>
            <Label htmlFor="import-file">{t("import.file")}</Label>
            <Input
              id="import-file"
              type="file"
              accept={ACCEPT}
              required
              className="h-auto py-1.5"
              aria-invalid={fileError ? true : undefined}
              aria-describedby="import-file-hint import-file-error"
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
            <p id="import-file-hint" className="mt-1 text-xs text-slate-500">
              {t("import.fileHint")}
            </p>
            <FieldError id="import-file-error">{fileError}</FieldError>
          </div>
          {upload.error && !drafts && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {errorMessage(upload.error)}
            </p>
          )}
          <Button type="submit" disabled={!file || !!fileError || upload.isPending}>
            {upload.isPending ? t("import.working") : t("import.submit")}
          </Button>
        </form>
      </CardBody>
      {drafts && (
        <Dialog
          open
          onOpenChange={(open) => !open && setDrafts(null)}
          title={t("import.replaceTitle")}
          description={t("import.replaceText")}
        >
          {upload.error && upload.variables !== undefined && (
            <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {errorMessage(upload.error)}
            </p>
          )}
          <div className="flex flex-col gap-2">
            {drafts.map((draft) => (
              <Button key={draft.id} disabled={upload.isPending} onClick={() => upload.mutate(draft.currentRevision)}>
                {t("import.replaceWhich", { year: draft.year, n: draft.currentRevision })}
              </Button>
            ))}
            <Button variant="secondary" onClick={() => setDrafts(null)}>
              {t("common.cancel")}
            </Button>
          </div>
        </Dialog>
      )}
    </Card>
  );
}

function ImportResult({ result, onAgain }: { result: Imported; onAgain: () => void }) {
  const t = useT();
  const { report } = result;
  const trpc = useTRPC();
  const got = useQuery(trpc.reports.get.queryOptions({ id: report.id, revision: result.revision }));
  const version = report.formatVersion;
  return (
    <div className="space-y-4">
      <div
        role="status"
        className="flex flex-wrap items-center gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
      >
        <span className="font-medium">{t("import.done", { org: report.orgName, year: report.year, n: result.revision })}</span>
        <span className="text-emerald-800">{t("import.kind", { kind: result.kind })}</span>
        <span className="ml-auto flex gap-2">
          <Button asChild>
            <Link href={withYear(`/reports/${report.id}`, report.year)}>{t("import.openEditor")}</Link>
          </Button>
          <Button variant="secondary" onClick={onAgain}>
            {t("import.another")}
          </Button>
        </span>
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader title={t("import.importFindings")} />
          <FindingsList findings={result.importFindings} version={version} emptyText={t("import.importFindingsNone")} />
        </Card>
        <Card>
          <CardHeader title={t("import.validation")} />
          <FindingsList findings={result.findings} version={version} />
        </Card>
      </div>
      <Card>
        <CardHeader title={t("import.preview")} />
        <CardBody>
          {got.data ? (
            <ReportTables
              version={version}
              document={got.data.document}
              withSections
              mark={(cell) => (result.importFindings.some((f) => f.cells.includes(cell)) ? "warning" : undefined)}
            />
          ) : got.error ? (
            <ErrorState error={got.error} />
          ) : (
            <Loading />
          )}
        </CardBody>
      </Card>
    </div>
  );
}
