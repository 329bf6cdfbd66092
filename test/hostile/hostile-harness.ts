// What the hostile suite calls, shared by the property tests (which check each call's contract) and
// the worker (which times each call). A runner takes one built case and hands every public call it
// makes to a probe; the probe runs it and returns its result, or undefined when it threw.
import {
  accumulate,
  addBusinessDays,
  addBusinessTime,
  AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR,
  allowedEvents,
  applyEvent,
  BANT,
  bookingGate,
  businessTimeBetween,
  checkCompleteness,
  checkRejectionFeedback,
  createAccumulator,
  defineCalendar,
  crosswalk,
  days,
  DEFAULT_RUBRIC,
  defineIcp,
  defineLifecycle,
  defineSqlDefinition,
  detectGenericNotes,
  evaluateQualification,
  evaluateSla,
  explainSla,
  findQuotes,
  finish,
  FRAMEWORKS,
  HANDOFF_EVENT_TYPES,
  HANDOFF_SLA_POLICIES,
  HandoffKitError,
  hours,
  huddleReport,
  slaClocks,
  icpSubjectOf,
  isOpen,
  LENIENT_LIFECYCLE,
  MEDDPICC,
  MEDDPICC_LITE,
  merge,
  minutes,
  nextClose,
  nextOpen,
  openIntervals,
  parseBrief,
  parseCalendar,
  parseEvidence,
  parseHandoff,
  parseHandoffEvent,
  parseHandoffs,
  parseIntentSignals,
  parseMeetingQuality,
  pickWalkthroughs,
  previousClose,
  renderBrief,
  renderHuddleReport,
  renderIntroEmail,
  replay,
  restoreAccumulator,
  sampleForReview,
  scoreboard,
  scoreBrief,
  scoreIcpFit,
  scoreIntent,
  snapshotAccumulator,
  specificityOf,
  stateOf,
  summarize,
  type Calendar,
  type CalendarSpec,
  type Framework,
  type Handoff,
  type HandoffEvent,
  type IntentSignal,
  type ScoreboardAccumulator,
  type ScoreboardOptions,
  type SlaEvaluation,
  type SqlDefinition,
} from "../fixtures/all-exports.js";
import { handoffInput } from "../fixtures/handoff.js";
import { basesOf, build, HOSTILE, pathText, RECORDS, SAMPLE, type Bases, type Case } from "./hostile-arbitraries.js";

export { HandoffKitError };

/**
 * How a call's input reached it: `data` for functions that take untrusted input (they must never
 * throw), `parsed` for typed functions given what a parser accepted, `raw` for typed functions given
 * the unparsed hostile value (a caller who skipped the parser: misuse, so HandoffKitError is allowed).
 */
export type Mode = "data" | "parsed" | "raw";

export interface Call {
  readonly fn: string;
  readonly mode: Mode;
  /** The arguments in short, where one function is called several ways: `(T, -d, cal)`. */
  readonly args?: string;
  /** The input whose immutability is checked. */
  readonly watched: unknown;
  readonly run: () => unknown;
  /** A check of the result's own contract (a batch that covers every index); a message when broken. */
  readonly verify?: (result: unknown) => string | undefined;
}

export type Probe = (call: Call) => unknown;

export const NOW = Date.UTC(2026, 10, 20, 15);
/** A valid instant the calendar calls start from. */
export const T = Date.UTC(2026, 10, 4, 14, 30);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
const own = (value: unknown, key: string): unknown =>
  isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;

// ---------------------------------------------------------------------------------------------
// Fixed configuration: calendars, lifecycle rules, definitions, profiles, signals.

const office: [string, string][] = [["09:00", "17:00"]];
const weekdays = { mon: office, tue: office, wed: office, thu: office, fri: office };
const allDay: [string, string][] = [["00:00", "24:00"]];

/**
 * The sample data's calendars, then calendars with overnight windows, half-hour DST, holidays with
 * hours and no closing time.
 */
export const CALENDAR_SPECS: readonly CalendarSpec[] = [
  ...(Object.values(SAMPLE.calendars) as CalendarSpec[]),
  {
    timeZone: "Asia/Kolkata",
    week: { mon: [["22:00", "06:00"]], tue: [["22:00", "06:00"]], fri: [["18:00", "02:00"]] },
  },
  {
    timeZone: "Australia/Lord_Howe",
    week: { ...weekdays, sat: [["10:00", "12:00"]] },
    holidays: ["2026-12-25", { date: "2026-12-24", hours: [["09:00", "13:00"]], name: "Christmas Eve" }],
  },
  {
    timeZone: "Pacific/Chatham",
    week: {
      mon: [
        ["09:00", "12:00"],
        ["13:00", "17:00"],
      ],
      wed: [
        ["09:00", "12:00"],
        ["13:00", "17:00"],
      ],
    },
  },
  {
    timeZone: "UTC",
    week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  },
  { timeZone: "America/New_York", week: { sun: [["23:00", "24:00"]] }, holidays: ["2026-11-29"] },
];

