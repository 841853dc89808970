/**
 * Run-together rows: text extraction sometimes loses the separators between a row's cells, giving
 * "640020470" for 64, 0, 0, 2, 0, 4, 70. Every split of the digits into the row's cells is a possible
 * reading; a reading is kept only when the table's own identities (core's linear rules, evaluated
 * with the rest of the table) do not fail for it, and it is used only when exactly one is kept.
 */
import {
  type CellDef,
  type CellReading,
  CellStatus,
  evaluateLinear,
  type FormatVersion,
  type LinearInstance,
  linearInstances,
} from "@nianbao/core";

/** Readings enumerated at most; beyond this the row is ambiguous without looking further. */
export const MAX_READINGS = 5000;
/** Digits at most in a row: more cannot be split within the bound anyway. */
const MAX_DIGITS = 64;

/** Parts of a count never start with 0 unless they are 0 ("05" is not how a table writes 5). */
function validPart(part: string): boolean {
  return part.length === 1 || part[0] !== "0";
}

/**
 * Every way to cut the tokens into exactly `cells` parts (each token into one or more consecutive
 * parts), or "tooMany" when there are more than MAX_READINGS.
 */
export function splitReadings(tokens: readonly string[], cells: number): number[][] | "tooMany" {
  const digits = tokens.reduce((n, token) => n + token.length, 0);
  if (digits > MAX_DIGITS) return "tooMany";
  if (digits < cells || tokens.length > cells) return [];
  // Digits from the start of each token to the end of all tokens.
  const after = tokens.map((_, t) => tokens.slice(t).reduce((n, token) => n + token.length, 0));
  const out: number[][] = [];
  const current: string[] = [];
  let overflow = false;
  // cut(token index, offset inside it, cells still to fill)
  const cut = (t: number, offset: number, remaining: number): void => {
    if (overflow) return;
    if (t === tokens.length) {
      if (remaining === 0) {
        if (out.length >= MAX_READINGS) overflow = true;
        else out.push(current.map(Number));
      }
      return;
    }
    const token = tokens[t]!;
    const left = token.length - offset;
    // Digits still available after this token must be enough for the tokens after it (one part each).
    const laterTokens = tokens.length - t - 1;
    if (remaining < 1 + laterTokens || remaining > after[t]! - offset) return;
    for (let length = 1; length <= left; length++) {
      const part = token.slice(offset, offset + length);
      if (!validPart(part)) break;
      current.push(part);
      if (length === left) cut(t + 1, 0, remaining - 1);
      else cut(t, offset + length, remaining - 1);
      current.pop();
      if (overflow) return;
    }
  };
  cut(0, 0, cells);
  return overflow ? "tooMany" : out;
}

/** The error-level identities (of the document itself) that involve any of the cells. */
function instancesFor(version: FormatVersion, cells: readonly CellDef[]): LinearInstance[] {
  const ids = new Set(cells.map((c) => c.id));
  return linearInstances(version).filter(
    (instance) => instance.rule.severity === "error" && !instance.rule.crossYear && instance.cells.some((id) => ids.has(id)),
  );
}

/**
 * The readings whose values make no identity fail, given the rest of the table as `reading` holds it.
 * The reading's arrays are restored before returning.
 */
export function consistentReadings(
  version: FormatVersion,
  cells: readonly CellDef[],
  readings: readonly number[][],
  reading: CellReading,
  /** Filled with the identities (rule id → its Chinese title) that ruled out some reading. */
  rejectedBy?: Map<string, string>,
): number[][] {
  const instances = instancesFor(version, cells);
  const values = reading.values as Float64Array;
  const status = reading.status as Uint8Array;
  const saved = cells.map((c) => [values[c.index]!, status[c.index]!] as const);
  const kept: number[][] = [];
  try {
    for (const candidate of readings) {
      cells.forEach((cell, i) => {
        values[cell.index] = candidate[i]!;
        status[cell.index] = CellStatus.ok;
      });
      const failing = instances.filter((instance) => evaluateLinear(instance, reading).kind === "fails");
      if (!failing.length) kept.push(candidate);
      for (const instance of failing) rejectedBy?.set(instance.rule.id, instance.rule.title.zh);
    }
  } finally {
    cells.forEach((cell, i) => {
      values[cell.index] = saved[i]![0];
      status[cell.index] = saved[i]![1];
    });
  }
  return kept;
}
