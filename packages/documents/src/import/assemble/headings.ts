/**
 * Section headings: which section of either format a paragraph heads, whatever its numbering or
 * wording variant (from core's headings and headingAliases), or null when it is prose.
 */
import { FORMATS, type FormatVersion, type SectionDef, textSimilarity } from "@nianbao/core";
import { bareKey } from "../normalize";

interface HeadingCandidate {
  readonly key: string;
  readonly section: SectionDef;
}

/** Captions seen in place of a table section's heading: "…情况统计表". */
const CAPTION_SUFFIX = /(?:统计表|情况表|表)$/u;

let headingCache: HeadingCandidate[] | null = null;

function headingCandidates(): HeadingCandidate[] {
  if (headingCache) return headingCache;
  const out: HeadingCandidate[] = [];
  for (const version of Object.keys(FORMATS) as FormatVersion[]) {
    for (const section of FORMATS[version].sections) {
      for (const text of [section.heading.zh, section.heading.en, ...section.headingAliases]) {
        const key = bareKey(text);
        if (key && !out.some((c) => c.key === key && c.section.key === section.key)) out.push({ key, section });
      }
    }
  }
  headingCache = out;
  return out;
}

/** The longest heading is under 40 characters; a paragraph much longer than that is prose. */
const MAX_HEADING = 48;

/** The section a paragraph heads, or null when it is not a heading. */
export function matchHeading(text: string): SectionDef | null {
  const compact = text.replace(/\s/gu, "");
  if (!compact || compact.length > MAX_HEADING) return null;
  const key = bareKey(text);
  if (!key) return null;
  const trimmed = key.replace(CAPTION_SUFFIX, "");
  let best: { section: SectionDef; score: number } | null = null;
  for (const c of headingCandidates()) {
    if (c.key === key || c.key === trimmed) return c.section;
    // Variants of a heading's wording ("行政复议、提起行政诉讼" for "行政复议和提起行政诉讼").
    const lengthRatio = trimmed.length / c.key.length;
    if (lengthRatio < 0.8 || lengthRatio > 1.25) continue;
    const score = textSimilarity(trimmed, c.key);
    if (score >= 0.85 && (!best || score > best.score)) best = { section: c.section, score };
  }
  return best?.section ?? null;
}
