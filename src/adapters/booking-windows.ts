import type { Handoff } from "../handoff/index.js";

// A record (a lead, a contact, an opportunity) booked more than once has one handoff per booking:
// each history row belongs to the booking it follows, up to the next.

/** When a handoff was booked (its first `booked`, wherever it is in its events), in epoch ms. */
export function bookedAt(handoff: Handoff): number {
  return handoff.events.find((event) => event.type === "booked")?.at.getTime() ?? Number.NEGATIVE_INFINITY;
}

/**
 * Which of a record's handoffs (in booking order) a history row at `ms` belongs to: the last one
 * booked at or before it. None before the first.
 */
export function handoffAt(handoffs: readonly Handoff[], ms: number): Handoff | undefined {
  let found: Handoff | undefined;
  for (const handoff of handoffs) {
    if (bookedAt(handoff) > ms) break;
    found = handoff;
  }
  return found;
}

/** When a handoff's window among its record's handoffs ends: the next booking after its own. */
export function windowEnd(list: readonly Handoff[], handoff: Handoff): number {
  const booked = bookedAt(handoff);
  for (const other of list) if (bookedAt(other) > booked) return bookedAt(other);
  return Number.POSITIVE_INFINITY;
}
