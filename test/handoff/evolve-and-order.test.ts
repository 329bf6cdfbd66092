// evolve's corrections one by one, and the delivery order's tie-breaks and bounds, with values worked
// out by hand from docs/handoff.md ("Corrections", "Order and repeated deliveries").
import { describe, expect, it } from "vitest";
import {
  calendarKeyOf,
  defineLifecycle,
  evolve,
  handoffSchema,
  LENIENT_LIFECYCLE as LENIENT,
  initialState,
  openGate,
  replay,
  summarize,
  type Handoff,
  type HandoffEvent,
  type LifecycleState,
} from "../../src/handoff/index.js";
import { compareEvents } from "../../src/handoff/delivery-order.js";
import { refusal } from "../fixtures/refusal.js";
import { handoffInput } from "../fixtures/handoff.js";

const at = (iso: string): Date => new Date(iso);
const slot = { start: at("2026-11-05T15:00:00Z"), end: at("2026-11-05T15:30:00Z") };
const booked: HandoffEvent = { id: "b1", type: "booked", at: at("2026-11-02T16:00:00Z"), by: "sdr-ana", meeting: slot };
const fold = (events: readonly HandoffEvent[]): LifecycleState => events.reduce(evolve, initialState());
const open = defineLifecycle({ gate: "either", bookingGate: openGate });
const base: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });

describe("evolve: a fact given again", () => {
  const accepted: HandoffEvent = {
    id: "a1",
    type: "accepted",
    at: at("2026-11-03T09:00:00Z"),
    by: "ae-omar",
    amount: 10_000,
    currency: "USD",
  };
  const held: HandoffEvent = { id: "h1", type: "meeting_held", at: at("2026-11-05T15:30:00Z"), by: "ae-omar" };
  const rated: HandoffEvent = {
    id: "q1",
    type: "quality_rated",
    at: at("2026-11-05T16:00:00Z"),
    by: "ae-omar",
    score: 4,
    note: "Budget owner joined",
  };
  const won: HandoffEvent = {
    id: "w1",
    type: "opportunity_won",
    at: at("2026-12-01T10:00:00Z"),
    by: "ae-omar",
    amount: 12_000,
    currency: "USD",
  };
  const lost: HandoffEvent = {
    id: "l1",
    type: "opportunity_lost",
    at: at("2026-12-01T10:00:00Z"),
    by: "ae-omar",
    reason: "competitor",
  };
  const rejected: HandoffEvent = {
    id: "r1",
    type: "rejected",
    at: at("2026-11-03T09:00:00Z"),
    by: "ae-omar",
    reason: "no_budget",
    note: "No budget until April 2027",
  };
  const corrections = (events: readonly HandoffEvent[]): number => fold(events).corrections;

  it("counts a correction when any part of the fact changed, and none when it is repeated as it stands", () => {
    expect(corrections([booked, accepted, { ...accepted, id: "a2" }])).toBe(0);
    expect(corrections([booked, accepted, { ...accepted, id: "a2", currency: "EUR" }])).toBe(1);
    expect(corrections([booked, accepted, { ...accepted, id: "a2", amount: 11_000 }])).toBe(1);
    expect(corrections([booked, rejected, { ...rejected, id: "r2" }])).toBe(0);
    expect(corrections([booked, rejected, { ...rejected, id: "r2", note: "No budget until May 2027" }])).toBe(1);
    expect(corrections([booked, accepted, held, rated, { ...rated, id: "q2" }])).toBe(0);
    expect(corrections([booked, accepted, held, rated, { ...rated, id: "q2", score: 5 }])).toBe(1);
    expect(corrections([booked, accepted, held, rated, { ...rated, id: "q2", note: "The CFO joined" }])).toBe(1);
    expect(corrections([booked, accepted, won, { ...won, id: "w2" }])).toBe(0);
    expect(corrections([booked, accepted, won, { ...won, id: "w2", currency: "EUR" }])).toBe(1);
    expect(corrections([booked, accepted, lost, { ...lost, id: "l2" }])).toBe(0);
    expect(corrections([booked, accepted, lost, { ...lost, id: "l2", reason: "timing" }])).toBe(1);
  });

  it("keeps the first intro, acknowledgement and follow-up", () => {
    const intro = (id: string, iso: string): HandoffEvent => ({ id, type: "intro_sent", at: at(iso), by: "sdr-ana" });
    const followUp = (id: string, iso: string): HandoffEvent => ({
      id,
      type: "first_follow_up",
      at: at(iso),
      by: "ae-omar",
    });
    const state = fold([
      booked,
      intro("i1", "2026-11-02T16:10:00Z"),
      intro("i2", "2026-11-02T18:00:00Z"),
      followUp("f1", "2026-11-03T10:00:00Z"),
      followUp("f2", "2026-11-04T10:00:00Z"),
    ]);
    expect(state.status === "draft" ? undefined : [state.introSentAt, state.firstFollowUpAt]).toEqual([
      at("2026-11-02T16:10:00Z"),
      at("2026-11-03T10:00:00Z"),
    ]);
  });

  it("leaves the state as it was for an event with no meaning in it", () => {
    const bookedState = fold([booked]);
    expect(evolve(bookedState, { ...booked, id: "b2" })).toBe(bookedState);
    expect(
      evolve(bookedState, {
        id: "c1",
        type: "recycled",
        at: at("2026-11-04T10:00:00Z"),
        by: "sdr-ana",
        reason: "timing",
        nextTouchAt: at("2027-01-04T10:00:00Z"),
      }),
    ).toBe(bookedState);
    const wonState = fold([booked, accepted, won]);
    expect(evolve(wonState, accepted)).toBe(wonState);
    expect(evolve(wonState, rejected)).toBe(wonState);
  });
});

