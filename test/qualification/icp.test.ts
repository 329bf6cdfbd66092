import { describe, expect, it } from "vitest";
import { refusalAfter, refusalIssues } from "../fixtures/refusal.js";
import {
  defineIcp,
  scoreIcpFit,
  type IcpProfile,
  type IcpRule,
  type IcpSubject,
} from "../../src/qualification/index.js";

// Scores worked from the documented rule: each rule's share of the total weight, times its match
// (1, 0, or a custom rule's 0-1), summed onto 0-100; a rule the subject says nothing about matches
// nothing (null). Weights here sum to 100, so a rule's points are its weight.
const profile = defineIcp({
  id: "revops",
  rules: [
    { kind: "employees", min: 50, max: 500, weight: 30 },
    { kind: "industry", include: ["Logistics", "retail"], weight: 20 },
    { kind: "region", include: ["NA"], weight: 10 },
    { kind: "uses", any: ["Salesforce", "HubSpot"], weight: 20 },
    { kind: "avoids", any: ["Clari"], weight: 10 },
    { kind: "custom", label: "Tools on record", weight: 10, match: (subject) => subject.technologies?.length },
  ],
});
const fit = (subject: IcpSubject, on: IcpProfile = profile) => scoreIcpFit(subject, on);

describe("scoreIcpFit", () => {
  it("matches every rule, case and spacing aside, with the default labels", () => {
    const result = fit({ employees: 420, industry: " LOGISTICS ", region: "NA", technologies: ["salesforce "] });
    expect(result).toEqual({
      score: 100,
      tier: "A",
      contributions: [
        { label: "50-500 employees", kind: "employees", weight: 30, match: 1, points: 30 },
        { label: "industry: Logistics, retail", kind: "industry", weight: 20, match: 1, points: 20 },
        { label: "region: NA", kind: "region", weight: 10, match: 1, points: 10 },
        { label: "uses Salesforce or HubSpot", kind: "uses", weight: 20, match: 1, points: 20 },
        { label: "does not use Clari", kind: "avoids", weight: 10, match: 1, points: 10 },
        { label: "Tools on record", kind: "custom", weight: 10, match: 1, points: 10 },
      ],
    });
  });

  it("scores a mismatch 0 and what the subject does not say null", () => {
    // Too small, another industry, no region, uses Clari and not the CRMs: only the custom rule (one tool).
    const result = fit({ employees: 20, industry: "finance", technologies: ["Clari"] });
    expect(result.contributions.map((c) => c.match)).toEqual([0, 0, null, 0, 0, 1]);
    expect(result).toMatchObject({ score: 10, tier: "D" });
    expect(fit({}).contributions.map((c) => c.match)).toEqual([null, null, null, null, null, null]);
    expect(fit({}).score).toBe(0);
  });

  it("takes the employee bounds inclusive, and either alone", () => {
    const employees = (n: number, rule: IcpRule = { kind: "employees", min: 50, max: 500, weight: 1 }) =>
      fit({ employees: n }, defineIcp({ id: "e", rules: [rule] })).contributions[0];
    expect([49, 50, 500, 501].map((n) => employees(n)?.match)).toEqual([0, 1, 1, 0]);
    expect(employees(10_000, { kind: "employees", min: 50, weight: 1 })).toMatchObject({
      label: "50-any employees",
      match: 1,
    });
    expect(employees(11, { kind: "employees", max: 10, weight: 1 })).toMatchObject({
      label: "0-10 employees",
      match: 0,
    });
    expect(employees(10, { kind: "employees", max: 10, weight: 1 })?.match).toBe(1);
    const labels = defineIcp({
      id: "l",
      rules: [
        { kind: "region", include: ["NA", "EMEA"], weight: 1 },
        { kind: "avoids", any: ["Clari", "Gong"], weight: 1 },
      ],
    });
    expect(fit({}, labels).contributions.map((c) => c.label)).toEqual([
      "region: NA, EMEA",
      "does not use Clari or Gong",
    ]);
  });

  it("holds a custom match to 0-1 and reads one that is not a finite number as no answer", () => {
    const custom = (value: number | undefined) =>
      fit({}, defineIcp({ id: "c", rules: [{ kind: "custom", label: "c", weight: 1, match: () => value }] }))
        .contributions[0]?.match;
    expect([2, -1, 0.25, Number.NaN, Number.POSITIVE_INFINITY, undefined].map(custom)).toEqual([
      1,
      0,
      0.25,
      null,
      null,
      null,
    ]);
  });

  it("grades at the tier lines, inclusive: 80 A, 60 B, 40 C by default, or your own", () => {
    const two = (heavy: number) =>
      defineIcp({
        id: "t",
        rules: [
          { kind: "region", include: ["NA"], weight: heavy },
          { kind: "industry", include: ["retail"], weight: 100 - heavy },
        ],
      });
    expect(fit({ region: "NA" }, two(80)).tier).toBe("A");
    expect(fit({ region: "NA" }, two(79)).tier).toBe("B");
    expect(fit({ region: "NA" }, two(60)).tier).toBe("B");
    expect(fit({ region: "NA" }, two(59)).tier).toBe("C");
    expect(fit({ region: "NA" }, two(40)).tier).toBe("C");
    expect(fit({ region: "NA" }, two(39)).tier).toBe("D");
    const strict = defineIcp({
      id: "s",
      rules: [{ kind: "region", include: ["NA"], weight: 1 }],
      tiers: { a: 100, b: 100, c: 100 },
    });
    expect([fit({ region: "NA" }, strict).tier, fit({ region: "EU" }, strict).tier]).toEqual(["A", "D"]);
  });

  it("names a subject or profile it cannot read", () => {
    const prefix =
      "(scoreIcpFit expects a subject of " +
      "{ employees?: number, industry?: string, region?: string, technologies?: string[] }: ";
    expect(() => fit(null as unknown as IcpSubject)).toThrow(`${prefix}the subject is null)`);
    expect(() => fit({ employees: "420" } as unknown as IcpSubject)).toThrow(`${prefix}employees is 420)`);
    expect(() => fit({ industry: 3 } as unknown as IcpSubject)).toThrow(`${prefix}industry is 3)`);
    expect(() => fit({ region: ["NA"] } as unknown as IcpSubject)).toThrow(`${prefix}region is an array)`);
    expect(() => fit({ technologies: "Salesforce" } as unknown as IcpSubject)).toThrow(
      `${prefix}technologies is Salesforce)`,
    );
    expect(() => fit({ technologies: ["Salesforce", 7] } as unknown as IcpSubject)).toThrow(
      `${prefix}technologies[1] is 7)`,
    );
    expect(() => scoreIcpFit({}, { id: "x" } as IcpProfile)).toThrow(
      "(scoreIcpFit: profile must be made by defineIcp: rules is undefined)",
    );
  });

  it("refuses a profile built by hand or read back from storage at the part a score would trip on", () => {
    const refused = (changes: Record<string, unknown>, rule?: Record<string, unknown>): string => {
      const rules = rule === undefined ? profile.rules : [profile.rules[0], rule];
      return refusalAfter(
        () => scoreIcpFit({}, { ...profile, rules, ...changes } as IcpProfile),
        "(scoreIcpFit: profile must be made by defineIcp: ",
      );
    };
    expect(refused({}, { kind: "region", include: ["NA"], weight: 1 })).toBe("no error");
    expect(refused({}, null as never)).toBe("rules[1] is null");
    expect(refused({}, { kind: "size", weight: 1 })).toBe("rules[1].kind is size");
    expect(refused({}, { kind: "constructor", weight: 1 })).toBe("rules[1].kind is constructor");
    expect(refused({}, { kind: "region", include: ["NA"], weight: "1" })).toBe("rules[1].weight is 1");
    expect(refused({}, { kind: "employees", min: "50", weight: 1 })).toBe("rules[1].min is 50, not a number or absent");
    expect(refused({}, { kind: "employees", max: null, weight: 1 })).toBe(
      "rules[1].max is null, not a number or absent",
    );
    expect(refused({}, { kind: "industry", include: 0, weight: 1 })).toBe("rules[1].include is 0, not a list of names");
    expect(refused({}, { kind: "region", include: ["NA", 1], weight: 1 })).toBe(
      "rules[1].include is an array, not a list of names",
    );
    // eslint-disable-next-line no-sparse-arrays
    expect(refused({}, { kind: "region", include: ["NA", , "EMEA"], weight: 1 })).toBe(
      "rules[1].include is an array, not a list of names",
    );
    expect(refused({}, { kind: "uses", weight: 1 })).toBe("rules[1].any is undefined, not a list of names");
    expect(refused({}, { kind: "avoids", any: "Clari", weight: 1 })).toBe("rules[1].any is Clari, not a list of names");
    expect(refused({}, { kind: "custom", match: () => 1, weight: 1 })).toBe(
      "rules[1].label is undefined, not a string",
    );
    expect(refused({}, { kind: "custom", label: "x", match: 1, weight: 1 })).toBe(
      "rules[1].match is 1, not a function",
    );
    expect(refused({ tiers: null })).toBe("tiers is null");
    expect(refused({ tiers: { a: 80, b: 60 } })).toBe("tiers.c is undefined");
    expect(refused({ tiers: { a: "80", b: 60, c: 40 } })).toBe("tiers.a is 80");
    expect(refused({ tiers: { a: 80, b: null, c: 40 } })).toBe("tiers.b is null");
    expect(() => scoreIcpFit({}, null as never)).toThrow(
      "(scoreIcpFit: profile must be made by defineIcp: it is null)",
    );
  });
});

