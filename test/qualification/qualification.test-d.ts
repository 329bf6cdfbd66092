import { describe, expectTypeOf, it } from "vitest";
import {
  BANT,
  defineFramework,
  defineSqlDefinition,
  evaluateQualification,
  MEDDPICC,
  type CriterionKey,
  type FrameworkEvidence,
  type QualificationVerdict,
} from "../../src/qualification/index.js";

describe("qualification types", () => {
  it("criterion keys are literal types", () => {
    expectTypeOf<CriterionKey<typeof BANT>>().toEqualTypeOf<"budget" | "authority" | "need" | "timing">();
    const house = defineFramework({
      key: "house",
      name: "House",
      criteria: [{ key: "fit", label: "Fit", question: "Fit?", sdrConfirmable: true }],
    });
    expectTypeOf<CriterionKey<typeof house>>().toEqualTypeOf<"fit">();
    expectTypeOf(house.key).toEqualTypeOf<"house">();
  });

  it("BANT evidence cannot be passed as MEDDPICC evidence", () => {
    const bant: FrameworkEvidence<typeof BANT> = { framework: "bant", evidence: { budget: { state: "noted" } } };
    const meddpiccBar = defineSqlDefinition({
      id: "ent",
      version: 1,
      framework: MEDDPICC,
      requirements: { economicBuyer: "validated" },
    });
    // @ts-expect-error BANT evidence for a MEDDPICC bar
    evaluateQualification(bant, meddpiccBar, { now: 0 });
    expectTypeOf(evaluateQualification).returns.toEqualTypeOf<QualificationVerdict>();
  });

  it("a definition can only require its framework's criteria, at a requirement state", () => {
    // @ts-expect-error BANT has no economicBuyer
    defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: { economicBuyer: "noted" } });
    // @ts-expect-error "disqualifying" is not a bar
    defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: { budget: "disqualifying" } });
    // @ts-expect-error evidence keys belong to the framework
    const wrong: FrameworkEvidence<typeof BANT> = { framework: "bant", evidence: { metrics: { state: "noted" } } };
    expectTypeOf(wrong.framework).toEqualTypeOf<"bant">();
  });
});
