import { describe, expect, it } from "vitest";
import { refusal } from "../fixtures/refusal.js";
import { applyEvent, handoffSchema, LENIENT_LIFECYCLE, stateOf, type Handoff } from "../../src/handoff/index.js";
import {
  assessHealth,
  createAccumulator,
  DEFAULT_HEALTH_BANDS,
  detectTrends,
  huddleReport,
  renderHuddleReport,
  restoreAccumulator,
  scoreboard,
  snapshotAccumulator,
} from "../../src/metrics/index.js";
import { BANT, calibrate, defineSqlDefinition } from "../../src/qualification/index.js";
import { bookingGate, DEFAULT_RUBRIC, renderBrief, renderIntroEmail, scoreBrief } from "../../src/rubric/index.js";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  defineCalendar,
  evaluateSla,
  explainSla,
  type SlaEvent,
} from "../../src/sla/index.js";
import { handoffInput } from "../fixtures/handoff.js";

// Calls an independent fuzzing run (2026-12-01, about 147,000 calls) found throwing a TypeError,
// RangeError or ts-pattern's error where the contract says misuse is a HandoffKitError with a code.
const good: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
const now = new Date("2026-11-14T02:00:00Z");
const noPrototype = Object.create(null) as never;

// The code alone of what a call refuses with ("no error" when it returns); any other throw fails the test.
const codeOf = (call: () => unknown): string => refusal(call).split(" (")[0] ?? "";

describe("option fields a caller writes", () => {
  it("evaluateSla names calendars or event types that are not what it reads", () => {
    const events: SlaEvent[] = [{ type: "booked", at: now }];
    expect(() => evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now, calendars: null as never })).toThrow(
      "(evaluateSla: options.calendars must be an object of calendars by name: null)",
    );
    expect(() => evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now, eventTypes: 0 as never })).toThrow(
      "(evaluateSla: options.eventTypes must be an array of event types: 0)",
    );
    expect(
      codeOf(() => evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now, eventTypes: "booked" as never })),
    ).toBe("invalid_argument");
  });

  it("scoreboard names a week or a policy list that is not one", () => {
    expect(() => scoreboard([good], { now, week: null as never })).toThrow(
      "(scoreboard: options.week must be { timeZone?, startsOn? }: null)",
    );
    expect(() => scoreboard([good], { now, policies: [null] as never })).toThrow(
      "(scoreboard: options.policies[0] must be a policy made by defineSlaPolicy (or a built-in one): it is null)",
    );
    expect(() => createAccumulator({ now, policies: 0 as never })).toThrow(
      "(createAccumulator: options.policies must be an array: 0)",
    );
  });

  it("an object with no prototype is described, not converted, in the message", () => {
    expect(codeOf(() => renderBrief(good, { timeZone: noPrototype }))).toBe("invalid_time_zone");
    expect(codeOf(() => scoreboard([good], { now, week: { timeZone: noPrototype } }))).toBe("invalid_time_zone");
    expect(codeOf(() => scoreboard([good], { now, week: { startsOn: noPrototype } }))).toBe("invalid_argument");
    expect(codeOf(() => detectTrends(scoreboard([good], { now, groupBy: "week" }), { weeks: noPrototype }))).toBe(
      "invalid_argument",
    );
    const evaluation = evaluateSla([], AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
      now,
      calendars: { ae: defineCalendar({ timeZone: "UTC", week: { mon: [["09:00", "17:00"]] } }) },
    });
    expect(refusal(() => explainSla(evaluation, { timeZone: noPrototype }))).toBe(
      "invalid_time_zone (explainSla: options.timeZone: an object)",
    );
    expect(refusal(() => explainSla(evaluation, { timeZone: "Mars/Olympus" }))).toBe(
      "invalid_time_zone (explainSla: options.timeZone: Mars/Olympus)",
    );
    expect(refusal(() => huddleReport([good], { now, weekOf: noPrototype }))).toBe(
      "invalid_argument (huddleReport: options.weekOf must be a date as YYYY-MM-DD: an object)",
    );
    expect(refusal(() => huddleReport([good], { now, weekOf: 20261109 as never }))).toBe(
      "invalid_argument (huddleReport: options.weekOf must be a date as YYYY-MM-DD: 20261109)",
    );
    expect(codeOf(() => huddleReport([good], { now, week: { timeZone: noPrototype } }))).toBe("invalid_time_zone");
    const bar = defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: { budget: "noted" } });
    expect(refusal(() => calibrate([], bar, { threshold: noPrototype }))).toBe(
      "invalid_argument (calibrate: options.threshold must be a number: an object)",
    );
    expect(refusal(() => calibrate([], bar, { threshold: "0.6" as never }))).toBe(
      "invalid_argument (calibrate: options.threshold must be a number: 0.6)",
    );
  });

  it("detectTrends refuses a window it could not hold", () => {
    const board = scoreboard([good], { now, groupBy: "week" });
    expect(() => detectTrends(board, { weeks: 1e308 })).toThrow(
      "(detectTrends: options.weeks must be a whole number from 4 to 520: 1e+308)",
    );
    expect(detectTrends(board, { weeks: 520 })).toEqual(expect.any(Array));
    expect(codeOf(() => assessHealth(board, DEFAULT_HEALTH_BANDS, { trends: { weeks: 1e308 } }))).toBe(
      "invalid_argument",
    );
  });

  it("assessHealth names a band for a metric it does not know", () => {
    const first = DEFAULT_HEALTH_BANDS[0];
    expect(() => assessHealth(scoreboard([], { now }), [{ ...first, metric: "" } as never])).toThrow(
      "(assessHealth: bands[0] must be a band like DEFAULT_HEALTH_BANDS' entries: an object)",
    );
  });

  it("scoreBrief names a prospect that is not one", () => {
    expect(() => scoreBrief(good.brief, DEFAULT_RUBRIC, { prospect: null as never })).toThrow(
      "(scoreBrief: options.prospect must be an object: null)",
    );
  });

  it("the gate bookingGate returns names what it was given instead of a handoff", () => {
    const gate = bookingGate(
      defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: { budget: "noted" } }),
      DEFAULT_RUBRIC,
      { now },
    );
    expect(() => gate(null as never)).toThrow(
      "(bookingGate's gate expects a parsed handoff (parseHandoff): the handoff is null)",
    );
  });

  it("the lifecycle's rules need a booking gate function and a reason list", () => {
    const booked = {
      id: "b1",
      type: "booked" as const,
      at: now,
      by: "sdr-ana",
      meeting: { start: new Date("2026-11-20T15:00:00Z"), end: new Date("2026-11-20T15:30:00Z") },
    };
    expect(codeOf(() => applyEvent(good, booked, { gate: "either", reasons: [] } as never))).toBe("invalid_argument");
    expect(codeOf(() => applyEvent(good, booked, { gate: "either", bookingGate: () => ({ ok: true }) } as never))).toBe(
      "invalid_argument",
    );
  });
});

