import { requireWholeNumber } from "../core/guards.js";
import { meanInterval, poissonRateInterval, requireConfidence, wilsonInterval, type Interval } from "./statistics.js";

/**
 * One metric: its value with the numerator and denominator it came from, a confidence interval,
 * and whether the denominator is below the low-sample threshold. `value` is `null` (never `NaN`)
 * when the denominator is 0. For a rate, `numerator / denominator`; for a mean, the sum over the
 * count; for a count per unit (per SDR-week, per 1,000 handoffs), the count over the units, scaled.
 *
 * @example
 * ```ts
 * import type { Metric } from "handoff-kit/metrics";
 * const percent = (metric: Metric): string =>
 *   metric.value === null ? "n/a" : `${(metric.value * 100).toFixed(0)}%${metric.lowSample ? " (low sample)" : ""}`;
 * ```
 * @category Metric values
 */
export interface Metric {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly interval: Interval | null;
  /** The denominator is below the scoreboard's `minSample` (10 by default): read the value as noise. */
  readonly lowSample: boolean;
}

/**
 * Exact quantiles of a duration in milliseconds over the handoffs that have one: the median and the
 * 90th percentile (linear interpolation between order statistics, as R, NumPy and arquero compute
 * them by default), and the mean. Null when `count` is 0.
 *
 * @example
 * ```ts
 * import type { DurationStats } from "handoff-kit/metrics";
 * const hoursAtP90 = (stats: DurationStats): string =>
 *   stats.p90 === null ? "n/a" : (stats.p90 / 3_600_000).toFixed(1);
 * ```
 * @category Metric values
 */
export interface DurationStats {
  readonly count: number;
  readonly median: number | null;
  readonly p90: number | null;
  readonly mean: number | null;
}

/** How a scoreboard states its metrics. */
export interface Precision {
  /** Of every interval, in (0, 1). */
  readonly confidence: number;
  /** Below this denominator a metric is `lowSample`. */
  readonly minSample: number;
}

/**
 * A scoreboard's precision from its options, checked (0.95 and 10 by default); misuse names `fn`.
 */
export function precisionOf(
  options: { readonly confidence?: number; readonly minSample?: number },
  fn: string,
): Precision {
  const confidence = options.confidence ?? 0.95;
  requireConfidence(confidence, `${fn}: options.confidence`);
  const minSample = options.minSample ?? 10;
  requireWholeNumber(minSample, `${fn}: options.minSample`, 0);
  return { confidence, minSample };
}

/** A proportion (scaled by `scale`, for per-1,000 figures) with its Wilson interval. */
export function proportion(numerator: number, denominator: number, precision: Precision, scale = 1): Metric {
  const interval = wilsonInterval(numerator, denominator, { confidence: precision.confidence });
  return {
    value: denominator === 0 ? null : (numerator / denominator) * scale,
    numerator,
    denominator,
    interval:
      interval === null
        ? null
        : { low: interval.low * scale, high: interval.high * scale, confidence: interval.confidence },
    lowSample: denominator < precision.minSample,
  };
}

/** A count per unit of exposure (meetings per SDR-week) with its score interval. */
export function ratePerUnit(events: number, units: number, precision: Precision): Metric {
  return {
    value: units === 0 ? null : events / units,
    numerator: events,
    denominator: units,
    interval: poissonRateInterval(events, units, { confidence: precision.confidence }),
    lowSample: units < precision.minSample,
  };
}

/** A mean from count, sum and sum of squares, with its normal interval. */
export function mean(count: number, sum: number, sumOfSquares: number, precision: Precision): Metric {
  return {
    value: count === 0 ? null : sum / count,
    numerator: sum,
    denominator: count,
    interval: meanInterval(count, sum, sumOfSquares, { confidence: precision.confidence }),
    lowSample: count < precision.minSample,
  };
}
