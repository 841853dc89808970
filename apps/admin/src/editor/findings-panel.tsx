"use client";
/**
 * The findings of the document as it is now (validateReport in the browser, the server's own call):
 * errors and warnings first, each a button that focuses and highlights its cells; warnings can be
 * explained inline (the explanation goes with the submission). Info findings ("could not check yet")
 * are folded away.
 */
import { type Finding, findingKey, label, RULES } from "@nianbao/core";
import { AlertCircle, AlertTriangle, CheckCircle2, Info, MessageSquareText } from "lucide-react";
import { memo, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { useEditorActions } from "./actions";
import { useEditorStore, useStoreValue } from "./hooks";
import { useLang } from "@/lib/i18n";
import { useEditorT } from "./strings";
import type { EditorStore } from "./store";

const selectFindings = (store: EditorStore) => store.getFindings();

export interface ExplanationOut {
  readonly findingKey: string;
  readonly text: string;
}

export function FindingsPanel({
  explanations,
  onExplain,
}: {
  explanations: readonly ExplanationOut[];
  onExplain: ((finding: Finding, text: string) => Promise<void>) | null;
}) {
  const store = useEditorStore();
  const findings = useStoreValue(store, selectFindings);
  const t = useEditorT();
  const [showInfo, setShowInfo] = useState(false);
  const explained = useMemo(() => new Map(explanations.map((e) => [e.findingKey, e.text])), [explanations]);
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const infos = findings.filter((f) => f.severity === "info");
  const shown = showInfo ? findings : [...errors, ...warnings];
  // Keys by the finding's identity, not its position: a finding appearing at the top must not remount
  // (and so re-create, and lose an open explanation of) every item below it.
  const keys = itemKeys(shown);

  return (
    <section aria-labelledby="findings-heading" className="flex min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="findings-heading" className="text-sm font-semibold text-slate-900">
          {t("findings.title")}
        </h2>
        <span className="tabular text-xs text-red-700" data-findings-errors={errors.length}>
          {t("findings.errors", { n: errors.length })}
        </span>
        <span className="tabular text-xs text-amber-700" data-findings-warnings={warnings.length}>
          {t("findings.warnings", { n: warnings.length })}
        </span>
        <FindingNavigator />
      </div>
      {errors.length + warnings.length === 0 && (
        <p className="mt-2 flex items-center gap-1 text-sm text-emerald-700">
          <CheckCircle2 aria-hidden className="size-4" />
          {t("findings.none")}
        </p>
      )}
      <ul className="mt-2 flex min-h-0 flex-col gap-1 overflow-y-auto pr-1" aria-label={t("findings.title")}>
        {foldByRule(shown, keys).map((entry) => {
          const item = ({ finding, key }: Keyed) => (
            <FindingItem
              key={key}
              finding={finding}
              explanation={explained.get(findingKey(finding)) ?? null}
              onExplain={finding.severity === "warning" ? onExplain : null}
            />
          );
          return "items" in entry ? <FoldedRule key={`fold|${entry.severity}|${entry.ruleId}`} entry={entry} render={item} /> : item(entry);
        })}
      </ul>
      {infos.length > 0 && (
        <label className="mt-2 flex items-center gap-1.5 text-xs text-slate-600">
          <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo(e.target.checked)} />
          {t("findings.showInfo")}（{t("findings.infos", { n: infos.length })}）
        </label>
      )}
    </section>
  );
}

/** A stable key per finding; a second finding with the same identity gets a numbered one. */
function itemKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const id = findingKey(finding);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}#${n}`;
  });
}

interface Keyed {
  readonly finding: Finding;
  readonly key: string;
}

interface Fold {
  readonly ruleId: string;
  readonly severity: Finding["severity"];
  readonly items: readonly Keyed[];
}

/**
 * A rule with more findings than this is folded into one line: a new draft has a 未填写 finding per
 * empty row, and thirty of them would bury the one imbalance that matters.
 */
const FOLD_AT = 6;

/** The findings in their order, a rule's findings together, and a rule with many of them folded. */
function foldByRule(findings: readonly Finding[], keys: readonly string[]): (Keyed | Fold)[] {
  const byRule = new Map<string, Keyed[]>();
  findings.forEach((finding, i) => {
    const rule = `${finding.severity}|${finding.ruleId}`;
    byRule.set(rule, [...(byRule.get(rule) ?? []), { finding, key: keys[i]! }]);
  });
  return [...byRule.values()].flatMap((items): (Keyed | Fold)[] =>
    items.length > FOLD_AT ? [{ ruleId: items[0]!.finding.ruleId, severity: items[0]!.finding.severity, items }] : items,
  );
}

const RULE_TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));