export const CALENDAR_LIST: readonly Calendar[] = CALENDAR_SPECS.map((spec) => defineCalendar(spec));
const NEW_YORK = defineCalendar({ timeZone: "America/New_York", week: weekdays, holidays: ["2026-11-26"] });
const LONDON = defineCalendar({ timeZone: "Europe/London", week: weekdays });

/** Calendars by key, as a scoreboard reads them: the sample's calendar ids and the fixture's. */
export const CALENDARS: Readonly<Record<string, Calendar>> = Object.fromEntries([
  ...Object.keys(SAMPLE.calendars).map((key, index): [string, Calendar] => [key, CALENDAR_LIST[index] ?? NEW_YORK]),
  ["cal-ana", NEW_YORK],
  ["cal-omar", LONDON],
]);

const calendarOfRep = (handoff: Handoff, rep: Handoff["ae"]): Calendar => {
  const key = rep.calendarId ?? rep.id;
  return Object.hasOwn(CALENDARS, key) ? (CALENDARS[key] ?? NEW_YORK) : NEW_YORK;
};

const MEDDPICC_LITE_BAR = defineSqlDefinition({
  id: "mid-market-sql",
  version: 2,
  framework: MEDDPICC_LITE,
  requirements: { economicBuyer: "noted", identifyPain: "validated" },
  icp: {
    profile: defineIcp({
      id: "p",
      rules: [
        { kind: "employees", min: 50, max: 5_000, weight: 3 },
        { kind: "industry", include: ["software", "logistics"], weight: 1 },
      ],
    }),
    minScore: 40,
  },
  intent: { minScore: 10 },
  signOffs: [
    { role: "sdr_leader", name: "Sam", at: "2026-10-01T15:00:00Z" },
    { role: "ae_leader", name: "Ari", at: "2026-10-02T15:00:00Z" },
  ],
});

/**
 * The lifecycle with the handoff-checklist article's placement and the rubric's booking gate
 * (qualification, completeness, score).
 */
export const GATED = defineLifecycle({
  gate: "before_meeting",
  bookingGate: bookingGate(MEDDPICC_LITE_BAR, DEFAULT_RUBRIC, { now: NOW }),
});
const AFTER = defineLifecycle({ gate: "after_meeting" });

export const PROFILE = defineIcp({
  id: "revops",
  rules: [
    { kind: "employees", min: 50, max: 5_000, weight: 3 },
    { kind: "industry", include: ["software", "logistics", "fintech"], weight: 2 },
    { kind: "region", include: ["NA", "EMEA"], weight: 1 },
    { kind: "uses", any: ["Salesforce", "HubSpot"], weight: 2 },
    { kind: "avoids", any: ["Clari"], weight: 1 },
  ],
});

/** A definition per built-in framework: its first three criteria required, with ICP and intent thresholds. */
const DEFINITIONS: Readonly<Record<string, SqlDefinition<Framework>>> = Object.fromEntries(
  Object.values(FRAMEWORKS).map((framework: Framework) => [
    framework.key,
    defineSqlDefinition({
      id: `${framework.key}-bar`,
      version: 1,
      framework,
      requirements: Object.fromEntries(
        framework.criteria
          .slice(0, 3)
          .map((criterion, index) => [criterion.key, (["noted", "validated", "suggested"] as const)[index] ?? "noted"]),
      ),
      icp: { profile: PROFILE, minScore: 30 },
      intent: { minScore: 5, halfLife: days(7) },
      signOffs: [{ role: "sdr_leader", name: "Sam", at: "2026-10-01T15:00:00Z" }],
    }),
  ]),
);

const frameworkFor = (key: unknown): Framework =>
  typeof key === "string" && Object.hasOwn(FRAMEWORKS, key)
    ? ((FRAMEWORKS as Record<string, Framework>)[key] ?? BANT)
    : BANT;
const definitionFor = (framework: Framework): SqlDefinition<Framework> =>
  DEFINITIONS[framework.key] ?? (DEFINITIONS["bant"] as SqlDefinition<Framework>);

export const SIGNALS_INPUT = (): unknown[] => [
  { kind: "pricing_page_visit", at: "2026-11-18T14:00:00Z", strength: 0.5 },
  { kind: "funding", at: "2026-10-01T00:00:00Z", note: "Series B, $30M" },
  { kind: "hiring", at: 1_762_102_800_000 },
  { kind: "webinar_attended", at: "2026-11-10T17:00:00+01:00", strength: 1, note: "Asked about board reporting" },
];
const SIGNALS = parseIntentSignals(SIGNALS_INPUT()).valid.map((entry) => entry.value);

