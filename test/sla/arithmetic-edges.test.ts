import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  defineCalendar,
  hours,
  isOpen,
  nextClose,
  nextOpen,
  openIntervals,
  previousClose,
  type Calendar,
} from "../../src/sla/index.js";
import { refusal } from "../fixtures/refusal.js";

// Long jumps, closed stretches, calendars made only of holidays, and what each refusal says. Every
// expected value is counted by hand on UTC calendars (no offsets to think about); the dates are
// checked against a printed calendar: 2026-11-23, 2027-01-04 and 2027-02-08 are Mondays.

const nineToFive: [string, string][] = [["09:00", "17:00"]];
/** Monday to Friday 09:00-17:00 (8 h a day), closed on Christmas Day (a Friday) and 28 Dec - 1 Jan. */
const office = (): Calendar =>
  defineCalendar({
    timeZone: "UTC",
    week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    holidays: ["2026-12-25", { from: "2026-12-28", to: "2027-01-01" }],
  });
/** No weekly hours: open only on the holidays that have hours (1, 3 and 10 December 2026). */
const eventsOnly = (): Calendar =>
  defineCalendar({
    timeZone: "UTC",
    week: {},
    holidays: [
      { date: "2026-12-01", hours: [["09:00", "12:00"]] },
      "2026-12-02",
      { date: "2026-12-03", hours: [["09:00", "12:00"]] },
      { date: "2026-12-10", hours: [["13:00", "15:00"]] },
    ],
  });
const at = (iso: string): Date => new Date(iso);
const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
/** The open intervals between two ISO instants, as pairs of ISO strings. */
const intervals = (cal: Calendar, from: string, to: string): (string | null)[][] =>
  [...openIntervals(at(from), at(to), cal)].map(({ start, end }) => [iso(start), iso(end)]);

