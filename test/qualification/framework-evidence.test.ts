import { describe, expect, it } from "vitest";
import { BANT, crosswalk, MEDDPICC_LITE, parseEvidence } from "../../src/qualification/index.js";
import { checkEvidenceArgument } from "../../src/qualification/framework-evidence.js";

describe("parseEvidence", () => {
  it("takes evidence for its framework's criteria only", () => {
    const parsed = parseEvidence(
      { framework: "bant", evidence: { budget: { state: "noted", note: "$40k set aside" } } },
      BANT,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { framework: "bant", evidence: { budget: { state: "noted", note: "$40k set aside" } } },
    });
    const other = parseEvidence({ framework: "meddpicc", evidence: {} }, BANT);
    expect(other.ok ? [] : other.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["framework", 'Expected evidence for the BANT framework ("bant")'],
    ]);
    const stray = parseEvidence({ framework: "bant", evidence: { champion: { state: "noted" } } }, BANT);
    expect(stray.ok ? [] : stray.issues.map((issue) => issue.path.join("."))).toEqual(["evidence.champion"]);
  });
  it("refuses a framework that is not one", () => {
    expect(() => parseEvidence({}, { name: "x" } as never)).toThrow(
      "(parseEvidence: framework must be a framework " +
        "(BANT, MEDDPICC_LITE, or defineFramework's): key is undefined)",
    );
  });
});

describe("checkEvidenceArgument", () => {
  const problem = (value: unknown): string => {
    try {
      checkEvidenceArgument(value, "f");
    } catch (error) {
      return (error as Error).message
        .replace(/^.*\(f expects evidence as parseEvidence returns it: /u, "")
        .replace(/\)$/u, "");
    }
    return "";
  };
  it("names the first field that is not what parseEvidence returns", () => {
    expect(
      problem({ framework: "bant", evidence: { budget: { state: "noted", note: "n", quote: "q" }, need: undefined } }),
    ).toBe("");
    expect(problem(null)).toBe("the evidence is null");
    expect(problem({ evidence: {} })).toBe("framework is undefined");
    expect(problem({ framework: "bant", evidence: [] })).toBe("evidence is an array");
    expect(problem({ framework: "bant", evidence: { budget: "noted" } })).toBe("evidence.budget is noted");
    expect(problem({ framework: "bant", evidence: { budget: { state: "approved" } } })).toBe(
      "evidence.budget.state is approved",
    );
    expect(problem({ framework: "bant", evidence: { budget: {} } })).toBe("evidence.budget.state is undefined");
    expect(problem({ framework: "bant", evidence: { budget: { state: "noted", note: 4 } } })).toBe(
      "evidence.budget.note is 4",
    );
    expect(problem({ framework: "bant", evidence: { budget: { state: "noted", quote: false } } })).toBe(
      "evidence.budget.quote is false",
    );
  });
  it("guards the functions that take evidence", () => {
    expect(() => crosswalk({ framework: "bant", evidence: { budget: "x" } } as never, BANT, MEDDPICC_LITE)).toThrow(
      "(crosswalk expects evidence as parseEvidence returns it: evidence.budget is x)",
    );
  });
});
