import { compareCodeUnits } from "../core/order.js";
import { requireObject, requireWholeNumber } from "../core/guards.js";
import { requireBoard } from "./require-board.js";
import { HandoffKitError } from "../core/error.js";
import type { Scoreboard, ScoreboardGroup } from "./finish.js";
import { weekCutter } from "./group-by.js";
import { differenceInterval, wilsonInterval, type Interval } from "./statistics.js";

/**
 * The trend test of one series of weeks (the whole team, or one SDR): recent weeks against the
 * weeks before them, on meetings booked (a rise the counts support: the recent share of bookings'
 * Wilson interval lies above the share of weeks) and on the held rate (a fall the counts support:
 * Newcombe's interval of recent minus earlier lies below zero). `redFlag` needs both.
 *
 * @example
 * ```ts
 * import type { Trend } from "handoff-kit/metrics";
 * const say = (trend: Trend): string =>
 *   trend.redFlag ? `${trend.scope}: booked up, held down` : `${trend.scope}: no red flag`;
 * ```
 * @category Comparisons and trends
 */
export interface Trend {
  /**
   * The series: the values of the scoreboard's other dimensions joined by ` / `, or `"overall"` when
   * it is grouped by week alone.
   */
  readonly scope: string;
  readonly earlierWeeks: readonly string[];
  readonly recentWeeks: readonly string[];
  readonly booked: {
    readonly earlier: number;
    readonly recent: number;
    readonly rising: boolean;
    readonly supported: boolean;
    readonly recentShare: Interval | null;
  };
  readonly heldRate: {
    readonly earlier: number | null;
    readonly recent: number | null;
    readonly falling: boolean;
    readonly supported: boolean;
    /** Recent minus earlier. */
    readonly difference: Interval | null;
  };
  /** Booked rising while held falls, both supported by the counts (the 2027 handoff-process Q&A's red flag). */
  readonly redFlag: boolean;
}

/**
 * Options of {@link detectTrends}: how many complete calendar weeks to look back over (12, a quarter, by
 * default; from 4 to 520; split into an earlier and a recent half, an odd week left out at the start).
 *
 * @example
 * ```ts
 * import type { DetectTrendsOptions } from "handoff-kit/metrics";
 * const lastTwoMonths: DetectTrendsOptions = { weeks: 8 };
 * ```
 * @category Comparisons and trends
 */
export interface DetectTrendsOptions {
  readonly weeks?: number;
}

/**
 * Tests each series of a scoreboard grouped by `"week"` (alone, or with other dimensions such as
 * `["sdr", "week"]`) for the red flag of a rising booked count with a falling held rate (the 2027
 * handoff-process Q&A; see docs/sources.md), judged with intervals rather than by eye. The window is
 * the last `weeks` calendar weeks before the one holding `now` (which is not over), weeks without data
 * counting as zero, split into an earlier and a recent half; a series with no handoff in the window is
 * not reported.
 *
 * @example
 * ```ts
 * import { detectTrends, scoreboard } from "handoff-kit/metrics";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const board = scoreboard(handoffs, { now: new Date("2026-11-14T02:00:00Z"), groupBy: ["sdr", "week"] });
 * const flags = detectTrends(board).filter((trend) => trend.redFlag);
 * ```
 * @category Comparisons and trends
 */
export function detectTrends(board: Scoreboard, options: DetectTrendsOptions = {}): Trend[] {
  requireBoard(board, "detectTrends");
  requireObject(options, "detectTrends", "options");
  const weekAt = board.groupBy.indexOf("week");
  if (weekAt < 0)
    throw new HandoffKitError("invalid_argument", { detail: 'detectTrends needs a scoreboard grouped by "week"' });
  const span = options.weeks ?? 12;
  // A window longer than ten years of weeks is a mistake, and an endless one would not fit in memory.
  requireWholeNumber(span, "detectTrends: options.weeks", 4, 520);
  // The window is the last `span` calendar weeks before the week holding `now`, with or without
  // data: a week nobody booked in is a week of zeros, so a vacation does not shift the window.
  const cutter = weekCutter({ timeZone: board.week.timeZone, startsOn: board.week.startsOn });
  const currentWeek = cutter.startDay(board.now.getTime());
  const half = Math.floor(span / 2);
  const windowNames = Array.from({ length: 2 * half }, (_, i) => cutter.name(currentWeek - 7 * (2 * half - i)));
  const position = new Map(windowNames.map((name, i) => [name, i]));
  const series = new Map<string, ScoreboardGroup[]>();
  for (const group of board.groups) {
    const week = group.keys["week"];
    if (week === undefined || !position.has(week)) continue;
    const name =
      board.groupBy
        .filter((dimension) => dimension !== "week")
        .map((dimension) => group.keys[dimension] ?? "")
        .join(" / ") || "overall";
    const weeks = series.get(name);
    if (weeks === undefined) series.set(name, [group]);
    else weeks.push(group);
  }
  const trends: Trend[] = [];
  for (const [name, groups] of series) {
    const recent = groups.filter((group) => (position.get(group.keys["week"] ?? "") ?? -1) >= half);
    const earlier = groups.filter((group) => (position.get(group.keys["week"] ?? "") ?? -1) < half);
    const total = (list: readonly ScoreboardGroup[], pick: (group: ScoreboardGroup) => number): number =>
      list.reduce((sum, group) => sum + pick(group), 0);
    const bookedEarlier = total(earlier, (group) => group.metrics.meetingsBooked);
    const bookedRecent = total(recent, (group) => group.metrics.meetingsBooked);
    const recentShare = wilsonInterval(bookedRecent, bookedEarlier + bookedRecent, { confidence: board.confidence });
    const held = (list: readonly ScoreboardGroup[]): { successes: number; trials: number } => ({
      successes: total(list, (group) => group.metrics.heldRate.numerator),
      trials: total(list, (group) => group.metrics.heldRate.denominator),
    });
    const heldEarlier = held(earlier);
    const heldRecent = held(recent);
    const difference = differenceInterval(heldRecent, heldEarlier, { confidence: board.confidence });
    const rate = (counts: { successes: number; trials: number }): number | null =>
      counts.trials === 0 ? null : counts.successes / counts.trials;
    const earlierRate = rate(heldEarlier);
    const recentRate = rate(heldRecent);
    // Equal halves, so equal volume puts half of the bookings in the recent weeks.
    const bookedSupported = recentShare !== null && recentShare.low > 0.5;
    const heldSupported = difference !== null && difference.high < 0;
    trends.push({
      scope: name,
      earlierWeeks: windowNames.slice(0, half),
      recentWeeks: windowNames.slice(half),
      booked: {
        earlier: bookedEarlier,
        recent: bookedRecent,
        rising: bookedRecent > bookedEarlier,
        supported: bookedSupported,
        recentShare,
      },
      heldRate: {
        earlier: earlierRate,
        recent: recentRate,
        falling: earlierRate !== null && recentRate !== null && recentRate < earlierRate,
        supported: heldSupported,
        difference,
      },
      redFlag: bookedSupported && heldSupported,
    });
  }
  return trends.sort((a, b) => compareCodeUnits(a.scope, b.scope));
}
