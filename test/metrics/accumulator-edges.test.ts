import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import type { Handoff } from "../../src/handoff/handoff.js";
import { parseHandoff } from "../../src/handoff/parse.js";
import type { HandoffSummary } from "../../src/handoff/summarize.js";
import {
  accumulate,
  createAccumulator,
  finish,
  merge,
  restoreAccumulator,
  scoreboard,
  snapshotAccumulator,
  type AccumulatorSnapshot,
  type ScoreboardOptions,
} from "../../src/metrics/index.js";
import { AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, defineCalendar, defineSlaPolicy, hours } from "../../src/sla/index.js";
import { handoffInput } from "../fixtures/handoff.js";
import { refusal } from "../fixtures/refusal.js";
import { heldAccepted, NOW, row } from "./rows.js";

// The edges of the accumulator that the rest of the suite leaves open: each bound, message and
// refusal pinned to what the metrics guide and the TSDoc promise, worked out by hand.

const boardOf = (rows: readonly HandoffSummary[], options: Omit<ScoreboardOptions, "now"> = {}) =>
  scoreboard(rows, { now: NOW, ...options });

/** The z of a two-sided 95% interval: the 97.5th percentile of the standard normal. */
const Z95 = 1.959963984540054;

/** The fixture record, parsed; its acknowledgement an hour after the booking, so its history is consistent. */
function parsedRecord(): Handoff {
  const input = handoffInput();
  const parsed = parseHandoff({
    ...input,
    events: (input.events ?? []).map((event) => (event.id === "e3" ? { ...event, at: "2026-11-02T16:45:00Z" } : event)),
  });
  if (!parsed.ok) throw new Error("fixture must parse");
  return parsed.value;
}

/** The message of the HandoffKitError a call throws (any other throw fails the test). */
function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof HandoffKitError) return error.message;
    throw error;
  }
  return "no error";
}

describe("misuse names the function the caller called", () => {
  it("names the option path of a bad now in each function that resolves options", () => {
    expect(refusal(() => createAccumulator({ now: Number.NaN }))).toBe(
      "invalid_instant (createAccumulator: options.now: NaN)",
    );
    expect(refusal(() => scoreboard([], { now: Number.NaN }))).toBe("invalid_instant (scoreboard: options.now: NaN)");
    const snapshot = snapshotAccumulator(createAccumulator({ now: NOW }));
    expect(refusal(() => restoreAccumulator(snapshot, { now: Number.NaN }))).toBe(
      "invalid_instant (restoreAccumulator: options.now: NaN)",
    );
  });

  it("names merge when its first argument is not an accumulator, and snapshotAccumulator for its own", () => {
    const made = "not an accumulator made by createAccumulator (or merge, or restoreAccumulator): an object";
    expect(refusal(() => merge({} as never, createAccumulator({ now: NOW })))).toBe(
      `invalid_argument (merge: ${made})`,
    );
    expect(refusal(() => snapshotAccumulator({} as never))).toBe(`invalid_argument (snapshotAccumulator: ${made})`);
  });

  it("names the function and the record's position when a record was never parsed", () => {
    // The fixture as a CRM exports it: its event instants are still ISO strings.
    const raw = handoffInput() as unknown as Handoff;
    expect(refusal(() => accumulate(createAccumulator({ now: NOW }), raw, { index: 7 }))).toBe(
      "invalid_argument (accumulate expects parsed handoffs or summary rows: call parseHandoffs first; " +
        "record 7 has events[0].at as a string)",
    );
    expect(refusal(() => scoreboard([row(), raw], { now: NOW }))).toBe(
      "invalid_argument (scoreboard expects parsed handoffs or summary rows: call parseHandoffs first; " +
        "record 1 has events[0].at as a string)",
    );
  });
});

