import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import { toEpochMs } from "../../src/core/instant.js";

describe("toEpochMs", () => {
  it("reads Dates and epoch milliseconds", () => {
    expect(toEpochMs(new Date("2026-11-01T06:00:00Z"))).toBe(Date.UTC(2026, 10, 1, 6));
    expect(toEpochMs(0)).toBe(0);
    expect(toEpochMs(-1)).toBe(-1);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1, new Date(Number.NaN)])(
    "refuses %s naming the argument",
    (bad) => {
      expect(() => toEpochMs(bad, "now")).toThrow(HandoffKitError);
      expect(() => toEpochMs(bad, "now")).toThrow(/invalid_instant.*\(now: /);
    },
  );

  it("refuses non-instants from untyped callers", () => {
    expect(() => toEpochMs("2026-11-01" as unknown as number)).toThrow(/invalid_instant.*\(instant: /);
  });

  it("law: a Date and its epoch milliseconds read the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(toEpochMs(new Date(ms))).toBe(ms);
        expect(toEpochMs(ms)).toBe(ms);
      }),
    );
  });
});
