import type { HandoffEvent } from "./events.js";

/**
 * The events a fold as of `now` reads, in their recorded order: the first event of each id (CRM
 * webhooks redeliver), none after `now`. What the lifecycle applies to a history it accepts, so the
 * SLA clocks of a scoreboard see the same events as its metrics. The input is returned as it is when
 * nothing is left out.
 */
export function eventsAsOf(events: readonly HandoffEvent[], now: number): readonly HandoffEvent[] {
  const seen = new Set<string>();
  const kept: HandoffEvent[] = [];
  for (const event of events) {
    if (event.at.getTime() > now || seen.has(event.id)) continue;
    seen.add(event.id);
    kept.push(event);
  }
  return kept.length === events.length ? events : kept;
}
