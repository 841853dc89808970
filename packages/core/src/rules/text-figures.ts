/**
 * Figures that reports quote in 一、总体情况 ("全年共受理政府信息公开申请3119件"), each tied to the
 * table cells it must equal (T3-TEXT, T4-TEXT). Heuristic by nature: a pattern only fires on an
 * explicit number next to an unambiguous phrase, and a figure about last year is skipped.
 */
import type { Label } from "../formats/types";
import { normalizeForMatching } from "../text";

export interface TextFigureDef {
  readonly id: string;
  readonly table: "applications" | "reviewLitigation";
  readonly label: Label;
  /** The figure equals the sum of these cells; `{total}` is the format's applicant total column. */
  readonly cells: readonly string[];
  /**
   * Other sums the same words may mean, as people write them: "受理申请749件" is 一 or 一＋二 (the year's
   * new applications, or with those carried over). The figure is right when any reading matches.
   */
  readonly alternatives?: readonly (readonly string[])[];
  readonly patterns: readonly RegExp[];
  /** Skip a match when the words just before it speak of another year. */
  readonly skipOtherYear: boolean;
}

const GAP = "[^，。；：、\\d（(]{0,12}?";
const N = "(\\d+)(?:件|个|起|宗)";
const T3 = (row: string) => `applications.${row}.{total}`;
const l = (zh: string, en: string) => ({ zh, en });

export const TEXT_FIGURES: readonly TextFigureDef[] = [
  {
    id: "newReceived",
    table: "applications",
    label: l("本年新收申请数", "new applications"),
    cells: [T3("newReceived")],
    alternatives: [[T3("newReceived"), T3("carriedOver")]],
    patterns: [new RegExp(`(?:新收|收到|受理|接收|共收|新增)${GAP}申请(?:共|总计|合计)?${N}`, "g")],
    skipOtherYear: true,
  },
  {
    id: "carriedOver",
    table: "applications",
    label: l("上年结转申请数", "applications carried over"),
    cells: [T3("carriedOver")],
    patterns: [new RegExp(`上(?:一)?年度?结转${GAP}${N}`, "g")],
    skipOtherYear: false,
  },
  {
    id: "totalProcessed",
    table: "applications",
    label: l("办结（答复）申请数", "applications answered"),
    cells: [T3("results.totalProcessed")],
    // "共办理718件": the applications handled are 三's total, as 办结 and 答复 are. "同意公开答复9件" or
    // "不予公开答复2件" count one outcome of 三, not every answer: an 答复 qualified by 公开 is not read here.
    // Nor is "办结的申请中同意公开答复1件": the words between may not name an outcome.
    patterns: [
      new RegExp(
        `(?:办结|(?<!公开)答复|办理完毕|共办理|办理)(?:(?!同意公开|予以公开|部分公开|不予|无法提供|其他处理)[^，。；：、\\d（(]){0,12}?${N}`,
        "g",
      ),
    ],
    skipOtherYear: true,
  },
  {
    id: "carriedForward",
    table: "applications",
    label: l("结转下年度申请数", "applications carried forward"),
    cells: [T3("carriedForward")],
    patterns: [
      // "结转下一年31件" as well as "结转下年度…".
      new RegExp(`${N}(?:申请)?(?:顺延|结转)(?:到|至)?下(?:一)?年度?`, "g"),
      // "转下一年度办理答复的有1件" (上海市科委 2024) as well.
      new RegExp(`结?转(?:到|至|入)?下(?:一)?年度?${GAP}${N}`, "g"),
    ],
    skipOtherYear: false,
  },
  {
    id: "grantedAndPartial",
    table: "applications",
    label: l("予以公开及部分公开数", "disclosed in full or in part"),
    cells: [T3("results.granted"), T3("results.partial")],
    patterns: [new RegExp(`予以公开(?:及|和|与|、)部分公开${GAP}${N}`, "g")],
    skipOtherYear: true,
  },
  {
    id: "granted",
    table: "applications",
    label: l("予以公开数", "disclosed"),
    cells: [T3("results.granted")],
    // "同意公开答复9件" is how some reports word 予以公开.
    patterns: [new RegExp(`(?:(?<!不)予以公开|同意公开)(?!及|和|与|、|部分)${GAP}${N}`, "g")],
    skipOtherYear: true,
  },
  {
    id: "unableToProvide",
    table: "applications",
    label: l("无法提供数", "unable to provide"),
    cells: [T3("results.unableToProvide.noInfo"), T3("results.unableToProvide.needCreation"), T3("results.unableToProvide.unclear")],
    patterns: [new RegExp(`无法提供${GAP}${N}`, "g")],
    skipOtherYear: true,
  },
  {
    id: "reviewTotal",
    table: "reviewLitigation",
    label: l("行政复议总数", "reconsiderations"),
    cells: ["reviewLitigation.review.total"],
    patterns: [new RegExp(`行政复议(?:(?!诉讼|起诉)[^，。；：、\\d（(]){0,12}?${N}`, "g")],
    skipOtherYear: true,
  },
  {
    id: "litigationTotal",
    table: "reviewLitigation",
    label: l("行政诉讼总数", "lawsuits"),
    cells: ["reviewLitigation.litigationDirect.total", "reviewLitigation.litigationAfterReview.total"],
    patterns: [new RegExp(`行政诉讼(?:(?!复议)[^，。；：、\\d（(]){0,12}?${N}`, "g")],
    skipOtherYear: true,
  },
];

export interface TextFigure {
  readonly id: string;
  readonly value: number;
  /** The words the figure was read from. */
  readonly quote: string;
}

// Last year's figures, and those carried to next year ("转下一年度办理答复的有1件" is not this year's answers).
const OTHER_YEAR = /(?:上年|去年|上一年|下一?年度?|同比|较\d{4}年|比\d{4}年)[^，。；]{0,6}$/;

export function findTextFigures(text: string): TextFigure[] {
  return findNormalizedTextFigures(normalizeForMatching(text));
}

let memo: { text: string; figures: TextFigure[] } | undefined;

/** As `findTextFigures`, on text already passed through `normalizeForMatching` (the last answer is kept). */
export function findNormalizedTextFigures(normalized: string): TextFigure[] {
  if (memo?.text === normalized) return memo.figures;
  const figures = scan(normalized);
  memo = { text: normalized, figures };
  return figures;
}

function scan(normalized: string): TextFigure[] {
  const found: TextFigure[] = [];
  for (const def of TEXT_FIGURES) {
    const seen = new Set<number>();
    for (const pattern of def.patterns) {
      for (const m of normalized.matchAll(pattern)) {
        const before = normalized.slice(Math.max(0, m.index - 12), m.index);
        if (def.skipOtherYear && OTHER_YEAR.test(before)) continue;
        if (seen.has(m.index)) continue;
        seen.add(m.index);
        // The first figure of each kind is the one reports state; later ones are breakdowns.
        if (found.some((f) => f.id === def.id)) continue;
        found.push({ id: def.id, value: Number(m[1]), quote: m[0] });
      }
    }
  }
  return found;
}
