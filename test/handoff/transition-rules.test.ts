// The transition table, event type by event type, from the rules docs/handoff.md states in prose
// ("The meeting runs alongside...", the state diagram, "Corrections"): for each, a history where the
// event is allowed and one where it is refused, with the rule the refusal names. The histories are
// replayed in time order under gate "either" unless a case names another gate.
import { describe, expect, it } from "vitest";
import { defineLifecycle, openGate, replay, type HandoffEvent, type LifecycleRules } from "../../src/handoff/index.js";

const either = defineLifecycle({ gate: "either", bookingGate: openGate });
const afterMeeting = defineLifecycle({ gate: "after_meeting", bookingGate: openGate });
const beforeMeeting = defineLifecycle({ gate: "before_meeting", bookingGate: openGate });

const slot = { start: new Date("2026-11-20T15:00:00Z"), end: new Date("2026-11-20T15:30:00Z") };
const fields: Record<HandoffEvent["type"], Record<string, unknown>> = {
  booked: { meeting: slot },
  intro_sent: {},
  acknowledged: {},
  accepted: { note: "Reversed after a call with the SDR: the CFO joined" },
  rejected: { reason: "no_budget", note: "No budget until April 2027; the CFO said so" },
  meeting_held: {},
  no_show: {},
  cancelled: {},
  rescheduled: { meeting: { start: new Date("2026-11-25T15:00:00Z"), end: new Date("2026-11-25T15:30:00Z") } },
  first_follow_up: {},
  quality_rated: { score: 4, note: "Pain and timeline confirmed on the call" },
  recycled: { reason: "no_budget", nextTouchAt: new Date("2027-04-01T15:00:00Z") },
  reassigned: { role: "ae", to: "ae-lina" },
  opportunity_won: {},
  opportunity_lost: {},
};

/** The history of `types`, one hour apart from 2026-11-02 09:00Z. */
const history = (types: readonly HandoffEvent["type"][]): HandoffEvent[] =>
  types.map(
    (type, i) =>
      ({
        id: `e${String(i)}`,
        type,
        at: new Date(Date.UTC(2026, 10, 2, 9 + i)),
        by: type === "booked" || type === "recycled" ? "sdr-ana" : "ae-omar",
        ...fields[type],
      }) as HandoffEvent,
  );

/** The rule the last event of the history is refused by, or "allowed". */
function ruleOfLast(types: readonly HandoffEvent["type"][], rules: LifecycleRules = either): string {
  const { refusal, stoppedAt } = replay(history(types), rules);
  if (refusal === undefined) return "allowed";
  expect(stoppedAt).toBe(types.length - 1);
  return refusal.code === "invalid_transition" ? refusal.rule : refusal.code;
}

