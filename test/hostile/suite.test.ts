// The hostile-input suite (issue "Every input answered"): handoff-shaped values with hostile leaves,
// given to every public function. Each call must return or throw a HandoffKitError (a parser must
// not throw at all), leave its input as it was, and leave Object.prototype alone. Failures are
// collected over the whole run and listed together, each with the function, the path replaced and
// the value put there, instead of stopping at the first. Counters show that the generators reach
// the shapes that matter, with floors far below what a run measures.
//
// Set HOSTILE_STATS=1 to print fc.statistics of each generator and the counts; HOSTILE_RUNS=<n> for
// longer runs; HOSTILE_SEED=<n> to replay one; HOSTILE_REPORT=<file> to append the failures as JSON lines.
import { appendFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  build,
  caseAt,
  casesOf,
  HOSTILE,
  HOSTILE_CLASSES,
  hostileIndex,
  pathText,
  RECORD_CATEGORIES,
  type Applied,
  type Bases,
  type Case,
} from "./hostile-arbitraries.js";
import { checker, distinct, report, type Failure } from "./hostile-checks.js";
import {
  CALENDAR_BASES,
  CALENDAR_LIST,
  EVENT_LISTS,
  QUALIFICATION_BASES,
  RECORDS,
  ROWS,
  runArithmetic,
  runCalendarSpec,
  runQualification,
  runRecord,
  runRow,
  runSlaEvents,
  labelOf,
  runText,
  textOf,
  type ArithmeticCase,
  type TextCase,
  type Probe,
} from "./hostile-harness.js";
import { HandoffKitError, parseHandoff } from "../fixtures/all-exports.js";

const seed = process.env["HOSTILE_SEED"];
const runs = (n: number, examples: readonly Case[] = []): fc.Parameters<[Case]> => ({
  numRuns: Number(process.env["HOSTILE_RUNS"] ?? n),
  examples: examples.map((c): [Case] => [c]),
  ...(seed === undefined ? {} : { seed: Number(seed) }),
});

const describeCase = (bases: Bases, c: Case, applied: readonly Applied[]): string =>
  `${bases.name} ${String(c.base)}: ` +
  applied.map((edit) => `${pathText(edit.path)} ${edit.kind === "replace" ? "=" : "+="} ${edit.label}`).join("; ") +
  `  [case ${JSON.stringify(c)}]`;

class Counter {
  readonly counts = new Map<string, number>();
  add(label: string): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }
  get(label: string): number {
    return this.counts.get(label) ?? 0;
  }
  /** The labels below their floor, for one readable assertion. */
  below(floors: Readonly<Record<string, number>>): Record<string, number> {
    return Object.fromEntries(
      Object.entries(floors)
        .filter(([label, floor]) => this.get(label) < floor)
        .map(([label]) => [label, this.get(label)]),
    );
  }
}

function classify(applied: readonly Applied[], category: (path: Applied["path"]) => string): string[] {
  const labels = new Set<string>();
  for (const edit of applied) {
    labels.add(`class:${edit.cls}`);
    if (edit.kind === "replace") labels.add(`at:${category(edit.path)}`);
    if (edit.container) labels.add("subtree replaced");
  }
  if (applied.some((edit) => edit.kind === "add-key")) labels.add("polluting key added");
  return [...labels];
}

/** Prints fc.statistics for a generator (while developing: HOSTILE_STATS=1). */
function statistics(bases: Bases, addKeys = true): void {
  if (process.env["HOSTILE_STATS"] === undefined) return;
  console.log(`fc.statistics: ${bases.name}`);
  fc.statistics(casesOf(bases, { addKeys }), (c) => classify(build(bases, c).applied, bases.category), {
    numRuns: 2_000,
  });
}

/** Runs a family of cases through a runner, counting what they reach; returns the checker and the counts. */
function exercise(
  bases: Bases,
  runner: (value: unknown, probe: Probe) => void,
  numRuns: number,
  options: {
    readonly addKeys?: boolean;
    readonly tally?: (value: unknown, counter: Counter) => void;
    readonly examples?: readonly Case[];
  } = {},
) {
  const check = checker();
  const counter = new Counter();
  fc.assert(
    fc.property(casesOf(bases, options), (c) => {
      const { value, applied } = build(bases, c);
      for (const label of classify(applied, bases.category)) counter.add(label);
      counter.add("cases");
      options.tally?.(value, counter);
      check.setCase(describeCase(bases, c, applied));
      runner(value, check.probe);
    }),
    runs(numRuns, options.examples),
  );
  if (process.env["HOSTILE_STATS"] !== undefined)
    console.log(`counts (${bases.name}): ${JSON.stringify(Object.fromEntries([...counter.counts].sort()))}`);
  return { ...check, counter };
}

