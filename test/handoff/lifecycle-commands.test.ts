// The commands of the lifecycle (applyEvent, replay, allowedEvents, stateOf) at their edges: what each
// refuses and names, and what each reports, with values worked out by hand from the rules in
// docs/handoff.md.
import { describe, expect, it } from "vitest";
import {
  allowedEvents,
  applyEvent,
  defineLifecycle,
  evolve,
  handoffSchema,
  initialState,
  summarize,
  LENIENT_LIFECYCLE,
  openGate,
  replay,
  stateOf,
  type Handoff,
  type HandoffEvent,
} from "../../src/handoff/index.js";
import { refusal } from "../fixtures/refusal.js";
import { handoffInput } from "../fixtures/handoff.js";

const base: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
// The record's brief lacks what the default booking gate asks for.
const thin: Handoff = { ...base, brief: { notes: "Interested, wants demo" } };
const gated = defineLifecycle({ gate: "either" });
const open = defineLifecycle({ gate: "either", bookingGate: openGate });
const strict = defineLifecycle({ gate: "either", bookingGate: openGate, order: "strict" });
const at = (iso: string): Date => new Date(iso);
const slot = { start: at("2026-11-05T15:00:00Z"), end: at("2026-11-05T15:30:00Z") };
const booked: HandoffEvent = { id: "b1", type: "booked", at: at("2026-11-02T16:00:00Z"), by: "sdr-ana", meeting: slot };
const accepted: HandoffEvent = { id: "a1", type: "accepted", at: at("2026-11-03T09:00:00Z"), by: "ae-omar" };
const acknowledged: HandoffEvent = { id: "k1", type: "acknowledged", at: at("2026-11-02T17:00:00Z"), by: "ae-omar" };
const rejectedBetween: HandoffEvent = {
  id: "r1",
  type: "rejected",
  at: at("2026-11-02T18:00:00Z"),
  by: "ae-omar",
  reason: "no_budget",
  note: "No budget until April 2027; the CFO said so",
};

describe("applyEvent", () => {
  it("names itself and the argument that is wrong", () => {
    expect(refusal(() => applyEvent(null as never, booked, open))).toMatch(
      /^invalid_argument \(applyEvent expects a parsed handoff/u,
    );
    expect(refusal(() => applyEvent(base, booked, { now: 1 } as never))).toMatch(
      /^invalid_argument \(applyEvent\(handoff, event, rules\): /u,
    );
  });

  it("describes a malformed event by the path of each bad field, joined", () => {
    const result = applyEvent(
      base,
      {
        id: "x1",
        type: "booked",
        at: "2026-11-02T16:00:00Z",
        by: "sdr-ana",
        meeting: { start: "soon", end: "later" },
      } as never,
      open,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ code: "invalid_event", event: "booked", eventId: "x1" });
    expect(result.refusal.message).toMatch(/^The event is malformed: meeting\.start: [^;]+; meeting\.end: [^;]+$/u);
  });

  it("refuses any event on a handoff whose own history the rules refuse, naming the recorded event", () => {
    const result = applyEvent({ ...thin, events: [booked] }, acknowledged, gated);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ code: "invalid_history", eventId: "b1", cause: { code: "gate_refused" } });
    expect(result.refusal.message).toMatch(
      /^The handoff's own history breaks these rules at event b1: The booking gate refused: /u,
    );
  });

  it("says an appended event is not a repeat, and neither is a late one folded at its time", () => {
    const appended = applyEvent({ ...base, events: [booked] }, accepted, open);
    expect(appended).toMatchObject({ ok: true, duplicate: false, state: { status: "accepted" } });
    const late = applyEvent({ ...base, events: [booked, accepted] }, acknowledged, open);
    expect(late).toMatchObject({
      ok: true,
      duplicate: false,
      state: { status: "accepted", acknowledgedAt: acknowledged.at },
    });
  });

  it("refuses a late event that would make a recorded one break the rules, naming the recorded one", () => {
    // Folded at 18:00, the rejection comes before the recorded acceptance (09:00 next day), which then
    // reverses a rejection without a note.
    const result = applyEvent({ ...base, events: [booked, accepted] }, rejectedBetween, open);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({
      code: "invalid_history",
      eventId: "a1",
      cause: { code: "unexplained_reversal" },
    });
    expect(result.refusal.message).toMatch(
      /^Folded at its time, the event makes the recorded history break these rules at event a1: /u,
    );
  });

  it("strict rules take an event at the same instant as the last, and refuse one a millisecond before", () => {
    const same = applyEvent({ ...base, events: [booked] }, { ...acknowledged, at: booked.at }, strict);
    expect(same).toMatchObject({ ok: true, state: { acknowledgedAt: booked.at } });
    const earlier = applyEvent(
      { ...base, events: [booked] },
      { ...acknowledged, at: new Date(booked.at.getTime() - 1) },
      strict,
    );
    expect(earlier.ok ? undefined : earlier.refusal.code).toBe("out_of_order");
  });
});

