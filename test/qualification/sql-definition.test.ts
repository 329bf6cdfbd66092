import { describe, expect, it } from "vitest";
import { refusalIssues } from "../fixtures/refusal.js";
import { BANT, defineIcp, defineSqlDefinition, evaluateQualification, type SqlDefinitionSpec } from "../../src/qualification/index.js";

const issuesOf = (spec: unknown): string[] => refusalIssues(() => defineSqlDefinition(spec as SqlDefinitionSpec<typeof BANT>), true);

describe("defineSqlDefinition", () => {
  it("fills its defaults and freezes what it keeps", () => {
    const bar = defineSqlDefinition({ id: "smb", version: 2, framework: BANT, requirements: { need: "noted" }, signOffs: [{ role: "sdr_leader", name: "Ana Souza", at: "2026-10-01T15:00:00Z" }] });
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
    expect(Object.isFrozen(bar) && Object.isFrozen(bar.requirements) && Object.isFrozen(bar.signOffs) && Object.isFrozen(bar.signOffs[0])).toBe(true);
    expect(defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: { need: "noted" }, requireSpecificEvidence: false }).requireSpecificEvidence).toBe(false);
  });

  it("keeps an ICP or intent bar, and accepts either alone without requirements", () => {
    const icp = defineIcp({ id: "fit", rules: [{ kind: "region", include: ["NA"], weight: 1 }] });
    const withIcp = defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: {}, icp: { profile: icp, minScore: 50 } });
    expect(withIcp.icp).toEqual({ profile: icp, minScore: 50 });
    expect(Object.isFrozen(withIcp.icp)).toBe(true);
    const withIntent = defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: {}, intent: { minScore: 30, halfLife: 7 * 86_400_000 } });
    expect(withIntent.intent).toEqual({ minScore: 30, halfLife: 7 * 86_400_000 });
    expect(Object.isFrozen(withIntent.intent)).toBe(true);
  });

  it("names each problem at its path", () => {
    expect(issuesOf({ id: "x", version: 1, framework: BANT, requirements: {} })).toEqual(["requirements empty_definition: A definition must require something"]);
    expect(issuesOf({ id: "x", version: 1, framework: BANT, requirements: { need: "noted", champion: "noted" } })).toEqual(['requirements.champion unknown_criterion: BANT has no criterion "champion"']);
    expect(issuesOf({ id: "x", version: 1, framework: { name: "Nothing" }, requirements: { need: "noted" } })).toContain("framework invalid_type: Expected a framework (BANT, MEDDPICC, or one from defineFramework)");
    expect(issuesOf({ id: "x", version: 1, framework: "bant", requirements: { need: "noted" } })).toContain("framework invalid_type: Expected a framework (BANT, MEDDPICC, or one from defineFramework)");
    expect(issuesOf("bar")).toEqual([" invalid_type: Expected an object"]);
    expect(issuesOf(null)).toEqual([" invalid_type: Expected an object"]);
    // A requirement list that is not an object: the schema's issue only, no criterion check.
    expect(issuesOf({ id: "x", version: 1, framework: BANT, requirements: ["need"] }).map((line) => line.split(" ")[0])).toEqual(["requirements"]);
  });

  it("refuses with invalid_config naming the definition", () => {
    expect(() => defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: {} })).toThrow(/^\[handoff-kit\] invalid_config: The configuration is invalid \(SQL definition\): requirements: A definition must require something$/);
  });
});

describe("requireDefinition (through evaluateQualification)", () => {
  const evidence = { framework: "bant", evidence: {} };
  it("names a definition that is not one", () => {
    expect(() => evaluateQualification({ framework: BANT } as never, evidence, { now: 0 })).toThrow("(evaluateQualification: the definition must be made by defineSqlDefinition: an object)");
    expect(() => evaluateQualification({ requirements: {} } as never, evidence, { now: 0 })).toThrow(
      "(evaluateQualification: the definition's framework (a definition made by defineSqlDefinition) must be a framework (BANT, MEDDPICC_LITE, or defineFramework's): undefined)",
    );
    expect(() => evaluateQualification(null as never, evidence, { now: 0 })).toThrow(/evaluateQualification: the definition's framework/);
  });
});
