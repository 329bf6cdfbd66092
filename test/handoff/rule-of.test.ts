import { describe, expect, it } from "vitest";
import { decide, ruleOf, type Refusal } from "../../src/handoff/decide.js";
import { defineLifecycle, initialState, openGate, type HandoffEvent } from "../../src/handoff/index.js";

// A summary row quotes a refusal's rule in a few words (firstSkipped.rule); each code has its own.
describe("ruleOf", () => {
  it.each<[Refusal, string]>([
    [{ code: "gate_refused", event: "booked", eventId: "b", findings: [], message: "" }, "the booking gate refused it"],
    [{ code: "invalid_event", event: "booked", eventId: "b", issues: [], message: "" }, "it is malformed"],
    [{ code: "closed", from: "won", event: "accepted", eventId: "a", message: "" }, "the handoff is closed (won)"],
    [
      {
        code: "invalid_history",
        event: "accepted",
        eventId: "a",
        cause: { code: "unexplained_reversal", event: "accepted", eventId: "a", message: "" },
        message: "",
      },
      "it reverses a rejection without a note",
    ],
  ])("%j", (refusal, rule) => {
    expect(ruleOf(refusal)).toBe(rule);
  });
});

describe("decide names itself on misuse", () => {
  const rules = defineLifecycle({ gate: "either", bookingGate: openGate });
  const event: HandoffEvent = {
    id: "b",
    type: "booked",
    at: new Date("2026-11-02T09:00:00Z"),
    by: "sdr-ana",
    meeting: { start: new Date("2026-11-05T15:00:00Z"), end: new Date("2026-11-05T15:30:00Z") },
  };

  it("for its options, its rules and its handoff", () => {
    expect(() => decide(initialState(), event, rules, null as never)).toThrow(
      "(decide: options must be an object: null)",
    );
    expect(() => decide(initialState(), event, {} as never)).toThrow("(decide(state, event, rules, { handoff }): ");
    expect(() => decide(initialState(), event, rules, { handoff: {} as never })).toThrow("decide");
    expect(() => decide({} as never, event, rules)).toThrow("decide");
    expect(decide(initialState(), event, rules, {})).toBeUndefined();
  });
});
