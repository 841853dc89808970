"use client";
/**
 * 汇总: the roll-up of a subtree for the year (aggregate.get) in the official grid. Choosing a figure
 * shows what each organisation reported and which left it empty; the government's own report is
 * reconciled against the roll-up with the differences marked in the grid.
 */
import { getFormat, isFormatVersion, type Lang, readRawCell } from "@nianbao/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { FindingsList } from "@/components/findings-list";
import { OrgSelect } from "@/components/org-select";
import { StatusBadge } from "@/components/report-bits";
import { type CellMark, ReportTables } from "@/components/report-tables";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Label } from "@/components/ui/input";
import { Empty, ErrorState, Loading } from "@/components/ui/states";
import { type Column, DataTable } from "@/components/ui/table";
import { cellLabel } from "@/lib/cells";
import { useLang, useT } from "@/lib/i18n";
import { flattenOrgs } from "@/lib/orgs";
import { useMe } from "@/lib/session";
import { useSetSearchParams, useYear } from "@/lib/year";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";

type Rollup = RouterOutputs["aggregate"]["get"];

export default function RollupPage() {
  const t = useT();
  const trpc = useTRPC();
  const year = useYear();
  const me = useMe().data!;
  const orgId = useSearchParams().get("org") ?? me.org.id;
  const setParams = useSetSearchParams();
  const tree = useQuery(trpc.orgs.tree.queryOptions({}));
  const rollup = useQuery(trpc.aggregate.get.queryOptions({ orgId, year }));
  // Only organisations with something below them have a roll-up.
  const parents = tree.data ? flattenOrgs(tree.data).filter((o, _, all) => all.some((c) => c.parentId === o.id)) : [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("rollup.title")}</h1>
        {parents.length > 1 && (
          <div className="w-72">
            <Label htmlFor="rollup-org">{t("rollup.org")}</Label>
            <OrgSelect id="rollup-org" value={orgId} onChange={(org) => setParams({ org })} orgs={parents} />
          </div>
        )}
      </div>
      {rollup.error ? (
        <ErrorState error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : !rollup.data ? (
        <Loading />
      ) : (
        <RollupView data={rollup.data} year={year} />
      )}
    </div>
  );
}

function RollupView({ data, year }: { data: Rollup; year: number }) {
  const t = useT();
  const lang = useLang();
  const [selected, setSelected] = useState<string | null>(null);
  const doc = data.report;
  if (!doc || !isFormatVersion(data.formatVersion ?? doc.formatVersion)) {
    return (
      <>
        <Empty>{t("rollup.noInputs", { year })}</Empty>
        <MissingList data={data} />
      </>
    );
  }
  const version = doc.formatVersion;
  const differences = new Map((data.reconciliation?.differences ?? []).map((d) => [d.cellId, d]));
  const mark = (cellId: string): CellMark | undefined => {
    if (cellId === selected) return "selected";
    if (differences.has(cellId)) return "difference";
    if ((data.cells[cellId]?.missing.length ?? 0) > 0) return "warning";
    return undefined;
  };
  const describe = (cellId: string) => {
    const cell = data.cells[cellId];
    const base = cellLabel(version, cellId, lang);
    return cell ? `${base}（${t("rollup.describe", { n: cell.contributorCount, m: cell.missing.length })}）` : base;
  };

  return (
    <>
      <p className="text-sm text-slate-600">
        {t("rollup.inputs", { n: data.inputCount })} · {t("rollup.cellHint")}
        {differences.size > 0 && <span className="text-red-700"> {t("rollup.differenceHint")}</span>}
      </p>
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[1fr_22rem]">
        <Card>
          <CardBody>
            <ReportTables
              version={version}
              cellValue={(id) => data.cells[id]?.value ?? null}
              mark={mark}
              describe={describe}
              onCellClick={setSelected}
            />
          </CardBody>
        </Card>
        <div className="space-y-4 xl:sticky xl:top-16">
          <CellDetail data={data} cellId={selected} lang={lang} />
          <MissingList data={data} />
        </div>
      </div>
      <Reconciliation data={data} />
      <Card>
        <CardHeader title={t("rollup.findings")} />
        <FindingsList findings={data.findings} version={version} />
      </Card>
    </>
  );
}

