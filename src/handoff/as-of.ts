import { deliveryOrder } from "./delivery-order.js";
import type { HandoffEvent } from "./events.js";
import type { LifecycleRules } from "./lifecycle-rules.js";

/**
 * The events a fold as of `now` reads, in its order: each delivery once, none after `now`, in time
 * order unless the rules are strict. What the lifecycle reads of a history, so the SLA clocks of a
 * scoreboard see the same events as its metrics. The input is returned as it is when nothing is
 * left out or moved.
 */
export function eventsAsOf(
  events: readonly HandoffEvent[],
  now: number,
  rules: LifecycleRules,
): readonly HandoffEvent[] {
  // deliveryOrder hands back the delivered list itself when it leaves nothing out and moves nothing.
  return deliveryOrder(events, rules, now).events;
}