function FoldedRule({ entry, render }: { entry: Fold; render: (item: Keyed) => ReactNode }) {
  const t = useEditorT();
  const lang = useLang();
  const title = RULE_TITLES.get(entry.ruleId);
  return (
    <li data-rule-group={entry.ruleId} data-severity={entry.severity}>
      <details
        className={cn(
          "rounded-md border px-2 py-1.5 text-sm",
          entry.severity === "error" ? "border-red-200 bg-red-50" : "border-amber-200 bg-amber-50",
        )}
      >
        <summary className="cursor-pointer">
          {title ? label(lang, title) : entry.ruleId}
          {t("findings.colon")}
          {t("findings.folded", { n: entry.items.length })}
          <span className="ml-1 text-xs text-slate-600">{entry.ruleId}</span>
        </summary>
        <ul className="mt-1 flex flex-col gap-1">{entry.items.map(render)}</ul>
      </details>
    </li>
  );
}

function FindingNavigator() {
  const actions = useEditorActions();
  const t = useEditorT();
  return (
    <Button variant="ghost" size="sm" className="ml-auto h-7 px-2 text-xs" onClick={() => actions.nextFinding(1)}>
      {t("findings.next")}
    </Button>
  );
}

const ICON = { error: AlertCircle, warning: AlertTriangle, info: Info } as const;

const FindingItem = memo(function FindingItem({
  finding,
  explanation,
  onExplain,
}: {
  finding: Finding;
  explanation: string | null;
  onExplain: ((finding: Finding, text: string) => Promise<void>) | null;
}) {
  const actions = useEditorActions();
  const t = useEditorT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(explanation ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // Opening the form replaces the button that had the focus: the focus goes into the text (so a clerk
  // on the keyboard can type at once), and back to the button when the form closes.
  useEffect(() => {
    if (open) textRef.current?.focus();
    else if (opened.current) openRef.current?.focus();
    opened.current = open;
  }, [open]);
  const Icon = ICON[finding.severity];
  const severityText = t(
    finding.severity === "error" ? "findings.error" : finding.severity === "warning" ? "findings.warning" : "findings.info",
  );
  const id = `finding-${findingKey(finding).replace(/[^A-Za-z0-9_-]/g, "_")}`;

  return (
    <li
      data-rule={finding.ruleId}
      data-severity={finding.severity}
      className={cn(
        "rounded-md border px-2 py-1.5 text-sm",
        finding.severity === "error" && "border-red-200 bg-red-50",
        finding.severity === "warning" && "border-amber-200 bg-amber-50",
        finding.severity === "info" && "border-slate-200 bg-slate-50",
      )}
    >
      <button
        type="button"
        className="flex w-full items-start gap-1.5 text-left"
        onClick={() => finding.cells.length > 0 && actions.showFinding(finding.cells)}
        aria-describedby={explanation ? `${id}-explained` : undefined}
      >
        <Icon
          aria-hidden
          className={cn(
            "mt-0.5 size-4 shrink-0",
            finding.severity === "error" ? "text-red-600" : finding.severity === "warning" ? "text-amber-600" : "text-slate-400",
          )}
        />
        <span>
          <span className="sr-only">{`${severityText}${t("findings.colon")}`}</span>
          {finding.message}
          <span className="ml-1 text-xs text-slate-600">{finding.ruleId}</span>
        </span>
      </button>
      {onExplain && (
        <div className="mt-1 pl-5">
          {explanation && !open && (
            <p id={`${id}-explained`} className="text-xs text-slate-600">
              <MessageSquareText aria-hidden className="mr-1 inline size-3" />
              {`${t("findings.explained")}${t("findings.colon")}${explanation}`}
            </p>
          )}
          {!open ? (
            <button ref={openRef} type="button" className="text-xs text-brand-700 underline" onClick={() => setOpen(true)}>
              {explanation ? t("findings.explanation") : t("findings.explain")}
            </button>
          ) : (
            <form
              className="mt-1 flex flex-col gap-1"
              onSubmit={(event) => {
                event.preventDefault();
                setBusy(true);
                setError(null);
                onExplain(finding, text)
                  .then(() => setOpen(false))
                  .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
                  .finally(() => setBusy(false));
              }}
            >
              <label htmlFor={`${id}-text`} className="text-xs text-slate-600">
                {t("findings.explanationLabel")}
              </label>
              <textarea
                ref={textRef}
                id={`${id}-text`}
                onKeyDown={(e) => {
                  if (e.key === "Escape") setOpen(false);
                }}
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={2}
                className="rounded border border-slate-300 px-1.5 py-1 text-sm"
              />
              {error && (
                <p role="alert" className="text-xs text-red-700">
                  {error}
                </p>
              )}
              <div className="flex gap-1">
                <Button type="submit" size="sm" disabled={busy || !text.trim()}>
                  {t("findings.saveExplanation")}
                </Button>
                <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
                  ×
                </Button>
              </div>
            </form>
          )}
        </div>
      )}
    </li>
  );
});
