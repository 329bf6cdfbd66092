import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { days, hours, minutes, seconds } from "../../src/core/duration.js";

describe("duration laws", () => {
  it("units nest: 24 h = 1 day, 60 min = 1 h, 60 s = 1 min (on integers, exactly)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (n) => {
        expect(hours(24 * n)).toBe(days(n));
        expect(minutes(60 * n)).toBe(hours(n));
        expect(seconds(60 * n)).toBe(minutes(n));
      }),
    );
  });

  it("are additive and monotonic", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), (a, b) => {
        expect(minutes(a) + minutes(b)).toBe(minutes(a + b));
        if (a <= b) expect(hours(a)).toBeLessThanOrEqual(hours(b));
      }),
    );
  });
});
