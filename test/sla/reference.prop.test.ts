import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessTime,
  businessTimeBetween,
  defineCalendar,
  isOpen,
  nextClose,
  nextOpen,
  type CalendarSpec,
} from "../../src/sla/index.js";
import { calendarCase } from "./calendar-arbitrary.js";
import { nearOffsetChange, withinADayOfOffsetChange } from "./offset-changes.js";
import { MIN, RefCalendar, refOffset, type RefSpec } from "./reference.js";
import { classCounts } from "../fixtures/class-counts.js";

// The engine against the brute-force reference over generated calendars (split days, overnight
// windows, 24:00, holidays closed and with hours, ranges) in ten DST-heavy zones. The run counts add
// up to more than 10,000 cases per CI run.

const engine = (spec: CalendarSpec) => defineCalendar(spec);
const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());
const DAY = 1440 * MIN;

/** One case in four is moved next to an offset change: calendarCase alone puts 1 in 75 there. */
const cases = fc.oneof(
  { weight: 3, arbitrary: calendarCase },
  { weight: 1, arbitrary: calendarCase.chain(nearOffsetChange) },
);
/** Whether the local day of `at` is one of the spec's holidays (closed or with hours). */
const onHoliday = (spec: RefSpec, ref: RefCalendar, at: number): boolean => {
  const day = new Date(ref.localDay(at) * DAY).toISOString().slice(0, 10);
  return (spec.holidays ?? []).some((h) =>
    typeof h === "string" ? h === day : "date" in h ? h.date === day : h.from <= day && day <= h.to,
  );
};

describe("the engine agrees with the brute-force reference", () => {
  it("isOpen, nextOpen and nextClose", { timeout: 120_000 }, () => {
    const seen = classCounts();
    fc.assert(
      fc.property(cases, fc.integer({ min: -3 * 1440, max: 3 * 1440 }), ({ spec, at }, shift) => {
        const cal = engine(spec as CalendarSpec);
        const ref = new RefCalendar(spec);
        const t = at + shift * MIN;
        expect(isOpen(t, cal)).toBe(ref.isOpen(t));
        // Where the reference finds nothing within 16 days, the engine's answer lies beyond them.
        const open = ref.nextOpen(t, 16 * 1440);
        if (open !== undefined) expect(nextOpen(t, cal).toISOString()).toBe(iso(open));
        else expect(nextOpen(t, cal).getTime()).toBeGreaterThanOrEqual(t + 16 * DAY);
        const close = ref.nextClose(t, 16 * 1440);
        if (close !== undefined) expect(nextClose(t, cal)?.toISOString()).toBe(iso(close));
        else expect(nextClose(t, cal)?.getTime() ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(t + 16 * DAY);
        seen.see(ref.isOpen(t) ? "open" : "closed");
        seen.see("within a day of an offset change", withinADayOfOffsetChange(spec, t));
        seen.see("on a holiday", onHoliday(spec, ref, t));
      }),
      { numRuns: 4_000 },
    );
    // Expected per 4,000 runs: 1,218 open, 2,782 closed, 305 near an offset change, 640 on a holiday;
    // each minimum sits where a run falls short less than once in a billion.
    seen.expectAtLeast({ open: 1022, closed: 2511, "within a day of an offset change": 200, "on a holiday": 462 });
  });

  it("businessTimeBetween, signed, over spans up to three days", { timeout: 120_000 }, () => {
    const seen = classCounts();
    fc.assert(
      fc.property(cases, fc.integer({ min: -3 * 1440, max: 3 * 1440 }), ({ spec, at }, span) => {
        const cal = engine(spec as CalendarSpec);
        const ref = new RefCalendar(spec);
        const expected = ref.between(at, at + span * MIN);
        expect(businessTimeBetween(at, at + span * MIN, cal)).toBe(expected);
        seen.see(expected > 0 ? "positive" : expected < 0 ? "negative" : "zero");
        seen.see(
          "span crosses an offset change",
          refOffset(spec.timeZone, at) !== refOffset(spec.timeZone, at + span * MIN),
        );
      }),
      { numRuns: 3_000 },
    );
    // Expected per 3,000 runs: about 1,000 each, and 214 spans across an offset change.
    seen.expectAtLeast({ positive: 800, negative: 796, zero: 800, "span crosses an offset change": 130 });
  });

  it("addBusinessTime forwards and backwards", { timeout: 120_000 }, () => {
    const seen = classCounts();
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 2 * 1440 }), fc.boolean(), ({ spec, at }, minutes, forward) => {
        const cal = engine(spec as CalendarSpec);
        const ref = new RefCalendar(spec);
        const expected = forward
          ? ref.addForward(at, minutes * MIN, 12 * 1440)
          : ref.addBackward(at, minutes * MIN, 12 * 1440);
        seen.see("no answer within 12 days (discarded)", expected === undefined);
        fc.pre(expected !== undefined);
        expect(addBusinessTime(at, (forward ? 1 : -1) * minutes * MIN, cal).toISOString()).toBe(iso(expected));
        seen.see(forward ? "forwards" : "backwards");
        seen.see(
          "deadline across an offset change",
          refOffset(spec.timeZone, at) !== refOffset(spec.timeZone, expected),
        );
        seen.see("starts closed", !ref.isOpen(at));
      }),
      { numRuns: 3_000 },
    );
    // Expected per 3,000 runs: about 1,500 each way, 270 across an offset change, 2,100 starting closed
    // (and 200 discarded: no answer within the reference's 12 days).
    seen.expectAtLeast({
      forwards: 1271,
      backwards: 1_300,
      "deadline across an offset change": 175,
      "starts closed": 1874,
    });
  });
});
