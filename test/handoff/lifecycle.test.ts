import { describe, expect, it } from "vitest";
import {
  allowedEvents,
  applyEvent,
  decide,
  defineLifecycle,
  LENIENT_LIFECYCLE,
  evolve,
  initialState,
  handoffSchema,
  openGate,
  replay,
  requiredBriefGate,
  stateOf,
  summarize,
  type Handoff,
  type HandoffEvent,
  type LifecycleRules,
} from "../../src/handoff/index.js";
import { handoffInput } from "../fixtures/handoff.js";

const base: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
const before = defineLifecycle({ gate: "before_meeting" });
const after = defineLifecycle({ gate: "after_meeting" });
const t = (hour: number, day = 2): Date => new Date(Date.UTC(2026, 10, day, hour));
const slot = { start: t(15, 5), end: new Date(t(15, 5).getTime() + 1_800_000) };
let counter = 0;
const ev = (type: HandoffEvent["type"], at: Date, extra: object = {}): HandoffEvent =>
  ({ id: `e${String((counter += 1))}`, type, at, by: "ae-omar", ...extra }) as HandoffEvent;

/** Applies events in turn, failing the test on the first refusal. */
function run(config: LifecycleRules, events: readonly HandoffEvent[], start: Handoff = base): Handoff {
  let handoff = start;
  for (const event of events) {
    const result = applyEvent(handoff, event, config);
    if (!result.ok) throw new Error(`${event.type}: ${result.refusal.code}: ${result.refusal.message}`);
    handoff = result.handoff;
  }
  return handoff;
}

describe("the acceptance gate before the meeting (the handoff-checklist article)", () => {
  it("booked -> acknowledged -> accepted -> held -> rated -> won", () => {
    const handoff = run(before, [
      ev("booked", t(16), { meeting: slot }),
      ev("acknowledged", t(17)),
      ev("accepted", t(9, 3), { amount: 42_000, currency: "USD" }),
      ev("meeting_held", t(16, 5)),
      ev("quality_rated", t(17, 5), { score: 5, note: "Pain, budget owner and timeline all confirmed" }),
      ev("opportunity_won", t(12, 20), { amount: 42_000, currency: "USD" }),
    ]);
    const state = stateOf(handoff, before);
    expect(state).toMatchObject({
      status: "won",
      cycle: 1,
      meeting: { status: "held" },
      quality: { score: 5 },
      outcome: { kind: "won", amount: 42_000 },
    });
    expect(summarize(handoff)).toMatchObject({
      status: "won",
      decision: "accepted",
      meetingStatus: "held",
      quality: 5,
      acceptedAmount: 42_000,
      wonAmount: 42_000,
      outcome: "won",
      cycles: 1,
      skippedEvents: 0,
    });
  });

  it("rejected with a catalogued reason and a specific note, recycled, booked again: a new cycle, history kept", () => {
    const handoff = run(before, [
      ev("booked", t(16), { meeting: slot }),
      ev("rejected", t(18), {
        reason: "under_minimum_size",
        note: "Company has under 20 employees and our minimum is 50",
      }),
      ev("cancelled", t(19)),
      ev("recycled", t(10, 4), { reason: "timing", nextTouchAt: t(10, 30) }),
      ev("booked", t(10, 30), { meeting: { start: t(15, 30), end: new Date(t(15, 30).getTime() + 1_800_000) } }),
    ]);
    const state = stateOf(handoff, before);
    expect(state).toMatchObject({
      status: "booked",
      cycle: 2,
      firstBookedAt: t(16),
      bookedAt: t(10, 30),
      meeting: { status: "scheduled", reschedules: 0 },
    });
    // A booked state's type has no decision; at run time it is there, undefined (one shape for every state).
    expect((state as { readonly decision?: unknown }).decision).toBeUndefined();
    expect(handoff.events.filter((e) => e.type === "booked")).toHaveLength(2);
  });

  it("the AE may decide late, after the meeting; a cancelled meeting closes the decision", () => {
    const late = run(before, [
      ev("booked", t(16), { meeting: slot }),
      ev("meeting_held", t(16, 5)),
      ev("accepted", t(18, 5)),
    ]);
    expect(stateOf(late).status).toBe("accepted");
    const cancelled = run(before, [ev("booked", t(16), { meeting: slot }), ev("cancelled", t(17))]);
    const result = applyEvent(cancelled, ev("accepted", t(18)), before);
    expect(result.ok ? "" : result.refusal.code).toBe("invalid_transition");
  });
});

