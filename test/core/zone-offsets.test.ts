import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utcOffsetOf } from "../../src/core/time-zone.js";
import {
  instantToWall,
  offsetAt,
  transitionsBetween,
  wallToInstant,
  type ZoneRules,
} from "../../src/core/zone-offsets.js";
import { classCounts } from "../fixtures/class-counts.js";

// The offset tables, each test on a table of its own: zoneRules shares one table per zone across the
// whole run, so a table filled by an earlier test would answer for this one.
const fresh = (timeZone: string): ZoneRules => ({ timeZone, blocks: new Map() });
const H = 3_600_000;
const NEW_YORK_LMT = -(4 * H + 56 * 60_000 + 2_000); // -4:56:02, until noon of 18 November 1883

describe("offsetAt", () => {
  it("changes at the instant of New York's 2026 transitions, to the millisecond", () => {
    const ny = fresh("America/New_York");
    // Spring forward: 02:00 EST on 8 March is 07:00Z. Fall back: 02:00 EDT on 1 November is 06:00Z.
    expect(offsetAt(ny, Date.UTC(2026, 2, 8, 6, 59, 59, 999))).toBe(-5 * H);
    expect(offsetAt(ny, Date.UTC(2026, 2, 8, 7))).toBe(-4 * H);
    expect(offsetAt(ny, Date.UTC(2026, 10, 1, 5, 59, 59, 999))).toBe(-4 * H);
    expect(offsetAt(ny, Date.UTC(2026, 10, 1, 6))).toBe(-5 * H);
  });

  it("holds local mean time before 1800, and repeats the rules every 400 years from 2100", () => {
    const ny = fresh("America/New_York");
    expect(offsetAt(ny, Date.UTC(1700, 0, 1))).toBe(NEW_YORK_LMT);
    expect(offsetAt(ny, -8.64e15)).toBe(NEW_YORK_LMT);
    // 14 March 2500 is the second Sunday of March; 7 November 2500 the first of November.
    expect(offsetAt(ny, Date.UTC(2500, 2, 14, 6, 59, 59))).toBe(-5 * H);
    expect(offsetAt(ny, Date.UTC(2500, 2, 14, 7))).toBe(-4 * H);
    expect(offsetAt(ny, Date.UTC(2500, 10, 7, 6))).toBe(-5 * H);
    expect(offsetAt(ny, 8.64e15)).toBe(utcOffsetOf("America/New_York", 8.64e15));
    // Past the first repeat (2500), folded back by whole 400-year periods: July 2700 is daylight time.
    expect(offsetAt(ny, Date.UTC(2700, 6, 1))).toBe(-4 * H);
    expect(offsetAt(ny, Date.UTC(2700, 0, 1))).toBe(-5 * H);
  });

  it("agrees with Intl at any instant from 1800 to 2400, in zones that change often", () => {
    const seen = classCounts();
    const zones = [
      "America/New_York",
      "Europe/London",
      "Australia/Lord_Howe",
      "Pacific/Apia",
      "America/Santiago",
      "Asia/Tehran",
      "Africa/Casablanca",
      "Europe/Dublin",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2400, 0, 1) }),
        (zone, at) => {
          const expected = utcOffsetOf(zone, at);
          expect(offsetAt(fresh(zone), at)).toBe(expected);
          seen.see(
            "daylight or other than standard",
            expected !== utcOffsetOf(zone, Date.UTC(new Date(at).getUTCFullYear(), 0, 1)),
          );
          seen.see("after 2100", at >= Date.UTC(2100, 0, 1));
        },
      ),
      { numRuns: 300 },
    );
    // Half the range lies after 2100, but fast-check biases integers toward the range's ends and small
    // magnitudes, so fewer land there: 97 in one unseeded run. A daylight or other offset: about a third.
    seen.expectAtLeast({ "daylight or other than standard": 26, "after 2100": 50 });
  });
});

