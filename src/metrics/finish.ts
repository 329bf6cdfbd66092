import { compareCodeUnits } from "../core/order.js";
import type { Weekday } from "../sla/index.js";
import { stateOfAccumulator, type DataIssue, type ScoreboardAccumulator, type Settings } from "./accumulator.js";
import { dimensionName } from "./group-by.js";
import { mean, proportion, ratePerUnit, type DurationStats, type Metric, type Precision } from "./metric.js";
import { concatNumberLists, quantilesInPlace, type NumberList } from "./quantile.js";
import { mergeTallies, Outcome, sdrWeekCount, type Tally } from "./tally.js";

/**
 * A metric for all handoffs and split by lead source: SDR-sourced (outbound) against inbound.
 * Partner-sourced handoffs count in `all` only.
 *
 * @example
 * ```ts
 * import type { BySource, Metric } from "handoff-kit/metrics";
 * const sdrAhead = (winRate: BySource<Metric>): boolean =>
 *   (winRate.sdrSourced.value ?? 0) > (winRate.inbound.value ?? 0);
 * ```
 * @category Metric values
 */
export interface BySource<T> {
  readonly all: T;
  readonly sdrSourced: T;
  readonly inbound: T;
}

/**
 * How often a reason code was given, and its share of the rejections counted with it.
 *
 * @example
 * ```ts
 * import type { ReasonCount } from "handoff-kit/metrics";
 * const top: ReasonCount = { code: "no_budget", count: 7, share: 0.35 };
 * ```
 * @category Metric values
 */
export interface ReasonCount {
  readonly code: string;
  readonly count: number;
  readonly share: number;
}

/**
 * Compliance with one SLA policy: cycles met over cycles met or breached (cycles still running or
 * cancelled are not judged), with the counts.
 *
 * @example
 * ```ts
 * import type { SlaCompliance } from "handoff-kit/metrics";
 * const line = (sla: SlaCompliance): string => `${sla.label}: ${String(sla.breached)} breached`;
 * ```
 * @category Metric values
 */
export interface SlaCompliance {
  readonly policyId: string;
  readonly label: string;
  readonly owner: string | undefined;
  readonly compliance: Metric;
  readonly met: number;
  readonly breached: number;
  readonly running: number;
  readonly cancelled: number;
  /** Handoffs left out because the calendar the policy names was not supplied. */
  readonly notEvaluated: number;
}

/**
 * Every handoff metric over one set of handoffs (the whole, or a group), each describing a handoff's
 * current cycle. The definitions, with sources and healthy bands, are in the metrics guide
 * (`docs/metrics.md`); each field says what it counts and excludes.
 *
 * @example
 * ```ts
 * import type { HandoffMetrics } from "handoff-kit/metrics";
 * const redFlag = (metrics: HandoffMetrics): boolean => (metrics.heldRate.interval?.high ?? 1) < 0.7;
 * ```
 * @category Metric values
 */
