import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { days, hours, minutes, seconds } from "../../src/core/duration.js";
import { classCounts } from "../fixtures/class-counts.js";

// The expected values come from Date's own calendar arithmetic in UTC (no DST, so a day is 24 hours),
// not from the factors the helpers multiply by.

const EPOCH = Date.UTC(2026, 0, 1);
// Edge values first (zero, one, minus one), then any whole amount up to a million either way.
const whole = fc.oneof(fc.constantFrom(0, 1, -1), fc.integer({ min: -1e6, max: 1e6 }));
// Halves, quarters, ... 1/1024ths: binary fractions multiply exactly, so the laws hold to the bit.
const fraction = fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(2, 4, 8, 1_024)).map(([k, d]) => k / d);

describe("duration laws", () => {
  it("agree with Date's arithmetic in UTC: n days, hours, minutes or seconds from an instant", () => {
    const seen = classCounts();
    fc.assert(
      fc.property(whole, (n) => {
        expect(days(n)).toBe(Date.UTC(2026, 0, 1 + n) - EPOCH);
        expect(hours(n)).toBe(Date.UTC(2026, 0, 1, n) - EPOCH);
        expect(minutes(n)).toBe(Date.UTC(2026, 0, 1, 0, n) - EPOCH);
        expect(seconds(n)).toBe(Date.UTC(2026, 0, 1, 0, 0, n) - EPOCH);
        seen.see(n === 0 ? "zero" : n < 0 ? "negative" : "positive");
      }),
      { numRuns: 300 },
    );
    // Expected per 300 runs: 53, 129 and 118; each minimum sits where a run falls short less than once in a billion.
    seen.expectAtLeast({ zero: 12, negative: 70, positive: 60 });
  });

  it("units nest: 24 h = 1 day, 60 min = 1 h, 60 s = 1 min, exactly, for whole and binary-fraction amounts", () => {
    const seen = classCounts();
    fc.assert(
      fc.property(fc.oneof(whole, fraction), (n) => {
        expect(hours(24 * n)).toBe(days(n));
        expect(minutes(60 * n)).toBe(hours(n));
        expect(seconds(60 * n)).toBe(minutes(n));
        seen.see("fraction", !Number.isInteger(n));
      }),
      { numRuns: 300 },
    );
    seen.expectAtLeast({ fraction: 66 }); // 130 expected
  });

  it("are additive and strictly increasing", () => {
    const seen = classCounts();
    fc.assert(
      // One pair in four is equal, so that "not larger" is tested on equal amounts as well.
      fc.property(
        whole.chain((a) =>
          fc.tuple(fc.constant(a), fc.oneof({ weight: 3, arbitrary: whole }, { weight: 1, arbitrary: fc.constant(a) })),
        ),
        ([a, b]) => {
          expect(minutes(a) + minutes(b)).toBe(minutes(a + b));
          expect(Math.sign(hours(b) - hours(a))).toBe(Math.sign(b - a));
          seen.see(a === b ? "equal" : "different");
        },
      ),
      { numRuns: 300 },
    );
    seen.expectAtLeast({ equal: 40, different: 141 }); // 89 and 211 expected
  });
});
