import { describe, expect, it } from "vitest";
import {
  defineCalendar,
  defineSlaPolicy,
  evaluateSla,
  hours,
  type SlaEvent,
  type SlaPolicySpec,
} from "../../src/sla/index.js";
import { refusal } from "../fixtures/refusal.js";

// evaluateSla on the cases its other tests pass by: every kind of bad event and what it is told, a
// cycle after a cancel, pauses that touch, end after the deadline or have no length, a deadline with
// no time in it, the cap's edges and the trace's limits. The calendar is UTC, Monday to Friday
// 09:00-17:00, so every expected instant is counted on the clock; 2026-11-23 is a Monday.

const nineToFive: [string, string][] = [["09:00", "17:00"]];
const ae = defineCalendar({
  timeZone: "UTC",
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
});
const calendars = { ae };
const at = (iso: string): Date => new Date(iso);
const mon = (time: string): Date => at(`2026-11-23T${time}:00Z`);
const iso = (date: Date | undefined): string | undefined => date?.toISOString();

const spec: SlaPolicySpec = {
  id: "accept",
  label: "Accept within 4 business hours",
  start: ["booked"],
  stop: ["accepted"],
  cancel: ["cancelled"],
  pause: ["hold"],
  resume: ["unhold"],
  target: { kind: "business_time", ms: hours(4), calendar: "ae" },
};
const policy = defineSlaPolicy(spec);
const event = (type: string, when: Date, extra: object = {}): SlaEvent => ({ type, at: when, ...extra });

