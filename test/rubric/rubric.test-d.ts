import { describe, expectTypeOf, it } from "vitest";
import type { BookingGate } from "../../src/handoff/index.js";
import { BANT, defineSqlDefinition } from "../../src/qualification/index.js";
import {
  bookingGate,
  DEFAULT_RUBRIC,
  scoreBrief,
  type BriefScore,
  type RubricFinding,
} from "../../src/rubric/index.js";

describe("rubric types", () => {
  it("findings are tagged data; the gate plugs into the lifecycle", () => {
    expectTypeOf(scoreBrief).returns.toEqualTypeOf<BriefScore>();
    expectTypeOf<RubricFinding>().toHaveProperty("fix").toEqualTypeOf<string | undefined>();
    expectTypeOf<BriefScore["grade"]>().toEqualTypeOf<"strong" | "acceptable" | "weak">();
    const bar = defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: { need: "noted" } });
    expectTypeOf(bookingGate(bar, DEFAULT_RUBRIC, { now: 0 })).toEqualTypeOf<BookingGate>();
    // @ts-expect-error the rubric is named, not skipped: there is no default before the options
    bookingGate(bar, undefined, { now: 0 });
  });
});
