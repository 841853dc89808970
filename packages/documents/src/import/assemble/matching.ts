/**
 * core's `normalizeForMatching` on a text of any length, in linear time. core appends one character at
 * a time and looks back at the last one, which makes V8 copy the whole string again at every space
 * (a 200-page PDF read as one paragraph took seconds per call). Here the text is cut into pieces of a
 * few thousand characters, each normalised by core, and the pieces joined as core would have: the
 * result is identical (a property test compares the two).
 *
 * Where a cut is safe: core's only rule reaching across characters other than spaces is the
 * thousands separator, whose match (digits and a comma) and look-ahead (one character) never span a
 * cut between two characters that are not both digits or commas. Spaces are dropped and one is put
 * back only between two ASCII letters or digits, which the join repeats.
 */
import { normalizeForMatching } from "@nianbao/core";

const PIECE = 4096;

/** Characters core turns into digits or a comma (full-width ones included). */
function digitOrComma(ch: number): boolean {
  return (ch >= 0x30 && ch <= 0x39) || ch === 0x2c || (ch >= 0xff10 && ch <= 0xff19) || ch === 0xff0c;
}

/** What core drops as a space (the ideographic space becomes one first). */
function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x3000;
}

function isAsciiWord(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

/** `piece` is the length of the pieces (tests make it tiny, to put many cuts in a short text). */
export function normalizeLongForMatching(text: string, piece = PIECE): string {
  if (text.length <= piece) return normalizeForMatching(text);
  const parts: string[] = [];
  let last = -1; // the last character written, or -1 while nothing is
  let pending = false; // spaces seen since it
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + piece);
    // Never cut a surrogate pair, nor between two digits or commas.
    while (
      end < text.length &&
      ((text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) ||
        (digitOrComma(text.charCodeAt(end - 1)) && digitOrComma(text.charCodeAt(end))))
    ) {
      end++;
    }
    const raw = text.slice(start, end);
    const normal = normalizeForMatching(raw);
    if (normal) {
      if ((pending || isSpace(raw.charCodeAt(0))) && last >= 0 && isAsciiWord(last) && isAsciiWord(normal.charCodeAt(0))) parts.push(" ");
      parts.push(normal);
      last = normal.charCodeAt(normal.length - 1);
      pending = isSpace(raw.charCodeAt(raw.length - 1));
    } else if (raw.length > 0) pending = true;
    start = end;
  }
  return parts.join("");
}