describe("the transition table", () => {
  it.each<[string, HandoffEvent["type"][], string]>([
    ["booking from draft", ["booked"], "allowed"],
    ["booking again once recycled", ["booked", "rejected", "recycled", "booked"], "allowed"],
    ["booking a booked handoff", ["booked", "booked"], "a handoff is booked from draft, or again once recycled"],
    ["a follow-up while accepted", ["booked", "accepted", "first_follow_up"], "allowed"],
    [
      "a follow-up while rejected",
      ["booked", "rejected", "first_follow_up"],
      "only while the handoff is booked or accepted",
    ],
    ["an intro before booking", ["intro_sent"], "only while the handoff is booked or accepted"],
    ["an acknowledgement once won", ["booked", "accepted", "opportunity_won", "acknowledged"], "closed"],
    ["a no-show while rejected (the meeting goes ahead)", ["booked", "rejected", "no_show"], "allowed"],
    [
      "an outcome of a cancelled meeting",
      ["booked", "cancelled", "meeting_held"],
      "only for the meeting, not cancelled, of a booked, accepted or rejected handoff",
    ],
    ["cancelling a rescheduled meeting", ["booked", "rescheduled", "cancelled"], "allowed"],
    ["cancelling while rejected", ["booked", "rejected", "cancelled"], "allowed"],
    ["cancelling a held meeting", ["booked", "meeting_held", "cancelled"], "only a scheduled meeting is cancelled"],
    [
      "cancelling once recycled",
      ["booked", "rejected", "recycled", "cancelled"],
      "only a scheduled meeting is cancelled",
    ],
    ["rescheduling a missed meeting", ["booked", "no_show", "rescheduled"], "allowed"],
    ["rescheduling a rescheduled meeting", ["booked", "rescheduled", "rescheduled"], "allowed"],
    [
      "rescheduling a held meeting",
      ["booked", "meeting_held", "rescheduled"],
      "only a scheduled or missed meeting is rescheduled",
    ],
    [
      "rescheduling while rejected",
      ["booked", "rejected", "rescheduled"],
      "only a scheduled or missed meeting is rescheduled",
    ],
    ["rating a held meeting", ["booked", "meeting_held", "quality_rated"], "allowed"],
    ["rating a missed meeting", ["booked", "no_show", "quality_rated"], "the AE rates a meeting that was held"],
    [
      "rating a held meeting once recycled",
      ["booked", "meeting_held", "rejected", "recycled", "quality_rated"],
      "the AE rates a meeting that was held",
    ],
    ["recycling an accepted handoff", ["booked", "accepted", "recycled"], "only a rejected handoff is recycled"],
    ["reassigning a draft", ["reassigned"], "a draft has no owners to change yet"],
    ["reassigning a recycled lead", ["booked", "rejected", "recycled", "reassigned"], "allowed"],
    ["winning a booked handoff", ["booked", "opportunity_won"], "only an accepted handoff becomes a won opportunity"],
    ["losing a booked handoff", ["booked", "opportunity_lost"], "only an accepted handoff becomes a lost opportunity"],
    ["correcting a win", ["booked", "accepted", "opportunity_won", "opportunity_won"], "allowed"],
    ["correcting a loss", ["booked", "accepted", "opportunity_lost", "opportunity_lost"], "allowed"],
    [
      "deciding once recycled",
      ["booked", "rejected", "recycled", "accepted"],
      "the AE decides while the handoff is booked, or corrects a decision before it is recycled or closed",
    ],
  ])("%s", (_, types, rule) => {
    expect(ruleOfLast(types)).toBe(rule);
  });

  it("the gate decides when the first decision may come", () => {
    expect(ruleOfLast(["booked", "accepted"], afterMeeting)).toBe("this team's AE decides after the meeting is held");
    expect(ruleOfLast(["booked", "meeting_held", "accepted"], afterMeeting)).toBe("allowed");
    expect(ruleOfLast(["booked", "no_show", "rejected"], afterMeeting)).toBe("allowed");
    expect(ruleOfLast(["booked", "accepted"], beforeMeeting)).toBe("allowed");
    expect(ruleOfLast(["booked", "cancelled", "rejected"], beforeMeeting)).toBe("the meeting was cancelled");
  });
});

describe("what a refusal says", () => {
  const messageOfLast = (types: readonly HandoffEvent["type"][], change: Record<string, unknown> = {}): string => {
    const events = history(types);
    const last = events.length - 1;
    events[last] = { ...events[last], ...change } as HandoffEvent;
    return replay(events, either).refusal?.message ?? "allowed";
  };

  it("names the event and the rule it breaks, or the field at fault", () => {
    expect(messageOfLast(["booked", "accepted", "recycled"])).toBe(
      "recycled is not allowed now: only a rejected handoff is recycled",
    );
    expect(messageOfLast(["booked", "accepted", "opportunity_won", "acknowledged"])).toBe(
      "The handoff is closed (won); nothing more happens to it but a correction of its outcome",
    );
    expect(messageOfLast(["booked", "rejected", "accepted"], { note: undefined })).toBe(
      "Accepting a rejected handoff reverses the rejection: say why in the event's note",
    );
    expect(messageOfLast(["booked", "rejected"], { reason: "vibes" })).toBe(
      '"vibes" is not in the reason-code catalogue',
    );
    expect(messageOfLast(["booked", "rejected"], { note: "Not a fit" })).toBe(
      '"Not a fit" teaches the SDR nothing: say what was missing (a number, a role, a date)',
    );
    expect(messageOfLast(["booked", "rejected", "recycled"], { nextTouchAt: new Date(Date.UTC(2026, 10, 2)) })).toBe(
      "The next touch must come after the recycle",
    );
  });

  it("a closed handoff takes only a correction of its own outcome", () => {
    expect(ruleOfLast(["booked", "accepted", "opportunity_won", "opportunity_lost"])).toBe("closed");
    expect(ruleOfLast(["booked", "accepted", "opportunity_lost", "opportunity_won"])).toBe("closed");
  });
});