describe("the delivery order", () => {
  const reassigned = (id: string, to: string): HandoffEvent => ({
    id,
    type: "reassigned",
    at: at("2026-11-03T12:00:00Z"),
    by: "ops",
    role: "ae",
    to,
  });

  it("folds events of one instant and type by id, whatever order they arrive in", () => {
    // r-a then r-b by id: the handoff ends with ae-yoko either way; delivered r-b first, r-a is late.
    const [a, b] = [reassigned("r-a", "ae-xavi"), reassigned("r-b", "ae-yoko")];
    expect(summarize({ ...base, events: [booked, a, b] }, open)).toMatchObject({ aeId: "ae-yoko", lateEvents: 0 });
    expect(summarize({ ...base, events: [booked, b, a] }, open)).toMatchObject({ aeId: "ae-yoko", lateEvents: 1 });
    expect(replay([booked, b, a], open).late).toEqual([2]);
  });

  it("lists repeated deliveries by ascending index, the earliest delivery of each standing", () => {
    // Delivered: k (Nov 2 17:00), its copy, then b1 (16:00) and its copy. In time order b1 (2), its
    // copy (3), k (0), its copy (1): the copies found are 3 then 1, listed [1, 3].
    const ack: HandoffEvent = { id: "k1", type: "acknowledged", at: at("2026-11-02T17:00:00Z"), by: "ae-omar" };
    expect(replay([ack, ack, booked, booked], open)).toMatchObject({ duplicates: [1, 3], late: [2] });
    // Out of order with one repeated delivery: the first of the two copies stands, the second repeats.
    expect(replay([ack, booked, booked], open)).toMatchObject({ duplicates: [2], late: [1] });
  });

  it("counts an event at exactly now and none after it, sorted or not", () => {
    const now = at("2026-11-02T17:00:00Z");
    const ack: HandoffEvent = { id: "k1", type: "acknowledged", at: now, by: "ae-omar" };
    const later: HandoffEvent = { id: "x1", type: "intro_sent", at: at("2026-11-02T17:00:00.001Z"), by: "sdr-ana" };
    // Out of order (the acknowledgement delivered first), so sorted: both up to now count.
    expect(summarize({ ...base, events: [later, ack, booked] }, open, { now })).toMatchObject({
      acknowledgedAt: now,
      lateEvents: 1,
    });
    // The one after now makes nothing late: only the booking, delivered after the acknowledgement, is.
    expect(summarize({ ...base, events: [later, ack, booked] }, open, { now }).lateEvents).toBe(1);
    expect(summarize({ ...base, events: [ack, booked] }, open, { now })).toMatchObject({
      acknowledgedAt: now,
      lateEvents: 1,
    });
  });

  it("compares by time, then seq (none last), then the order of event types, then id", () => {
    const ack = (id: string, extra: object = {}): HandoffEvent => ({
      id,
      type: "acknowledged",
      at: at("2026-11-02T17:00:00Z"),
      by: "ae-omar",
      ...extra,
    });
    expect(Math.sign(compareEvents(ack("k-b"), ack("k-a")))).toBe(1);
    expect(Math.sign(compareEvents(ack("k-a"), ack("k-b")))).toBe(-1);
    expect(compareEvents(ack("k-a"), ack("k-a"))).toBe(0);
    expect(Math.sign(compareEvents(ack("k-a", { seq: 2 }), ack("k-b", { seq: 1 })))).toBe(1);
    expect(Math.sign(compareEvents(ack("k-a"), ack("k-b", { seq: 9 })))).toBe(1);
    expect(Math.sign(compareEvents({ ...booked, at: at("2026-11-02T17:00:00Z"), id: "z" }, ack("a")))).toBe(-1);
    expect(Math.sign(compareEvents(ack("z", { at: at("2026-11-02T16:59:59.999Z") }), ack("a")))).toBe(-1);
  });

  it("compares a caller's keys as a Set does, NaN equal to NaN only", () => {
    const byTypeOrNaN = defineLifecycle({
      gate: "either",
      bookingGate: openGate,
      dedupeKey: ((event: HandoffEvent) => (event.type === "booked" ? Number.NaN : event.id)) as never,
    });
    const ack: HandoffEvent = { id: "k1", type: "acknowledged", at: at("2026-11-02T17:00:00Z"), by: "ae-omar" };
    expect(replay([booked, ack], byTypeOrNaN).duplicates).toEqual([]);
    expect(replay([booked, { ...booked, id: "b2" }, ack], byTypeOrNaN).duplicates).toEqual([1]);
    // A NaN key after a string one in fold order is not a repeat of it.
    const ackIsNaN = defineLifecycle({
      gate: "either",
      bookingGate: openGate,
      dedupeKey: ((event: HandoffEvent) => (event.type === "acknowledged" ? Number.NaN : event.id)) as never,
    });
    expect(replay([booked, ack], ackIsNaN).duplicates).toEqual([]);
    expect(replay([booked, ack, { ...ack, id: "k2" }], ackIsNaN).duplicates).toEqual([2]);
  });
});

