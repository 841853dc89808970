/**
 * Limits every input shares, whatever form or client sends it: what a text may contain and how large
 * a stored number may be. The API applies them to every request; forms may use them to refuse early.
 */
import { z } from "zod";

/** The largest value of a 32-bit integer column (PostgreSQL `integer`, where revision numbers live). */
export const INT32_MAX = 2_147_483_647;

/** A revision number of a report: 1, 2, … up to what its database column holds. */
export const revisionNumberSchema = z.number().int().min(1).max(INT32_MAX);

/**
 * Characters no stored text may hold: C0 control characters other than tab, line feed and carriage
 * return; U+FFFE and U+FFFF; and lone UTF-16 surrogates. PostgreSQL text refuses NUL, UTF-8 cannot
 * carry a lone surrogate, and Word's XML refuses all of them — so they are refused on the way in.
 */
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character of `text` no stored text may hold, as "U+0000", or null when there is none. */
export function unsafeCharacterIn(text: string): string | null {
  const match = UNSAFE_CHARACTER.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : null;
}

/** The same set, every occurrence. */
const UNSAFE_CHARACTERS = new RegExp(UNSAFE_CHARACTER.source, "g");

/**
 * `text` with every character no stored text may hold taken out: a page break or vertical tab (what
 * Word and PDF extraction leave between pages) becomes a line break, anything else is dropped. For
 * text read from files, which must stay storable and editable.
 */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (c) => (c === "\f" || c === "\v" ? "\n" : ""));
}