describe("bad events", () => {
  it("are each reported at their index with what is wrong, and left out", () => {
    const events = [
      null,
      5,
      { type: "", at: mon("09:00") },
      { type: 7, at: mon("09:00") },
      { type: "booked", at: 9e15 },
      event("booked", mon("10:00")),
      event("zzz", mon("10:30")),
      event("accepted", mon("09:30")),
      // At the same instant as the event before it: in order.
      event("accepted", mon("10:00")),
      event("booked", mon("13:00")),
    ] as unknown as SlaEvent[];
    const evaluation = evaluateSla(events, policy, {
      now: mon("12:00"),
      calendars,
      eventTypes: ["booked", "accepted", "cancelled", "hold", "unhold"],
    });
    const object = "An event must be an object with a type and an instant";
    const type = "An event's type must be a non-empty string";
    expect(evaluation.issues.map(({ code, path, message }) => [code, path, message])).toEqual([
      ["invalid_event", [0], object],
      ["invalid_event", [1], object],
      ["invalid_event", [2, "type"], type],
      ["invalid_event", [3, "type"], type],
      [
        "invalid_event",
        [4, "at"],
        "An event's instant must be a valid Date or epoch milliseconds within the Date range",
      ],
      ["unknown_event_type", [6, "type"], 'Unknown event type "zzz"'],
      ["out_of_order", [7, "at"], "The event is earlier than the one before it"],
      ["after_now", [9, "at"], "The event is after the evaluation time"],
    ]);
    expect(
      evaluation.cycles.map((cycle) => [
        cycle.state,
        iso(cycle.startedAt),
        iso(cycle.stoppedAt),
        cycle.elapsed.business,
      ]),
    ).toEqual([["met", "2026-11-23T10:00:00.000Z", "2026-11-23T10:00:00.000Z", 0]]);
  });

  it("a clock with no deadline is reported where it started and left out", () => {
    // Open only on one holiday afternoon: a clock started after it never reaches its target.
    const once = defineCalendar({
      timeZone: "UTC",
      week: {},
      holidays: [{ date: "2026-11-23", hours: [["13:00", "15:00"]] }],
    });
    const evaluation = evaluateSla([event("hold", mon("08:00")), event("booked", mon("16:00"))], policy, {
      now: mon("17:00"),
      calendars: { ae: once },
    });
    expect(evaluation.cycles).toEqual([]);
    expect(evaluation.state).toBe("not_started");
    expect(evaluation.issues.map(({ code, path }) => [code, path])).toEqual([["no_deadline", [1]]]);
    expect(evaluation.issues[0]?.message).toMatch(
      /^The clock started here has no deadline: .+; the cycle is left out$/u,
    );
  });

  it("misuse is refused with what to do", () => {
    expect(
      refusal(() => evaluateSla([{ type: "booked", at: "2026-11-23T09:00:00Z" } as never], policy, { now: 0 })),
    ).toBe(
      "invalid_argument (evaluateSla expects instants as Date or epoch milliseconds: events[0].at is a string; " +
        "parse the events first (parseHandoff, parseHandoffEvent))",
    );
    expect(refusal(() => evaluateSla([], policy, null as never))).toBe(
      "invalid_argument (evaluateSla: options must be an object: null)",
    );
    expect(refusal(() => evaluateSla([], policy, { now: Number.NaN, calendars }))).toBe(
      "invalid_instant (evaluateSla: options.now: NaN)",
    );
    expect(refusal(() => evaluateSla([], { id: "x" } as never, { now: mon("12:00"), calendars }))).toBe(
      "invalid_argument (evaluateSla: the policy must be a policy made by defineSlaPolicy (or a built-in one): " +
        "start is undefined, not a list of event types)",
    );
  });

  it("a policy built by hand or read back from storage is refused at the part an evaluation would trip on", () => {
    const refused = (changes: Record<string, unknown>): string =>
      refusal(() => evaluateSla([], { ...policy, ...changes }, { now: mon("12:00"), calendars }));
    const prefix =
      "invalid_argument (evaluateSla: the policy must be a policy made by defineSlaPolicy (or a built-in one): ";
    expect(refusal(() => evaluateSla([], null as never, { now: mon("12:00"), calendars }))).toBe(
      `${prefix}it is null)`,
    );
    expect(refused({ id: 7 })).toBe(`${prefix}id is 7)`);
    expect(refused({ stop: 0 })).toBe(`${prefix}stop is 0, not a list of event types)`);
    expect(refused({ resume: ["resumed", 1] })).toBe(`${prefix}resume[1] is 1, not a string)`);
    expect(refused({ warnings: undefined })).toBe(`${prefix}warnings is undefined, not a list of fractions)`);
    expect(refused({ warnings: ["half"] })).toBe(`${prefix}warnings[0] is half, not a number)`);
    expect(refused({ cap: { label: "before the meeting" } })).toBe(`${prefix}cap is an object, not { label, at })`);
    expect(refused({ cap: { at: () => undefined } })).toBe(`${prefix}cap is an object, not { label, at })`);
    expect(refused({ target: "1h" })).toBe(`${prefix}target is 1h)`);
    expect(refused({ target: { kind: "wall_clock", ms: 1 } })).toBe(`${prefix}target.kind is wall_clock)`);
    expect(refused({ target: { kind: "toString" } })).toBe(`${prefix}target.kind is toString)`);
    expect(refused({ target: { kind: "business_time", ms: "1h", calendar: "ae" } })).toBe(
      `${prefix}target.ms is 1h, not a number)`,
    );
    expect(refused({ target: { kind: "business_days", days: 1 } })).toBe(
      `${prefix}target.calendar is undefined, not a string)`,
    );
    expect(refused({ target: { kind: "calendar_time", ms: null } })).toBe(`${prefix}target.ms is null, not a number)`);
    // Each kind's own fields are all it needs: a same-day target has no duration, a wall-clock one no calendar.
    expect(refused({ target: { kind: "same_business_day", calendar: "ae" } })).toBe("no error");
    expect(refused({ target: { kind: "calendar_time", ms: 1 }, cap: undefined })).toBe("no error");
    expect(refusal(() => evaluateSla({} as never, policy, { now: mon("12:00"), calendars }))).toBe(
      "invalid_argument (evaluateSla expects an array of events, each with a type and an instant)",
    );
  });
});

describe("warning thresholds", () => {
  // Four business hours from 09:00: half of them used at 11:00, three quarters at 12:00.
  it("a threshold reached at the instant the clock stops counts as reached", () => {
    const evaluation = evaluateSla([event("booked", mon("09:00")), event("accepted", mon("11:00"))], policy, {
      now: mon("14:00"),
      calendars,
    });
    expect(evaluation.current?.thresholds.map((threshold) => [threshold.fraction, threshold.reached])).toEqual([
      [0.5, true],
      [0.75, false],
    ]);
  });

  it("a cancelled clock reaches no threshold, however long it ran", () => {
    const evaluation = evaluateSla([event("booked", mon("09:00")), event("cancelled", mon("12:30"))], policy, {
      now: mon("14:00"),
      calendars,
    });
    expect(evaluation.current?.state).toBe("cancelled");
    expect(evaluation.current?.thresholds.map((threshold) => threshold.reached)).toEqual([false, false]);
  });
});