export interface HandoffMetrics {
  /** Handoffs counted (excluded ones are not). */
  readonly handoffs: number;
  /** Handoffs booked at least once (out of draft). */
  readonly meetingsBooked: number;
  /** Accepted handoffs per SDR-week with a booking (an SDR and a week in which they booked). */
  readonly qualifiedMeetingsPerSdrWeek: Metric;
  /**
   * Held / booked meetings that came due: held + no-show + cancelled + past meetings with no outcome
   * recorded; upcoming meetings excluded. The 2027 handoff-process Q&A's "70-85% of booked meetings
   * actually happen".
   */
  readonly heldRate: Metric;
  /** Held / (held + no-show): of the meetings with a recorded attendance outcome, how many happened. */
  readonly showRate: Metric;
  /**
   * No-show / (held + no-show + past meetings still scheduled), as Chili Piper counts it. Healthy under
   * 15% (the 2027 handoff-process Q&A).
   */
  readonly noShowRate: Metric;
  /**
   * The held rate (as `heldRate` defines it) of warm and of cold handoffs; handoffs without a
   * recorded style are in neither.
   */
  readonly heldRateByStyle: { readonly warm: Metric; readonly cold: Metric };
  /** Meeting counts by outcome; `pastUnrecorded` are past meetings with no outcome recorded. */
  readonly meetings: {
    readonly held: number;
    readonly noShow: number;
    readonly cancelled: number;
    readonly upcoming: number;
    readonly pastUnrecorded: number;
  };
  /** Accepted / (accepted + rejected); undecided excluded. Healthy 60-80% (the 2027 handoff-process Q&A). */
  readonly acceptanceRate: Metric;
  /**
   * Accepted (an opportunity, as in the handoff-checklist article) / booked; undecided handoffs count
   * as not converted. Benchmark 73.2% (InsideSales, cited in the high-conversion handoff article).
   */
  readonly handoffToOpportunityRate: Metric;
  /** Handoffs recycled / handoffs rejected (a handoff booked again was both). */
  readonly recycleRate: Metric;
  /** Handoffs booked again / handoffs recycled. */
  readonly recycleToRebookedRate: Metric;
  /** Won / (won + lost); open opportunities excluded. */
  readonly winRate: BySource<Metric>;
  /**
   * Mean `opportunity_won` amount of won deals that have one in the scoreboard's currency (the
   * accepted amount is never used).
   */
  readonly averageDealSize: BySource<Metric>;
  /** SDR-sourced opportunities / opportunities, by count. */
  readonly sdrSourcedPipelineShare: Metric;
  /**
   * The current cycle's accepted amounts in the scoreboard's currency (never the won amounts: a
   * deal's closing size is `averageDealSize`'s).
   */
  readonly pipelineAmount: BySource<number>;
  /**
   * Won / booked, per 1,000 (9.3 with a formal handoff stage against 4.6 without: Forrester, cited in
   * the high-conversion handoff article).
   */
  readonly closedWonPer1000Handoffs: Metric;
  /**
   * From booking to the AE's first follow-up: around the clock, and in business time on the AE's
   * calendar (null without calendars).
   */
  readonly timeToFirstFollowUp: { readonly calendar: DurationStats; readonly business: DurationStats | null };
  /** From the first engagement touch to the first booking. */
  readonly timeFromFirstTouchToBooked: DurationStats;
  /** Per policy: cycles met / (met + breached); full records only. */
  readonly slaCompliance: readonly SlaCompliance[];
  /** The mean of the AE's 1-5 ratings, and how many of each score. */
  readonly meetingQuality: {
    readonly mean: Metric;
    readonly distribution: readonly [number, number, number, number, number];
  };
  /** Rejection reasons of the current cycle, by code, by SDR and by segment, most frequent first. */
  readonly rejectionReasons: {
    readonly byCode: readonly ReasonCount[];
    readonly bySdr: readonly { readonly sdrId: string; readonly reasons: readonly ReasonCount[] }[];
    readonly bySegment: readonly { readonly segment: string; readonly reasons: readonly ReasonCount[] }[];
  };
}

/**
 * One group of a scoreboard: its key (the dimension values joined by ` / `), each dimension's value
 * by name, and its metrics.
 *
 * @example
 * ```ts
 * import type { ScoreboardGroup } from "handoff-kit/metrics";
 * const sdrOf = (group: ScoreboardGroup): string | undefined => group.keys["sdr"];
 * ```
 * @category Scoreboard
 */
export interface ScoreboardGroup {
  readonly key: string;
  readonly keys: Readonly<Record<string, string>>;
  readonly metrics: HandoffMetrics;
}

/**
 * The scoreboard: every metric overall and per group, how it was computed, and every handoff it
 * could not fully use (by index).
 *
 * @example
 * ```ts
 * import type { Scoreboard } from "handoff-kit/metrics";
 * const heldPercent = (board: Scoreboard): string => `${((board.overall.heldRate.value ?? 0) * 100).toFixed(1)}%`;
 * ```
 * @category Scoreboard
 */
export interface Scoreboard {
  readonly now: Date;
  /** The grouping dimensions' names, in order (empty when ungrouped). */
  readonly groupBy: readonly string[];
  readonly week: { readonly timeZone: string; readonly startsOn: Weekday };
  readonly confidence: number;
  readonly minSample: number;
  readonly currency: string;
  readonly overall: HandoffMetrics;
  /** Sorted by key; empty when ungrouped. */
  readonly groups: readonly ScoreboardGroup[];
  /** Handoffs read, and of them how many were left out entirely. */
  readonly seen: number;
  readonly excluded: number;
  readonly dataIssues: readonly DataIssue[];
}

/**
 * The stats of a list, found by selection in place: reordering the values changes no statistic of
 * them, so the accumulator's own buffer is used, and no copy is made.
 */
function durationStats(list: NumberList): DurationStats {
  const scratch = list.values;
  let sum = 0;
  // The slot past the list's length is unused (0) or past the buffer (undefined, so 0).
  // Stryker disable next-line EqualityOperator: equivalent: see above
  for (let i = 0; i < list.length; i += 1) sum += scratch[i] ?? 0;
  const [median = null, p90 = null] = quantilesInPlace(scratch, list.length, [0.5, 0.9]);
  return { count: list.length, median, p90, mean: list.length === 0 ? null : sum / list.length };
}

