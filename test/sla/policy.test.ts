import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR,
  AE_CONFIRMS_SAME_BUSINESS_DAY,
  AE_DECIDES_WITHIN_48_HOURS_OF_MEETING,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
  defineCalendar,
  defineSlaPolicy,
  evaluateSla,
  explainSla,
  hours,
  minutes,
  type SlaPolicySpec,
} from "../../src/sla/index.js";

const office: [string, string][] = [
  ["09:00", "12:00"],
  ["13:00", "17:00"],
];
const ae = defineCalendar({
  timeZone: "America/New_York",
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: [{ date: "2026-11-26", name: "Thanksgiving" }],
});
const calendars = { ae };
const at = (iso: string): Date => new Date(iso);
const booked = (iso: string, meeting: string) => ({ type: "booked", at: at(iso), meeting: { start: at(meeting) } });

describe("defineSlaPolicy", () => {
  const good: SlaPolicySpec = {
    id: "x",
    label: "X",
    start: ["a"],
    stop: ["b"],
    target: { kind: "business_time", ms: hours(1), calendar: "ae" },
  };

  it("fills defaults and freezes", () => {
    const policy = defineSlaPolicy(good);
    expect(policy.warnings).toEqual([0.5, 0.75]);
    expect(policy.pause).toEqual([]);
    expect(Object.isFrozen(policy) && Object.isFrozen(policy.start)).toBe(true);
  });

  it("keeps every list it is given, a cap and increasing warnings", () => {
    const cap = { label: "the meeting", at: () => undefined };
    const policy = defineSlaPolicy({
      ...good,
      start: ["a", "a"],
      cancel: ["c"],
      pause: ["p"],
      resume: ["r"],
      cap,
      warnings: [0.25, 0.9],
    });
    expect([policy.start, policy.stop, policy.cancel, policy.pause, policy.resume]).toEqual([
      ["a", "a"],
      ["b"],
      ["c"],
      ["p"],
      ["r"],
    ]);
    expect(policy.cap?.label).toBe("the meeting");
    expect(policy.warnings).toEqual([0.25, 0.9]);
  });

  it.each([
    [{ ...good, warnings: [0.5, 0.5] }, "warnings", "Warning fractions must increase"],
    [{ ...good, pause: ["hold"] }, "resume", "pause and resume come together"],
    [{ ...good, resume: ["unhold"] }, "pause", "pause and resume come together"],
    [{ ...good, stop: ["a"] }, "stop.0", '"a" is already a start event'],
  ])("says what is wrong with a bad spec, %#", (spec, path, message) => {
    const thrown = (() => {
      try {
        defineSlaPolicy(spec as SlaPolicySpec);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(HandoffKitError);
    expect((thrown as HandoffKitError).message).toContain("(defineSlaPolicy): ");
    expect((thrown as HandoffKitError).issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([
      path,
      message,
    ]);
  });

  it.each([
    [{ ...good, start: [] }, "start"],
    [{ ...good, target: { kind: "business_time", ms: 0, calendar: "ae" } }, "target.ms"],
    [{ ...good, target: { kind: "business_days", days: 1.5, calendar: "ae" } }, "target.days"],
    [{ ...good, target: { kind: "fortnights", n: 2 } }, "target.kind"],
    [{ ...good, warnings: [0.75, 0.5] }, "warnings"],
    [{ ...good, warnings: [1.2] }, "warnings.0"],
    [{ ...good, pause: ["hold"] }, "resume"],
    [{ ...good, stop: ["a"] }, "stop.0"],
    [{ ...good, cap: { label: "x", at: "tomorrow" } }, "cap.at"],
  ])("refuses a bad spec, naming %#", (spec, path) => {
    expect(() => defineSlaPolicy(spec as SlaPolicySpec)).toThrow(HandoffKitError);
    try {
      defineSlaPolicy(spec as SlaPolicySpec);
    } catch (error) {
      expect((error as HandoffKitError).code).toBe("invalid_config");
      expect((error as HandoffKitError).issues.map((issue) => issue.path.join("."))).toContain(path);
    }
  });
});

describe("AE accepts within one business day and before the meeting (the handoff-checklist article)", () => {
  it("met: booked Monday 10:05, accepted Tuesday 08:30 (deadline Tuesday 10:05)", () => {
    const evaluation = evaluateSla(
      [booked("2026-11-23T15:05:00Z", "2026-11-25T19:00:00Z"), { type: "accepted", at: at("2026-11-24T13:30:00Z") }],
      AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
      { now: at("2026-11-24T20:00:00Z"), calendars },
    );
    expect(evaluation.state).toBe("met");
    expect(evaluation.current?.deadline.toISOString()).toBe("2026-11-24T15:05:00.000Z");
    expect(evaluation.current?.remaining.calendar).toBe(hours(1) + minutes(35));
    // Monday 10:05-12:00 and 13:00-17:00, Tuesday 09:00-10:05: 7 hours of business time to spend.
    expect(evaluation.current?.elapsed.business).toBe(hours(5) + minutes(55) + minutes(0));
    expect(evaluation.current?.fractionUsed).toBeCloseTo((hours(5) + minutes(55)) / hours(7));
  });

  it("the meeting caps the deadline, and Thanksgiving is skipped", () => {
    const evaluation = evaluateSla(
      [booked("2026-11-25T20:30:00Z", "2026-11-27T14:30:00Z")],
      AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
      { now: at("2026-11-27T16:00:00Z"), calendars },
    );
    const cycle = evaluation.current;
    expect(cycle?.trace.baseDeadline.toISOString()).toBe("2026-11-27T20:30:00.000Z"); // Friday 15:30
    expect(cycle?.deadline.toISOString()).toBe("2026-11-27T14:30:00.000Z"); // the meeting, Friday 09:30
    expect(cycle?.trace.cap).toEqual({ label: "before the meeting", at: at("2026-11-27T14:30:00Z"), applied: true });
    expect(cycle?.trace.skipped).toEqual([{ date: "2026-11-26", kind: "holiday", name: "Thanksgiving" }]);
    expect(evaluation.state).toBe("breached");
    expect(cycle?.breachedAt?.toISOString()).toBe("2026-11-27T14:30:00.000Z");
  });

  it("a rescheduled meeting moves the cap", () => {
    const events = [
      booked("2026-11-23T15:05:00Z", "2026-11-23T20:00:00Z"),
      { type: "rescheduled", at: at("2026-11-23T16:00:00Z"), meeting: { start: at("2026-11-30T15:00:00Z") } },
    ];
    expect(
      evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
        now: at("2026-11-23T17:00:00Z"),
        calendars,
      }).current?.deadline.toISOString(),
    ).toBe("2026-11-24T15:05:00.000Z");
  });

  it("a breach is seen at once, not the next morning: business time stands still overnight", () => {
    const events = [booked("2026-11-23T15:05:00Z", "2026-11-30T15:00:00Z")];
    // Tuesday 10:06: one minute past the deadline, elapsed business time barely over the target.
    expect(
      evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now: at("2026-11-24T15:06:00Z"), calendars }).state,
    ).toBe("breached");
    expect(
      evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now: at("2026-11-24T15:05:00Z"), calendars }).state,
    ).toBe("running");
  });

  it("a recycled lead booked again starts a new cycle, keeping the old one", () => {
    const events = [
      booked("2026-11-02T15:00:00Z", "2026-11-04T15:00:00Z"),
      { type: "rejected", at: at("2026-11-02T18:00:00Z") },
      { type: "recycled", at: at("2026-11-03T15:00:00Z") },
      booked("2026-11-23T15:00:00Z", "2026-11-25T15:00:00Z"),
    ];
    const evaluation = evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
      now: at("2026-11-23T16:00:00Z"),
      calendars,
    });
    expect(evaluation.cycles.map((cycle) => cycle.state)).toEqual(["met", "running"]);
    expect(evaluation.state).toBe("running");
  });

  it("a cancelled meeting ends the clock unjudged", () => {
    const events = [
      booked("2026-11-23T15:00:00Z", "2026-11-25T15:00:00Z"),
      { type: "cancelled", at: at("2026-11-23T16:00:00Z") },
    ];
    const evaluation = evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
      now: at("2026-11-30T16:00:00Z"),
      calendars,
    });
    expect(evaluation.state).toBe("cancelled");
    expect(evaluation.current?.thresholds.every((threshold) => !threshold.reached)).toBe(true);
  });
});

