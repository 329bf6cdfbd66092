// Corrections, any delivery order and repeated deliveries (issue "Lifecycle as a decider"), each with
// the history a CRM sends and the expected row worked out by hand beside it.
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  defineLifecycle,
  openGate,
  replay,
  stateOf,
  summarize,
  type Handoff,
} from "../../src/handoff/index.js";
import { parseHandoff } from "../../src/handoff/parse.js";
import { scoreboard } from "../../src/metrics/index.js";
import { defineSlaPolicy, hours } from "../../src/sla/index.js";
import { handoffInput } from "../fixtures/handoff.js";

const NOW = new Date("2026-12-01T12:00:00Z");
const slot = { start: "2026-11-05T15:00:00Z", end: "2026-11-05T15:30:00Z" };
const booked = { id: "b", type: "booked", at: "2026-11-02T16:00:00Z", meeting: slot };
const NOTE = "Budget opens in April 2027, after their CRM migration";

/** The fixture handoff with these events (actors filled in), parsed. */
function record(events: readonly Record<string, unknown>[]): Handoff {
  const parsed = parseHandoff({ ...handoffInput(), events: events.map((event) => ({ by: "ae-omar", ...event })) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe("corrections: the corrected fact counts, the first response keeps its time", () => {
  it(
    "a no-show marked held afterwards (Calendly's invitee_no_show.deleted, " +
      "HubSpot's NO_SHOW edited to COMPLETED) is a held meeting",
    () => {
      const handoff = record([
        booked,
        { id: "n", type: "no_show", at: "2026-11-05T15:40:00Z" },
        { id: "h", type: "meeting_held", at: "2026-11-05T18:00:00Z" },
      ]);
      expect(summarize(handoff)).toMatchObject({ meetingStatus: "held", corrections: 1, skippedEvents: 0 });
      const board = scoreboard([handoff], { now: NOW });
      // One meeting, held: held 1 of 1, no-shows 0 of 1.
      expect(board.overall.heldRate).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
      expect(board.overall.noShowRate).toMatchObject({ value: 0, numerator: 0 });
    },
  );

  it(
    "an AE reverses a rejection after a call with the SDR: " +
      "accepted, decided when the rejection came, and the reversal needs a note",
    () => {
      const rejected = { id: "r", type: "rejected", at: "2026-11-03T09:00:00Z", reason: "timing", note: NOTE };
      const reversal = {
        id: "a",
        type: "accepted",
        at: "2026-11-04T11:00:00Z",
        amount: 30_000,
        note: "Call with Ana: the budget was approved on Nov 3",
      };
      const row = summarize(record([booked, rejected, reversal]));
      expect(row).toMatchObject({
        status: "accepted",
        decision: "accepted",
        decidedAt: new Date("2026-11-03T09:00:00Z"),
        reason: undefined,
        acceptedAmount: 30_000,
        corrections: 1,
      });
      const { note: _note, ...unexplained } = reversal;
      const refused = replay(
        [booked, rejected, unexplained].map((event) => ({ by: "ae-omar", ...event })),
        defineLifecycle({ gate: "either", bookingGate: openGate }),
      );
      expect(refused).toMatchObject({
        refusal: { code: "unexplained_reversal", eventId: "a" },
        stoppedAt: 2,
        notApplied: 1,
      });
      expect(refused.state.status).toBe("rejected");
    },
  );

  it(
    "the SLA clock reads the first response: a rejection within 4 hours, " +
      "corrected to an acceptance a day later, met the promise",
    () => {
      const policy = defineSlaPolicy({
        id: "decide-4h",
        label: "Decide within 4 hours of booking",
        start: ["booked"],
        stop: ["accepted", "rejected"],
        target: { kind: "calendar_time", ms: hours(4) },
      });
      const handoff = record([
        booked,
        { id: "r", type: "rejected", at: "2026-11-02T18:00:00Z", reason: "timing", note: NOTE },
        { id: "a", type: "accepted", at: "2026-11-03T18:00:00Z", note: "Budget approved, see call notes of Nov 3" },
      ]);
      const board = scoreboard([handoff], { now: NOW, policies: [policy] });
      // Booked 16:00, first decision 18:00: 2 hours of 4, met.
      expect(board.overall.slaCompliance[0]).toMatchObject({ met: 1, breached: 0 });
      expect(board.overall.acceptanceRate).toMatchObject({ numerator: 1, denominator: 1 });
    },
  );

  it("amounts and ratings given again replace the earlier ones; the outcome keeps its first date", () => {
    const handoff = record([
      booked,
      { id: "a1", type: "accepted", at: "2026-11-03T09:00:00Z", amount: 10_000, currency: "USD" },
      { id: "m", type: "meeting_held", at: "2026-11-05T15:30:00Z" },
      { id: "q1", type: "quality_rated", at: "2026-11-05T16:00:00Z", score: 2, note: "Buyer unknown" },
      {
        id: "q2",
        type: "quality_rated",
        at: "2026-11-05T17:00:00Z",
        score: 4,
        note: "The CFO joined late: buyer confirmed",
      },
      { id: "a2", type: "accepted", at: "2026-11-06T09:00:00Z", amount: 25_000, currency: "USD" },
      { id: "w1", type: "opportunity_won", at: "2026-11-20T09:00:00Z", amount: 24_000 },
      { id: "w2", type: "opportunity_won", at: "2026-11-21T09:00:00Z", amount: 26_500 },
    ]);
    expect(summarize(handoff)).toMatchObject({
      status: "won",
      decidedAt: new Date("2026-11-03T09:00:00Z"),
      acceptedAmount: 25_000,
      quality: 4,
      wonAmount: 26_500,
      closedAt: new Date("2026-11-20T09:00:00Z"),
      corrections: 3,
    });
    expect(scoreboard([handoff], { now: NOW }).overall.pipelineAmount.all).toBe(25_000);
  });

  it("a fact repeated as it stands is no correction; a rejection given again with another reason is one", () => {
    const held = { id: "h1", type: "meeting_held", at: "2026-11-05T15:30:00Z" };
    const rejected = { id: "r1", type: "rejected", at: "2026-11-03T12:00:00Z", reason: "timing", note: NOTE };
    expect(summarize(record([booked, held, { ...held, id: "h2", at: "2026-11-05T16:00:00Z" }]))).toMatchObject({
      meetingStatus: "held",
      corrections: 0,
    });
    expect(summarize(record([booked, rejected, { ...rejected, id: "r2", at: "2026-11-03T13:00:00Z" }]))).toMatchObject({
      reason: "timing",
      corrections: 0,
    });
    expect(
      summarize(record([booked, rejected, { ...rejected, id: "r2", at: "2026-11-03T13:00:00Z", reason: "no_budget" }])),
    ).toMatchObject({ reason: "no_budget", decidedAt: new Date("2026-11-03T12:00:00Z"), corrections: 1 });
  });

  it("a meeting may go ahead after a rejection: its outcome is recorded", () => {
    const row = summarize(
      record([
        booked,
        { id: "r1", type: "rejected", at: "2026-11-03T12:00:00Z", reason: "timing", note: NOTE },
        { id: "h1", type: "meeting_held", at: "2026-11-05T15:30:00Z" },
      ]),
    );
    expect(row).toMatchObject({ status: "rejected", meetingStatus: "held", skippedEvents: 0, corrections: 0 });
  });

  it("a closed handoff takes a correction of its own outcome only", () => {
    const handoff = record([
      booked,
      { id: "a", type: "accepted", at: "2026-11-03T09:00:00Z" },
      { id: "l", type: "opportunity_lost", at: "2026-11-20T09:00:00Z" },
      { id: "w", type: "opportunity_won", at: "2026-11-21T09:00:00Z" },
    ]);
    expect(summarize(handoff)).toMatchObject({
      status: "lost",
      skippedEvents: 1,
      firstSkipped: { index: 3, id: "w", type: "opportunity_won", rule: "the handoff is closed (lost)" },
    });
  });
});

describe("any order, any number of deliveries", () => {
  it("events arriving out of order fold in time order, and the late ones are counted", () => {
    // Delivered: accepted (Nov 3), booked (Nov 2), acknowledged (Nov 2, 17:00). Two arrived late.
    const handoff = record([
      { id: "a", type: "accepted", at: "2026-11-03T09:00:00Z" },
      booked,
      { id: "k", type: "acknowledged", at: "2026-11-02T17:00:00Z" },
    ]);
    expect(summarize(handoff)).toMatchObject({
      status: "accepted",
      acknowledgedAt: new Date("2026-11-02T17:00:00Z"),
      lateEvents: 2,
      duplicateEvents: 0,
      skippedEvents: 0,
    });
    const strict = defineLifecycle({ gate: "either", bookingGate: openGate, order: "strict" });
    // In strict order the acceptance comes first, on a draft, and is refused; the booking applies, then
    // the acknowledgement (after the booking, the last applied event).
    expect(summarize(handoff, strict)).toMatchObject({
      status: "booked",
      acknowledgedAt: new Date("2026-11-02T17:00:00Z"),
      skippedEvents: 1,
      firstSkipped: { index: 0, type: "accepted" },
    });
    // An acknowledgement dated before the booking it follows is out of order.
    const early = record([booked, { id: "k", type: "acknowledged", at: "2026-11-02T15:00:00Z" }]);
    expect(summarize(early, strict)).toMatchObject({
      skippedEvents: 1,
      firstSkipped: { index: 1, rule: "it is dated before the event applied before it" },
    });
  });

  it("a webhook delivered three times counts once; a dedupe key recognises copies without stable ids", () => {
    const ack = { id: "k", type: "acknowledged", at: "2026-11-02T17:00:00Z" };
    const handoff = record([booked, ack, ack, { id: "a", type: "accepted", at: "2026-11-03T09:00:00Z" }, ack]);
    expect(summarize(handoff)).toMatchObject({
      status: "accepted",
      duplicateEvents: 2,
      lateEvents: 0,
      skippedEvents: 0,
    });
    const copies = record([booked, { ...ack, id: "k1" }, { ...ack, id: "k2" }]);
    const byContent = defineLifecycle({
      gate: "either",
      bookingGate: openGate,
      dedupeKey: (event) => `${event.type}@${event.at.toISOString()}`,
    });
    expect(summarize(copies, byContent).duplicateEvents).toBe(1);
    expect(summarize(copies).duplicateEvents).toBe(0);
  });

  it("ties in time go by seq, then the lifecycle's order of types, then id", () => {
    const second = "2026-11-05T15:40:00Z";
    // Without seq: meeting_held comes before no_show in the type order, so the no-show stands.
    expect(
      summarize(
        record([booked, { id: "1", type: "no_show", at: second }, { id: "2", type: "meeting_held", at: second }]),
      ).meetingStatus,
    ).toBe("no_show");
    // With seq, the source's order stands: no_show (seq 1), then meeting_held (seq 2) corrects it.
    expect(
      summarize(
        record([
          booked,
          { id: "1", type: "no_show", at: second, seq: 1 },
          { id: "2", type: "meeting_held", at: second, seq: 2 },
        ]),
      ).meetingStatus,
    ).toBe("held");
    // Same second, delivered accepted first: the booking still comes first.
    expect(
      summarize(
        record([
          { id: "z", type: "accepted", at: booked.at },
          { ...booked, id: "y" },
        ]),
      ).status,
    ).toBe("accepted");
  });

  it("applyEvent folds a late arrival at its time, and refuses one that would break the recorded history", () => {
    const rules = defineLifecycle({ gate: "either", bookingGate: openGate });
    const handoff = record([booked, { id: "a", type: "accepted", at: "2026-11-03T09:00:00Z" }]);
    // A rejection dated between the booking and the acceptance would make the acceptance a reversal without a note.
    const result = applyEvent(
      handoff,
      { id: "r", type: "rejected", at: new Date("2026-11-02T20:00:00Z"), by: "ae-omar", reason: "timing", note: NOTE },
      rules,
    );
    expect(result.ok ? "applied" : result.refusal).toMatchObject({
      code: "invalid_history",
      eventId: "a",
      cause: { code: "unexplained_reversal" },
    });
    const early = applyEvent(
      handoff,
      { id: "k", type: "acknowledged", at: new Date("2026-11-02T17:00:00Z"), by: "ae-omar" },
      rules,
    );
    expect(early.ok && early.state).toMatchObject({
      status: "accepted",
      acknowledgedAt: new Date("2026-11-02T17:00:00Z"),
    });
    expect(early.ok && early.handoff.events.map((event) => event.id)).toEqual(["b", "a", "k"]);
    expect(stateOf(handoff).status).toBe("accepted");
  });
});
