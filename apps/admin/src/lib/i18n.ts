/**
 * UI strings in Chinese (the default) and English. Report labels and findings are not here: they come
 * from @nianbao/core and the API in the chosen language.
 */
import type { Lang } from "@nianbao/core";
import { useCallback, useSyncExternalStore } from "react";
import { zh } from "./messages-zh";
import { en } from "./messages-en";

export type MessageKey = keyof typeof zh;
const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = "nianbao.lang";

let lang: Lang = readStoredLang();
const listeners = new Set<() => void>();

function readStoredLang(): Lang {
  if (typeof window === "undefined") return "zh";
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

/** The UI language outside React (request headers, error messages). */
export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = next === "en" ? "en" : "zh-CN";
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The UI language; server rendering is always Chinese, the browser switches after hydration. */
export function useLang(): Lang {
  return useSyncExternalStore(subscribe, currentLang, () => "zh");
}

/** `{name}` placeholders are filled from `vars`. */
function translate(language: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = MESSAGES[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** `t(key)` in the current UI language. */
export function useT(): Translate {
  const language = useLang();
  return useCallback((key, vars) => translate(language, key, vars), [language]);
}
