/**
 * Message catalogue. zh-CN is the default language of every message; English is on request.
 * Templates take `{name}` placeholders.
 */
import type { Label } from "../formats/types";
import { MESSAGES, type MessageKey } from "./messages";

export type Lang = "zh" | "en";
export { MESSAGES, type MessageKey };

export function isLang(value: unknown): value is Lang {
  return value === "zh" || value === "en";
}

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return fill(MESSAGES[key][lang], params);
}

export function label(lang: Lang, value: Label): string {
  return value[lang];
}

/** zh joins list items with 、 and no spaces; en with commas. */
export function list(lang: Lang, items: readonly string[]): string {
  return lang === "zh" ? items.join("、") : items.join(", ");
}