describe("an accumulator's options and parts", () => {
  it("include which SLA policies it reports: two with as many but different policies do not merge", () => {
    // Same count of policies, different ids: only the ids tell the two option sets apart.
    const follow = defineSlaPolicy({
      id: "follow",
      label: "Follow up",
      start: ["booked"],
      stop: ["first_follow_up"],
      target: { kind: "calendar_time", ms: hours(48) },
    });
    const a = createAccumulator({ now: NOW, policies: [AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY] });
    const b = createAccumulator({ now: NOW, policies: [follow] });
    expect(refusal(() => merge(a, b))).toBe(
      "invalid_argument (merge needs two accumulators created with the same options)",
    );
    expect(refusal(() => restoreAccumulator(snapshotAccumulator(a), { now: NOW, policies: [follow] }))).toBe(
      "invalid_argument (restoreAccumulator: the snapshot was made with other options)",
    );
  });

  it("shows its parts when inspected or logged: they are fixed, not hidden", () => {
    // Only the mark that copies lack is hidden; what a debugger or console.log shows is the rest.
    const acc = createAccumulator({ now: NOW });
    expect(Object.keys(acc)).toEqual(
      expect.arrayContaining(["kind", "seen", "excluded", "settings", "groups", "issues"]),
    );
  });
});

describe("a summary row from elsewhere is checked as summarize would have made it", () => {
  it("leaves out a draft or a booked row that carries an outcome", () => {
    // A draft has no decision, no outcome and no meeting; a booked handoff no decision and no outcome.
    const draft = {
      status: "draft",
      cycles: 0,
      meetingStatus: "none",
      bookedAt: undefined,
      firstBookedAt: undefined,
      meetingStart: undefined,
    } as const;
    expect(boardOf([row(draft)]).dataIssues).toEqual([]);
    expect(boardOf([row({ ...draft, outcome: "won" }), row({ outcome: "lost" })]).dataIssues).toEqual([
      {
        index: 0,
        id: "h-1",
        excluded: true,
        issues: [
          {
            code: "inconsistent_row",
            path: ["status"],
            message: "status draft does not agree with decision undefined, outcome won, meeting none and 0 cycles",
          },
        ],
      },
      {
        index: 1,
        id: "h-1",
        excluded: true,
        issues: [
          {
            code: "inconsistent_row",
            path: ["status"],
            message:
              "status booked does not agree with decision undefined, outcome lost, meeting scheduled and 1 cycles",
          },
        ],
      },
    ]);
  });

  it("refuses a source that is not one of the three names, even one that turns into one", () => {
    // ["inbound"] becomes "inbound" as a property key: only a string is a source.
    const board = boardOf([row({ source: ["inbound"] as unknown as HandoffSummary["source"] })]);
    expect(board.excluded).toBe(1);
    expect(board.dataIssues[0]?.issues).toEqual([
      { code: "invalid_field", path: ["source"], message: "source must be outbound, inbound or partner" },
    ]);
  });

  it("reads a first skipped event at index 0, and refuses one whose id or rule is not text", () => {
    const first = { index: 0, id: "e1", type: "accepted", rule: "an AE decides only a booked handoff" } as const;
    expect(boardOf([row({ skippedEvents: 1, firstSkipped: first })]).dataIssues).toEqual([
      {
        index: 0,
        id: "h-1",
        excluded: true,
        issues: [
          {
            code: "inconsistent_history",
            path: ["events", 0],
            message:
              "1 recorded event breaks the lifecycle's rules: event 0 (accepted, id e1) is refused because " +
              "an AE decides only a booked handoff; the handoff is left out until its history is fixed",
          },
        ],
      },
    ]);
    const shapeIssue = {
      code: "invalid_field",
      path: ["firstSkipped"],
      message: "firstSkipped must be undefined or { index, id, type, rule } as summarize makes it",
    };
    const withId = row({ firstSkipped: { ...first, id: 7 as unknown as string } });
    const withRule = row({ firstSkipped: { ...first, rule: 7 as unknown as string } });
    expect(boardOf([withId, withRule]).dataIssues.map((issue) => issue.issues)).toEqual([[shapeIssue], [shapeIssue]]);
  });

  it("leaves out a row whose skippedEvents is no whole number, saying so: its history cannot be judged", () => {
    const issue = {
      code: "invalid_field",
      path: ["skippedEvents"],
      message: "skippedEvents must be a whole number (the events the lifecycle refused)",
    };
    const rows = [
      row({ skippedEvents: "2" as unknown as number }),
      row({ skippedEvents: -1 }),
      row({ skippedEvents: 0.5 }),
      row({ skippedEvents: undefined as unknown as number }),
    ];
    const board = boardOf(rows);
    expect(board.dataIssues.map((entry) => entry.issues)).toEqual([[issue], [issue], [issue], [issue]]);
    expect(board.overall.handoffs).toBe(0);
    // Zero is a count: a clean row.
    expect(boardOf([row({ skippedEvents: 0 })]).overall.handoffs).toBe(1);
  });

  it("reports a value that is not an object, and a record that throws when read, each left out", () => {
    const handoff = parsedRecord();
    // A record from storage whose field throws when read (a getter, a proxy): reported, not thrown.
    const broken = Object.defineProperty({ ...handoff }, "segment", {
      get: () => {
        throw new Error("storage went away");
      },
    });
    const acc = createAccumulator({ now: NOW });
    accumulate(acc, null as never);
    accumulate(acc, broken);
    const board = finish(acc);
    expect(board.excluded).toBe(2);
    expect(board.dataIssues).toEqual([
      {
        index: 0,
        excluded: true,
        issues: [{ code: "invalid_record", path: [], message: "A handoff must be an object" }],
      },
      {
        index: 1,
        id: handoff.id,
        excluded: true,
        issues: [
          { code: "invalid_record", path: [], message: "Not a parsed handoff: check records with parseHandoffs first" },
        ],
      },
    ]);
  });
});

