import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import {
  differenceInterval,
  meanInterval,
  poissonRateInterval,
  wilsonInterval,
  zScore,
} from "../../src/metrics/index.js";

const round4 = (value: number | undefined): number => Math.round((value ?? Number.NaN) * 10_000) / 10_000;

describe("zScore", () => {
  it("gives the standard normal's two-sided critical values", () => {
    // Tabulated values of the standard normal quantile.
    expect(zScore(0.95)).toBeCloseTo(1.959964, 6);
    expect(zScore(0.99)).toBeCloseTo(2.575829, 6);
    expect(zScore(0.9)).toBeCloseTo(1.644854, 6);
    expect(zScore(0.999)).toBeCloseTo(3.290527, 5);
  });

  it("refuses a confidence outside (0, 1), or one that is not a number", () => {
    for (const bad of [0, 1, -0.5, 95, Number.NaN]) expect(() => zScore(bad)).toThrow(HandoffKitError);
    // "0.95" > 0 holds in JavaScript: the type is checked, not only the range.
    expect(() => zScore("0.95" as never)).toThrow("(zScore: confidence must be between 0 and 1 (exclusive): 0.95)");
    // The intervals check the level first, even with nothing to measure.
    expect(() => wilsonInterval(0, 0, { confidence: 2 })).toThrow(
      "(wilsonInterval: options.confidence must be between 0 and 1 (exclusive): 2)",
    );
  });

  it("a tiny confidence, written as 1e-7 rather than a short decimal, is read as the number it is", () => {
    // Near the centre the normal quantile is linear: z = sqrt(2 pi) * (confidence / 2), the next term
    // (pi / 6) * z^3 being 1e-21 of it here: 1.2533141373155003e-7.
    expect(zScore(1e-7) / (Math.sqrt(2 * Math.PI) * 0.5e-7)).toBeCloseTo(1, 12);
  });
});

describe("wilsonInterval", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i is [%f, %f], as Newcombe publishes", (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials);
    expect(round4(interval?.low)).toBe(low);
    expect(round4(interval?.high)).toBe(high);
  });

  it("puts its bounds where the score test is on the edge", () => {
    // Each bound b solves (p - b)^2 = z^2 b (1 - b) / n.
    const z = zScore(0.9);
    const [x, n] = [7, 19];
    const interval = wilsonInterval(x, n, { confidence: 0.9 });
    for (const b of [interval?.low ?? 0, interval?.high ?? 0])
      expect((x / n - b) ** 2).toBeCloseTo((z * z * b * (1 - b)) / n, 12);
  });

  it("is null without trials and stays inside [0, 1] at the edges", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(10, 10)?.high).toBe(1);
    expect(wilsonInterval(0, 10)?.low).toBe(0);
  });
});

describe("differenceInterval", () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions", method 10.
  it("matches Newcombe's published examples", () => {
    const a = differenceInterval({ successes: 56, trials: 70 }, { successes: 48, trials: 80 });
    expect([round4(a?.low), round4(a?.high)]).toEqual([0.0524, 0.3339]);
    const b = differenceInterval({ successes: 9, trials: 10 }, { successes: 3, trials: 10 });
    expect([round4(b?.low), round4(b?.high)]).toEqual([0.1705, 0.809]);
  });

  it("is null when either side has no trials", () => {
    expect(differenceInterval({ successes: 0, trials: 0 }, { successes: 1, trials: 2 })).toBeNull();
  });
});

describe("poissonRateInterval", () => {
  it("solves the score equation (x - rate t)^2 = z^2 rate t at both bounds", () => {
    const z = zScore(0.95);
    const interval = poissonRateInterval(12, 4);
    for (const rate of [interval?.low ?? 0, interval?.high ?? 0])
      expect((12 - rate * 4) ** 2).toBeCloseTo(z * z * rate * 4, 9);
  });

  it("12 events in 4 weeks: 1.7162 to 5.2442 a week at 95%", () => {
    // (x + z^2/2 -+ z sqrt(x + z^2/4)) / t with z = 1.959964: (13.9207 -+ 7.0560) / 4.
    const interval = poissonRateInterval(12, 4);
    expect(interval?.low).toBeCloseTo(1.7162, 4);
    expect(interval?.high).toBeCloseTo(5.2442, 4);
  });

  it("is null without exposure, and starts at 0 for no events", () => {
    expect(poissonRateInterval(3, 0)).toBeNull();
    expect(poissonRateInterval(0, 5)?.low).toBe(0);
  });
});

describe("meanInterval", () => {
  it("is the mean plus or minus z times the standard error", () => {
    // 3, 3, 4, 4: mean 3.5, sample variance 1/3, standard error sqrt(1/12).
    const interval = meanInterval(4, 14, 50);
    const half = zScore(0.95) * Math.sqrt(1 / 3 / 4);
    expect(interval?.low).toBeCloseTo(3.5 - half, 12);
    expect(interval?.high).toBeCloseTo(3.5 + half, 12);
  });

  it("is null below two values", () => {
    expect(meanInterval(1, 4, 16)).toBeNull();
  });
});