describe("long jumps land where counting day by day does", () => {
  // Business days after Mon 23 Nov: 24-27 Nov (4), 30 Nov-4 Dec (9), 7-11 Dec (14), 14-18 Dec (19),
  // 21-24 Dec (23; the 25th is a holiday), 28 Dec-1 Jan closed, 4-8 Jan (28), 11 Jan (29), 12 Jan (30).
  it("addBusinessDays over weeks, a holiday and a closed week, both ways", () => {
    const cal = office();
    expect(iso(addBusinessDays(at("2026-11-23T10:00:00Z"), 30, cal))).toBe("2027-01-12T10:00:00.000Z");
    expect(iso(addBusinessDays(at("2027-01-12T10:00:00Z"), -30, cal))).toBe("2026-11-23T10:00:00.000Z");
    // From inside the closed week: the first business day after it is Mon 4 Jan, the last before it Thu 24 Dec.
    expect(iso(addBusinessDays(at("2026-12-30T10:00:00Z"), 1, cal))).toBe("2027-01-04T10:00:00.000Z");
    expect(iso(addBusinessDays(at("2026-12-30T10:00:00Z"), -1, cal))).toBe("2026-12-24T10:00:00.000Z");
    // Six business days from Thu 24 Dec: 4-8 Jan are five, Mon 11 Jan the sixth.
    expect(iso(addBusinessDays(at("2026-12-24T10:00:00Z"), 6, cal))).toBe("2027-01-11T10:00:00.000Z");
  });

  // 400 business hours is 50 days of 8 hours: day 50 is Mon 8 Feb (4 Jan-5 Feb are days 24-49).
  it("addBusinessTime and businessTimeBetween over 400 hours, both ways", () => {
    const cal = office();
    expect(iso(addBusinessTime(at("2026-11-23T09:00:00Z"), hours(400), cal))).toBe("2027-02-08T17:00:00.000Z");
    expect(iso(addBusinessTime(at("2027-02-08T17:00:00Z"), -hours(400), cal))).toBe("2026-11-23T09:00:00.000Z");
    expect(businessTimeBetween(at("2026-11-23T09:00:00Z"), at("2027-02-08T17:00:00Z"), cal)).toBe(hours(400));
    // One hour less ends an hour before the close; one more starts the next day.
    expect(iso(addBusinessTime(at("2026-11-23T09:00:00Z"), hours(399), cal))).toBe("2027-02-08T16:00:00.000Z");
    expect(iso(addBusinessTime(at("2026-11-23T09:00:00Z"), hours(401), cal))).toBe("2027-02-09T10:00:00.000Z");
    expect(iso(addBusinessTime(at("2027-02-08T17:00:00Z"), -hours(401), cal))).toBe("2026-11-20T16:00:00.000Z");
  });

  it("previousClose looks back across a closed stretch of any length", () => {
    const cal = office();
    expect(iso(previousClose(at("2026-12-31T12:00:00Z"), cal))).toBe("2026-12-24T17:00:00.000Z");
    const summer = defineCalendar({
      timeZone: "UTC",
      week: { mon: nineToFive, fri: nineToFive },
      holidays: [{ from: "2026-06-01", to: "2026-09-30", name: "Summer" }],
    });
    // Fri 29 May is the last open day before the four closed months.
    expect(iso(previousClose(at("2026-09-15T12:00:00Z"), summer))).toBe("2026-05-29T17:00:00.000Z");
    expect(iso(previousClose(at("2026-06-01T12:00:00Z"), summer))).toBe("2026-05-29T17:00:00.000Z");
    // A close exactly at the instant asked about counts; one a minute later does not.
    expect(iso(previousClose(at("2026-05-29T17:00:00Z"), summer))).toBe("2026-05-29T17:00:00.000Z");
    expect(iso(previousClose(at("2026-05-29T16:59:00Z"), summer))).toBe("2026-05-25T17:00:00.000Z");
  });

  it("previousClose looks back past more than a week of closed days that are not one stretch", () => {
    // Open on Mondays only; the Mondays 16 and 9 November are holidays, closed days apart.
    const mondays = defineCalendar({ timeZone: "UTC", week: { mon: nineToFive }, holidays: ["2026-11-16"] });
    expect(iso(previousClose(at("2026-11-22T12:00:00Z"), mondays))).toBe("2026-11-09T17:00:00.000Z");
    const twoOff = defineCalendar({
      timeZone: "UTC",
      week: { mon: nineToFive },
      holidays: ["2026-11-16", "2026-11-09"],
    });
    // Twenty days back, past the fifteen the first look covers.
    expect(iso(previousClose(at("2026-11-22T12:00:00Z"), twoOff))).toBe("2026-11-02T17:00:00.000Z");
  });

  it("previousClose looks back as far before 1970 as after it", () => {
    // Day numbers are negative before 1970. The Mondays 4, 11 and 18 January 1960 are holidays: from
    // Sunday 24 January the last close is Monday 28 December 1959, 27 days back.
    const mondays = defineCalendar({
      timeZone: "UTC",
      week: { mon: nineToFive },
      holidays: ["1960-01-04", "1960-01-11", "1960-01-18"],
    });
    expect(iso(previousClose(at("1960-01-24T12:00:00Z"), mondays))).toBe("1959-12-28T17:00:00.000Z");
  });
});