/** The order of reason counts: most frequent first, ties by code in code-unit order (no locale). */
export const compareReasonCounts = (a: ReasonCount, b: ReasonCount): number =>
  b.count - a.count || compareCodeUnits(a.code, b.code);

/** Reason counts, most frequent first, each with its share. */
export function reasonCounts(counts: ReadonlyMap<string, number>): ReasonCount[] {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return [...counts].map(([code, count]) => ({ code, count, share: count / total })).sort(compareReasonCounts);
}

/** Reason counts per SDR or per segment, in the order of their ids. */
const reasonsBy = (map: ReadonlyMap<string, ReadonlyMap<string, number>>): [string, ReasonCount[]][] =>
  [...map]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([key, counts]): [string, ReasonCount[]] => [key, reasonCounts(counts)]);

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

const at = (values: readonly number[], index: number): number => values[index] ?? 0;

/** Held over the meetings that came due: every current meeting but the upcoming ones. */
function heldRate(meetings: readonly number[], precision: Precision): Metric {
  const due =
    at(meetings, Outcome.Held) +
    at(meetings, Outcome.NoShow) +
    at(meetings, Outcome.Cancelled) +
    at(meetings, Outcome.PastUnrecorded);
  return proportion(at(meetings, Outcome.Held), due, precision);
}

/** Which value list of a tally. */
type ListOf = (tally: Tally) => NumberList;

/**
 * The metrics of one tally. `durations` gives the stats of one of its value lists (by default the
 * tally's own; the whole scoreboard's are concatenated from the groups one list at a time).
 */
export function metricsOf(
  tally: Tally,
  settings: Settings,
  durations: (list: ListOf) => DurationStats = (list) => durationStats(list(tally)),
): HandoffMetrics {
  const precision = settings.precision;
  const [wonOut = 0, wonIn = 0] = tally.won;
  const [lostOut = 0, lostIn = 0] = tally.lost;
  const deal = (index: number | undefined): Metric => {
    const pick = (values: readonly number[]): number => (index === undefined ? sum(values) : (values[index] ?? 0));
    return mean(pick(tally.deals), pick(tally.dealSum), pick(tally.dealSumOfSquares), precision);
  };
  const won = sum(tally.won);
  const opportunities = sum(tally.opportunities);
  return {
    handoffs: tally.handoffs,
    meetingsBooked: tally.booked,
    qualifiedMeetingsPerSdrWeek: ratePerUnit(tally.accepted, sdrWeekCount(tally), precision),
    heldRate: heldRate(tally.meetings, precision),
    showRate: proportion(
      at(tally.meetings, Outcome.Held),
      at(tally.meetings, Outcome.Held) + at(tally.meetings, Outcome.NoShow),
      precision,
    ),
    noShowRate: proportion(
      at(tally.meetings, Outcome.NoShow),
      at(tally.meetings, Outcome.Held) +
        at(tally.meetings, Outcome.NoShow) +
        at(tally.meetings, Outcome.PastUnrecorded),
      precision,
    ),
    heldRateByStyle: { warm: heldRate(tally.meetingsWarm, precision), cold: heldRate(tally.meetingsCold, precision) },
    meetings: {
      held: at(tally.meetings, Outcome.Held),
      noShow: at(tally.meetings, Outcome.NoShow),
      cancelled: at(tally.meetings, Outcome.Cancelled),
      upcoming: at(tally.meetings, Outcome.Upcoming),
      pastUnrecorded: at(tally.meetings, Outcome.PastUnrecorded),
    },
    acceptanceRate: proportion(tally.accepted, tally.accepted + tally.rejected, precision),
    handoffToOpportunityRate: proportion(tally.accepted, tally.booked, precision),
    recycleRate: proportion(tally.recycledEver, tally.rejectedEver, precision),
    recycleToRebookedRate: proportion(tally.rebooked, tally.recycledEver, precision),
    winRate: {
      all: proportion(won, won + sum(tally.lost), precision),
      sdrSourced: proportion(wonOut, wonOut + lostOut, precision),
      inbound: proportion(wonIn, wonIn + lostIn, precision),
    },
    averageDealSize: { all: deal(undefined), sdrSourced: deal(0), inbound: deal(1) },
    sdrSourcedPipelineShare: proportion(tally.opportunities[0] ?? 0, opportunities, precision),
    pipelineAmount: { all: sum(tally.pipeline), sdrSourced: tally.pipeline[0] ?? 0, inbound: tally.pipeline[1] ?? 0 },
    closedWonPer1000Handoffs: proportion(won, tally.booked, precision, 1000),
    timeToFirstFollowUp: {
      calendar: durations((t) => t.followUpCalendar),
      business: settings.calendars === undefined ? null : durations((t) => t.followUpBusiness),
    },
    timeFromFirstTouchToBooked: durations((t) => t.touchToBooked),
    slaCompliance: settings.policies.map((policy, i) => {
      const counts = tally.sla[i] ?? { met: 0, breached: 0, running: 0, cancelled: 0, notEvaluated: 0 };
      return {
        policyId: policy.id,
        label: policy.label,
        owner: policy.owner,
        compliance: proportion(counts.met, counts.met + counts.breached, precision),
        ...counts,
      };
    }),
    meetingQuality: {
      mean: mean(tally.qualityCount, tally.qualitySum, tally.qualitySumOfSquares, precision),
      distribution: [
        tally.qualityScores[0] ?? 0,
        tally.qualityScores[1] ?? 0,
        tally.qualityScores[2] ?? 0,
        tally.qualityScores[3] ?? 0,
        tally.qualityScores[4] ?? 0,
      ],
    },
    rejectionReasons: {
      byCode: reasonCounts(tally.reasons),
      bySdr: reasonsBy(tally.reasonsBySdr).map(([sdrId, reasons]) => ({ sdrId, reasons })),
      bySegment: reasonsBy(tally.reasonsBySegment).map(([segment, reasons]) => ({ segment, reasons })),
    },
  };
}