describe("the acceptance gate after the meeting (the 2027 handoff-process Q&A)", () => {
  it("refuses a decision before the meeting is held, allows it after", () => {
    const booked = run(after, [ev("booked", t(16), { meeting: slot })]);
    const early = applyEvent(booked, ev("accepted", t(17)), after);
    expect(early.ok ? undefined : early.refusal).toMatchObject({
      code: "invalid_transition",
      from: "booked",
      meeting: "scheduled",
      event: "accepted",
    });
    expect(early.ok ? "" : early.refusal.message).toMatch(/after the meeting is held/);
    const held = run(after, [ev("meeting_held", t(16, 5)), ev("accepted", t(9, 6))], booked);
    expect(stateOf(held).status).toBe("accepted");
  });

  it("a no-show can be rejected with the no_show reason, or rescheduled", () => {
    const missed = run(after, [ev("booked", t(16), { meeting: slot }), ev("no_show", t(15, 5))]);
    expect(allowedEvents(missed, after)).toEqual(expect.arrayContaining(["accepted", "rejected", "rescheduled"]));
    const rebooked = run(after, [ev("rescheduled", t(16, 5), { meeting: { start: t(15, 9), end: t(16, 9) } })], missed);
    expect(stateOf(rebooked).meeting).toMatchObject({ status: "rescheduled", reschedules: 1 });
  });
});

