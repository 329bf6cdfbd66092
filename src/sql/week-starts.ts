import type { InstantInput } from "../core/instant.js";
import { toEpochMs } from "../core/instant.js";
import { requireWeekOptions, weekCutter } from "../metrics/internal.js";
import type { WeekOptions } from "../metrics/index.js";
import type { Weekday } from "../sla/index.js";

/**
 * One week of the weeks table: the zone and start day that cut it, the local date it starts on (its
 * name, as the in-memory scoreboard's `week` groups are named) and the instant it starts, in UTC.
 *
 * @example
 * ```ts
 * import type { WeekStartRow } from "handoff-kit/sql";
 * const row: WeekStartRow = {
 *   timeZone: "America/New_York",
 *   startsOn: "mon",
 *   weekStart: "2026-11-23",
 *   start: new Date("2026-11-23T05:00:00Z"),
 *   end: new Date("2026-11-30T05:00:00Z"),
 * };
 * ```
 * @category Business time in SQL
 */
export interface WeekStartRow {
  /** The zone, as the library spells it (the query matches it as `scoreboardSql` spells it too). */
  readonly timeZone: string;
  readonly startsOn: Weekday;
  /** The local date the week starts on, `YYYY-MM-DD`. */
  readonly weekStart: string;
  /** The week's first instant: its first local midnight, or the first instant after a midnight the clock skips. */
  readonly start: Date;
  /** The next week's first instant: an instant from `start` up to it is in this week. */
  readonly end: Date;
}

/**
 * The weeks that meet `[from, to)`, cut in a zone from a start day (UTC and Monday by default), as UTC
 * rows: a row of the weeks table per week, in time, each from its first instant to the next week's.
 * Loaded as a table and named with `weekSource: "table"`, the scoreboard queries find an instant's week
 * as the row at or before it, so
 * weeks come from the zone rules tested here and not from the engine's own time-zone data, which may
 * be older or newer than Node's (a zone whose rules changed recently cuts weeks an hour apart).
 * An unknown zone throws `invalid_time_zone`, other misuse `invalid_argument`; `to` at or before
 * `from` gives no rows.
 *
 * @example
 * ```ts
 * import { weekStarts } from "handoff-kit/sql";
 * const weeks = weekStarts({ timeZone: "America/New_York" }, new Date("2026-11-01T12:00Z"), new Date("2026-11-10Z"));
 * for (const row of weeks) console.log(row.weekStart, row.start.toISOString());
 * // 2026-10-26 2026-10-26T04:00:00.000Z
 * // 2026-11-02 2026-11-02T05:00:00.000Z
 * // 2026-11-09 2026-11-09T05:00:00.000Z
 * ```
 * @category Business time in SQL
 */
export function weekStarts(
  week: WeekOptions | undefined,
  from: InstantInput,
  to: InstantInput,
): Iterable<WeekStartRow> {
  const fn = "weekStarts";
  requireWeekOptions(week, `${fn}: week`);
  const cutter = weekCutter(week, `${fn}: week`);
  const a = toEpochMs(from, `${fn}: from`);
  const b = toEpochMs(to, `${fn}: to`);
  const { timeZone, startsOn } = cutter;
  return {
    *[Symbol.iterator]() {
      if (b <= a) return;
      // Each week ends where the next starts: one instant worked out per week.
      let day = cutter.startDay(a);
      for (let start = cutter.startOf(day); start < b; day += 7) {
        const end = cutter.startOf(day + 7);
        yield { timeZone, startsOn, weekStart: cutter.name(day), start: new Date(start), end: new Date(end) };
        start = end;
      }
    },
  };
}
