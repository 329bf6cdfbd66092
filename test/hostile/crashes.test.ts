// Inputs that made public functions throw a TypeError (issue "Every input answered", crashes): each
// must now be a result with an issue at the right path, or a HandoffKitError with a code for misuse.
import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import {
  DEFAULT_RUBRIC,
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
  addBusinessDays,
  applyEvent,
  BANT,
  bookingGate,
  defineCalendar,
  addBusinessTime,
  checkRejectionFeedback,
  crosswalk,
  defineIcp,
  defineLifecycle,
  detectGenericNotes,
  evaluateQualification,
  findQuotes,
  hours,
  scoreIcpFit,
  scoreIntent,
  specificityOf,
  summarize,
  defineSlaPolicy,
  defineSqlDefinition,
  evaluateSla,
  HANDOFF_SLA_POLICIES,
  huddleReport,
  LENIENT_LIFECYCLE,
  MEDDPICC_LITE,
  parseHandoff,
  parseHandoffEvent,
  parseHandoffs,
  renderHuddleReport,
  replay,
  scoreboard,
  type Handoff,
} from "../fixtures/all-exports.js";

const NOW = Date.UTC(2026, 10, 20);
const base = {
  id: "h1",
  source: "outbound",
  segment: "smb",
  createdAt: "2026-11-02T15:40:00Z",
  sdr: { id: "s", name: "S" },
  ae: { id: "a", name: "A" },
  prospect: { name: "P" },
  account: { name: "Acme" },
};
const bookedWith = (start: unknown) => ({
  id: "e1",
  type: "booked",
  at: "2026-11-02T16:00:00Z",
  by: "s",
  meeting: { start, end: "2026-11-05T16:00:00Z" },
});

