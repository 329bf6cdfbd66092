import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessTimeBetween, isOpen } from "../../src/sla/index.js";
import { calendarIntervals } from "../../src/sql/index.js";
import { classCounts } from "../fixtures/class-counts.js";
import { calendarWithSpec } from "../sla/calendar-arbitrary.js";
import { refOffset } from "../sla/reference.js";

// The law SQL relies on: business time between two instants is the sum of the intervals table's
// overlaps with them, the table made once for a wide range, as a warehouse keeps it. Calendars are
// generated in DST-heavy zones (half-hour and 45-minute offsets, a skipped day) with holidays.

const DAY = 86_400_000;

describe("calendarIntervals laws", () => {
  it("business time between two instants is the sum of the table's overlaps with them", () => {
    const seen = classCounts();
    fc.assert(
      fc.property(
        calendarWithSpec.chain(({ spec, cal, at }) =>
          fc.tuple(
            fc.constant(spec),
            fc.constant(cal),
            fc.constant(at),
            fc.integer({ min: at - 20 * DAY, max: at + 20 * DAY }),
            fc.integer({ min: at - 20 * DAY, max: at + 20 * DAY }),
          ),
        ),
        ([spec, cal, at, x, y]) => {
          const [a, b] = x <= y ? [x, y] : [y, x];
          const table = [...calendarIntervals({ rep: cal }, new Date(at - 30 * DAY), new Date(at + 30 * DAY))];
          let sum = 0;
          for (const { start, end } of table)
            sum += Math.max(0, Math.min(end.getTime(), b) - Math.max(start.getTime(), a));
          expect(sum).toBe(businessTimeBetween(a, b, cal));
          // The rows are open time, in order, apart: each starts open, and no two touch or overlap.
          table.forEach(({ start, end }, index) => {
            expect(start.getTime()).toBeLessThan(end.getTime());
            expect(isOpen(start, cal)).toBe(true);
            expect(start.getTime()).toBeGreaterThan(table[index - 1]?.end.getTime() ?? Number.NEGATIVE_INFINITY);
          });
          seen.see("open time between a and b", sum > 0);
          seen.see("a inside an open interval", isOpen(a, cal));
          seen.see("a to b crosses an offset change", refOffset(spec.timeZone, a) !== refOffset(spec.timeZone, b));
          seen.see("a holiday in the table's range", (spec.holidays?.length ?? 0) > 0);
        },
      ),
      { numRuns: 300 },
    );
    // Lowest of four runs (2026-12-03): 277, 91, 19 and 212; each floor sits four square roots below.
    seen.expectAtLeast({
      "open time between a and b": 210,
      "a inside an open interval": 52,
      "a to b crosses an offset change": 2,
      "a holiday in the table's range": 150,
    });
  });
});
