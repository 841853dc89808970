/**
 * Text made safe for the formats written here. XML 1.0 (Word, Excel) cannot hold most C0 control
 * characters at all, so they are dropped rather than producing a file Word refuses to open.
 */

// Allowed by XML 1.0: tab, LF, CR and everything from U+0020 except lone surrogates and U+FFFE/U+FFFF.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- the control characters are what this removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, "");
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
