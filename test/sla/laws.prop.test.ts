import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessTime, businessTimeBetween, createCalendar, isOpen, nextOpen, type CalendarSpec } from "../../src/sla/index.js";
import { calendarCase } from "./calendar-arbitrary.js";

// Laws of business-time arithmetic at millisecond precision, over generated calendars in DST-heavy
// zones, with instants up to years apart.

const YEAR = 365 * 86_400_000;
const instantNear = (at: number) => fc.integer({ min: at - 2 * YEAR, max: at + 2 * YEAR });
const duration = fc.oneof(fc.integer({ min: -3_600_000 * 2_000, max: 3_600_000 * 2_000 }), fc.integer({ min: -86_400_000, max: 86_400_000 }));
const withCalendar = calendarCase.map(({ spec, at }) => ({ cal: createCalendar(spec as CalendarSpec), at }));

describe("business-time laws", () => {
  it("businessTimeBetween is additive and antisymmetric", () => {
    fc.assert(
      fc.property(withCalendar.chain(({ cal, at }) => fc.tuple(fc.constant(cal), instantNear(at), instantNear(at), instantNear(at))), ([cal, a, b, c]) => {
        expect(businessTimeBetween(cal, a, b) + businessTimeBetween(cal, b, c)).toBe(businessTimeBetween(cal, a, c));
        expect(businessTimeBetween(cal, b, a)).toBe(0 - businessTimeBetween(cal, a, b));
      }),
      { numRuns: 1_000 },
    );
  });

  it("businessTimeBetween(t, addBusinessTime(t, d)) === d", () => {
    fc.assert(
      fc.property(withCalendar.chain(({ cal, at }) => fc.tuple(fc.constant(cal), instantNear(at), duration)), ([cal, t, d]) => {
        expect(businessTimeBetween(cal, t, addBusinessTime(cal, t, d))).toBe(d);
      }),
      { numRuns: 1_000 },
    );
  });

  it("addBusinessTime is monotonic in the duration and in the start", () => {
    fc.assert(
      fc.property(withCalendar.chain(({ cal, at }) => fc.tuple(fc.constant(cal), instantNear(at), instantNear(at), duration, duration)), ([cal, t1, t2, d1, d2]) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [small, large] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addBusinessTime(cal, early, small).getTime()).toBeLessThanOrEqual(addBusinessTime(cal, early, large).getTime());
        expect(addBusinessTime(cal, early, small).getTime()).toBeLessThanOrEqual(addBusinessTime(cal, late, small).getTime());
      }),
      { numRuns: 1_000 },
    );
  });

  it("nextOpen lands on an open instant, at or after t, with no open time skipped", () => {
    fc.assert(
      fc.property(withCalendar.chain(({ cal, at }) => fc.tuple(fc.constant(cal), instantNear(at))), ([cal, t]) => {
        const open = nextOpen(cal, t);
        expect(isOpen(cal, open)).toBe(true);
        expect(open.getTime()).toBeGreaterThanOrEqual(t);
        expect(businessTimeBetween(cal, t, open)).toBe(0);
      }),
      { numRuns: 1_000 },
    );
  });
});