describe("the other built-in policies", () => {
  it("AE acknowledges within one business hour: Monday 16:30 -> Tuesday 09:30", () => {
    const evaluation = evaluateSla(
      [
        { type: "booked", at: at("2026-11-23T21:30:00Z") },
        { type: "acknowledged", at: at("2026-11-24T14:20:00Z") },
      ],
      AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR,
      { now: at("2026-11-24T15:00:00Z"), calendars },
    );
    expect(evaluation.current?.deadline.toISOString()).toBe("2026-11-24T14:30:00.000Z");
    expect(evaluation.state).toBe("met");
    expect(evaluation.current?.thresholds.map((threshold) => threshold.at.toISOString())).toEqual([
      "2026-11-23T22:00:00.000Z",
      "2026-11-24T14:15:00.000Z",
    ]);
  });

  it("AE confirms the same business day: the day's close, across the lunch break", () => {
    const evaluation = evaluateSla(
      [{ type: "booked", at: at("2026-11-23T15:00:00Z") }],
      AE_CONFIRMS_SAME_BUSINESS_DAY,
      { now: at("2026-11-23T16:00:00Z"), calendars },
    );
    expect(evaluation.current?.deadline.toISOString()).toBe("2026-11-23T22:00:00.000Z");
    const afterHours = evaluateSla(
      [{ type: "booked", at: at("2026-11-25T23:00:00Z") }],
      AE_CONFIRMS_SAME_BUSINESS_DAY,
      { now: at("2026-11-26T16:00:00Z"), calendars },
    );
    // after hours Wednesday, Thursday a holiday
    expect(afterHours.current?.deadline.toISOString()).toBe("2026-11-27T22:00:00.000Z");
  });

  it("AE follows up within 48 hours, around the clock; a rejection cancels it", () => {
    const events = [
      { type: "booked", at: at("2026-11-20T22:00:00Z") },
      { type: "first_follow_up", at: at("2026-11-23T14:00:00Z") },
    ];
    const evaluation = evaluateSla(events, AE_FOLLOWS_UP_WITHIN_48_HOURS, { now: at("2026-11-24T00:00:00Z") });
    expect(evaluation.current?.deadline.toISOString()).toBe("2026-11-22T22:00:00.000Z");
    expect(evaluation.state).toBe("breached");
    expect(evaluation.current?.elapsed.calendar).toBe(hours(64));
    const rejected = evaluateSla(
      [events[0]!, { type: "rejected", at: at("2026-11-21T10:00:00Z") }],
      AE_FOLLOWS_UP_WITHIN_48_HOURS,
      { now: at("2026-11-24T00:00:00Z") },
    );
    expect(rejected.state).toBe("cancelled");
  });

  it("caps the acceptance clock at the latest meeting booked, a rescheduled one included", () => {
    // Booked Monday 23 November 10:00 New York for the 30th; rescheduled at 11:00 to 14:00 that day.
    // One business day would run to Tuesday 10:00; the meeting comes first.
    const events = [
      { type: "booked", at: at("2026-11-23T15:00:00Z"), meeting: { start: at("2026-11-30T15:00:00Z") } },
      { type: "rescheduled", at: at("2026-11-23T16:00:00Z"), meeting: { start: at("2026-11-23T19:00:00Z") } },
    ];
    const evaluation = evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
      now: at("2026-11-23T17:00:00Z"),
      calendars,
    });
    expect(evaluation.current?.trace.cap).toEqual({
      label: "before the meeting",
      at: at("2026-11-23T19:00:00Z"),
      applied: true,
    });
    expect(evaluation.current?.deadline).toEqual(at("2026-11-23T19:00:00Z"));
  });

  it("AE decides within 48 hours of the meeting (the 2027 handoff-process Q&A's gate)", () => {
    const evaluation = evaluateSla(
      [
        { type: "booked", at: at("2026-11-16T15:00:00Z") },
        { type: "meeting_held", at: at("2026-11-20T16:00:00Z") },
        { type: "accepted", at: at("2026-11-22T15:59:00Z") },
      ],
      AE_DECIDES_WITHIN_48_HOURS_OF_MEETING,
      { now: at("2026-11-24T00:00:00Z") },
    );
    expect(evaluation.state).toBe("met");
    expect(evaluation.current?.startedAt.toISOString()).toBe("2026-11-20T16:00:00.000Z");
  });
});

