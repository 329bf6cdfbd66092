import * as fc from "fast-check";
import type { RefSpec } from "./reference.js";
import { refOffset } from "./reference.js";

// calendarCase draws days in the DST months, but an instant within a day of the change itself is
// rare (about one case in 75), and that is where the zone arithmetic breaks. These helpers move a
// case next to a change. Offsets are read with the reference's own zone reading, not the library's.

const MINUTE = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2023, 11, 1);
const TO = Date.UTC(2029, 1, 1);
const changesByZone = new Map<string, number[]>();

/** The instants (whole minutes) at which the zone's UTC offset changes, from December 2023 to January 2029. */
export function offsetChanges(zone: string): readonly number[] {
  let changes = changesByZone.get(zone);
  if (changes === undefined) {
    changes = [];
    for (let day = FROM; day < TO; day += DAY) {
      if (refOffset(zone, day) === refOffset(zone, day + DAY)) continue;
      // The first minute of the day with the new offset, by bisection.
      let [lo, hi] = [day / MINUTE, (day + DAY) / MINUTE];
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (refOffset(zone, mid * MINUTE) === refOffset(zone, day)) lo = mid;
        else hi = mid;
      }
      changes.push(hi * MINUTE);
    }
    changesByZone.set(zone, changes);
  }
  return changes;
}

const shiftDate = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The spec's holidays moved by whole days, so that they stay near the case's instant. */
function shiftHolidays(holidays: RefSpec["holidays"], days: number): NonNullable<RefSpec["holidays"]> {
  return (holidays ?? []).map((h) =>
    typeof h === "string"
      ? shiftDate(h, days)
      : "date" in h
        ? { ...h, date: shiftDate(h.date, days) }
        : { ...h, from: shiftDate(h.from, days), to: shiftDate(h.to, days) },
  );
}

/**
 * A case moved to within a day of the zone's offset change nearest to it (whole minutes, the holidays
 * moved along), or the case as it is in a zone that never changes its offset.
 */
export function nearOffsetChange(value: { spec: RefSpec; at: number }): fc.Arbitrary<{ spec: RefSpec; at: number }> {
  const changes = offsetChanges(value.spec.timeZone);
  if (changes.length === 0) return fc.constant(value);
  const nearest = changes.reduce((best, change) =>
    Math.abs(change - value.at) < Math.abs(best - value.at) ? change : best,
  );
  return fc.integer({ min: -1440, max: 1440 }).map((minutes) => {
    const at = nearest + minutes * MINUTE;
    const days = Math.round((at - value.at) / DAY);
    return { spec: { ...value.spec, holidays: shiftHolidays(value.spec.holidays, days) }, at };
  });
}

/** Whether the zone changes its offset within a day of `at`. */
export const withinADayOfOffsetChange = (spec: RefSpec, at: number): boolean =>
  offsetChanges(spec.timeZone).some((change) => Math.abs(change - at) <= DAY);
