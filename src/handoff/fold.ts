import { decideShaped, type Refusal } from "./decide.js";
import { deliveryOrder, type Delivery } from "./delivery-order.js";
import type { HandoffEvent } from "./events.js";
import { evolveShaped } from "./evolve.js";
import type { Handoff } from "./handoff.js";
import type { LifecycleRules } from "./lifecycle-rules.js";
import { draftOf, type LifecycleState } from "./state.js";

/** An event the rules refused, by its index in the delivered list. */
export interface RefusedEvent {
  readonly index: number;
  readonly event: HandoffEvent;
  readonly refusal: Refusal;
}

/** A history folded: the state, how the deliveries were read, and what the rules refused. */
export interface Folded {
  readonly state: LifecycleState;
  readonly delivery: Delivery;
  /** How many of `delivery.events` were applied; in `stop` mode the rest were not looked at. */
  readonly applied: number;
  /** The first refused event, in fold order. */
  readonly firstRefused: RefusedEvent | undefined;
  /** How many events were refused (at most one in `stop` mode). */
  readonly refused: number;
}

/**
 * The one fold of the lifecycle: {@link decide} then {@link evolve} over the events in fold order.
 * `skip` goes past a refused event (what analysts read from a CRM's history); `stop` ends at it
 * (what a command over a history must honour). With `handoff`, owners start as its reps, and with
 * `gate` its bookings pass the booking gate.
 */
export function foldHistory(
  delivered: readonly HandoffEvent[],
  rules: LifecycleRules,
  options: {
    readonly handoff: Handoff | undefined;
    readonly gate: boolean;
    readonly now: number;
    readonly onRefusal: "skip" | "stop";
  },
): Folded {
  const delivery = deliveryOrder(delivered, rules, options.now);
  const { events, indices } = delivery;
  const gated = options.gate ? options.handoff : undefined;
  // Stryker disable next-line ConditionalExpression: equivalent: in any order the events come sorted by time
  const strict = rules.order === "strict";
  let state: LifecycleState = draftOf(options.handoff);
  let firstRefused: RefusedEvent | undefined;
  let refused = 0;
  let applied = 0;
  let lastAt = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as HandoffEvent;
    const at = event.at.getTime();
    const refusal = strict && at < lastAt ? outOfOrder(event, lastAt) : decideShaped(state, event, rules, gated);
    if (refusal === undefined) {
      state = evolveShaped(state, event);
      applied += 1;
      lastAt = at;
      continue;
    }
    refused += 1;
    firstRefused ??= { index: indices === undefined ? i : (indices[i] as number), event, refusal };
    if (options.onRefusal === "stop") break;
  }
  return { state, delivery, applied, firstRefused, refused };
}

/** The strict rules' refusal of an event dated before the last one applied. */
export function outOfOrder(event: HandoffEvent, lastAt: number): Refusal {
  const last = new Date(lastAt);
  return {
    code: "out_of_order",
    event: event.type,
    eventId: event.id,
    at: event.at,
    lastAt: last,
    message: `The event is dated ${event.at.toISOString()}, before the last one (${last.toISOString()})`,
  };
}
