/**
 * Figures a reader of the report wants beyond the table cells: the disclosure rate, the share of each
 * applicant type, how often reviews and lawsuits corrected the agency, and the change on last year.
 * Ratios are approximate numbers for display (rounded to 4 places); a ratio whose inputs are empty or
 * whose denominator is 0 is null.
 */
import { getFormat } from "../formats/index";
import { CellStatus, readCells } from "../rules/reading";
import type { ReportDocument } from "../schema/document";

export interface ReportMetrics {
  /** 本年新收 总计 */
  received: number | null;
  /** （七）总计 */
  handled: number | null;
  /** （一）予以公开 + （二）部分公开, over （七）总计. */
  disclosureRate: number | null;
  /** 予以公开 over 总计. */
  grantedRate: number | null;
  /** Share of new applications by applicant type (the format's applicant columns: natural, commercial …). */
  applicantShare: Record<string, number | null>;
  /** 行政复议 */
  reviews: number | null;
  /** 结果纠正 over concluded reviews (总计 − 尚未审结). */
  reviewCorrectionRate: number | null;
  /** 行政诉讼 (direct + after review) */
  lawsuits: number | null;
  /** 结果纠正 over concluded lawsuits. */
  litigationCorrectionRate: number | null;
  /** 行政事业性收费 (万元, exact decimal string), where the format reports fees as an amount (2021). */
  fees: string | null;
}

function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}

export function reportMetrics(doc: ReportDocument): ReportMetrics {
  const reading = readCells(getFormat(doc.formatVersion), doc.tables);
  const get = (id: string): number | null => {
    const cell = reading.format.cellById.get(id);
    return cell && reading.status[cell.index] === CellStatus.ok ? reading.values[cell.index]! : null;
  };
  const sum = (...values: (number | null)[]): number | null =>
    values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + b!, 0);
  const minus = (x: number | null, y: number | null): number | null => (x === null || y === null ? null : x - y);
  const { applicants, feeAmount } = reading.format.def.roles;
  const a = (row: string, col = applicants.total) => get(`${applicants.table}.${row}.${col}`);
  const r = (block: string, col: string) => get(`reviewLitigation.${block}.${col}`);

  const received = a("newReceived");
  const handled = a("results.totalProcessed");
  const lawsuits = sum(r("litigationDirect", "total"), r("litigationAfterReview", "total"));
  const feesCell = feeAmount === undefined ? undefined : reading.format.cellById.get(feeAmount);
  const feesRaw = feesCell ? reading.raw[feesCell.index] : null;
  return {
    received,
    handled,
    disclosureRate: ratio(sum(a("results.granted"), a("results.partial")), handled),
    grantedRate: ratio(a("results.granted"), handled),
    applicantShare: Object.fromEntries(applicants.parts.map((k) => [k, ratio(a("newReceived", k), received)])),
    reviews: r("review", "total"),
    reviewCorrectionRate: ratio(r("review", "corrected"), minus(r("review", "total"), r("review", "pending"))),
    lawsuits,
    litigationCorrectionRate: ratio(
      sum(r("litigationDirect", "corrected"), r("litigationAfterReview", "corrected")),
      minus(lawsuits, sum(r("litigationDirect", "pending"), r("litigationAfterReview", "pending"))),
    ),
    fees: feesCell && reading.status[feesCell.index] === CellStatus.ok ? (feesRaw as string) : null,
  };
}

export interface Change {
  current: number | null;
  previous: number | null;
  /** current − previous */
  change: number | null;
  /** (current − previous) / previous, rounded to 4 places; null when previous is 0 or empty. */
  changeRate: number | null;
}

const COUNTS = ["received", "handled", "reviews", "lawsuits"] as const;

/** Year-over-year change of the headline counts. Works across the 2020→2021 format change (三 and 四 are unchanged). */
export function yearOverYear(current: ReportDocument, previous: ReportDocument): Record<(typeof COUNTS)[number], Change> {
  const now = reportMetrics(current);
  const before = reportMetrics(previous);
  return Object.fromEntries(
    COUNTS.map((key) => {
      const c = now[key];
      const p = before[key];
      const change = c === null || p === null ? null : c - p;
      return [key, { current: c, previous: p, change, changeRate: change === null ? null : ratio(change, p) }];
    }),
  ) as Record<(typeof COUNTS)[number], Change>;
}
