// The zone table (src/core/zone-offsets.ts) relies on two facts about the zone data Node carries, checked
// here for every zone it knows, with offsets read independently of the library (from the wall-clock
// fields Intl formats): no zone changes its offset before 1800, and from 2100 on each zone's offsets
// repeat every 400 Gregorian years (146,097 days). A Node upgrade whose data broke either would fail
// here, not silently shift business time. scripts/zone-data-check.ts checks them day by day (minutes).
import { describe, expect, it } from "vitest";
import { utcOffsetOf } from "../../src/core/time-zone.js";
import { wallOffset } from "../sla/wall-offset.js";

const DAY = 86_400_000;
const ZONES = [...Intl.supportedValuesOf("timeZone"), "UTC"];

const utc = (year: number, month = 1, day = 1): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
};

describe("the zone data the table relies on, for every zone Node knows", () => {
  it(`knows hundreds of zones (${String(ZONES.length)})`, () => {
    expect(ZONES.length).toBeGreaterThan(300);
  });

  it("no zone changes its offset before 1800: every 25 years from 3000 BCE holds the offset of 1799-12-31", () => {
    const moving: string[] = [];
    for (const zone of ZONES) {
      const steady = wallOffset(zone, utc(1800) - 1_000);
      for (let year = -3_000; year < 1_800; year += 25) {
        if (wallOffset(zone, utc(year, 7, 1)) !== steady) {
          moving.push(`${zone} ${String(year)}`);
          break;
        }
      }
    }
    expect(moving).toEqual([]);
  });

  it("from 2100 offsets repeat every 146,097 days: two years of 2100-2500, every 2 days, against 400 years on", () => {
    const differing: string[] = [];
    const period = 146_097 * DAY;
    for (const zone of ZONES) {
      for (const start of [utc(2100), utc(2399, 2, 1)]) {
        for (let at = start; at < start + 365 * DAY; at += 2 * DAY + 3_600_000) {
          if (wallOffset(zone, at) !== wallOffset(zone, at + period)) {
            differing.push(`${zone} ${new Date(at).toISOString()}`);
            break;
          }
        }
      }
    }
    expect(differing).toEqual([]);
  });

  it("utcOffsetOf reads Intl's GMT offset as the wall-clock fields give it, to the second", () => {
    const wrong: string[] = [];
    for (const zone of ZONES) {
      for (const at of [utc(1801, 3, 1), utc(1890, 7, 1), utc(1944, 1, 1), utc(2026, 7, 1), utc(2026, 12, 1)]) {
        if (utcOffsetOf(zone, at) !== wallOffset(zone, at)) wrong.push(`${zone} ${new Date(at).toISOString()}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
