import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import { days } from "../../src/core/duration.js";
import {
  DEFAULT_INTENT_WEIGHTS,
  defineIcp,
  parseIntentSignals,
  prioritize,
  scoreIcpFit,
  scoreIntent,
  type IcpRule,
} from "../../src/qualification/index.js";

const rules: IcpRule[] = [
  { kind: "employees", min: 50, max: 5_000, weight: 3 },
  { kind: "industry", include: ["software", "logistics"], weight: 2 },
  { kind: "uses", any: ["Salesforce", "HubSpot"], weight: 2 },
  { kind: "avoids", any: ["Clari"], weight: 1 },
  {
    kind: "custom",
    label: "raised in the last year",
    weight: 2,
    match: (subject) => (subject.region === "NA" ? 1 : undefined),
  },
];
const icp = defineIcp({ id: "revops", rules });

describe("scoreIcpFit", () => {
  it("is the weighted share of rules matched, each rule's points shown", () => {
    const fit = scoreIcpFit(
      { employees: 420, industry: "Logistics", technologies: ["salesforce", "Excel"], region: "NA" },
      icp,
    );
    expect(fit.score).toBe(100);
    expect(fit.tier).toBe("A");
    expect(fit.contributions.map((c) => [c.label, c.match, c.points])).toEqual([
      ["50-5000 employees", 1, 30],
      ["industry: software, logistics", 1, 20],
      ["uses Salesforce or HubSpot", 1, 20],
      ["does not use Clari", 1, 10],
      ["raised in the last year", 1, 20],
    ]);
  });

  it("scores what it knows; unknown fields match nothing and are shown as null", () => {
    const fit = scoreIcpFit({ employees: 20, industry: "education", technologies: ["Clari"] }, icp);
    // size 0/3, industry 0/2, uses 0/2, avoids 0/1, custom unknown: 0 of 10 weight.
    expect(fit.score).toBe(0);
    expect(fit.tier).toBe("D");
    const partial = scoreIcpFit({ industry: "software" }, icp);
    expect(partial.score).toBe((100 * 2) / 10);
    expect(partial.contributions.filter((c) => c.match === null).map((c) => c.kind)).toEqual([
      "employees",
      "uses",
      "avoids",
      "custom",
    ]);
  });

  it("tiers follow the profile's thresholds", () => {
    const custom = defineIcp({
      id: "x",
      rules: [
        { kind: "industry", include: ["software"], weight: 1 },
        { kind: "region", include: ["EMEA"], weight: 1 },
      ],
      tiers: { a: 90, b: 50, c: 10 },
    });
    expect(scoreIcpFit({ industry: "software" }, custom).tier).toBe("B");
  });

  it("defineIcp refuses bad rules with paths", () => {
    try {
      defineIcp({
        id: "x",
        rules: [
          { kind: "employees", min: 500, max: 50, weight: 1 },
          { kind: "industry", include: [], weight: 0 },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HandoffKitError);
      expect((error as HandoffKitError).issues.map((issue) => issue.path.join("."))).toEqual([
        "rules.0.max",
        "rules.1.include",
        "rules.1.weight",
      ]);
    }
  });
});

describe("scoreIntent", () => {
  const now = new Date("2026-11-21T00:00:00Z");

  it("decays each signal by half every half-life and saturates at 100", () => {
    const signals = [
      { kind: "pricing_page_visit" as const, at: new Date(now.getTime() - days(2)) },
      { kind: "funding" as const, at: new Date(now.getTime() - days(30)), strength: 0.5 },
    ];
    const scored = scoreIntent(signals, { now, halfLife: days(14) });
    const raw = 30 * 0.5 ** (2 / 14) + 20 * 0.5 * 0.5 ** (30 / 14);
    expect(scored.raw).toBeCloseTo(raw, 10);
    expect(scored.score).toBeCloseTo(100 * (1 - Math.exp(-raw / 50)), 10);
    expect(scored.contributions.map((c) => c.kind)).toEqual(["pricing_page_visit", "funding"]);
  });

  it("leaves out signals dated after now, and scores nothing as 0", () => {
    const scored = scoreIntent([{ kind: "hiring", at: new Date("2026-12-01T00:00:00Z") }], { now });
    expect(scored).toMatchObject({
      score: 0,
      ignored: [{ code: "after_now", path: [0, "at"], message: "The signal is after the scoring time" }],
    });
    expect(scoreIntent([], { now, weights: { ...DEFAULT_INTENT_WEIGHTS, hiring: 99 } }).score).toBe(0);
  });

  it("refuses a half-life that is not a positive duration", () => {
    expect(() => scoreIntent([], { now, halfLife: 0 })).toThrow(/invalid_duration/);
  });

  it("parseIntentSignals reports malformed signals by index", () => {
    const { valid, invalid } = parseIntentSignals([
      { kind: "funding", at: "2026-11-01T00:00:00Z" },
      { kind: "vibes", at: "2026-11-01T00:00:00Z" },
      { kind: "hiring", at: "last week", strength: 2 },
    ]);
    expect(valid.map((v) => v.index)).toEqual([0]);
    expect(invalid.map((i) => [i.index, i.issues.map((issue) => issue.path.join("."))])).toEqual([
      [1, ["kind"]],
      [2, ["at", "strength"]],
    ]);
  });
});

describe("prioritize", () => {
  it("weights fit 0.6 and intent 0.4 by default; a poor fit is never worked", () => {
    expect(prioritize(85, 70)).toEqual({ score: 0.6 * 85 + 0.4 * 70, band: "act_now" });
    expect(prioritize(70, 30).band).toBe("work"); // 42 + 12 = 54
    expect(prioritize(45, 20).band).toBe("nurture");
    expect(prioritize(30, 100).band).toBe("poor_fit");
    expect(() => prioritize(120, 10)).toThrow(/invalid_argument/);
  });
});