describe("pauses", () => {
  const policy = defineSlaPolicy({
    id: "reply",
    label: "Reply within 4 business hours",
    start: ["opened"],
    stop: ["replied"],
    pause: ["waiting"],
    resume: ["answered"],
    target: { kind: "business_time", ms: hours(4), calendar: "ae" },
  });

  it("move the deadline by the business time they overlap", () => {
    const events = [
      { type: "opened", at: at("2026-11-23T14:00:00Z") },
      { type: "waiting", at: at("2026-11-23T15:00:00Z") },
      { type: "answered", at: at("2026-11-23T19:00:00Z") },
    ];
    const evaluation = evaluateSla(events, policy, { now: at("2026-11-23T20:00:00Z"), calendars });
    // 10:00-14:00 New York holds 3 business hours (lunch is closed): the deadline moves from 14:00 to 17:00.
    expect(evaluation.current?.trace.pauses).toEqual([
      { from: at("2026-11-23T15:00:00Z"), to: at("2026-11-23T19:00:00Z"), added: hours(3) },
    ]);
    expect(evaluation.current?.deadline.toISOString()).toBe("2026-11-23T22:00:00.000Z");
    expect(evaluation.current?.elapsed.business).toBe(hours(2));
    expect(evaluation.current?.remaining.business).toBe(hours(2));
  });

  it("a clock paused now is paused, its deadline projected as if it resumed now", () => {
    const events = [
      { type: "opened", at: at("2026-11-23T14:00:00Z") },
      { type: "waiting", at: at("2026-11-23T15:00:00Z") },
    ];
    const evaluation = evaluateSla(events, policy, { now: at("2026-11-23T16:00:00Z"), calendars });
    expect(evaluation.state).toBe("paused");
    expect(evaluation.current?.deadline.toISOString()).toBe("2026-11-23T20:00:00.000Z");
  });
});