describe("boundaries", () => {
  it("walking back lands on the opening time, the latest instant with that much business time after it", () => {
    const cal = office();
    // Tuesday 09:00-13:00 is 4 hours; Monday adds 8.
    expect(iso(addBusinessTime(at("2026-11-24T13:00:00Z"), -hours(4), cal))).toBe("2026-11-24T09:00:00.000Z");
    expect(iso(addBusinessTime(at("2026-11-24T13:00:00Z"), -hours(12), cal))).toBe("2026-11-23T09:00:00.000Z");
    expect(iso(addBusinessTime(at("2026-11-24T13:00:00Z"), -hours(5), cal))).toBe("2026-11-23T16:00:00.000Z");
    // Forwards, landing on the closing time returns it.
    expect(iso(addBusinessTime(at("2026-11-24T13:00:00Z"), hours(4), cal))).toBe("2026-11-24T17:00:00.000Z");
  });

  it("walking back across a break in the day lands on the opening after it, forwards on the closing before it", () => {
    const cal = defineCalendar({
      timeZone: "UTC",
      week: {
        mon: [
          ["09:00", "12:00"],
          ["13:00", "17:00"],
        ],
      },
    });
    // From Monday 14:00 one hour back reaches 13:00; 12:00-13:00 holds nothing, and 13:00 is the latest such instant.
    expect(iso(addBusinessTime(at("2026-11-23T14:00:00Z"), -hours(1), cal))).toBe("2026-11-23T13:00:00.000Z");
    expect(iso(addBusinessTime(at("2026-11-23T14:00:00Z"), -hours(3), cal))).toBe("2026-11-23T10:00:00.000Z");
    expect(iso(addBusinessTime(at("2026-11-23T10:00:00Z"), hours(2), cal))).toBe("2026-11-23T12:00:00.000Z");
  });

  it("openIntervals leaves out an interval that starts at the end of the range, and keeps one that ends there", () => {
    const cal = office();
    expect(intervals(cal, "2026-11-23T00:00:00Z", "2026-11-23T09:00:00Z")).toEqual([]);
    expect(intervals(cal, "2026-11-23T00:00:00Z", "2026-11-23T17:00:00Z")).toEqual([
      ["2026-11-23T09:00:00.000Z", "2026-11-23T17:00:00.000Z"],
    ]);
  });

  it("the last instant a Date can hold is an answer, not past the range", () => {
    const day: [string, string][] = [["00:00", "24:00"]];
    const always = defineCalendar({
      timeZone: "UTC",
      week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    });
    expect(nextOpen(8.64e15, always).getTime()).toBe(8.64e15);
    expect(isOpen(8.64e15, always)).toBe(true);
    expect(addBusinessTime(8.64e15 - 1_000, 1_000, always).getTime()).toBe(8.64e15);
    // And the first: two seconds back from one second after it is past the range, and the refusal says which way.
    expect(refusal(() => addBusinessTime(-8.64e15 + 1_000, -2_000, always))).toBe(
      "beyond_date_range (2000 ms of business time before -271821-04-20T00:00:01.000Z)",
    );
    expect(refusal(() => addBusinessTime(8.64e15 - 1_000, 2_000, always))).toBe(
      "beyond_date_range (2000 ms of business time after +275760-09-12T23:59:59.000Z)",
    );
  });
});

describe("zero business days", () => {
  it("is the next open instant, even in the hour a fall-back night shows twice", () => {
    // New York falls back on 1 November 2026 at 02:00 EDT: 01:30 happens at 05:30Z (EDT) and at 06:30Z
    // (EST). Open around the clock, each is its own next open instant; re-reading the wall time 01:30
    // would give one of them for both.
    const always = [["00:00", "24:00"]] as [string, string][];
    const cal = defineCalendar({
      timeZone: "America/New_York",
      week: { mon: always, tue: always, wed: always, thu: always, fri: always, sat: always, sun: always },
    });
    expect(iso(addBusinessDays(at("2026-11-01T05:30:00Z"), 0, cal))).toBe("2026-11-01T05:30:00.000Z");
    expect(iso(addBusinessDays(at("2026-11-01T06:30:00Z"), 0, cal))).toBe("2026-11-01T06:30:00.000Z");
  });
});

