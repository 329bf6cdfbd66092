import type { HandoffEvent } from "./events.js";
import { requireEvent } from "./require-handoff.js";
import { requireState } from "./require-state.js";
import { nextState, type Acceptance, type LifecycleState, type Rejection } from "./state.js";

type Booked = Exclude<LifecycleState, { readonly status: "draft" }>;

/** `corrections` after a fact given again: one more when it changed, as it was when repeated as it stood. */
const corrected = (state: Booked, changed: boolean): number => (changed ? state.corrections + 1 : state.corrections);

function decisionChanged(
  decision: Acceptance | Rejection,
  event: HandoffEvent & { readonly type: "accepted" | "rejected" },
): boolean {
  if (decision.kind === "accepted" && event.type === "accepted")
    return decision.amount !== event.amount || decision.currency !== event.currency;
  if (decision.kind === "rejected" && event.type === "rejected")
    return decision.reason !== event.reason || decision.note !== event.note;
  return true;
}

/** A decision's fields from its event; `at` is the cycle's first decision, kept through corrections. */
function acceptance(event: HandoffEvent & { readonly type: "accepted" }, at: Date): Acceptance {
  return { kind: "accepted", at, by: event.by, amount: event.amount, currency: event.currency, note: event.note };
}
function rejection(event: HandoffEvent & { readonly type: "rejected" }, at: Date): Rejection {
  return { kind: "rejected", at, by: event.by, reason: event.reason, note: event.note };
}

/**
 * The state after one event: the lifecycle's only transition function. It keeps no history, so a
 * fold of it is linear in events. It trusts that {@link decide} allowed the event; an event that
 * has no meaning in the state (a decision on a draft) leaves the state as it was.
 *
 * A correction (a meeting outcome, decision, rating or amount given again) replaces the fact, and
 * adds one to `corrections` when it changed it (a repeat of the fact as it stands changes nothing);
 * the time of the first response (`decision.at`, `outcome.at`) stays, so clocks measure the
 * response, not the correction.
 *
 * @example
 * ```ts
 * import { evolve, initialState } from "handoff-kit/handoff";
 * const at = new Date("2026-11-02T16:05:00Z");
 * const slot = { start: new Date("2026-11-05T15:00:00Z"), end: new Date("2026-11-05T15:30:00Z") };
 * const booked = evolve(initialState(), { id: "e1", type: "booked", at, by: "sdr-ana", meeting: slot });
 * booked.status; // "booked"
 * ```
 * @category Decider
 */
export function evolve(state: LifecycleState, event: HandoffEvent): LifecycleState {
  requireState(state, "evolve");
  requireEvent(event, "evolve");
  return evolveShaped(state, event);
}

/** {@link evolve} for callers whose arguments are the lifecycle's own (every fold). */
export function evolveShaped(state: LifecycleState, event: HandoffEvent): LifecycleState {
  if (event.type === "booked") {
    if (state.status !== "draft" && state.status !== "recycled") return state;
    const next = nextState(state);
    next.status = "booked";
    next.cycle = state.cycle + 1;
    next.meeting = { status: "scheduled", start: event.meeting.start, end: event.meeting.end, reschedules: 0 };
    next.firstBookedAt = state.status === "draft" ? event.at : state.firstBookedAt;
    next.bookedAt = event.at;
    // A new cycle: what the last one knew of the meeting, the decision and after is not this one's.
    next.introSentAt = undefined;
    next.acknowledgedAt = undefined;
    next.firstFollowUpAt = undefined;
    next.quality = undefined;
    next.decision = undefined;
    next.recycle = undefined;
    next.outcome = undefined;
    return next as LifecycleState;
  }
  if (event.type === "reassigned") {
    const next = nextState(state);
    next.owners = { ...state.owners, [event.role]: event.to };
    return next as LifecycleState;
  }
  if (state.status === "draft") return state;
  const next = nextState(state);
  switch (event.type) {
    case "intro_sent":
      if (state.introSentAt !== undefined) return state;
      next.introSentAt = event.at;
      break;
    case "acknowledged":
      if (state.acknowledgedAt !== undefined) return state;
      next.acknowledgedAt = event.at;
      break;
    case "first_follow_up":
      if (state.firstFollowUpAt !== undefined) return state;
      next.firstFollowUpAt = event.at;
      break;
    case "accepted":
    case "rejected": {
      if (state.status !== "booked" && state.status !== "accepted" && state.status !== "rejected") return state;
      // A decision given again is a correction; `at` stays the cycle's first decision.
      const first = state.status === "booked" ? undefined : state.decision;
      const at = first?.at ?? event.at;
      next.status = event.type;
      next.decision = event.type === "accepted" ? acceptance(event, at) : rejection(event, at);
      next.corrections = first === undefined ? state.corrections : corrected(state, decisionChanged(first, event));
      break;
    }
    case "meeting_held":
    case "no_show": {
      const status = event.type === "meeting_held" ? "held" : "no_show";
      const other = event.type === "meeting_held" ? "no_show" : "held";
      next.meeting = {
        status,
        start: state.meeting.start,
        end: state.meeting.end,
        reschedules: state.meeting.reschedules,
      };
      next.corrections = corrected(state, state.meeting.status === other);
      break;
    }
    case "cancelled":
      next.meeting = {
        status: "cancelled",
        start: state.meeting.start,
        end: state.meeting.end,
        reschedules: state.meeting.reschedules,
      };
      break;
    case "rescheduled":
      next.meeting = {
        status: "rescheduled",
        start: event.meeting.start,
        end: event.meeting.end,
        reschedules: state.meeting.reschedules + 1,
      };
      break;
    case "quality_rated":
      next.quality = { score: event.score, note: event.note, at: event.at, by: event.by };
      next.corrections = corrected(
        state,
        state.quality !== undefined && (state.quality.score !== event.score || state.quality.note !== event.note),
      );
      break;
    case "recycled":
      if (state.status !== "rejected") return state;
      next.status = "recycled";
      next.recycle = { reason: event.reason, nextTouchAt: event.nextTouchAt, at: event.at };
      break;
    case "opportunity_won":
      if (state.status === "accepted") {
        next.status = "won";
        next.outcome = { kind: "won", at: event.at, amount: event.amount, currency: event.currency };
      } else if (state.status === "won") {
        next.outcome = { kind: "won", at: state.outcome.at, amount: event.amount, currency: event.currency };
        next.corrections = corrected(
          state,
          state.outcome.amount !== event.amount || state.outcome.currency !== event.currency,
        );
      } else return state;
      break;
    case "opportunity_lost":
      if (state.status === "accepted") {
        next.status = "lost";
        next.outcome = { kind: "lost", at: event.at, reason: event.reason };
      } else if (state.status === "lost") {
        next.outcome = { kind: "lost", at: state.outcome.at, reason: event.reason };
        next.corrections = corrected(state, state.outcome.reason !== event.reason);
      } else return state;
      break;
    default:
      return event satisfies never;
  }
  return next as LifecycleState;
}
