// Local day numbers (days since 1970-01-01, whatever the zone): the calendar date they stand for,
// and back. Pure arithmetic, so days before or after the Date range still have a name.
import { DAY } from "./duration.js";
import { padDigits } from "./format.js";

/** A date as written in specs and options: `YYYY-MM-DD`. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** The local day number of a value that should be a `YYYY-MM-DD` date, or undefined when it is not one. */
export function isoDateDay(value: unknown): number | undefined {
  return typeof value === "string" && ISO_DATE.test(value) ? dayNumberOf(value) : undefined;
}

/** The local day number (days since 1970-01-01) of a `YYYY-MM-DD` date, or undefined if there is no such date. */
export function dayNumberOf(date: string): number | undefined {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  // A day or month out of range rolls over into another month (2026-02-30 is 2 March, 2026-13-01 is
  // January 2027), so the month alone tells; checking the year and day as well could never matter.
  if (probe.getUTCMonth() !== month - 1) return undefined;
  return Math.round(probe.getTime() / DAY);
}

/** The weekday (0 = Sunday) of a local day number. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The ISO 8601 calendar date of a day number (days since 1970-01-01), computed by arithmetic rather
 * than through a `Date`, so a week that starts before the Date range does still has a name: four
 * digits for the years 0 to 9999, six with a sign beyond (`+275760-09-08`), as ISO 8601 extends them.
 * The civil-from-days conversion works in 400-year eras of 146,097 days.
 */
export function isoDateOfDay(day: number): string {
  const shifted = day + 719_468; // days from 0000-03-01
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${yearText(year)}-${padDigits(month, 2)}-${padDigits(dayOfMonth, 2)}`;
}

/** Four digits for the years 0 to 9999; beyond, a sign and six, as ISO 8601 extends them. */
function yearText(year: number): string {
  if (year >= 0 && year <= 9_999) return padDigits(year, 4);
  return `${year < 0 ? "-" : "+"}${padDigits(Math.abs(year), 6)}`;
}
