import { tz } from "@date-fns/tz";
import { format, startOfWeek } from "date-fns";
import type { Handoff } from "handoff-kit/handoff";

/** Counts by a key, sorted by key. */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

/** The Monday (as `YYYY-MM-DD`) of the week a handoff was first booked, in the given zone. */
export function bookedWeek(handoff: Handoff, timeZone: string): string {
  const booked = handoff.events.find((event) => event.type === "booked");
  if (booked === undefined) return "(not booked)";
  return format(startOfWeek(booked.at, { weekStartsOn: 1, in: tz(timeZone) }), "yyyy-MM-dd", { in: tz(timeZone) });
}
