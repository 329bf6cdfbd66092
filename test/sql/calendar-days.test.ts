// calendarDays: the days table's rows worked out by hand around both US DST changes of 2026 (New York,
// 09:00-17:00 on weekdays, Thanksgiving off), with the host's zone set to something else by the test
// setup; and misuse refused.
import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/index.js";
import { defineCalendar } from "../../src/sla/index.js";
import { calendarDays, dayTableCsv, DAY_COLUMNS } from "../../src/sql/index.js";

const HOUR = 3_600_000;
const office: [string, string][] = [["09:00", "17:00"]];
const omar = defineCalendar({
  timeZone: "America/New_York",
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: [{ date: "2026-11-26", name: "Thanksgiving" }],
});
const rowsOf = (from: string, to: string) => [...calendarDays({ "cal-omar": omar }, new Date(from), new Date(to))];

// 2026-01-01 is day 20,454 since 1970-01-01 (56 years of 365 days and 14 leap days); March 1 is 59 days on.
const MARCH_1 = 20_454 + 59;

describe("calendarDays, worked by hand", () => {
  it("steps over the spring-forward Sunday: 02:00 EST becomes 03:00 EDT at 07:00Z", () => {
    // Friday 6 March (EST) to Monday 9 March (EDT); the table starts Friday 00:00 EST, 05:00Z.
    const rows = rowsOf("2026-03-06T05:00:00Z", "2026-03-10T04:00:00Z");
    expect(rows.map((row) => [row.localDate, row.dayNumber, row.businessDay])).toEqual([
      ["2026-03-06", MARCH_1 + 5, 1],
      ["2026-03-07", MARCH_1 + 6, 1],
      ["2026-03-08", MARCH_1 + 7, 1],
      ["2026-03-09", MARCH_1 + 8, 2],
    ]);
    const [friday, , sunday, monday] = rows;
    expect(friday).toMatchObject({
      dayStart: new Date("2026-03-06T05:00:00Z"),
      offsetMs: -5 * HOUR,
      offsetChange: undefined,
      offsetAfterMs: -5 * HOUR,
      landingSwitchMs: undefined,
      open: new Date("2026-03-06T14:00:00Z"),
      close: new Date("2026-03-06T22:00:00Z"),
    });
    // Sunday: the offset changes at 07:00Z; a wall time before 03:00 lands with EST (02:30, which the
    // clock skips, moves forward to 03:30 EDT), from 03:00 on with EDT. Closed all day.
    expect(sunday).toMatchObject({
      dayStart: new Date("2026-03-08T05:00:00Z"),
      offsetMs: -5 * HOUR,
      offsetChange: new Date("2026-03-08T07:00:00Z"),
      offsetAfterMs: -4 * HOUR,
      landingOffsetMs: -5 * HOUR,
      landingSwitchMs: 3 * HOUR,
      landingOffsetAfterMs: -4 * HOUR,
      open: undefined,
      close: undefined,
    });
    expect(monday).toMatchObject({
      dayStart: new Date("2026-03-09T04:00:00Z"),
      offsetMs: -4 * HOUR,
      open: new Date("2026-03-09T13:00:00Z"),
      close: new Date("2026-03-09T21:00:00Z"),
    });
  });

  it("steps over the fall-back Sunday and Thanksgiving", () => {
    // Sunday 1 November: 02:00 EDT becomes 01:00 EST at 06:00Z; 01:00-02:00 shows twice and lands on
    // the first (EDT), so the landing offset switches at 02:00.
    const [sunday] = rowsOf("2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z");
    expect(sunday).toMatchObject({
      localDate: "2026-11-01",
      offsetMs: -4 * HOUR,
      offsetChange: new Date("2026-11-01T06:00:00Z"),
      offsetAfterMs: -5 * HOUR,
      landingOffsetMs: -4 * HOUR,
      landingSwitchMs: 2 * HOUR,
      landingOffsetAfterMs: -5 * HOUR,
    });
    // Wednesday 25 to Friday 27 November: Thanksgiving is no business day and has no hours.
    const week = rowsOf("2026-11-25T05:00:00Z", "2026-11-28T05:00:00Z");
    expect(week.map((row) => [row.localDate, row.businessDay, row.close?.toISOString()])).toEqual([
      ["2026-11-25", 1, "2026-11-25T22:00:00.000Z"],
      ["2026-11-26", 1, undefined],
      ["2026-11-27", 2, "2026-11-27T22:00:00.000Z"],
    ]);
  });

  it("writes the rows as CSV in the layout's columns", () => {
    const [header, friday] = [
      ...dayTableCsv(calendarDays({ "cal-omar": omar }, new Date("2026-03-06T05:00Z"), new Date("2026-03-06T06:00Z"))),
    ];
    expect(header).toBe(`${DAY_COLUMNS.map((column) => column.name).join(",")}\n`);
    expect(friday).toBe(
      "cal-omar,2026-03-06,20518,1,2026-03-06T05:00:00.000Z,-18000000,,-18000000,-18000000,,-18000000," +
        "2026-03-06T14:00:00.000Z,2026-03-06T22:00:00.000Z\n",
    );
  });

  it("gives nothing for an empty range, and refuses what is not a calendar", () => {
    expect(rowsOf("2026-03-06T05:00:00Z", "2026-03-06T05:00:00Z")).toEqual([]);
    expect(() => calendarDays({ x: {} as never }, 0, 1)).toThrow(HandoffKitError);
    expect(() => calendarDays(null as never, 0, 1)).toThrow(/calendars must be an object/u);
    expect(() => calendarDays({}, "soon" as never, 1)).toThrow(HandoffKitError);
  });
});
