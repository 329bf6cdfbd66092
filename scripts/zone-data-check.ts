// The zone-data facts src/core/zone-offsets.ts relies on, checked day by day for every zone Node knows (takes
// many minutes; test/core/zone-data.test.ts samples the same facts in seconds):
//   1. no zone changes its offset before 1800-01-01 (checked every 30 days from 1000, every 10 years before);
//   2. from 2100 on, each zone's offset changes repeat every 146,097 days (400 Gregorian years):
//      every change in 2100-2500 has its twin 146,097 days later, with the same offsets;
//   3. no two offset changes of a zone from 1800 to 2500 lie within a day of each other (daily
//      sampling sees every change), and the smallest gap found, for the record.
// Independent of the library: offsets come from Intl's wall-clock fields, changes from daily samples
// pinned by bisection. Run: npx tsx scripts/zone-data-check.ts
import { wallOffset } from "../test/sla/wall-offset.js";

const DAY = 86_400_000;
const PERIOD = 146_097 * DAY;
const zones = [...Intl.supportedValuesOf("timeZone"), "UTC"];
const utc = (year: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime();
};

/** Offset changes in [from, to): daily samples, each change pinned to the second. */
function changes(
  offset: (at: number) => number,
  from: number,
  to: number,
): { at: number; before: number; after: number }[] {
  const found: { at: number; before: number; after: number }[] = [];
  let previous = offset(from);
  for (let at = from + DAY; at < to + DAY; at += DAY) {
    const current = offset(at);
    if (current === previous) continue;
    let lo = (at - DAY) / 1_000;
    let hi = at / 1_000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offset(mid * 1_000) === previous) lo = mid;
      else hi = mid;
    }
    if (hi * 1_000 < to) found.push({ at: hi * 1_000, before: previous, after: current });
    previous = current;
  }
  return found;
}

const started = Date.now();
const early: string[] = [];
const notRepeating: string[] = [];
let smallestGap = { days: Number.POSITIVE_INFINITY, where: "" };
for (const zone of zones) {
  const offset = (at: number): number => wallOffset(zone, at);
  const steady = offset(utc(1800) - 1_000);
  let moved = false;
  for (let at = utc(1000); at < utc(1800) && !moved; at += 30 * DAY) moved = offset(at) !== steady;
  for (let year = -5_000; year < 1_000 && !moved; year += 10) moved = offset(utc(year)) !== steady;
  if (moved) early.push(zone);
  const all = changes(offset, utc(1800), utc(2500));
  for (let i = 1; i < all.length; i += 1) {
    const gap = ((all[i]?.at ?? 0) - (all[i - 1]?.at ?? 0)) / DAY;
    if (gap < smallestGap.days)
      smallestGap = { days: gap, where: `${zone} ${new Date(all[i]?.at ?? 0).toISOString()}` };
  }
  const repeating = all.filter((change) => change.at >= utc(2100));
  const twins = changes(offset, utc(2100) + PERIOD, utc(2500) + PERIOD);
  const same =
    repeating.length === twins.length &&
    repeating.every((change, i) => {
      const twin = twins[i];
      return (
        twin !== undefined &&
        twin.at === change.at + PERIOD &&
        twin.before === change.before &&
        twin.after === change.after
      );
    });
  if (!same)
    notRepeating.push(
      `${zone}: ${String(repeating.length)} changes in 2100-2500, ${String(twins.length)} 400 years on`,
    );
}
console.log(
  JSON.stringify(
    {
      node: process.version,
      icu: process.versions["icu"],
      tz: process.versions["tz"],
      zones: zones.length,
      minutes: Math.round((Date.now() - started) / 60_000),
      changesBefore1800: early,
      notRepeatingFrom2100: notRepeating,
      smallestGapDays: smallestGap.days,
      smallestGapAt: smallestGap.where,
    },
    null,
    1,
  ),
);
