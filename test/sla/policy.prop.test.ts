import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defineCalendar,
  defineSlaPolicy,
  evaluateSla,
  type CalendarSpec,
  type SlaTarget,
} from "../../src/sla/index.js";
import { calendarCase } from "./calendar-arbitrary.js";

const HOUR = 3_600_000;
const policyWith = (target: SlaTarget) =>
  defineSlaPolicy({
    id: "law",
    label: "law",
    start: ["start"],
    stop: ["stop"],
    pause: ["pause"],
    resume: ["resume"],
    target,
  });

const targets = (small: number, large: number, days: [number, number]): [SlaTarget, SlaTarget][] => [
  [
    { kind: "business_time", ms: small, calendar: "c" },
    { kind: "business_time", ms: large, calendar: "c" },
  ],
  [
    { kind: "calendar_time", ms: small },
    { kind: "calendar_time", ms: large },
  ],
  [
    { kind: "business_days", days: days[0], calendar: "c" },
    { kind: "business_days", days: days[1], calendar: "c" },
  ],
];

const scenario = calendarCase.chain(({ spec, at }) =>
  fc.record({
    calendar: fc.constant(defineCalendar(spec as CalendarSpec)),
    start: fc.constant(at),
    sizes: fc
      .tuple(fc.integer({ min: 1, max: 200 * HOUR }), fc.integer({ min: 1, max: 200 * HOUR }))
      .map(([a, b]): readonly [number, number] => (a <= b ? [a, b] : [b, a])),
    days: fc
      .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }))
      .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a])),
    pause: fc.tuple(fc.integer({ min: 0, max: 100 * HOUR }), fc.integer({ min: 0, max: 50 * HOUR })),
    now: fc.integer({ min: 0, max: 400 * HOUR }),
    stop: fc.option(fc.integer({ min: 0, max: 300 * HOUR }), { nil: undefined }),
  }),
);

describe("SLA clock laws", () => {
  it("deadlines never move earlier as targets grow", () => {
    fc.assert(
      fc.property(scenario, ({ calendar, start, sizes, days, now }) => {
        for (const [smaller, larger] of targets(sizes[0], sizes[1], days)) {
          const events = [{ type: "start", at: start }];
          const a = evaluateSla(events, policyWith(smaller), { now: start + now, calendars: { c: calendar } }).current;
          const b = evaluateSla(events, policyWith(larger), { now: start + now, calendars: { c: calendar } }).current;
          expect(b?.deadline.getTime()).toBeGreaterThanOrEqual(a?.deadline.getTime() ?? Number.NaN);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("deadlines never move earlier when a pause is added", () => {
    fc.assert(
      fc.property(scenario, ({ calendar, start, sizes, pause: [offset, length], now }) => {
        const policy = policyWith({ kind: "business_time", ms: sizes[0], calendar: "c" });
        const at = start + 500 * HOUR;
        const plain = evaluateSla([{ type: "start", at: start }], policy, {
          now: at,
          calendars: { c: calendar },
        }).current;
        const withPause = evaluateSla(
          [
            { type: "start", at: start },
            { type: "pause", at: start + offset },
            { type: "resume", at: start + offset + length },
          ],
          policy,
          { now: Math.max(at, start + now), calendars: { c: calendar } },
        ).current;
        expect(withPause?.deadline.getTime()).toBeGreaterThanOrEqual(plain?.deadline.getTime() ?? Number.NaN);
      }),
      { numRuns: 200 },
    );
  });

  it("a stopped clock is met exactly when stopped by the deadline; thresholds come in order, by the deadline", () => {
    fc.assert(
      fc.property(scenario, ({ calendar, start, sizes, now, stop }) => {
        const events = [
          { type: "start", at: start },
          ...(stop === undefined ? [] : [{ type: "stop", at: start + stop }]),
        ];
        const evaluation = evaluateSla(events, policyWith({ kind: "business_time", ms: sizes[0], calendar: "c" }), {
          now: start + Math.max(now, stop ?? 0),
          calendars: { c: calendar },
        });
        const cycle = evaluation.current;
        if (cycle === undefined) throw new Error("no cycle");
        if (cycle.stoppedAt !== undefined)
          expect(cycle.state === "met").toBe(cycle.stoppedAt.getTime() <= cycle.deadline.getTime());
        else expect(cycle.state === "breached").toBe(start + now > cycle.deadline.getTime());
        const times = cycle.thresholds.map((threshold) => threshold.at.getTime());
        expect(times).toEqual([...times].sort((x, y) => x - y));
        for (const time of times) expect(time).toBeLessThanOrEqual(cycle.deadline.getTime());
        expect(cycle.fractionUsed).toBeGreaterThanOrEqual(0);
        expect(cycle.elapsed.business).toBeLessThanOrEqual(cycle.elapsed.calendar);
      }),
      { numRuns: 300 },
    );
  });
});