/** What a call threw: the HandoffKitError's code and message, or the foreign error itself. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error instanceof HandoffKitError ? { code: error.code, message: error.message } : error;
  }
  return "nothing";
}

describe("a meeting slot whose instant has no offset is an issue, not a TypeError", () => {
  for (const start of ["2026-11-05 15:30", "2026-11-05T15:30:00", "TBD"]) {
    it(`start ${JSON.stringify(start)}`, () => {
      const record = { ...base, events: [bookedWith(start)] };
      const one = parseHandoff(record);
      expect(one.ok).toBe(false);
      if (!one.ok) expect(one.issues.map((issue) => issue.path.join("."))).toEqual(["events.0.meeting.start"]);
      // The batch keeps the valid record and reports this one by index.
      const batch = parseHandoffs([base, record]);
      expect(batch.valid.map((entry) => entry.index)).toEqual([0]);
      expect(batch.invalid.map((entry) => entry.index)).toEqual([1]);
      expect(parseHandoffEvent(bookedWith(start)).ok).toBe(false);
      expect(replay([bookedWith(start)], LENIENT_LIFECYCLE).refusal?.code).toBe("invalid_event");
      expect(parseHandoff({ ...base, meeting: { start, end: "2026-11-05T16:00:00Z", style: "warm" } }).ok).toBe(false);
    });
  }
});

describe("values that cannot be turned into text are described, not called", () => {
  it("replay reads an event type with a non-callable toString as a malformed event", () => {
    expect(replay([{ type: { toString: 1 } }], LENIENT_LIFECYCLE).refusal?.code).toBe("invalid_event");
  });

  it("an instant with no prototype is invalid_instant", () => {
    expect(thrown(() => scoreboard([], { now: Object.create(null) as Date }))).toMatchObject({
      code: "invalid_instant",
    });
  });
});

describe("definitions of the wrong shape are invalid_config, with paths", () => {
  it("defineLifecycle", () => {
    expect(thrown(() => defineLifecycle(null as never))).toMatchObject({ code: "invalid_config" });
    expect(thrown(() => defineLifecycle({ gate: "either", reasons: [null] as never }))).toMatchObject({
      code: "invalid_config",
      message: expect.stringContaining("reasons[0].code") as string,
    });
  });

  it("defineSqlDefinition", () => {
    expect(
      thrown(() => defineSqlDefinition({ id: "x", version: 1, framework: null, requirements: {} } as never)),
    ).toMatchObject({ code: "invalid_config", message: expect.stringContaining("framework") as string });
    expect(thrown(() => defineSqlDefinition({ id: "x", version: 1, framework: BANT } as never))).toMatchObject({
      code: "invalid_config",
      message: expect.stringContaining("requirements") as string,
    });
  });
});

describe("careless calls are misuse that names the argument and the fix", () => {
  it("scoreboard of null", () => {
    expect(thrown(() => scoreboard(null as never, { now: NOW }))).toMatchObject({
      code: "invalid_argument",
      message: expect.stringContaining("parseHandoffs") as string,
    });
  });

  it("scoreboard of records never parsed", () => {
    const raw = { ...base, events: [{ id: "e1", type: "booked", at: "2026-11-02T16:00:00Z", by: "s" }] };
    expect(thrown(() => scoreboard([raw] as never, { now: NOW }))).toMatchObject({
      code: "invalid_argument",
      message: expect.stringMatching(
        /\(scoreboard expects parsed handoffs .*record 0 has events\[0\]\.at as a string\)/,
      ) as string,
    });
  });

  it("evaluateSla of null, and of events never parsed, blaming the events rather than a missing calendar", () => {
    expect(thrown(() => evaluateSla(null as never, AE_FOLLOWS_UP_WITHIN_48_HOURS, { now: NOW }))).toMatchObject({
      code: "invalid_argument",
    });
    const raw = [{ type: "booked", at: "2026-11-02T16:00:00Z" }] as never;
    expect(thrown(() => evaluateSla(raw, AE_FOLLOWS_UP_WITHIN_48_HOURS, { now: NOW }))).toMatchObject({
      code: "invalid_argument",
      message: expect.stringContaining("events[0].at is a string") as string,
    });
    expect(thrown(() => evaluateSla(raw, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now: NOW }))).toMatchObject({
      code: "invalid_argument",
      message: expect.stringContaining("events[0].at is a string") as string,
    });
  });

  it("huddleReport of raw JSON", () => {
    expect(thrown(() => huddleReport([base] as never, { now: NOW }))).toMatchObject({
      code: "invalid_argument",
      message: expect.stringContaining("record 0") as string,
    });
  });
});

describe("event data inside evaluateSla is reported, never thrown", () => {
  const ae = defineCalendar({
    timeZone: "America/New_York",
    week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
  });

  it("a meeting start written as text leaves the event out of the cap, with an issue", () => {
    const events = [
      { type: "booked", at: new Date("2026-11-02T16:00:00Z"), meeting: { start: "2026-11-05T16:00:00Z" } },
    ] as never;
    const evaluation = evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now: NOW, calendars: { ae } });
    expect(evaluation.issues).toEqual([expect.objectContaining({ code: "invalid_event", path: [0] })]);
    // Uncapped: one business day from Monday 11:00 New York is Tuesday 11:00 (16:00Z).
    expect(evaluation.current?.deadline).toEqual(new Date("2026-11-03T16:00:00Z"));
  });

  it("an instant outside the Date range is an invalid event, not a cycle with Invalid Dates", () => {
    const evaluation = evaluateSla([{ type: "booked", at: -1e20 }], AE_FOLLOWS_UP_WITHIN_48_HOURS, { now: NOW });
    expect(evaluation.state).toBe("not_started");
    expect(evaluation.issues).toEqual([expect.objectContaining({ code: "invalid_event", path: [0, "at"] })]);
  });

  it("a policy naming a calendar `constructor` is told that calendar is missing", () => {
    const policy = defineSlaPolicy({
      id: "p",
      label: "p",
      start: ["a"],
      stop: ["b"],
      target: { kind: "business_time", ms: 1_000, calendar: "constructor" },
    });
    expect(thrown(() => evaluateSla([], policy, { now: NOW, calendars: {} }))).toMatchObject({
      code: "invalid_config",
      message: expect.stringContaining('calendar named "constructor"') as string,
    });
  });
});

describe("ids and keys named like Object.prototype members", () => {
  const calendar = defineCalendar({
    timeZone: "America/New_York",
    week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
  });
  for (const name of ["constructor", "toString", "__proto__", "valueOf"]) {
    it(name, () => {
      const parsed = parseHandoff({
        ...base,
        segment: name,
        sdr: { id: name, name: "Sam", calendarId: name },
        // Two reps, both named like prototype members, the AE's calendar keyed by its id.
        ae: { id: name === "valueOf" ? "hasOwnProperty" : "valueOf", name: "Alex" },
        events: [
          bookedWith("2026-11-05T15:00:00Z"),
          {
            id: "e2",
            type: "rejected",
            at: "2026-11-02T17:00:00Z",
            by: name,
            reason: "timing",
            note: "CFO says budget opens in April 2027",
          },
        ],
      });
      if (!parsed.ok) throw new Error("the record is valid");
      const handoff: Handoff = parsed.value;
      const ae = handoff.ae.id;
      const calendars = Object.fromEntries([
        [name, calendar],
        [ae, calendar],
      ]);
      const board = scoreboard([handoff], {
        now: NOW,
        groupBy: ["sdr", "segment", "ae"],
        calendars,
        policies: HANDOFF_SLA_POLICIES,
      });
      expect(board.groups.map((group) => group.keys)).toEqual([{ sdr: name, segment: name, ae }]);
      expect(board.dataIssues).toEqual([]);
      expect(
        scoreboard([handoff], { now: NOW, calendars: {}, policies: HANDOFF_SLA_POLICIES }).dataIssues[0]?.issues[0]
          ?.code,
      ).toBe("missing_calendar");
      const report = huddleReport([handoff], { now: Date.UTC(2026, 10, 9), calendars });
      expect(report.bySdr.map((row) => row.name)).toEqual(["Sam"]);
      expect(renderHuddleReport(report, { format: "markdown" })).toContain("Sam");
      const rules = defineLifecycle({ gate: "either", bookingGate: () => ({ ok: true, findings: [] }) });
      expect(applyEvent({ ...handoff, events: [] }, { ...handoff.events[0], id: name } as never, rules).ok).toBe(true);
      expect(
        crosswalk(
          { framework: "bant", evidence: { [name]: { state: "noted", note: "x" } } } as never,
          BANT,
          MEDDPICC_LITE,
        ).mapped,
      ).toEqual([]);
    });
  }
});

describe("found by the hostile suite", () => {
  it("a framework key named constructor in a parsed record is not a framework", () => {
    const parsed = parseHandoff({ ...base, qualification: { framework: "constructor", evidence: {} } });
    if (!parsed.ok) throw new Error("the record is valid");
    const gate = bookingGate(
      defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: { budget: "noted" } }),
      DEFAULT_RUBRIC,
      { now: NOW },
    );
    const decision = gate(parsed.value);
    expect(decision.ok).toBe(false);
    expect(decision.ok ? [] : decision.findings).toContainEqual({
      kind: "qualification",
      criterion: "evidence",
      state: undefined,
      code: "not_crosswalkable",
      message: 'The evidence is for "constructor", which cannot be crosswalked to BANT',
    });
  });

  it("addBusinessDays with a count near 2^53 answers at once", () => {
    const calendar = defineCalendar({ timeZone: "Asia/Kolkata", week: { mon: [["22:00", "06:00"]] } });
    for (const n of [2 ** 53 - 1, -(2 ** 53), 2 ** 52])
      expect(thrown(() => addBusinessDays(0, n, calendar))).toMatchObject({ code: "beyond_date_range" });
  });

  it("typed text functions given something other than text say so", () => {
    for (const value of [null, undefined, 42, { toString: 1 }, ["a"]]) {
      for (const call of [
        () => detectGenericNotes(value as never),
        () => findQuotes(value as never),
        () => checkRejectionFeedback(value as never),
        () => specificityOf(value as never),
      ]) {
        expect(thrown(call)).toMatchObject({ code: "invalid_argument" });
      }
    }
    expect(thrown(() => specificityOf("CFO Lee Park signs", 7 as never))).toMatchObject({
      code: "invalid_argument",
      message: expect.stringContaining("quote") as string,
    });
    expect(specificityOf("CFO Lee Park signs", undefined).specific).toBe(true);
  });

  it("the qualification scorers name the bad field of evidence, subjects and signals that were never parsed", () => {
    const bar = defineSqlDefinition({ id: "x", version: 1, framework: BANT, requirements: { budget: "noted" } });
    const evaluate = (evidence: unknown): unknown =>
      thrown(() => evaluateQualification(evidence as never, bar, { now: NOW }));
    expect(evaluate(null)).toMatchObject({ code: "invalid_argument" });
    expect(evaluate({ framework: "bant", evidence: null })).toMatchObject({
      code: "invalid_argument",
      message: expect.stringContaining("evidence is null") as string,
    });
    expect(evaluate({ framework: "bant", evidence: { budget: { state: "noted", quote: 1e308 } } })).toMatchObject({
      message: expect.stringContaining("evidence.budget.quote is 1e+308") as string,
    });
    expect(evaluate({ framework: "bant", evidence: { budget: { state: { toString: 1 } } } })).toMatchObject({
      message: expect.stringContaining("evidence.budget.state is an object") as string,
    });
    expect(evaluate({ framework: { toString: 1 }, evidence: {} })).toMatchObject({ code: "invalid_argument" });
    expect(thrown(() => crosswalk({ toString: 1 } as never, BANT, MEDDPICC_LITE))).toMatchObject({
      code: "invalid_argument",
    });
    const icp = defineIcp({
      id: "fit",
      rules: [
        { kind: "uses", any: ["hubspot"], weight: 1 },
        { kind: "industry", include: ["logistics"], weight: 1 },
      ],
    });
    expect(thrown(() => scoreIcpFit({ technologies: 1e20 } as never, icp))).toMatchObject({
      message: expect.stringContaining("technologies is 100000000000000000000") as string,
    });
    expect(thrown(() => scoreIcpFit({ technologies: ["hubspot", undefined] } as never, icp))).toMatchObject({
      message: expect.stringContaining("technologies[1] is undefined") as string,
    });
    expect(thrown(() => scoreIcpFit({ industry: Object.create(null) as unknown } as never, icp))).toMatchObject({
      message: expect.stringContaining("industry is an object") as string,
    });
    expect(thrown(() => scoreIntent([undefined] as never, { now: NOW }))).toMatchObject({
      message: expect.stringContaining("signals[0] is undefined") as string,
    });
    expect(thrown(() => scoreIntent(null as never, { now: NOW }))).toMatchObject({ code: "invalid_argument" });
  });

  it("durations that cannot be turned into text are described, not called", () => {
    const calendar = defineCalendar({ timeZone: "Pacific/Chatham", week: { mon: [["09:00", "17:00"]] } });
    expect(thrown(() => hours({ toString: 1 } as never))).toMatchObject({
      code: "invalid_duration",
      message: expect.stringContaining("hours(an object)") as string,
    });
    expect(thrown(() => addBusinessTime(NOW, { toString: 1 } as never, calendar))).toMatchObject({
      code: "invalid_duration",
    });
  });

  it("replay of something that is not a list, and summary rows whose firstSkipped is not as summarize makes it", () => {
    expect(thrown(() => replay(null as never, LENIENT_LIFECYCLE))).toMatchObject({ code: "invalid_argument" });
    const parsed = parseHandoff({ ...base, events: [bookedWith("2026-11-05T15:30:00Z")] });
    if (!parsed.ok) throw new Error("the record is valid");
    const row = summarize(parsed.value, LENIENT_LIFECYCLE, { now: NOW });
    for (const firstSkipped of [
      null,
      { index: 0, id: "e", type: Object.create(null) as unknown, rule: "r" },
      { index: -1, id: "e", type: "booked", rule: "r" },
    ]) {
      const board = scoreboard([{ ...row, skippedEvents: 1, firstSkipped } as never], { now: NOW });
      expect(board.dataIssues[0]?.issues[0]).toMatchObject({ code: "invalid_field", path: ["firstSkipped"] });
    }
  });
});
