import { COMPARED_METRICS, type ComparedMetric } from "./compared-metrics.js";
import { requireBoard } from "./require-board.js";
import type { HandoffMetrics, Scoreboard } from "./finish.js";
import type { Metric } from "./metric.js";
import { differenceInterval, zScore, type Interval } from "./statistics.js";

/**
 * A group against everyone else on one metric: both values, the difference (group minus rest) with
 * its interval, and whether the data supports a difference (the interval excludes zero).
 *
 * @example
 * ```ts
 * import type { Comparison } from "handoff-kit/metrics";
 * const coach = (comparison: Comparison): boolean =>
 *   comparison.supported && comparison.metric === "meetingQuality" && (comparison.difference ?? 0) < 0;
 * ```
 * @category Comparisons and trends
 */
export interface Comparison {
  /** The group's key. */
  readonly scope: string;
  readonly metric: ComparedMetric;
  readonly value: number | null;
  readonly rest: number | null;
  readonly difference: number | null;
  readonly interval: Interval | null;
  readonly supported: boolean;
  /** The group's or the rest's denominator is below the scoreboard's `minSample`. */
  readonly lowSample: boolean;
}

const restOf = (overall: Metric, group: Metric): { successes: number; trials: number } => ({
  successes: overall.numerator - group.numerator,
  trials: overall.denominator - group.denominator,
});

/** The data supports a difference: its interval lies wholly above or wholly below zero. */
const excludesZero = (interval: Interval | null): boolean =>
  interval !== null && (interval.low > 0 || interval.high < 0);

/** Count, mean and variance of quality scores from their distribution. */
function moments(distribution: readonly number[]): { n: number; mean: number; variance: number } {
  const n = distribution.reduce((sum, count) => sum + count, 0);
  // Without two ratings neither the mean (value is null at 0) nor the variance (no interval under 2) is
  // read, so what these guards return there is never seen: they keep NaN out of the object.
  // Stryker disable next-line ConditionalExpression: equivalent: see above
  const mean = n === 0 ? 0 : distribution.reduce((sum, count, i) => sum + count * (i + 1), 0) / n;
  const squares = distribution.reduce((sum, count, i) => sum + count * (i + 1 - mean) ** 2, 0);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: see above
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

function compareQuality(
  group: HandoffMetrics,
  overall: HandoffMetrics,
  confidence: number,
): { value: number | null; rest: number | null; interval: Interval | null; small: number } {
  const a = moments(group.meetingQuality.distribution);
  const whole = overall.meetingQuality.distribution;
  const b = moments(whole.map((count, i) => count - (group.meetingQuality.distribution[i] ?? 0)));
  const value = a.n === 0 ? null : a.mean;
  const rest = b.n === 0 ? null : b.mean;
  if (a.n < 2 || b.n < 2) return { value, rest, interval: null, small: Math.min(a.n, b.n) };
  const half = zScore(confidence) * Math.sqrt(a.variance / a.n + b.variance / b.n);
  const delta = a.mean - b.mean;
  return { value, rest, interval: { low: delta - half, high: delta + half, confidence }, small: Math.min(a.n, b.n) };
}

/**
 * Compares each group of a grouped scoreboard with the rest of the handoffs (the whole minus the
 * group) on the {@link COMPARED_METRICS}, so an SDR is flagged only where the data supports a
 * difference: an SDR with 6 meetings and a 50% no-show rate is noise, not a coaching case.
 *
 * @example
 * ```ts
 * import { compareWithRest, scoreboard } from "handoff-kit/metrics";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const board = scoreboard(handoffs, { now: new Date("2026-11-14T02:00:00Z"), groupBy: "sdr" });
 * const coachingCases = compareWithRest(board).filter((comparison) => comparison.supported);
 * ```
 * @category Comparisons and trends
 */
export function compareWithRest(board: Scoreboard): Comparison[] {
  requireBoard(board, "compareWithRest");
  const { overall, confidence, minSample } = board;
  return board.groups.flatMap((group) =>
    COMPARED_METRICS.map((metric): Comparison => {
      if (metric === "meetingQuality") {
        const { value, rest, interval, small } = compareQuality(group.metrics, overall, confidence);
        return {
          scope: group.key,
          metric,
          value,
          rest,
          difference: value === null || rest === null ? null : value - rest,
          interval,
          supported: excludesZero(interval),
          lowSample: small < minSample,
        };
      }
      const mine = group.metrics[metric];
      const others = restOf(overall[metric], mine);
      const interval = differenceInterval({ successes: mine.numerator, trials: mine.denominator }, others, {
        confidence,
      });
      const value = mine.value;
      const rest = others.trials === 0 ? null : others.successes / others.trials;
      return {
        scope: group.key,
        metric,
        value,
        rest,
        difference: value === null || rest === null ? null : value - rest,
        interval,
        supported: excludesZero(interval),
        lowSample: mine.denominator < minSample || others.trials < minSample,
      };
    }),
  );
}
