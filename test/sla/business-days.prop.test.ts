import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessDays, defineCalendar, type CalendarSpec } from "../../src/sla/index.js";
import { calendarCase } from "./calendar-arbitrary.js";
import { nearOffsetChange } from "./offset-changes.js";
import { MIN, RefCalendar, refOffset, refWallToInstant, type RefSpec } from "./reference.js";
import { classCounts } from "../fixtures/class-counts.js";

// addBusinessDays against a brute-force day stepper written here from its documented contract
// (docs/sla.md, the TSDoc): step n local dates that own an open window (holidays with hours count,
// closed holidays do not), one date at a time; keep the local time of day; resolve that wall time in
// the zone (a skipped time resolves forward); then move to the next open instant. n = 0 is the next
// open instant. Zone offsets, wall-time resolution and openness come from the reference
// (reference.ts), which shares no code with src/sla.

const DAY = 1440 * MIN;

/** The brute-force answer, or undefined when it lies beyond what the stepper searches. */
function referenceAddBusinessDays(
  spec: RefSpec,
  ref: RefCalendar,
  at: number,
  n: number,
): { result: number; target: number; skipped: number } | undefined {
  const wall = at + refOffset(spec.timeZone, at);
  const startDay = Math.floor(wall / DAY);
  if (n === 0) {
    const result = ref.nextOpen(at, 16 * 1440);
    return result === undefined ? undefined : { result, target: at, skipped: 0 };
  }
  const step = Math.sign(n);
  let day = startDay;
  let left = Math.abs(n);
  let skipped = 0;
  while (left > 0) {
    day += step;
    if (ref.windowsOf(day).length > 0) left -= 1;
    else skipped += 1;
    if (Math.abs(day - startDay) > 400) return undefined;
  }
  const target = refWallToInstant(spec.timeZone, day * DAY + (wall - startDay * DAY));
  const result = ref.nextOpen(target, 16 * 1440);
  return result === undefined ? undefined : { result, target, skipped };
}

describe("addBusinessDays agrees with a brute-force day stepper", () => {
  it("n business days on, same local time of day, then the next open instant", { timeout: 60_000 }, () => {
    // One case in four is moved next to an offset change, where keeping the local time of day is hard.
    const cases = fc.oneof(
      { weight: 3, arbitrary: calendarCase },
      { weight: 1, arbitrary: calendarCase.chain(nearOffsetChange) },
    );
    const n = fc.oneof(fc.constantFrom(0, 1, -1, 5, -5), fc.integer({ min: -40, max: 40 }));
    const seen = classCounts();
    fc.assert(
      fc.property(cases, fc.integer({ min: -2 * 1440, max: 2 * 1440 }), n, ({ spec, at }, shift, days) => {
        const t = at + shift * MIN;
        const ref = new RefCalendar(spec);
        const expected = referenceAddBusinessDays(spec, ref, t, days);
        seen.see("beyond the stepper's reach (discarded)", expected === undefined);
        fc.pre(expected !== undefined);
        const result = addBusinessDays(t, days, defineCalendar(spec as CalendarSpec));
        expect(result.toISOString()).toBe(new Date(expected.result).toISOString());
        // The classes where a day stepper is easy to get wrong.
        seen.see(days === 0 ? "n = 0" : days < 0 ? "backwards" : "forwards");
        seen.see("closed dates skipped", expected.skipped > 0);
        seen.see("closed at that time of day: moved to the next open instant", expected.result !== expected.target);
        seen.see(
          "offset differs between start and result",
          refOffset(spec.timeZone, t) !== refOffset(spec.timeZone, expected.result),
        );
      }),
      { numRuns: 2_000 },
    );
    // Expected per 2,000 runs (measured over 20,000): 227 with n = 0, 877 backwards, 896 forwards, 1,313
    // skipping closed dates, 1,125 moved on to the next open instant, 292 across an offset change;
    // each minimum sits where a run falls short less than once in a billion.
    seen.expectAtLeast({
      "n = 0": 145,
      backwards: 725,
      forwards: 735,
      "closed dates skipped": 1144,
      "closed at that time of day: moved to the next open instant": 959,
      "offset differs between start and result": 200,
    });
  });
});
