import { formatPercent } from "../core/format.js";
import { HOUR } from "../core/duration.js";
import { requireObject } from "../core/guards.js";
import { requireBoard } from "./require-board.js";
import { match } from "ts-pattern";
import { compareWithRest } from "./compare.js";
import type { ComparedMetric } from "./compared-metrics.js";
import type { HandoffMetrics, Scoreboard } from "./finish.js";
import { differenceInterval, type Interval } from "./statistics.js";
import { detectTrends, type DetectTrendsOptions } from "./trend.js";
import { DEFAULT_HEALTH_BANDS, requireBands, type BandedMetric, type HealthBand } from "./health-bands.js";

/**
 * One finding of {@link assessHealth}; its `kind` decides its shape. `outside_band`: the whole
 * interval lies outside the band (the data supports it); `watch`: the value is outside but the
 * interval reaches into the band. `differs_from_team`: a group differs from the rest, supported by
 * the counts. `red_flag`: booked rising while held falls, both supported; `trend_watch`: the same
 * directions with only one of the two changes supported.
 *
 * @example
 * ```ts
 * import type { HealthFinding } from "handoff-kit/metrics";
 * const line = (finding: HealthFinding): string => {
 *   switch (finding.kind) {
 *     case "outside_band":
 *     case "watch":
 *       return `${finding.scope}: ${finding.metric} ${finding.side} the band`;
 *     case "differs_from_team":
 *       return `${finding.scope}: ${finding.metric} ${String(finding.value)} against ${String(finding.rest)}`;
 *     case "red_flag":
 *     case "trend_watch":
 *       return `${finding.scope}: booked ${String(finding.booked.earlier)} to ${String(finding.booked.recent)}`;
 *   }
 * };
 * ```
 * @category Health
 */
export type HealthFinding =
  | BandFinding<"outside_band">
  | BandFinding<"watch">
  | TeamFinding
  | TrendFinding<"red_flag">
  | TrendFinding<"trend_watch">;

/**
 * A {@link HealthFinding} against a band.
 *
 * @example
 * ```ts
 * import type { BandFinding } from "handoff-kit/metrics";
 * const line = (finding: BandFinding<"outside_band">): string =>
 *   `${finding.metric} ${finding.side} the band: ${finding.likelyCause ?? "no likely cause named"}`;
 * ```
 * @category Health
 */
export interface BandFinding<K extends "outside_band" | "watch"> {
  readonly kind: K;
  /** `overall`, or the group's key. */
  readonly scope: string;
  readonly metric: BandedMetric;
  readonly value: number;
  readonly interval: Interval | null;
  readonly side: "below" | "above";
  readonly message: string;
  /** The band's likely cause on that side, when it names one. */
  readonly likelyCause: string | undefined;
  readonly source: string;
}

/**
 * A {@link HealthFinding} of a group that differs from the rest of the team.
 *
 * @example
 * ```ts
 * import type { TeamFinding } from "handoff-kit/metrics";
 * const gap = (finding: TeamFinding): number => finding.value - finding.rest;
 * ```
 * @category Health
 */
export interface TeamFinding {
  readonly kind: "differs_from_team";
  /** The group's key. */
  readonly scope: string;
  readonly metric: ComparedMetric;
  readonly value: number;
  /** The same metric for everyone else. */
  readonly rest: number;
  /** The interval of the difference. */
  readonly interval: Interval | null;
  readonly message: string;
  readonly source: string;
}

/**
 * A {@link HealthFinding} of a weekly trend: booked rising while held falls.
 *
 * @example
 * ```ts
 * import type { TrendFinding } from "handoff-kit/metrics";
 * const rise = (finding: TrendFinding<"red_flag">): number => finding.booked.recent - finding.booked.earlier;
 * ```
 * @category Health
 */
export interface TrendFinding<K extends "red_flag" | "trend_watch"> {
  readonly kind: K;
  /** The trend's series: `overall`, or the key of the group it follows. */
  readonly scope: string;
  readonly metric: "heldRate";
  readonly booked: { readonly earlier: number; readonly recent: number };
  readonly heldRate: { readonly earlier: number | null; readonly recent: number | null };
  /** The interval of the held rate's change. */
  readonly interval: Interval | null;
  readonly message: string;
  readonly likelyCause: string;
  readonly source: string;
}

/**
 * What {@link assessHealth} found, and what it could not judge (a denominator below the low-sample
 * threshold, or no value), so that silence is never mistaken for health.
 *
 * @example
 * ```ts
 * import type { HealthReport } from "handoff-kit/metrics";
 * const redFlags = (report: HealthReport) => report.findings.filter((finding) => finding.kind === "red_flag");
 * ```
 * @category Health
 */
