"use client";
/** A narrative section (一、五、六): its heading from the format, a textarea and a character count. */
import type { Lang, SectionDef, SectionKey } from "@nianbao/core";
import { memo, useCallback } from "react";
import { useEditorStore, useStoreValue } from "./hooks";
import { useEditorT } from "./strings";
import type { EditorStore } from "./store";

export const TextSection = memo(function TextSection({ section, lang }: { section: SectionDef; lang: Lang }) {
  const store = useEditorStore();
  const t = useEditorT();
  const key = section.key as SectionKey;
  const select = useCallback((s: EditorStore) => s.document().sections[key] ?? "", [key]);
  const text = useStoreValue(store, select);
  const id = `section-${section.key}`;
  const count = [...text.replace(/\s/g, "")].length;
  return (
    <section aria-labelledby={`${id}-heading`} className="isolate rounded-md border border-slate-200 bg-white p-3" id={id}>
      <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
        <label htmlFor={`${id}-text`}>{section.heading[lang]}</label>
      </h2>
      {section.mustCover && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {t("sections.mustCover", { items: section.mustCover.join(lang === "zh" ? "、" : ", ") })}
        </p>
      )}
      <textarea
        id={`${id}-text`}
        data-section={section.key}
        aria-describedby={section.mustCover ? `${id}-hint ${id}-count` : `${id}-count`}
        readOnly={!store.editable}
        value={text}
        onChange={(event) => store.setSection(key, event.target.value)}
        onBlur={() => store.flush()}
        rows={key === "overview" ? 10 : 5}
        className="mt-2 block w-full resize-y rounded-md border border-slate-300 px-2 py-1.5 text-sm leading-relaxed focus:border-brand-600"
      />
      <p id={`${id}-count`} className="tabular mt-1 text-right text-xs text-slate-500">
        {t("sections.count", { n: count })}
      </p>
    </section>
  );
});
