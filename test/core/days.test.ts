// Day numbers at the edges of the calendar's rules, each expected date written by hand: the 400-,
// 100- and 4-year leap rules, the months before March (which the conversion counts in the year
// before), and the years ISO 8601 writes with a sign and six digits.
import { describe, expect, it } from "vitest";
import { dayNumberOf, isoDateOfDay, weekdayOf } from "../../src/core/days.js";

const DAY = 86_400_000;
/** The day number of a UTC calendar date, by the Date object: an oracle independent of days.ts. */
const dayOf = (year: number, month: number, day: number): number => {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return Math.round(probe.getTime() / DAY);
};

describe("isoDateOfDay", () => {
  it("writes the leap days the century rules keep and the ones they drop", () => {
    expect(isoDateOfDay(dayOf(2000, 2, 29))).toBe("2000-02-29");
    expect(isoDateOfDay(dayOf(2000, 3, 1))).toBe("2000-03-01");
    expect(isoDateOfDay(dayOf(2100, 2, 28) + 1)).toBe("2100-03-01");
    expect(isoDateOfDay(dayOf(1900, 2, 28) + 1)).toBe("1900-03-01");
    expect(isoDateOfDay(dayOf(2024, 2, 28) + 1)).toBe("2024-02-29");
  });

  it("counts January and February in their own year", () => {
    expect(isoDateOfDay(dayOf(2024, 1, 1))).toBe("2024-01-01");
    expect(isoDateOfDay(dayOf(2024, 2, 1))).toBe("2024-02-01");
    expect(isoDateOfDay(dayOf(2023, 12, 31))).toBe("2023-12-31");
    expect(isoDateOfDay(0)).toBe("1970-01-01");
  });

  it("writes four digits from year 0 to 9999 and a sign with six beyond", () => {
    expect(isoDateOfDay(dayOf(0, 1, 1))).toBe("0000-01-01");
    expect(isoDateOfDay(dayOf(9999, 12, 31))).toBe("9999-12-31");
    expect(isoDateOfDay(dayOf(9999, 12, 31) + 1)).toBe("+010000-01-01");
    expect(isoDateOfDay(dayOf(0, 1, 1) - 1)).toBe("-000001-12-31");
  });
});

describe("dayNumberOf and weekdayOf", () => {
  it("reads a date back to its day number, and refuses one that does not exist", () => {
    expect(dayNumberOf("1970-01-01")).toBe(0);
    expect(dayNumberOf("2000-02-29")).toBe(dayOf(2000, 2, 29));
    expect(dayNumberOf("2100-02-29")).toBeUndefined();
    expect(dayNumberOf("2026-13-01")).toBeUndefined();
  });

  it("names the weekday, Sunday 0, before 1970 too", () => {
    expect(weekdayOf(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(weekdayOf(dayOf(2026, 11, 29))).toBe(0); // a Sunday
    expect(weekdayOf(-1)).toBe(3); // 1969-12-31, a Wednesday
  });
});
