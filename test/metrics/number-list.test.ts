import { describe, expect, it } from "vitest";
import { createNumberList, pushNumber } from "../../src/metrics/quantile.js";

describe("the number list behind the exact quantiles", () => {
  it("grows past its capacity and keeps every value in order", () => {
    // 16 is the default capacity: 100 values need three growths (16, 24, 36, 54, 81, 122).
    const list = createNumberList();
    for (let value = 1; value <= 100; value += 1) pushNumber(list, value * 3);
    expect(list.length).toBe(100);
    expect(Array.from(list.values.subarray(0, list.length))).toEqual(
      Array.from({ length: 100 }, (_, i) => (i + 1) * 3),
    );
  });
});
