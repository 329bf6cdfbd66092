import { describe, expect, it } from "vitest";
import { days, hours, minutes, seconds } from "../../src/core/duration.js";
import { HandoffKitError } from "../../src/core/error.js";

describe("duration helpers", () => {
  it("convert to milliseconds", () => {
    expect(seconds(1)).toBe(1_000);
    expect(minutes(30)).toBe(30 * 60 * 1_000);
    expect(hours(8)).toBe(8 * 60 * 60 * 1_000);
    expect(days(2)).toBe(2 * 24 * 60 * 60 * 1_000);
    expect(hours(-1)).toBe(-3_600_000);
    expect(minutes(0.5)).toBe(30_000);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "refuse %s with invalid_duration",
    (bad) => {
      for (const helper of [seconds, minutes, hours, days]) {
        expect(() => helper(bad)).toThrow(HandoffKitError);
        try {
          helper(bad);
        } catch (error) {
          expect((error as HandoffKitError).code).toBe("invalid_duration");
          // The message names the helper called, so a caller finds the bad call among several.
          expect((error as HandoffKitError).message).toContain(`${helper.name}(${String(bad)})`);
        }
      }
    },
  );

  it("refuse a non-number from untyped callers", () => {
    expect(() => hours("8" as unknown as number)).toThrow(/invalid_duration/);
  });
});
