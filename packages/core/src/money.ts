/**
 * Money: decimal strings ("12.5", "0", "96171.6") with exact arithmetic.
 *
 * A decimal is held as an integer count of 10^-scale units in a BigInt, so sums of any number of
 * amounts are exact (no binary floating point anywhere). Native BigInt runs unchanged in Node and
 * in every browser the admin targets, which is why this is not a dependency.
 */

/** A non-negative or negative decimal written with a dot and no exponent, no thousands separators. */
export const DECIMAL_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

export interface Decimal {
  /** The value times 10^scale. */
  readonly units: bigint;
  readonly scale: number;
}

export function isDecimalString(value: unknown): value is string {
  return typeof value === "string" && DECIMAL_PATTERN.test(value);
}

export function parseDecimal(value: string): Decimal | null {
  if (!DECIMAL_PATTERN.test(value)) return null;
  const negative = value.startsWith("-");
  const body = negative ? value.slice(1) : value;
  const dot = body.indexOf(".");
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? "" : body.slice(dot + 1);
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, scale: fraction.length };
}

/** Decimal places written in the string ("12.50" → 2). */
export function decimalScale(value: string): number {
  const dot = value.indexOf(".");
  return dot < 0 ? 0 : value.length - dot - 1;
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Canonical string: no trailing fractional zeros, "0" for zero, "-" only for negatives. */
export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  let digits = (negative ? -d.units : d.units).toString();
  if (d.scale > 0) {
    digits = digits.padStart(d.scale + 1, "0");
    const whole = digits.slice(0, digits.length - d.scale);
    const fraction = digits.slice(digits.length - d.scale).replace(/0+$/, "");
    digits = fraction ? `${whole}.${fraction}` : whole;
  }
  return negative && digits !== "0" ? `-${digits}` : digits;
}

/** Exact sum of decimal strings; throws on a string that is not a decimal (callers validate first). */
export function sumMoney(values: Iterable<string>): string {
  let total: Decimal = { units: 0n, scale: 0 };
  for (const value of values) {
    const d = parseDecimal(value);
    if (!d) throw new RangeError(`not a decimal string: ${JSON.stringify(value)}`);
    total = addDecimals(total, d);
  }
  return formatDecimal(total);
}

export function normalizeMoney(value: string): string {
  const d = parseDecimal(value);
  if (!d) throw new RangeError(`not a decimal string: ${JSON.stringify(value)}`);
  return formatDecimal(d);
}

/** Multiply by a power of ten exactly (元 → 万元 is `shiftDecimal(x, -4)`). */
export function shiftDecimal(value: string, places: number): string {
  const d = parseDecimal(value);
  if (!d) throw new RangeError(`not a decimal string: ${JSON.stringify(value)}`);
  if (places >= 0) return formatDecimal({ units: d.units * 10n ** BigInt(places), scale: d.scale });
  return formatDecimal({ units: d.units, scale: d.scale - places });
}

/** An approximate number for ratios and display only; never store or sum the result. */
export function decimalToNumber(value: string): number {
  return Number(value);
}

/**
 * A running exact sum. `add` is the hot path of the roll-up: it avoids re-parsing into objects by
 * keeping one BigInt at the largest scale seen so far.
 */
export class MoneyAccumulator {
  private units = 0n;
  private scale = 0;
  /**
   * Fast path: amounts with at most 4 decimals and 11 integer digits (every real 万元 figure) are
   * summed as integer counts of 0.0001 in a double, which is exact below 2^53; the double is moved
   * into the BigInt before it could get there. A roll-up of 100,000 reports then allocates nothing.
   */
  private fast = 0;

  add(value: string): void {
    const dot = value.indexOf(".");
    const whole = dot < 0 ? value : value.slice(0, dot);
    const fraction = dot < 0 ? "" : value.slice(dot + 1);
    if (fraction.length <= 4 && whole.length <= 11 && DECIMAL_PATTERN.test(value) && !value.startsWith("-")) {
      this.fast += Number(whole) * 10_000 + (fraction ? Number(fraction) * 10 ** (4 - fraction.length) : 0);
      if (this.fast >= 2 ** 52) this.flush();
      return;
    }
    const d = parseDecimal(value);
    if (!d) throw new RangeError(`not a decimal string: ${JSON.stringify(value)}`);
    this.addDecimal(d);
  }

  private addDecimal(d: Decimal): void {
    if (d.scale > this.scale) {
      this.units *= 10n ** BigInt(d.scale - this.scale);
      this.scale = d.scale;
    }
    this.units += d.units * 10n ** BigInt(this.scale - d.scale);
  }

  private flush(): void {
    if (this.fast === 0) return;
    this.addDecimal({ units: BigInt(this.fast), scale: 4 });
    this.fast = 0;
  }

  toString(): string {
    this.flush();
    return formatDecimal({ units: this.units, scale: this.scale });
  }
}
