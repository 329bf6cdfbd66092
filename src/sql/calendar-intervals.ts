import type { InstantInput } from "../core/instant.js";
import { openIntervals, type Calendar, type OpenInterval } from "../sla/index.js";
import { calendarTableArguments } from "./calendar-arguments.js";

/**
 * One open interval of one calendar, `[start, end)` in UTC: a row of the intervals table
 * (`calendar_id`, `start_utc`, `end_utc`).
 *
 * @example
 * ```ts
 * import type { CalendarIntervalRow } from "handoff-kit/sql";
 * const row: CalendarIntervalRow = {
 *   calendarId: "ae-omar",
 *   start: new Date("2026-11-23T14:00:00Z"),
 *   end: new Date("2026-11-23T17:00:00Z"),
 * };
 * ```
 * @category Business time in SQL
 */
export interface CalendarIntervalRow extends OpenInterval {
  /** The calendar's key, as the scoreboard's `calendars` and the summary rows' `aeCalendarId` name it. */
  readonly calendarId: string;
}

/**
 * The open intervals of each calendar that meet `[from, to)`, clipped to it, as UTC rows: by
 * calendar key in code-unit order, each calendar's in time. Loaded as a table, the business time
 * between two instants on a calendar is the sum of the rows' overlaps with them, so SQL measures
 * business time with every zone, DST and holiday rule applied here, where they are tested.
 *
 * The calendars are keyed as the scoreboard's `calendars` option is (a rep's `calendarId`, else
 * their id), so summary rows join the table on `ae_calendar_id` or `sdr_calendar_id`. The rows are
 * produced lazily: a year of a hundred calendars is never held at once. An instant that is not
 * one, or a value that is not a calendar `defineCalendar` made, throws a `HandoffKitError` before
 * any row is produced; `to` at or before `from` gives no rows.
 *
 * @example
 * ```ts
 * import { defineCalendar } from "handoff-kit/sla";
 * import { calendarIntervals } from "handoff-kit/sql";
 *
 * const omar = defineCalendar({ timeZone: "America/New_York", week: { mon: [["09:00", "12:00"]] } });
 * const week = calendarIntervals({ "ae-omar": omar }, new Date("2026-11-23T00:00Z"), new Date("2026-11-30T00:00Z"));
 * for (const row of week) console.log(row.calendarId, row.start.toISOString(), row.end.toISOString());
 * // ae-omar 2026-11-23T14:00:00.000Z 2026-11-23T17:00:00.000Z
 * ```
 * @category Business time in SQL
 */
export function calendarIntervals(
  calendars: Readonly<Record<string, Calendar>>,
  from: InstantInput,
  to: InstantInput,
): Iterable<CalendarIntervalRow> {
  const { calendars: keyed, from: a, to: b } = calendarTableArguments(calendars, from, to, "calendarIntervals");
  return {
    *[Symbol.iterator]() {
      for (const { calendarId, calendar } of keyed)
        for (const { start, end } of openIntervals(a, b, calendar)) yield { calendarId, start, end };
    },
  };
}
