import { MINUTE, SECOND } from "./duration.js";
import { wallClockFields } from "./time-zone.js";

/** `2026-11-24 09:00` in a zone, without locale assumptions. */
export function formatInstant(at: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClockFields(timeZone, at);
  return `${String(year)}-${padDigits(month, 2)}-${padDigits(day, 2)} ${padDigits(hour, 2)}:${padDigits(minute, 2)}`;
}

/** `9 h 30 min`, `45 min`, `20 s`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${sign}${String(Math.round(abs / SECOND))} s`;
  const totalMinutes = Math.round(abs / MINUTE);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return (
    `${sign}${h > 0 ? `${String(h)} h` : ""}` +
    `${h > 0 && m > 0 ? " " : ""}${m > 0 || h === 0 ? `${String(m)} min` : ""}`
  );
}

/** A share as a percentage, `0.468` → `46.8%` with one digit, `47%` with none. */
export function formatPercent(share: number, digits: number): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A whole number written with at least `width` digits, zeros in front (`7` → `07`). */
export function padDigits(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** A count with its noun, singular for one (`1 breach`, `3 breaches`, `0 days`). */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${String(count)} ${count === 1 ? singular : plural}`;
}