function CellDetail({ data, cellId, lang }: { data: Rollup; cellId: string | null; lang: Lang }) {
  const t = useT();
  const trpc = useTRPC();
  // Each contributor's own figure: its approved revision, read when a cell is first chosen.
  const reports = useQueries({
    queries: cellId
      ? data.inputs.map((input) => ({
          ...trpc.reports.get.queryOptions({ id: input.reportId, revision: input.revision }),
          staleTime: 5 * 60_000,
        }))
      : [],
  });
  if (!cellId) return null;
  const cell = data.cells[cellId];
  const version = data.report!.formatVersion;
  const def = getFormat(version).cellById.get(cellId);
  const nameOf = new Map([
    ...data.inputs.map((i) => [i.orgId, i.orgName] as const),
    ...data.missing.map((m) => [m.orgId, m.orgName] as const),
  ]);
  const valueFor = (orgId: string) => {
    const index = data.inputs.findIndex((i) => i.orgId === orgId);
    const got = reports[index]?.data;
    return got && def ? readRawCell(got.document.tables, def) : undefined;
  };
  return (
    <Card aria-live="polite">
      <CardHeader title={t("rollup.cellTitle")} description={cellLabel(version, cellId, lang)} />
      <CardBody className="space-y-3 text-sm">
        <p>
          {t("rollup.cellValue")}：<span className="tabular font-semibold">{cell?.value ?? "—"}</span>
        </p>
        {cell && cell.missing.length > 0 && <p className="text-amber-700">{t("rollup.partial", { sum: String(cell.partialSum) })}</p>}
        <div>
          <h3 className="mb-1 font-medium">{t("rollup.contributors")}</h3>
          {reports.some((q) => q.isPending) && <p className="text-xs text-slate-500">{t("rollup.loadingValues")}</p>}
          <ul className="divide-y divide-slate-100">
            {(cell?.contributors ?? []).map((orgId) => (
              <li key={orgId} className="flex justify-between py-1">
                <span>{nameOf.get(orgId) ?? orgId}</span>
                <span className="tabular">{String(valueFor(orgId) ?? "…")}</span>
              </li>
            ))}
          </ul>
        </div>
        {cell && cell.missing.length > 0 && (
          <div>
            <h3 className="mb-1 font-medium">{t("rollup.cellMissing")}</h3>
            <ul className="list-disc pl-5 text-slate-700">
              {cell.missing.map((orgId) => (
                <li key={orgId}>{nameOf.get(orgId) ?? orgId}</li>
              ))}
            </ul>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

function MissingList({ data }: { data: Rollup }) {
  const t = useT();
  return (
    <Card>
      <CardHeader title={t("rollup.missing")} />
      {data.missing.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">{t("rollup.missingNone")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.missing.map((m) => (
            <li key={m.orgId} className="flex items-center justify-between px-4 py-2">
              <span>{m.orgName}</span>
              <StatusBadge status={m.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

type Difference = NonNullable<Rollup["reconciliation"]>["differences"][number];

function figureColumn(header: string, figure: (d: Difference) => string | number | null | undefined): Column<Difference> {
  return { header, headerClassName: "text-right", className: "tabular text-right", cell: (d) => figure(d) ?? "—" };
}

function Reconciliation({ data }: { data: Rollup }) {
  const t = useT();
  const rec = data.reconciliation;
  return (
    <Card>
      <CardHeader title={t("rollup.reconcile")} />
      {!rec ? (
        <p className="px-4 py-3 text-sm text-slate-500">{t("rollup.reconcileAbsent")}</p>
      ) : rec.differences.length === 0 ? (
        <p className="px-4 py-3 text-sm text-emerald-700">{t("rollup.reconcileNone")}</p>
      ) : (
        <DataTable
          columns={[
            { header: t("diff.item"), cell: (d) => d.label },
            figureColumn(t("rollup.sum"), (d) => d.rollup),
            figureColumn(t("rollup.own"), (d) => d.own),
            { ...figureColumn(t("rollup.difference"), (d) => d.difference), className: "tabular text-right font-medium text-red-600" },
          ]}
          rows={rec.differences}
          rowKey={(d) => d.cellId}
          rowProps={(d) => ({ "data-difference": d.cellId })}
        />
      )}
    </Card>
  );
}