describe("transitionsBetween", () => {
  it("lists New York's first standard time (1883) from a range that starts before 1800", () => {
    expect(transitionsBetween(fresh("America/New_York"), Date.UTC(1700, 0, 1), Date.UTC(1884, 0, 1))).toEqual([
      { at: Date.UTC(1883, 10, 18, 17), before: NEW_YORK_LMT, after: -5 * H },
    ]);
  });

  it("lists Samoa's skipped day: from UTC-10 to UTC+14 at 10:00Z on 30 December 2011", () => {
    expect(transitionsBetween(fresh("Pacific/Apia"), Date.UTC(2011, 11, 29), Date.UTC(2011, 11, 31))).toEqual([
      { at: Date.UTC(2011, 11, 30, 10), before: -10 * H, after: 14 * H },
    ]);
  });

  it("takes [from, to): a change at `to` is left for the next range", () => {
    const ny = fresh("America/New_York");
    const spring = Date.UTC(2026, 2, 8, 7);
    expect(transitionsBetween(ny, Date.UTC(2026, 0, 1), spring)).toEqual([]);
    expect(transitionsBetween(ny, spring, spring + 1)).toEqual([{ at: spring, before: -5 * H, after: -4 * H }]);
    expect(transitionsBetween(ny, spring + 1, Date.UTC(2026, 5, 1))).toEqual([]);
  });

  it("finds a change at the first instant of a table block, once (Chisinau, 31 October 2224, 00:00Z)", () => {
    // The tables are cut into 365-day blocks from 1970-01-01; day 93,075 (255 x 365) is 2224-10-31,
    // when Moldova's last-Sunday-of-October change at 03:00 summer time (UTC+3) falls at 00:00 UTC.
    const boundary = Date.UTC(2224, 9, 31);
    expect(boundary / 86_400_000).toBe(255 * 365);
    const change = { at: boundary, before: 3 * H, after: 2 * H };
    expect(transitionsBetween(fresh("Europe/Chisinau"), Date.UTC(2224, 9, 1), Date.UTC(2224, 11, 1))).toEqual([change]);
    expect(transitionsBetween(fresh("Europe/Chisinau"), boundary, boundary + 1)).toEqual([change]);
    // The same change 400 years on, folded back into the table and shifted out again.
    const later = Date.UTC(2624, 9, 31);
    expect(transitionsBetween(fresh("Europe/Chisinau"), later - 86_400_000, later + 86_400_000)).toEqual([
      { at: later, before: 3 * H, after: 2 * H },
    ]);
    const rules = fresh("Europe/Chisinau");
    expect([offsetAt(rules, boundary - 1), offsetAt(rules, boundary)]).toEqual([3 * H, 2 * H]);
  });

  it("crosses the end of the 400-year stretch the table holds (1 January 2500)", () => {
    const found = transitionsBetween(fresh("America/New_York"), Date.UTC(2499, 5, 1), Date.UTC(2501, 0, 1));
    // The first Sundays of November 2499 and 2500 are the 1st and the 7th; the second of March 2500 the 14th.
    expect(found).toEqual([
      { at: Date.UTC(2499, 10, 1, 6), before: -4 * H, after: -5 * H },
      { at: Date.UTC(2500, 2, 14, 7), before: -5 * H, after: -4 * H },
      { at: Date.UTC(2500, 10, 7, 6), before: -4 * H, after: -5 * H },
    ]);
  });

  it("finds every change Intl shows in a two-year window, and only real ones", () => {
    const seen = classCounts();
    const zones = [
      "America/New_York",
      "Europe/London",
      "Australia/Lord_Howe",
      "Pacific/Apia",
      "America/Santiago",
      "Europe/Moscow",
      "Asia/Kolkata",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2450, 0, 1) }),
        (zone, from) => {
          const to = from + 2 * 366 * 86_400_000;
          const found = transitionsBetween(fresh(zone), from, to);
          for (const change of found) {
            expect(change.at).toBeGreaterThanOrEqual(from);
            expect(change.at).toBeLessThan(to);
            expect(utcOffsetOf(zone, change.at - 1)).toBe(change.before);
            expect(utcOffsetOf(zone, change.at)).toBe(change.after);
            expect(change.before).not.toBe(change.after);
          }
          // Each day (UTC midnight to midnight) whose offset differs at its two ends holds a change found.
          let changes = 0;
          for (let day = from; day + 86_400_000 <= to; day += 86_400_000)
            if (utcOffsetOf(zone, day) !== utcOffsetOf(zone, day + 86_400_000)) changes += 1;
          expect(found.length).toBeGreaterThanOrEqual(changes);
          seen.see("two or more changes", found.length >= 2);
          seen.see("none", found.length === 0);
        },
      ),
      { numRuns: 120 },
    );
    seen.expectAtLeast({ "two or more changes": 16, none: 10 });
  });
});

describe("wallToInstant and instantToWall", () => {
  const wall = (y: number, mo: number, d: number, h: number, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);
  it("reads an ordinary wall time, a skipped one (forward by the gap) and a repeated one (the earlier)", () => {
    const ny = fresh("America/New_York");
    expect(wallToInstant(ny, wall(2026, 7, 1, 12))).toBe(Date.UTC(2026, 6, 1, 16));
    // 02:30 on 8 March 2026 does not exist: 03:30 EDT, 07:30Z.
    expect(wallToInstant(ny, wall(2026, 3, 8, 2, 30))).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // 01:30 on 1 November 2026 happens twice: the first, EDT, is 05:30Z.
    expect(wallToInstant(ny, wall(2026, 11, 1, 1, 30))).toBe(Date.UTC(2026, 10, 1, 5, 30));
    // The hour after the repeated one: 02:30 EST, 07:30Z.
    expect(wallToInstant(ny, wall(2026, 11, 1, 2, 30))).toBe(Date.UTC(2026, 10, 1, 7, 30));
    // Samoa skipped 30 December 2011 whole: its 10:00 moves forward by the 24-hour gap, to 10:00 on
    // the 31st at UTC+14, which is 20:00Z on the 30th.
    expect(wallToInstant(fresh("Pacific/Apia"), wall(2011, 12, 30, 10))).toBe(Date.UTC(2011, 11, 30, 20));
  });
  it("shows an instant's wall time", () => {
    const ny = fresh("America/New_York");
    expect(instantToWall(ny, Date.UTC(2026, 6, 1, 16))).toBe(wall(2026, 7, 1, 12));
    expect(instantToWall(ny, Date.UTC(2026, 10, 1, 6, 30))).toBe(wall(2026, 11, 1, 1, 30));
  });
});