const FIXTURE_PARSED = ((): Handoff => {
  const parsed = parseHandoff(handoffInput());
  if (!parsed.ok) throw new Error("the fixture is valid");
  return parsed.value;
})();

/** The sample records, parsed once (index 0 the fixture), for the bases made of parsed values. */
const PARSED: readonly Handoff[] = [
  FIXTURE_PARSED,
  ...parseHandoffs(SAMPLE.handoffs).valid.map((entry) => entry.value),
];

const BOARD: ScoreboardOptions = {
  now: NOW,
  groupBy: ["sdr", "ae", "segment", "source", "week"],
  week: { timeZone: "America/New_York" },
  calendars: CALENDARS,
  policies: HANDOFF_SLA_POLICIES,
};
const BOARD_ROWS: ScoreboardOptions = { now: NOW, groupBy: ["sdr", "week"], calendars: CALENDARS };
const HUDDLE = { now: NOW, timeZone: "America/New_York", calendars: CALENDARS } as const;

// ---------------------------------------------------------------------------------------------
// Result contracts.

/** A batch result must name every input once, in `valid` or in `invalid`. */
export function batchCovers(count: number): (result: unknown) => string | undefined {
  return (result) => {
    const batch = result as { valid: readonly { index: number }[]; invalid: readonly { index: number }[] };
    const seen = [...batch.valid, ...batch.invalid].map((entry) => entry.index).sort((a, b) => a - b);
    const expected = Array.from({ length: count }, (_, index) => index);
    return JSON.stringify(seen) === JSON.stringify(expected)
      ? undefined
      : `the batch names indices ${JSON.stringify(seen)}, not each of 0..${String(count - 1)} once`;
  };
}

/** A Result must be `{ ok: true, value }` or `{ ok: false, issues }` with at least one issue. */
function isResult(result: unknown): string | undefined {
  if (!isObject(result)) return "not a result object";
  if (result["ok"] === true) return "value" in result ? undefined : "ok without a value";
  if (result["ok"] === false)
    return Array.isArray(result["issues"]) && result["issues"].length > 0 ? undefined : "not ok, but no issues";
  return "neither ok nor not ok";
}

/** A parser's answer: the value of an ok Result, undefined for anything else (a refusal, or a throw). */
const okValue = (result: unknown): unknown => (isObject(result) && result["ok"] === true ? result["value"] : undefined);

// ---------------------------------------------------------------------------------------------
// Runners.

/** A handoff record as a CRM exported it: every parser, then every typed function on what parsed. */
export function runRecord(record: unknown, probe: Probe): void {
  const parsed = okValue(
    probe({ fn: "parseHandoff", mode: "data", watched: record, run: () => parseHandoff(record), verify: isResult }),
  ) as Handoff | undefined;
  probe({
    fn: "parseHandoffs",
    mode: "data",
    watched: record,
    run: () => parseHandoffs([handoffInput(), record, handoffInput()]),
    verify: batchCovers(3),
  });
  const brief = own(record, "brief");
  if (brief !== undefined)
    probe({ fn: "parseBrief", mode: "data", watched: brief, run: () => parseBrief(brief), verify: isResult });
  const events = own(record, "events");
  if (Array.isArray(events)) {
    events.forEach((event: unknown) => {
      probe({
        fn: "parseHandoffEvent",
        mode: "data",
        watched: event,
        run: () => parseHandoffEvent(event),
        verify: isResult,
      });
      if (own(event, "type") === "quality_rated")
        probe({
          fn: "parseMeetingQuality",
          mode: "data",
          watched: event,
          run: () => parseMeetingQuality({ score: own(event, "score"), note: own(event, "note") }),
          verify: isResult,
        });
    });
    probe({ fn: "replay", mode: "data", watched: events, run: () => replay(events, LENIENT_LIFECYCLE) });
    probe({ fn: "replay", mode: "data", watched: events, run: () => replay(events, GATED) });
  } else if (events !== undefined) {
    probe({ fn: "replay", mode: "raw", watched: events, run: () => replay(events as unknown[], LENIENT_LIFECYCLE) });
  }
  const qualification = own(record, "qualification");
  if (qualification !== undefined) {
    probe({
      fn: "parseEvidence",
      mode: "data",
      watched: qualification,
      run: () => parseEvidence(qualification, frameworkFor(own(qualification, "framework"))),
      verify: isResult,
    });
  }
  // Typed functions given the record unparsed: the scoreboard, the huddle and evaluateSla say they
  // refuse records and events never parsed with invalid_argument; anything else is a defect.
  probe({ fn: "scoreboard", mode: "raw", watched: record, run: () => scoreboard([record as Handoff], BOARD) });
  probe({
    fn: "accumulate",
    mode: "raw",
    watched: record,
    run: () => accumulate(createAccumulator(BOARD_ROWS), record as Handoff),
  });
  probe({ fn: "huddleReport", mode: "raw", watched: record, run: () => huddleReport([record as Handoff], HUDDLE) });
  probe({ fn: "slaClocks", mode: "raw", watched: record, run: () => slaClocks([record as Handoff], HUDDLE) });
  if (Array.isArray(events)) {
    probe({
      fn: "evaluateSla",
      mode: "raw",
      watched: events,
      run: () =>
        evaluateSla(events as HandoffEvent[], AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR, {
          now: NOW,
          calendars: { ae: NEW_YORK, sdr: NEW_YORK },
        }),
    });
  }
  if (parsed !== undefined) runParsed(parsed, probe);
}

