/**
 * Where the columns of a PDF table are: positioned text has no cell borders, so each column's x-centre
 * is learned from the rows that have every value, and a row with blanks is placed by those centres.
 */
import type { ValueCell } from "./rows";

/** Median x-centre of each column, learned from the rows of a PDF table that have every value. */
export class ColumnCentres {
  private readonly samples = new Map<string, number[][]>();

  learn(group: string, values: readonly ValueCell[]): void {
    const list = this.samples.get(group) ?? [];
    list.push(values.map((v) => (v.start + v.end) / 2));
    this.samples.set(group, list);
  }

  /** For each value, the column it sits in; null when any value is not clearly in one column. */
  place(group: string, values: readonly ValueCell[], columns: number): (number | null)[] | null {
    const rows = (this.samples.get(group) ?? []).filter((row) => row.length === columns);
    if (!rows.length) return null;
    const centres = Array.from({ length: columns }, (_, c) => {
      const xs = rows.map((row) => row[c]!).sort((a, b) => a - b);
      return xs[Math.floor(xs.length / 2)]!;
    });
    let minGap = Number.POSITIVE_INFINITY;
    for (let c = 1; c < centres.length; c++) minGap = Math.min(minGap, centres[c]! - centres[c - 1]!);
    const taken = new Set<number>();
    const out: (number | null)[] = [];
    for (const value of values) {
      const x = (value.start + value.end) / 2;
      let best = -1;
      let distance = Number.POSITIVE_INFINITY;
      centres.forEach((centre, c) => {
        const d = Math.abs(centre - x);
        if (d < distance) {
          best = c;
          distance = d;
        }
      });
      if (best < 0 || taken.has(best) || (columns > 1 && distance > minGap / 2)) return null;
      taken.add(best);
      out.push(best);
    }
    return out;
  }
}
