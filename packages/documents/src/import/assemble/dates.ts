/**
 * Dates as a signature block or a page writes them: "2022年1月28日", "二〇二二年一月二十八日",
 * "2022-01-28", "January 28, 2022".
 */
import { calendarDate, toHalfWidth } from "@nianbao/core";

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  "○": 0,
  O: 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十 → 10, 二十八 → 28, 三十一 → 31, 十二 → 12. */
function chineseNumber(text: string): number | null {
  if (!text) return null;
  const ten = text.indexOf("十");
  if (ten < 0) return text.length === 1 ? (CN_DIGITS[text] ?? null) : null;
  const tens = ten === 0 ? 1 : CN_DIGITS[text.slice(0, ten)];
  const ones = ten === text.length - 1 ? 0 : CN_DIGITS[text.slice(ten + 1)];
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

export function chineseYear(text: string): number | null {
  if (text.length !== 4) return null;
  let year = 0;
  for (const ch of text) {
    const digit = CN_DIGITS[ch];
    if (digit === undefined) return null;
    year = year * 10 + digit;
  }
  return year;
}

const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const CHINESE_DATE = /([〇零○OＯ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/u;
const NUMERIC_DATE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/u;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const ENGLISH_DATE = /(?:(\d{1,2})\s+([A-Za-z]+)|([A-Za-z]+)\s+(\d{1,2}),?)\s+(\d{4})/u;

type DateParts = readonly [year: number | null, month: number | null, day: number | null];

/** The ways a signature block writes a date, in the order they are tried: the pattern and its parts. */
const DATE_READERS: readonly { readonly pattern: RegExp; parts(m: RegExpExecArray): DateParts }[] = [
  { pattern: ARABIC_DATE, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { pattern: CHINESE_DATE, parts: (m) => [chineseYear(m[1] ?? ""), chineseNumber(m[2] ?? ""), chineseNumber(m[3] ?? "")] },
  { pattern: NUMERIC_DATE, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  // "28 January 2022", "January 28, 2022" (reports exported in English)
  {
    pattern: ENGLISH_DATE,
    parts: (m) => [Number(m[5]), MONTHS.indexOf((m[2] ?? m[3] ?? "").toLowerCase()) + 1 || null, Number(m[1] ?? m[4])],
  },
];

/** A date in any of the ways a signature block writes it, as an ISO date. */
export function parseDate(text: string): { date: string; match: string; index: number } | null {
  const t = toHalfWidth(text);
  for (const { pattern, parts } of DATE_READERS) {
    const m = pattern.exec(t);
    if (!m) continue;
    const [year, month, day] = parts(m);
    const date = year !== null && month !== null && day !== null ? calendarDate(year, month, day) : null;
    if (date) return { date, match: m[0], index: m.index };
  }
  return null;
}
