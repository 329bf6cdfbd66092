import { describe, expect, it } from "vitest";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  defineCalendar,
  defineSlaPolicy,
  evaluateSla,
  explainSla,
  hours,
  minutes,
  type SlaEvaluation,
} from "../../src/sla/index.js";
import { formatDuration } from "../../src/core/format.js";
import { refusalAfter } from "../fixtures/refusal.js";

// Every line below is worked out from the calendar and the documented rules: business time counts
// only open hours (09:00-12:00 and 13:00-17:00 New York, weekdays), a business day ends at the same
// wall time on the next open day, and instants show in the calendar's zone unless one is asked for.
const office: [string, string][] = [
  ["09:00", "12:00"],
  ["13:00", "17:00"],
];
const ae = defineCalendar({
  timeZone: "America/New_York",
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: [{ date: "2026-11-26", name: "Thanksgiving" }, { date: "2026-11-27" }],
});
const calendars = { ae };
const at = (iso: string): Date => new Date(iso);
const lines = (evaluation: SlaEvaluation, timeZone?: string): string[] =>
  explainSla(evaluation, timeZone === undefined ? {} : { timeZone }).split("\n");

describe("formatDuration", () => {
  it("writes seconds under a minute, then hours and minutes, rounded to the minute", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(20_000)).toBe("20 s");
    expect(formatDuration(59_400)).toBe("59 s");
    expect(formatDuration(60_000)).toBe("1 min");
    expect(formatDuration(90_000)).toBe("2 min");
    expect(formatDuration(minutes(45))).toBe("45 min");
    expect(formatDuration(hours(2))).toBe("2 h");
    expect(formatDuration(hours(9.5))).toBe("9 h 30 min");
    expect(formatDuration(hours(9.5) + 29_000)).toBe("9 h 30 min");
    expect(formatDuration(-minutes(90))).toBe("-1 h 30 min");
    expect(formatDuration(-20_000)).toBe("-20 s");
  });
});