/** The distinct failures of a test, as JSON lines, for collecting them over many runs. */
function keep(failures: readonly Failure[]): readonly Failure[] {
  const file = process.env["HOSTILE_REPORT"];
  if (file !== undefined)
    for (const group of distinct(failures))
      appendFileSync(file, `${JSON.stringify({ key: group.key, count: group.count, ...group.example })}\n`);
  return failures;
}

/** Floors for the hostile classes: each reached at least `floor` times in the run. */
const classFloors = (floor: number): Record<string, number> =>
  Object.fromEntries(HOSTILE_CLASSES.map((cls) => [`class:${cls}`, floor]));

describe("the checks", () => {
  it("catch a foreign throw, a throw on data, a mutated input, a polluted prototype and a tainted result", () => {
    const check = checker();
    const input = { a: [1, 2], at: new Date(0) };
    check.probe({ fn: "throws", mode: "parsed", watched: input, run: () => JSON.parse("{") as unknown });
    check.probe({ fn: "refuses", mode: "data", watched: input, run: () => new HandoffKitError("invalid_argument") });
    check.probe({
      fn: "refuses",
      mode: "data",
      watched: input,
      run: () => {
        throw new HandoffKitError("invalid_argument");
      },
    });
    check.probe({ fn: "mutates", mode: "parsed", watched: input, run: () => input.at.setTime(1) });
    check.probe({
      fn: "pollutes",
      mode: "parsed",
      watched: {},
      run: () => Object.assign(Object.prototype, { polluted: "yes" }),
    });
    check.probe({
      fn: "taints",
      mode: "parsed",
      watched: {},
      run: () => Object.assign({}, JSON.parse('{"__proto__": { "polluted": "yes" }}') as object),
    });
    expect(check.failures.map((failure) => `${failure.fn}: ${failure.kind}`)).toEqual([
      "throws: threw",
      "refuses: threw-on-data",
      "mutates: mutated-input",
      "pollutes: polluted-prototype",
      "taints: tainted-result",
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("hostile handoff records", () => {
  it("every parser, and every typed function over what parsed, answers without throwing, mutating or polluting", () => {
    statistics(RECORDS);
    const { failures, counter, calls } = exercise(RECORDS, runRecord, 300, {
      // Cases random runs reach rarely, kept as examples once found: a custom framework key that
      // names an Object.prototype member, and an event list that is null.
      examples: [caseAt(RECORDS, 0, "qualification.framework", '"constructor"'), caseAt(RECORDS, 0, "events", "null")],
      tally: (value, counter) => {
        // A record that still parses carries its hostile value into every typed function.
        if (parseHandoff(value).ok) counter.add("parsed with a hostile leaf");
        else counter.add("refused by the parser");
      },
    });
    // Measured (2,000 runs, scaled to 300): each class in 6-37% of the cases (nullish the rarest, 19
    // of 300), each category in 4.5% or more (an event's amount or note, 14), 18% parsed (53).
    expect
      .soft(
        counter.below({
          ...classFloors(4),
          ...Object.fromEntries(RECORD_CATEGORIES.map((category) => [`at:${category}`, 2])),
          "polluting key added": 30,
          "subtree replaced": 30,
          "parsed with a hostile leaf": 15,
          "refused by the parser": 100,
        }),
      )
      .toEqual({});
    // The typed functions were reached with parsed hostile records.
    for (const fn of [
      "summarize",
      "scoreboard",
      "huddleReport",
      "slaClocks",
      "renderBrief",
      "evaluateSla",
      "evaluateQualification",
      "crosswalk",
      "scoreIcpFit",
      "checkRejectionFeedback",
    ]) {
      expect.soft(calls.get(`${fn} (parsed)`) ?? 0, fn).toBeGreaterThanOrEqual(3);
    }
    expect.soft(report(keep(failures))).toBe("");
  });
});

describe("hostile summary rows", () => {
  it("scoreboard, accumulate, merge and finish report bad rows instead of throwing", () => {
    statistics(ROWS, false);
    const { failures, counter } = exercise(ROWS, runRow, 250, {
      addKeys: false,
      // Rare in random runs, kept once found: the first skipped event of a row is null, or has a
      // type that cannot become text.
      examples: [caseAt(ROWS, 0, "firstSkipped", "null"), caseAt(ROWS, 0, "firstSkipped.type", "Object.create(null)")],
    });
    // Measured: each class in 9-35% of the cases (22-87 of 250), each field in 5-9% (12-23).
    expect
      .soft(
        counter.below({
          ...classFloors(5),
          "at:bookedAt": 3,
          "at:acceptedAmount": 3,
          "at:sdrId": 3,
          "at:status": 3,
          "at:cycles": 3,
          "at:firstSkipped": 3,
          "at:meetingStart": 3,
        }),
      )
      .toEqual({});
    expect.soft(report(keep(failures))).toBe("");
  });
});

describe("hostile SLA events", () => {
  it("evaluateSla and explainSla report bad events instead of throwing", () => {
    statistics(EVENT_LISTS, false);
    const { failures, counter } = exercise(EVENT_LISTS, runSlaEvents, 250, { addKeys: false });
    // Measured: each class in 6.6-31% of the cases (17-77 of 250); an event's at, type or whole
    // self in 22-24%, its meeting in 16%.
    expect
      .soft(counter.below({ ...classFloors(4), "at:at": 15, "at:type": 15, "at:meeting": 10, "at:event": 15 }))
      .toEqual({});
    expect.soft(report(keep(failures))).toBe("");
  });
});

describe("hostile calendar specs", () => {
  it("parseCalendar never throws; defineCalendar throws only HandoffKitError; a parsed calendar answers", () => {
    statistics(CALENDAR_BASES);
    const { failures, counter } = exercise(CALENDAR_BASES, runCalendarSpec, 300);
    // Measured: each class in 5.9-38% of the cases (18-115 of 300); week 79%, holidays and zone 35%.
    expect
      .soft(
        counter.below({
          ...classFloors(4),
          "at:week": 100,
          "at:timeZone": 30,
          "at:holidays": 30,
          "polluting key added": 30,
        }),
      )
      .toEqual({});
    expect.soft(report(keep(failures))).toBe("");
  });
});

describe("hostile qualification input", () => {
  it("parseEvidence and parseIntentSignals never throw; the scorers answer", () => {
    statistics(QUALIFICATION_BASES);
    const { failures, counter } = exercise(QUALIFICATION_BASES, runQualification, 300);
    // Measured: each class in 5.4-32% of the cases (16-97 of 300); evidence 64%, signals 53%, subject 38%.
    expect
      .soft(
        counter.below({
          ...classFloors(4),
          "at:qualification": 80,
          "at:signals": 60,
          "at:subject": 40,
          "polluting key added": 30,
        }),
      )
      .toEqual({});
    expect.soft(report(keep(failures))).toBe("");
  });
});

describe("hostile instants and durations in the calendar arithmetic", () => {
  // Index -1 is the valid instant (or duration); the rest are every hostile value.
  const arithmetic: fc.Arbitrary<ArithmeticCase> = fc.record({
    calendar: fc.nat({ max: CALENDAR_LIST.length - 1 }),
    instant: fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 9, arbitrary: hostileIndex }),
    duration: fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 9, arbitrary: hostileIndex }),
  });
  const classOf = (index: number): string => HOSTILE[index]?.cls ?? "valid";

  it("each function answers a hostile instant or duration, or throws a HandoffKitError", () => {
    if (process.env["HOSTILE_STATS"] !== undefined)
      fc.statistics(arithmetic, (c) => [`instant:${classOf(c.instant)}`, `duration:${classOf(c.duration)}`], {
        numRuns: 2_000,
      });
    const check = checker();
    const counter = new Counter();
    fc.assert(
      fc.property(arithmetic, (c) => {
        counter.add(`instant:${classOf(c.instant)}`);
        counter.add(`duration:${classOf(c.duration)}`);
        check.setCase(
          `calendar ${String(c.calendar)} (${CALENDAR_LIST[c.calendar]?.timeZone ?? "?"}), ` +
            `instant ${HOSTILE[c.instant]?.label ?? "valid"}, duration ${HOSTILE[c.duration]?.label ?? "valid"}` +
            `  [case ${JSON.stringify(c)}]`,
        );
        runArithmetic(c, check.probe);
      }),
      { numRuns: Number(process.env["HOSTILE_RUNS"] ?? 300), ...(seed === undefined ? {} : { seed: Number(seed) }) },
    );
    // Each class is about 9% of the instants and of the durations (27 of 300).
    expect
      .soft(
        counter.below(
          Object.fromEntries(
            HOSTILE_CLASSES.flatMap((cls) => [
              [`instant:${cls}`, 8],
              [`duration:${cls}`, 8],
            ]),
          ),
        ),
      )
      .toEqual({});
    expect.soft(report(keep(check.failures))).toBe("");
  });
});

describe("hostile text in the rubric's text functions", () => {
  const text: fc.Arbitrary<TextCase> = fc.record({ index: hostileIndex, spliced: fc.boolean() });

  it("detectGenericNotes, checkRejectionFeedback, specificityOf and findQuotes answer", () => {
    const check = checker();
    const counter = new Counter();
    fc.assert(
      fc.property(text, (c) => {
        counter.add(`class:${HOSTILE[c.index]?.cls ?? "?"}`);
        check.setCase(`${labelOf({ domain: "text", case: c })}  [case ${JSON.stringify(c)}]`);
        runText(textOf(c), check.probe);
      }),
      { numRuns: Number(process.env["HOSTILE_RUNS"] ?? 250), ...(seed === undefined ? {} : { seed: Number(seed) }) },
    );
    // Each class is a tenth of the cases (25 of 250).
    expect.soft(counter.below(classFloors(6))).toEqual({});
    expect.soft(report(keep(check.failures))).toBe("");
  });
});
