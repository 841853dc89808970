"use client";
/** Title block of a report page: organisation, year, status, revision, and links between its pages. */
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/report-bits";
import { cn } from "@/lib/cn";
import { useT } from "@/lib/i18n";
import { useYear, withYear } from "@/lib/year";
import type { RouterOutputs } from "@/trpc/types";

type Got = RouterOutputs["reports"]["get"];

export function ReportHeader({
  data,
  current,
  actions,
  revision,
}: {
  data: Got;
  current: "editor" | "review" | "preview";
  actions?: ReactNode;
  /** The revision to show when the page knows a newer one than `data` (the editor, after its saves). */
  revision?: number;
}) {
  const t = useT();
  const year = useYear();
  const { report } = data;
  const links = [
    { href: `/reports/${report.id}`, label: t("report.openEditor"), key: "editor" },
    { href: `/reports/${report.id}/review`, label: t("report.review"), key: "review" },
    { href: `/reports/${report.id}/preview`, label: t("report.preview"), key: "preview" },
  ];
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold">
          {report.orgName} · {t("report.year", { year: report.year })}
        </h1>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
          <StatusBadge status={report.status} />
          <span>{t("report.revision", { n: revision ?? data.revision.revisionNo })}</span>
          <span>{t("report.formatVersion", { v: report.formatVersion })}</span>
          <span aria-hidden>·</span>
          <nav className="flex gap-3">
            {links.map((link) => (
              <Link
                key={link.key}
                href={withYear(link.href, year)}
                aria-current={link.key === current ? "page" : undefined}
                className={cn(link.key === current ? "font-medium text-slate-900" : "text-brand-700 underline-offset-2 hover:underline")}
              >
                {link.label}
              </Link>
            ))}
          </nav>
        </div>
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