describe("explainSla", () => {
  it("a business-time target missed: counted hours, closed days skipped, warnings, how late", () => {
    const policy = defineSlaPolicy({
      id: "p",
      label: "Reply within 8 business hours",
      start: ["opened"],
      stop: ["replied"],
      target: { kind: "business_time", ms: hours(8), calendar: "ae" },
    });
    // Opened Friday 20 November 16:00 New York; 1 h on Friday, then Monday 09:00-12:00 and 13:00-17:00.
    const evaluation = evaluateSla(
      [
        { type: "opened", at: at("2026-11-20T21:00:00Z") },
        { type: "replied", at: at("2026-11-24T15:00:00Z") },
      ],
      policy,
      { now: at("2026-11-24T20:00:00Z"), calendars },
    );
    expect(lines(evaluation)).toEqual([
      "Reply within 8 business hours [p]: breached",
      "cycle 1: started 2026-11-20 16:00 (America/New_York)",
      '  target: 8 h of business time on the "ae" calendar, reached 2026-11-23 17:00',
      "  counted: 2026-11-20 16:00-17:00, 2026-11-23 09:00-12:00, 2026-11-23 13:00-17:00 (8 h open)",
      "  skipped: 2026-11-21 closed; 2026-11-22 closed",
      "  deadline: 2026-11-23 17:00",
      // Replied Tuesday 10:00, 17 hours after Monday 17:00.
      "  breached at 2026-11-23 17:00; stopped 2026-11-24 10:00, 17 h late",
      // Half (4 h) is reached at Monday 12:00, three quarters (6 h) at 15:00.
      "  warnings: 50% at 2026-11-23 12:00, 75% at 2026-11-23 15:00",
    ]);
  });

  it("a business-day target met, with a cap that came later than the target", () => {
    // Booked Monday 23 November 10:00 New York for a meeting on Monday 30 November; accepted 15:30.
    const events = [
      { type: "booked", at: at("2026-11-23T15:00:00Z"), meeting: { start: at("2026-11-30T15:00:00Z") } },
      { type: "accepted", at: at("2026-11-23T20:30:00Z") },
    ];
    expect(
      lines(evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now: at("2026-11-24T20:00:00Z"), calendars })),
    ).toEqual([
      "AE accepts or rejects within one business day of booking, and before the meeting " +
        "[ae-accepts-within-one-business-day]: met",
      "cycle 1: started 2026-11-23 10:00 (America/New_York)",
      '  target: 1 business day on the "ae" calendar, reached 2026-11-24 10:00',
      "  counted: 2026-11-23 10:00-12:00, 2026-11-23 13:00-17:00, 2026-11-24 09:00-10:00 (7 h open)",
      "  capped before the meeting at 2026-11-30 10:00 (later than the target: no effect)",
      "  deadline: 2026-11-24 10:00",
      // From Monday 15:30 to Tuesday 10:00.
      "  met: stopped 2026-11-23 15:30, 18 h 30 min to spare",
      // Half of the 7 business hours (3 h 30 min) is reached at 14:30; three quarters not before the stop.
      "  warnings: 50% at 2026-11-23 14:30",
    ]);
  });

  it("names a holiday without a name, a plural of business days, and more than four spans with an ellipsis", () => {
    const policy = defineSlaPolicy({
      id: "d",
      label: "Within 3 business days",
      start: ["opened"],
      stop: ["done"],
      target: { kind: "business_days", days: 3, calendar: "ae" },
    });
    // Opened Tuesday 24 November 10:00: Wednesday, then Monday (Thursday and Friday are holidays, then the weekend).
    const evaluation = evaluateSla([{ type: "opened", at: at("2026-11-24T15:00:00Z") }], policy, {
      now: at("2026-11-24T16:00:00Z"),
      calendars,
    });
    const text = lines(evaluation, "UTC");
    expect(text[0]).toBe("Within 3 business days [d]: running");
    expect(text[1]).toBe("cycle 1: started 2026-11-24 15:00 (UTC)");
    expect(text[2]).toBe('  target: 3 business days on the "ae" calendar, reached 2026-12-01 15:00');
    // Tuesday 10:00-12:00 and 13:00-17:00 (6 h), Wednesday and Monday (7 h each), Tuesday 09:00-10:00
    // (1 h): seven spans, 21 h, four shown.
    expect(text[3]).toBe(
      "  counted: 2026-11-24 15:00-17:00, 2026-11-24 18:00-22:00, 2026-11-25 14:00-17:00, " +
        "2026-11-25 18:00-22:00, ... (21 h open)",
    );
    expect(text[4]).toBe(
      "  skipped: 2026-11-26 holiday (Thanksgiving); 2026-11-27 holiday; 2026-11-28 closed; 2026-11-29 closed",
    );
    // An hour in: 1 of 21 business hours used, 20 left, 4.8% rounded to 5%.
    expect(text[6]).toBe("  running: 20 h left, 5% used");
  });

  it("lists four counted spans without an ellipsis", () => {
    const policy = defineSlaPolicy({
      id: "t",
      label: "Within 12 business hours",
      start: ["opened"],
      stop: ["done"],
      target: { kind: "business_time", ms: hours(12), calendar: "ae" },
    });
    // Monday 23 November from 10:00: 2 h, 4 h, then Tuesday 09:00-12:00 and 13:00-16:00.
    const text = lines(
      evaluateSla([{ type: "opened", at: at("2026-11-23T15:00:00Z") }], policy, {
        now: at("2026-11-23T16:00:00Z"),
        calendars,
      }),
    );
    expect(text[3]).toBe(
      "  counted: 2026-11-23 10:00-12:00, 2026-11-23 13:00-17:00, 2026-11-24 09:00-12:00, " +
        "2026-11-24 13:00-16:00 (12 h open)",
    );
  });

  it("a calendar-time target cancelled, in UTC", () => {
    const policy = defineSlaPolicy({
      id: "r",
      label: "Call back within 30 minutes",
      start: ["requested"],
      stop: ["called"],
      cancel: ["withdrawn"],
      target: { kind: "calendar_time", ms: minutes(30) },
    });
    const evaluation = evaluateSla(
      [
        { type: "requested", at: at("2026-11-23T15:00:00Z") },
        { type: "withdrawn", at: at("2026-11-23T15:10:00Z") },
      ],
      policy,
      { now: at("2026-11-23T16:00:00Z") },
    );
    // No business hours are counted around the clock, and the first warning (15:15) came after the cancel.
    expect(lines(evaluation)).toEqual([
      "Call back within 30 minutes [r]: cancelled",
      "cycle 1: started 2026-11-23 15:00 (UTC)",
      "  target: 30 min around the clock, reached 2026-11-23 15:30",
      "  deadline: 2026-11-23 15:30",
      "  cancelled 2026-11-23 15:10: no longer owed",
    ]);
  });

  it("a same-business-day target paused now", () => {
    const policy = defineSlaPolicy({
      id: "s",
      label: "Same day",
      start: ["opened"],
      stop: ["closed"],
      pause: ["hold"],
      resume: ["unhold"],
      target: { kind: "same_business_day", calendar: "ae" },
    });
    // Opened Monday 23 November 10:00, on hold from 11:00; now 12:30. The day closes at 17:00: 6 open
    // hours from 10:00, 1 used, 5 left; the hold has covered 11:00-12:00 of open time so far.
    const evaluation = evaluateSla(
      [
        { type: "opened", at: at("2026-11-23T15:00:00Z") },
        { type: "hold", at: at("2026-11-23T16:00:00Z") },
      ],
      policy,
      { now: at("2026-11-23T17:30:00Z"), calendars },
    );
    const text = lines(evaluation);
    expect(text[0]).toBe("Same day [s]: paused");
    expect(text[2]).toBe('  target: the same business day on the "ae" calendar, reached 2026-11-23 17:00');
    expect(text).toContain("  paused 2026-11-23 11:00 to now: deadline +1 h");
    expect(text).toContain("  paused, 5 h of the target left");
  });

  it("says when nothing has started, lists each issue with its path, and names misuse", () => {
    const policy = defineSlaPolicy({
      id: "r",
      label: "Call back",
      start: ["requested"],
      stop: ["called"],
      target: { kind: "calendar_time", ms: minutes(30) },
    });
    const evaluation = evaluateSla(
      [
        { type: "called", at: at("2026-11-23T15:00:00Z") },
        { type: "", at: at("2026-11-23T15:01:00Z") },
      ],
      policy,
      { now: at("2026-11-23T16:00:00Z") },
    );
    const text = lines(evaluation);
    expect(text.slice(0, 2)).toEqual(["Call back [r]: not_started", "  no start event yet"]);
    expect(text.slice(2).every((line) => /^ {2}issue at events\[1\]\.type: [a-z_]+: /u.test(line))).toBe(true);
    expect(text).toHaveLength(3);
    expect(() => explainSla({ cycles: [] } as unknown as SlaEvaluation)).toThrow(
      "(explainSla expects what evaluateSla returns: policyId is undefined)",
    );
    expect(() => explainSla(null as unknown as SlaEvaluation)).toThrow(
      "(explainSla expects what evaluateSla returns: it is null)",
    );
    expect(() => explainSla(evaluation, "UTC" as unknown as { timeZone?: string })).toThrow(
      "(explainSla: options must be an object: UTC)",
    );
  });
});