describe("an accumulator snapshot", () => {
  it("that went through JSON is refused with the reason, not a TypeError", () => {
    const acc = createAccumulator({ now });
    const snapshot = snapshotAccumulator(acc);
    expect(() => restoreAccumulator(JSON.parse(JSON.stringify(snapshot)) as typeof snapshot, { now })).toThrow(
      "(restoreAccumulator: not an accumulator snapshot, or one that lost its Maps on the way " +
        "(JSON does; postMessage and structured clone do not))",
    );
    expect(codeOf(() => restoreAccumulator({ ...snapshot, data: null }, { now }))).toBe("invalid_argument");
    expect(codeOf(() => restoreAccumulator(structuredClone(snapshot), { now }))).toBe("no error");
  });
});

describe("a long cycle", () => {
  it("reads the cap over one growing prefix, not a copy per event", () => {
    const office: [string, string][] = [["09:00", "17:00"]];
    const ae = defineCalendar({
      timeZone: "UTC",
      week: { mon: office, tue: office, wed: office, thu: office, fri: office },
    });
    const start = Date.UTC(2026, 10, 2, 9);
    // 40,000 events in one cycle (one a millisecond), the meeting only on the first.
    const events: SlaEvent[] = [
      { type: "booked", at: new Date(start), meeting: { start: new Date(start + 10 * 3_600_000) } } as SlaEvent,
    ];
    for (let i = 1; i < 40_000; i += 1) events.push({ type: "intro_sent", at: new Date(start + i) });
    const lengths: number[] = [];
    const policy = {
      ...AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
      cap: { label: "probe", at: (seen: readonly SlaEvent[]) => (lengths.push(seen.length), undefined) },
    };
    evaluateSla(events, policy, { now: new Date(start + 3_600_000), calendars: { ae } });
    // Each call sees the events so far, in order.
    expect(lengths.slice(0, 3)).toEqual([1, 2, 3]);
    expect(lengths.at(-1)).toBe(40_000);
  });
});

