// Careless calls (issue "Every input answered"): every public function, given valid arguments with
// one of them replaced by what a careless caller passes (null, a number for an object, an object
// whose toString is not callable, a list of nulls), returns or throws a HandoffKitError naming the
// argument: never a TypeError from inside. The hostile suite varies the leaves of records; this
// varies the arguments themselves.
import { describe, expect, it } from "vitest";
import * as m from "../fixtures/all-exports.js";
import { handoffInput } from "../fixtures/handoff.js";

/** What a careless caller passes: nothing, the wrong type, an object that cannot become text, a list of nothing. */
const CARELESS: readonly unknown[] = [
  null,
  undefined,
  0,
  Number.NaN,
  1e308,
  "",
  "constructor",
  { toString: 1 },
  Object.create(null) as unknown,
  [],
  [null],
  {},
  new Date(Number.NaN),
  -8.64e15,
  true,
  () => 1,
  Symbol("s"),
  10n,
];
const parsed = m.parseHandoff(handoffInput());
if (!parsed.ok) throw new Error("the fixture parses");
const h = parsed.value;
const now = new Date("2026-11-20T00:00:00Z");
const cal = m.defineCalendar({ timeZone: "America/New_York", week: { mon: [["09:00", "17:00"]] } });
const def = m.defineSqlDefinition({ id: "x", version: 1, framework: m.BANT, requirements: { budget: "noted" } });
const board = m.scoreboard([h], {
  now,
  groupBy: ["sdr", "week"],
  calendars: { "cal-omar": cal, "cal-ana": cal },
  policies: m.HANDOFF_SLA_POLICIES,
});
const acc = m.createAccumulator({ now });
const evaluation = m.evaluateSla(h.events, m.AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now, calendars: { ae: cal } });
const report = m.huddleReport([h], { now, calendars: { "cal-omar": cal, "cal-ana": cal } });
const icp = m.defineIcp({ id: "i", rules: [{ kind: "employees", min: 10, weight: 1 }] });
const ev = { framework: "bant", evidence: { budget: { state: "noted", note: "40k" } } };
/** Valid arguments for every public function; each test replaces one of them. */
const VALID: Readonly<Record<string, readonly unknown[]>> = {
  parseHandoff: [handoffInput(), {}],
  parseHandoffs: [[handoffInput()], {}],
  parseHandoffEvent: [h.events[0], {}],
  parseBrief: [handoffInput().brief, {}],
  summarize: [h, m.LENIENT_LIFECYCLE, { now }],
  stateOf: [h, m.LENIENT_LIFECYCLE],
  allowedEvents: [h, m.LENIENT_LIFECYCLE],
  applyEvent: [{ ...h, events: h.events.slice(0, -1) }, h.events.at(-1), m.LENIENT_LIFECYCLE],
  replay: [h.events, m.LENIENT_LIFECYCLE, { handoff: h }],
  decide: [m.stateOf(h), h.events.at(-1), m.LENIENT_LIFECYCLE, { handoff: h }],
  evolve: [m.initialState(h), h.events[0]],
  initialState: [h],
  defineLifecycle: [{ gate: "either" }],
  defineHealthBands: [m.DEFAULT_HEALTH_BANDS],
  defineRubric: [m.DEFAULT_RUBRIC],
  icpSubjectOf: [h],
  calendarKeyOf: [h, "ae", now],
  missingRequirements: [h, m.DEFAULT_BRIEF_REQUIREMENTS],
  requiredBriefGate: [h],
  bookingGate: [def, m.DEFAULT_RUBRIC, { now }],
  evaluateQualification: [ev, def, { now }],
  crosswalk: [ev, m.BANT, m.MEDDPICC_LITE],
  parseEvidence: [ev, m.BANT, {}],
  scoreIcpFit: [{ employees: 20 }, icp],
  scoreIntent: [[], { now }],
  parseIntentSignals: [[], {}],
  prioritize: [50, 50, {}],
  toJsonSchema: [def],
  specificityOf: ["note", "quote"],
  calibrate: [[], def, {}],
  evidenceSchemaFor: [m.BANT],
  defineIcp: [{ id: "i", rules: [{ kind: "employees", min: 10, weight: 1 }] }],
  defineSqlDefinition: [{ id: "x", version: 1, framework: m.BANT, requirements: { need: "noted" } }],
  defineCalendar: [{ timeZone: "UTC", week: {} }],
  parseCalendar: [{ timeZone: "UTC", week: {} }, {}],
  isOpen: [now, cal],
  nextOpen: [now, cal],
  nextClose: [now, cal],
  previousClose: [now, cal],
  businessTimeBetween: [now, now, cal],
  addBusinessTime: [now, 1000, cal],
  addBusinessDays: [now, 1, cal],
  evaluateSla: [h.events, m.AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, { now, calendars: { ae: cal } }],
  explainSla: [evaluation],
  defineSlaPolicy: [{ id: "p", label: "P", start: ["a"], stop: ["b"], target: { kind: "calendar_time", ms: 1000 } }],
  scoreBrief: [h.brief, m.DEFAULT_RUBRIC],
  checkCompleteness: [h.brief, m.DEFAULT_BRIEF_REQUIREMENTS],
  renderBrief: [h, { format: "markdown" }],
  renderIntroEmail: [h, {}],
  detectGenericNotes: ["x"],
  findQuotes: ["x"],
  checkRejectionFeedback: ["x"],
  parseMeetingQuality: [{ score: 3, note: "ok" }, {}],
  pickReviewSample: [[h], { size: 1, seed: 1 }],
  scoreboard: [[h], { now }],
  createAccumulator: [{ now }],
  accumulate: [m.createAccumulator({ now }), h],
  merge: [acc, m.createAccumulator({ now })],
  finish: [acc],
  snapshotAccumulator: [acc],
  restoreAccumulator: [m.snapshotAccumulator(acc), { now }],
  sampleForReview: [[h], { size: 1, seed: 1 }],
  pickWalkthroughs: [[h], m.DEFAULT_RUBRIC],
  openIntervals: [now, now.getTime() + 7 * 86_400_000, cal],
  compareWithRest: [board],
  detectTrends: [board],
  assessHealth: [board],
  huddleReport: [[h], { now }],
  slaClocks: [[h], { now }],
  renderHuddleReport: [report, { format: "markdown" }],
  wilsonInterval: [3, 10, {}],
  differenceInterval: [{ successes: 3, trials: 10 }, { successes: 4, trials: 10 }, {}],
  poissonRateInterval: [3, 4, {}],
  meanInterval: [3, 10, 40, {}],
  zScore: [0.95],
};

