import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessDays, nextOpen } from "../../src/sla/index.js";
import { calendarDays, calendarIntervals, type CalendarDayRow } from "../../src/sql/index.js";
import { classCounts } from "../fixtures/class-counts.js";
import { calendarWithSpec } from "../sla/calendar-arbitrary.js";
import { refOffset } from "../sla/reference.js";

// The law slaComplianceSql relies on for business-day deadlines: the days table's numbers, read with
// only the arithmetic the query does (the day row at or before an instant, its offset, the n-th
// business day after, the landing offsets, the next open interval), give `addBusinessDays` exactly.
// Calendars are generated in DST-heavy zones (half-hour and 45-minute offsets, a skipped day) with
// holidays.

const DAY = 86_400_000;

/** `addBusinessDays(at, n)` as the query computes it from the two tables. */
function fromTables(
  days: readonly CalendarDayRow[],
  intervals: readonly { start: Date; end: Date }[],
  at: number,
  n: number,
): number | undefined {
  const row = days.findLast((day) => day.dayStart.getTime() <= at);
  if (row === undefined) return undefined;
  const change = row.offsetChange?.getTime();
  const wall = at + (change !== undefined && at >= change ? row.offsetAfterMs : row.offsetMs);
  const day = Math.floor(wall / DAY);
  const timeOfDay = wall - day * DAY;
  const counted = days.find((candidate) => candidate.dayNumber === day)?.businessDay;
  if (counted === undefined) return undefined;
  const target = days.find((candidate) => candidate.businessDay === counted + n);
  if (target === undefined) return undefined;
  const switched = target.landingSwitchMs !== undefined && timeOfDay >= target.landingSwitchMs;
  const landing =
    target.dayNumber * DAY + timeOfDay - (switched ? target.landingOffsetAfterMs : target.landingOffsetMs);
  const next = intervals.find((interval) => interval.end.getTime() > landing);
  return next === undefined ? undefined : Math.max(landing, next.start.getTime());
}

describe("calendarDays laws", () => {
  it("the days and intervals tables step business days as addBusinessDays does", () => {
    const seen = classCounts();
    fc.assert(
      fc.property(
        calendarWithSpec.chain(({ spec, cal, at }) =>
          fc.tuple(
            fc.constant(spec),
            fc.constant(cal),
            fc.integer({ min: at - 10 * DAY, max: at + 10 * DAY }),
            fc.integer({ min: 1, max: 5 }),
            fc.constant(at),
          ),
        ),
        ([spec, cal, start, n, at]) => {
          const [from, to] = [new Date(at - 30 * DAY), new Date(at + 60 * DAY)];
          const days = [...calendarDays({ rep: cal }, from, to)];
          const intervals = [...calendarIntervals({ rep: cal }, from, to)];
          const expected = addBusinessDays(start, n, cal).getTime();
          const computed = fromTables(days, intervals, start, n);
          // A deadline past the tables is beyond them in SQL; one within them must be exact.
          if (computed !== undefined || expected < to.getTime() - 10 * DAY) expect(computed).toBe(expected);
          seen.see("the deadline is within the tables", computed !== undefined);
          seen.see(
            "an offset change between start and deadline",
            refOffset(spec.timeZone, start) !== refOffset(spec.timeZone, expected),
          );
          seen.see("the start is not open", nextOpen(start, cal).getTime() !== start);
          seen.see("a holiday in the tables' range", (spec.holidays?.length ?? 0) > 0);
        },
      ),
      { numRuns: 300 },
    );
    // Lowest of three runs (2026-12-03): 300, 6, 198 and 211; each floor sits about four square roots below.
    seen.expectAtLeast({
      "the deadline is within the tables": 280,
      "an offset change between start and deadline": 1,
      "the start is not open": 140,
      "a holiday in the tables' range": 150,
    });
  });
});