/** The latest instant a parsed record holds, as an as-of `now` at its own edge. */
function latestInstant(handoff: Handoff): number {
  let latest = handoff.createdAt?.getTime() ?? NOW;
  for (const event of handoff.events) latest = Math.max(latest, event.at.getTime());
  return latest;
}

/** Every typed function over a record a parser accepted. */
export function runParsed(handoff: Handoff, probe: Probe): void {
  const w = handoff;
  const board = BOARD;
  const huddle = HUDDLE;
  const p = (fn: string, run: () => unknown, verify?: (result: unknown) => string | undefined): unknown =>
    probe({ fn, mode: "parsed", watched: w, run, ...(verify === undefined ? {} : { verify }) });
  const row = p("summarize", () => summarize(handoff));
  p("summarize", () => summarize(handoff, GATED, { now: NOW }));
  p("summarize", () => summarize(handoff, AFTER, { now: latestInstant(handoff) }));
  p("stateOf", () => stateOf(handoff));
  p("stateOf", () => stateOf(handoff, GATED));
  p("allowedEvents", () => allowedEvents(handoff, LENIENT_LIFECYCLE));
  p("allowedEvents", () => allowedEvents(handoff, GATED));
  const last = handoff.events.at(-1);
  if (last !== undefined) {
    const before = { ...handoff, events: handoff.events.slice(0, -1) };
    p("applyEvent", () => applyEvent(before, last, LENIENT_LIFECYCLE));
    p("applyEvent", () => applyEvent(before, last, GATED));
  }
  p("replay", () => replay(handoff.events, GATED, { handoff }));
  p("scoreboard", () => scoreboard([handoff, FIXTURE_PARSED], board));
  p("scoreboard", () => scoreboard([handoff], { now: latestInstant(handoff), groupBy: "week" }));
  const acc = p("createAccumulator", () => createAccumulator(board)) as ScoreboardAccumulator | undefined;
  if (acc !== undefined) {
    p("accumulate", () => accumulate(acc, handoff, { index: 0 }));
    if (row !== undefined) p("accumulate", () => accumulate(acc, row as Handoff, { index: 1 }));
    p("finish", () => finish(acc));
    const snapshot = p("snapshotAccumulator", () => snapshotAccumulator(acc));
    if (snapshot !== undefined)
      p("restoreAccumulator", () => restoreAccumulator(snapshot as ReturnType<typeof snapshotAccumulator>, board));
    p("merge", () => finish(merge(acc, accumulate(createAccumulator(board), FIXTURE_PARSED))));
  }
  p("slaClocks", () => slaClocks([handoff, FIXTURE_PARSED], huddle));
  const report = p("huddleReport", () => huddleReport([handoff, FIXTURE_PARSED], huddle)) as
    ReturnType<typeof huddleReport> | undefined;
  if (report !== undefined) {
    p("renderHuddleReport", () => renderHuddleReport(report));
    p("renderHuddleReport", () => renderHuddleReport(report, { format: "markdown" }));
  }
  const edge = p("huddleReport", () => huddleReport([handoff], { now: latestInstant(handoff), policies: [] })) as
    ReturnType<typeof huddleReport> | undefined;
  if (edge !== undefined) p("renderHuddleReport", () => renderHuddleReport(edge, { format: "markdown" }));
  p("scoreBrief", () => scoreBrief(handoff.brief, DEFAULT_RUBRIC, { prospect: handoff.prospect }));
  p("checkCompleteness", () => checkCompleteness(handoff.brief));
  p("renderBrief", () => renderBrief(handoff, { format: "markdown" }));
  p("renderBrief", () => renderBrief(handoff, { format: "text", timeZone: "Asia/Kolkata" }));
  p("renderIntroEmail", () => renderIntroEmail(handoff));
  const notes = handoff.brief.notes;
  if (notes !== undefined) {
    p("detectGenericNotes", () => detectGenericNotes(notes));
    p("findQuotes", () => findQuotes(notes));
    p("specificityOf", () => specificityOf(notes));
  }
  for (const event of handoff.events) {
    if (event.type === "rejected") p("checkRejectionFeedback", () => checkRejectionFeedback(event.note));
  }
  const subject = p("icpSubjectOf", () => icpSubjectOf(handoff)) as ReturnType<typeof icpSubjectOf> | undefined;
  if (subject !== undefined) p("scoreIcpFit", () => scoreIcpFit(subject, PROFILE));
  const qualification = handoff.qualification;
  if (qualification !== undefined) {
    const framework = frameworkFor(qualification.framework);
    p("evaluateQualification", () =>
      evaluateQualification(qualification, definitionFor(framework), {
        now: NOW,
        ...(subject === undefined ? {} : { subject }),
        signals: SIGNALS,
      }),
    );
    p("crosswalk", () => crosswalk(qualification, framework, MEDDPICC_LITE));
    p("crosswalk", () => crosswalk(qualification, framework, BANT));
  }
  p("bookingGate", () => GATED.bookingGate(handoff));
  const calendars = { ae: calendarOfRep(handoff, handoff.ae), sdr: calendarOfRep(handoff, handoff.sdr) };
  for (const policy of HANDOFF_SLA_POLICIES) {
    const evaluation = p("evaluateSla", () => evaluateSla(handoff.events, policy, { now: NOW, calendars })) as
      SlaEvaluation | undefined;
    if (evaluation !== undefined) p("explainSla", () => explainSla(evaluation));
  }
  p("pickWalkthroughs", () => pickWalkthroughs([handoff, FIXTURE_PARSED]));
  p("sampleForReview", () => sampleForReview([handoff, FIXTURE_PARSED], { size: 1, seed: 202_647 }));
}

