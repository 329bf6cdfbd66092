import { beforeEach, describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import type { Handoff } from "../../src/handoff/handoff.js";
import { parseHandoff } from "../../src/handoff/parse.js";
import { summarize, type HandoffSummary } from "../../src/handoff/summarize.js";
import {
  createAccumulator,
  finish,
  restoreAccumulator,
  scoreboard,
  snapshotAccumulator,
  type AccumulatorSnapshot,
  type HandoffMetrics,
  type ScoreboardInput,
} from "../../src/metrics/index.js";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
  defineCalendar,
  defineSlaPolicy,
} from "../../src/sla/index.js";
import { handoffInput } from "../fixtures/handoff.js";
import { heldAccepted, NOW, row } from "./rows.js";

const HOUR = 3_600_000;
const booked = new Date("2026-11-02T15:00:00Z").getTime();
const at = (ms: number): Date => new Date(ms);

/** Seven handoffs whose every metric is worked out by hand below. */
const SEVEN: readonly HandoffSummary[] = [
  heldAccepted("r1", 5, {
    style: "warm",
    status: "won",
    outcome: "won",
    acceptedAmount: 8_000,
    acceptedCurrency: "USD",
    wonAmount: 10_000,
    firstFollowUpAt: at(booked + 2 * HOUR),
    firstTouchAt: at(booked - 240 * HOUR),
  }),
  heldAccepted("r2", 3, {
    style: "cold",
    source: "inbound",
    status: "lost",
    outcome: "lost",
    firstFollowUpAt: at(booked + 5 * HOUR),
  }),
  heldAccepted("r3", 1, {
    style: "cold",
    meetingStatus: "no_show",
    quality: undefined,
    firstFollowUpAt: at(booked + 26 * HOUR),
  }),
  row({ id: "r4", status: "recycled", decision: "rejected", reason: "no_budget", meetingStatus: "cancelled" }),
  row({ id: "r5", status: "booked", cycles: 2, meetingStart: new Date("2026-11-10T15:00:00Z") }),
  row({
    id: "r6",
    status: "draft",
    cycles: 0,
    meetingStatus: "none",
    bookedAt: undefined,
    firstBookedAt: undefined,
    meetingStart: undefined,
  }),
  row({ id: "r7", meetingStart: new Date("2026-11-20T15:00:00Z") }),
];