describe("dates and spans", () => {
  it("names an invalid date and keeps the row for the metrics that do not need it", () => {
    const board = boardOf([row({ bookedAt: new Date(Number.NaN) })]);
    expect(board.overall.handoffs).toBe(1);
    expect(board.dataIssues).toEqual([
      {
        index: 0,
        id: "h-1",
        excluded: false,
        issues: [
          {
            code: "invalid_date",
            path: ["bookedAt"],
            message: "bookedAt is not a valid date; it is left out of the metrics that need it",
          },
        ],
      },
    ]);
  });

  it("counts an SDR-week only for a row with a booking date, not its creation date", () => {
    // One accepted handoff with no bookedAt: no week in which its SDR booked, so no SDR-week (0 of them).
    const metric = boardOf([heldAccepted("a", 4, { bookedAt: undefined })]).overall.qualifiedMeetingsPerSdrWeek;
    expect(metric).toMatchObject({ numerator: 1, denominator: 0, value: null });
    // The same with its booking date: one SDR-week, one accepted handoff in it.
    expect(boardOf([heldAccepted("a", 4)]).overall.qualifiedMeetingsPerSdrWeek).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 1,
    });
  });

  it("reports a first touch after the first booking, and counts one at the same instant as zero", () => {
    const booked = new Date("2026-11-02T15:00:00Z");
    const late = boardOf([row({ firstTouchAt: new Date("2026-11-02T16:00:00Z") })]);
    expect(late.overall.timeFromFirstTouchToBooked.count).toBe(0);
    expect(late.dataIssues).toEqual([
      {
        index: 0,
        id: "h-1",
        excluded: false,
        issues: [
          {
            code: "negative_duration",
            path: ["firstTouchAt"],
            message: "The first touch is after the first booking; it is left out of the time to booked",
          },
        ],
      },
    ]);
    // Touched and booked in the same call: a span of zero, a real one.
    const same = boardOf([row({ firstTouchAt: booked, firstBookedAt: booked })]);
    expect(same.dataIssues).toEqual([]);
    expect(same.overall.timeFromFirstTouchToBooked).toEqual({ count: 1, median: 0, p90: 0, mean: 0 });
  });
});