describe("rules the contract enforces", () => {
  const booked = run(before, [ev("booked", t(16), { meeting: slot })]);
  const refusalOf = (handoff: Handoff, event: HandoffEvent, config = before) => {
    const result = applyEvent(handoff, event, config);
    return result.ok ? undefined : result.refusal;
  };

  it("booking needs the gate to pass, and the refusal lists what is missing", () => {
    const thin = { ...base, brief: { notes: "Interested, wants demo" } };
    const refusal = refusalOf(thin, ev("booked", t(16), { meeting: slot }));
    expect(refusal?.code).toBe("gate_refused");
    expect(
      refusal?.code === "gate_refused"
        ? refusal.findings.map((reason) => (reason.kind === "brief" ? reason.field : reason.kind))
        : [],
    ).toEqual([
      "discovery.prospectRole",
      "discovery.prompt",
      "discovery.problem",
      "icpFit.signal",
      "trigger",
      "trigger.timing",
      "techStack.inUse",
      "budget",
    ]);
    expect(refusal?.code === "gate_refused" ? refusal.findings[0] : undefined).toEqual({
      kind: "brief",
      field: "discovery.prospectRole",
      message: "the prospect's role is missing",
    });
    expect(requiredBriefGate(base)).toEqual({ ok: true });
    expect(
      refusalOf(
        thin,
        ev("booked", t(16), { meeting: slot }),
        defineLifecycle({ gate: "before_meeting", bookingGate: openGate }),
      ),
    ).toBeUndefined();
  });

  it("a booking gate that answers something else is misuse, named", () => {
    const strings = defineLifecycle({
      gate: "either",
      bookingGate: () => ({ ok: false, findings: ["brief.trigger: missing"] }) as never,
    });
    expect(() => applyEvent(base, ev("booked", t(16), { meeting: slot }), strings)).toThrow(
      "the rules' booking gate answered an object, " +
        "not { ok: true } or { ok: false, findings } with a message in each finding",
    );
  });

  it("a rejection needs a catalogued reason and a specific note", () => {
    expect(
      refusalOf(booked, ev("rejected", t(17), { reason: "bad_vibes", note: "Company has 12 employees" }))?.code,
    ).toBe("unknown_reason");
    expect(refusalOf(booked, ev("rejected", t(17), { reason: "no_real_pain", note: "Not qualified" }))?.code).toBe(
      "vague_note",
    );
    expect(
      refusalOf(
        booked,
        ev("rejected", t(17), { reason: "no_real_pain", note: "Reporting works; they spend 1 hour a month on it" }),
      ),
    ).toBeUndefined();
  });

  it("recycling needs a reason and a later next-touch date", () => {
    const rejected = run(
      before,
      [ev("rejected", t(17), { reason: "timing", note: "Budget opens in April 2027" })],
      booked,
    );
    expect(refusalOf(rejected, ev("recycled", t(18), { reason: "timing", nextTouchAt: t(17) }))?.code).toBe(
      "invalid_next_touch",
    );
    expect(refusalOf(rejected, ev("recycled", t(18), { reason: "nope", nextTouchAt: t(18, 20) }))?.code).toBe(
      "unknown_reason",
    );
  });

  it("a quality rating needs a held meeting; a score of 7 is a malformed event", () => {
    expect(refusalOf(booked, ev("quality_rated", t(17), { score: 4, note: "Good" }))?.code).toBe("invalid_transition");
    const refusal = refusalOf(booked, ev("quality_rated", t(17), { score: 7, note: "Great" }));
    expect(refusal?.code).toBe("invalid_event");
    expect(refusal?.code === "invalid_event" ? refusal.issues.map((issue) => issue.path.join(".")) : []).toEqual([
      "score",
    ]);
  });

  it("nothing happens to a closed handoff", () => {
    const lost = run(before, [ev("accepted", t(17)), ev("opportunity_lost", t(18), { reason: "pricing" })], booked);
    expect(refusalOf(lost, ev("reassigned", t(19), { role: "ae", to: "ae-iris" }))).toMatchObject({
      code: "closed",
      from: "lost",
    });
    expect(refusalOf(lost, ev("opportunity_won", t(19)))).toMatchObject({ code: "closed", from: "lost" });
    // The one change a closed handoff takes: its own outcome given again, a correction.
    expect(allowedEvents(lost, before)).toEqual(["opportunity_lost"]);
  });

  it("strict rules refuse an event earlier than the last as out of order; the default folds it at its time", () => {
    const strict = defineLifecycle({ gate: "before_meeting", order: "strict" });
    expect(refusalOf(booked, ev("acknowledged", t(10)), strict)).toMatchObject({ code: "out_of_order" });
    // Booked at 16:00 on the 2nd; an acknowledgement dated 10:00 that day came before the booking.
    expect(refusalOf(booked, ev("acknowledged", t(10)))).toMatchObject({ code: "invalid_transition", from: "draft" });
    const late = applyEvent(booked, ev("acknowledged", t(17)), before);
    const acceptedFirst = late.ok ? applyEvent(late.handoff, ev("accepted", t(18)), before) : late;
    // An acknowledgement from 16:30 arrives after the acceptance: folded at its time, it is the first.
    const arrivedLate = acceptedFirst.ok
      ? applyEvent(acceptedFirst.handoff, ev("acknowledged", new Date(t(16).getTime() + 1_800_000)), before)
      : acceptedFirst;
    expect(arrivedLate.ok && arrivedLate.state).toMatchObject({
      status: "accepted",
      acknowledgedAt: new Date(t(16).getTime() + 1_800_000),
    });
  });

  it("the same event id applied twice is a no-op", () => {
    const ack = ev("acknowledged", t(17));
    const once = applyEvent(booked, ack, before);
    const twice = once.ok ? applyEvent(once.handoff, ack, before) : once;
    expect(twice.ok && twice.duplicate).toBe(true);
    expect(twice.ok && twice.handoff).toBe(once.ok && once.handoff);
  });

  it("the rules keep frozen copies of their reasons: the caller's later edits do not reach them", () => {
    const pricing = {
      code: "pricing",
      label: "Price above budget",
      category: "budget" as const,
      recycle: { action: "nurture" as const, afterDays: 90 },
    };
    const rules = defineLifecycle({ gate: "either", reasons: [pricing] });
    pricing.code = "renamed";
    pricing.recycle.afterDays = 1;
    expect(rules.reasons[0]).toEqual({
      code: "pricing",
      label: "Price above budget",
      category: "budget",
      recycle: { action: "nurture", afterDays: 90 },
    });
    expect(Object.isFrozen(rules.reasons[0]) && Object.isFrozen(rules.reasons[0]?.recycle)).toBe(true);
    expect(Object.isFrozen(LENIENT_LIFECYCLE.reasons[0]?.recycle)).toBe(true);
  });

  it("a history that breaks the rules is reported, not thrown", () => {
    const imported = { ...base, events: [ev("accepted", t(9))] };
    expect(refusalOf(imported, ev("acknowledged", t(10)))).toMatchObject({ code: "invalid_history" });
  });

  it("reassignment moves ownership", () => {
    const moved = run(before, [ev("reassigned", t(17), { role: "ae", to: "ae-iris" })], booked);
    expect(summarize(moved).aeId).toBe("ae-iris");
  });
});

