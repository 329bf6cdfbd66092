import { optionsOf, requireNumbers, requireObject } from "../core/guards.js";
import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";

/**
 * A two-sided confidence interval around a metric's value, at `confidence` (0.95 by default).
 *
 * @example
 * ```ts
 * import type { Interval } from "handoff-kit/metrics";
 * const width = (interval: Interval): number => interval.high - interval.low;
 * ```
 * @category Statistics
 */
export interface Interval {
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
}

// Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9),
// refined below to double precision, so that any confidence level works, not only a table of 90/95/99%.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
] as const;
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
] as const;
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;

/** Acklam's approximation of the quantile of the upper-tail probability `q` (q <= 0.5: the answer is >= 0). */
function approximateUpperQuantile(q: number): number {
  // Stryker disable next-line EqualityOperator: equivalent: at q = 0.02425 both starts are near enough for two steps
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (
      -(((((C[0] * r + C[1]) * r + C[2]) * r + C[3]) * r + C[4]) * r + C[5]) /
      ((((D[0] * r + D[1]) * r + D[2]) * r + D[3]) * r + 1)
    );
  }
  const h = 0.5 - q;
  const r = h * h;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * h) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * How far the upper tail beyond `x >= 0` exceeds `q` (its target; `half` = 1/2 - q, the two-sided
 * confidence over 2), with the standard normal density at `x`, each to about an ulp. The square in
 * the density's exponent is split exactly (Dekker's product): its rounding error, multiplied by x^2 / 2
 * in the exponent, would otherwise be the largest error left. Below 1 the tail is 1/2 minus the
 * density times a series of positive terms, compared with `half` directly (no 1/2 - q cancellation);
 * from 1 on it is the density times Laplace's continued fraction for the Mills ratio, which converges
 * in a few hundred terms (at most 800, evaluated backwards, at x = 1; fewer further out).
 */
function tailExcess(x: number, q: number, half: number): { excess: number; density: number } {
  const split = 134_217_729 * x; // 2^27 + 1
  const hi = split - (split - x);
  const lo = x - hi;
  const square = x * x;
  const squareError = hi * hi - square + 2 * hi * lo + lo * lo;
  const density = (Math.exp(-square / 2) * (1 - squareError / 2)) / Math.sqrt(2 * Math.PI);
  if (x < 1) {
    let term = x;
    let sum = x;
    for (let n = 1; term > sum * 1e-18; n += 1) {
      term *= square / (2 * n + 1);
      sum += term;
    }
    return { excess: half - density * sum, density };
  }
  let fraction = x;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: from 2 on 120 terms leave 3e-18
  for (let k = x >= 2 ? 120 : 800; k >= 1; k -= 1) fraction = x + k / fraction;
  return { excess: density / fraction - q, density };
}

/**
 * The upper-tail probability a two-sided confidence leaves on each side, read from the decimal the
 * confidence is written as: 0.95 is 95%, not the double nearest to 0.95 (whose tail, 1 - 0.95, is
 * 0.050000000000000044); at 0.999999 that difference would move the quantile by 1e-12.
 */
function tailOf(confidence: number): number {
  // Stryker disable next-line Regex: equivalent: a level in (0, 1) prints like 0.95 or 1.5e-7: "0." leads or is absent
  const decimals = /^0\.(\d{1,15})$/.exec(String(confidence))?.[1];
  if (decimals === undefined) return (1 - confidence) / 2;
  return Number(`${String(10 ** decimals.length - Number(decimals))}e-${String(decimals.length)}`) / 2;
}

/** The last quantile computed: a cache of a pure function (scoreboards ask for one level thousands of times). */
const lastQuantile = { confidence: Number.NaN, z: Number.NaN };

function upperQuantile(confidence: number): number {
  // Stryker disable next-line ConditionalExpression: performance only: the quantile is computed again, the same
  if (confidence === lastQuantile.confidence) return lastQuantile.z;
  const q = tailOf(confidence);
  let x = approximateUpperQuantile(q);
  // Two Halley steps on Q(x) = q (Q' = -density, Q'' = x * density): from Acklam's 1e-9, the first
  // leaves about 1e-27, the second absorbs the rounding of the first.
  for (let step = 0; step < 2; step += 1) {
    const { excess, density } = tailExcess(x, q, confidence / 2);
    const u = excess / density;
    // Stryker disable next-line ArithmeticOperator: equivalent: a first-order step leaves < 1e-15 for the second
    x += u / (1 - (x * u) / 2);
  }
  lastQuantile.confidence = confidence;
  lastQuantile.z = x;
  return x;
}

/**
 * The two-sided critical value of the standard normal distribution for a confidence level
 * (1.959963984540054 for 0.95), to a relative error of about 1e-15 (checked against 40-digit values at
 * 18,700 levels: from z = 2 on, within an ulp; at most 9 ulps, for z between 0.5 and 1). The level is
 * read as the decimal it is written as. Throws `invalid_argument` outside (0, 1).
 *
 * @example
 * ```ts
 * import { zScore } from "handoff-kit/metrics";
 * zScore(0.95).toFixed(2); // "1.96"
 * ```
 * @category Statistics
 */
export function zScore(confidence: number): number {
  requireConfidence(confidence, "zScore: confidence");
  return upperQuantile(confidence);
}

