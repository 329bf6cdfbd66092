import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  defineCalendar,
  hours,
  isOpen,
  minutes,
  nextClose,
  nextOpen,
  openIntervals,
  parseCalendar,
  previousClose,
  type CalendarSpec,
} from "../../src/sla/index.js";

const office: [string, string][] = [
  ["09:00", "12:00"],
  ["13:00", "17:00"],
];
const weekdays = { mon: office, tue: office, wed: office, thu: office, fri: office };
const newYork = defineCalendar({ timeZone: "America/New_York", week: weekdays, holidays: ["2026-11-26"] });
const utc = (iso: string): Date => new Date(iso);
const pathsOf = (input: unknown): string[] => {
  const result = parseCalendar(input);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path.join(".")} ${issue.code}`);
};

describe("calendar specs: bad input is named by path", () => {
  it.each([
    [{ timeZone: "Mars/Olympus", week: {} }, ["timeZone invalid_time_zone"]],
    [{ timeZone: "UTC", week: { mon: [["9am", "17:00"]] } }, ["week.mon.0.0 invalid_format"]],
    [{ timeZone: "UTC", week: { mon: [["09:00", "25:00"]] } }, ["week.mon.0.1 invalid_format"]],
    [{ timeZone: "UTC", week: { mon: [["24:00", "02:00"]] } }, ["week.mon.0.0 invalid_window"]],
    [{ timeZone: "UTC", week: { tue: [["09:00", "09:00"]] } }, ["week.tue.0 empty_window"]],
    [
      {
        timeZone: "UTC",
        week: {
          wed: [
            ["09:00", "12:00"],
            ["11:00", "13:00"],
          ],
        },
      },
      ["week.wed.1 overlapping_windows"],
    ],
    [
      { timeZone: "UTC", week: { mon: [["22:00", "06:00"]], tue: [["05:00", "09:00"]] } },
      ["week.tue.0 overlapping_windows"],
    ],
    [
      { timeZone: "UTC", week: { sun: [["22:00", "06:00"]], mon: [["05:00", "09:00"]] } },
      ["week.mon.0 overlapping_windows"],
    ],
    [{ timeZone: "UTC", week: { funday: [["09:00", "17:00"]] } }, ["week.funday unrecognized_keys"]],
    [{ timeZone: "UTC", week: {}, holidays: ["2026-02-30"] }, ["holidays.0 invalid_date"]],
    [{ timeZone: "UTC", week: {}, holidays: ["25/12/2026"] }, ["holidays.0 invalid_union"]],
    [
      { timeZone: "UTC", week: {}, holidays: [{ from: "2026-12-31", to: "2026-12-28" }] },
      ["holidays.0.to invalid_range"],
    ],
    [
      {
        timeZone: "UTC",
        week: {},
        holidays: [
          {
            date: "2026-12-24",
            hours: [
              ["09:00", "13:00"],
              ["12:00", "14:00"],
            ],
          },
        ],
      },
      ["holidays.0.hours.1 overlapping_windows"],
    ],
  ])("%j", (spec, expected) => {
    expect(pathsOf(spec)).toEqual(expected);
  });

  it("a malformed holiday names the forms a holiday may take", () => {
    const result = parseCalendar({ timeZone: "UTC", week: {}, holidays: ["25/12/2026"] });
    expect(result.ok ? "" : result.issues[0]?.message).toBe(
      "Expected a date YYYY-MM-DD, { date, hours?, name? } or { from, to, hours?, name? }",
    );
  });

  it("defineCalendar throws one error with every issue; parseCalendar never throws", () => {
    const bad = { timeZone: "Nowhere", week: { mon: [["9am", "17:00"]] } } as unknown as CalendarSpec;
    expect(() => defineCalendar(bad)).toThrow(HandoffKitError);
    try {
      defineCalendar(bad);
    } catch (error) {
      expect((error as HandoffKitError).code).toBe("invalid_calendar");
      expect((error as HandoffKitError).message).toMatch(/\(defineCalendar\)/);
      expect((error as HandoffKitError).issues.map((issue) => issue.path.join("."))).toEqual([
        "timeZone",
        "week.mon.0.0",
      ]);
    }
    for (const input of [null, 42, "UTC", { week: {} }]) expect(parseCalendar(input).ok).toBe(false);
  });

  it("a missing or empty day is closed, and the calendar is frozen", () => {
    const cal = defineCalendar({ timeZone: "UTC", week: { mon: [["09:00", "17:00"]], tue: [] } });
    expect(isOpen(utc("2026-11-24T10:00:00Z"), cal)).toBe(false);
    expect(Object.isFrozen(cal)).toBe(true);
  });
});

describe("bad arguments throw HandoffKitError with a code", () => {
  it.each([
    ["NaN instant", () => isOpen(Number.NaN, newYork), "invalid_instant"],
    ["invalid Date", () => nextOpen(new Date("nope"), newYork), "invalid_instant"],
    ["infinite duration", () => addBusinessTime(0, Number.POSITIVE_INFINITY, newYork), "invalid_duration"],
    ["fractional business days", () => addBusinessDays(0, 1.5, newYork), "invalid_argument"],
    ["a calendar not made by defineCalendar", () => isOpen(0, { timeZone: "UTC" } as never), "invalid_argument"],
  ])("%s", (_label, call, code) => {
    expect(call).toThrow(HandoffKitError);
    try {
      call();
    } catch (error) {
      expect((error as HandoffKitError).code).toBe(code);
    }
  });

  it("a calendar that is never open says so instead of looping", () => {
    const never = defineCalendar({ timeZone: "UTC", week: {} });
    const now = utc("2026-11-23T10:00:00Z");
    for (const call of [
      () => nextOpen(now, never),
      () => addBusinessTime(now, hours(1), never),
      () => addBusinessTime(now, hours(-1), never),
      () => addBusinessDays(now, 1, never),
    ]) {
      expect(call).toThrow(/calendar_never_open/);
    }
    expect(nextClose(now, never)).toBeNull();
    expect(previousClose(now, never)).toBeNull();
    expect(businessTimeBetween(now, utc("2030-01-01T00:00:00Z"), never)).toBe(0);
  });

  it("a calendar open only on holidays runs out of open time", () => {
    const onlyHolidays = defineCalendar({
      timeZone: "UTC",
      week: {},
      holidays: [{ date: "2026-11-28", hours: [["10:00", "12:00"]] }],
    });
    expect(addBusinessTime(utc("2026-11-23T00:00:00Z"), hours(2), onlyHolidays).toISOString()).toBe(
      "2026-11-28T12:00:00.000Z",
    );
    expect(() => addBusinessTime(utc("2026-11-23T00:00:00Z"), hours(3), onlyHolidays)).toThrow(/calendar_never_open/);
    expect(() => nextOpen(utc("2026-11-29T00:00:00Z"), onlyHolidays)).toThrow(/calendar_never_open/);
  });
});

describe("worked examples (docs/sla.md)", () => {
  it("a deadline that lands on closing time is the closing time", () => {
    // Monday 15:00 New York + 2 business hours = Monday 17:00 exactly, not Tuesday 09:00.
    expect(addBusinessTime(utc("2026-11-23T20:00:00Z"), hours(2), newYork).toISOString()).toBe(
      "2026-11-23T22:00:00.000Z",
    );
    expect(isOpen(utc("2026-11-23T22:00:00Z"), newYork)).toBe(false);
    // One more minute goes to Tuesday.
    expect(addBusinessTime(utc("2026-11-23T20:00:00Z"), hours(2) + minutes(1), newYork).toISOString()).toBe(
      "2026-11-24T14:01:00.000Z",
    );
  });

  it("the lunch break and the Thanksgiving holiday stand still", () => {
    // Wednesday 11:00 + 8 business hours: 1 h to lunch, 4 h afternoon, Thursday closed, Friday 09:00 + 3 h.
    expect(addBusinessTime(utc("2026-11-25T16:00:00Z"), hours(8), newYork).toISOString()).toBe(
      "2026-11-27T17:00:00.000Z",
    );
    expect(businessTimeBetween(utc("2026-11-25T16:00:00Z"), utc("2026-11-27T17:00:00Z"), newYork)).toBe(hours(8));
  });

  it("an overnight desk: a window ending before it starts belongs to its start day", () => {
    const desk = defineCalendar({ timeZone: "Asia/Kolkata", week: { fri: [["22:00", "06:00"]] } });
    // Friday 22:00 IST is 16:30Z; the window runs into Saturday 06:00 IST (00:30Z).
    expect(isOpen(utc("2026-11-21T00:00:00Z"), desk)).toBe(true); // Saturday 05:30 IST
    expect(nextClose(utc("2026-11-20T17:00:00Z"), desk)?.toISOString()).toBe("2026-11-21T00:30:00.000Z");
    expect(businessTimeBetween(utc("2026-11-16T00:00:00Z"), utc("2026-11-23T00:00:00Z"), desk)).toBe(hours(8));
    // A holiday on the Saturday does not close Friday's window; one on the Friday does.
    const satHoliday = defineCalendar({
      timeZone: "Asia/Kolkata",
      week: { fri: [["22:00", "06:00"]] },
      holidays: ["2026-11-21"],
    });
    const friHoliday = defineCalendar({
      timeZone: "Asia/Kolkata",
      week: { fri: [["22:00", "06:00"]] },
      holidays: ["2026-11-20"],
    });
    expect(isOpen(utc("2026-11-21T00:00:00Z"), satHoliday)).toBe(true);
    expect(isOpen(utc("2026-11-21T00:00:00Z"), friHoliday)).toBe(false);
  });

  it("DST nights: business time is real elapsed time", () => {
    const night = defineCalendar({ timeZone: "America/New_York", week: { sun: [["00:00", "06:00"]] } });
    const sundayOf = (iso: string) => businessTimeBetween(utc(`${iso}T00:00:00Z`), utc(`${iso}T23:59:00Z`), night);
    expect(sundayOf("2026-03-08")).toBe(hours(5)); // spring forward: 02:00 does not exist
    expect(sundayOf("2026-11-01")).toBe(hours(7)); // fall back: 01:00-02:00 happens twice
    expect(sundayOf("2026-03-15")).toBe(hours(6));
  });

  it("a boundary inside the DST gap resolves forward", () => {
    const twoThirty = defineCalendar({ timeZone: "America/New_York", week: { sun: [["02:30", "05:00"]] } });
    // 02:30 does not exist on 2026-03-08; the window opens at 03:30 EDT (07:30Z), the instant 02:30 EST names.
    expect(nextOpen(utc("2026-03-08T05:00:00Z"), twoThirty).toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("a holiday with its own hours, and 24:00", () => {
    const cal = defineCalendar({
      timeZone: "Europe/London",
      week: { mon: [["09:00", "24:00"]], tue: [["00:00", "09:00"]] },
      holidays: [{ date: "2026-12-24", hours: [["09:00", "13:00"]], name: "Christmas Eve" }],
    });
    // Monday 09:00 to Tuesday 09:00 is one stretch: 24:00 meets 00:00.
    expect(nextClose(utc("2026-11-23T10:00:00Z"), cal)?.toISOString()).toBe("2026-11-24T09:00:00.000Z");
    expect(businessTimeBetween(utc("2026-12-24T00:00:00Z"), utc("2026-12-25T00:00:00Z"), cal)).toBe(hours(4));
  });

  it("business days keep the local time of day, skip holidays, then move to the next open instant", () => {
    // Every expected instant is counted by hand on the calendar (New York weekdays, Thanksgiving
    // 2026-11-26 closed); test/sla/business-days.prop.test.ts checks random cases against a day stepper.
    // Wed 10:30 -> Fri 10:30
    expect(addBusinessDays(utc("2026-11-25T15:30:00Z"), 1, newYork).toISOString()).toBe("2026-11-27T15:30:00.000Z");
    expect(addBusinessDays(utc("2026-11-27T15:30:00Z"), -1, newYork).toISOString()).toBe("2026-11-25T15:30:00.000Z");
    // 12:30 is lunch: 13:00
    expect(addBusinessDays(utc("2026-11-23T17:30:00Z"), 1, newYork).toISOString()).toBe("2026-11-24T18:00:00.000Z");
    // Mon 2026-11-23 10:00 + 250: fifty weeks of five weekdays reach Mon 2027-11-08, one short for the
    // holiday, so Tue 2027-11-09 10:00 EST.
    expect(addBusinessDays(utc("2026-11-23T15:00:00Z"), 250, newYork).toISOString()).toBe("2027-11-09T15:00:00.000Z");
    expect(addBusinessDays(utc("2027-11-09T15:00:00Z"), -250, newYork).toISOString()).toBe("2026-11-23T15:00:00.000Z");
    // Across the DST change of 2027-03-14 the local time stays 10:00: 15:00Z in EST, 14:00Z in EDT.
    expect(addBusinessDays(utc("2027-03-12T15:00:00Z"), 1, newYork).toISOString()).toBe("2027-03-15T14:00:00.000Z");
    expect(addBusinessDays(utc("2027-03-15T14:00:00Z"), -1, newYork).toISOString()).toBe("2027-03-12T15:00:00.000Z");
    // Mon 18:00 is after hours: Tue 18:00 is too, so the next open instant, Wed 09:00.
    expect(addBusinessDays(utc("2026-11-23T23:00:00Z"), 1, newYork).toISOString()).toBe("2026-11-25T14:00:00.000Z");
    // A Saturday start steps from Saturday: Mon 1, Tue 2, Wed 3 (Thanksgiving skipped), Fri 4.
    expect(addBusinessDays(utc("2026-11-21T15:00:00Z"), 4, newYork).toISOString()).toBe("2026-11-27T15:00:00.000Z");
    // n = 0 is the next open instant: Saturday noon -> Monday 09:00.
    expect(addBusinessDays(utc("2026-11-28T17:00:00Z"), 0, newYork).toISOString()).toBe("2026-11-30T14:00:00.000Z");
  });

  it("openIntervals is lazy and clipped", () => {
    const spans = [...openIntervals(utc("2026-11-23T15:00:00Z"), utc("2026-11-24T15:00:00Z"), newYork)].map(
      ({ start, end }) => [start.toISOString(), end.toISOString()],
    );
    expect(spans).toEqual([
      ["2026-11-23T15:00:00.000Z", "2026-11-23T17:00:00.000Z"],
      ["2026-11-23T18:00:00.000Z", "2026-11-23T22:00:00.000Z"],
      ["2026-11-24T14:00:00.000Z", "2026-11-24T15:00:00.000Z"],
    ]);
    const endless = openIntervals(utc("2026-01-01T00:00:00Z"), utc("2100-01-01T00:00:00Z"), newYork);
    expect(endless.next().value?.start.toISOString()).toBe("2026-01-01T14:00:00.000Z");
  });

  it("previousClose finds the last closing time, exact closing times included", () => {
    expect(previousClose(utc("2026-11-24T15:00:00Z"), newYork)?.toISOString()).toBe("2026-11-23T22:00:00.000Z");
    expect(previousClose(utc("2026-11-23T22:00:00Z"), newYork)?.toISOString()).toBe("2026-11-23T22:00:00.000Z");
    expect(previousClose(utc("2026-11-23T17:30:00Z"), newYork)?.toISOString()).toBe("2026-11-23T17:00:00.000Z");
  });
});

describe("calendar specs: what parses, and windows in any order", () => {
  // 2026-11-23 is a Monday; UTC calendars keep the expected instants readable.
  it.each<[string, CalendarSpec]>([
    ["two windows a day", { timeZone: "UTC", week: { mon: office } }],
    [
      "windows that touch",
      {
        timeZone: "UTC",
        week: {
          mon: [
            ["09:00", "12:00"],
            ["12:00", "13:00"],
          ],
        },
      },
    ],
    [
      "windows listed out of order",
      {
        timeZone: "UTC",
        week: {
          mon: [
            ["13:00", "17:00"],
            ["09:00", "12:00"],
          ],
        },
      },
    ],
    [
      "a holiday with hours that touch",
      {
        timeZone: "UTC",
        week: {},
        holidays: [
          {
            date: "2026-11-24",
            hours: [
              ["09:00", "10:00"],
              ["10:00", "11:00"],
            ],
          },
        ],
      },
    ],
    // hours: [] is closed all day, so the year limit on ranges with their own hours does not apply.
    [
      "a closed range of three years",
      { timeZone: "UTC", week: {}, holidays: [{ from: "2026-01-01", to: "2028-12-31", hours: [] }] },
    ],
    ["29 February of a leap year", { timeZone: "UTC", week: {}, holidays: ["2028-02-29"] }],
  ])("%s parses", (_, spec) => {
    expect(pathsOf(spec)).toEqual([]);
  });

  it.each([["2026-13-01"], ["2026-00-10"], ["2026-04-31"], ["2027-02-29"], ["2026-01-00"], ["2026-01-32"]])(
    "%s is not a date on the calendar",
    (date) => {
      expect(pathsOf({ timeZone: "UTC", week: {}, holidays: [date] })).toEqual(["holidays.0 invalid_date"]);
    },
  );

  it("a range of more than a year with its own hours is refused", () => {
    expect(
      pathsOf({
        timeZone: "UTC",
        week: {},
        holidays: [{ from: "2026-01-01", to: "2028-12-31", hours: [["09:00", "10:00"]] }],
      }),
    ).toEqual(["holidays.0.to range_too_long"]);
  });

  it("names the window an overlap is with, the Sunday-to-Monday wrap included", () => {
    // Three windows, so the wrap is checked against the week's last window, not merely the other one.
    const result = parseCalendar({
      timeZone: "UTC",
      week: { sun: [["22:00", "06:00"]], mon: [["05:00", "09:00"]], wed: [["09:00", "12:00"]] },
    });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path.join("."), issue.code, issue.message])).toEqual([
      ["week.mon.0", "overlapping_windows", "Overlaps the window sun[0]"],
    ]);
  });

  it("reports the later-starting of two overlapping windows listed out of order", () => {
    // Sorted by start, 11:00-13:00 (index 0) is the one that begins inside 09:00-12:00 (index 1).
    expect(
      pathsOf({
        timeZone: "UTC",
        week: {
          wed: [
            ["11:00", "13:00"],
            ["09:00", "12:00"],
          ],
        },
      }),
    ).toEqual(["week.wed.0 overlapping_windows"]);
    const holiday = parseCalendar({
      timeZone: "UTC",
      week: {},
      holidays: [
        {
          date: "2026-11-24",
          hours: [
            ["11:00", "13:00"],
            ["09:00", "12:00"],
          ],
        },
      ],
    });
    expect(holiday.ok ? [] : holiday.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["holidays.0.hours.0", "Holiday windows overlap"],
    ]);
  });

  it("keeps business time right when a day's windows are listed out of order", () => {
    const cal = defineCalendar({
      timeZone: "UTC",
      week: {
        mon: [
          ["13:00", "17:00"],
          ["09:00", "12:00"],
        ],
      },
    });
    expect(nextOpen(utc("2026-11-23T08:00:00Z"), cal).toISOString()).toBe("2026-11-23T09:00:00.000Z");
    expect(nextClose(utc("2026-11-23T09:30:00Z"), cal)?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    expect(businessTimeBetween(utc("2026-11-23T08:00:00Z"), utc("2026-11-23T18:00:00Z"), cal)).toBe(hours(7));
  });

  it("keeps a holiday's own hours in order, from one entry or from several on the same day", () => {
    const tuesday = { tue: [["09:00", "17:00"]] as [string, string][] };
    const oneEntry = defineCalendar({
      timeZone: "UTC",
      week: tuesday,
      holidays: [
        {
          date: "2026-11-24",
          hours: [
            ["13:00", "15:00"],
            ["09:00", "10:00"],
          ],
        },
      ],
    });
    const twoEntries = defineCalendar({
      timeZone: "UTC",
      week: tuesday,
      holidays: [
        { date: "2026-11-24", hours: [["13:00", "15:00"]] },
        { date: "2026-11-24", hours: [["09:00", "10:00"]] },
      ],
    });
    for (const cal of [oneEntry, twoEntries]) {
      expect(nextOpen(utc("2026-11-24T08:00:00Z"), cal).toISOString()).toBe("2026-11-24T09:00:00.000Z");
      expect(nextClose(utc("2026-11-24T09:30:00Z"), cal)?.toISOString()).toBe("2026-11-24T10:00:00.000Z");
      expect(nextOpen(utc("2026-11-24T10:30:00Z"), cal).toISOString()).toBe("2026-11-24T13:00:00.000Z");
      // 09:00-10:00 and 13:00-15:00: three hours on the holiday.
      expect(businessTimeBetween(utc("2026-11-24T00:00:00Z"), utc("2026-11-25T00:00:00Z"), cal)).toBe(hours(3));
    }
  });

  it("refuses a value that is not a calendar made by defineCalendar, and says so", () => {
    expect(() => isOpen(utc("2026-11-23T10:00:00Z"), { timeZone: "UTC" } as never)).toThrow(
      "(isOpen: the calendar must be one defineCalendar made: an object)",
    );
  });
});
