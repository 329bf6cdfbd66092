import type { Handoff, HandoffEvent } from "../handoff/index.js";

// The events a history reader finds for a handoff, beside those it came with: each new row is read
// against both, as a recycle follows the rejection found a row before.

/** One event read from a history row, with the row it came from. */
export interface Found {
  readonly index: number;
  readonly event: HandoffEvent;
}

/** Whether the handoff records the AE's decision (accepted or rejected), in its events or found ones. */
export function decided(handoff: Handoff, found: readonly Found[] | undefined): boolean {
  return [...handoff.events, ...(found ?? []).map((entry) => entry.event)].some(
    (event) => event.type === "accepted" || event.type === "rejected",
  );
}

/**
 * The last event of `type` at or before `ms` (and at or after `after`: an event of the same instant
 * as the one it is looked for since counts as since it), in the handoff's or found events.
 */
export function lastOfType<T extends HandoffEvent["type"]>(
  handoff: Handoff,
  found: readonly Found[] | undefined,
  type: T,
  ms: number,
  after = Number.NEGATIVE_INFINITY,
): Extract<HandoffEvent, { type: T }> | undefined {
  let last: Extract<HandoffEvent, { type: T }> | undefined;
  for (const event of [...handoff.events, ...(found ?? []).map((entry) => entry.event)])
    if (event.type === type && event.at.getTime() <= ms && event.at.getTime() >= after)
      if (last === undefined || event.at.getTime() >= last.at.getTime())
        last = event as Extract<HandoffEvent, { type: T }>;
  return last;
}

/** A handoff with the events found for it, all in time; the handoff itself when none were. */
export function withFound(handoff: Handoff, found: readonly Found[] | undefined): Handoff {
  if (found === undefined) return handoff;
  const events = [...handoff.events, ...found.map((entry) => entry.event)].sort(
    (a, b) => a.at.getTime() - b.at.getTime(),
  );
  return { ...handoff, events };
}