/**
 * Reads the scoreboard out of an accumulator (which is left as it was, so more handoffs can still
 * be folded in): every metric overall and per group, with intervals, low-sample flags and the data
 * issues by index.
 *
 * @example
 * ```ts
 * import { accumulate, createAccumulator, finish } from "handoff-kit/metrics";
 * import type { HandoffSummary } from "handoff-kit/handoff";
 * declare const rows: readonly HandoffSummary[];
 * const acc = createAccumulator({ now: new Date("2026-11-14T02:00:00Z"), groupBy: "ae" });
 * for (const row of rows) accumulate(acc, row);
 * finish(acc).groups.map((group) => [group.key, group.metrics.acceptanceRate.value]);
 * ```
 * @category Accumulators
 */
export function finish(acc: ScoreboardAccumulator): Scoreboard {
  const state = stateOfAccumulator(acc, "finish");
  const { settings } = state;
  const names = settings.dimensions.map(dimensionName);
  const entries = [...state.groups.values()].sort((a, b) => compareKeys(a.keys, b.keys));
  const tallies = entries.map((group) => group.tally);
  const only = tallies.length === 1 ? tallies[0] : undefined;
  // The merged lists would be built and then not read, the overall's durations come from concatNumberLists
  // below.
  // Stryker disable next-line BooleanLiteral: performance only: see above
  const overall = only ?? mergeTallies(tallies, settings.policies.length, false);
  return {
    now: new Date(settings.now),
    groupBy: names,
    week: { timeZone: settings.weeks.timeZone, startsOn: settings.weeks.startsOn },
    confidence: settings.precision.confidence,
    minSample: settings.precision.minSample,
    currency: settings.currency,
    overall:
      only === undefined
        ? metricsOf(overall, settings, (list) => durationStats(concatNumberLists(tallies.map(list))))
        : metricsOf(only, settings),
    groups:
      names.length === 0
        ? []
        : entries.map((group) => ({
            key: group.keys.join(" / "),
            keys: keysByName(names, group.keys),
            metrics: metricsOf(group.tally, settings),
          })),
    seen: state.seen,
    excluded: state.excluded,
    dataIssues: [...state.issues].sort((a, b) => a.index - b.index),
  };
}

function keysByName(names: readonly string[], keys: readonly string[]): Record<string, string> {
  // Every group has one key per dimension, so the fallback is never read.
  // Stryker disable next-line StringLiteral: equivalent: see above
  return Object.fromEntries(names.map((name, i) => [name, keys[i] ?? ""]));
}

/** The order of groups: by their dimension values in turn, each in code-unit order (no locale). */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    // Stryker disable next-line StringLiteral: equivalent: the keys compared all have one entry per dimension
    const x = a[i] ?? "";
    // Stryker disable next-line StringLiteral: equivalent: the keys compared all have one entry per dimension
    const y = b[i] ?? "";
    if (x !== y) return compareCodeUnits(x, y);
  }
  return 0;
}