/** Summary rows of the fixture and the sample records. */
export const ROWS: Bases = basesOf("row", PARSED.length, (index) =>
  summarize(PARSED[index] ?? FIXTURE_PARSED, LENIENT_LIFECYCLE, { now: NOW }),
);

/** A summary row as an analyst's export would carry it back: the scoreboard reads rows as data. */
export function runRow(row: unknown, probe: Probe): void {
  const p = (fn: string, run: () => unknown): unknown => probe({ fn, mode: "parsed", watched: row, run });
  const options = BOARD_ROWS;
  p("scoreboard", () => scoreboard([row as Handoff], options));
  p("scoreboard", () =>
    scoreboard([summarize(FIXTURE_PARSED), row as Handoff], {
      now: NOW,
      groupBy: ["segment", "source", "ae"],
      currency: "EUR",
    }),
  );
  const acc = createAccumulator(options);
  if (p("accumulate", () => accumulate(acc, row as Handoff, { index: 0 })) !== undefined) {
    p("finish", () => finish(acc));
    p("merge", () => finish(merge(acc, accumulate(createAccumulator(options), summarize(FIXTURE_PARSED)))));
    p("snapshotAccumulator", () => restoreAccumulator(snapshotAccumulator(acc), options));
  }
}

/** The parsed records' event lists (Dates and all), as evaluateSla's callers hold them. */
export const EVENT_LISTS: Bases = basesOf(
  "sla-events",
  PARSED.length,
  (index) => (PARSED[index] ?? FIXTURE_PARSED).events,
  (path) => (path.length < 2 ? "event" : String(path[1])),
);

export function runSlaEvents(events: unknown, probe: Probe): void {
  const calendars = { ae: LONDON, sdr: NEW_YORK };
  for (const policy of HANDOFF_SLA_POLICIES) {
    const evaluation = probe({
      fn: "evaluateSla",
      mode: "parsed",
      watched: events,
      run: () => evaluateSla(events as HandoffEvent[], policy, { now: NOW, calendars }),
    }) as SlaEvaluation | undefined;
    if (evaluation !== undefined)
      probe({ fn: "explainSla", mode: "parsed", watched: evaluation, run: () => explainSla(evaluation) });
    probe({
      fn: "evaluateSla",
      mode: "parsed",
      watched: events,
      run: () =>
        evaluateSla(events as HandoffEvent[], policy, { now: NOW, calendars, eventTypes: HANDOFF_EVENT_TYPES }),
    });
  }
}

