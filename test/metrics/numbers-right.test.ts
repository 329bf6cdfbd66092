// The metric defects an independent computation found (issue "Numbers right"), each with its repro
// and the expected value worked out by hand beside it.
import { describe, expect, it } from "vitest";
import { parseHandoff } from "../../src/handoff/parse.js";
import type { Handoff } from "../../src/handoff/handoff.js";
import { summarize } from "../../src/handoff/summarize.js";
import {
  detectTrends,
  differenceInterval,
  scoreboard,
  wilsonInterval,
  zScore,
  type ScoreboardInput,
} from "../../src/metrics/index.js";
import { AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR, defineCalendar } from "../../src/sla/index.js";
import { handoffInput } from "../fixtures/handoff.js";
import { row } from "./rows.js";

const NOW = new Date("2026-12-01T12:00:00Z");
const slot = { start: "2026-11-05T15:00:00Z", end: "2026-11-05T15:30:00Z" };

/** The fixture handoff with these events (ids and actors filled in), parsed. */
function record(events: readonly Record<string, unknown>[], overrides: Record<string, unknown> = {}): Handoff {
  const input = {
    ...handoffInput(),
    ...overrides,
    events: events.map((event, i) => ({ id: `e${String(i + 1)}`, by: "ae-omar", ...event })),
  };
  const parsed = parseHandoff(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

const booked = { type: "booked", at: "2026-11-02T16:00:00Z", meeting: slot };
const accepted = (money: Record<string, unknown>) => ({ type: "accepted", at: "2026-11-03T09:00:00Z", ...money });
const won = (money: Record<string, unknown>) => ({ type: "opportunity_won", at: "2026-11-20T09:00:00Z", ...money });

describe("amounts: the pipeline is the accepted amount, a deal's size the won amount, each in its own currency", () => {
  it("a won deal does not replace the accepted amount in the pipeline", () => {
    const board = scoreboard([record([booked, accepted({ amount: 40_000 }), won({ amount: 31_000 })])], { now: NOW });
    expect(board.overall.pipelineAmount.all).toBe(40_000);
    expect(board.overall.averageDealSize.all).toMatchObject({ value: 31_000, denominator: 1 });
  });

  it("a won amount in another currency leaves the accepted USD amount in a USD pipeline", () => {
    const board = scoreboard(
      [record([booked, accepted({ amount: 9_384, currency: "USD" }), won({ amount: 69_207, currency: "GBP" })])],
      { now: NOW },
    );
    expect(board.overall.pipelineAmount.all).toBe(9_384);
    expect(board.overall.averageDealSize.all.denominator).toBe(0);
    expect(board.dataIssues[0]?.issues).toEqual([
      expect.objectContaining({ code: "other_currency", path: ["wonCurrency"] }),
    ]);
  });

  it("a won amount without a currency is in the board's currency, whatever the accepted one's", () => {
    const board = scoreboard(
      [record([booked, accepted({ amount: 61_581, currency: "EUR" }), won({ amount: 140_678 })])],
      { now: NOW },
    );
    expect(board.overall.averageDealSize.all).toMatchObject({ value: 140_678, denominator: 1 });
    expect(board.overall.pipelineAmount.all).toBe(0);
    expect(board.dataIssues[0]?.issues).toEqual([
      expect.objectContaining({ code: "other_currency", path: ["acceptedCurrency"] }),
    ]);
  });

  it("a currency without an amount borrows no amount", () => {
    const summary = summarize(
      record([booked, accepted({ amount: 50_000, currency: "USD" }), won({ currency: "EUR" })]),
    );
    expect(summary).toMatchObject({
      acceptedAmount: 50_000,
      acceptedCurrency: "USD",
      wonAmount: undefined,
      wonCurrency: "EUR",
    });
  });

  it("an amount too large to sum safely is a data issue, and no metric becomes NaN or Infinity", () => {
    const board = scoreboard(
      [
        record([booked, accepted({ amount: 1e200 }), won({ amount: 1e200 })]),
        record([booked, accepted({ amount: 10 }), won({ amount: 20 })], { id: "h-2" }),
      ],
      { now: NOW },
    );
    expect(board.overall.pipelineAmount.all).toBe(10);
    expect(board.overall.averageDealSize.all).toMatchObject({ value: 20, denominator: 1 });
    expect(board.dataIssues[0]?.issues.map((issue) => issue.path.join("."))).toEqual(["acceptedAmount", "wonAmount"]);
    expect(JSON.stringify(board.overall)).not.toMatch(/NaN|Infinity|null,"numerator":\d+,"denominator":[1-9]/u);
  });
});

describe("held rate and show rate", () => {
  it(
    "held rate is the 2027 handoff-process Q&A's held over booked meetings that came due; " +
      "show rate is held over held plus no-show",
    () => {
      // 7 held, 1 no-show, 1 cancelled, 1 past with no outcome, 2 upcoming (one starting exactly at now):
      // held rate 7/10 = 70% (the article's band's floor); show rate 7/8; no-show rate 1/9 (Chili Piper's).
      const meeting = (meetingStatus: "held" | "no_show" | "cancelled" | "scheduled", start = "2026-11-20T15:00:00Z") =>
        row({ meetingStatus, meetingStart: new Date(start) });
      const rows = [
        ...Array.from({ length: 7 }, () => meeting("held")),
        meeting("no_show"),
        meeting("cancelled"),
        meeting("scheduled"),
        meeting("scheduled", NOW.toISOString()),
        meeting("scheduled", "2026-12-03T15:00:00Z"),
      ];
      const { overall } = scoreboard(rows, { now: NOW });
      expect(overall.heldRate).toMatchObject({ numerator: 7, denominator: 10, value: 0.7 });
      expect(overall.showRate).toMatchObject({ numerator: 7, denominator: 8, value: 0.875 });
      expect(overall.noShowRate).toMatchObject({ numerator: 1, denominator: 9 });
      expect(overall.meetings).toEqual({ held: 7, noShow: 1, cancelled: 1, upcoming: 2, pastUnrecorded: 1 });
    },
  );
});

describe("now is an as-of cut-off", () => {
  it("events after now are ignored: a handoff booked and accepted after now is a draft", () => {
    const later = record([
      { ...booked, at: "2027-01-04T16:00:00Z" },
      { ...accepted({}), at: "2027-01-05T09:00:00Z" },
    ]);
    const { overall } = scoreboard([later], { now: NOW });
    expect(overall).toMatchObject({ handoffs: 1, meetingsBooked: 0 });
    expect(overall.acceptanceRate.denominator).toBe(0);
    expect(summarize(later, undefined, { now: NOW })).toMatchObject({ status: "draft", cycles: 0, skippedEvents: 0 });
  });

  it("an event after now is neither applied nor counted as refused", () => {
    const handoff = record([booked, accepted({}), { type: "meeting_held", at: "2027-01-05T09:00:00Z" }]);
    expect(summarize(handoff, undefined, { now: NOW })).toMatchObject({
      status: "accepted",
      meetingStatus: "scheduled",
      skippedEvents: 0,
    });
  });
});

describe("whose calendar: the AE the events say owns the handoff", () => {
  const london = defineCalendar({
    timeZone: "Europe/London",
    week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
  });
  const newYork = defineCalendar({
    timeZone: "America/New_York",
    week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
  });
  // The record's AE is ae-omar (calendar cal-omar, London); the events hand the handoff to ae-iris (New York).
  const moved = record([
    {
      type: "booked",
      at: "2026-11-23T16:30:00Z",
      meeting: { start: "2026-11-26T15:00:00Z", end: "2026-11-26T15:30:00Z" },
    },
    { type: "reassigned", at: "2026-11-23T16:45:00Z", role: "ae", to: "ae-iris" },
    { type: "acknowledged", at: "2026-11-23T18:00:00Z", by: "ae-iris" },
    { type: "first_follow_up", at: "2026-11-24T20:00:00Z", by: "ae-iris" },
  ]);

  it("business-time follow-up and every policy run on ae-iris's calendar, found by her id", () => {
    const board = scoreboard([moved], {
      now: NOW,
      calendars: { "cal-omar": london, "ae-iris": newYork },
      policies: [AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR],
    });
    // New York: booked Monday 11:30, follow-up Tuesday 15:00: 5.5 h Monday + 6 h Tuesday = 11.5 business
    // hours (London's calendar would say 0.5 h + 8 h = 8.5).
    expect(board.overall.timeToFirstFollowUp.business?.median).toBe(11.5 * 3_600_000);
    // Acknowledgement due 12:30 New York (17:30Z), given 18:00Z: breached (on London's calendar it
    // would be due Tuesday 09:30 and met).
    expect(board.overall.slaCompliance[0]).toMatchObject({ met: 0, breached: 1, notEvaluated: 0 });
    expect(board.dataIssues).toEqual([]);
    expect(summarize(moved)).toMatchObject({ aeId: "ae-iris", aeCalendarId: "ae-iris", sdrCalendarId: "cal-ana" });
  });

  it("without her calendar, both say so with a data issue", () => {
    const board = scoreboard([moved], {
      now: NOW,
      calendars: { "cal-omar": london },
      policies: [AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR],
    });
    expect(board.overall.timeToFirstFollowUp.business?.count).toBe(0);
    expect(board.overall.slaCompliance[0]).toMatchObject({ met: 0, breached: 0, notEvaluated: 1 });
    expect(board.dataIssues[0]?.issues.map((issue) => `${issue.code}@${issue.path.join(".")}`)).toEqual([
      "missing_calendar@aeCalendarId",
      "missing_calendar@aeCalendarId",
    ]);
  });
});

describe("the normal quantile and the intervals built on it", () => {
  it("is exact to double precision", () => {
    // The correctly rounded doubles of the quantiles to 20 digits (1.95996398454005423552, ...).
    expect(zScore(0.95)).toBe(1.9599639845400543);
    expect(zScore(0.99)).toBe(2.575829303548901);
    expect(zScore(0.9)).toBe(1.6448536269514726);
    expect(zScore(0.999999)).toBe(4.89163847569859);
    expect(Math.abs(zScore(0.68) / Number("0.99445788320975316774") - 1)).toBeLessThan(5e-16);
  });

  it("gives the Wilson interval of Newcombe's example 81/263 to 1e-12", () => {
    // Wilson's formula by hand with z = 1.959963984540054: centre (p + z²/2n) / (1 + z²/n), half-width
    // z/(1 + z²/n) · √(p(1-p)/n + z²/4n²); Newcombe (1998) prints 0.2553 to 0.3662.
    const z = 1.959963984540054;
    const [n, p] = [263, 81 / 263];
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
    const interval = wilsonInterval(81, 263);
    expect(Math.abs((interval?.low ?? 0) - (centre - half))).toBeLessThan(1e-12);
    expect(Math.abs((interval?.high ?? 0) - (centre + half))).toBeLessThan(1e-12);
    expect(interval?.low).toBeCloseTo(0.2553, 4);
    expect(interval?.high).toBeCloseTo(0.3662, 4);
    // Newcombe's example for a difference, 56/70 - 48/80, method 10: 0.0524 to 0.3339.
    const difference = differenceInterval({ successes: 56, trials: 70 }, { successes: 48, trials: 80 });
    expect(difference?.low).toBeCloseTo(0.0524, 4);
    expect(difference?.high).toBeCloseTo(0.3339, 4);
  });
});

describe("trends compare calendar weeks, empty ones included", () => {
  it("an SDR's vacation does not shift the window and hide a supported red flag", () => {
    // now is in the week of 2026-11-30 (a Monday). The window is the 12 weeks from 2026-09-07 to
    // 2026-11-23: earlier 09-07..10-12, recent 10-19..11-23. Weeks 09-07..09-28: one booking a week,
    // held. A vacation from 10-05 to 11-09. Weeks 11-16 and 11-23: ten a week, two held each.
    // Earlier: 4 booked, 4/4 held. Recent: 20 booked, 4/20 held. Recent share 20/24, Wilson low
    // about 0.64 > 0.5: rising; held difference 0.2 - 1 = -0.8, Newcombe high about -0.58 < 0: falling.
    // Before that, the same pattern ten weeks a year earlier would have filled the old "last 12 weeks
    // with data" window with 6 weeks of ten bookings held at 20%, hiding the rise.
    const week = (monday: string, bookings: number, held: number) =>
      Array.from({ length: bookings }, (_, i) =>
        row({
          id: `${monday}-${String(i)}`,
          bookedAt: new Date(`${monday}T15:00:00Z`),
          meetingStart: new Date(`${monday}T16:00:00Z`),
          meetingStatus: i < held ? "held" : "no_show",
        }),
      );
    const olderBusy = ["2026-07-27", "2026-08-03", "2026-08-10", "2026-08-17", "2026-08-24", "2026-08-31"].flatMap(
      (monday) => week(monday, 10, 2),
    );
    const rows = [
      ...olderBusy,
      ...["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28"].flatMap((monday) => week(monday, 1, 1)),
      ...week("2026-11-16", 10, 2),
      ...week("2026-11-23", 10, 2),
    ];
    const [trend] = detectTrends(scoreboard(rows, { now: NOW, groupBy: "week" }));
    expect(trend?.earlierWeeks).toEqual([
      "2026-09-07",
      "2026-09-14",
      "2026-09-21",
      "2026-09-28",
      "2026-10-05",
      "2026-10-12",
    ]);
    expect(trend?.booked).toMatchObject({ earlier: 4, recent: 20, supported: true });
    expect(trend?.heldRate).toMatchObject({ earlier: 1, recent: 0.2, supported: true });
    expect(trend?.redFlag).toBe(true);
  });
});

describe("values named like Object.prototype's members are data", () => {
  it("a source named constructor is not a lead source", () => {
    const board = scoreboard(
      [
        row({
          id: "odd",
          source: "constructor" as never,
          status: "won",
          decision: "accepted",
          outcome: "won",
          wonAmount: 5,
        }),
      ],
      { now: NOW },
    );
    expect(board.excluded).toBe(1);
    expect(board.dataIssues[0]?.issues).toEqual([expect.objectContaining({ code: "invalid_field", path: ["source"] })]);
  });

  it("a calendar key named toString finds no calendar", () => {
    const board = scoreboard([row({ aeCalendarId: "toString", firstFollowUpAt: new Date("2026-11-03T15:00:00Z") })], {
      now: NOW,
      calendars: {},
    });
    expect(board.dataIssues[0]?.issues).toEqual([expect.objectContaining({ code: "missing_calendar" })]);
  });

  it("weeks after the year 9999 are weeks of their own", () => {
    const rows = [
      row({ id: "a", bookedAt: new Date("+010000-01-03T12:00:00Z") }),
      row({ id: "b", bookedAt: new Date("+010000-01-12T12:00:00Z") }),
    ];
    // 3 January 10000 is a Monday (day 2,932,899 since 1970: 2,932,895 days after Monday
    // 1970-01-05, a multiple of 7); the 12th is the next Wednesday.
    expect(
      scoreboard(rows as ScoreboardInput[], { now: NOW, groupBy: "week" }).groups.map((group) => group.key),
    ).toEqual(["+010000-01-03", "+010000-01-10"]);
  });

  it("an excluded history says which event broke which rule", () => {
    const broken = record([
      booked,
      { type: "quality_rated", at: "2026-11-03T10:00:00Z", score: 4, note: "Good call with the CFO" },
    ]);
    const [issue] = scoreboard([broken], { now: NOW }).dataIssues;
    expect(issue?.issues).toEqual([expect.objectContaining({ code: "inconsistent_history", path: ["events", 1] })]);
    expect(issue?.issues[0]?.message).toMatch(
      /event 1 \(quality_rated, id e2\) is refused because the AE rates a meeting that was held/u,
    );
  });
});
