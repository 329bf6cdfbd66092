import type { HandoffEvent } from "./events.js";
import { requireEvent } from "./require-handoff.js";
import { requireState } from "./require-state.js";
import type { Acceptance, LifecycleState, Rejection } from "./state.js";

type Booked = Exclude<LifecycleState, { readonly status: "draft" }>;

/** `corrections` after a fact given again: one more when it changed, as it was when repeated as it stood. */
const corrected = (state: Booked, changed: boolean): number => (changed ? state.corrections + 1 : state.corrections);

function decisionChanged(decision: Acceptance | Rejection, event: HandoffEvent & { readonly type: "accepted" | "rejected" }): boolean {
  if (decision.kind === "accepted" && event.type === "accepted") return decision.amount !== event.amount || decision.currency !== event.currency;
  if (decision.kind === "rejected" && event.type === "rejected") return decision.reason !== event.reason || decision.note !== event.note;
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
    const meeting = { status: "scheduled", start: event.meeting.start, end: event.meeting.end, reschedules: 0 } as const;
    const firstBookedAt = state.status === "draft" ? event.at : state.firstBookedAt;
    // Every field of every state, in one order (see draftOf): one hidden class for all states, so
    // the spreads below copy along a monomorphic path (a state of each status its own shape made
    // each copy a megamorphic one, and evolve the fold's largest cost).
    return {
      status: "booked",
      cycle: state.cycle + 1,
      owners: state.owners,
      meeting,
      firstBookedAt,
      bookedAt: event.at,
      introSentAt: undefined,
      acknowledgedAt: undefined,
      firstFollowUpAt: undefined,
      quality: undefined,
      corrections: state.corrections,
      decision: undefined,
      recycle: undefined,
      outcome: undefined,
    } as LifecycleState;
  }
  if (event.type === "reassigned") return { ...state, owners: { ...state.owners, [event.role]: event.to } };
  if (state.status === "draft") return state;
  switch (event.type) {
    case "intro_sent":
      return state.introSentAt === undefined ? { ...state, introSentAt: event.at } : state;
    case "acknowledged":
      return state.acknowledgedAt === undefined ? { ...state, acknowledgedAt: event.at } : state;
    case "first_follow_up":
      return state.firstFollowUpAt === undefined ? { ...state, firstFollowUpAt: event.at } : state;
    case "accepted":
      if (state.status === "booked") return { ...state, status: "accepted", decision: acceptance(event, event.at) };
      if (state.status === "accepted" || state.status === "rejected") {
        return { ...state, corrections: corrected(state, decisionChanged(state.decision, event)), status: "accepted", decision: acceptance(event, state.decision.at) };
      }
      return state;
    case "rejected":
      if (state.status === "booked") return { ...state, status: "rejected", decision: rejection(event, event.at) };
      if (state.status === "accepted" || state.status === "rejected") {
        return { ...state, corrections: corrected(state, decisionChanged(state.decision, event)), status: "rejected", decision: rejection(event, state.decision.at) };
      }
      return state;
    case "meeting_held":
    case "no_show": {
      const status = event.type === "meeting_held" ? "held" : "no_show";
      const other = event.type === "meeting_held" ? "no_show" : "held";
      return { ...state, meeting: { ...state.meeting, status }, corrections: corrected(state, state.meeting.status === other) };
    }
    case "cancelled":
      return { ...state, meeting: { ...state.meeting, status: "cancelled" } };
    case "rescheduled":
      return { ...state, meeting: { status: "rescheduled", start: event.meeting.start, end: event.meeting.end, reschedules: state.meeting.reschedules + 1 } };
    case "quality_rated":
      return { ...state, quality: { score: event.score, note: event.note, at: event.at, by: event.by }, corrections: corrected(state, state.quality !== undefined && (state.quality.score !== event.score || state.quality.note !== event.note)) };
    case "recycled":
      return state.status === "rejected" ? { ...state, status: "recycled", recycle: { reason: event.reason, nextTouchAt: event.nextTouchAt, at: event.at } } : state;
    case "opportunity_won":
      if (state.status === "accepted") return { ...state, status: "won", outcome: { kind: "won", at: event.at, amount: event.amount, currency: event.currency } };
      if (state.status === "won") return { ...state, corrections: corrected(state, state.outcome.amount !== event.amount || state.outcome.currency !== event.currency), outcome: { kind: "won", at: state.outcome.at, amount: event.amount, currency: event.currency } };
      return state;
    case "opportunity_lost":
      if (state.status === "accepted") return { ...state, status: "lost", outcome: { kind: "lost", at: event.at, reason: event.reason } };
      if (state.status === "lost") return { ...state, corrections: corrected(state, state.outcome.reason !== event.reason), outcome: { kind: "lost", at: state.outcome.at, reason: event.reason } };
      return state;
    default:
      return event satisfies never;
  }
}
