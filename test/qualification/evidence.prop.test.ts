import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVIDENCE_STATES, qualificationRecordSchema } from "../../src/qualification/index.js";

const criterionKey = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/);
const evidence = fc.record({ state: fc.constantFrom(...EVIDENCE_STATES), note: fc.constantFrom("CFO signs", "Go-live 2027-03-31") }, { requiredKeys: ["state"] });

describe("qualification record laws", () => {
  it("keeps every identifier key and its state, in order", () => {
    fc.assert(
      fc.property(fc.dictionary(criterionKey, evidence), (byKey) => {
        const record = qualificationRecordSchema.parse({ framework: "house_v2", evidence: byKey });
        expect(Object.keys(record.evidence)).toEqual(Object.keys(byKey));
        for (const [key, value] of Object.entries(byKey)) expect(record.evidence[key]?.state).toBe(value.state);
      }),
    );
  });

  it("never throws, whatever the input", () => {
    fc.assert(fc.property(fc.anything(), (input) => typeof qualificationRecordSchema.safeParse(input).success === "boolean"));
  });
});
