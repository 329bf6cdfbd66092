// defineLifecycle's refusals, each at its path, and the check every command makes of its rules
// argument (requireRules), each field named: expected texts written from src/handoff/lifecycle-rules.ts's
// documented contract (invalid_config with issues for a bad spec, invalid_argument for what is not rules).
import { describe, expect, it } from "vitest";
import {
  defineLifecycle,
  LENIENT_LIFECYCLE,
  openGate,
  stateOf,
  summarize,
  handoffSchema,
  type Handoff,
} from "../../src/handoff/index.js";
import { refusal, refusalIssues } from "../fixtures/refusal.js";
import { handoffInput } from "../fixtures/handoff.js";

const base: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
const pricing = {
  code: "pricing",
  label: "Price above budget",
  category: "budget" as const,
  recycle: { action: "nurture" as const, afterDays: 90 },
};

describe("defineLifecycle", () => {
  it("names every bad field of a spec at its path", () => {
    expect(refusalIssues(() => defineLifecycle({ gate: "whenever" as never }), true)).toEqual([
      "gate invalid_value: Expected before_meeting, after_meeting or either",
    ]);
    expect(refusalIssues(() => defineLifecycle({ gate: "either", bookingGate: "open" as never }), true)).toEqual([
      "bookingGate invalid_type: Expected a function",
    ]);
    expect(refusalIssues(() => defineLifecycle({ gate: "either", order: "fifo" as never }), true)).toEqual([
      "order invalid_value: Expected any or strict",
    ]);
    expect(refusalIssues(() => defineLifecycle({ gate: "either", dedupeKey: "id" as never }), true)).toEqual([
      "dedupeKey invalid_type: Expected a function of an event",
    ]);
    expect(refusalIssues(() => defineLifecycle({ gate: "either", reasons: "pricing" as never }), true)).toEqual([
      "reasons invalid_type: Expected an array of reason codes",
    ]);
    expect(refusalIssues(() => defineLifecycle({ gate: "either", reasons: [] }), true)).toEqual([
      "reasons too_small: The catalogue needs at least one reason",
    ]);
    expect(
      refusalIssues(() => defineLifecycle({ gate: "either", reasons: [pricing, { ...pricing, code: "" }] }), true),
    ).toEqual(["reasons.1.code invalid_type: A reason needs a non-empty code"]);
    expect(refusalIssues(() => defineLifecycle({ gate: "either", reasons: [pricing, pricing] }), true)).toEqual([
      'reasons.1.code duplicate_reason: Duplicate reason code "pricing"',
    ]);
    expect(refusalIssues(() => defineLifecycle(7 as never), true)).toEqual([
      " invalid_type: Expected an object with a gate",
    ]);
    // Every problem at once.
    expect(refusalIssues(() => defineLifecycle({ gate: "x" as never, order: "y" as never }))).toHaveLength(2);
  });

  it("fills in what the spec leaves out", () => {
    const rules = defineLifecycle({ gate: "after_meeting" });
    expect(rules.order).toBe("any");
    expect(rules.dedupeKey).toBeUndefined();
    expect(rules.reasons.map((reason) => reason.code)).toContain("no_budget");
    expect(Object.isFrozen(rules) && Object.isFrozen(rules.reasons)).toBe(true);
    expect(defineLifecycle({ gate: "either", order: "strict", bookingGate: openGate }).order).toBe("strict");
    expect(defineLifecycle({ gate: "either", order: "any" }).order).toBe("any");
  });
});

describe("the rules argument", () => {
  const named = (config: unknown): string => refusal(() => summarize(base, config as never));
  const prefix =
    "invalid_argument (summarize(handoff, rules, { now }): the rules argument is LENIENT_LIFECYCLE, " +
    "or what defineLifecycle returns: ";

  it("is refused when any part of it is not what defineLifecycle makes", () => {
    const rules = { ...LENIENT_LIFECYCLE };
    expect(named({ now: new Date() })).toBe(`${prefix}an object)`);
    expect(named(null)).toBe(`${prefix}null)`);
    expect(named({ ...rules, gate: "x" })).toBe(`${prefix}an object)`);
    expect(named({ ...rules, bookingGate: undefined })).toBe(`${prefix}an object)`);
    expect(named({ ...rules, reasons: undefined })).toBe(`${prefix}an object)`);
    expect(named({ ...rules, order: "fifo" })).toBe(`${prefix}an object)`);
    expect(named({ ...rules, dedupeKey: "id" })).toBe(`${prefix}an object)`);
    // A catalogue changed by hand: the bad reason is named by its index.
    expect(named({ ...rules, reasons: [pricing, { code: 7, recycle: {} }] })).toMatch(
      /^invalid_argument \(summarize\(handoff, rules, \{ now \}\): the rules' reasons\[1\] is /u,
    );
    expect(named({ ...rules, reasons: [{ code: "x", recycle: null }] })).toMatch(/the rules' reasons\[0\] is /u);
    expect(named({ ...rules, reasons: [null] })).toMatch(
      /the rules' reasons\[0\] is null, not a reason code as defineLifecycle makes\)$/u,
    );
  });

  it("is taken as a copy of the rules when every part is right", () => {
    expect(stateOf(base, { ...LENIENT_LIFECYCLE }).status).toBe("draft");
    expect(stateOf(base, { ...LENIENT_LIFECYCLE, order: "strict", dedupeKey: (event) => event.id }).status).toBe(
      "draft",
    );
  });
});
