import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedEvents,
  applyEvent,
  defineLifecycle,
  HANDOFF_EVENT_TYPES,
  handoffSchema,
  openGate,
  replay,
  stateOf,
  summarize,
  type Handoff,
  type HandoffEvent,
  type HandoffStatus,
  type LifecycleConfig,
} from "../../src/handoff/index.js";
import { handoffInput } from "../fixtures/handoff.js";
import { referenceSummary } from "./summarize-reference.js";

const base: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
const START = Date.UTC(2026, 10, 2);
const HOUR = 3_600_000;
const ALLOWED = new Set(["draft>booked", "booked>accepted", "booked>rejected", "rejected>recycled", "recycled>booked", "accepted>won", "accepted>lost"]);

const payloads: Record<HandoffEvent["type"], (at: number) => object> = {
  booked: (at) => ({ meeting: { start: new Date(at + 48 * HOUR), end: new Date(at + 49 * HOUR) } }),
  intro_sent: () => ({}),
  acknowledged: () => ({}),
  accepted: () => ({ amount: 10_000 }),
  rejected: () => ({ reason: "timing", note: "Budget opens in April 2027" }),
  meeting_held: () => ({}),
  no_show: () => ({}),
  rescheduled: (at) => ({ meeting: { start: new Date(at + 72 * HOUR), end: new Date(at + 73 * HOUR) } }),
  cancelled: () => ({}),
  first_follow_up: () => ({}),
  quality_rated: () => ({ score: 3, note: "Pain real, buyer unknown" }),
  recycled: (at) => ({ reason: "timing", nextTouchAt: new Date(at + 30 * 24 * HOUR) }),
  reassigned: () => ({ role: "ae", to: "ae-iris" }),
  opportunity_won: () => ({ amount: 10_000 }),
  opportunity_lost: () => ({ reason: "pricing" }),
};

/**
 * Walks of up to 40 steps. Most steps pick one of the events `allowedEvents` offers (so walks reach
 * acceptance, recycling, second cycles and closed opportunities); the rest pick any type, and some
 * redeliver the previous event.
 */
const walk = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 9 }), fc.integer({ min: 0, max: 6 * HOUR })), { maxLength: 40 });

function eventsFor(steps: readonly [number, number, number][], rules: LifecycleConfig): HandoffEvent[] {
  let handoff = base;
  let at = START;
  const events: HandoffEvent[] = [];
  steps.forEach(([pick, mode, gap], index) => {
    const previous = events.at(-1);
    if (mode === 0 && previous !== undefined) {
      events.push(previous);
      return;
    }
    const offered = allowedEvents(handoff, rules);
    const type = mode <= 2 || offered.length === 0 ? HANDOFF_EVENT_TYPES[pick % HANDOFF_EVENT_TYPES.length] : offered[pick % offered.length];
    if (type === undefined) return;
    at += gap;
    const event = { id: `e${String(index)}`, type, at: new Date(at), by: "ae-omar", ...payloads[type](at) } as HandoffEvent;
    events.push(event);
    const result = applyEvent(handoff, event, rules);
    if (result.ok) handoff = result.handoff;
  });
  return events;
}

const sequence = (rules: LifecycleConfig) => walk.map((steps) => eventsFor(steps, rules));

const config = fc.constantFrom(
  defineLifecycle({ gate: "before_meeting", bookingGate: openGate }),
  defineLifecycle({ gate: "after_meeting", bookingGate: openGate }),
  defineLifecycle({ gate: "either", bookingGate: openGate }),
);

describe("lifecycle laws", () => {
  it("summarize's one-pass fold agrees with the lifecycle's state on every history, shuffled or not", () => {
    fc.assert(
      fc.property(
        config.chain((rules) => fc.tuple(sequence(rules).chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))), fc.constant(rules))),
        fc.constantFrom("sdr", "ae"),
        ([[events, shuffled], rules], reassigned) => {
          for (const history of [events, shuffled]) {
            const handoff: Handoff = { ...base, events: history.map((event) => (event.type === "reassigned" ? { ...event, role: reassigned } : event)) };
            expect(summarize(handoff, rules)).toEqual(referenceSummary(handoff, rules));
            expect(summarize(handoff)).toEqual(referenceSummary(handoff));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("no sequence reaches a state or a transition the table forbids; cycles only grow", () => {
    fc.assert(
      fc.property(config.chain((rules) => fc.tuple(sequence(rules), fc.constant(rules))), ([events, rules]) => {
        let handoff = base;
        let previous: { status: HandoffStatus; cycle: number } = { status: "draft", cycle: 0 };
        for (const event of events) {
          const result = applyEvent(handoff, event, rules);
          if (!result.ok) continue;
          handoff = result.handoff;
          const { state } = result;
          if (state.status !== previous.status) expect(ALLOWED.has(`${previous.status}>${state.status}`), `${previous.status}>${state.status}`).toBe(true);
          expect(state.cycle).toBeGreaterThanOrEqual(previous.cycle);
          expect(state.cycle).toBe(state.history.filter((e) => e.type === "booked").length);
          expect(state.status === "draft").toBe(state.cycle === 0);
          if (state.status === "won" || state.status === "lost" || state.status === "accepted") expect(state.decision?.kind).toBe("accepted");
          if (state.status === "rejected" || state.status === "recycled") expect(state.decision?.kind).toBe("rejected");
          if (state.quality !== undefined) expect(state.history.some((e) => e.type === "meeting_held")).toBe(true);
          previous = state;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("replay is deterministic, and equals applying the events one by one", () => {
    fc.assert(
      fc.property(config.chain((rules) => fc.tuple(sequence(rules), fc.constant(rules))), ([events, rules]) => {
        const first = replay(events, rules, base);
        expect(replay(events, rules, base)).toEqual(first);
        let handoff = base;
        for (const event of events.slice(0, first.stoppedAt ?? events.length)) {
          const result = applyEvent(handoff, event, rules);
          if (!result.ok) throw new Error(result.refusal.message);
          handoff = result.handoff;
        }
        expect(stateOf(handoff, rules).history).toEqual(first.state.history);
      }),
      { numRuns: 300 },
    );
  });

  it("a duplicate changes nothing, and a refusal leaves the handoff as it was", () => {
    fc.assert(
      fc.property(config.chain((rules) => fc.tuple(sequence(rules), fc.constant(rules))), ([events, rules]) => {
        let handoff = base;
        for (const event of events) {
          const snapshot = structuredClone(handoff);
          const result = applyEvent(handoff, event, rules);
          expect(handoff).toEqual(snapshot);
          if (!result.ok) continue;
          const again = applyEvent(result.handoff, event, rules);
          expect(again.ok && again.duplicate).toBe(true);
          expect(again.ok && again.handoff).toBe(result.handoff);
          handoff = result.handoff;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the walks reach every status", () => {
  it("over a sample of walks, every status and second cycles occur", () => {
    const rules = defineLifecycle({ gate: "either", bookingGate: openGate });
    const seen = new Set<string>();
    for (const events of fc.sample(sequence(rules), { numRuns: 300, seed: 42 })) {
      const { state } = replay(events.filter((event, i) => events.findIndex((other) => other.id === event.id) === i), rules, base);
      seen.add(state.status);
      for (const event of state.history) seen.add(event.type);
      if (state.cycle >= 2) seen.add("second_cycle");
    }
    for (const expected of ["draft", "booked", "accepted", "rejected", "recycled", "won", "lost", "second_cycle", "quality_rated", "rescheduled"]) expect(seen, expected).toContain(expected);
  });
});
