import { describe, expect, it } from "vitest";
import { days } from "../../src/core/duration.js";
import {
  DEFAULT_INTENT_WEIGHTS,
  prioritize,
  scoreIntent,
  type IntentSignal,
  type IntentWeights,
} from "../../src/qualification/index.js";

// Worked from the documented rules: a signal's weight (default table) times its strength, halved
// every half-life (14 days by default), summed, and mapped onto 0-100 by 100 x (1 - e^(-sum / 50)).
const NOW = Date.UTC(2026, 10, 20, 12);
const ago = (d: number): Date => new Date(NOW - d * 86_400_000);
const saturate = (raw: number): number => 100 * (1 - Math.exp(-raw / 50));

describe("scoreIntent", () => {
  it("weighs, decays and saturates", () => {
    const result = scoreIntent(
      [
        { kind: "pricing_page_visit", at: ago(0) },
        { kind: "funding", at: ago(14) },
        { kind: "hiring", at: ago(28), strength: 0.5 },
      ],
      { now: NOW },
    );
    // 30 x 1, 20 x 1/2, 15 x 0.5 x 1/4.
    expect(result.contributions).toEqual([
      { kind: "pricing_page_visit", at: ago(0), weight: 30, decay: 1, points: 30 },
      { kind: "funding", at: ago(14), weight: 20, decay: 0.5, points: 10 },
      { kind: "hiring", at: ago(28), weight: 7.5, decay: 0.25, points: 1.875 },
    ]);
    expect(result.raw).toBe(41.875);
    expect(result.score).toBeCloseTo(saturate(41.875), 12);
    expect(result.ignored).toEqual([]);
  });

  it("keeps the default weight of a kind the weights leave out", () => {
    // hiring 30 of its own, funding 20 by default, both fresh: 50.
    const result = scoreIntent(
      [
        { kind: "hiring", at: ago(0) },
        { kind: "funding", at: ago(0) },
      ],
      { now: NOW, weights: { hiring: 30 } },
    );
    expect(result.contributions.map((c) => c.weight)).toEqual([30, 20]);
    expect(result.raw).toBe(50);
  });

  it("takes a half-life and weights of your own", () => {
    const weights = { ...DEFAULT_INTENT_WEIGHTS, funding: 40, hiring: 0 };
    const result = scoreIntent(
      [
        { kind: "funding", at: ago(14) },
        { kind: "hiring", at: ago(0) },
      ],
      { now: NOW, halfLife: days(7), weights },
    );
    // 14 days at a 7-day half-life: a quarter of 40.
    expect(result.contributions.map((c) => c.points)).toEqual([10, 0]);
    expect(result.score).toBeCloseTo(saturate(10), 12);
    expect(scoreIntent([], { now: NOW })).toEqual({ score: 0, raw: 0, contributions: [], ignored: [] });
  });

  it("leaves out signals after now, and counts one at now", () => {
    const result = scoreIntent(
      [
        { kind: "webinar_attended", at: new Date(NOW + 1) },
        { kind: "webinar_attended", at: new Date(NOW) },
      ],
      { now: NOW },
    );
    expect(result.ignored).toEqual([
      { code: "after_now", path: [0, "at"], message: "The signal is after the scoring time" },
    ]);
    expect(result.raw).toBe(15);
  });

  it("holds an unvalidated strength to 0-1, and counts one that is not a number as 0", () => {
    const raw = (strength: number): number =>
      scoreIntent([{ kind: "pricing_page_visit", at: ago(0), strength }], { now: NOW }).raw;
    expect(raw(2)).toBe(30);
    expect(raw(-1)).toBe(0);
    expect(raw(Number.NaN)).toBe(0);
    expect(raw(0.25)).toBe(7.5);
  });

  it("names misuse", () => {
    expect(() => scoreIntent([], { now: NOW, halfLife: 0 })).toThrow(
      "invalid_duration: A duration must be a finite number of milliseconds " +
        "(scoreIntent: halfLife must be a finite number of milliseconds above 0: 0)",
    );
    expect(() => scoreIntent([], { now: NOW, halfLife: -days(1) })).toThrow(/invalid_duration.*above 0: -86400000\)/);
    expect(() => scoreIntent([], { now: NOW, halfLife: Number.POSITIVE_INFINITY })).toThrow(/invalid_duration/);
    expect(() => scoreIntent([], { now: NOW, halfLife: Number.NaN })).toThrow(/invalid_duration/);
    expect(() => scoreIntent([], { now: NOW, weights: { hiring: 5, pricing_visit: 10 } as IntentWeights })).toThrow(
      "(scoreIntent: options.weights.pricing_visit is no intent signal kind (pricing_page_visit, " +
        "review_site_research, content_engagement, webinar_attended, funding, hiring, tool_migration, " +
        "leadership_change))",
    );
    expect(() => scoreIntent([], { now: NOW, weights: 30 as unknown as IntentWeights })).toThrow(
      "(scoreIntent: options.weights must be an object: 30)",
    );
    expect(() => scoreIntent([], { now: NOW, weights: { ...DEFAULT_INTENT_WEIGHTS, hiring: -1 } })).toThrow(
      "(scoreIntent: options.weights.hiring must be a number from 0 to 1000000: -1)",
    );
    expect(() => scoreIntent([], { now: NOW, weights: { ...DEFAULT_INTENT_WEIGHTS, hiring: 1_000_001 } })).toThrow(
      /weights\.hiring/,
    );
    expect(() => scoreIntent([], { now: NOW, weights: { ...DEFAULT_INTENT_WEIGHTS, hiring: Number.NaN } })).toThrow(
      /weights\.hiring/,
    );
    expect(
      scoreIntent([{ kind: "hiring", at: ago(0) }], {
        now: NOW,
        weights: { ...DEFAULT_INTENT_WEIGHTS, hiring: 1_000_000 },
      }).raw,
    ).toBe(1_000_000);
    expect(() => scoreIntent({} as IntentSignal[], { now: NOW })).toThrow(
      "(scoreIntent expects an array of signals (parseIntentSignals): an object)",
    );
    expect(() => scoreIntent([null as unknown as IntentSignal], { now: NOW })).toThrow(
      "(scoreIntent expects signals as parseIntentSignals returns them: signals[0] is null)",
    );
    expect(() => scoreIntent([{ kind: 3 } as unknown as IntentSignal], { now: NOW })).toThrow(
      /signals\[0\] is an object/,
    );
    expect(() => scoreIntent([], null as unknown as { now: number })).toThrow(
      "(scoreIntent: options must be an object: null)",
    );
  });
});