describe("cycles and pauses", () => {
  it("a lead booked again after a cancel starts a new cycle", () => {
    const events = [
      event("booked", mon("10:00")),
      event("cancelled", mon("11:00")),
      event("booked", mon("11:30")),
      event("accepted", mon("12:00")),
    ];
    const evaluation = evaluateSla(events, policy, { now: mon("13:00"), calendars });
    expect(evaluation.cycles.map((cycle) => [cycle.state, iso(cycle.startedAt)])).toEqual([
      ["cancelled", "2026-11-23T10:00:00.000Z"],
      ["met", "2026-11-23T11:30:00.000Z"],
    ]);
  });

  it("two pauses each move the deadline, and the thresholds count around them", () => {
    // Base deadline 13:00 (09:00 + 4 h). The pause 10-11 began before it: 14:00. The pause 12-13 began
    // before that: 15:00. Accepted at 16:00, after it: breached. Counted time excludes the pauses:
    // 09-16 less 2 h = 5 h used of a 4-hour budget. Half the budget (2 h) is reached at 12:00 (09-10,
    // 11-12): the second pause starts exactly there and does not move it. Three quarters at 14:00.
    const events = [
      event("booked", mon("09:00")),
      event("hold", mon("10:00")),
      event("unhold", mon("11:00")),
      event("hold", mon("12:00")),
      event("unhold", mon("13:00")),
      event("accepted", mon("16:00")),
    ];
    const [cycle] = evaluateSla(events, policy, { now: mon("17:00"), calendars }).cycles;
    expect(cycle?.state).toBe("breached");
    expect(iso(cycle?.deadline)).toBe("2026-11-23T15:00:00.000Z");
    expect(iso(cycle?.breachedAt)).toBe("2026-11-23T15:00:00.000Z");
    expect(cycle?.elapsed).toEqual({ business: hours(5), calendar: hours(5) });
    expect(cycle?.remaining).toEqual({ business: 0, calendar: 0 });
    expect(cycle?.fractionUsed).toBe(1.25);
    expect(cycle?.thresholds.map((threshold) => [threshold.fraction, iso(threshold.at), threshold.reached])).toEqual([
      [0.5, "2026-11-23T12:00:00.000Z", true],
      [0.75, "2026-11-23T14:00:00.000Z", true],
    ]);
    expect(cycle?.trace.counted.map(({ start, end }) => [iso(start), iso(end)])).toEqual([
      ["2026-11-23T09:00:00.000Z", "2026-11-23T10:00:00.000Z"],
      ["2026-11-23T11:00:00.000Z", "2026-11-23T12:00:00.000Z"],
      ["2026-11-23T13:00:00.000Z", "2026-11-23T15:00:00.000Z"],
    ]);
    expect(cycle?.trace.pauses.map((pause) => [iso(pause.from), iso(pause.to), pause.added])).toEqual([
      ["2026-11-23T10:00:00.000Z", "2026-11-23T11:00:00.000Z", hours(1)],
      ["2026-11-23T12:00:00.000Z", "2026-11-23T13:00:00.000Z", hours(1)],
    ]);
  });

  it("a pause after the deadline does not count against the budget", () => {
    // Deadline 13:00; the pause 14-15 starts after it. Budget 4 h; used 09-16 less the pause, 6 h.
    const events = [event("booked", mon("09:00")), event("hold", mon("14:00")), event("unhold", mon("15:00"))];
    const [cycle] = evaluateSla(events, policy, { now: mon("16:00"), calendars }).cycles;
    expect([cycle?.state, iso(cycle?.deadline), cycle?.elapsed.business, cycle?.fractionUsed]).toEqual([
      "breached",
      "2026-11-23T13:00:00.000Z",
      hours(6),
      1.5,
    ]);
  });

  it("a clock resumed is running, not paused; one paused now has a pause with no end", () => {
    const resumed = evaluateSla(
      [event("booked", mon("09:00")), event("hold", mon("10:00")), event("unhold", mon("11:00"))],
      policy,
      { now: mon("12:00"), calendars },
    );
    expect([resumed.state, iso(resumed.current?.deadline)]).toEqual(["running", "2026-11-23T14:00:00.000Z"]);
    expect(resumed.current).not.toHaveProperty("breachedAt");
    const paused = evaluateSla([event("booked", mon("09:00")), event("hold", mon("10:00"))], policy, {
      now: mon("11:00"),
      calendars,
    });
    expect(paused.state).toBe("paused");
    expect(paused.current?.trace.pauses).toEqual([{ from: mon("10:00"), added: hours(1) }]);
  });

  it("a pause of no length splits nothing", () => {
    const [cycle] = evaluateSla(
      [event("booked", mon("09:00")), event("hold", mon("10:00")), event("unhold", mon("10:00"))],
      policy,
      { now: mon("11:00"), calendars },
    ).cycles;
    expect(cycle?.trace.counted.map(({ start, end }) => [iso(start), iso(end)])).toEqual([
      ["2026-11-23T09:00:00.000Z", "2026-11-23T13:00:00.000Z"],
    ]);
  });

  it("a pause moves a calendar-time deadline by its length", () => {
    const around = defineSlaPolicy({ ...spec, target: { kind: "calendar_time", ms: hours(48) } });
    const evaluation = evaluateSla(
      [event("booked", mon("09:00")), event("hold", mon("10:00")), event("unhold", mon("12:00"))],
      around,
      { now: mon("13:00") },
    );
    expect(iso(evaluation.current?.deadline)).toBe("2026-11-25T11:00:00.000Z");
  });
});

