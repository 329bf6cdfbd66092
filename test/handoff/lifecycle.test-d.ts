import { describe, expectTypeOf, it } from "vitest";
import {
  allowedEvents,
  type ApplyResult,
  type HandoffEventType,
  type HandoffStatus,
  type Refusal,
  type RefusalCode,
} from "../../src/handoff/index.js";

describe("lifecycle types", () => {
  it("statuses and refusals are closed unions", () => {
    expectTypeOf<HandoffStatus>().toEqualTypeOf<
      "draft" | "booked" | "accepted" | "rejected" | "recycled" | "won" | "lost"
    >();
    expectTypeOf<Refusal["code"]>().toEqualTypeOf<
      | "invalid_transition"
      | "closed"
      | "out_of_order"
      | "gate_refused"
      | "unknown_reason"
      | "vague_note"
      | "invalid_next_touch"
      | "unexplained_reversal"
      | "invalid_event"
      | "invalid_history"
    >();
    expectTypeOf<RefusalCode>().toEqualTypeOf<Refusal["code"]>();
    expectTypeOf<Extract<Refusal, { code: "invalid_transition" }>["from"]>().toEqualTypeOf<HandoffStatus>();
  });

  it("applyEvent returns the next handoff or a refusal; allowedEvents returns event types", () => {
    const result = {} as ApplyResult;
    if (result.ok) expectTypeOf(result.state.status).toEqualTypeOf<HandoffStatus>();
    else expectTypeOf(result.refusal).toEqualTypeOf<Refusal>();
    expectTypeOf(allowedEvents).returns.toEqualTypeOf<HandoffEventType[]>();
  });
});