describe("decisions, deals and quality", () => {
  it("counts a rejection without a reason as unspecified", () => {
    const rejected = row({ status: "rejected", decision: "rejected", decidedAt: new Date("2026-11-03T09:00:00Z") });
    const reasons = boardOf([rejected]).overall.rejectionReasons;
    expect(reasons.byCode).toEqual([{ code: "unspecified", count: 1, share: 1 }]);
    expect(reasons.bySdr).toEqual([{ sdrId: "sdr-ana", reasons: [{ code: "unspecified", count: 1, share: 1 }] }]);
  });

  it("gives the deal size's interval from the spread of the deals", () => {
    const won = (id: string, wonAmount: number): HandoffSummary =>
      row({ id, status: "won", decision: "accepted", outcome: "won", wonAmount });
    const deal = boardOf([won("a", 100), won("b", 300)]).overall.averageDealSize.all;
    // Mean 200; sample variance (100² + 100²) / 1 = 20,000; standard error √(20,000 / 2) = 100.
    expect(deal.value).toBe(200);
    expect(deal.interval?.low).toBeCloseTo(200 - Z95 * 100, 9);
    expect(deal.interval?.high).toBeCloseTo(200 + Z95 * 100, 9);
  });

  it("gives the quality's interval from the spread of the scores, and refuses a score of 0", () => {
    const board = boardOf([heldAccepted("a", 1), heldAccepted("b", 5), heldAccepted("c", 0), heldAccepted("d", 6)]);
    const quality = board.overall.meetingQuality;
    // 1 and 5 count (the bounds are in); mean 3, sample variance (2² + 2²) / 1 = 8, standard error √(8 / 2) = 2.
    expect(quality.distribution).toEqual([1, 0, 0, 0, 1]);
    expect(quality.mean).toMatchObject({ value: 3, numerator: 6, denominator: 2 });
    expect(quality.mean.interval?.low).toBeCloseTo(3 - Z95 * 2, 9);
    expect(quality.mean.interval?.high).toBeCloseTo(3 + Z95 * 2, 9);
    const issue = { code: "invalid_field", path: ["quality"], message: "quality must be a whole score from 1 to 5" };
    expect(board.dataIssues).toEqual([
      { index: 2, id: "c", excluded: false, issues: [issue] },
      { index: 3, id: "d", excluded: false, issues: [issue] },
    ]);
  });

  it("counts amounts from 0 to 2^53 - 1, both bounds included", () => {
    const max = Number.MAX_SAFE_INTEGER;
    const won = (id: string, wonAmount: number, acceptedAmount: number): HandoffSummary =>
      row({ id, status: "won", decision: "accepted", outcome: "won", wonAmount, acceptedAmount });
    const zero = boardOf([won("a", 0, 0)]);
    expect(zero.dataIssues).toEqual([]);
    // One deal of 0: a deal size of 0, not none.
    expect(zero.overall.averageDealSize.all).toMatchObject({ value: 0, denominator: 1 });
    const top = boardOf([won("a", max, max)]);
    expect(top.dataIssues).toEqual([]);
    expect(top.overall.pipelineAmount.all).toBe(max);
    expect(top.overall.averageDealSize.all).toMatchObject({ value: max, denominator: 1 });
    // One past the cap is a data issue.
    expect(boardOf([won("a", 100, max + 1)]).dataIssues[0]?.issues.map((issue) => issue.path)).toEqual([
      ["acceptedAmount"],
    ]);
  });
});

