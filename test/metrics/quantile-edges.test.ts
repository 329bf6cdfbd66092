import { describe, expect, it } from "vitest";
import { quantilesInPlace } from "../../src/metrics/quantile.js";

// The selection behind the median and p90 next to the end of the list: nothing past `length` (spare
// capacity, whatever it holds) may be read. Expected values are the sorted lists read by hand.

describe("exact quantiles at the end of the list", () => {
  it("read nothing past the length they are given", () => {
    // The slot past the list holds NaN: read as the next value, even times 0 it would make NaN.
    // 9, 4 sorted is 4, 9: the maximum (p = 1) is 9, the median halfway, 6.5.
    expect(quantilesInPlace(Float64Array.of(9, 4, Number.NaN), 2, [1, 0.5])).toEqual([9, 6.5]);
    // A spare value below every value would be the minimum of what lies above the median's rank.
    expect(quantilesInPlace(Float64Array.of(9, 4, -1), 2, [0.5])).toEqual([6.5]);
    // One value is its own median and p90, with Infinity in the spare slot.
    expect(quantilesInPlace(Float64Array.of(7, Number.POSITIVE_INFINITY), 1, [0.5, 0.9])).toEqual([7, 7]);
  });
});
