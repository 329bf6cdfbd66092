import type { Handoff } from "../handoff/index.js";

/** When a handoff was booked (its first `booked`, wherever it is in its events), in epoch ms. */
export function bookedAt(handoff: Handoff): number {
  return handoff.events.find((event) => event.type === "booked")?.at.getTime() ?? Number.NEGATIVE_INFINITY;
}
