import { describe, expect, it } from "vitest";
import { refusalAfter, refusalIssues } from "../fixtures/refusal.js";
import {
  BANT,
  defineIcp,
  defineSqlDefinition,
  DEFAULT_INTENT_WEIGHTS,
  evaluateQualification,
  type SqlDefinitionSpec,
} from "../../src/qualification/index.js";

const issuesOf = (spec: unknown): string[] =>
  refusalIssues(() => defineSqlDefinition(spec as SqlDefinitionSpec<typeof BANT>), true);

describe("defineSqlDefinition", () => {
  it("fills its defaults and freezes what it keeps", () => {
    const bar = defineSqlDefinition({
      id: "smb",
      version: 2,
      framework: BANT,
      requirements: { need: "noted" },
      signOffs: [{ role: "sdr_leader", name: "Ana Souza", at: "2026-10-01T15:00:00Z" }],
    });
    expect(bar).toEqual({
      id: "smb",
      version: 2,
      framework: BANT,
      requirements: { need: "noted" },
      requireSpecificEvidence: true,
      icp: undefined,
      intent: undefined,
      signOffs: [{ role: "sdr_leader", name: "Ana Souza", at: new Date("2026-10-01T15:00:00Z") }],
      description: undefined,
    });
    expect(
      Object.isFrozen(bar) &&
        Object.isFrozen(bar.requirements) &&
        Object.isFrozen(bar.signOffs) &&
        Object.isFrozen(bar.signOffs[0]),
    ).toBe(true);
    expect(
      defineSqlDefinition({
        id: "x",
        version: 1,
        framework: BANT,
        requirements: { need: "noted" },
        requireSpecificEvidence: false,
      }).requireSpecificEvidence,
    ).toBe(false);
  });

  it("keeps an ICP or intent bar, and accepts either alone without requirements", () => {
    const icp = defineIcp({ id: "fit", rules: [{ kind: "region", include: ["NA"], weight: 1 }] });
    const withIcp = defineSqlDefinition({
      id: "x",
      version: 1,
      framework: BANT,
      requirements: {},
      icp: { profile: icp, minScore: 50 },
    });
    expect(withIcp.icp).toEqual({ profile: icp, minScore: 50 });
    expect(Object.isFrozen(withIcp.icp)).toBe(true);
    const withIntent = defineSqlDefinition({
      id: "x",
      version: 1,
      framework: BANT,
      requirements: {},
      intent: { minScore: 30, halfLife: 7 * 86_400_000 },
    });
    expect(withIntent.intent).toEqual({ minScore: 30, halfLife: 7 * 86_400_000, weights: DEFAULT_INTENT_WEIGHTS });
    expect(Object.isFrozen(withIntent.intent)).toBe(true);
  });

  it("keeps the intent bar's own weights over the defaults, and scores with them", () => {
    const bar = defineSqlDefinition({
      id: "hiring-led",
      version: 1,
      framework: BANT,
      requirements: {},
      intent: { minScore: 50, weights: { hiring: 50 } },
    });
    expect(bar.intent?.weights).toEqual({ ...DEFAULT_INTENT_WEIGHTS, hiring: 50 });
    expect(Object.isFrozen(bar.intent?.weights)).toBe(true);
    // One fresh hiring signal: 50 points raw, 100 (1 - e^-1) = 63.2 with the bar's weight, where the
    // default 15 gives 100 (1 - e^-0.3) = 25.9, under the bar's 50.
    const now = new Date("2026-11-20T12:00:00Z");
    const verdict = evaluateQualification({ framework: "bant", evidence: {} }, bar, {
      now,
      signals: [{ kind: "hiring", at: now }],
    });
    expect(verdict.intent?.score).toBeCloseTo(63.212, 3);
    expect(verdict.intent?.met).toBe(true);
  });

  it("names a bad intent weight and an unknown kind at their paths", () => {
    expect(
      issuesOf({
        id: "x",
        version: 1,
        framework: BANT,
        requirements: {},
        intent: { minScore: 50, weights: { hiring: -1, pricing_visit: 10 } },
      }),
    ).toEqual([
      "intent.weights.hiring too_small: Too small: expected number to be >=0",
      'intent.weights.pricing_visit unrecognized_keys: Unknown key "pricing_visit"',
    ]);
  });

  it("names each problem at its path", () => {
    expect(issuesOf({ id: "x", version: 1, framework: BANT, requirements: {} })).toEqual([
      "requirements empty_definition: A definition must require something",
    ]);
    expect(
      issuesOf({ id: "x", version: 1, framework: BANT, requirements: { need: "noted", champion: "noted" } }),
    ).toEqual(['requirements.champion unknown_criterion: BANT has no criterion "champion"']);
    expect(
      issuesOf({ id: "x", version: 1, framework: { name: "Nothing" }, requirements: { need: "noted" } }),
    ).toContain("framework invalid_type: Expected a framework (BANT, MEDDPICC, or one from defineFramework)");
    expect(issuesOf({ id: "x", version: 1, framework: "bant", requirements: { need: "noted" } })).toContain(
      "framework invalid_type: Expected a framework (BANT, MEDDPICC, or one from defineFramework)",
    );
    expect(issuesOf("bar")).toEqual([" invalid_type: Expected an object"]);
    expect(issuesOf(null)).toEqual([" invalid_type: Expected an object"]);
    // A requirement list that is not an object: the schema's issue only, no criterion check.
    expect(
      issuesOf({ id: "x", version: 1, framework: BANT, requirements: ["need"] }).map((line) => line.split(" ")[0]),
    ).toEqual(["requirements"]);
  });

  it("refuses with invalid_config naming the definition", () => {
    expect(() => defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: {} })).toThrow(
      new RegExp(
        /^\[handoff-kit\] invalid_config: The configuration is invalid \(defineSqlDefinition\): /.source +
          /requirements: A definition must require something$/.source,
      ),
    );
    // Not an object at all: the same name, before any field is read.
    expect(() => defineSqlDefinition("bar" as never)).toThrow(
      "[handoff-kit] invalid_config: The configuration is invalid (defineSqlDefinition): (root): Expected an object",
    );
  });
});