/** Throws `invalid_argument`, naming `name`, unless `confidence` is a level strictly between 0 and 1. */
export function requireConfidence(confidence: unknown, name: string): asserts confidence is number {
  if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1))
    throw new HandoffKitError("invalid_argument", {
      detail: `${name} must be between 0 and 1 (exclusive): ${describeValue(confidence)}`,
    });
}

/**
 * How sure an interval is: `confidence` is the two-sided level, 0.95 unless given (between 0 and 1).
 *
 * @example
 * ```ts
 * import { wilsonInterval, type IntervalOptions } from "handoff-kit/metrics";
 * const strict: IntervalOptions = { confidence: 0.99 };
 * wilsonInterval(3, 6, strict); // wider than at 0.95
 * ```
 * @category Statistics
 */
export interface IntervalOptions {
  readonly confidence?: number;
}

/** The level an interval is asked for, the options argument checked as misuse. */
function confidenceOf(options: IntervalOptions | undefined, fn: string): number {
  const confidence = optionsOf(options, fn).confidence ?? 0.95;
  // Checked before the counts are read, so a bad level is named even when there is nothing to measure.
  requireConfidence(confidence, `${fn}: options.confidence`);
  return confidence;
}

/**
 * The Wilson score interval for a proportion of `successes` out of `trials`: unlike the textbook
 * `p ± z·√(p(1-p)/n)`, it stays inside [0, 1] and is honest at small counts and at 0% or 100%.
 * Null when there are no trials.
 *
 * @example
 * ```ts
 * import { wilsonInterval } from "handoff-kit/metrics";
 * wilsonInterval(3, 6); // { low: 0.188, high: 0.812, confidence: 0.95 } (rounded): 50% of 6 is noise
 * ```
 * @category Statistics
 */
export function wilsonInterval(successes: number, trials: number, options?: IntervalOptions): Interval | null {
  const confidence = confidenceOf(options, "wilsonInterval");
  requireNumbers("wilsonInterval", { successes, trials });
  if (!(trials > 0)) return null;
  const z = zScore(confidence);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  // Rounding can leave the bounds a hair outside [0, 1] or past p at the edges; clamp them.
  return { low: Math.max(0, Math.min(p, centre - half)), high: Math.min(1, Math.max(p, centre + half)), confidence };
}

/**
 * The score interval for a rate of `events` per unit of `exposure` (a Poisson count: meetings per
 * SDR-week). Null when there is no exposure.
 *
 * @example
 * ```ts
 * import { poissonRateInterval } from "handoff-kit/metrics";
 * poissonRateInterval(12, 4); // about { low: 1.71, high: 5.25 }: 3 a week, from 4 weeks
 * ```
 * @category Statistics
 */
export function poissonRateInterval(events: number, exposure: number, options?: IntervalOptions): Interval | null {
  const confidence = confidenceOf(options, "poissonRateInterval");
  requireNumbers("poissonRateInterval", { events, exposure });
  if (!(exposure > 0)) return null;
  const z = zScore(confidence);
  const spread = z * Math.sqrt(events + (z * z) / 4);
  const centre = events + (z * z) / 2;
  return { low: Math.max(0, (centre - spread) / exposure), high: (centre + spread) / exposure, confidence };
}

/**
 * The normal interval of a mean from the count, sum and sum of squares of its values (what an
 * accumulator keeps). Null below two values.
 *
 * @example
 * ```ts
 * import { meanInterval } from "handoff-kit/metrics";
 * meanInterval(4, 14, 50); // the mean of 3, 3, 4, 4 is 3.5, give or take 0.57
 * ```
 * @category Statistics
 */
export function meanInterval(
  count: number,
  sum: number,
  sumOfSquares: number,
  options?: IntervalOptions,
): Interval | null {
  const confidence = confidenceOf(options, "meanInterval");
  requireNumbers("meanInterval", { count, sum, sumOfSquares });
  if (!(count > 1)) return null;
  const mean = sum / count;
  const variance = Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
  const half = zScore(confidence) * Math.sqrt(variance / count);
  return { low: mean - half, high: mean + half, confidence };
}

/**
 * Newcombe's interval for the difference of two proportions `a - b` (his method 10, built from the
 * two Wilson intervals). A difference the data supports is one whose interval excludes zero.
 *
 * @example
 * ```ts
 * import { differenceInterval } from "handoff-kit/metrics";
 * // about { low: -0.62, high: 0.03 }: not supported
 * differenceInterval({ successes: 3, trials: 6 }, { successes: 80, trials: 100 });
 * ```
 * @category Statistics
 */
export function differenceInterval(
  a: { readonly successes: number; readonly trials: number },
  b: { readonly successes: number; readonly trials: number },
  options?: IntervalOptions,
): Interval | null {
  const confidence = confidenceOf(options, "differenceInterval");
  requireObject(a, "differenceInterval", "a");
  requireObject(b, "differenceInterval", "b");
  const wa = wilsonInterval(a.successes, a.trials, { confidence });
  const wb = wilsonInterval(b.successes, b.trials, { confidence });
  if (wa === null || wb === null) return null;
  const pa = a.successes / a.trials;
  const pb = b.successes / b.trials;
  const delta = pa - pb;
  return {
    low: delta - Math.sqrt((pa - wa.low) ** 2 + (wb.high - pb) ** 2),
    high: delta + Math.sqrt((wa.high - pa) ** 2 + (pb - wb.low) ** 2),
    confidence,
  };
}