describe("SLA compliance with a calendar missing", () => {
  it("names the role's calendar field, or the calendar's own name, and the policy", () => {
    const office: [string, string][] = [["09:00", "17:00"]];
    const omar = defineCalendar({
      timeZone: "Europe/London",
      week: { mon: office, tue: office, wed: office, thu: office, fri: office },
    });
    const intro = defineSlaPolicy({
      id: "sdr-intro",
      label: "Intro within a business hour",
      start: ["booked"],
      stop: ["intro_sent"],
      target: { kind: "business_time", ms: hours(1), calendar: "sdr" },
    });
    const support = defineSlaPolicy({
      id: "support-reply",
      label: "Support replies within a business hour",
      start: ["booked"],
      stop: ["intro_sent"],
      target: { kind: "business_time", ms: hours(1), calendar: "support" },
    });
    // Only the AE's calendar is supplied: the SDR's (cal-ana) is missing, and no role is "support".
    const board = scoreboard([parsedRecord()], {
      now: NOW,
      calendars: { "cal-omar": omar },
      policies: [intro, support],
    });
    expect(board.overall.slaCompliance.map((sla) => [sla.policyId, sla.notEvaluated])).toEqual([
      ["sdr-intro", 1],
      ["support-reply", 1],
    ]);
    expect(board.dataIssues[0]?.issues).toEqual([
      {
        code: "missing_calendar",
        path: ["sdrCalendarId"],
        message: 'No "sdr" calendar for sdr-intro; the handoff is left out of its compliance',
      },
      {
        code: "missing_calendar",
        path: ["support"],
        message: 'No "support" calendar for support-reply; the handoff is left out of its compliance',
      },
    ]);
  });
});

describe("restoreAccumulator refuses what snapshotAccumulator did not write", () => {
  const options = { now: NOW };
  const snapshot = snapshotAccumulator(accumulate(createAccumulator(options), row({ id: "a" })));
  // The data is private: read here only to break it the way storage might.
  const data = snapshot.data as Record<string, unknown>;
  const lostMaps =
    "invalid_argument (restoreAccumulator: not an accumulator snapshot, or one that lost its Maps on the way " +
    "(JSON does; postMessage and structured clone do not))";

  it("refuses a snapshot of another kind", () => {
    const other = { ...snapshot, kind: "scoreboard-accumulator" } as unknown as AccumulatorSnapshot;
    expect(refusal(() => restoreAccumulator(other, options))).toBe(
      "invalid_argument (restoreAccumulator: not an accumulator snapshot)",
    );
  });

  it("refuses counts that are not whole numbers, naming itself", () => {
    expect(refusal(() => restoreAccumulator({ ...snapshot, data: { ...data, excluded: "0" } }, options))).toBe(
      lostMaps,
    );
    expect(refusal(() => restoreAccumulator({ ...snapshot, seen: "1" as unknown as number }, options))).toBe(lostMaps);
    // A count stored as a fraction is no count either; the refusal is restoreAccumulator's own.
    expect(refusal(() => restoreAccumulator({ ...snapshot, seen: 1.5 }, options))).toBe(lostMaps);
    expect(refusal(() => restoreAccumulator({ ...snapshot, data: { ...data, excluded: 0.5 } }, options))).toBe(
      lostMaps,
    );
    // Nor is a count below zero; zero itself is one (a snapshot of nothing).
    expect(refusal(() => restoreAccumulator({ ...snapshot, seen: -3 }, options))).toBe(lostMaps);
    expect(refusal(() => restoreAccumulator({ ...snapshot, data: { ...data, excluded: -1 } }, options))).toBe(lostMaps);
  });

  it("refuses a tally that breaks the merge, with what broke", () => {
    type Group = { keys: string[]; tally: Record<string, unknown> };
    const [[key, group]] = [...(data["groups"] as Map<string, Group>)] as [[string, Group]];
    // A reason map whose entry is not itself a map of counts: the tally's shape passes, its contents do not.
    const tally = { ...group.tally, reasonsBySdr: new Map([["sdr-ana", 5]]) };
    const broken = { ...snapshot, data: { ...data, groups: new Map([[key, { ...group, tally }]]) } };
    const message = messageOf(() => restoreAccumulator(broken, options));
    const wrote = "restoreAccumulator: the snapshot's tallies are not what snapshotAccumulator wrote";
    // The engine's own words for what broke follow, in brackets.
    expect(message).toMatch(new RegExp(`\\(${wrote} \\(\\S.* is not iterable\\)\\)$`, "u"));
    expect(refusal(() => restoreAccumulator(broken, options))).toMatch(/^invalid_argument /u);
  });
});
