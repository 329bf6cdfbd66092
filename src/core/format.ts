import { wallClockFields } from "./time-zone.js";

/** `2026-11-24 09:00` in a zone, without locale assumptions. */
export function formatInstant(at: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClockFields(timeZone, at);
  const pad = (value: number): string => String(value).padStart(2, "0");
  return `${String(year)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
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
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (value: number, width: number): string => String(value).padStart(width, "0");
  const yearText = year >= 0 && year <= 9_999 ? pad(year, 4) : `${year < 0 ? "-" : "+"}${pad(Math.abs(year), 6)}`;
  return `${yearText}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}