export const CALENDAR_BASES: Bases = basesOf("calendar", CALENDAR_SPECS.length, (index) => CALENDAR_SPECS[index]);

const FIXTURE_EVENTS = FIXTURE_PARSED.events;

/** A calendar spec from a config file or an API: parsed, then used. */
export function runCalendarSpec(spec: unknown, probe: Probe): void {
  const calendar = okValue(
    probe({ fn: "parseCalendar", mode: "data", watched: spec, run: () => parseCalendar(spec), verify: isResult }),
  ) as Calendar | undefined;
  probe({ fn: "defineCalendar", mode: "raw", watched: spec, run: () => defineCalendar(spec as CalendarSpec) });
  if (calendar === undefined) return;
  const p = (fn: string, run: () => unknown): unknown => probe({ fn, mode: "parsed", watched: spec, run });
  p("isOpen", () => isOpen(T, calendar));
  p("nextOpen", () => nextOpen(T, calendar));
  p("nextClose", () => nextClose(T, calendar));
  p("previousClose", () => previousClose(T, calendar));
  p("addBusinessTime", () => addBusinessTime(T, hours(20), calendar));
  p("addBusinessTime", () => addBusinessTime(T, -hours(20), calendar));
  p("addBusinessDays", () => addBusinessDays(T, 3, calendar));
  p("businessTimeBetween", () => businessTimeBetween(T, T + days(14), calendar));
  for (const policy of HANDOFF_SLA_POLICIES) {
    const evaluation = p("evaluateSla", () =>
      evaluateSla(FIXTURE_EVENTS, policy, { now: NOW, calendars: { ae: calendar, sdr: calendar } }),
    ) as SlaEvaluation | undefined;
    if (evaluation !== undefined) p("explainSla", () => explainSla(evaluation));
  }
}

/** One instant and one duration for the calendar arithmetic, each valid or hostile. */
export interface ArithmeticCase {
  readonly calendar: number;
  /** Index into HOSTILE, or -1 for the valid instant T. */
  readonly instant: number;
  /** Index into HOSTILE, or -1 for three hours. */
  readonly duration: number;
}

export const instantOf = (c: ArithmeticCase): unknown => (c.instant < 0 ? T : HOSTILE[c.instant]?.make(T));
export const durationOf = (c: ArithmeticCase): unknown =>
  c.duration < 0 ? hours(3) : HOSTILE[c.duration]?.make(hours(3));

const MAX_MS = 8.64e15;
const msOf = (value: unknown): number | undefined => {
  const ms = value instanceof Date ? value.getTime() : value;
  return typeof ms === "number" && Number.isFinite(ms) && Math.abs(ms) <= MAX_MS ? ms : undefined;
};

