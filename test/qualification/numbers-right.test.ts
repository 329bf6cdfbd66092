// Qualification defects an independent check found (issue "Numbers right"): lookups keyed by data
// found Object.prototype's members, ids joined with "|" collided, and unbounded weights gave NaN.
import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import {
  calibrate,
  defineFramework,
  defineIcp,
  defineSqlDefinition,
  evaluateQualification,
  scoreIcpFit,
  scoreIntent,
  specificityOf,
  DEFAULT_INTENT_WEIGHTS,
} from "../../src/qualification/index.js";

const NOW = new Date("2026-12-01T12:00:00Z");

describe("prototype-named criteria are data", () => {
  const house = defineFramework({
    key: "house",
    name: "House",
    criteria: [
      { key: "pain", label: "Pain", question: "What hurts?", sdrConfirmable: true },
      { key: "constructor", label: "Builder", question: "Who builds it?", sdrConfirmable: true },
    ],
  });

  it("a criterion named constructor is required only when the definition requires it", () => {
    // TypeScript itself reads a literal's inherited `constructor` against a key of that name, hence the casts.
    const bar = defineSqlDefinition({
      id: "house-sql",
      version: 1,
      framework: house,
      requirements: { pain: "noted" } as never,
    });
    const verdict = evaluateQualification(
      { framework: "house", evidence: { pain: { state: "noted", note: "Board pack takes 3 days a month" } } as never },
      bar,
      { now: NOW },
    );
    expect(verdict.status).toBe("qualified");
    expect(verdict.criteria.find((criterion) => criterion.key === "constructor")).toMatchObject({
      required: undefined,
      met: true,
    });
  });
});

describe("calibration keys", () => {
  it("ids containing | do not collide", () => {
    // Joined with "|", reviewer "a" on handoff "b|c" and reviewer "a|b" on handoff "c" were both
    // "a|b|c|budget", so the second grade overwrote the first. The truth: on "b|c" both said met
    // (agree), on "c" met and not_met (disagree): observed agreement 1/2.
    const bar = defineSqlDefinition({
      id: "x",
      version: 1,
      framework: defineFramework({
        key: "f",
        name: "F",
        criteria: [{ key: "budget", label: "Budget", question: "?", sdrConfirmable: true }],
      }),
      requirements: { budget: "noted" },
    });
    const result = calibrate(
      [
        { reviewer: "a", handoffId: "b|c", grades: { budget: "met" } },
        { reviewer: "a|b", handoffId: "b|c", grades: { budget: "met" } },
        { reviewer: "a", handoffId: "c", grades: { budget: "met" } },
        { reviewer: "a|b", handoffId: "c", grades: { budget: "not_met" } },
      ],
      bar,
    );
    expect(result.criteria[0]).toMatchObject({ observed: 0.5, items: 2, reviewers: 2 });
    expect(result.issues).toEqual([]);
  });
});

describe("weights are bounded where they are defined", () => {
  it("an ICP weight of 1e308 is refused by defineIcp", () => {
    expect(() =>
      defineIcp({
        id: "huge",
        rules: [
          { kind: "employees", min: 10, weight: 1e308 },
          { kind: "industry", include: ["software"], weight: 1e308 },
        ],
      }),
    ).toThrow(HandoffKitError);
  });

  it("the largest allowed weights still score within 0-100", () => {
    const icp = defineIcp({
      id: "big",
      rules: [
        { kind: "employees", min: 10, weight: 1e6 },
        { kind: "industry", include: ["software"], weight: 1e6 },
      ],
    });
    // One rule of two equal weights matches: 50 points.
    expect(scoreIcpFit({ employees: 50, industry: "retail" }, icp).score).toBe(50);
  });

  it("negative or endless intent weights are misuse, not a score of -4400", () => {
    for (const weight of [-100, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(() =>
        scoreIntent([{ kind: "funding", at: NOW }], {
          now: NOW,
          weights: { ...DEFAULT_INTENT_WEIGHTS, funding: weight },
        }),
      ).toThrow(HandoffKitError);
    }
  });
});

describe("a lead is the prospect, not a role", () => {
  it('"Bad lead." names no number, role, person or date', () => {
    // An independent check read it as vague and the library as naming a role: "lead" counted as a job title.
    expect(specificityOf("Bad lead.").specific).toBe(false);
    expect(specificityOf("Lead went dark after the demo").specific).toBe(false);
  });

  it("a team lead or a tech lead is a role", () => {
    expect(specificityOf("only the team lead replied").roles).toBe(true);
    expect(specificityOf("their tech lead has to approve it").roles).toBe(true);
  });
});

describe("a capital letter left by a missing full stop names nobody", () => {
  it("stock phrases run together stay vague", () => {
    // Found by the audit of the laws: "Seemed" and "Maybe" were read as names.
    expect(specificityOf("Good call Seemed interested").specific).toBe(false);
    expect(specificityOf("Not a fit Maybe later").specific).toBe(false);
  });

  it("a name mid-sentence is still a name", () => {
    expect(specificityOf("Budget sits with Lee Park").names).toBe(true);
  });
});
