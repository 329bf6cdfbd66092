import { describeValue } from "../core/describe-value.js";
import { isoDateOfDay, weekdayOf } from "../core/days.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import { assertTimeZone, zoneNameAsSpelled } from "../core/time-zone.js";
import type { HandoffSummary } from "../handoff/index.js";
import { WEEKDAYS, type Weekday } from "../sla/index.js";
import { instantToWall, wallToInstant, zoneRules, type ZoneRules } from "../core/zone-offsets.js";
import { DAY } from "../core/duration.js";

/**
 * A grouping of your own: a name (the column header) and a key for each handoff's summary row.
 *
 * @example
 * ```ts
 * import type { GroupFunction } from "handoff-kit/metrics";
 * const bySize: GroupFunction = { name: "style", key: (row) => row.style ?? "unknown" };
 * ```
 * @category Grouping
 */
export interface GroupFunction {
  readonly name: string;
  /** The group a row belongs to. */
  readonly key: (row: HandoffSummary) => string;
}

/**
 * What a scoreboard groups by: the current SDR or AE (by id), the segment, the lead source, the week
 * (of booking, or of creation for a handoff never booked, in the scoreboard's reporting zone), or a
 * function of the summary row.
 *
 * @example
 * ```ts
 * import type { GroupDimension } from "handoff-kit/metrics";
 * const sdrByWeek: readonly GroupDimension[] = ["sdr", "week"];
 * ```
 * @category Grouping
 */
export type GroupDimension = "sdr" | "ae" | "segment" | "source" | "week" | GroupFunction;

/**
 * How weeks are cut: the time zone whose wall clock decides the day (UTC by default) and the day a
 * week starts on (Monday by default). A week is named by the local date it starts on.
 *
 * @example
 * ```ts
 * import type { WeekOptions } from "handoff-kit/metrics";
 * const newYork: WeekOptions = { timeZone: "America/New_York", startsOn: "sun" };
 * ```
 * @category Grouping
 */
export interface WeekOptions {
  readonly timeZone?: string;
  readonly startsOn?: Weekday;
}

/** Cuts instants into local weeks; names are cached per week, so a week's name is one string. */
export interface WeekCutter {
  /** The zone whose wall clock decides the day. */
  readonly timeZone: string;
  /** The day weeks start on. */
  readonly startsOn: Weekday;
  /** The week's start as a local day number (days since 1970-01-01). */
  readonly startDay: (at: number) => number;
  /** The same for a Date, remembering the last week found: rows come in time order more often than not. */
  readonly startDayOf: (at: Date) => number;
  /** The first instant of the local day `startDay` (a midnight the clock skips moves forward), in epoch ms. */
  readonly startOf: (startDay: number) => number;
  /** The week's name: the local date it starts on, `YYYY-MM-DD` (ISO 8601's `+YYYYYY-MM-DD` past year 9999). */
  readonly name: (startDay: number) => string;
}

/**
 * A week cutter for the options (UTC and Monday by default); an unknown zone throws
 * `invalid_time_zone`. `name` says where the options came from in a misuse error.
 */
export function weekCutter(options: WeekOptions = {}, name = "week"): WeekCutter {
  const asGiven = options.timeZone ?? "UTC";
  const startsOn = options.startsOn ?? "mon";
  const startIndex = WEEKDAYS.indexOf(startsOn);
  if (startIndex < 0)
    throw new HandoffKitError("invalid_argument", {
      detail: `${name}.startsOn must be one of ${WEEKDAYS.join(", ")}: ${describeValue(startsOn)}`,
    });
  assertTimeZone(asGiven, `${name}.timeZone`);
  const timeZone = zoneNameAsSpelled(asGiven);
  const rules: ZoneRules = zoneRules(timeZone);
  const sundayBased = (startIndex + 1) % 7;
  const names = new Map<number, string>();
  const startDay = (at: number): number => {
    const day = Math.floor(instantToWall(rules, at) / DAY);
    return day - ((weekdayOf(day) - sundayBased + 7) % 7);
  };
  // The last week found, as instants [from, to). A cache of a pure function: not observable.
  const last = { from: 0, to: 0, day: 0 };
  const startOf = (day: number): number => wallToInstant(rules, day * DAY);
  return {
    timeZone,
    startsOn,
    startDay,
    startOf,
    startDayOf: (date) => {
      const at = date.getTime();
      // A missed cache, or one that never hits, computes the same week: these mutants change time only.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
      if (at >= last.from && at < last.to) return last.day;
      const day = startDay(at);
      last.day = day;
      last.from = startOf(day);
      // Stryker disable next-line ArithmeticOperator: performance only: a wrong end only misses the cache
      last.to = startOf(day + 7);
      return day;
    },
    name: (startDay) => {
      let name = names.get(startDay);
      // Stryker disable next-line ConditionalExpression: performance only: the name is made again, the same
      if (name === undefined) {
        name = isoDateOfDay(startDay);
        names.set(startDay, name);
      }
      return name;
    },
  };
}

/**
 * Throws `invalid_argument`, naming `name` (`scoreboard: options.week`), unless `week` is undefined or an
 * object: a week cutter reads `{ timeZone, startsOn }` off it, and a string would silently mean UTC weeks.
 */
export function requireWeekOptions(week: unknown, name: string): asserts week is WeekOptions | undefined {
  if (week !== undefined && !isRecord(week))
    throw new HandoffKitError("invalid_argument", {
      detail: `${name} must be { timeZone?, startsOn? }: ${describeValue(week)}`,
    });
}

/** The name a dimension's values are keyed by in a group's `keys`. */
export function dimensionName(dimension: GroupDimension): string {
  return typeof dimension === "string" ? dimension : dimension.name;
}

/** The grouping as a list of dimensions, checked; an unknown or repeated one throws `invalid_argument`. */
export function checkDimensions(
  groupBy: GroupDimension | readonly GroupDimension[] | undefined,
  fn: string,
): readonly GroupDimension[] {
  if (groupBy === undefined) return [];
  const dimensions: readonly GroupDimension[] = Array.isArray(groupBy) ? groupBy : [groupBy as GroupDimension];
  const names = new Set<string>();
  dimensions.forEach((dimension, index) => {
    // Untyped callers pass anything here (null among it): read it as unknown.
    const candidate: unknown = dimension;
    const known =
      typeof candidate === "string"
        ? ["sdr", "ae", "segment", "source", "week"].includes(candidate)
        : isRecord(candidate) &&
          typeof (candidate as { key?: unknown }).key === "function" &&
          typeof (candidate as { name?: unknown }).name === "string";
    if (!known)
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: options.groupBy[${String(index)}] must be sdr, ae, segment, source, week or { name, key }`,
      });
    const name = dimensionName(dimension);
    if (names.has(name))
      throw new HandoffKitError("invalid_argument", { detail: `${fn}: options.groupBy names "${name}" twice` });
    names.add(name);
  });
  return dimensions;
}