describe("scoreboard definitions, on seven hand-built handoffs", () => {
  // Built in a hook, not when the file loads: a mutation run activates its mutant only for the tests.
  let overall: HandoffMetrics;
  beforeEach(() => {
    overall = scoreboard(SEVEN, { now: NOW }).overall;
  });

  it("counts handoffs and meetings booked (drafts are not booked)", () => {
    expect(overall.handoffs).toBe(7);
    expect(overall.meetingsBooked).toBe(6);
    expect(overall.meetings).toEqual({ held: 2, noShow: 1, cancelled: 1, upcoming: 1, pastUnrecorded: 1 });
  });

  it("held rate is held over the meetings due: held, no-show, cancelled and past unrecorded, not upcoming ones", () => {
    // r1, r2 held; r3 no-show; r4 cancelled; r5 started 10 Nov, before now, with no outcome; r7 is upcoming.
    expect(overall.heldRate).toMatchObject({ value: 2 / 5, numerator: 2, denominator: 5, lowSample: true });
  });

  it("show rate is held over held plus no-show", () => {
    expect(overall.showRate).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3, lowSample: true });
  });

  it("no-show rate counts past meetings still scheduled in the denominator, as Chili Piper does", () => {
    expect(overall.noShowRate).toMatchObject({ value: 1 / 4, numerator: 1, denominator: 4 });
  });

  it("splits the held rate by warm and cold handoffs", () => {
    // Only r1 (warm, held), r2 (cold, held) and r3 (cold, no-show) have a style.
    expect(overall.heldRateByStyle.warm).toMatchObject({ numerator: 1, denominator: 1 });
    expect(overall.heldRateByStyle.cold).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it("acceptance is accepted over decided; handoff-to-opportunity is accepted over booked", () => {
    expect(overall.acceptanceRate).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    expect(overall.handoffToOpportunityRate).toMatchObject({ numerator: 3, denominator: 6, value: 0.5 });
  });

  it("recycle rate is recycled over rejected; recycle-to-rebooked is booked again over recycled", () => {
    // r4 was rejected and recycled; r5 is in its second cycle, so it was both before.
    expect(overall.recycleRate).toMatchObject({ numerator: 2, denominator: 2 });
    expect(overall.recycleToRebookedRate).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it("win rate and deal size, SDR-sourced against inbound", () => {
    expect(overall.winRate.all).toMatchObject({ numerator: 1, denominator: 2 });
    expect(overall.winRate.sdrSourced).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(overall.winRate.inbound).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    // The deal's size is the won amount (10,000), never the accepted one (8,000).
    expect(overall.averageDealSize.all).toMatchObject({ value: 10_000, denominator: 1 });
    expect(overall.averageDealSize.inbound).toMatchObject({ value: null, denominator: 0, interval: null });
  });

  it("SDR-sourced pipeline share counts opportunities by source", () => {
    expect(overall.sdrSourcedPipelineShare).toMatchObject({ numerator: 2, denominator: 3 });
    // The pipeline is the accepted amount (8,000), never the won one (10,000).
    expect(overall.pipelineAmount).toEqual({ all: 8_000, sdrSourced: 8_000, inbound: 0 });
  });

  it("closed-won per 1,000 handoffs scales the rate and its interval", () => {
    expect(overall.closedWonPer1000Handoffs.value).toBeCloseTo(1000 / 6, 9);
    expect(overall.closedWonPer1000Handoffs.interval?.high).toBeLessThanOrEqual(1000);
  });

  it("qualified meetings per SDR-week: accepted over the SDR-weeks with a booking", () => {
    expect(overall.qualifiedMeetingsPerSdrWeek).toMatchObject({ numerator: 3, denominator: 1, value: 3 });
  });

  it("follow-up time: exact median and p90 by linear interpolation", () => {
    // 2 h, 5 h, 26 h: median 5 h; p90 at rank 1.8, so 5 + 0.8 * (26 - 5) = 21.8 h.
    expect(overall.timeToFirstFollowUp.calendar).toEqual({
      count: 3,
      median: 5 * HOUR,
      p90: 21.8 * HOUR,
      mean: 11 * HOUR,
    });
    expect(overall.timeToFirstFollowUp.business).toBeNull();
    expect(overall.timeFromFirstTouchToBooked).toEqual({
      count: 1,
      median: 240 * HOUR,
      p90: 240 * HOUR,
      mean: 240 * HOUR,
    });
  });

  it("meeting quality: the mean with its distribution", () => {
    expect(overall.meetingQuality.mean).toMatchObject({ value: 4, numerator: 8, denominator: 2 });
    expect(overall.meetingQuality.distribution).toEqual([0, 0, 1, 0, 1]);
  });

  it("rejection reasons by code, SDR and segment", () => {
    expect(overall.rejectionReasons.byCode).toEqual([{ code: "no_budget", count: 1, share: 1 }]);
    expect(overall.rejectionReasons.bySdr).toEqual([
      { sdrId: "sdr-ana", reasons: [{ code: "no_budget", count: 1, share: 1 }] },
    ]);
    expect(overall.rejectionReasons.bySegment[0]?.segment).toBe("mid_market");
  });

  it("gives null, never NaN, for an empty denominator", () => {
    const empty = scoreboard([], { now: NOW }).overall;
    expect(empty.heldRate).toEqual({ value: null, numerator: 0, denominator: 0, interval: null, lowSample: true });
    expect(empty.timeToFirstFollowUp.calendar).toEqual({ count: 0, median: null, p90: null, mean: null });
    expect(empty.meetingQuality.mean.value).toBeNull();
  });

  it("flags low samples below minSample", () => {
    expect(scoreboard(SEVEN, { now: NOW, minSample: 5 }).overall.heldRate.lowSample).toBe(false);
    expect(scoreboard(SEVEN, { now: NOW, minSample: 6 }).overall.heldRate.lowSample).toBe(true);
  });

  it("counts amounts in the scoreboard's currency only, and says so", () => {
    const board = scoreboard(
      [row({ id: "eur", status: "won", decision: "accepted", outcome: "won", wonAmount: 5_000, wonCurrency: "EUR" })],
      { now: NOW },
    );
    expect(board.overall.averageDealSize.all.denominator).toBe(0);
    expect(board.overall.winRate.all.numerator).toBe(1);
    expect(board.dataIssues).toEqual([
      {
        index: 0,
        id: "eur",
        excluded: false,
        issues: [expect.objectContaining({ code: "other_currency", path: ["wonCurrency"] })],
      },
    ]);
  });
});

describe("grouping", () => {
  it("groups by SDR, AE, segment and source, sorted by key", () => {
    const rows = [
      row({ id: "a", sdrId: "sdr-zoe" }),
      row({ id: "b", sdrId: "sdr-ana", aeId: "ae-kim" }),
      row({ id: "c", sdrId: "sdr-ana", source: "inbound" }),
    ];
    const bySdr = scoreboard(rows, { now: NOW, groupBy: "sdr" });
    expect(bySdr.groups.map((group) => [group.key, group.metrics.handoffs])).toEqual([
      ["sdr-ana", 2],
      ["sdr-zoe", 1],
    ]);
    const bySdrAndSource = scoreboard(rows, { now: NOW, groupBy: ["sdr", "source"] });
    expect(bySdrAndSource.groups.map((group) => group.key)).toEqual([
      "sdr-ana / inbound",
      "sdr-ana / outbound",
      "sdr-zoe / outbound",
    ]);
    expect(bySdrAndSource.groups[0]?.keys).toEqual({ sdr: "sdr-ana", source: "inbound" });
    expect(
      scoreboard(rows, { now: NOW, groupBy: { name: "pair", key: (r) => `${r.sdrId}>${r.aeId}` } }).groups.map(
        (group) => group.key,
      ),
    ).toEqual(["sdr-ana>ae-kim", "sdr-ana>ae-omar", "sdr-zoe>ae-omar"]);
  });

  it("cuts weeks on the reporting zone's wall clock, across the fall-back night", () => {
    // 03:30Z on 1 November 2026 is 23:30 on Saturday 31 October in New York (EDT); 04:30Z on
    // 2 November is 23:30 on Sunday 1 November (EST, after the clocks went back).
    const rows = [
      row({ id: "sat", bookedAt: new Date("2026-11-01T03:30:00Z") }),
      row({ id: "sun", bookedAt: new Date("2026-11-02T04:30:00Z") }),
    ];
    const keys = (board: ReturnType<typeof scoreboard>): string[] =>
      board.groups.map((group) => `${group.key}:${String(group.metrics.handoffs)}`);
    expect(keys(scoreboard(rows, { now: NOW, groupBy: "week", week: { timeZone: "America/New_York" } }))).toEqual([
      "2026-10-26:2",
    ]);
    expect(
      keys(scoreboard(rows, { now: NOW, groupBy: "week", week: { timeZone: "America/New_York", startsOn: "sun" } })),
    ).toEqual(["2026-10-25:1", "2026-11-01:1"]);
    expect(keys(scoreboard(rows, { now: NOW, groupBy: "week" }))).toEqual(["2026-10-26:1", "2026-11-02:1"]);
    // Auckland is 13 hours ahead: both are Sunday or Monday there.
    expect(keys(scoreboard(rows, { now: NOW, groupBy: "week", week: { timeZone: "Pacific/Auckland" } }))).toEqual([
      "2026-10-26:1",
      "2026-11-02:1",
    ]);
  });

  it("puts a handoff never booked in the week it was created, and one with neither date in 'none'", () => {
    const rows = [
      row({
        id: "draft",
        status: "draft",
        cycles: 0,
        meetingStatus: "none",
        bookedAt: undefined,
        createdAt: new Date("2026-11-10T12:00:00Z"),
      }),
      row({ id: "bare", bookedAt: undefined, createdAt: undefined }),
    ];
    expect(scoreboard(rows, { now: NOW, groupBy: "week" }).groups.map((group) => group.key)).toEqual([
      "2026-11-09",
      "none",
    ]);
  });

  it("refuses misuse with HandoffKitError", () => {
    expect(() => scoreboard([], { now: Number.NaN })).toThrow(HandoffKitError);
    expect(() => scoreboard([], { now: NOW, week: { timeZone: "Mars/Olympus" } })).toThrow(/time zone/u);
    expect(() => scoreboard([], { now: NOW, confidence: 1.5 })).toThrow(HandoffKitError);
    expect(() => scoreboard([], { now: NOW, minSample: -1 })).toThrow(HandoffKitError);
    expect(() => scoreboard([], { now: NOW, groupBy: ["sdr", "sdr"] })).toThrow(/twice/u);
    // @ts-expect-error: not a dimension
    expect(() => scoreboard([], { now: NOW, groupBy: "region" })).toThrow(HandoffKitError);
  });
});

describe("bad data", () => {
  it("reports every bad handoff by index, excludes what cannot be counted, and counts the rest", () => {
    const input = [
      row({ id: "ok" }),
      null,
      row({
        id: "bad-date",
        bookedAt: new Date(Number.NaN),
        meetingStatus: "held",
        status: "accepted",
        decision: "accepted",
      }),
      row({ id: "replayed", skippedEvents: 2 }),
      // Not a parsed handoff (an event with no id and no meeting); one never parsed at all is misuse, tested apart.
      { id: "raw", events: [{ type: "booked", at: new Date("2026-11-02T15:00:00Z") }] },
      row({ id: "no-sdr", sdrId: "" }),
      row({ id: "bad-quality", quality: 7 }),
      row({ id: "accepted-draft", status: "draft", cycles: 0, meetingStatus: "none", decision: "accepted" }),
    ] as unknown as ScoreboardInput[];
    const board = scoreboard(input, { now: NOW });
    expect(board.seen).toBe(8);
    expect(board.excluded).toBe(5);
    expect(
      board.dataIssues.map((issue) => [
        issue.index,
        issue.excluded,
        issue.issues.map((i) => `${i.code}@${i.path.join(".")}`),
      ]),
    ).toEqual([
      [1, true, ["invalid_record@"]],
      [2, false, ["invalid_date@bookedAt"]],
      [3, true, ["inconsistent_history@events"]],
      [4, true, ["invalid_record@"]],
      [5, true, ["invalid_field@sdrId"]],
      [6, false, ["invalid_field@quality"]],
      // Accepted but never booked would count an opportunity without its handoff.
      [7, true, ["inconsistent_row@status"]],
    ]);
    // Counted: ok, bad-date (its booking date is left out, its held meeting is not), bad-quality.
    expect(board.overall.handoffs).toBe(3);
    // bad-date's meeting was held; ok's and bad-quality's (5 Nov, before now) have no outcome.
    expect(board.overall.heldRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(board.overall.showRate).toMatchObject({ numerator: 1, denominator: 1 });
    expect(board.overall.meetingQuality.mean.denominator).toBe(0);
    // The message names the part that is wrong (here the first: no sdr).
    expect(board.dataIssues[3]?.issues[0]?.message).toBe("Not a parsed handoff (parseHandoffs): sdr is undefined");
  });

  it("leaves negative durations out of the times and reports them", () => {
    const board = scoreboard([row({ firstFollowUpAt: new Date(booked - HOUR) })], { now: NOW });
    expect(board.overall.timeToFirstFollowUp.calendar.count).toBe(0);
    expect(board.dataIssues[0]?.issues[0]?.code).toBe("negative_duration");
  });
});

describe("full records", () => {
  // The fixture's acknowledgement is dated a year early on purpose (an out-of-order event); here it
  // comes an hour after the booking, so the history is consistent.
  const input = handoffInput();
  const parsed = parseHandoff({
    ...input,
    events: (input.events ?? []).map((event) => (event.id === "e3" ? { ...event, at: "2026-11-02T16:45:00Z" } : event)),
  });
  if (!parsed.ok) throw new Error("fixture must parse");
  const handoff = parsed.value;
  const office: [string, string][] = [["09:00", "17:00"]];
  const omar = defineCalendar({
    timeZone: "Europe/London",
    week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  });

  it("summarises records, measures business-time follow-up on the AE's calendar and SLA compliance per policy", () => {
    const board = scoreboard([handoff], {
      now: NOW,
      calendars: { "cal-omar": omar },
      policies: [AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, AE_FOLLOWS_UP_WITHIN_48_HOURS],
    });
    // Booked Monday 15:45 London, first follow-up Thursday 17:00: 73 h 15 min around the clock;
    // on a 09:00-17:00 calendar, 1 h 15 min + 8 h + 8 h + 8 h = 25 h 15 min.
    expect(board.overall.timeToFirstFollowUp.calendar.median).toBe(73.25 * HOUR);
    expect(board.overall.timeToFirstFollowUp.business?.median).toBe(25.25 * HOUR);
    const [accepts, followsUp] = board.overall.slaCompliance;
    // Accepted Tuesday 09:00, within a business day of Monday 15:45; the follow-up came after 48 h.
    expect(accepts).toMatchObject({
      policyId: "ae-accepts-within-one-business-day",
      met: 1,
      breached: 0,
      compliance: { value: 1 },
    });
    expect(followsUp).toMatchObject({
      policyId: "ae-follows-up-within-48-hours",
      met: 0,
      breached: 1,
      compliance: { value: 0 },
    });
    expect(board.dataIssues).toEqual([]);
  });

  it("reports a missing calendar instead of throwing, and leaves the handoff out of that policy", () => {
    const board = scoreboard([handoff], { now: NOW, calendars: {}, policies: [AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY] });
    expect(board.overall.slaCompliance[0]).toMatchObject({ met: 0, breached: 0, notEvaluated: 1 });
    expect(board.dataIssues[0]?.issues.map((issue) => issue.code)).toEqual(["missing_calendar", "missing_calendar"]);
  });

  it("gives the same metrics from a record as from its summary row", () => {
    const fromRecord = scoreboard([handoff], { now: NOW }).overall;
    expect(scoreboard([summarize(handoff)], { now: NOW }).overall).toEqual(fromRecord);
    expect(fromRecord.heldRate).toMatchObject({ numerator: 1, denominator: 1 });
    expect(fromRecord.meetingQuality.distribution).toEqual([0, 0, 0, 0, 1]);
  });

  it("merges its groups into the overall it would have ungrouped: SLA counts, business times, reasons", () => {
    // Three SDRs; the third's AE keeps a calendar nobody supplied, so it is not evaluated on the
    // business-day policy and has no business-time follow-up.
    const other: Handoff = { ...handoff, id: "h-2", sdr: { ...handoff.sdr, id: "sdr-ben" } };
    const uncalendared: Handoff = {
      ...handoff,
      id: "h-3",
      sdr: { ...handoff.sdr, id: "sdr-cy" },
      ae: { ...handoff.ae, calendarId: "cal-nobody" },
    };
    // Two policies of the test's own: one no event stops (running everywhere), one the AE's
    // acknowledgement cancels (cancelled everywhere).
    const open = defineSlaPolicy({
      id: "open",
      label: "Open",
      start: ["booked"],
      stop: ["opportunity_won"],
      target: { kind: "calendar_time", ms: 1_000 * 24 * HOUR },
    });
    const dropped = defineSlaPolicy({
      id: "dropped",
      label: "Dropped",
      start: ["booked"],
      stop: ["opportunity_won"],
      cancel: ["acknowledged"],
      target: { kind: "calendar_time", ms: 24 * HOUR },
    });
    const options = {
      now: NOW,
      calendars: { "cal-omar": omar },
      policies: [AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, AE_FOLLOWS_UP_WITHIN_48_HOURS, open, dropped],
    };
    const whole = scoreboard([handoff, other, uncalendared], options).overall;
    const bySdr = scoreboard([handoff, other, uncalendared], { ...options, groupBy: "sdr" });
    expect(bySdr.groups.map((group) => group.key)).toEqual(["sdr-ana", "sdr-ben", "sdr-cy"]);
    expect(bySdr.overall).toEqual(whole);
    expect(
      whole.slaCompliance.map(({ met, breached, running, cancelled, notEvaluated }) => ({
        met,
        breached,
        running,
        cancelled,
        notEvaluated,
      })),
    ).toEqual([
      { met: 2, breached: 0, running: 0, cancelled: 0, notEvaluated: 1 },
      { met: 0, breached: 3, running: 0, cancelled: 0, notEvaluated: 0 },
      { met: 0, breached: 0, running: 3, cancelled: 0, notEvaluated: 0 },
      { met: 0, breached: 0, running: 0, cancelled: 3, notEvaluated: 0 },
    ]);
    // 73 h 15 min around the clock three times; 25 h 15 min of business time twice (as above).
    expect(whole.timeToFirstFollowUp.calendar).toEqual({
      count: 3,
      median: 73.25 * HOUR,
      p90: 73.25 * HOUR,
      mean: 73.25 * HOUR,
    });
    expect(whole.timeToFirstFollowUp.business).toEqual({
      count: 2,
      median: 25.25 * HOUR,
      p90: 25.25 * HOUR,
      mean: 25.25 * HOUR,
    });
  });

  it("has no business times without calendars, and no groups when ungrouped", () => {
    const board = scoreboard([handoff], { now: NOW });
    expect(board.overall.timeToFirstFollowUp.business).toBeNull();
    expect(board.groupBy).toEqual([]);
    expect(board.groups).toEqual([]);
  });

  it("leaves out a record whose history breaks the lifecycle's rules, and says which", () => {
    const broken = parseHandoff(handoffInput());
    if (!broken.ok) throw new Error("fixture must parse");
    const board = scoreboard([handoff, broken.value], { now: NOW });
    expect(board.overall.handoffs).toBe(1);
    expect(board.dataIssues).toEqual([
      { index: 1, id: "h-1042", excluded: true, issues: [expect.objectContaining({ code: "inconsistent_history" })] },
    ]);
  });
});

describe("rejection reasons: counts, shares, most frequent first, ties by code", () => {
  const rejected = (id: string, reason: string, sdrId: string, segment: string): HandoffSummary =>
    row({
      id,
      status: "rejected",
      decision: "rejected",
      decidedAt: new Date("2026-11-03T09:00:00Z"),
      reason,
      sdrId,
      segment,
    });
  it("shares each count of the total, and sorts SDRs and segments by key", () => {
    const rows = [
      rejected("r1", "timing", "sdr-ben", "smb"),
      rejected("r2", "no_budget", "sdr-ana", "mid_market"),
      rejected("r3", "timing", "sdr-ana", "smb"),
      rejected("r4", "authority", "sdr-ben", "smb"),
      rejected("r5", "no_budget", "sdr-ben", "enterprise"),
      rejected("r6", "timing", "sdr-ben", "smb"),
    ];
    const { byCode, bySdr, bySegment } = scoreboard(rows, { now: NOW }).overall.rejectionReasons;
    // timing 3, no_budget 2, authority 1: of 6.
    expect(byCode).toEqual([
      { code: "timing", count: 3, share: 0.5 },
      { code: "no_budget", count: 2, share: 2 / 6 },
      { code: "authority", count: 1, share: 1 / 6 },
    ]);
    expect(bySdr).toEqual([
      // sdr-ana: no_budget 1, timing 1 (a tie, by code); sdr-ben: timing 2, then authority and no_budget 1 each.
      {
        sdrId: "sdr-ana",
        reasons: [
          { code: "no_budget", count: 1, share: 0.5 },
          { code: "timing", count: 1, share: 0.5 },
        ],
      },
      {
        sdrId: "sdr-ben",
        reasons: [
          { code: "timing", count: 2, share: 0.5 },
          { code: "authority", count: 1, share: 0.25 },
          { code: "no_budget", count: 1, share: 0.25 },
        ],
      },
    ]);
    expect(bySegment.map((entry) => entry.segment)).toEqual(["enterprise", "mid_market", "smb"]);
    expect(bySegment[2]).toEqual({
      segment: "smb",
      reasons: [
        { code: "timing", count: 3, share: 0.75 },
        { code: "authority", count: 1, share: 0.25 },
      ],
    });
  });
});

describe("snapshots", () => {
  it("refuses a snapshot made with other options, or something else", () => {
    const snapshot = snapshotAccumulator(createAccumulator({ now: NOW, groupBy: "sdr" }));
    expect(() => restoreAccumulator(snapshot, { now: NOW, groupBy: "ae" })).toThrow(/other options/u);
    expect(() => restoreAccumulator({ kind: "x" } as unknown as AccumulatorSnapshot, { now: NOW })).toThrow(
      HandoffKitError,
    );
    expect(() => finish({ kind: "scoreboard-accumulator", seen: 0 })).toThrow(/createAccumulator/u);
  });
});