/** Exports that take no argument a caller could get wrong, or only numbers checked elsewhere. */
const EXEMPT = new Set(["HandoffKitError", "openGate", "defineFramework", "seconds", "minutes", "hours", "days"]);

const describeArgument = (value: unknown): string => {
  if (typeof value === "symbol" || typeof value === "bigint" || typeof value === "function") return typeof value;
  if (value instanceof Date) return "an invalid Date";
  try {
    return ((JSON.stringify(value) as string | undefined) ?? String(value)).slice(0, 30);
  } catch {
    return typeof value;
  }
};

describe("careless calls", () => {
  const functions = (Object.entries(m) as [string, unknown][]).filter(
    (entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === "function",
  );

  it("every exported function has valid arguments in the table (or is exempt)", () => {
    expect(functions.map(([name]) => name).filter((name) => !(name in VALID) && !EXEMPT.has(name))).toEqual([]);
  });

  it("each argument replaced by a careless value: a result or a HandoffKitError, never another error", () => {
    const wrong: string[] = [];
    let calls = 0;
    let refused = 0;
    for (const [name, fn] of functions) {
      const valid = VALID[name];
      if (valid === undefined) continue;
      try {
        drain(fn(...valid));
      } catch (error) {
        wrong.push(`${name} with valid arguments: ${String(error)}`);
      }
      valid.forEach((_, position) => {
        for (const careless of CARELESS) {
          const args = [...valid];
          args[position] = careless;
          calls += 1;
          try {
            drain(fn(...args));
          } catch (error) {
            if (error instanceof m.HandoffKitError) refused += 1;
            else wrong.push(`${name}: argument ${String(position)} = ${describeArgument(careless)}: ${String(error)}`);
          }
        }
      });
    }
    expect(wrong).toEqual([]);
    // Measured: 2,394 calls, 2,017 of them refused with a HandoffKitError (the rest answer: a careless
    // value the function can read, such as {} for options).
    expect(calls).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(calls / 2);
  });
});

/** Runs a generator's first steps: openIntervals is lazy, so a bad argument shows only when it is read. */
function drain(result: unknown): void {
  if (typeof result !== "object" || result === null || Array.isArray(result) || !(Symbol.iterator in result)) return;
  const iterator = (result as Iterable<unknown>)[Symbol.iterator]();
  for (let step = 0; step < 3 && iterator.next().done !== true; step += 1);
}