describe("replay and allowedEvents", () => {
  it("replay folds an untrusted history and stops at the first bad event, keeping what was valid", () => {
    const result = replay(
      [
        {
          id: "a",
          type: "booked",
          at: "2026-11-02T16:00:00Z",
          by: "sdr-ana",
          meeting: { start: "2026-11-05T15:00:00Z", end: "2026-11-05T15:30:00Z" },
        },
        { id: "b", type: "acknowledged", at: "2026-11-02T17:00:00Z", by: "ae-omar" },
        { id: "c", type: "teleported", at: "2026-11-02T18:00:00Z", by: "ae-omar" },
        { id: "d", type: "accepted", at: "2026-11-02T19:00:00Z", by: "ae-omar" },
      ],
      before,
      { handoff: base },
    );
    expect(result.state).toMatchObject({ status: "booked", acknowledgedAt: new Date("2026-11-02T17:00:00Z") });
    expect(result.refusal?.code).toBe("invalid_event");
    expect(
      result.refusal?.code === "invalid_event" ? result.refusal.issues.map((issue) => issue.path.join(".")) : [],
    ).toEqual(["2.type"]);
    expect(result).toMatchObject({ stoppedAt: 2, notApplied: 2 });
  });

  it("allowedEvents lists what a UI shows as buttons", () => {
    expect(allowedEvents(base, before)).toEqual(["booked"]);
    const booked = run(before, [ev("booked", t(16), { meeting: slot })]);
    expect(allowedEvents(booked, before)).toEqual([
      "intro_sent",
      "acknowledged",
      "accepted",
      "rejected",
      "meeting_held",
      "no_show",
      "rescheduled",
      "cancelled",
      "first_follow_up",
      "reassigned",
    ]);
    expect(allowedEvents(booked, after)).not.toContain("accepted");
  });
});

describe("the decider: decide, evolve, initialState", () => {
  it("folds a history as applyEvent does, one event at a time, keeping no history", () => {
    const booking = ev("booked", t(16), { meeting: slot });
    const acceptance = ev("accepted", t(9, 3), { amount: 5_000 });
    const draft = initialState(base);
    expect(draft).toEqual({
      status: "draft",
      cycle: 0,
      owners: { sdr: "sdr-ana", ae: "ae-omar" },
      meeting: { status: "none" },
      corrections: 0,
    });
    expect(decide(draft, acceptance, before)).toMatchObject({
      code: "invalid_transition",
      from: "draft",
      rule: "the AE decides while the handoff is booked, or corrects a decision before it is recycled or closed",
    });
    expect(decide(draft, booking, before, { handoff: base })).toBeUndefined();
    const booked = evolve(draft, booking);
    const accepted = evolve(booked, acceptance);
    expect(accepted).toMatchObject({
      status: "accepted",
      cycle: 1,
      firstBookedAt: t(16),
      bookedAt: t(16),
      decision: { kind: "accepted", at: t(9, 3), amount: 5_000 },
    });
    expect({ ...accepted, skippedEvents: 0 }).toEqual(stateOf(run(before, [booking, acceptance])));
    expect(booked).not.toHaveProperty("history");
  });

  it("refuses a state or an event that is not the lifecycle's, naming the field", () => {
    const broken = {
      ...stateOf(run(before, [ev("booked", t(16), { meeting: slot }), ev("accepted", t(17))])),
      decision: undefined,
    };
    expect(() => evolve(broken as never, ev("opportunity_won", t(18)))).toThrow(
      /evolve expects a lifecycle state \(initialState, evolve, stateOf\): state\.decision is undefined/,
    );
    expect(() =>
      decide(initialState(), { ...ev("booked", t(16), { meeting: slot }), at: "2026-11-02" } as never, before),
    ).toThrow(/decide expects a parsed event \(parseHandoffEvent\): the event\.at is 2026-11-02, not a valid Date/);
    expect(() => decide({ status: "open" } as never, ev("booked", t(16), { meeting: slot }), before)).toThrow(
      /state\.status is open\)/,
    );
  });
});

describe("defineLifecycle", () => {
  it("refuses a duplicated or empty catalogue", () => {
    expect(() => defineLifecycle({ gate: "before_meeting", reasons: [] })).toThrow(/invalid_config/);
    const reason = { code: "x", label: "X", category: "other" as const, recycle: { action: "close" as const } };
    expect(() => defineLifecycle({ gate: "before_meeting", reasons: [reason, reason] })).toThrow(/reasons\[1\]\.code/);
  });
});
