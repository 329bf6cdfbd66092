import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessTime, businessTimeBetween, createCalendar, isOpen, nextClose, nextOpen, type CalendarSpec } from "../../src/sla/index.js";
import { calendarCase } from "./calendar-arbitrary.js";
import { MIN, RefCalendar } from "./reference.js";

// The engine against the brute-force reference over generated calendars (split days, overnight
// windows, 24:00, holidays closed and with hours, ranges) in ten DST-heavy zones. The run counts add
// up to more than 10,000 cases per CI run.

const engine = (spec: CalendarSpec) => createCalendar(spec);
const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("the engine agrees with the brute-force reference", () => {
  it("isOpen, nextOpen and nextClose", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(calendarCase, fc.integer({ min: -3 * 1440, max: 3 * 1440 }), ({ spec, at }, shift) => {
        const cal = engine(spec as CalendarSpec);
        const ref = new RefCalendar(spec);
        const t = at + shift * MIN;
        expect(isOpen(cal, t)).toBe(ref.isOpen(t));
        const open = ref.nextOpen(t, 16 * 1440);
        if (open !== undefined) expect(nextOpen(cal, t).toISOString()).toBe(iso(open));
        const close = ref.nextClose(t, 16 * 1440);
        if (close !== undefined) expect(nextClose(cal, t)?.toISOString()).toBe(iso(close));
      }),
      { numRuns: 4_000 },
    );
  });

  it("businessTimeBetween, signed, over spans up to three days", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(calendarCase, fc.integer({ min: -3 * 1440, max: 3 * 1440 }), ({ spec, at }, span) => {
        const cal = engine(spec as CalendarSpec);
        const ref = new RefCalendar(spec);
        expect(businessTimeBetween(cal, at, at + span * MIN)).toBe(ref.between(at, at + span * MIN));
      }),
      { numRuns: 3_000 },
    );
  });

  it("addBusinessTime forwards and backwards", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(calendarCase, fc.integer({ min: 1, max: 2 * 1440 }), fc.boolean(), ({ spec, at }, minutes, forward) => {
        const cal = engine(spec as CalendarSpec);
        const ref = new RefCalendar(spec);
        const expected = forward ? ref.addForward(at, minutes * MIN, 12 * 1440) : ref.addBackward(at, minutes * MIN, 12 * 1440);
        fc.pre(expected !== undefined);
        expect(addBusinessTime(cal, at, (forward ? 1 : -1) * minutes * MIN).toISOString()).toBe(iso(expected));
      }),
      { numRuns: 3_000 },
    );
  });
});