describe("prioritize", () => {
  it("weighs fit 60/40 against intent by default and bands the result", () => {
    // 0.6 x 80 + 0.4 x 60 = 72, intent at least 50: act now.
    expect(prioritize(80, 60)).toEqual({ score: 72, band: "act_now" });
    // 48 + 16 = 64: work (intent under 50).
    expect(prioritize(80, 40)).toEqual({ score: 64, band: "work" });
    // A fit under 40 is a poor fit whatever the intent.
    expect(prioritize(39, 100).band).toBe("poor_fit");
    expect(prioritize(40, 0)).toEqual({ score: 24, band: "nurture" });
    // Intent at 50 is not enough on its own: 30 + 20 = 50 is work.
    expect(prioritize(50, 50)).toEqual({ score: 50, band: "work" });
  });

  it("draws each band's line inclusive", () => {
    // fitWeight 0.5: 90 and 50 give exactly 70 with intent exactly 50.
    expect(prioritize(90, 50, { fitWeight: 0.5 })).toEqual({ score: 70, band: "act_now" });
    expect(prioritize(92, 48, { fitWeight: 0.5 })).toEqual({ score: 70, band: "work" });
    expect(prioritize(60, 40, { fitWeight: 0.5 })).toEqual({ score: 50, band: "work" });
    expect(prioritize(60, 38, { fitWeight: 0.5 })).toEqual({ score: 49, band: "nurture" });
    expect(prioritize(100, 0, { fitWeight: 1 })).toEqual({ score: 100, band: "work" });
    expect(prioritize(40, 80, { fitWeight: 0 })).toEqual({ score: 80, band: "act_now" });
  });

  it("names misuse", () => {
    expect(() => prioritize(101, 50)).toThrow("(prioritize: fit must be from 0 to 100: 101)");
    expect(() => prioritize(50, -1)).toThrow("(prioritize: intent must be from 0 to 100: -1)");
    expect(() => prioritize(Number.NaN, 50)).toThrow("(prioritize: fit must be from 0 to 100: NaN)");
    expect(() => prioritize(50, 50, { fitWeight: 1.5 })).toThrow("(prioritize: fitWeight must be from 0 to 1: 1.5)");
    expect(() => prioritize(50, 50, { fitWeight: -0.1 })).toThrow("(prioritize: fitWeight must be from 0 to 1: -0.1)");
    expect(() => prioritize("80" as unknown as number, 50)).toThrow("(prioritize: fit must be a number: 80)");
    expect(() => prioritize(50, 50, null as unknown as { fitWeight?: number })).toThrow(
      "(prioritize: options must be an object: null)",
    );
  });
});
