import { tz } from "@date-fns/tz";
import { format, startOfWeek } from "date-fns";
import type { Handoff, HandoffEvent } from "handoff-kit/handoff";
import { match } from "ts-pattern";

/**
 * Where a handoff stands, read from its latest decisive event. The lifecycle module's `replay` will
 * replace this reading with the checked state machine; until then the demo keeps it this simple.
 */
export type DemoStatus = "draft" | "booked" | "accepted" | "rejected" | "recycled" | "won" | "lost";

const decisive = (event: HandoffEvent): DemoStatus | undefined =>
  match(event)
    .with({ type: "booked" }, () => "booked" as const)
    .with({ type: "accepted" }, () => "accepted" as const)
    .with({ type: "rejected" }, () => "rejected" as const)
    .with({ type: "recycled" }, () => "recycled" as const)
    .with({ type: "opportunity_won" }, () => "won" as const)
    .with({ type: "opportunity_lost" }, () => "lost" as const)
    .with(
      { type: "intro_sent" },
      { type: "acknowledged" },
      { type: "meeting_held" },
      { type: "no_show" },
      { type: "rescheduled" },
      { type: "cancelled" },
      { type: "first_follow_up" },
      { type: "quality_rated" },
      { type: "reassigned" },
      () => undefined,
    )
    .exhaustive();

/** The status of one handoff, from its events. */
export function demoStatus(handoff: Handoff): DemoStatus {
  let status: DemoStatus = "draft";
  for (const event of handoff.events) status = decisive(event) ?? status;
  return status;
}

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
