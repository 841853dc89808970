/**
 * Text made safe for the formats written here. XML 1.0 (Word, Excel) cannot hold most C0 control
 * characters at all, so they are dropped rather than producing a file Word refuses to open.
 */
import { withoutUnsafeCharacters } from "@nianbao/core";

/**
 * `text` as XML 1.0 can carry it. What XML refuses (C0 controls but tab, LF and CR; U+FFFE/U+FFFF; lone
 * surrogates) is exactly what core refuses in stored text, so core's filter serves: a page break or
 * vertical tab becomes a line break, anything else is dropped.
 */
export function xmlSafe(text: string): string {
  return withoutUnsafeCharacters(text);
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escaped for HTML text and attribute values alike. */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** Display width in characters: a CJK character is one, an ASCII character half. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}