describe("defineIcp", () => {
  const refusal = (spec: unknown): string[] => refusalIssues(() => defineIcp(spec as Parameters<typeof defineIcp>[0]));
  it("names each bad field", () => {
    expect(refusal({ id: "x", rules: [] })).toEqual(["rules: A profile needs at least one rule"]);
    expect(refusal({ id: "x", rules: [{ kind: "region", include: ["NA"], weight: 0 }] })).toEqual([
      "rules.0.weight: A weight must be above 0",
    ]);
    expect(refusal({ id: "x", rules: [{ kind: "region", include: ["NA"], weight: 1_000_001 }] })).toEqual([
      "rules.0.weight: A weight must be at most 1,000,000",
    ]);
    expect(refusal({ id: "x", rules: [{ kind: "uses", any: [], weight: 1 }] })).toEqual([
      "rules.0.any: List at least one value",
    ]);
    expect(refusal({ id: "x", rules: [{ kind: "employees", weight: 1 }] })).toEqual([
      "rules.0: Give a min, a max or both",
    ]);
    expect(refusal({ id: "x", rules: [{ kind: "employees", min: 10, max: 5, weight: 1 }] })).toEqual([
      "rules.0.max: min must not exceed max",
    ]);
    expect(
      refusal({ id: "x", rules: [{ kind: "region", include: ["NA"], weight: 1 }], tiers: { a: 50, b: 60, c: 10 } }),
    ).toEqual(["tiers: Tiers must descend: a >= b >= c"]);
    expect(
      refusal({ id: "x", rules: [{ kind: "region", include: ["NA"], weight: 1 }], tiers: { a: 90, b: 60, c: 60 } }),
    ).toEqual([]);
    expect(
      refusal({ id: "x", rules: [{ kind: "region", include: ["NA"], weight: 1 }], tiers: { a: 90, b: 40, c: 60 } }),
    ).toEqual(["tiers: Tiers must descend: a >= b >= c"]);
    expect(refusal({ id: "x", rules: [{ kind: "employees", min: 10, max: 10, weight: 1 }] })).toEqual([]);
    expect(refusal({ id: "x", rules: [{ kind: "custom", label: "c", weight: 1, match: "yes" }] })).toEqual([
      "rules.0.match: Expected a function",
    ]);
  });
  it("fills the default tiers and freezes the profile", () => {
    const icp = defineIcp({ id: "x", rules: [{ kind: "region", include: ["NA"], weight: 1 }] });
    expect(icp.tiers).toEqual({ a: 80, b: 60, c: 40 });
    expect(
      Object.isFrozen(icp) && Object.isFrozen(icp.rules) && Object.isFrozen(icp.rules[0]) && Object.isFrozen(icp.tiers),
    ).toBe(true);
  });
});
