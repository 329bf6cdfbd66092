import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstIndexAbove, firstIndexAtLeast } from "../../src/core/search.js";

describe("binary search laws", () => {
  it("agree with a linear scan", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, probe) => {
        const sorted = [...values].sort((a, b) => a - b);
        const atLeast = sorted.findIndex((v) => v >= probe);
        const above = sorted.findIndex((v) => v > probe);
        expect(firstIndexAtLeast(sorted, probe)).toBe(atLeast === -1 ? sorted.length : atLeast);
        expect(firstIndexAbove(sorted, probe)).toBe(above === -1 ? sorted.length : above);
      }),
    );
  });
});