describe("replay", () => {
  it("names itself and the argument that is wrong", () => {
    expect(refusal(() => replay("events" as never, open))).toBe(
      "invalid_argument (replay expects an array of events: events)",
    );
    expect(refusal(() => replay([], { now: 1 } as never))).toMatch(
      /^invalid_argument \(replay\(events, rules, \{ handoff \}\): /u,
    );
    expect(refusal(() => replay([], open, { handoff: { id: 7 } as never }))).toMatch(
      /^invalid_argument \(replay expects a parsed handoff/u,
    );
  });

  it("asks the booking gate when given the handoff, and not without it", () => {
    expect(replay([booked], gated, { handoff: thin }).refusal?.code).toBe("gate_refused");
    expect(replay([booked], gated).refusal).toBeUndefined();
  });

  it("counts as not applied what was neither applied nor a repeat", () => {
    // b1, its repeat, a1: two applied, one repeat, nothing else.
    expect(replay([booked, booked, accepted], open)).toMatchObject({ notApplied: 0, duplicates: [1] });
    // In time order: b1, a1 (09:00), then a rating at 10:00 of a meeting not held, refused, where the
    // fold stops: two applied, one repeat, one not applied (the rating, delivered third).
    const rated: HandoffEvent = {
      id: "q1",
      type: "quality_rated",
      at: at("2026-11-03T10:00:00Z"),
      by: "ae-omar",
      score: 4,
      note: "Good",
    };
    expect(replay([booked, booked, rated, accepted], open)).toMatchObject({
      notApplied: 1,
      duplicates: [1],
      stoppedAt: 2,
      refusal: { code: "invalid_transition" },
    });
  });
});

describe("allowedEvents and stateOf", () => {
  it("name themselves and the argument that is wrong", () => {
    expect(refusal(() => allowedEvents(null as never, open))).toMatch(
      /^invalid_argument \(allowedEvents expects a parsed handoff/u,
    );
    expect(refusal(() => allowedEvents(base, { now: 1 } as never))).toMatch(
      /^invalid_argument \(allowedEvents\(handoff, rules\): /u,
    );
    expect(refusal(() => stateOf(null as never))).toMatch(/^invalid_argument \(stateOf expects a parsed handoff/u);
    expect(refusal(() => replay([], open, null as never))).toBe(
      "invalid_argument (replay: options must be an object: null)",
    );
    expect(refusal(() => stateOf(base, { now: 1 } as never))).toMatch(
      /^invalid_argument \(stateOf\(handoff, rules\): /u,
    );
  });

  it("allow nothing on a handoff whose own history the rules refuse", () => {
    expect(allowedEvents({ ...thin, events: [booked] }, gated)).toEqual([]);
    expect(allowedEvents({ ...thin, events: [booked] }, open)).toContain("accepted");
    // Booked, then a refused recycle: the history holds a refusal, so nothing is allowed next.
    const recycle: HandoffEvent = {
      id: "y1",
      type: "recycled",
      at: at("2026-11-03T10:00:00Z"),
      by: "sdr-ana",
      reason: "no_budget",
      nextTouchAt: at("2027-04-01T15:00:00Z"),
    };
    expect(allowedEvents({ ...base, events: [booked, recycle] }, open)).toEqual([]);
    expect(stateOf({ ...thin, events: [booked] }, LENIENT_LIFECYCLE).status).toBe("booked");
  });
});

describe("the shape checks behind every command", () => {
  it("name an event without an id, and a qualification whose framework is not a name", () => {
    const { id: _id, ...withoutId } = booked;
    expect(refusal(() => evolve(initialState(), withoutId as never))).toBe(
      "invalid_argument (evolve expects a parsed event (parseHandoffEvent): the event.id is undefined)",
    );
    const odd = { ...base, qualification: { framework: 5, evidence: {} } } as never;
    expect(refusal(() => summarize(odd))).toMatch(
      new RegExp(
        /^invalid_argument \(summarize expects a parsed handoff \(parseHandoff\): /u.source +
          /qualification is .*, not \{ framework, evidence \}\)$/u.source,
        "u",
      ),
    );
  });
});

describe("the state check of evolve and decide", () => {
  const call = "invalid_argument (evolve expects a lifecycle state (initialState, evolve, stateOf): ";
  const state = (value: unknown): string => refusal(() => evolve(value as never, booked));
  const bookedState = evolve(initialState(), booked);
  const acceptedState = evolve(bookedState, accepted);
  const won = evolve(acceptedState, {
    id: "w1",
    type: "opportunity_won",
    at: at("2026-11-20T10:00:00Z"),
    by: "ae-omar",
    amount: 5_000,
  });

  it("names the first field a state of its status lacks (a part that is an object, by the part)", () => {
    expect(state(null)).toBe(`${call}state is null)`);
    // An unknown status is judged as a draft, whose status must be one of the statuses.
    expect(state({ ...initialState(), status: "paused" })).toBe(`${call}state.status is paused)`);
    expect(state({ ...initialState(), cycle: -1 })).toBe(`${call}state.cycle is -1)`);
    expect(state({ ...initialState(), corrections: 1.5 })).toBe(`${call}state.corrections is 1.5)`);
    expect(state({ ...initialState(), owners: { sdr: 7 } })).toBe(`${call}state.owners is an object)`);
    expect(state({ ...initialState(), meeting: { status: "held" } })).toBe(`${call}state.meeting is an object)`);
    expect(state({ ...bookedState, meeting: { ...bookedState.meeting, status: "none" } })).toBe(
      `${call}state.meeting is an object)`,
    );
    expect(state({ ...bookedState, bookedAt: "2026-11-02" })).toBe(`${call}state.bookedAt is 2026-11-02)`);
    expect(state({ ...acceptedState, decision: { kind: "maybe", at: accepted.at } })).toBe(
      `${call}state.decision is an object)`,
    );
    expect(state({ ...won, outcome: { kind: "lost", at: accepted.at } })).toBe(`${call}state.outcome is an object)`);
    expect(state({ ...won, status: "lost" })).toBe(`${call}state.outcome is an object)`);
  });

  it("initialState names itself when the handoff is not a parsed one", () => {
    expect(refusal(() => initialState({ id: "h-1" } as never))).toMatch(
      /^invalid_argument \(initialState expects a parsed handoff/u,
    );
  });

  it("takes every state the lifecycle makes", () => {
    expect(
      refusal(() =>
        evolve(won, {
          id: "w2",
          type: "opportunity_won",
          at: at("2026-11-21T10:00:00Z"),
          by: "ae-omar",
          amount: 6_000,
        }),
      ),
    ).toBe("no error");
  });
});
