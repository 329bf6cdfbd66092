import { describe, expect, it } from "vitest";
import type { Calendar } from "../../src/sla/calendar.js";
import { checkDimensions, dimensionName, weekCutter, type GroupDimension } from "../../src/metrics/group-by.js";
import { compareWithRest, detectTrends, scoreboard, type Scoreboard } from "../../src/metrics/index.js";
import { roleCalendars } from "../../src/metrics/role-calendars.js";
import { row } from "./rows.js";
import { refusalAfter } from "../fixtures/refusal.js";

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

describe("weekCutter", () => {
  it("cuts weeks on the zone's wall clock, from the day asked for", () => {
    // Wednesday 4 November 2026, 03:00Z, is still Tuesday the 3rd in New York (22:00 EST).
    const at = Date.UTC(2026, 10, 4, 3);
    expect(weekCutter({ timeZone: "America/New_York" }).startDay(at)).toBe(dayOf("2026-11-02"));
    expect(weekCutter({ timeZone: "America/New_York", startsOn: "sun" }).startDay(at)).toBe(dayOf("2026-11-01"));
    expect(weekCutter({ timeZone: "America/New_York", startsOn: "wed" }).startDay(at)).toBe(dayOf("2026-10-28"));
    expect(weekCutter({ timeZone: "America/New_York", startsOn: "tue" }).startDay(at)).toBe(dayOf("2026-11-03"));
    expect(weekCutter().startDay(at)).toBe(dayOf("2026-11-02"));
    expect(weekCutter({ startsOn: "thu" }).startDay(at)).toBe(dayOf("2026-10-29"));
  });

  it("keeps each week's bounds across the fall-back night, whatever order the dates come in", () => {
    // Weeks from Sunday: 1 November starts at 00:00 EDT (04:00Z), 8 November at 00:00 EST (05:00Z).
    const cutter = weekCutter({ timeZone: "America/New_York", startsOn: "sun" });
    const week = (iso: string): string => cutter.name(cutter.startDayOf(new Date(iso)));
    expect(week("2026-11-01T04:00:00Z")).toBe("2026-11-01");
    expect(week("2026-11-01T03:59:59.999Z")).toBe("2026-10-25");
    expect(week("2026-11-08T04:59:59.999Z")).toBe("2026-11-01");
    expect(week("2026-11-08T05:00:00Z")).toBe("2026-11-08");
    expect(week("2026-11-03T12:00:00Z")).toBe("2026-11-01");
    expect(week("2026-10-31T12:00:00Z")).toBe("2026-10-25");
    expect(week("2026-11-08T04:59:59.999Z")).toBe("2026-11-01");
  });

  it("spells the zone as the tz database does, and names a week past 9999 as ISO 8601 does", () => {
    const cutter = weekCutter({ timeZone: "america/new_york" });
    expect([cutter.timeZone, cutter.startsOn]).toEqual(["America/New_York", "mon"]);
    expect(cutter.name(dayOf("2026-11-02"))).toBe("2026-11-02");
    expect(cutter.name(dayOf("2026-11-02"))).toBe("2026-11-02");
    expect(cutter.name(2_932_897)).toBe("+010000-01-01");
  });

  it("refuses a day or zone it does not know", () => {
    expect(() => weekCutter({ startsOn: "monday" as "mon" })).toThrow(
      "(week.startsOn must be one of mon, tue, wed, thu, fri, sat, sun: monday)",
    );
    expect(() => weekCutter({ timeZone: "Mars/Base" })).toThrow("(week.timeZone: Mars/Base)");
  });
});

describe("checkDimensions", () => {
  it("takes one dimension or a list, and a function of a row", () => {
    const pair = { name: "pair", key: () => "x" };
    expect(checkDimensions(undefined, "scoreboard")).toEqual([]);
    expect(checkDimensions("sdr", "scoreboard")).toEqual(["sdr"]);
    expect(checkDimensions(["segment", "ae", "source", "week", pair], "scoreboard")).toEqual([
      "segment",
      "ae",
      "source",
      "week",
      pair,
    ]);
    expect([dimensionName("week"), dimensionName(pair)]).toEqual(["week", "pair"]);
  });
  it("names a dimension it does not know, or one named twice", () => {
    const region = "region" as unknown as GroupDimension;
    expect(() => checkDimensions(["sdr", region], "scoreboard")).toThrow(
      "(scoreboard: options.groupBy[1] must be sdr, ae, segment, source, week or { name, key })",
    );
    expect(() => checkDimensions([{ name: "x" } as never], "scoreboard")).toThrow(
      "(scoreboard: options.groupBy[0] must be sdr, ae, segment, source, week or { name, key })",
    );
    expect(() => checkDimensions([{ name: 3, key: () => "x" } as never], "scoreboard")).toThrow(/groupBy\[0\] must be/);
    expect(() => checkDimensions([null as never], "scoreboard")).toThrow(/groupBy\[0\] must be/);
    expect(() => checkDimensions(["ae", { name: "ae", key: () => "x" }], "scoreboard")).toThrow(
      '(scoreboard: options.groupBy names "ae" twice)',
    );
  });
});