export interface HealthReport {
  readonly findings: readonly HealthFinding[];
  readonly notJudged: readonly {
    readonly scope: string;
    readonly metric: string;
    readonly code: "low_sample" | "no_data";
  }[];
}

interface Reading {
  readonly value: number | null;
  readonly interval: Interval | null;
  readonly lowSample: boolean;
}

function reading(metrics: HandoffMetrics, band: HealthBand, minSample: number): Reading {
  return match(band.metric)
    .with("heldRate", "noShowRate", "acceptanceRate", "handoffToOpportunityRate", (metric) => metrics[metric])
    .with("meetingQuality", () => metrics.meetingQuality.mean)
    .with("timeToFirstFollowUp", () => {
      const stats = metrics.timeToFirstFollowUp.calendar;
      return {
        value: band.statistic === "median" ? stats.median : stats.p90,
        interval: null,
        lowSample: stats.count < minSample,
      };
    })
    .exhaustive();
}

/**
 * The band's likely cause, with the team's own evidence when the cause is cold handoffs and the
 * counts support a lower held rate for cold handoffs than for warm ones.
 */
function withStyleEvidence(
  band: HealthBand,
  side: "below" | "above",
  metrics: HandoffMetrics,
  confidence: number,
): string | undefined {
  const cause = side === "below" ? band.below : band.above;
  const heldLow = band.metric === "heldRate" && side === "below";
  const meetingsMissed = heldLow || (band.metric === "noShowRate" && side === "above");
  if (cause === undefined || !meetingsMissed) return cause;
  // A low held rate counts cancellations too (an AE's rejection before the meeting cancels it): say
  // what the meetings that did not happen were, so the cause is read from the team's own counts.
  const { noShow, cancelled, pastUnrecorded } = metrics.meetings;
  const missed = heldLow
    ? `. Of the ${String(noShow + cancelled + pastUnrecorded)} booked meetings that did not happen, ` +
      `${String(noShow)} were no-shows, ${String(cancelled)} were cancelled ` +
      `and ${String(pastUnrecorded)} have no outcome recorded`
    : "";
  const { warm, cold } = metrics.heldRateByStyle;
  const gap = differenceInterval(
    { successes: warm.numerator, trials: warm.denominator },
    { successes: cold.numerator, trials: cold.denominator },
    { confidence },
  );
  if (gap === null || gap.low <= 0 || warm.value === null || cold.value === null) return `${cause}${missed}`;
  return (
    `${cause}${missed}. Here, cold handoffs were held ${percentOneDecimal(cold.value)} of the time ` +
    `against ${percentOneDecimal(warm.value)} for warm ones, a gap the counts support`
  );
}

/** A share as the findings' messages write it: one decimal. */
const percentOneDecimal = (value: number): string => formatPercent(value, 1);

function show(metric: BandedMetric, value: number): string {
  return match(metric)
    .with("timeToFirstFollowUp", () => `${(value / HOUR).toFixed(1)} h`)
    .with("meetingQuality", () => value.toFixed(2))
    .otherwise(() => percentOneDecimal(value));
}

const SHORT: Readonly<Record<ComparedMetric, string>> = {
  heldRate: "held rate",
  noShowRate: "no-show rate",
  acceptanceRate: "acceptance rate",
  handoffToOpportunityRate: "handoff-to-opportunity rate",
  meetingQuality: "meeting quality",
};

/**
 * Options of {@link assessHealth}.
 *
 * @example
 * ```ts
 * import type { AssessHealthOptions } from "handoff-kit/metrics";
 * const options: AssessHealthOptions = { trends: { weeks: 8 } };
 * ```
 * @category Health
 */
export interface AssessHealthOptions {
  /** How {@link detectTrends} reads the weekly series for the trend red flag. */
  readonly trends?: DetectTrendsOptions;
}

/**
 * Judges a scoreboard against healthy bands (the field's, {@link DEFAULT_HEALTH_BANDS}, by default):
 * overall and, unless it is grouped by week, each group; a value is outside the band only when its
 * whole interval is (else it is one to `watch`), and low-sample metrics are listed as not judged.
 * A grouped scoreboard also gets each group compared with the rest (only supported differences are
 * findings); one grouped by week gets the trend red flag (booked rising while held falls, judged with
 * intervals) for each series, or a `watch` when the directions are there but the counts do not
 * support both.
 *
 * @example
 * ```ts
 * import { assessHealth, scoreboard } from "handoff-kit/metrics";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const board = scoreboard(handoffs, { now: new Date("2026-11-14T02:00:00Z"), groupBy: "sdr" });
 * for (const finding of assessHealth(board).findings) console.log(finding.kind, finding.scope, finding.message);
 * ```
 * @category Health
 */
