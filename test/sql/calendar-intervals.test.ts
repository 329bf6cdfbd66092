// calendarIntervals: every expected interval is worked out by hand from the calendars' specs.
// New York is on EDT (UTC-4) until 2026-11-01 02:00 and on EST (UTC-5) after; London left BST on
// 2026-10-25, so it is on GMT (UTC+0) in the week below.
import { describe, expect, expectTypeOf, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import { defineCalendar } from "../../src/sla/index.js";
import { calendarIntervals, type CalendarIntervalRow } from "../../src/sql/index.js";

const newYork = defineCalendar({
  timeZone: "America/New_York",
  week: Object.fromEntries(
    (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => [
      day,
      [
        ["09:00", "12:00"],
        ["13:00", "17:00"],
      ],
    ]),
  ),
});
const london = defineCalendar({
  timeZone: "Europe/London",
  week: { mon: [["09:00", "17:30"]], fri: [["09:00", "17:30"]] },
  holidays: ["2026-11-02"],
});
const rows = (iterable: Iterable<CalendarIntervalRow>) =>
  [...iterable].map(({ calendarId, start, end }) => [calendarId, start.toISOString(), end.toISOString()]);

describe("calendarIntervals", () => {
  it("gives each calendar's open intervals across a DST change as UTC rows, by key, each in time", () => {
    // Friday 2026-10-30 to Tuesday 2026-11-03 00:00Z. "Z-london" sorts before "ae-omar": code units.
    const result = calendarIntervals(
      { "ae-omar": newYork, "Z-london": london },
      new Date("2026-10-30T00:00:00Z"),
      new Date("2026-11-03T00:00:00Z"),
    );
    expect(rows(result)).toEqual([
      // London: Friday 09:00-17:30 GMT; Monday the 2nd is its holiday.
      ["Z-london", "2026-10-30T09:00:00.000Z", "2026-10-30T17:30:00.000Z"],
      // New York, Friday on EDT: 09-12 is 13:00Z-16:00Z, 13-17 is 17:00Z-21:00Z.
      ["ae-omar", "2026-10-30T13:00:00.000Z", "2026-10-30T16:00:00.000Z"],
      ["ae-omar", "2026-10-30T17:00:00.000Z", "2026-10-30T21:00:00.000Z"],
      // Monday on EST: an hour later in UTC.
      ["ae-omar", "2026-11-02T14:00:00.000Z", "2026-11-02T17:00:00.000Z"],
      ["ae-omar", "2026-11-02T18:00:00.000Z", "2026-11-02T22:00:00.000Z"],
    ]);
    // Iterable again, with the same rows: a table can be written twice from one call.
    expect(rows(result)).toEqual(rows(result));
  });

  it("clips the intervals at the range's ends, and gives nothing for an empty or reversed range", () => {
    expect(
      rows(calendarIntervals({ ny: newYork }, new Date("2026-11-02T15:30:00Z"), new Date("2026-11-02T18:30:00Z"))),
    ).toEqual([
      ["ny", "2026-11-02T15:30:00.000Z", "2026-11-02T17:00:00.000Z"],
      ["ny", "2026-11-02T18:00:00.000Z", "2026-11-02T18:30:00.000Z"],
    ]);
    expect(
      rows(calendarIntervals({ ny: newYork }, new Date("2026-11-02T15:00:00Z"), new Date("2026-11-02T15:00:00Z"))),
    ).toEqual([]);
    expect(
      rows(calendarIntervals({ ny: newYork }, new Date("2026-11-03T00:00:00Z"), new Date("2026-11-02T00:00:00Z"))),
    ).toEqual([]);
    expect(rows(calendarIntervals({}, new Date("2026-11-02T00:00:00Z"), new Date("2026-11-03T00:00:00Z")))).toEqual([]);
  });

  it("refuses misuse before producing a row, naming the calendar", () => {
    const call =
      (calendars: unknown, from: unknown = new Date("2026-11-02T00:00:00Z")) =>
      () =>
        calendarIntervals(calendars as never, from as never, new Date("2026-11-03T00:00:00Z"));
    expect(call(null)).toThrow(HandoffKitError);
    expect(call([newYork])).toThrow(/calendarIntervals: calendars must be an object of calendars by key/);
    expect(call({ ny: newYork, bad: { timeZone: "UTC" } })).toThrow(/calendarIntervals: calendars\["bad"\]/);
    expect(call({ ny: newYork }, Number.NaN)).toThrow(/calendarIntervals: from/);
  });

  it("types its rows", () => {
    expectTypeOf(calendarIntervals).returns.toEqualTypeOf<Iterable<CalendarIntervalRow>>();
    expectTypeOf<CalendarIntervalRow["start"]>().toEqualTypeOf<Date>();
    // @ts-expect-error: the calendars are keyed, not listed
    expect(() => calendarIntervals([newYork], 0, 1)).toThrow(HandoffKitError);
    // @ts-expect-error: an instant is a Date or epoch milliseconds, not text
    expect(() => calendarIntervals({ ny: newYork }, "2026-11-02T00:00:00Z", 1)).toThrow(/from/);
  });
});