describe("strict rules and the rows' account of what they refused", () => {
  const strict = defineLifecycle({ gate: "either", bookingGate: openGate, order: "strict" });
  const early: HandoffEvent = { id: "k0", type: "acknowledged", at: at("2026-11-02T15:00:00Z"), by: "ae-omar" };

  it("refuse an event dated before the last one applied, saying both instants", () => {
    const { refusal, stoppedAt } = replay([booked, early], strict);
    expect(stoppedAt).toBe(1);
    expect(refusal?.message).toBe(
      "The event is dated 2026-11-02T15:00:00.000Z, before the last one (2026-11-02T16:00:00.000Z)",
    );
    expect(summarize({ ...base, events: [booked, early] }, strict)).toMatchObject({
      skippedEvents: 1,
      firstSkipped: {
        index: 1,
        id: "k0",
        type: "acknowledged",
        rule: "it is dated before the event applied before it",
      },
    });
  });

  it("take an event dated at the same instant as the last one applied: only an earlier one is out of order", () => {
    const sameInstant: HandoffEvent = { id: "k2", type: "acknowledged", at: booked.at, by: "ae-omar" };
    const { refusal, state } = replay([booked, sameInstant], strict);
    expect(refusal).toBeUndefined();
    expect(state.status === "booked" && state.acknowledgedAt).toEqual(booked.at);
  });

  it("judge the order against the last event applied, not the last one refused", () => {
    // b1 16:00 applied; a rating at 17:00 refused (no meeting held); an acknowledgement at 16:30 is
    // after the last applied event, so it is applied.
    const rated: HandoffEvent = {
      id: "q1",
      type: "quality_rated",
      at: at("2026-11-02T17:00:00Z"),
      by: "ae-omar",
      score: 3,
      note: "Fine",
    };
    const ack: HandoffEvent = { id: "k1", type: "acknowledged", at: at("2026-11-02T16:30:00Z"), by: "ae-omar" };
    expect(summarize({ ...base, events: [booked, rated, ack] }, strict)).toMatchObject({
      skippedEvents: 1,
      acknowledgedAt: ack.at,
      firstSkipped: { id: "q1" },
    });
  });
});

describe("summarize's record-level columns", () => {
  const touch = (iso: string) => ({
    channel: "email" as const,
    at: at(iso),
    direction: "outbound" as const,
    summary: "Sent the case study",
  });
  const withTouches: Handoff = {
    ...base,
    brief: {
      ...base.brief,
      engagement: [touch("2026-10-20T10:00:00Z"), touch("2026-10-14T10:00:00Z"), touch("2026-10-30T10:00:00Z")],
    },
  };

  it("takes the earliest touch up to now as the first touch, in any order", () => {
    expect(summarize(withTouches).firstTouchAt).toEqual(at("2026-10-14T10:00:00Z"));
    // As of the 14th at 10:00 exactly, that touch counts; a millisecond before, none has happened.
    expect(summarize(withTouches, LENIENT, { now: at("2026-10-14T10:00:00Z") }).firstTouchAt).toEqual(
      at("2026-10-14T10:00:00Z"),
    );
    expect(summarize(withTouches, LENIENT, { now: at("2026-10-14T09:59:59.999Z") }).firstTouchAt).toBeUndefined();
    // Listed latest first, as of the 25th: the earliest touch up to then is the 20th's.
    expect(
      summarize(
        {
          ...withTouches,
          brief: { ...withTouches.brief, engagement: [touch("2026-10-30T10:00:00Z"), touch("2026-10-20T10:00:00Z")] },
        },
        LENIENT,
        { now: at("2026-10-25T00:00:00Z") },
      ).firstTouchAt,
    ).toEqual(at("2026-10-20T10:00:00Z"));
  });

  it("names itself and the option that is wrong", () => {
    expect(refusal(() => calendarKeyOf(null as never, "ae-omar"))).toMatch(
      /^invalid_argument \(calendarKeyOf expects a parsed handoff/u,
    );
    expect(refusal(() => summarize(base, LENIENT, { now: "soon" as never }))).toMatch(/\bnow\b/u);
    expect(refusal(() => summarize(base, LENIENT, "2026-11-02" as never))).toMatch(
      /^invalid_argument \(summarize.*options/u,
    );
  });
});
