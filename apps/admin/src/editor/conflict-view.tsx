"use client";
/**
 * When someone else saved first: every cell and section that differs, with the value I typed, theirs
 * and the one we both started from. Per item (or all at once) the clerk keeps theirs or takes mine,
 * then saves on top of their revision. My input stays in this browser until that save is acknowledged.
 */
import type { Lang, ReportDocument, SectionKey } from "@nianbao/core";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { type Difference, differences, resolve } from "./conflict";
import { useEditorT } from "./strings";

export interface ConflictData {
  readonly base: ReportDocument | null;
  readonly baseRevision: number;
  readonly mine: ReportDocument;
  readonly theirs: ReportDocument;
  readonly theirsRevision: number;
  readonly author: string;
}

export function ConflictView({
  data,
  lang,
  sectionHeading,
  onResolve,
  computed,
}: {
  data: ConflictData;
  computed: ReadonlySet<string>;
  lang: Lang;
  sectionHeading: (key: SectionKey) => string;
  onResolve: (document: ReportDocument) => void;
}) {
  const t = useEditorT();
  const diffs = useMemo(
    () => differences(data.base, data.mine, data.theirs, lang, sectionHeading, computed),
    [data, lang, sectionHeading, computed],
  );
  const [choices, setChoices] = useState<ReadonlyMap<string, "mine" | "theirs">>(
    () => new Map(diffs.map((d) => [`${d.kind}:${d.id}`, d.proposal])),
  );
  const choose = (diff: Difference, side: "mine" | "theirs") => setChoices((prev) => new Map(prev).set(`${diff.kind}:${diff.id}`, side));
  const all = (side: "mine" | "theirs") => setChoices(new Map(diffs.map((d) => [`${d.kind}:${d.id}`, side])));

  return (
    <section aria-labelledby="conflict-heading" data-conflict className="rounded-md border-2 border-amber-400 bg-amber-50 p-3">
      <h2 id="conflict-heading" className="text-base font-semibold text-amber-900">
        {t("conflict.title")}
      </h2>
      <p className="mt-1 text-sm text-amber-900">{t("conflict.intro", { author: data.author, revision: data.theirsRevision })}</p>
      {diffs.length === 0 ? (
        <p className="mt-2 text-sm">{t("conflict.none")}</p>
      ) : (
        <>
          <div className="mt-2 flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => all("mine")} data-conflict-all="mine">
              {t("conflict.allMine")}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => all("theirs")} data-conflict-all="theirs">
              {t("conflict.allTheirs")}
            </Button>
          </div>
          <div className="mt-2 max-h-[50vh] overflow-auto">
            <table className="w-full border-collapse bg-white text-sm">
              <thead>
                <tr>
                  <th scope="col" className="border border-slate-200 px-2 py-1 text-left">
                    {t("conflict.item")}
                  </th>
                  <th scope="col" className="border border-slate-200 px-2 py-1">
                    {t("conflict.base", { revision: data.baseRevision })}
                  </th>
                  <th scope="col" className="border border-slate-200 px-2 py-1">
                    {t("conflict.mine")}
                  </th>
                  <th scope="col" className="border border-slate-200 px-2 py-1">
                    {t("conflict.theirs")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {diffs.map((diff) => {
                  const key = `${diff.kind}:${diff.id}`;
                  const choice = choices.get(key);
                  const name = `conflict-${key}`;
                  const value = (text: string | null) =>
                    diff.kind === "section" ? (
                      <span className="line-clamp-3 text-xs whitespace-pre-wrap" title={text ?? ""}>
                        {text} <span className="text-slate-400">{t("conflict.text", { n: (text ?? "").length })}</span>
                      </span>
                    ) : (
                      <span className="tabular">{text === "" ? "—" : text}</span>
                    );
                  return (
                    <tr key={key} data-conflict-item={diff.id}>
                      <th scope="row" className="border border-slate-200 px-2 py-1 text-left text-xs font-normal">
                        {diff.label}
                      </th>
                      <td className="border border-slate-200 px-2 py-1 text-right text-slate-500">
                        {diff.base === null ? "?" : value(diff.base)}
                      </td>
                      {(["mine", "theirs"] as const).map((side) => (
                        <td key={side} className={cn("border border-slate-200 px-2 py-1", choice === side && "bg-emerald-50")}>
                          <label className="flex items-start justify-end gap-1.5">
                            {value(side === "mine" ? diff.mine : diff.theirs)}
                            <input
                              type="radio"
                              name={name}
                              value={side}
                              checked={choice === side}
                              onChange={() => choose(diff, side)}
                              aria-label={`${diff.label}：${t("conflict.keep")}${t(side === "mine" ? "conflict.mine" : "conflict.theirs")}`}
                            />
                          </label>
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="mt-3">
        <Button onClick={() => onResolve(resolve(data.mine, data.theirs, choices, diffs))} data-conflict-save>
          {t("conflict.save")}
        </Button>
      </div>
    </section>
  );
}
