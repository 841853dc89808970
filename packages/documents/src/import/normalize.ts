/**
 * Label matching. Real reports write the form's labels with half- or full-width brackets and quotes,
 * spaces and line breaks inside them, other numbering ("1、", "（1）", "1.") and a stray bookmark or
 * note. Both sides are reduced to a key of letters and digits before comparing, so the comparison is
 * insensitive to all of that and still exact on the words.
 */
import { toHalfWidth } from "@nianbao/core";
import { forMatching } from "./traditional";

/** Numbering before a label: 一、 / （一） / (1) / 1. / 1、 / 1） / 第一部分. */
const NUMBERING =
  /^\s*(?:[(（]\s*(?:[一二三四五六七八九十]+|\d+)\s*[)）]|[一二三四五六七八九十]+\s*[、.．，,]|\d+\s*[、.．)）]|第[一二三四五六七八九十]+(?:部分|章|节)?[、.．：:\s]?)\s*/u;

/** Markers that text extraction leaves in (Word bookmarks) and markup that survived as text. */
const NOISE = /\[bookmark:[^\]]*\]|<br\s*\/?>/giu;

function stripNumbering(text: string): string {
  return text.replace(NOISE, "").replace(NUMBERING, "");
}

/**
 * Letters and digits only, half-width, lower case, in Simplified characters (a mirror's Traditional
 * text and its pinyin notes are matched as the form's labels): "（二）部分公开（区分…）" → "二部分公开区分…".
 */
export function labelKey(text: string): string {
  return toHalfWidth(forMatching(text.replace(NOISE, "")))
    .replace(/[^\p{L}\p{N}]+/gu, "")
    .toLowerCase();
}

/** The key without the label's numbering: renumbered headings and rows still match. */
export function bareKey(text: string): string {
  return labelKey(stripNumbering(toHalfWidth(text)));
}

export interface LabelCandidate<T> {
  readonly key: string;
  readonly bare: string;
  readonly value: T;
}

export function candidate<T>(label: string, value: T): LabelCandidate<T> {
  return { key: labelKey(label), bare: bareKey(label), value };
}

/** How well a text matched a label, best first. */
export const MatchQuality = { exact: 0, bare: 1, contains: 2, containsBare: 3, prefix: 4, interleaved: 5 } as const;
export type MatchQuality = (typeof MatchQuality)[keyof typeof MatchQuality];

export interface LabelMatch<T> {
  readonly value: T;
  readonly quality: MatchQuality;
  readonly length: number;
  /** The matched label's key. */
  readonly key: string;
}

/** Words that are whole labels somewhere but mean nothing inside a longer text: matched only exactly. */
const GENERIC = new Set(["其他", "总计", "合计", "小计", "other", "total"]);
/** A text cut off by a page or cell edge still names its label when it is this long. */
const MIN_PREFIX = 6;
/** Long labels are still recognised with a few foreign characters inside (a neighbouring cell's text). */
const MIN_INTERLEAVED = 8;

/**
 * Whether `label` occurs in `text` in order with at most a few other characters inside it — what a
 * wrapped label becomes when a PDF line also carries a vertical label's characters ("…只计度办这一情形…").
 */
function interleaved(text: string, label: string): boolean {
  const allowed = Math.min(4, Math.floor(label.length / 4));
  for (let start = text.indexOf(label[0]!); start >= 0; start = text.indexOf(label[0]!, start + 1)) {
    let t = start;
    let k = 0;
    while (t < text.length && k < label.length && t - start - k <= allowed) {
      if (text[t] === label[k]) k++;
      t++;
    }
    if (k === label.length && t - start - k <= allowed) return true;
  }
  return false;
}

function quality<T>(text: string, textBare: string, c: LabelCandidate<T>): MatchQuality | null {
  if (!c.key) return null;
  if (text === c.key) return MatchQuality.exact;
  // Without its numbering "3.其他" is just "其他": a generic word matches only with its number.
  if (textBare && textBare === c.bare && !GENERIC.has(c.bare)) return MatchQuality.bare;
  if (c.key.length >= 2 && !GENERIC.has(c.key) && text.includes(c.key)) return MatchQuality.contains;
  if (c.bare.length >= 2 && !GENERIC.has(c.bare) && textBare.includes(c.bare)) return MatchQuality.containsBare;
  if (text.length >= MIN_PREFIX && text.length * 2 >= c.key.length && c.key.startsWith(text)) return MatchQuality.prefix;
  if (c.key.length >= MIN_INTERLEAVED && text.length > c.key.length && interleaved(text, c.key)) return MatchQuality.interleaved;
  return null;
}

/** A note in brackets after a label's words ("规章（设区的市…应提供相关数据）"); "(一)" numbering is not one. */
const ANNOTATION = /(?<=[^\s(（])[(（][^()（）]{2,}[)）]/gu;

/**
 * The candidates a text names. A local note in brackets after the label does not name rows: the
 * label without its notes is matched first, and a text whose own words name nothing is not taken to
 * name a row its note mentions ("其他主动公开文件（…除规范性文件以外…）" is not 规范性文件).
 */
export function matchLabel<T>(text: string, candidates: readonly LabelCandidate<T>[]): LabelMatch<T>[] {
  const full = matchWords(text, candidates);
  const words = text.replace(ANNOTATION, "");
  if (words === text) return full;
  const own = matchWords(words, candidates);
  if (own.length && (!full.length || own[0]!.quality <= full[0]!.quality || full[0]!.quality >= MatchQuality.contains)) return own;
  // Matches found only inside the notes: the notes mention a row, the text does not name it.
  const notes = labelKey((text.match(ANNOTATION) ?? []).join(""));
  const inNotes = (m: LabelMatch<T>) => m.quality >= MatchQuality.contains && m.key.length > 0 && notes.includes(m.key);
  if (!own.length && labelKey(words).length >= 4 && full.length && full.every(inNotes)) return [];
  return full;
}

/**
 * The candidates a text names, at the best quality found and, among those, the longest label (the
 * most specific: 行政规范性文件 over 规范性文件). Several values back means the text is ambiguous.
 */
function matchWords<T>(text: string, candidates: readonly LabelCandidate<T>[]): LabelMatch<T>[] {
  const key = labelKey(text);
  if (!key) return [];
  const bare = bareKey(text);
  let best: LabelMatch<T>[] = [];
  for (const c of candidates) {
    const q = quality(key, bare, c);
    if (q === null) continue;
    const match = { value: c.value, quality: q, length: c.key.length, key: c.key };
    const top = best[0];
    if (!top || q < top.quality || (q === top.quality && match.length > top.length)) best = [match];
    else if (q === top.quality && match.length === top.length && !best.some((b) => b.value === c.value)) best.push(match);
  }
  return best;
}
