import { HandoffKitError } from "../core/error.js";
import type { InstantInput } from "../core/instant.js";
import { isoDateOfDay } from "../core/days.js";
import { DAY } from "../core/duration.js";
import { offsetAt, transitionsBetween, wallToInstant, type ZoneRules } from "../core/zone-offsets.js";
import { calendarTableArguments } from "./calendar-arguments.js";
import type { Calendar } from "../sla/index.js";
import {
  creditedSpans,
  dayStart,
  localDayOf,
  resolvedSpans,
  windowsOf,
  type CompiledCalendar,
} from "../sla/internal.js";

/**
 * One local day of one calendar: a row of the days table, which the SLA query reads for the targets
 * that step business days (`business_days`) or end with one (`same_business_day`). Every zone rule
 * the query needs is here as numbers, worked out by handoff-kit, so SQL only adds and compares.
 *
 * @example
 * ```ts
 * import type { CalendarDayRow } from "handoff-kit/sql";
 * const monday: CalendarDayRow = {
 *   calendarId: "ae-omar",
 *   localDate: "2026-11-23",
 *   dayNumber: 20415,
 *   businessDay: 1,
 *   dayStart: new Date("2026-11-23T05:00:00Z"),
 *   offsetMs: -18_000_000,
 *   offsetChange: undefined,
 *   offsetAfterMs: -18_000_000,
 *   landingOffsetMs: -18_000_000,
 *   landingSwitchMs: undefined,
 *   landingOffsetAfterMs: -18_000_000,
 *   open: new Date("2026-11-23T14:00:00Z"),
 *   close: new Date("2026-11-23T22:00:00Z"),
 * };
 * ```
 * @category Business time in SQL
 */
export interface CalendarDayRow {
  readonly calendarId: string;
  /** The local date, `YYYY-MM-DD`. */
  readonly localDate: string;
  /** The local date as days since 1970-01-01. */
  readonly dayNumber: number;
  /**
   * Business days (days with opening hours, as `addBusinessDays` steps them) from the table's first
   * day through this one: the n-th business day after day D is the first day whose count is D's + n.
   */
  readonly businessDay: number;
  /** The first instant of the local day. */
  readonly dayStart: Date;
  /** The zone's offset (local wall time minus UTC, in ms) from `dayStart`... */
  readonly offsetMs: number;
  /** ...until this instant, if the offset changes before the next day starts... */
  readonly offsetChange: Date | undefined;
  /** ...and the offset from it on (equal to `offsetMs` when it does not change). */
  readonly offsetAfterMs: number;
  /**
   * The offset that turns a wall time on this day (ms after its midnight) into an instant, as
   * `addBusinessDays` lands on it (a time the clock skips moves forward, one it shows twice is the
   * earlier): `instant = day * 86400000 + wall - offset`, before `landingSwitchMs`...
   */
  readonly landingOffsetMs: number;
  readonly landingSwitchMs: number | undefined;
  /** ...and from `landingSwitchMs` on. */
  readonly landingOffsetAfterMs: number;
  /** The first open instant credited to this day (a window belongs to the day it starts on), if any. */
  readonly open: Date | undefined;
  /** The end of the day's last window: where a `same_business_day` clock started in this day ends. */
  readonly close: Date | undefined;
}

/** The wall-to-instant offset in force at a wall time on `day` (ms after its midnight). */
const landingOffset = (rules: ZoneRules, day: number, wall: number): number =>
  day * DAY + wall - wallToInstant(rules, day * DAY + wall);

/** The wall time on `day` where the landing offset changes to `after` (one change: see below). */
function landingSwitch(rules: ZoneRules, day: number, after: number): number {
  let low = 0;
  let high = DAY - 1;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (landingOffset(rules, day, middle) === after) high = middle;
    else low = middle;
  }
  return high;
}