describe("roleCalendars", () => {
  const london = { timeZone: "Europe/London" } as unknown as Calendar;
  const paris = { timeZone: "Europe/Paris" } as unknown as Calendar;
  it("finds each rep's calendar by its id, or by the rep's id when the row names none", () => {
    expect(
      roleCalendars(row({ aeCalendarId: "cal-omar", sdrCalendarId: "cal-ana" }), {
        "cal-omar": london,
        "cal-ana": paris,
      }),
    ).toEqual({ ae: london, sdr: paris });
    expect(
      roleCalendars(row({ aeCalendarId: "", sdrCalendarId: undefined as unknown as string }), {
        "ae-omar": london,
        "sdr-ana": paris,
      }),
    ).toEqual({ ae: london, sdr: paris });
    // The row's SDR calendar is "sdr-ana"; nobody supplied "cal-omar".
    expect(roleCalendars(row({ aeCalendarId: "cal-omar" }), { "sdr-ana": paris })).toEqual({ sdr: paris });
    expect(roleCalendars(row({ aeCalendarId: "toString", sdrCalendarId: "constructor" }), {})).toEqual({});
  });
});

describe("requireBoard", () => {
  const refused = (board: unknown): string =>
    refusalAfter(
      () => compareWithRest(board as Scoreboard),
      "(compareWithRest expects a board made by scoreboard (or finish): ",
    );

  it("names what it was given instead of a board", () => {
    expect(refused({ groupBy: [], groups: [] })).toBe("now is undefined, not a valid Date");
    expect(() => detectTrends(null as never)).toThrow(
      "(detectTrends expects a board made by scoreboard (or finish): it is null)",
    );
    expect(refused([])).toBe("it is an array");
  });

  it("reads the settings and, overall and in each group, the counts and rates its readers compare", () => {
    const board = scoreboard([row({ id: "a" }), row({ id: "b", sdrId: "sdr-2" })], {
      now: new Date("2026-11-14T02:00:00Z"),
      groupBy: "sdr",
    });
    const group = board.groups[0];
    if (group === undefined) throw new Error("the board has a group per SDR");
    const withGroup = (changes: Record<string, unknown>): unknown => ({
      ...board,
      groups: [board.groups[1], { ...group, ...changes }],
    });
    const withMetrics = (changes: Record<string, unknown>): unknown =>
      withGroup({ metrics: { ...group.metrics, ...changes } });
    expect(refused(board)).toBe("no error");
    expect(refused({ ...board, now: 0 })).toBe("now is 0, not a valid Date");
    expect(refused({ ...board, now: new Date(Number.NaN) })).toBe("now is Invalid Date, not a valid Date");
    expect(refused({ ...board, groupBy: "sdr" })).toBe("groupBy is sdr, not a list of dimensions");
    expect(refused({ ...board, groupBy: [1] })).toBe("groupBy is an array, not a list of dimensions");
    expect(refused({ ...board, week: { timeZone: "UTC" } })).toBe("week is an object, not { timeZone, startsOn }");
    expect(refused({ ...board, week: { startsOn: "mon" } })).toBe("week is an object, not { timeZone, startsOn }");
    expect(refused({ ...board, confidence: "95%" })).toBe("confidence is 95%");
    expect(refused({ ...board, minSample: null })).toBe("minSample is null");
    expect(refused({ ...board, overall: null })).toBe("overall is null");
    expect(refused({ ...board, groups: {} })).toBe("groups is an object");
    expect(refused({ ...board, groups: [group, null] })).toBe("groups[1] is null");
    expect(refused(withGroup({ key: 1 }))).toBe("groups[1].key is 1");
    expect(refused(withGroup({ keys: undefined }))).toBe("groups[1].keys is undefined, not names by dimension");
    expect(refused(withGroup({ keys: { sdr: Object.create(null) as unknown } }))).toBe(
      "groups[1].keys is an object, not names by dimension",
    );
    // Every name must be text, not only one of them.
    expect(refused(withGroup({ keys: { sdr: "sdr-2", week: 1 } }))).toBe(
      "groups[1].keys is an object, not names by dimension",
    );
    // eslint-disable-next-line no-sparse-arrays
    expect(refused({ ...board, groupBy: ["sdr", , "week"] })).toBe("groupBy is an array, not a list of dimensions");
    const rate = group.metrics.heldRate;
    expect(refused(withMetrics({ heldRate: { ...rate, value: "50%" } }))).toBe(
      "groups[1].metrics.heldRate is an object, not a metric",
    );
    expect(refused(withMetrics({ heldRate: { ...rate, value: null, interval: null } }))).toBe("no error");
    expect(refused(withMetrics({ heldRate: { ...rate, interval: { low: 0.1 } } }))).toBe(
      "groups[1].metrics.heldRate is an object, not a metric",
    );
    expect(refused(withMetrics({ heldRate: { ...rate, interval: undefined } }))).toBe(
      "groups[1].metrics.heldRate is an object, not a metric",
    );
    expect(
      refused(withMetrics({ meetingQuality: { ...group.metrics.meetingQuality, distribution: [0, 0, 0, 0] } })),
    ).toBe("groups[1].metrics.meetingQuality.distribution is an array, not five counts");
    expect(refused(withMetrics({ meetingQuality: { ...group.metrics.meetingQuality, distribution: {} } }))).toBe(
      "groups[1].metrics.meetingQuality.distribution is an object, not five counts",
    );
    expect(
      refused(withMetrics({ meetingQuality: { ...group.metrics.meetingQuality, distribution: [0, 0, "1", 0, 0] } })),
    ).toBe("groups[1].metrics.meetingQuality.distribution is an array, not five counts");
    // A count that is not a number is found in the first place too.
    expect(
      refused(withMetrics({ meetingQuality: { ...group.metrics.meetingQuality, distribution: ["1", 0, 0, 0, 0] } })),
    ).toBe("groups[1].metrics.meetingQuality.distribution is an array, not five counts");
    expect(refused(withMetrics({ meetings: { ...group.metrics.meetings, pastUnrecorded: null } }))).toBe(
      "groups[1].metrics.meetings.pastUnrecorded is null",
    );
    const followUp = group.metrics.timeToFirstFollowUp;
    expect(
      refused(withMetrics({ timeToFirstFollowUp: { ...followUp, calendar: { ...followUp.calendar, p90: "1h" } } })),
    ).toBe("groups[1].metrics.timeToFirstFollowUp is an object, not { calendar, business }");
    expect(refused(withGroup({ metrics: [] }))).toBe("groups[1].metrics is an array");
    expect(refused(withMetrics({ meetingsBooked: "1" }))).toBe("groups[1].metrics.meetingsBooked is 1");
    for (const rate of ["heldRate", "noShowRate", "acceptanceRate", "handoffToOpportunityRate"]) {
      expect(refused(withMetrics({ [rate]: null }))).toBe(`groups[1].metrics.${rate} is null, not a metric`);
    }
    expect(refused(withMetrics({ acceptanceRate: { ...group.metrics.acceptanceRate, numerator: "1" } }))).toBe(
      "groups[1].metrics.acceptanceRate is an object, not a metric",
    );
    expect(refused(withMetrics({ acceptanceRate: { ...group.metrics.acceptanceRate, denominator: undefined } }))).toBe(
      "groups[1].metrics.acceptanceRate is an object, not a metric",
    );
    expect(refused(withMetrics({ meetingQuality: {} }))).toBe(
      "groups[1].metrics.meetingQuality.mean is undefined, not a metric",
    );
    expect(refused(withMetrics({ meetingQuality: null }))).toBe(
      "groups[1].metrics.meetingQuality.mean is undefined, not a metric",
    );
    expect(refused(withMetrics({ heldRateByStyle: { warm: group.metrics.heldRate } }))).toBe(
      "groups[1].metrics.heldRateByStyle.cold is undefined, not a metric",
    );
    expect(refused(withMetrics({ heldRateByStyle: 0 }))).toBe(
      "groups[1].metrics.heldRateByStyle.warm is undefined, not a metric",
    );
    expect(refused(withMetrics({ meetings: undefined }))).toBe("groups[1].metrics.meetings.held is undefined");
    expect(refused(withMetrics({ timeToFirstFollowUp: {} }))).toBe(
      "groups[1].metrics.timeToFirstFollowUp is an object, not { calendar, business }",
    );
    expect(refused(withMetrics({ timeToFirstFollowUp: 5 }))).toBe(
      "groups[1].metrics.timeToFirstFollowUp is 5, not { calendar, business }",
    );
    expect(refused({ ...board, overall: { ...board.overall, heldRate: 0.5 } })).toBe(
      "overall.heldRate is 0.5, not a metric",
    );
  });
});
