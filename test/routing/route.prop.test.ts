// The public route's laws: a member out of office or off its calendar's hours is never assigned; the
// state round-trips through JSON without changing any later decision; a lead given back right after
// it was routed leaves every count as it was before.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineCalendar } from "../../src/sla/index.js";
import { creditBack, defineRouting, route, standing, type RoutingState } from "../../src/routing/index.js";

const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 6, 12); // Friday 6 March 2026: New York's clocks go forward on the 8th

const calendar = defineCalendar({
  timeZone: "America/New_York",
  week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]] },
  holidays: ["2026-03-10"],
});

const routingOf = (
  weights: readonly number[],
  strategy: "weighted" | "least_recent" | "lightest_load",
  ooo: readonly [number, number][],
  reset: "monthly" | "never" = "monthly",
) =>
  defineRouting({
    rules: [],
    fallback: "q",
    queues: [
      {
        id: "q",
        members: weights.map((weight, i) => ({ rep: `rep-${String(i)}`, weight })),
        strategy,
        timeZone: "America/New_York",
        reset,
        caps: { day: 6 },
      },
    ],
    availability: {
      "rep-0": {
        outOfOffice: ooo.map(([from, hours]) => ({ from: START + from * HOUR, to: START + (from + hours) * HOUR })),
      },
      "rep-1": { calendar },
    },
    seed: "laws",
  });

const scenario = fc.record({
  weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 5 }),
  strategy: fc.constantFrom("weighted" as const, "least_recent" as const, "lightest_load" as const),
  ooo: fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 60 })), { maxLength: 4 }),
  gaps: fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 80 }),
});

describe("route", () => {
  it("never assigns a member out of office or outside its calendar's hours, and says why it was passed over", () => {
    const seen = { ooo: 0, offHours: 0 };
    fc.assert(
      fc.property(scenario, ({ weights, strategy, ooo, gaps }) => {
        const routing = routingOf(weights, strategy, ooo);
        let state: RoutingState = { queues: {} };
        let at = START;
        for (const gap of gaps) {
          at += gap * 6 * 60_000;
          const result = route(state, { id: "l" }, routing, { now: at });
          state = result.state;
          // The member chosen was free for this lead: never among those passed over.
          expect(result.explanation.passed.map((entry) => entry.rep)).not.toContain(result.assignee);
          const inOoo = ooo.some(([from, hours]) => START + from * HOUR <= at && at < START + (from + hours) * HOUR);
          const local = new Intl.DateTimeFormat("en-US", {
            timeZone: "America/New_York",
            weekday: "short",
            hour: "numeric",
            hourCycle: "h23",
            day: "numeric",
          }).formatToParts(at);
          const part = (type: string) => local.find((p) => p.type === type)?.value ?? "";
          const hour = Number(part("hour"));
          const open =
            ["Mon", "Tue", "Wed", "Thu"].includes(part("weekday")) && part("day") !== "10" && hour >= 9 && hour < 17;
          if (inOoo) {
            seen.ooo += 1;
            expect(result.assignee).not.toBe("rep-0");
            expect(result.explanation.passed).toContainEqual({ rep: "rep-0", skipped: "out_of_office" });
          }
          if (!open) {
            seen.offHours += 1;
            expect(result.assignee).not.toBe("rep-1");
            expect(result.explanation.passed).toContainEqual({ rep: "rep-1", skipped: "off_hours" });
          }
        }
      }),
      { numRuns: 150, seed: 40 },
    );
    expect(seen.ooo).toBeGreaterThan(100);
    expect(seen.offHours).toBeGreaterThan(100);
  });

  it("decides the same from a state that went through JSON", () => {
    fc.assert(
      fc.property(scenario, ({ weights, strategy, ooo, gaps }) => {
        const routing = routingOf(weights, strategy, ooo);
        let state: RoutingState = { queues: {} };
        let copied: RoutingState = { queues: {} };
        let at = START;
        for (const gap of gaps) {
          at += gap * 6 * 60_000;
          const direct = route(state, { id: "l" }, routing, { now: at });
          const viaJson = route(copied, { id: "l" }, routing, { now: at });
          expect(viaJson.assignee).toBe(direct.assignee);
          expect(viaJson.explanation).toEqual(direct.explanation);
          state = direct.state;
          copied = JSON.parse(JSON.stringify(viaJson.state)) as RoutingState;
        }
      }),
      { numRuns: 100, seed: 41 },
    );
  });

  it("leaves every count as it was when a lead is given back right after it was routed", () => {
    let givenBack = 0;
    fc.assert(
      fc.property(scenario, ({ weights, strategy, ooo, gaps }) => {
        // Without a reset, so that the counts before a lead are those of its period.
        const routing = routingOf(weights, strategy, ooo, "never");
        let state: RoutingState = { queues: {} };
        let at = START;
        for (const gap of gaps) {
          at += gap * 6 * 60_000;
          const before = standing(state, routing, "q").map((member) => member.count);
          const result = route(state, { id: "l" }, routing, { now: at });
          if (result.assignee !== undefined && before.length > 0) {
            const back = creditBack(result.state, routing, { queue: "q", rep: result.assignee, takenAt: at });
            expect(standing(back, routing, "q").map((member) => member.count)).toEqual(before);
            givenBack += 1;
          }
          state = result.state;
        }
      }),
      { numRuns: 100, seed: 42 },
    );
    expect(givenBack).toBeGreaterThan(300);
  });
});
