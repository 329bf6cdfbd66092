import { wallClockFields } from "./time-zone.js";

/** `2026-11-24 09:00` in a zone, without locale assumptions. */
export function formatInstant(at: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClockFields(timeZone, at);
  const pad = (value: number): string => String(value).padStart(2, "0");
  return `${String(year)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
}
