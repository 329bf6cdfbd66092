// The scoreboard and the huddle count SLA cycles with slaOutcomes, which skips the measurements and the
// trace evaluateSla builds: a law holds it to evaluateSla's cycles (the same cycles, states, starts,
// deadlines, stops and cancels) for every built-in policy (every target kind, the meeting cap) and a
// pausing one, over generated histories on generated calendars in DST-heavy zones with holidays.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defineCalendar,
  defineSlaPolicy,
  HANDOFF_SLA_POLICIES,
  type CalendarSpec,
  type MeetingEvent,
} from "../../src/sla/index.js";
import { evaluateCheckedSla, slaOutcomes } from "../../src/sla/internal.js";
import { calendarCase } from "./calendar-arbitrary.js";

const HOUR = 3_600_000;
const pausing = defineSlaPolicy<MeetingEvent>({
  id: "pausing",
  label: "pausing",
  start: ["booked"],
  stop: ["accepted"],
  cancel: ["cancelled"],
  pause: ["paused"],
  resume: ["resumed"],
  target: { kind: "business_time", ms: 6 * HOUR, calendar: "ae" },
});
const POLICIES = [...HANDOFF_SLA_POLICIES, pausing];
const scenario = fc.constantFrom(...POLICIES).chain((policy) => {
  // The policy's own event types, and two it does not read (the cap reads a rescheduled meeting).
  const types = [...policy.start, ...policy.stop, ...policy.cancel, ...policy.pause, ...policy.resume];
  return calendarCase.chain(({ spec, at }) =>
    fc.record({
      calendar: fc.constant(defineCalendar(spec as CalendarSpec)),
      policy: fc.constant(policy),
      events: fc.array(
        fc.record({
          type: fc.constantFrom(...types, "rescheduled", "note"),
          // Mostly soon after the one before, some long after, a few before it: an out-of-order event
          // is an issue, left out by both.
          at: fc.oneof(fc.integer({ min: 0, max: 2 * HOUR }), fc.integer({ min: -2 * HOUR, max: 150 * HOUR })),
          meeting: fc.option(fc.integer({ min: -10 * HOUR, max: 200 * HOUR }), { nil: undefined }),
        }),
        { maxLength: 9 },
      ),
      start: fc.constant(at),
      now: fc.integer({ min: 0, max: 300 * HOUR }),
    }),
  );
});

describe("slaOutcomes", () => {
  it("gives evaluateSla's cycles, states and deadlines, without measuring them", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ calendar, policy, events, start, now }) => {
        let at = start;
        const history: MeetingEvent[] = events.map((event) => {
          at += event.at;
          return {
            type: event.type,
            at: new Date(at),
            ...(event.meeting === undefined ? {} : { meeting: { start: new Date(at + event.meeting) } }),
          };
        });
        const calendars = { ae: calendar, sdr: calendar };
        const compare = (events: readonly MeetingEvent[], nowMs: number) => {
          const evaluated = evaluateCheckedSla(events, policy, { nowMs, calendars });
          const full = evaluated.cycles.map((cycle) => ({
            state: cycle.state,
            startedAt: cycle.startedAt.getTime(),
            deadline: cycle.deadline.getTime(),
            stoppedAt: cycle.stoppedAt?.getTime(),
            cancelledAt: cycle.cancelledAt?.getTime(),
          }));
          const outcomes = slaOutcomes(events, policy, { nowMs, calendars });
          expect(outcomes).toEqual(full);
          for (const outcome of outcomes) seen.add(`${policy.target.kind} ${outcome.state}`);
          return evaluated.current;
        };
        const current = compare(history, start + now);
        // The boundary: answered at the very instant of the deadline is met, not breached.
        const deadline = current?.deadline.getTime();
        if (current?.state === "running" && deadline !== undefined && deadline >= at) {
          const stop = policy.stop[0] ?? "";
          compare([...history, { type: stop, at: new Date(deadline) }], deadline);
          seen.add("met at the deadline");
        }
      }),
      { numRuns: 1_500 },
    );
    // Every target kind came to each state a clock can be in.
    for (const kind of ["business_time", "calendar_time", "business_days", "same_business_day"])
      for (const state of ["met", "breached", "running", "cancelled"]) expect(seen).toContain(`${kind} ${state}`);
    expect(seen).toContain("business_time paused");
    expect(seen).toContain("met at the deadline");
  });
});
