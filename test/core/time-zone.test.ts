import { describe, expect, it } from "vitest";
import { assertTimeZone, isValidTimeZone, zoneFormatter } from "../../src/core/time-zone.js";

describe("time zones", () => {
  it("accepts canonical names and the aliases Node 20 does not list", () => {
    for (const zone of ["America/New_York", "Asia/Kolkata", "Asia/Calcutta", "Australia/Lord_Howe", "Pacific/Chatham", "UTC", "Etc/GMT+5"]) {
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
