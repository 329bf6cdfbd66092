import { describe, expectTypeOf, it } from "vitest";
import type { Evidence, EvidenceState, QualificationRecord } from "../../src/qualification/index.js";

describe("evidence types", () => {
  it("states are a closed union of literals", () => {
    expectTypeOf<EvidenceState>().toEqualTypeOf<"unknown" | "suggested" | "noted" | "validated" | "disqualifying">();
    // @ts-expect-error "confirmed" is not an evidence state
    const state: EvidenceState = "confirmed";
    expectTypeOf(state).toEqualTypeOf<EvidenceState>();
  });

  it("evidence is keyed by criterion, possibly absent", () => {
    expectTypeOf<QualificationRecord["evidence"]>().toEqualTypeOf<{ readonly [criterion: string]: Evidence }>();
    expectTypeOf<Evidence["recordedAt"]>().toEqualTypeOf<Date | undefined>();
  });
});