export function assessHealth(
  board: Scoreboard,
  bands: readonly HealthBand[] = DEFAULT_HEALTH_BANDS,
  options: AssessHealthOptions = {},
): HealthReport {
  requireBoard(board, "assessHealth");
  requireBands(bands, "assessHealth", "bands");
  requireObject(options, "assessHealth", "options");
  const findings: HealthFinding[] = [];
  const notJudged: { scope: string; metric: string; code: "low_sample" | "no_data" }[] = [];
  const byWeek = board.groupBy.includes("week");
  const scopes = [
    { scope: "overall", metrics: board.overall },
    ...(byWeek ? [] : board.groups.map((group) => ({ scope: group.key, metrics: group.metrics }))),
  ];
  for (const { scope, metrics } of scopes) {
    for (const band of bands) {
      const { value, interval, lowSample } = reading(metrics, band, board.minSample);
      if (value === null) {
        notJudged.push({ scope, metric: band.metric, code: "no_data" });
        continue;
      }
      if (lowSample) {
        notJudged.push({ scope, metric: band.metric, code: "low_sample" });
        continue;
      }
      const side = sideOfBand(value, band);
      if (side === undefined) continue;
      const bound = side === "below" ? (band.low ?? 0) : (band.high ?? 0);
      const supported = interval === null || (side === "below" ? interval.high < bound : interval.low > bound);
      const cause = withStyleEvidence(band, side, metrics, board.confidence);
      findings.push({
        kind: supported ? "outside_band" : "watch",
        scope,
        metric: band.metric,
        value,
        interval,
        side,
        message:
          `${band.label} ${show(band.metric, value)} is ${side} the band's ${show(band.metric, bound)}` +
          (supported ? "" : ", but the interval reaches into the band: watch it"),
        likelyCause: cause,
        source: band.source,
      });
    }
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: no groups, no comparisons
  if (board.groups.length > 0 && !byWeek) {
    for (const comparison of compareWithRest(board)) {
      if (!comparison.supported || comparison.value === null || comparison.rest === null) continue;
      const shown = (value: number): string =>
        comparison.metric === "meetingQuality" ? value.toFixed(2) : percentOneDecimal(value);
      findings.push({
        kind: "differs_from_team",
        scope: comparison.scope,
        metric: comparison.metric,
        value: comparison.value,
        rest: comparison.rest,
        interval: comparison.interval,
        message:
          `${SHORT[comparison.metric]} ${shown(comparison.value)} against ${shown(comparison.rest)} ` +
          `for everyone else; the counts support the difference`,
        source: "Newcombe's interval for a difference of proportions (Welch's for quality)",
      });
    }
  }
  if (byWeek) {
    for (const trend of detectTrends(board, options.trends)) {
      // Directions alone are noise; a watch needs at least one of the two changes supported.
      const worthSaying =
        trend.booked.rising && trend.heldRate.falling && (trend.booked.supported || trend.heldRate.supported);
      if (!worthSaying) continue;
      // Not a red flag, so exactly one of the two changes is supported: the message names the other.
      const unsupported = trend.booked.supported ? "the fall" : "the rise";
      findings.push({
        kind: trend.redFlag ? "red_flag" : "trend_watch",
        scope: trend.scope,
        metric: "heldRate",
        booked: { earlier: trend.booked.earlier, recent: trend.booked.recent },
        heldRate: { earlier: trend.heldRate.earlier, recent: trend.heldRate.recent },
        interval: trend.heldRate.difference,
        message:
          `Booked rose from ${String(trend.booked.earlier)} to ${String(trend.booked.recent)} ` +
          `while the held rate fell from ${percentOneDecimal(trend.heldRate.earlier ?? 0)} ` +
          `to ${percentOneDecimal(trend.heldRate.recent ?? 0)} ` +
          // Stryker disable next-line StringLiteral: equivalent: a window is 4 weeks or more: recentWeeks[0] is there
          `(weeks from ${trend.recentWeeks[0] ?? ""} against the ${String(trend.earlierWeeks.length)} before)` +
          (trend.redFlag ? "" : `; the counts do not yet support ${unsupported}: watch it`),
        likelyCause:
          "Volume is being bought with quality: meetings booked without the bar being met. " +
          "More meetings booked while fewer are held is a warning, not a success",
        source: "red flag (the 2027 handoff-process Q&A)",
      });
    }
  }
  return { findings, notJudged };
}

/** Where a value falls against a band: below its low end, above its high end, or inside (undefined). */
function sideOfBand(value: number, band: HealthBand): "below" | "above" | undefined {
  if (band.low !== undefined && value < band.low) return "below";
  if (band.high !== undefined && value > band.high) return "above";
  return undefined;
}
