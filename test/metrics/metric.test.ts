import { describe, expect, it } from "vitest";
import { mean, proportion, ratePerUnit } from "../../src/metrics/metric.js";
import { meanInterval, poissonRateInterval, wilsonInterval } from "../../src/metrics/statistics.js";

// The three ways a metric is built, each with its interval from statistics.ts (tested on its own) and
// the low-sample flag below `minSample`, inclusive of the minimum itself.
const precision = { confidence: 0.95, minSample: 10 };

describe("proportion", () => {
  it("is numerator over denominator, scaled with its Wilson interval", () => {
    const wilson = wilsonInterval(3, 4, { confidence: 0.95 });
    expect(proportion(3, 4, precision, 1000)).toEqual({
      value: 750,
      numerator: 3,
      denominator: 4,
      interval: {
        low: (wilson?.low ?? Number.NaN) * 1000,
        high: (wilson?.high ?? Number.NaN) * 1000,
        confidence: 0.95,
      },
      lowSample: true,
    });
    expect(proportion(3, 4, precision)).toEqual({
      value: 0.75,
      numerator: 3,
      denominator: 4,
      interval: wilson,
      lowSample: true,
    });
    expect(proportion(5, 10, precision).lowSample).toBe(false);
    expect(proportion(0, 0, precision)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      interval: null,
      lowSample: true,
    });
    expect(proportion(0, 0, { confidence: 0.95, minSample: 0 }).lowSample).toBe(false);
  });
});

describe("ratePerUnit", () => {
  it("is events per unit with a Poisson interval", () => {
    expect(ratePerUnit(5, 2, precision)).toEqual({
      value: 2.5,
      numerator: 5,
      denominator: 2,
      interval: poissonRateInterval(5, 2, { confidence: 0.95 }),
      lowSample: true,
    });
    expect(ratePerUnit(5, 10, precision).lowSample).toBe(false);
    expect(ratePerUnit(3, 0, precision)).toMatchObject({ value: null, numerator: 3, denominator: 0 });
  });
});

describe("mean", () => {
  it("is the sum over the count with a t interval from the sum of squares", () => {
    // 1, 2, 3, 4: sum 10, squares 30.
    expect(mean(4, 10, 30, precision)).toEqual({
      value: 2.5,
      numerator: 10,
      denominator: 4,
      interval: meanInterval(4, 10, 30, { confidence: 0.95 }),
      lowSample: true,
    });
    expect(mean(10, 30, 100, precision).lowSample).toBe(false);
    expect(mean(0, 0, 0, precision)).toMatchObject({ value: null, denominator: 0 });
  });
});

describe("the scoreboard's confidence", () => {
  // Every interval is stated at the precision's confidence, not at the statistics' default of 95%.
  const eighty = { confidence: 0.8, minSample: 10 };
  it("reaches the Wilson, Poisson and mean intervals", () => {
    expect(proportion(3, 4, eighty).interval).toEqual(wilsonInterval(3, 4, { confidence: 0.8 }));
    expect(ratePerUnit(5, 2, eighty).interval).toEqual(poissonRateInterval(5, 2, { confidence: 0.8 }));
    expect(mean(4, 10, 30, eighty).interval).toEqual(meanInterval(4, 10, 30, { confidence: 0.8 }));
    // An 80% interval is narrower than the 95% one: the two are not the same numbers by accident.
    const narrow = proportion(3, 4, eighty).interval;
    const wide = proportion(3, 4, precision).interval;
    expect((narrow?.high ?? 0) - (narrow?.low ?? 0)).toBeLessThan((wide?.high ?? 0) - (wide?.low ?? 0));
  });
});