describe("the cap", () => {
  // The cap is the meeting start of the latest event that carries one.
  const meetingCap = {
    label: "meeting",
    at: (events: readonly SlaEvent[]) => {
      const withMeeting = events.filter((e) => "meeting" in e);
      // Unchecked on purpose: a cap may hand back anything the events hold.
      return (withMeeting.at(-1) as { meeting?: Date } | undefined)?.meeting;
    },
  };
  const capped = defineSlaPolicy({ ...spec, cap: meetingCap });

  it(
    "a deadline capped at the start has no time in it: " +
      "breached once past, fully used; met when stopped at once, none used",
    () => {
      const breached = evaluateSla([event("booked", mon("10:00"), { meeting: mon("10:00") })], capped, {
        now: mon("11:00"),
        calendars,
      });
      expect([breached.state, breached.current?.fractionUsed, iso(breached.current?.deadline)]).toEqual([
        "breached",
        1,
        "2026-11-23T10:00:00.000Z",
      ]);
      expect(breached.issues).toEqual([]);
      const met = evaluateSla(
        [event("booked", mon("10:00"), { meeting: mon("10:00") }), event("accepted", mon("10:00"))],
        capped,
        { now: mon("11:00"), calendars },
      );
      expect([met.state, met.current?.fractionUsed]).toEqual(["met", 0]);
    },
  );

  it("a cap not known yet leaves the deadline as the target sets it, with no issue", () => {
    // Booked at 09:00 with no meeting: the cap reads nothing, and 4 business hours end at 13:00.
    const evaluation = evaluateSla([event("booked", mon("09:00"))], capped, { now: mon("10:00"), calendars });
    expect(evaluation.issues).toEqual([]);
    expect(iso(evaluation.current?.deadline)).toBe("2026-11-23T13:00:00.000Z");
  });

  it("reads an event that comes exactly at the deadline in force", () => {
    // Deadline 13:00 (09:00 + 4 h, the meeting on Tuesday is later). At 13:00 exactly the meeting
    // moves to 12:00: read, since it came at the deadline, so the deadline becomes 12:00.
    const events = [
      event("booked", mon("09:00"), { meeting: at("2026-11-24T15:00:00Z") }),
      event("rescheduled", mon("13:00"), { meeting: mon("12:00") }),
    ];
    const evaluation = evaluateSla(events, capped, { now: mon("14:00"), calendars });
    expect([evaluation.state, iso(evaluation.current?.deadline)]).toEqual(["breached", "2026-11-23T12:00:00.000Z"]);
    expect(evaluation.current?.trace.cap).toEqual({ label: "meeting", at: mon("12:00"), applied: true });
  });

  it("a deadline capped into a closed day lists that day as skipped", () => {
    // Booked Friday 27 November 10:00, five business days (Friday 4 December 10:00), the meeting on
    // Saturday 28 November at 12:00: the deadline is that Saturday, a closed day of the trace.
    const days = defineSlaPolicy({
      ...spec,
      target: { kind: "business_days", days: 5, calendar: "ae" },
      cap: meetingCap,
    });
    const [cycle] = evaluateSla(
      [event("booked", at("2026-11-27T10:00:00Z"), { meeting: at("2026-11-28T12:00:00Z") })],
      days,
      { now: at("2026-11-27T11:00:00Z"), calendars },
    ).cycles;
    expect(iso(cycle?.deadline)).toBe("2026-11-28T12:00:00.000Z");
    expect(cycle?.trace.skipped).toEqual([{ date: "2026-11-28", kind: "closed" }]);
  });

  it("a cap at or after the deadline is shown, not applied; one past the Date range is an issue", () => {
    const same = evaluateSla([event("booked", mon("09:00"), { meeting: mon("13:00") })], capped, {
      now: mon("10:00"),
      calendars,
    });
    expect(same.current?.trace.cap).toEqual({ label: "meeting", at: mon("13:00"), applied: false });
    const edge = evaluateSla([event("booked", mon("09:00"), { meeting: 8.64e15 })], capped, {
      now: mon("10:00"),
      calendars,
    });
    expect([edge.issues, edge.current?.trace.cap?.applied]).toEqual([[], false]);
    const past = evaluateSla([event("booked", mon("09:00"), { meeting: 9e15 })], capped, {
      now: mon("10:00"),
      calendars,
    });
    expect(past.issues.map(({ code, path, message }) => [code, path, message])).toEqual([
      [
        "invalid_event",
        [0],
        "The meeting cap is not an instant here (9000000000000000); the event is left out of the cap",
      ],
    ]);
    expect(iso(past.current?.deadline)).toBe("2026-11-23T13:00:00.000Z");
  });
});

