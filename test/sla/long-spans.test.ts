// Spans of any length (issue "Every input answered", hangs): business time across thousands of
// years, holiday ranges to year 9999, and the edges of the Date range answer without walking the
// span. Every expected value is derived by hand in the comment beside it, from the calendar's rule,
// never from the code.
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  defineCalendar,
  evaluateSla,
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  nextClose,
  nextOpen,
  parseCalendar,
  previousClose,
  type CalendarSpec,
} from "../../src/sla/index.js";

const HOUR = 3_600_000;
const allWeek = (window: [string, string]): CalendarSpec["week"] =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [window]]));
const weekdays = (window: [string, string]): CalendarSpec["week"] =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [window]]));
const utc = (year: number, month = 1, day = 1, hour = 0): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, 0, 0, 0);
  return date.getTime();
};

describe("a round-the-clock calendar holds exactly the elapsed time, over any span", () => {
  // Open every instant: business time is real time, however many offset changes lie between.
  const always = defineCalendar({ timeZone: "America/New_York", week: allWeek(["00:00", "24:00"]) });

  it("from 100,000 BCE to 100,000 CE, across every change New York has had and will have", () => {
    const a = utc(-100_000);
    const b = utc(100_000, 6, 15, 7);
    expect(businessTimeBetween(a, b, always)).toBe(b - a);
    expect(businessTimeBetween(b, a, always)).toBe(a - b);
  });

  it("less a closed range from 2027 to the end of 9999", () => {
    // Closed days own nothing: the closed time runs from New York's midnight starting 2027-01-01 to
    // its midnight starting 10000-01-01, both in January, so both at 05:00Z (EST).
    const closedRange = defineCalendar({
      timeZone: "America/New_York",
      week: allWeek(["00:00", "24:00"]),
      holidays: [{ from: "2027-01-01", to: "9999-12-31", name: "Shut" }],
    });
    const closedFrom = utc(2027, 1, 1, 5);
    const closedTo = utc(10_000, 1, 1, 5);
    const a = utc(2026, 1, 1, 5);
    const b = utc(10_001, 1, 1, 5);
    expect(businessTimeBetween(a, b, closedRange)).toBe(b - a - (closedTo - closedFrom));
    expect(nextClose(utc(2026, 6, 1), closedRange)?.getTime()).toBe(closedFrom);
    expect(nextOpen(utc(5_000, 6, 1), closedRange).getTime()).toBe(closedTo);
    expect(previousClose(utc(5_000, 6, 1), closedRange)?.getTime()).toBe(closedFrom);
    // 2026-12-31 at noon EST (17:00Z): 12 hours before the range, 12 hours after it.
    expect(addBusinessTime(utc(2026, 12, 31, 17), 24 * HOUR, closedRange).getTime()).toBe(utc(10_000, 1, 1, 17));
    expect(addBusinessTime(utc(10_000, 1, 1, 17), -24 * HOUR, closedRange).getTime()).toBe(utc(2026, 12, 31, 17));
    // The next business day after 2026-12-31 is 10000-01-01, at the same local time.
    expect(addBusinessDays(utc(2026, 12, 31, 17), 1, closedRange).getTime()).toBe(utc(10_000, 1, 1, 17));
    expect(addBusinessDays(utc(10_000, 1, 1, 17), -1, closedRange).getTime()).toBe(utc(2026, 12, 31, 17));
  });
});

describe("offset changes counted over 200,000 years", () => {
  // Open Sundays 02:00-03:00 in New York only. Under the United States rule (since 2007, and ICU
  // keeps it for every later year) clocks jump from 02:00 to 03:00 on one Sunday a year, so that
  // Sunday's window is empty; the November change repeats 01:00-02:00 and leaves the window alone.
  const sundayTwoAm = defineCalendar({ timeZone: "America/New_York", week: { sun: [["02:00", "03:00"]] } });

  it("one year: 2030 has 52 Sundays, one of them the spring change", () => {
    // 2030-01-01 is a Tuesday and 2030 is not a leap year: 52 weeks and a Tuesday, so 52 Sundays.
    expect(businessTimeBetween(utc(2030), utc(2031), sundayTwoAm)).toBe(51 * HOUR);
  });

  it("500 times 400 years: each weekday 10,435,500 times, 200,000 spring changes", () => {
    // 400 Gregorian years are 146,097 days, 20,871 weeks; 500 of them hold 10,435,500 Sundays and
    // 200,000 spring Sundays. Both ends are Monday evenings in New York, far from any window.
    expect(businessTimeBetween(utc(2030), utc(202_030), sundayTwoAm)).toBe((10_435_500 - 200_000) * HOUR);
    // Split anywhere, the parts add up: here across the year 2100, from which the rules repeat.
    const middle = utc(2100, 3, 14, 7); // Sunday 2100-03-14 02:00 EST, the spring change of 2100
    expect(
      businessTimeBetween(utc(2030), middle, sundayTwoAm) + businessTimeBetween(middle, utc(202_030), sundayTwoAm),
    ).toBe((10_435_500 - 200_000) * HOUR);
  });

  it("before 1800 no zone changes its offset: whole weeks hold the weekly total", () => {
    // 1000-01-01 to 1400-01-01 is 400 Gregorian years: 20,871 weeks of five 8-hour days, under New
    // York's constant local mean time (UTC-4:56:02); both ends fall at 19:03:58 local, outside the windows.
    const office = defineCalendar({ timeZone: "America/New_York", week: weekdays(["09:00", "17:00"]) });
    expect(businessTimeBetween(utc(1_000), utc(1_400), office)).toBe(20_871 * 40 * HOUR);
  });
});