describe("an evaluation given back by untyped code", () => {
  const refused = (evaluation: unknown): string =>
    refusalAfter(() => explainSla(evaluation as SlaEvaluation), "(explainSla expects what evaluateSla returns: ");

  it("is refused at the part explainSla would trip on, down to the trace", () => {
    // Booked on a Friday evening, the meeting on Tuesday: a weekend skipped and a cap on the trace.
    const events = [
      { type: "booked", at: at("2026-11-20T23:00:00Z"), meeting: { start: at("2026-11-24T15:00:00Z") } },
      { type: "accepted", at: at("2026-11-23T16:00:00Z") },
    ];
    const evaluation = evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
      now: at("2026-11-25T00:00:00Z"),
      calendars,
    });
    const cycle = evaluation.cycles[0];
    if (cycle === undefined) throw new Error("the booking starts a cycle");
    expect(cycle.trace.skipped.length).toBeGreaterThan(0);
    expect(cycle.trace.cap).toBeDefined();
    const withCycle = (changes: Record<string, unknown>): unknown => ({
      ...evaluation,
      cycles: [cycle, { ...cycle, ...changes }],
    });
    const withTrace = (changes: Record<string, unknown>): unknown =>
      withCycle({ trace: { ...cycle.trace, ...changes } });
    expect(refused(evaluation)).toBe("no error");
    expect(refused(JSON.parse(JSON.stringify(evaluation)))).toBe("cycles[0].startedAt is 2026-11-20T23:00:00.000Z");
    expect(refused({ ...evaluation, label: 1 })).toBe("label is 1");
    expect(refused({ ...evaluation, cycles: {} })).toBe("cycles is an object");
    expect(refused({ ...evaluation, issues: [{ code: "x", path: "0", message: "m" }] })).toBe("issues is an array");
    expect(refused({ ...evaluation, cycles: [cycle, null] })).toBe("cycles[1] is null");
    expect(refused(withCycle({ deadline: new Date(Number.NaN) }))).toBe("cycles[1].deadline is Invalid Date");
    expect(refused(withCycle({ stoppedAt: "2026-11-23" }))).toBe("cycles[1].stoppedAt is 2026-11-23");
    expect(refused(withCycle({ stoppedAt: undefined, cancelledAt: undefined }))).toBe("no error");
    expect(refused(withCycle({ remaining: { business: 0 } }))).toBe("cycles[1].remaining is an object");
    expect(refused(withCycle({ thresholds: [{ fraction: 0.5, at: 0, reached: true }] }))).toBe(
      "cycles[1].thresholds is an array",
    );
    expect(refused(withCycle({ trace: null }))).toBe("cycles[1].trace is null");
    expect(refused(withTrace({ target: { kind: "business_time", ms: 1 } }))).toBe(
      "cycles[1].trace.target is an object",
    );
    expect(refused(withTrace({ timeZone: 1 }))).toBe("cycles[1].trace.timeZone is 1");
    expect(refused(withTrace({ counted: [{ start: at("2026-11-23T14:00:00Z") }] }))).toBe(
      "cycles[1].trace.counted is an array",
    );
    expect(refused(withTrace({ skipped: [null] }))).toBe("cycles[1].trace.skipped is an array");
    expect(refused(withTrace({ pauses: [{ from: at("2026-11-23T14:00:00Z"), added: "1h" }] }))).toBe(
      "cycles[1].trace.pauses is an array",
    );
    expect(refused(withTrace({ cap: { label: "before the meeting", at: "2026-11-24", applied: false } }))).toBe(
      "cycles[1].trace.cap is an object",
    );
    expect(refused(withTrace({ cap: undefined, pauses: [{ from: at("2026-11-23T14:00:00Z"), added: 0 }] }))).toBe(
      "no error",
    );
  });
});
