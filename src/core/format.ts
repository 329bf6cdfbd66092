import { zoneFormatter } from "./time-zone.js";

/** `2026-11-24 09:00` in a zone, without locale assumptions. */
export function formatInstant(at: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of zoneFormatter(timeZone)?.formatToParts(at) ?? []) parts[part.type] = part.value;
  const pad = (value: string | undefined): string => (value ?? "").padStart(2, "0");
  return `${parts["year"] ?? ""}-${pad(parts["month"])}-${pad(parts["day"])} ${pad(parts["hour"])}:${pad(parts["minute"])}`;
}
