// Closed stretches: runs of holidays with no hours, crossed at once by previousClose and
// addBusinessDays. A stretch ends where an open day, or a holiday with hours, comes between; the
// answers below are read off a calendar drawn by hand (December 2026: the 21st is a Monday).
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  businessTimeBetween,
  defineCalendar,
  isOpen,
  nextOpen,
  previousClose,
} from "../../src/sla/index.js";

const day = [["09:00", "17:00"]] as [string, string][];
const week = { mon: day, tue: day, wed: day, thu: day, fri: day };
const utc = (iso: string): Date => new Date(iso);

describe("closed stretches", () => {
  // Closed Mon 21 to Wed 23; open Thu 24; closed Fri 25 to Tue 29 (the weekend inside); open Wed 30.
  // Built inside each test, not when the file loads, so that Stryker ties the calendar's building
  // code to the tests that read it.
  const gapCalendar = () =>
    defineCalendar({
      timeZone: "UTC",
      week,
      holidays: [
        { from: "2026-12-21", to: "2026-12-23", name: "Shutdown" },
        { from: "2026-12-25", to: "2026-12-29", name: "Holidays" },
      ],
    });

  it("stop at the open day between two closed ranges, looking back", () => {
    const gap = gapCalendar();
    expect(previousClose(utc("2026-12-28T12:00:00Z"), gap)).toEqual(utc("2026-12-24T17:00:00Z"));
    expect(previousClose(utc("2026-12-23T12:00:00Z"), gap)).toEqual(utc("2026-12-18T17:00:00Z"));
  });

  it("stop at the open day between two closed ranges, stepping business days either way", () => {
    const gap = gapCalendar();
    expect(addBusinessDays(utc("2026-12-18T12:00:00Z"), 1, gap)).toEqual(utc("2026-12-24T12:00:00Z"));
    expect(addBusinessDays(utc("2026-12-24T12:00:00Z"), 1, gap)).toEqual(utc("2026-12-30T12:00:00Z"));
    expect(addBusinessDays(utc("2026-12-30T12:00:00Z"), -1, gap)).toEqual(utc("2026-12-24T12:00:00Z"));
    expect(addBusinessDays(utc("2026-12-24T12:00:00Z"), -1, gap)).toEqual(utc("2026-12-18T12:00:00Z"));
    expect(nextOpen(utc("2026-12-21T08:00:00Z"), gap)).toEqual(utc("2026-12-24T09:00:00Z"));
  });

  // Adjacent ranges with different names are one stretch; a holiday with hours breaks it.
  const touchingCalendar = () =>
    defineCalendar({
      timeZone: "UTC",
      week,
      holidays: [
        { from: "2026-12-21", to: "2026-12-22", name: "First" },
        { from: "2026-12-23", to: "2026-12-24", name: "Second" },
        { date: "2026-12-28", hours: [["10:00", "12:00"]], name: "Short day" },
        { from: "2026-12-29", to: "2026-12-30", name: "Third" },
      ],
    });

  // Thu 24 has hours from one entry and is the first day of a closed range from another: closed wins
  // that day, and the range's later days stay closed (the hours must not cut the range short).
  it("start on a day another entry gives hours: closed wins, on that day and after it", () => {
    const eve = defineCalendar({
      timeZone: "UTC",
      week,
      holidays: [
        { date: "2026-12-24", hours: [["09:00", "12:00"]], name: "Eve" },
        { from: "2026-12-24", to: "2026-12-26", name: "Closed" },
      ],
    });
    expect(isOpen(utc("2026-12-24T10:00:00Z"), eve)).toBe(false);
    expect(isOpen(utc("2026-12-25T10:00:00Z"), eve)).toBe(false);
    expect(nextOpen(utc("2026-12-24T10:00:00Z"), eve)).toEqual(utc("2026-12-28T09:00:00Z"));
    // Wed 23 and Mon 28, eight hours each.
    expect(businessTimeBetween(utc("2026-12-23T00:00:00Z"), utc("2026-12-29T00:00:00Z"), eve)).toBe(16 * 3_600_000);
  });

  it("join ranges that touch, and stop at a holiday with hours", () => {
    const touching = touchingCalendar();
    // From Thu 24 back: Wed 23 to Mon 21 closed (two ranges), the weekend, Fri 18 open.
    expect(previousClose(utc("2026-12-24T12:00:00Z"), touching)).toEqual(utc("2026-12-18T17:00:00Z"));
    expect(addBusinessDays(utc("2026-12-18T12:00:00Z"), 1, touching)).toEqual(utc("2026-12-25T12:00:00Z"));
    // Tue 29 and Wed 30 closed; Mon 28 open 10:00-12:00 only.
    expect(previousClose(utc("2026-12-30T12:00:00Z"), touching)).toEqual(utc("2026-12-28T12:00:00Z"));
    expect(addBusinessDays(utc("2026-12-31T11:00:00Z"), -1, touching)).toEqual(utc("2026-12-28T11:00:00Z"));
    expect(addBusinessDays(utc("2026-12-25T11:00:00Z"), 1, touching)).toEqual(utc("2026-12-28T11:00:00Z"));
    expect(addBusinessDays(utc("2026-12-28T11:00:00Z"), 1, touching)).toEqual(utc("2026-12-31T11:00:00Z"));
  });
});
