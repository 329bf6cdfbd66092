import { wallClockFields } from "./time-zone.js";

/** `2026-11-24 09:00` in a zone, without locale assumptions. */
export function formatInstant(at: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClockFields(timeZone, at);
  const pad = (value: number): string => String(value).padStart(2, "0");
  return `${String(year)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
}

/** `9 h 30 min`, `45 min`, `20 s`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${sign}${String(Math.round(abs / 1_000))} s`;
  const totalMinutes = Math.round(abs / 60_000);
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