/** The calendar arithmetic with a hostile instant (alone, and spanning to and from now) and a hostile duration. */
export function runArithmetic(c: ArithmeticCase, probe: Probe): void {
  const calendar = CALENDAR_LIST[c.calendar % CALENDAR_LIST.length] ?? NEW_YORK;
  const at = instantOf(c);
  const d = durationOf(c);
  const atInput = at as number;
  const dInput = d as number;
  const p = (fn: string, watched: unknown, run: () => unknown, args?: string): unknown =>
    probe({ fn, mode: "raw", watched, run, ...(args === undefined ? {} : { args }) });
  p("isOpen", at, () => isOpen(atInput, calendar));
  p("nextOpen", at, () => nextOpen(atInput, calendar));
  p("nextClose", at, () => nextClose(atInput, calendar));
  p("previousClose", at, () => previousClose(atInput, calendar));
  p("businessTimeBetween", at, () => businessTimeBetween(atInput, atInput, calendar), "(at, at, cal)");
  const ms = msOf(at);
  if (ms !== undefined) {
    const near = ms > 0 ? Math.max(ms - days(7), -MAX_MS) : Math.min(ms + days(7), MAX_MS);
    p("businessTimeBetween", at, () => businessTimeBetween(atInput, near, calendar), "(at, at ± 7 days, cal)");
    p("openIntervals", at, () => {
      const out: unknown[] = [];
      for (const interval of openIntervals(Math.min(ms, near), Math.max(ms, near), calendar))
        if (out.push(interval) > 50) break;
      return out;
    });
  }
  p("addBusinessTime", at, () => addBusinessTime(atInput, hours(3), calendar), "(at, 3 h, cal)");
  p("addBusinessTime", at, () => addBusinessTime(atInput, -hours(3), calendar), "(at, -3 h, cal)");
  p("addBusinessTime", at, () => addBusinessTime(atInput, 0, calendar), "(at, 0, cal)");
  p("addBusinessDays", at, () => addBusinessDays(atInput, 2, calendar), "(at, 2, cal)");
  p("addBusinessDays", at, () => addBusinessDays(atInput, -2, calendar), "(at, -2, cal)");
  p("businessTimeBetween", at, () => businessTimeBetween(atInput, T, calendar), "(at, T, cal)");
  p("businessTimeBetween", at, () => businessTimeBetween(T, atInput, calendar), "(T, at, cal)");
  p("addBusinessTime", d, () => addBusinessTime(T, dInput, calendar), "(T, d, cal)");
  p("addBusinessTime", d, () => addBusinessTime(T, typeof d === "number" ? -d : dInput, calendar), "(T, -d, cal)");
  p("addBusinessDays", d, () => addBusinessDays(T, dInput, calendar), "(T, d, cal)");
  p("addBusinessDays", d, () => addBusinessDays(T, typeof d === "number" ? -d : dInput, calendar), "(T, -d, cal)");
  p("hours", d, () => hours(dInput), "(d)");
  p("minutes", d, () => minutes(dInput), "(d)");
  p("days", d, () => days(dInput), "(d)");
  // A hostile `now` where nothing spans from 2026 to it: no SLA policies, no open clock.
  p(
    "summarize",
    at,
    () => summarize(FIXTURE_PARSED, LENIENT_LIFECYCLE, { now: atInput }),
    "(fixture, rules, { now: at })",
  );
  p(
    "scoreboard",
    at,
    () => scoreboard([FIXTURE_PARSED], { now: atInput, groupBy: "week" }),
    "([fixture], { now: at })",
  );
  p(
    "huddleReport",
    at,
    () => huddleReport([FIXTURE_PARSED], { now: atInput, policies: [] }),
    "([fixture], { now: at })",
  );
  p(
    "evaluateSla",
    at,
    () => evaluateSla([], AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR, { now: atInput, calendars: { ae: calendar } }),
    "(policy, [], now: at)",
  );
  p("scoreIntent", at, () => scoreIntent(SIGNALS, { now: atInput }), "(signals, { now: at })");
  p(
    "evaluateQualification",
    at,
    () => evaluateQualification({ framework: "bant", evidence: {} }, definitionFor(BANT), { now: atInput }),
    "(evidence, bar, { now: at })",
  );
}

/** Qualification evidence, intent signals and an ICP subject, as a CRM or a form sends them. */
export const QUALIFICATION_BASES: Bases = basesOf("qualification", PARSED.length, (index) => {
  const raw = index === 0 ? handoffInput() : (SAMPLE.handoffs[index - 1] as ReturnType<typeof handoffInput>);
  const account = raw.account;
  return {
    qualification: raw.qualification ?? {
      framework: "meddpicc",
      evidence: { identifyPain: { state: "noted", note: "Board pack takes 3 days" } },
    },
    signals: SIGNALS_INPUT(),
    subject: {
      employees: account.employees ?? 420,
      industry: account.industry ?? "logistics",
      region: account.region ?? "NA",
      technologies: raw.brief?.techStack?.inUse ?? ["Salesforce"],
    },
  };
});

export function runQualification(input: unknown, probe: Probe): void {
  const qualification = own(input, "qualification");
  const signals = own(input, "signals");
  const subject = own(input, "subject");
  const framework = frameworkFor(own(qualification, "framework"));
  const evidence = okValue(
    probe({
      fn: "parseEvidence",
      mode: "data",
      watched: qualification,
      run: () => parseEvidence(qualification, framework),
      verify: isResult,
    }),
  ) as { framework: string; evidence: Record<string, never> } | undefined;
  probe({
    fn: "parseEvidence",
    mode: "data",
    watched: qualification,
    run: () => parseEvidence(qualification, MEDDPICC),
    verify: isResult,
  });
  let parsedSignals: IntentSignal[] | undefined;
  if (Array.isArray(signals)) {
    const batch = probe({
      fn: "parseIntentSignals",
      mode: "data",
      watched: signals,
      run: () => parseIntentSignals(signals),
      verify: batchCovers(signals.length),
    }) as ReturnType<typeof parseIntentSignals> | undefined;
    parsedSignals = batch?.valid.map((entry) => entry.value);
  } else {
    probe({
      fn: "parseIntentSignals",
      mode: "raw",
      watched: signals,
      run: () => parseIntentSignals(signals as unknown[]),
    });
  }
  if (parsedSignals !== undefined) {
    const chosen = parsedSignals;
    probe({ fn: "scoreIntent", mode: "parsed", watched: chosen, run: () => scoreIntent(chosen, { now: NOW }) });
  }
  if (evidence !== undefined) {
    const value = evidence;
    const p = (fn: string, run: () => unknown): unknown => probe({ fn, mode: "parsed", watched: value, run });
    p("evaluateQualification", () =>
      evaluateQualification(value, definitionFor(framework), {
        now: NOW,
        subject: { employees: 420, industry: "logistics" },
        signals: parsedSignals ?? [],
      }),
    );
    p("crosswalk", () => crosswalk(value, framework, MEDDPICC_LITE));
    p("crosswalk", () => crosswalk(value, framework, BANT));
  }
  // Typed scorers given unparsed values (no parser exists for an ICP subject): misuse must be a HandoffKitError.
  probe({ fn: "scoreIcpFit", mode: "raw", watched: subject, run: () => scoreIcpFit(subject as never, PROFILE) });
  probe({
    fn: "evaluateQualification",
    mode: "raw",
    watched: input,
    run: () =>
      evaluateQualification(qualification as never, definitionFor(framework), {
        now: NOW,
        subject: subject as never,
        signals: SIGNALS,
      }),
  });
  probe({
    fn: "crosswalk",
    mode: "raw",
    watched: qualification,
    run: () => crosswalk(qualification as never, framework, MEDDPICC_LITE),
  });
  if (Array.isArray(signals))
    probe({ fn: "scoreIntent", mode: "raw", watched: signals, run: () => scoreIntent(signals as never, { now: NOW }) });
}