describe("bad events are issues, not crashes", () => {
  it("reports malformed, unknown, out-of-order and future events by index and leaves them out", () => {
    const events = [
      { type: "booked", at: at("2026-11-23T15:00:00Z") },
      { type: "", at: at("2026-11-23T15:01:00Z") },
      { type: "acknowledged", at: new Date("yesterday") }, // an Invalid Date: bad data, reported
      { type: "teleported", at: at("2026-11-23T15:02:00Z") },
      { type: "acknowledged", at: at("2026-11-23T14:00:00Z") },
      { type: "acknowledged", at: at("2030-01-01T00:00:00Z") },
      null,
    ] as never;
    const evaluation = evaluateSla(events, AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR, {
      now: at("2026-11-23T15:30:00Z"),
      calendars,
      eventTypes: ["booked", "acknowledged"],
    });
    expect(evaluation.issues.map((issue) => `${issue.path.join(".")} ${issue.code}`)).toEqual([
      "1.type invalid_event",
      "2.at invalid_event",
      "3.type unknown_event_type",
      "4.at out_of_order",
      "5.at after_now",
      "6 invalid_event",
    ]);
    expect(evaluation.state).toBe("running");
  });

  it("throws for misuse: a business target without its calendar, an invalid now", () => {
    expect(() =>
      evaluateSla([], AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR, { now: at("2026-11-23T15:00:00Z") }),
    ).toThrow(/invalid_config.*"ae"/);
    expect(() => evaluateSla([], AE_FOLLOWS_UP_WITHIN_48_HOURS, { now: Number.NaN })).toThrow(/invalid_instant/);
  });

  it("no start event yet: not_started", () => {
    const evaluation = evaluateSla([{ type: "acknowledged", at: 0 }], AE_FOLLOWS_UP_WITHIN_48_HOURS, { now: 1 });
    expect(evaluation).toMatchObject({ state: "not_started", cycles: [], current: undefined });
  });
});

describe("explainSla", () => {
  it("explains the deadline: target, skipped days, cap, outcome", () => {
    const text = explainSla(
      evaluateSla([booked("2026-11-25T20:30:00Z", "2026-11-27T14:30:00Z")], AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
        now: at("2026-11-27T16:00:00Z"),
        calendars,
      }),
    );
    expect(text.split("\n")).toEqual([
      "AE accepts or rejects within one business day of booking, and before the meeting " +
        "[ae-accepts-within-one-business-day]: breached",
      "cycle 1: started 2026-11-25 15:30 (America/New_York)",
      '  target: 1 business day on the "ae" calendar, reached 2026-11-27 15:30',
      "  counted: 2026-11-25 15:30-17:00, 2026-11-27 09:00-09:30 (2 h open)",
      "  skipped: 2026-11-26 holiday (Thanksgiving)",
      "  capped before the meeting at 2026-11-27 09:30 (earlier than the target: applied)",
      "  deadline: 2026-11-27 09:30",
      "  breached at 2026-11-27 09:30, still open",
      "  warnings: 50% at 2026-11-25 16:30, 75% at 2026-11-25 17:00",
    ]);
  });

  it("shows instants in the reader's zone when asked", () => {
    const text = explainSla(
      evaluateSla([{ type: "booked", at: at("2026-11-20T22:00:00Z") }], AE_FOLLOWS_UP_WITHIN_48_HOURS, {
        now: at("2026-11-21T00:00:00Z"),
      }),
      { timeZone: "Asia/Kolkata" },
    );
    expect(text).toContain("started 2026-11-21 03:30 (Asia/Kolkata)");
    expect(text).toContain("running: 46 h left, 4% used");
  });
});
