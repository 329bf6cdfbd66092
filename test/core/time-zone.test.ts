import { describe, expect, it } from "vitest";
import { timeZoneSchema } from "../../src/core/schemas.js";
import {
  assertTimeZone,
  isValidTimeZone,
  utcOffsetOf,
  wallClockFields,
  zoneFormatter,
} from "../../src/core/time-zone.js";
import { refusal } from "../fixtures/refusal.js";

describe("time zones", () => {
  it("accepts canonical names and the aliases Node 20 does not list", () => {
    for (const zone of [
      "America/New_York",
      "Asia/Kolkata",
      "Asia/Calcutta",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "UTC",
      "Etc/GMT+5",
    ]) {
      expect(isValidTimeZone(zone)).toBe(true);
    }
  });

  it("refuses what is not a zone", () => {
    for (const zone of ["", "Mars/Olympus", "America/New York", "EST5EDT5", "9am"]) {
      expect(isValidTimeZone(zone)).toBe(false);
    }
    expect(() => {
      assertTimeZone("Mars/Olympus", "calendar.timeZone");
    }).toThrow(/invalid_time_zone.*calendar\.timeZone: Mars\/Olympus/);
  });

  it("reuses one formatter per zone", () => {
    expect(zoneFormatter("Europe/London")).toBe(zoneFormatter("Europe/London"));
    expect(zoneFormatter("Nowhere/Special")).toBeUndefined();
  });
});

describe("offsets and wall-clock fields", () => {
  it("reads offsets with seconds, which local mean times have", () => {
    // The tz database: Liberia kept -0:44:30 until 1972; New York's local mean time was -4:56:02.
    expect(utcOffsetOf("Africa/Monrovia", Date.UTC(1970, 0, 1))).toBe(-(44 * 60 + 30) * 1_000);
    expect(utcOffsetOf("America/New_York", Date.UTC(1850, 0, 1))).toBe(-(4 * 3_600 + 56 * 60 + 2) * 1_000);
    expect(utcOffsetOf("Asia/Kolkata", Date.UTC(2026, 0, 1))).toBe((5 * 60 + 30) * 60_000);
    expect(utcOffsetOf("UTC", 0)).toBe(0);
  });

  it("gives years before 1 AD astronomically (1 BC is year 0) and only the date and time fields", () => {
    expect(wallClockFields("UTC", new Date("-000100-03-04T05:06:07Z"))).toEqual({
      year: -100,
      month: 3,
      day: 4,
      hour: 5,
      minute: 6,
      second: 7,
    });
    expect(wallClockFields("UTC", new Date("0000-12-31T23:59:59Z"))).toEqual({
      year: 0,
      month: 12,
      day: 31,
      hour: 23,
      minute: 59,
      second: 59,
    });
    expect(wallClockFields("Asia/Kolkata", Date.UTC(2026, 10, 23, 20, 0))).toEqual({
      year: 2026,
      month: 11,
      day: 24,
      hour: 1,
      minute: 30,
      second: 0,
    });
  });

  it("names an unknown zone in its refusal", () => {
    expect(
      refusal(() => {
        assertTimeZone("Mars/Olympus");
      }),
    ).toBe("invalid_time_zone (timeZone: Mars/Olympus)");
    expect(refusal(() => wallClockFields("Mars/Olympus", 0))).toBe("invalid_time_zone (Mars/Olympus)");
    expect(timeZoneSchema.safeParse("Mars/Olympus").error?.issues.map((issue) => issue.message)).toEqual([
      "Unknown IANA time zone: Mars/Olympus",
    ]);
  });
});
