import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import { refusalAfter, refusalIssues } from "../fixtures/refusal.js";
import {
  ANUM,
  BANT,
  CHAMP,
  defineFramework,
  FRAMEWORKS,
  parseEvidence,
  MEDDIC,
  MEDDICC,
  MEDDPICC,
  MEDDPICC_LITE,
  type Framework,
} from "../../src/qualification/index.js";

const keys = (framework: Framework): string[] => framework.criteria.map((criterion) => criterion.key);

describe("built-in frameworks carry the criteria of their cited sources (docs/sources.md)", () => {
  it.each([
    [BANT, ["budget", "authority", "need", "timing"]],
    [ANUM, ["authority", "need", "urgency", "money"]],
    [CHAMP, ["challenges", "authority", "money", "prioritization"]],
    [MEDDIC, ["metrics", "economicBuyer", "decisionCriteria", "decisionProcess", "identifyPain", "champion"]],
    [
      MEDDICC,
      ["metrics", "economicBuyer", "decisionCriteria", "decisionProcess", "identifyPain", "champion", "competition"],
    ],
    [
      MEDDPICC,
      [
        "metrics",
        "economicBuyer",
        "decisionCriteria",
        "decisionProcess",
        "paperProcess",
        "identifyPain",
        "champion",
        "competition",
      ],
    ],
    [MEDDPICC_LITE, ["metrics", "economicBuyer", "decisionCriteria", "identifyPain", "champion"]],
  ])("%s", (framework, expected) => {
    expect(keys(framework)).toEqual(expected);
    for (const criterion of framework.criteria) expect(criterion.question).toMatch(/\?$/);
  });

  it("MEDDPICC-lite is what an SDR can confirm; full MEDDPICC leaves process, paper and competition to the AE", () => {
    expect(MEDDPICC_LITE.criteria.every((criterion) => criterion.sdrConfirmable)).toBe(true);
    expect(
      MEDDPICC.criteria.filter((criterion) => !criterion.sdrConfirmable).map((criterion) => criterion.key),
    ).toEqual(["decisionProcess", "paperProcess", "competition"]);
    expect(Object.values(FRAMEWORKS).map((framework) => framework.key)).toEqual(Object.keys(FRAMEWORKS));
  });
});

describe("defineFramework", () => {
  const criterion = { key: "pain", label: "Pain", question: "What hurts?", sdrConfirmable: true };

  it("keeps a team's framework, frozen", () => {
    const spiced = defineFramework({
      key: "spiced",
      name: "SPICED",
      criteria: [criterion, { ...criterion, key: "impact", label: "Impact" }],
    });
    expect(keys(spiced)).toEqual(["pain", "impact"]);
    expect(Object.isFrozen(spiced) && Object.isFrozen(spiced.criteria[0])).toBe(true);
  });

  it("says what is wrong with each field, duplicates by their second place", () => {
    const messages = (spec: unknown): string[] => refusalIssues(() => defineFramework(spec as Framework));
    expect(messages({ key: "Bad Key", name: "x", criteria: [criterion] })).toEqual([
      "key: A framework key is lower case letters, digits and underscores",
    ]);
    expect(messages({ key: "x", name: "x", criteria: [] })).toEqual([
      "criteria: A framework needs at least one criterion",
    ]);
    expect(messages({ key: "x", name: "x", criteria: [{ ...criterion, key: "1st" }] })).toEqual([
      "criteria.0.key: A criterion key starts with a letter and has only letters, digits and underscores",
    ]);
    expect(
      messages({ key: "x", name: "x", criteria: [criterion, { ...criterion, key: "impact" }, criterion, criterion] }),
    ).toEqual(['criteria.2.key: Duplicate criterion "pain"', 'criteria.3.key: Duplicate criterion "pain"']);
    expect(messages({ key: "x", name: "x", criteria: [criterion, { ...criterion, key: "impact" }] })).toEqual([]);
  });

  it("gives a duplicate its own code, and names the framework in the refusal", () => {
    try {
      defineFramework({ key: "x", name: "x", criteria: [criterion, criterion] });
      expect.unreachable();
    } catch (error) {
      expect((error as HandoffKitError).issues.map((issue) => issue.code)).toEqual(["duplicate_criterion"]);
      expect((error as HandoffKitError).message).toBe(
        "[handoff-kit] invalid_config: The configuration is invalid (defineFramework): " +
          'criteria[1].key: Duplicate criterion "pain"',
      );
    }
  });

  it("requireFramework wants a key, a name and criteria with four fields each, and names the one that is wrong", () => {
    const refused = (framework: unknown): string =>
      refusalAfter(
        () => parseEvidence({ framework: "x", evidence: {} }, framework as Framework),
        "(parseEvidence: framework must be a framework (BANT, MEDDPICC_LITE, or defineFramework's): ",
      );
    expect(refused({ key: "x", name: "X", criteria: [criterion] })).toBe("no error");
    expect(refused(null)).toBe("it is null");
    expect(refused([criterion])).toBe("it is an array");
    expect(refused({ criteria: [] })).toBe("key is undefined");
    expect(refused({ key: "x", criteria: [] })).toBe("name is undefined");
    expect(refused({ key: "x", name: "X", criteria: "pain" })).toBe("criteria is pain");
    expect(refused({ key: "x", name: "X", criteria: [criterion, null] })).toBe("criteria[1] is null");
    expect(refused({ key: "x", name: "X", criteria: [{ ...criterion, key: 1 }] })).toBe(
      "criteria[0].key is 1, not a string",
    );
    expect(refused({ key: "x", name: "X", criteria: [{ ...criterion, label: undefined }] })).toBe(
      "criteria[0].label is undefined, not a string",
    );
    expect(refused({ key: "x", name: "X", criteria: [{ ...criterion, question: [] }] })).toBe(
      "criteria[0].question is an array, not a string",
    );
    expect(refused({ key: "x", name: "X", criteria: [{ ...criterion, sdrConfirmable: "yes" }] })).toBe(
      "criteria[0].sdrConfirmable is yes, not a boolean",
    );
  });

  it.each([
    [{ key: "Bad Key", name: "x", criteria: [criterion] }, "key"],
    [{ key: "x", name: "x", criteria: [] }, "criteria"],
    [{ key: "x", name: "x", criteria: [criterion, criterion] }, "criteria.1.key"],
    [{ key: "x", name: "x", criteria: [{ ...criterion, key: "__proto__" }] }, "criteria.0.key"],
  ])("refuses %j naming %s", (spec, path) => {
    try {
      defineFramework(spec as Framework);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HandoffKitError);
      expect((error as HandoffKitError).issues.map((issue) => issue.path.join("."))).toContain(path);
    }
  });
});