describe("a calendar open only on holidays with hours", () => {
  it("steps business days from one such holiday to the next, both ways", () => {
    const cal = eventsOnly();
    expect(iso(addBusinessDays(at("2026-11-30T10:00:00Z"), 1, cal))).toBe("2026-12-01T10:00:00.000Z");
    // 2 December is closed: the second business day is the 3rd.
    expect(iso(addBusinessDays(at("2026-11-30T10:00:00Z"), 2, cal))).toBe("2026-12-03T10:00:00.000Z");
    // 10:00 on the 10th is before its 13:00 opening.
    expect(iso(addBusinessDays(at("2026-11-30T10:00:00Z"), 3, cal))).toBe("2026-12-10T13:00:00.000Z");
    expect(iso(addBusinessDays(at("2026-12-10T10:00:00Z"), -1, cal))).toBe("2026-12-03T10:00:00.000Z");
    expect(iso(addBusinessDays(at("2026-12-10T10:00:00Z"), -2, cal))).toBe("2026-12-01T10:00:00.000Z");
    expect(iso(addBusinessDays(at("2026-12-10T10:00:00Z"), 0, cal))).toBe("2026-12-10T13:00:00.000Z");
    expect(refusal(() => addBusinessDays(at("2026-11-30T10:00:00Z"), 4, cal))).toBe(
      "calendar_never_open (no further business days)",
    );
    expect(refusal(() => addBusinessDays(at("2026-12-10T10:00:00Z"), -3, cal))).toBe(
      "calendar_never_open (no further business days)",
    );
  });

  it("adds and measures business time across its open days, and knows where they end", () => {
    const cal = eventsOnly();
    // 3 h on the 1st, 3 h on the 3rd, 2 h on the 10th.
    expect(businessTimeBetween(at("2026-11-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), cal)).toBe(hours(8));
    expect(iso(addBusinessTime(at("2026-11-01T00:00:00Z"), hours(7), cal))).toBe("2026-12-10T14:00:00.000Z");
    expect(iso(addBusinessTime(at("2026-12-31T00:00:00Z"), -hours(7), cal))).toBe("2026-12-01T10:00:00.000Z");
    expect(iso(previousClose(at("2026-12-05T00:00:00Z"), cal))).toBe("2026-12-03T12:00:00.000Z");
    expect(previousClose(at("2026-11-30T00:00:00Z"), cal)).toBeNull();
    expect(nextClose(at("2026-12-11T00:00:00Z"), cal)).toBeNull();
    expect(refusal(() => nextOpen(at("2026-12-11T00:00:00Z"), cal))).toBe(
      "calendar_never_open (no open time after 2026-12-11T00:00:00.000Z)",
    );
    expect(refusal(() => addBusinessTime(at("2026-11-01T00:00:00Z"), hours(9), cal))).toBe(
      "calendar_never_open (less than 32400000 ms of business time after 2026-11-01T00:00:00.000Z)",
    );
    expect(refusal(() => addBusinessTime(at("2026-12-31T00:00:00Z"), -hours(9), cal))).toBe(
      "calendar_never_open (no open time before the first holiday with hours)",
    );
  });
});

describe("each refusal names what was wrong", () => {
  const cal = office();
  it.each<[string, () => unknown]>([
    ["isOpen", () => isOpen(Number.NaN, cal)],
    ["nextOpen", () => nextOpen(Number.NaN, cal)],
    ["nextClose", () => nextClose(Number.NaN, cal)],
    ["previousClose", () => previousClose(Number.NaN, cal)],
    ["addBusinessDays", () => addBusinessDays(Number.NaN, 1, cal)],
  ])("%s names itself and its instant argument, at", (name, call) => {
    expect(refusal(call)).toBe(`invalid_instant (${name}: at: NaN)`);
  });

  it("openIntervals names from and to", () => {
    expect(refusal(() => [...openIntervals(Number.NaN, 0, cal)])).toBe("invalid_instant (openIntervals: from: NaN)");
    expect(refusal(() => [...openIntervals(0, Number.NaN, cal)])).toBe("invalid_instant (openIntervals: to: NaN)");
  });

  it("businessTimeBetween names from and to", () => {
    expect(refusal(() => businessTimeBetween(Number.NaN, 0, cal))).toBe(
      "invalid_instant (businessTimeBetween: from: NaN)",
    );
    expect(refusal(() => businessTimeBetween(0, Number.NaN, cal))).toBe(
      "invalid_instant (businessTimeBetween: to: NaN)",
    );
  });

  it("an answer past the end of the Date range, or a calendar with no open time at all, says which", () => {
    // The last instant a Date holds is a Saturday (13 September 275760) at midnight: the office's next
    // opening lies beyond it.
    expect(refusal(() => nextOpen(8.64e15, cal))).toBe(
      "beyond_date_range (the next open time after +275760-09-13T00:00:00.000Z)",
    );
    expect(refusal(() => addBusinessTime(0, 1_000, defineCalendar({ timeZone: "UTC", week: {} })))).toBe(
      "calendar_never_open (the calendar has no open windows and no holidays with hours)",
    );
  });

  it("addBusinessTime names a bad duration and one past the Date range", () => {
    expect(refusal(() => addBusinessTime(0, Number.NaN, cal))).toBe("invalid_duration (addBusinessTime: ms: NaN)");
    expect(refusal(() => addBusinessTime(0, 2e16, cal))).toBe(
      "beyond_date_range (addBusinessTime: 20000000000000000 ms of business time)",
    );
  });

  it("addBusinessDays names a fractional count and one past the Date range", () => {
    expect(refusal(() => addBusinessDays(0, 1.5, cal))).toBe(
      "invalid_argument (addBusinessDays: n (business days) must be a whole number: 1.5)",
    );
    expect(refusal(() => addBusinessDays(0, 200_000_001, cal))).toBe(
      "beyond_date_range (addBusinessDays: 200000001 business days)",
    );
    // 200,000,000 days is allowed as a count, and lands far outside the Date range.
    expect(refusal(() => addBusinessDays(0, 200_000_000, cal))).toBe(
      "beyond_date_range (addBusinessDays: 200000000 business days from 1970-01-01T00:00:00.000Z)",
    );
  });
});

describe("a year of holidays, more than are summed one by one", () => {
  // Every Wednesday of 2027 closed (6 January to 29 December, 52 of them, a week apart) and Christmas
  // Eve, a Friday, open 09:00-13:00 only. A week holds 40 hours less a Wednesday's 8: 32 hours.
  const wednesdays = Array.from({ length: 52 }, (_, i) =>
    new Date(Date.UTC(2027, 0, 6 + 7 * i)).toISOString().slice(0, 10),
  );
  const cal = defineCalendar({
    timeZone: "UTC",
    week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    holidays: [...wednesdays, { date: "2027-12-24", hours: [["09:00", "13:00"]] }],
  });

  it("counts the whole year and parts of it", () => {
    expect(wednesdays.at(-1)).toBe("2027-12-29");
    // 4 January 2027 to 3 January 2028 is 52 weeks of 32 hours, less 4 on Christmas Eve.
    expect(businessTimeBetween(at("2027-01-04T00:00:00Z"), at("2028-01-03T00:00:00Z"), cal)).toBe(hours(52 * 32 - 4));
    // Monday 1 March to Monday 7 June: 14 weeks.
    expect(businessTimeBetween(at("2027-03-01T00:00:00Z"), at("2027-06-07T00:00:00Z"), cal)).toBe(hours(14 * 32));
    // From one closed Wednesday noon to the next: Thursday, Friday, Monday, Tuesday.
    expect(businessTimeBetween(at("2027-03-03T12:00:00Z"), at("2027-03-10T12:00:00Z"), cal)).toBe(hours(32));
    // Thursday 4 March 12:00 to Monday 6 September 12:00 (186 days): 26 weeks, Thursday noon to Thursday
    // 2 September noon, then Thursday 12:00-17:00, Friday and Monday 09:00-12:00 (5 + 8 + 3 hours).
    expect(businessTimeBetween(at("2027-03-04T12:00:00Z"), at("2027-09-06T12:00:00Z"), cal)).toBe(
      hours(26 * 32 + 5 + 8 + 3),
    );
  });

  it("adds the year's business time forwards and backwards", () => {
    // The last business day before 3 January 2028 is Friday 31 December.
    expect(iso(addBusinessTime(at("2027-01-04T09:00:00Z"), hours(52 * 32 - 4), cal))).toBe("2027-12-31T17:00:00.000Z");
    expect(iso(addBusinessTime(at("2027-12-31T17:00:00Z"), -hours(52 * 32 - 4), cal))).toBe("2027-01-04T09:00:00.000Z");
  });
});

describe("offset changes centuries from now", () => {
  // New York's rule (second Sunday of March, first of November) in a year past 2100, where zone data
  // repeats every 400 years: 2431 falls as 2031 does, and in 2031 1 January is a Wednesday, so the
  // Sundays are 9 March and 2 November. A Sunday window 00:00-06:00 holds 5 hours on the first night
  // (02:00-03:00 does not exist), 7 on the second (01:00-02:00 happens twice) and 6 on another Sunday.
  const cal = defineCalendar({ timeZone: "America/New_York", week: { sun: [["00:00", "06:00"]] } });
  it.each([
    ["2431-03-09", 5],
    ["2431-03-16", 6],
    ["2431-11-02", 7],
    ["2431-11-09", 6],
    ["2031-03-09", 5],
    ["2031-11-02", 7],
  ])("the Sunday %s holds %i business hours", (date, expected) => {
    // From the UTC midnight of that Sunday to noon UTC of the Monday covers the whole window, in
    // either offset, and no other.
    const start = at(`${date}T00:00:00Z`);
    expect(businessTimeBetween(start, new Date(start.getTime() + 36 * 3_600_000), cal)).toBe(hours(expected));
  });

  it("over a whole year and a part of one, where the offset changes are corrected in bulk", () => {
    // 2431 has 52 Sundays (365 days from a Wednesday): 52 x 6 hours, one lost in March, one gained in November.
    expect(businessTimeBetween(at("2431-01-01T05:00:00Z"), at("2432-01-01T05:00:00Z"), cal)).toBe(hours(312));
    // 1 January to 1 June: 21 Sundays (4 + 4 + 5 + 4 + 4), less the March hour; midnight on 1 June is EDT.
    expect(businessTimeBetween(at("2431-01-01T05:00:00Z"), at("2431-06-01T04:00:00Z"), cal)).toBe(hours(21 * 6 - 1));
    expect(businessTimeBetween(at("2031-01-01T05:00:00Z"), at("2031-06-01T04:00:00Z"), cal)).toBe(hours(21 * 6 - 1));
    // Across 2100, where the zone data starts to repeat: 104 Sundays in 2099 and 2100, each year's
    // lost and gained hours cancelling.
    expect(businessTimeBetween(at("2099-01-01T05:00:00Z"), at("2101-01-01T05:00:00Z"), cal)).toBe(hours(104 * 6));
    expect(businessTimeBetween(at("2101-01-01T05:00:00Z"), at("2099-01-01T05:00:00Z"), cal)).toBe(-hours(104 * 6));
    // Starting after the repeating stretch begins (4 January 2100) and after that spring's change, in
    // the same block of days: 1 April 2100 to 1 April 2101 holds 52 Sundays (4 April 2100 to 27 March
    // 2101), with the hour gained on 7 November 2100 and the one lost on 13 March 2101.
    expect(businessTimeBetween(at("2100-04-01T12:00:00Z"), at("2101-04-01T12:00:00Z"), cal)).toBe(hours(52 * 6));
  });
});

describe("a DST gap that folds one window onto the next", () => {
  // New York springs forward on Sunday 2026-03-08 at 02:00 EST (07:00Z) to 03:00 EDT. The Saturday
  // window runs overnight to 02:30, a wall time that does not exist that night: it resolves forward by
  // the gap to 03:30 EDT (07:30Z). The Sunday window starts at 03:00 EDT (07:00Z). On the wall they do
  // not overlap; in real time they share 07:00Z-07:30Z, which is open once, not twice. So that weekend
  // holds 03:00Z-09:00Z, 6 hours; any other weekend 4.5 + 2 = 6.5 hours. 2426 repeats 2026 (400 years).
  const cal = defineCalendar({
    timeZone: "America/New_York",
    week: { sat: [["22:00", "02:30"]], sun: [["03:00", "05:00"]] },
  });

  it.each(["2026", "2426"])(
    "counts the shared half hour once in %s, over days counted in bulk and near the end",
    (year) => {
      // From Sunday 1 March after its window to Saturday 14 March before its window: only the folded weekend.
      expect(businessTimeBetween(at(`${year}-03-01T12:00:00Z`), at(`${year}-03-14T12:00:00Z`), cal)).toBe(hours(6));
      // Ending just after the Sunday window: the weekend's days are among the last three, resolved one by one.
      expect(businessTimeBetween(at(`${year}-03-07T12:00:00Z`), at(`${year}-03-08T10:00:00Z`), cal)).toBe(hours(6));
      // Ending on the Tuesday: the Saturday among the days counted in bulk, the Sunday among the last
      // three, resolved one by one. The half hour belongs to the Saturday, the day that owns it first.
      expect(businessTimeBetween(at(`${year}-03-01T12:00:00Z`), at(`${year}-03-10T12:00:00Z`), cal)).toBe(hours(6));
      // The weekend before, for comparison.
      expect(businessTimeBetween(at(`${year}-02-28T12:00:00Z`), at(`${year}-03-01T12:00:00Z`), cal)).toBe(hours(6.5));
    },
  );

  it("walks through the shared half hour once", () => {
    // 5 hours from Saturday 22:00 EST: 4.5 to 07:30Z, then half an hour of the Sunday window, to 08:00Z (04:00 EDT).
    expect(iso(addBusinessTime(at("2026-03-08T03:00:00Z"), hours(5), cal))).toBe("2026-03-08T08:00:00.000Z");
    // 11 hours: the folded weekend's 6, then 5 of the next: its Saturday window, 22:00 EDT (02:00Z) to
    // 02:30 EDT (06:30Z), holds 4.5, and the last half hour is the Sunday window's first, from 07:00Z.
    expect(iso(addBusinessTime(at("2026-03-08T03:00:00Z"), hours(11), cal))).toBe("2026-03-15T07:30:00.000Z");
    expect(intervals(cal, "2026-03-07T12:00:00Z", "2026-03-08T12:00:00Z")).toEqual([
      ["2026-03-08T03:00:00.000Z", "2026-03-08T09:00:00.000Z"],
    ]);
  });
});

describe("a day the zone skipped, folding a window onto the one two days later", () => {
  // Samoa skipped Friday 2011-12-30: Thursday 29 December 24:00 at UTC-10 (30 December 10:00Z) became
  // Saturday 31 December 00:00 at UTC+14. A Thursday window 22:00-02:00 (08:00Z on) ends at a wall time
  // that does not exist, 02:00 on the 30th, so it resolves forward by the whole day: Saturday 02:00, 12:00Z.
  // The Saturday window 00:00-03:00 is 10:00Z-13:00Z. They share 10:00Z-12:00Z, owned by days two
  // apart: the open time is 08:00Z-13:00Z, 5 hours, where the two windows alone would count 4 + 3.
  const cal = defineCalendar({
    timeZone: "Pacific/Apia",
    week: { thu: [["22:00", "02:00"]], sat: [["00:00", "03:00"]] },
  });

  it("counts the shared hours once when the Thursday is a holiday with those hours, next to a closed one", () => {
    // The same open time from holidays: 28 December closed, 29 December open 22:00-02:00, three closed
    // Thursdays earlier in the month. The 28th and 29th are one cluster of holidays, reaching to the
    // Saturday the 29th's hours fold onto.
    const holidays = defineCalendar({
      timeZone: "Pacific/Apia",
      week: { sat: [["00:00", "03:00"]] },
      holidays: [
        "2011-12-01",
        "2011-12-08",
        "2011-12-15",
        "2011-12-28",
        { date: "2011-12-29", hours: [["22:00", "02:00"]] },
      ],
    });
    expect(businessTimeBetween(at("2011-12-25T00:00:00Z"), at("2012-01-05T00:00:00Z"), holidays)).toBe(hours(5));
  });

  it("counts the shared hours once, over days counted in bulk and near the end", () => {
    // 25 December 2011 to 5 January 2012 (UTC): no other Thursday or Saturday window falls inside.
    expect(businessTimeBetween(at("2011-12-25T00:00:00Z"), at("2012-01-05T00:00:00Z"), cal)).toBe(hours(5));
    expect(businessTimeBetween(at("2011-12-29T00:00:00Z"), at("2011-12-30T20:00:00Z"), cal)).toBe(hours(5));
    // Ending on Monday 2 January at noon (22:00Z on the 1st): the Thursday among the days counted in
    // bulk, the Saturday among the last three. The shared hours belong to the Thursday, which owns them first.
    expect(businessTimeBetween(at("2011-12-25T00:00:00Z"), at("2012-01-01T22:00:00Z"), cal)).toBe(hours(5));
    expect(intervals(cal, "2011-12-29T00:00:00Z", "2011-12-30T20:00:00Z")).toEqual([
      ["2011-12-30T08:00:00.000Z", "2011-12-30T13:00:00.000Z"],
    ]);
  });
});

describe("holidays whose hours run into the next day", () => {
  // UTC, open Mondays 01:00-05:00. Sunday 6 December 2026 is a holiday open 22:00-03:00: with the
  // Monday it makes one stretch, Sunday 22:00 to Monday 05:00, 7 hours (not 5 + 4).
  const overnight = { date: "2026-12-06", hours: [["22:00", "03:00"]] as [string, string][] };
  const mondays = { mon: [["01:00", "05:00"]] as [string, string][] };

  it("counts the overlap once with a few holidays, summed one by one", () => {
    const cal = defineCalendar({ timeZone: "UTC", week: mondays, holidays: [overnight] });
    // Mondays 7, 14, 21 and 28 December: 7 + 3 x 4 hours.
    expect(businessTimeBetween(at("2026-11-30T12:00:00Z"), at("2026-12-31T12:00:00Z"), cal)).toBe(hours(19));
  });

  it("counts the overlap once among more holidays than are summed one by one", () => {
    // Nine closed Wednesdays as well (no Wednesday hours, so they change nothing): ten clusters.
    const wednesdays = [
      "2026-11-04",
      "2026-11-11",
      "2026-11-18",
      "2026-11-25",
      "2026-12-02",
      "2026-12-09",
      "2026-12-16",
      "2026-12-23",
      "2026-12-30",
    ];
    const cal = defineCalendar({ timeZone: "UTC", week: mondays, holidays: [...wednesdays, overnight] });
    // Nine Mondays from 2 November to 28 December: eight of 4 hours, and the 7-hour stretch of 6-7 December.
    expect(businessTimeBetween(at("2026-11-01T00:00:00Z"), at("2026-12-31T00:00:00Z"), cal)).toBe(hours(39));
  });
});

describe("a range that ends inside a cluster of holidays", () => {
  it("counts the cluster's days once", () => {
    // Monday 21 to Monday 28 December 2026 noon: Monday to Thursday (32 hours); Christmas Day, the
    // weekend and the closed 28th hold nothing. The count in bulk stops on the 26th, inside the
    // cluster that Christmas Day starts.
    expect(businessTimeBetween(at("2026-12-21T00:00:00Z"), at("2026-12-28T12:00:00Z"), office())).toBe(hours(32));
  });
});

describe("a calendar open around the clock, with holidays", () => {
  const always = [["00:00", "24:00"]] as [string, string][];
  const cal = defineCalendar({
    timeZone: "UTC",
    week: { mon: always, tue: always, wed: always, thu: always, fri: always, sat: always, sun: always },
    holidays: ["2026-12-25", "2026-12-31"],
  });

  it("is open until each holiday and again after it, and never closes after the last", () => {
    expect(intervals(cal, "2026-12-24T00:00:00Z", "2026-12-28T00:00:00Z")).toEqual([
      ["2026-12-24T00:00:00.000Z", "2026-12-25T00:00:00.000Z"],
      ["2026-12-26T00:00:00.000Z", "2026-12-28T00:00:00.000Z"],
    ]);
    expect(iso(nextOpen(at("2026-12-25T12:00:00Z"), cal))).toBe("2026-12-26T00:00:00.000Z");
    // At the holiday's first instant the calendar has just closed: the stretch before it ends there.
    expect(iso(nextOpen(at("2026-12-25T00:00:00Z"), cal))).toBe("2026-12-26T00:00:00.000Z");
    expect(iso(nextClose(at("2026-12-26T12:00:00Z"), cal))).toBe("2026-12-31T00:00:00.000Z");
    expect(iso(previousClose(at("2026-12-27T12:00:00Z"), cal))).toBe("2026-12-25T00:00:00.000Z");
    expect(nextClose(at("2027-01-01T12:00:00Z"), cal)).toBeNull();
    expect(nextClose(at("2027-01-05T12:00:00Z"), cal)).toBeNull();
    expect(businessTimeBetween(at("2026-12-24T12:00:00Z"), at("2027-01-02T12:00:00Z"), cal)).toBe(hours(9 * 24 - 48));
  });
});

describe("an opening time that is also a closing time", () => {
  it("nextOpen at a closing time is the next opening, not the instant itself", () => {
    // Monday 23 November 2026 17:00, the office's closing time: the next opening is Tuesday 09:00.
    expect(iso(nextOpen(at("2026-11-23T17:00:00Z"), office()))).toBe("2026-11-24T09:00:00.000Z");
    expect(iso(nextClose(at("2026-11-23T17:00:00Z"), office()))).toBe("2026-11-24T17:00:00.000Z");
  });
});