/** A day's row, and the end of the open time credited to it (for the check that days do not interleave). */
function dayRow(
  calendarId: string,
  cal: CompiledCalendar,
  timeZone: string,
  day: number,
  businessDay: number,
): { row: CalendarDayRow; creditedEnd: number | undefined } {
  const { rules } = cal;
  const start = dayStart(cal, day);
  const next = dayStart(cal, day + 1);
  // Wall-to-instant reads offsets a day either side of the wall time: one change in that reach is one
  // switch of the landing offset, which a row holds. No zone changes twice within five days.
  if (transitionsBetween(rules, start - 2 * DAY, next + 2 * DAY).length > 1)
    throw new HandoffKitError("invalid_argument", {
      detail:
        `calendarDays: the zone ${timeZone} changes its offset twice within two days of ` +
        `${isoDateOfDay(day)}, which a day row cannot hold`,
    });
  const change = transitionsBetween(rules, start + 1, next)[0];
  const landingBefore = landingOffset(rules, day, 0);
  const landingAfter = landingOffset(rules, day, DAY - 1);
  const credited = creditedSpans(cal, day);
  const resolved = resolvedSpans(cal, day);
  const open = credited[0]?.start;
  const close = resolved.at(-1)?.end;
  const row: CalendarDayRow = {
    calendarId,
    localDate: isoDateOfDay(day),
    dayNumber: day,
    businessDay,
    dayStart: new Date(start),
    offsetMs: offsetAt(rules, start),
    offsetChange: change === undefined ? undefined : new Date(change.at),
    offsetAfterMs: change === undefined ? offsetAt(rules, start) : change.after,
    landingOffsetMs: landingBefore,
    landingSwitchMs: landingBefore === landingAfter ? undefined : landingSwitch(rules, day, landingAfter),
    landingOffsetAfterMs: landingAfter,
    open: open === undefined ? undefined : new Date(open),
    close: close === undefined ? undefined : new Date(close),
  };
  return { row, creditedEnd: credited.at(-1)?.end };
}

/**
 * The local days of each calendar that meet `[from, to)`, as rows of the days table: by calendar key
 * in code-unit order, each calendar's in date order, lazily. With the intervals table
 * ({@link calendarIntervals}) it lets SQL step business days and find the close of a business day
 * exactly as the SLA clocks do, DST nights and holidays included; `slaComplianceSql` reads both. Keep
 * the tables reaching past the last deadline a query judges (a week past `now` is plenty for the
 * built-in policies).
 *
 * The query finds the day that owns an open instant as the one with the latest `open` at or before
 * it; a calendar whose days' open time interleaves (a day's hours reaching past the next day's first
 * window) cannot be read that way and throws `invalid_argument` when its row is reached, as does a
 * value that is not a calendar `defineCalendar` made (before any row).
 *
 * @example
 * ```ts
 * import { defineCalendar } from "handoff-kit/sla";
 * import { calendarDays } from "handoff-kit/sql";
 *
 * const omar = defineCalendar({ timeZone: "America/New_York", week: { mon: [["09:00", "17:00"]] } });
 * const days = calendarDays({ "ae-omar": omar }, new Date("2026-11-23T05:00Z"), new Date("2026-11-24T05:00Z"));
 * for (const day of days) console.log(day.localDate, day.businessDay, day.close?.toISOString());
 * // 2026-11-23 1 2026-11-23T22:00:00.000Z
 * ```
 * @category Business time in SQL
 */
export function calendarDays(
  calendars: Readonly<Record<string, Calendar>>,
  from: InstantInput,
  to: InstantInput,
): Iterable<CalendarDayRow> {
  const fn = "calendarDays";
  const { calendars: keyed, from: a, to: b } = calendarTableArguments(calendars, from, to, fn);
  return {
    *[Symbol.iterator]() {
      if (b <= a) return;
      for (const { calendarId, calendar, compiled: cal } of keyed) {
        let businessDay = 0;
        let lastCredited: { day: number; end: number; open: number } | undefined;
        for (let day = localDayOf(cal, a), last = localDayOf(cal, b - 1); day <= last; day += 1) {
          if (windowsOf(cal, day).length > 0) businessDay += 1;
          const { row, creditedEnd } = dayRow(calendarId, cal, calendar.timeZone, day, businessDay);
          const open = row.open?.getTime();
          if (open !== undefined && creditedEnd !== undefined) {
            if (lastCredited !== undefined && (lastCredited.end > open || lastCredited.open > open))
              throw new HandoffKitError("invalid_argument", {
                detail:
                  `${fn}: calendar ${JSON.stringify(calendarId)}'s open time of ${isoDateOfDay(lastCredited.day)} ` +
                  `reaches past the first window of ${row.localDate}, which the days table cannot hold`,
              });
            lastCredited = { day, end: creditedEnd, open };
          }
          yield row;
        }
      }
    },
  };
}