describe("objects a second fuzzing run corrupted (2026-12-02)", () => {
  it("huddleReport checks its policies as the scoreboard does", () => {
    const policies = [{ ...AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, target: null }] as never;
    expect(refusal(() => huddleReport([good], { now, policies }))).toBe(
      "invalid_argument (huddleReport: options.policies[0] must be a policy made by defineSlaPolicy " +
        "(or a built-in one): target is null)",
    );
    expect(refusal(() => huddleReport([good], { now, policies: {} as never }))).toBe(
      "invalid_argument (huddleReport: options.policies must be an array: an object)",
    );
  });

  it("assessHealth reads each band's text and bounds; renderHuddleReport each name", () => {
    const board = scoreboard([good], { now });
    const [first] = DEFAULT_HEALTH_BANDS;
    const message =
      "invalid_argument (assessHealth: bands[0] must be a band like DEFAULT_HEALTH_BANDS' entries: an object)";
    for (const change of [
      { label: noPrototype },
      { source: undefined },
      { low: "0.5" },
      { high: null },
      { below: 1 },
      { above: [] },
    ]) {
      expect(refusal(() => assessHealth(board, [{ ...first, ...change } as never]))).toBe(message);
    }
    expect(refusal(() => assessHealth(board, [{ ...first, below: undefined } as never]))).toBe("no error");
    // A band with neither bound would judge nothing: a mistake, named.
    expect(refusal(() => assessHealth(board, [{ ...first, low: undefined, high: undefined } as never]))).toBe(message);
    const report = huddleReport([good], { now });
    expect(refusal(() => renderHuddleReport({ ...report, names: { "sdr-ana": noPrototype } }))).toBe(
      "invalid_argument (renderHuddleReport expects what huddleReport returns: names is an object)",
    );
    expect(refusal(() => renderHuddleReport({ ...report, names: { "ae-omar": "Omar Haddad" } }))).toBe("no error");
  });

  it("renderBrief and renderIntroEmail read the brief, prospect, account and meeting field by field", () => {
    const parsed = handoffSchema.parse(handoffInput());
    const prefix = "invalid_argument (renderBrief expects a parsed handoff (parseHandoff): ";
    const brief = (changes: Record<string, unknown>): Handoff => ({
      ...parsed,
      brief: { ...parsed.brief, ...changes },
    });
    expect(refusal(() => renderBrief(brief({ notes: 0 })))).toBe(`${prefix}brief.notes is 0)`);
    expect(refusal(() => renderBrief(brief({ quotes: {} })))).toBe(`${prefix}brief.quotes is an object)`);
    expect(refusal(() => renderBrief(brief({ trigger: "x" })))).toBe(`${prefix}brief.trigger is x)`);
    expect(refusal(() => renderBrief(brief({ techStack: { inUse: "x" } })))).toBe(
      `${prefix}brief.techStack is an object)`,
    );
    expect(refusal(() => renderBrief(brief({ stakeholders: [null] })))).toBe(
      `${prefix}brief.stakeholders is an array)`,
    );
    expect(refusal(() => renderBrief({ ...parsed, prospect: { ...parsed.prospect, role: null } } as never))).toBe(
      `${prefix}prospect.role is null)`,
    );
    expect(refusal(() => renderBrief({ ...parsed, account: { ...parsed.account, employees: "420" } } as never))).toBe(
      `${prefix}account.employees is 420)`,
    );
    expect(refusal(() => renderBrief({ ...parsed, meeting: { ...parsed.meeting, style: undefined } } as never))).toBe(
      `${prefix}meeting.style is undefined)`,
    );
    expect(refusal(() => renderIntroEmail(brief({ budget: { controller: true } })))).toBe(
      "invalid_argument (renderIntroEmail expects a parsed handoff (parseHandoff): brief.budget is an object)",
    );
    // The values' rules are parseHandoff's: an empty note typed code may build still renders.
    expect(refusal(() => renderBrief(brief({ notes: "" })))).toBe("no error");
  });

  it("a lifecycle's reasons changed by hand are refused where they are read", () => {
    const rules = { ...LENIENT_LIFECYCLE, reasons: [null] } as never;
    expect(refusal(() => stateOf(good, rules))).toBe(
      "invalid_argument (stateOf(handoff, rules): the rules' reasons[0] is null, " +
        "not a reason code as defineLifecycle makes)",
    );
  });

  it("explainSla knows a cycle's states and an issue's path steps", () => {
    const ae = defineCalendar({ timeZone: "UTC", week: { mon: [["09:00", "17:00"]] } });
    const events: SlaEvent[] = [{ type: "booked", at: new Date("2026-11-09T10:00:00Z") }];
    const evaluation = evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now, calendars: { ae } });
    const cycle = evaluation.cycles[0];
    expect(cycle).toBeDefined();
    expect(refusal(() => explainSla({ ...evaluation, cycles: [{ ...cycle, state: "x" }] } as never))).toBe(
      "invalid_argument (explainSla expects what evaluateSla returns: cycles[0].state is x)",
    );
    const issue = { code: "out_of_order" as const, path: [noPrototype], message: "m" };
    expect(refusal(() => explainSla({ ...evaluation, issues: [issue] }))).toBe(
      "invalid_argument (explainSla expects what evaluateSla returns: issues is an array)",
    );
    // A hole in a list is an item, not a skipped one.
    // eslint-disable-next-line no-sparse-arrays
    expect(refusal(() => explainSla({ ...evaluation, issues: [, issue] } as never))).toBe(
      "invalid_argument (explainSla expects what evaluateSla returns: issues is an array)",
    );
  });
});