describe("the trace", () => {
  it("lists at most 60 counted intervals and 60 closed days, and says it was cut", () => {
    // Open only on Mondays: 20 business days are 20 weeks, 20 intervals and 6 closed days a week.
    const mondays = defineCalendar({ timeZone: "UTC", week: { mon: nineToFive } });
    const long = defineSlaPolicy({ ...spec, target: { kind: "business_days", days: 70, calendar: "ae" } });
    const [cycle] = evaluateSla([event("booked", mon("10:00"))], long, {
      now: mon("11:00"),
      calendars: { ae: mondays },
    }).cycles;
    expect(cycle?.trace.counted).toHaveLength(60);
    expect(cycle?.trace.truncated).toBe(true);
    expect(cycle?.trace.skipped).toHaveLength(60);
    expect(cycle?.trace.skipped[0]).toEqual({ date: "2026-11-24", kind: "closed" });
  });

  it("names a holiday on a calendar open every day", () => {
    const always = defineCalendar({
      timeZone: "UTC",
      week: {
        mon: nineToFive,
        tue: nineToFive,
        wed: nineToFive,
        thu: nineToFive,
        fri: nineToFive,
        sat: nineToFive,
        sun: nineToFive,
      },
      holidays: [{ date: "2026-11-25", name: "Closed for the move" }],
    });
    const days = defineSlaPolicy({ ...spec, target: { kind: "business_days", days: 3, calendar: "ae" } });
    const [cycle] = evaluateSla([event("booked", mon("10:00"))], days, {
      now: mon("11:00"),
      calendars: { ae: always },
    }).cycles;
    // Monday 10:00 + 3 business days, Wednesday closed: Tuesday, Thursday, Friday 10:00.
    expect(iso(cycle?.deadline)).toBe("2026-11-27T10:00:00.000Z");
    expect(cycle?.trace.skipped).toEqual([{ date: "2026-11-25", kind: "holiday", name: "Closed for the move" }]);
  });
});
