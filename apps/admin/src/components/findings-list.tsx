"use client";
/**
 * Findings as the server and core word them, errors first. Each item carries `data-rule` (the test
 * contract) and names the cells it involves in the form's labels.
 */
import { type Finding, type FormatVersion, type Lang, SEVERITY_ORDER } from "@nianbao/core";
import { AlertCircle, AlertTriangle, Info } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Empty } from "@/components/ui/states";
import { cellLabel } from "@/lib/cells";
import { useLang, useT } from "@/lib/i18n";

export interface Explanation {
  ruleId: string;
  cells: string[];
  text: string;
}

const FOLD_AFTER = 4;
const ICONS = { error: AlertCircle, warning: AlertTriangle, info: Info } as const;
const ICON_CLASSES = { error: "text-red-600", warning: "text-amber-600", info: "text-sky-600" } as const;

/** The explanation given for a finding: same rule, same cells. */
function explanationFor(finding: Finding, explanations: readonly Explanation[]): Explanation | undefined {
  return explanations.find(
    (e) => e.ruleId === finding.ruleId && e.cells.length === finding.cells.length && e.cells.every((c, i) => c === finding.cells[i]),
  );
}

export function FindingsList({
  findings,
  version,
  explanations = [],
  onCellClick,
  emptyText,
}: {
  findings: readonly Finding[];
  version: FormatVersion;
  explanations?: readonly Explanation[];
  onCellClick?: (cellId: string) => void;
  emptyText?: string;
}) {
  const t = useT();
  const lang = useLang();
  if (findings.length === 0) return <Empty>{emptyText ?? t("findings.none")}</Empty>;
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <ul className="divide-y divide-slate-100" aria-label={t("findings.title")}>
      {sorted.map((finding, i) => {
        const Icon = ICONS[finding.severity];
        const explanation = finding.severity === "warning" ? explanationFor(finding, explanations) : undefined;
        return (
          <li
            key={`${finding.ruleId}-${i}`}
            data-rule={finding.ruleId}
            data-severity={finding.severity}
            className="flex gap-3 px-4 py-3 text-sm"
          >
            <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${ICON_CLASSES[finding.severity]}`} />
            <div className="min-w-0 flex-1 space-y-1">
              <p>
                <span className="sr-only">{t(`findings.${finding.severity}`)}：</span>
                {finding.message}
              </p>
              {(finding.expected !== undefined || finding.actual !== undefined) && (
                <p className="tabular text-xs text-slate-500">
                  {finding.expected !== undefined && t("findings.expected", { value: String(finding.expected) })}
                  {finding.expected !== undefined && finding.actual !== undefined && "，"}
                  {finding.actual !== undefined && t("findings.actual", { value: String(finding.actual) })}
                </p>
              )}
              {finding.cells.length > 0 && (
                <CellList cells={finding.cells} version={version} lang={lang} {...(onCellClick ? { onCellClick } : {})} />
              )}
              {finding.severity === "warning" && (
                <div className="rounded bg-slate-50 px-2 py-1 text-xs">
                  <span className="font-medium text-slate-600">{t("findings.explanation")}：</span>
                  {explanation ? (
                    <span className="text-slate-800">{explanation.text}</span>
                  ) : (
                    <Badge tone="amber">{t("findings.unexplained")}</Badge>
                  )}
                </div>
              )}
            </div>
            <span className="shrink-0 text-xs text-slate-600">{finding.ruleId}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The cells a finding involves; a long list (a whole table left empty) is folded after the first few. */
function CellList({
  cells,
  version,
  lang,
  onCellClick,
}: {
  cells: readonly string[];
  version: FormatVersion;
  lang: Lang;
  onCellClick?: (cellId: string) => void;
}) {
  const t = useT();
  const item = (cellId: string) =>
    onCellClick ? (
      <button key={cellId} type="button" className="text-brand-700 underline underline-offset-2" onClick={() => onCellClick(cellId)}>
        {cellLabel(version, cellId, lang)}
      </button>
    ) : (
      <span key={cellId} className="rounded bg-slate-100 px-1">
        {cellLabel(version, cellId, lang)}
      </span>
    );
  const shown = cells.slice(0, FOLD_AFTER);
  const rest = cells.slice(FOLD_AFTER);
  return (
    <div className="text-xs text-slate-500">
      <p className="flex flex-wrap gap-1">
        <span>{t("findings.cells")}：</span>
        {shown.map(item)}
      </p>
      {rest.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-brand-700">{t("findings.moreCells", { n: rest.length })}</summary>
          <p className="mt-1 flex flex-wrap gap-1">{rest.map(item)}</p>
        </details>
      )}
    </div>
  );
}
