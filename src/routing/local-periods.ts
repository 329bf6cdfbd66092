import { DAY } from "../core/duration.js";
import { isoDateOfDay, weekdayOf } from "../core/days.js";
import { instantToWall, wallToInstant, type ZoneRules } from "../core/zone-offsets.js";

/**
 * The local day, ISO week (from Monday), month, quarter and year an instant falls in, in a queue's
 * zone, and the instants the day, week and month end (when a member capped for one is free again).
 * A queue keeps the last one it read and reads again only once an instant falls outside its day.
 */
export interface LocalPeriods {
  /** The local date, `2026-12-04`. */
  readonly day: string;
  /** The date of the Monday the ISO week starts on. */
  readonly week: string;
  /** `2026-12`. */
  readonly month: string;
  /** `2026-Q4`. */
  readonly quarter: string;
  /** `2026`. */
  readonly year: string;
  /** The instants the local day starts and ends, and the week and month end (epoch ms). */
  readonly dayStarts: number;
  readonly dayEnds: number;
  readonly weekEnds: number;
  readonly monthEnds: number;
}

/** The local periods of `at` in the zone. */
export function localPeriods(rules: ZoneRules, at: number): LocalPeriods {
  const day = Math.floor(instantToWall(rules, at) / DAY);
  const date = isoDateOfDay(day);
  const monday = day - ((weekdayOf(day) + 6) % 7);
  const year = date.slice(0, -6);
  const month = Number(date.slice(-5, -3));
  // The month's first day, then the first day of the month 31 days on: the next month's.
  const first = day - Number(date.slice(-2)) + 1;
  const later = first + 31;
  const nextMonth = later - Number(isoDateOfDay(later).slice(-2)) + 1;
  return {
    day: date,
    week: isoDateOfDay(monday),
    month: date.slice(0, -3),
    quarter: `${year}-Q${String(Math.ceil(month / 3))}`,
    year,
    dayStarts: wallToInstant(rules, day * DAY),
    dayEnds: wallToInstant(rules, (day + 1) * DAY),
    weekEnds: wallToInstant(rules, (monday + 7) * DAY),
    monthEnds: wallToInstant(rules, nextMonth * DAY),
  };
}

/** The periods of `at`: those given when `at` is in their day, else read again. */
export const periodsAt = (rules: ZoneRules, known: LocalPeriods | undefined, at: number): LocalPeriods =>
  known !== undefined && known.dayStarts <= at && at < known.dayEnds ? known : localPeriods(rules, at);
