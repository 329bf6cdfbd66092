import { describe, expect, it } from "vitest";
import {
  differenceInterval,
  meanInterval,
  poissonRateInterval,
  wilsonInterval,
  zScore,
} from "../../src/metrics/index.js";
import { refusal } from "../fixtures/refusal.js";

// The edges of statistics.test.ts: levels where zScore's refinement is on a knife's edge, what each
// interval's refusal names, and a level passed on. Every "exact" quantile below is
// sqrt(2) * erfinv(level) in mpmath 1.3 at 40 digits (the level taken as its decimal when it has at
// most 15 digits, else as the double it is), then rounded to the nearest double.

const round4 = (value: number | undefined): number => Math.round((value ?? Number.NaN) * 10_000) / 10_000;

describe("zScore at the edges of its refinement", () => {
  it("a level too small to leave the tail below 1/2 is still sqrt(2 pi) times half of it", () => {
    // 1 - 1e-17 rounds to 1, so the tail is exactly 1/2 and the starting guess exactly 0: the first
    // step must come from the level alone. Near 0 the quantile is linear, z = sqrt(2 pi) * level / 2
    // times 1 + z^2 / 6 + ..., and z^2 / 6 is 3e-35 here, or less.
    for (const level of [1e-17, 1e-300]) {
      expect(zScore(level) / (Math.sqrt(2 * Math.PI) * (level / 2))).toBeCloseTo(1, 14);
    }
  });

  it("a level written with 16 digits is read as the double it is, not cut to 15", () => {
    // 0.9999999999999999 is the double 1 - 2^-53: each tail is 2^-54 (exact: 8.2923610758135955382),
    // where its first 15 digits would leave 5e-16 (8.03). 0.9999999999999998 is 1 - 2^-52 (8.2095361516013869).
    expect(zScore(0.9999999999999999)).toBeCloseTo(8.292361075813595, 13);
    expect(zScore(0.9999999999999998)).toBeCloseTo(8.209536151601387, 13);
  });

  it("is the double nearest the exact quantile where the square's rounding would tip it", () => {
    // x^2 rounds by up to half an ulp of x^2, which exp(-x^2 / 2) carries into the density; the exact
    // split of the square takes it out. At these levels the answer is within 0.4 ulp of the exact
    // quantile; with the split broken (or its correction turned around) it rounds to the next double.
    expect(zScore(0.92)).toBe(1.75068607125217); // exact: 1.7506860712521699794
    expect(zScore(0.986)).toBe(2.4572633902054375); // exact: 2.4572633902054373316
    expect(zScore(0.99987)).toBe(3.826458602083205); // exact: 3.8264586020832053444
  });

  it("at the one-sigma level, where the refinement meets x = 1 exactly, it is the nearest double", () => {
    // 0.6826894921370859 is the double nearest erf(1 / sqrt(2)); its exact quantile is
    // 0.99999999999999990574, 0.15 ulp above 1 - 2^-53 (0.9999999999999999). The first step lands on
    // exactly 1, where the tail can be read from the series or from the continued fraction: the series
    // gives the nearest double, the continued fraction (its tail rounded, then q taken away) the next.
    expect(zScore(0.6826894921370859)).toBe(0.9999999999999999);
  });
});

describe("what the intervals refuse names the interval and the argument", () => {
  it("wilsonInterval names a count that is not a number", () => {
    expect(refusal(() => wilsonInterval("3" as never, 6))).toBe(
      "invalid_argument (wilsonInterval: successes must be a number: 3)",
    );
  });

  it("poissonRateInterval names its level and its counts", () => {
    expect(refusal(() => poissonRateInterval(3, 1, { confidence: 1.5 }))).toBe(
      "invalid_argument (poissonRateInterval: options.confidence must be between 0 and 1 (exclusive): 1.5)",
    );
    expect(refusal(() => poissonRateInterval(3, 1, "0.9" as never))).toBe(
      "invalid_argument (poissonRateInterval: options must be an object: 0.9)",
    );
    expect(refusal(() => poissonRateInterval(3, "1" as never))).toBe(
      "invalid_argument (poissonRateInterval: exposure must be a number: 1)",
    );
  });

  it("meanInterval names its level and its sums", () => {
    expect(refusal(() => meanInterval(2, 3, 5, { confidence: 0 }))).toBe(
      "invalid_argument (meanInterval: options.confidence must be between 0 and 1 (exclusive): 0)",
    );
    expect(refusal(() => meanInterval(2, 3, null as never))).toBe(
      "invalid_argument (meanInterval: sumOfSquares must be a number: null)",
    );
  });

  it("differenceInterval names its level and which side is not an object", () => {
    const side = { successes: 1, trials: 2 };
    expect(refusal(() => differenceInterval(side, side, { confidence: -1 }))).toBe(
      "invalid_argument (differenceInterval: options.confidence must be between 0 and 1 (exclusive): -1)",
    );
    expect(refusal(() => differenceInterval(null as never, side))).toBe(
      "invalid_argument (differenceInterval: a must be an object: null)",
    );
    expect(refusal(() => differenceInterval(side, 5 as never))).toBe(
      "invalid_argument (differenceInterval: b must be an object: 5)",
    );
  });
});

describe("differenceInterval at another level", () => {
  it("builds both Wilson intervals at the level it is given", () => {
    // Newcombe's method 10 for 56/70 - 48/80 (his 95% example gives 0.0524 to 0.3339) at 90%, worked
    // in mpmath from the Wilson bounds (x + z^2/2 -+ z sqrt(x (n - x) / n + z^2/4)) / (n + z^2) with
    // z = 1.6448536269514727: [0.0766, 0.3136]. With a's side left at 95% it would be [0.0622, 0.3199],
    // with b's [0.0658, 0.3283].
    const interval = differenceInterval(
      { successes: 56, trials: 70 },
      { successes: 48, trials: 80 },
      { confidence: 0.9 },
    );
    expect([round4(interval?.low), round4(interval?.high), interval?.confidence]).toEqual([0.0766, 0.3136, 0.9]);
  });
});