describe("a calendar open only on holidays with hours", () => {
  // No weekly windows: the business days are the two holidays with hours, 2026-01-05 and 2026-01-07.
  const holidaysOnly = defineCalendar({
    timeZone: "UTC",
    week: {},
    holidays: [
      { date: "2026-01-05", hours: [["09:00", "10:00"]] },
      { date: "2026-01-07", hours: [["09:00", "10:00"]] },
    ],
  });

  it("counts business days off the holiday list, from any distance", () => {
    // From 100,000 years on, one business day back is the last holiday with hours; its time of day
    // (midnight) moves to the window's opening.
    expect(addBusinessDays(utc(100_000), -1, holidaysOnly).toISOString()).toBe("2026-01-07T09:00:00.000Z");
    expect(addBusinessDays(-8.64e15, 2, holidaysOnly).toISOString()).toBe("2026-01-07T09:00:00.000Z");
    // 09:30 on the first keeps its time of day on the second.
    expect(addBusinessDays(utc(2026, 1, 5, 9) + 30 * 60_000, 1, holidaysOnly).toISOString()).toBe(
      "2026-01-07T09:30:00.000Z",
    );
    expect(() => addBusinessDays(utc(2026), 3, holidaysOnly)).toThrow(/calendar_never_open/u);
  });
});

describe("holiday ranges stay ranges", () => {
  it("a closed range of ten thousand years parses, and a range with hours may span a year", () => {
    expect(parseCalendar({ timeZone: "UTC", week: {}, holidays: [{ from: "0000-01-01", to: "9999-12-31" }] }).ok).toBe(
      true,
    );
    // 2028 is a leap year: 2028-01-01 to 2028-12-31 is 366 days, 2028-01-01 to 2029-01-01 is 367.
    expect(
      parseCalendar({
        timeZone: "UTC",
        week: {},
        holidays: [{ from: "2028-01-01", to: "2028-12-31", hours: [["10:00", "12:00"]] }],
      }).ok,
    ).toBe(true);
    const tooLong = parseCalendar({
      timeZone: "UTC",
      week: {},
      holidays: [{ from: "2028-01-01", to: "2029-01-01", hours: [["10:00", "12:00"]] }],
    });
    expect(tooLong.ok ? [] : tooLong.issues.map((issue) => `${issue.path.join(".")} ${issue.code}`)).toEqual([
      "holidays.0.to range_too_long",
    ]);
  });

  it("an entry with hours: [] is closed, and wins over another entry's hours that day", () => {
    const cal = defineCalendar({
      timeZone: "UTC",
      week: { mon: [["09:00", "17:00"]] },
      holidays: [
        { date: "2026-11-23", hours: [] },
        { date: "2026-11-23", hours: [["10:00", "11:00"]] },
      ],
    });
    // Monday 2026-11-23 is closed; the next open time is the next Monday's 09:00.
    expect(nextOpen(utc(2026, 11, 23, 10), cal).toISOString()).toBe("2026-11-30T09:00:00.000Z");
  });

  it("closed wins over hours, and a day is named by the first closed entry that covers it", () => {
    const office: [string, string][] = [
      ["09:00", "12:00"],
      ["13:00", "17:00"],
    ];
    const spec = (holidays: CalendarSpec["holidays"]) =>
      defineCalendar({
        timeZone: "America/New_York",
        week: { mon: office, tue: office, wed: office, thu: office, fri: office },
        holidays,
      });
    const winter = { from: "2026-12-21", to: "2026-12-31", name: "Winter break" };
    const christmas = { from: "2026-12-24", to: "2026-12-25", name: "Christmas" };
    const hoursInside = { date: "2026-12-22", hours: [["10:00", "11:00"]] as [string, string][], name: "Open house" };
    const newYear = { date: "2027-01-01", name: "New Year" };
    // Booked Friday 2026-12-18 10:00 EST; one business day later is Monday 2027-01-04 10:00 EST.
    // The meeting is after that, so it does not cap the deadline.
    const events = [
      { type: "booked", at: new Date("2026-12-18T15:00:00Z"), meeting: { start: new Date("2027-01-11T15:00:00Z") } },
    ];
    const skipped = (holidays: CalendarSpec["holidays"]) => {
      const cycle = evaluateSla(events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
        now: new Date("2026-12-18T16:00:00Z"),
        calendars: { ae: spec(holidays) },
      }).current;
      expect(cycle?.deadline.toISOString()).toBe("2027-01-04T15:00:00.000Z");
      return cycle?.trace.skipped.map(
        (day) => `${day.date} ${day.kind}${day.name === undefined ? "" : ` ${day.name}`}`,
      );
    };
    const days = (from: number, to: number, text: string): string[] =>
      Array.from({ length: to - from + 1 }, (_, i) => `2026-12-${String(from + i)} ${text}`);
    const weekend = ["2026-12-19 closed", "2026-12-20 closed"];
    const after = ["2027-01-01 holiday New Year", "2027-01-02 closed", "2027-01-03 closed"];
    expect(skipped([winter, christmas, hoursInside, newYear])).toEqual([
      ...weekend,
      ...days(21, 31, "holiday Winter break"),
      ...after,
    ]);
    expect(skipped([christmas, hoursInside, winter, newYear])).toEqual([
      ...weekend,
      ...days(21, 23, "holiday Winter break"),
      ...days(24, 25, "holiday Christmas"),
      ...days(26, 31, "holiday Winter break"),
      ...after,
    ]);
  });
});