describe("requireDefinition (through evaluateQualification)", () => {
  const evidence = { framework: "bant", evidence: {} };
  it("names a definition that is not one", () => {
    expect(() => evaluateQualification(evidence, { framework: BANT } as never, { now: 0 })).toThrow(
      "(evaluateQualification: the definition must be made by defineSqlDefinition: id is undefined)",
    );
    expect(() => evaluateQualification(evidence, { requirements: {} } as never, { now: 0 })).toThrow(
      "(evaluateQualification: the definition's framework (a definition made by defineSqlDefinition) " +
        "must be a framework (BANT, MEDDPICC_LITE, or defineFramework's): it is undefined)",
    );
    expect(() => evaluateQualification(evidence, null as never, { now: 0 })).toThrow(
      /evaluateQualification: the definition's framework/,
    );
  });

  it("names the part of a hand-built or stored definition that an evaluation would trip on", () => {
    const icp = defineIcp({ id: "fit", rules: [{ kind: "employees", min: 10, weight: 1 }] });
    const bar = defineSqlDefinition({
      id: "x",
      version: 1,
      framework: BANT,
      requirements: { budget: "noted" },
      icp: { profile: icp, minScore: 50 },
      intent: { minScore: 10 },
    });
    const refused = (changes: Record<string, unknown>): string =>
      refusalAfter(
        () => evaluateQualification(evidence as never, { ...bar, ...changes }, { now: 0 }),
        "(evaluateQualification: the definition must be made by defineSqlDefinition: ",
      );
    expect(refused({})).toBe("no error");
    expect(refused({ icp: undefined, intent: undefined })).toBe("no error");
    expect(refused({ requirements: null })).toBe("requirements is null");
    expect(refused({ id: Object.create(null) as unknown })).toBe("id is an object");
    expect(refused({ version: "3" })).toBe("version is 3");
    expect(refused({ icp: { profile: { ...icp, id: 1 }, minScore: 50 } })).toBe(
      "icp.profile is not a profile made by defineIcp: id is 1",
    );
    expect(refused({ icp: 50 })).toBe("icp is 50");
    expect(refused({ icp: { profile: icp } })).toBe("icp.minScore is undefined");
    expect(refused({ icp: { profile: { ...icp, tiers: null }, minScore: 50 } })).toBe(
      "icp.profile is not a profile made by defineIcp: tiers is null",
    );
    expect(refused({ intent: null })).toBe("intent is null");
    expect(refused({ intent: { minScore: "10" } })).toBe("intent.minScore is 10");
    expect(refused({ intent: { minScore: 10, halfLife: "7d" } })).toBe("intent.halfLife is 7d");
    expect(refused({ intent: { minScore: 10, halfLife: undefined } })).toBe("no error");
    expect(refused({ signOffs: undefined })).toBe("signOffs is undefined");
    expect(refused({ signOffs: [null] })).toBe("signOffs[0] is null, not { role, name, at: Date }");
    const signOff = { role: "ae_leader", name: "Priya Shah", at: new Date("2026-10-01T15:00:00Z") };
    expect(refused({ signOffs: [signOff] })).toBe("no error");
    expect(refused({ signOffs: [signOff, { ...signOff, at: "2026-10-01T15:00:00Z" }] })).toBe(
      "signOffs[1] is an object, not { role, name, at: Date }",
    );
    expect(refused({ signOffs: [{ ...signOff, at: new Date(Number.NaN) }] })).toBe(
      "signOffs[0] is an object, not { role, name, at: Date }",
    );
    expect(refused({ signOffs: [{ ...signOff, role: 1 }] })).toBe(
      "signOffs[0] is an object, not { role, name, at: Date }",
    );
    expect(refused({ signOffs: [{ ...signOff, name: null }] })).toBe(
      "signOffs[0] is an object, not { role, name, at: Date }",
    );
  });
});
