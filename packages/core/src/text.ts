/**
 * Text helpers shared by the validator and the importers: normalising Chinese report text, reading
 * the statistical period and figures quoted in prose, and measuring how alike two texts are.
 */
import { isoDate } from "./dates";

/** Full-width ASCII (０-９, Ａ-Ｚ, （）…) to half-width, and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/**
 * Text normalised for pattern matching: half-width digits, no spaces between digits and CJK
 * characters ("2024 年 1 月" → "2024年1月"), thousands separators removed ("3,119" → "3119").
 */
export function normalizeForMatching(text: string): string {
  const half = toHalfWidth(text).replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  // Keep a space only between two ASCII letters or digits ("PM 2.5"); Chinese text puts spaces
  // around numbers for layout only ("2024 年 1 月" → "2024年1月").
  // The last character written is remembered, not read back from `out`: indexing a string built by
  // `+=` flattens it, which made long texts (a 200-page PDF) quadratic.
  let out = "";
  let last = "";
  let pendingSpace = false;
  for (let i = 0; i < half.length; i++) {
    const ch = half[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace && isAsciiWord(last) && isAsciiWord(ch)) out += " ";
    pendingSpace = false;
    out += ch;
    last = ch;
  }
  return out;
}

function isAsciiWord(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export interface StatedPeriod {
  readonly from: string;
  readonly to: string;
  readonly quote: string;
}

const DATE = String.raw`(\d{4})年(\d{1,2})月(\d{1,2})日`;
const PERIOD = new RegExp(
  String.raw`统计(?:期限|时限|期间|周期|时间|区间)[^。；\d]{0,12}?${DATE}[^。；\d]{0,6}?(?:至|到|—|－|-|~|～)[^。；\d]{0,4}?${DATE}`,
);

const PERIOD_SAME_YEAR = new RegExp(
  String.raw`统计(?:期限|时限|期间|周期|时间|区间)[^。；\d]{0,12}?${DATE}[^。；\d]{0,6}?(?:至|到|—|－|-|~|～)(\d{1,2})月(\d{1,2})日`,
);

/** The statistical period a report states ("本报告中所列数据统计期限为2021年1月1日至12月31日"). */
export function findStatedPeriod(text: string): StatedPeriod | null {
  return findStatedPeriodNormalized(normalizeForMatching(text));
}

/** As `findStatedPeriod`, on text already passed through `normalizeForMatching`. */
export function findStatedPeriodNormalized(normalized: string): StatedPeriod | null {
  const m = PERIOD.exec(normalized);
  if (m) return { from: isoDate(m[1]!, m[2]!, m[3]!), to: isoDate(m[4]!, m[5]!, m[6]!), quote: m[0] };
  // "…统计期限为2021年1月1日至12月31日" (the year of the end date left out)
  const short = PERIOD_SAME_YEAR.exec(normalized);
  if (short) return { from: isoDate(short[1]!, short[2]!, short[3]!), to: isoDate(short[1]!, short[4]!, short[5]!), quote: short[0] };
  return null;
}

/** Characters that carry content: letters, digits, CJK; punctuation and spaces dropped. */
function contentChars(text: string): string {
  return toHalfWidth(text).replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Similarity of two texts in [0, 1]: the Sørensen–Dice coefficient of their character-bigram
 * multisets. Insensitive to punctuation and layout, sensitive to reworded content, and cheap enough
 * to compare every department's sections with last year's.
 */
export function textSimilarity(a: string, b: string): number {
  const x = contentChars(a);
  const y = contentChars(b);
  if (x.length < 2 || y.length < 2) return x === y ? 1 : 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const bigram = x.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const bigram = y.slice(i, i + 2);
    const n = counts.get(bigram);
    if (n) {
      shared++;
      counts.set(bigram, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

export function sameContent(a: string, b: string): boolean {
  return contentChars(a) === contentChars(b);
}

/** Agency names compared without spaces, brackets or the width of characters. */
export function sameAgencyName(a: string, b: string): boolean {
  return contentChars(a) === contentChars(b);
}