/** A hostile value alone, or (spliced) inside a real rejection note. */
export interface TextCase {
  readonly index: number;
  readonly spliced: boolean;
}

export function textOf(c: TextCase): unknown {
  const value = HOSTILE[c.index]?.make("note");
  return c.spliced && typeof value === "string" ? `CFO Lee Park says ${value} budget opens in April 2027` : value;
}

/** Text fields given to the rubric's text functions as a CRM holds them (a note may be null, a number). */
export function runText(value: unknown, probe: Probe): void {
  const text = value as string;
  const mode: Mode = typeof value === "string" ? "parsed" : "raw";
  probe({ fn: "detectGenericNotes", mode, watched: value, run: () => detectGenericNotes(text) });
  probe({ fn: "checkRejectionFeedback", mode, watched: value, run: () => checkRejectionFeedback(text) });
  probe({ fn: "specificityOf", mode, watched: value, run: () => specificityOf(text) });
  probe({ fn: "findQuotes", mode, watched: value, run: () => findQuotes(text) });
}

export { RECORDS };

// ---------------------------------------------------------------------------------------------
// Cases as plain data, for the worker.

export type Domain = "record" | "row" | "sla" | "calendar" | "qualification" | "arithmetic" | "text";

export interface TimingCase {
  readonly domain: Domain;
  readonly case: Case | ArithmeticCase | TextCase;
}

const FAMILIES: Readonly<
  Record<
    "record" | "row" | "sla" | "calendar" | "qualification",
    { readonly bases: Bases; readonly run: (value: unknown, probe: Probe) => void }
  >
> = {
  record: { bases: RECORDS, run: runRecord },
  row: { bases: ROWS, run: runRow },
  sla: { bases: EVENT_LISTS, run: runSlaEvents },
  calendar: { bases: CALENDAR_BASES, run: runCalendarSpec },
  qualification: { bases: QUALIFICATION_BASES, run: runQualification },
};

export function runTimingCase(timing: TimingCase, probe: Probe): void {
  if (timing.domain === "arithmetic") runArithmetic(timing.case as ArithmeticCase, probe);
  else if (timing.domain === "text") runText(textOf(timing.case as TextCase), probe);
  else {
    const family = FAMILIES[timing.domain];
    family.run(build(family.bases, timing.case as Case).value, probe);
  }
}

export function labelOf(timing: TimingCase): string {
  if (timing.domain === "arithmetic") {
    const c = timing.case as ArithmeticCase;
    return (
      `arithmetic on ${CALENDAR_LIST[c.calendar % CALENDAR_LIST.length]?.timeZone ?? "?"} ` +
      `(calendar ${String(c.calendar)}): ` +
      `instant ${HOSTILE[c.instant]?.label ?? "valid"}, duration ${HOSTILE[c.duration]?.label ?? "valid"}`
    );
  }
  if (timing.domain === "text") {
    const c = timing.case as TextCase;
    return `text ${HOSTILE[c.index]?.label ?? "?"}${c.spliced ? " spliced into a note" : ""}`;
  }
  const family = FAMILIES[timing.domain];
  const c = timing.case as Case;
  const { applied } = build(family.bases, c);
  return (
    `${timing.domain} ${String(c.base)}: ` +
    applied.map((edit) => `${pathText(edit.path)} ${edit.kind === "replace" ? "=" : "+="} ${edit.label}`).join("; ")
  );
}
