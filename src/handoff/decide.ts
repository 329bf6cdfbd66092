import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, optionsOf } from "../core/guards.js";
import type { Issue } from "../core/issue.js";
import type { GateFinding } from "./booking-gate.js";
import { isSpecific } from "../qualification/internal.js";
import type { HandoffEvent, HandoffEventType } from "./events.js";
import type { Handoff } from "./handoff.js";
import { requireRules, type LifecycleRules } from "./lifecycle-rules.js";
import { requireEvent, requireHandoff } from "./require-handoff.js";
import { requireState } from "./require-state.js";
import type { HandoffStatus, LifecycleState, MeetingStatus } from "./state.js";

/**
 * Every code a {@link Refusal} carries, so a switch over them can be exhaustive.
 *
 * @example
 * ```ts
 * import { REFUSAL_CODES } from "handoff-kit/handoff";
 * REFUSAL_CODES.includes("closed"); // true
 * ```
 * @category Lifecycle
 */
export const REFUSAL_CODES = [
  "invalid_transition",
  "closed",
  "out_of_order",
  "gate_refused",
  "unknown_reason",
  "vague_note",
  "invalid_next_touch",
  "unexplained_reversal",
  "invalid_event",
  "invalid_history",
] as const;

/**
 * One of {@link REFUSAL_CODES}.
 *
 * @example
 * ```ts
 * import type { RefusalCode } from "handoff-kit/handoff";
 * const retryable = (code: RefusalCode): boolean => code === "out_of_order";
 * ```
 * @category Lifecycle
 */
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * Why an event was refused, as tagged data. A refusal leaves the handoff unchanged.
 *
 * @example
 * ```ts
 * import type { Refusal } from "handoff-kit/handoff";
 * const explain = (refusal: Refusal): string =>
 *   refusal.code === "invalid_transition" ? `${refusal.event} is not allowed while ${refusal.from}` : refusal.message;
 * ```
 * @category Lifecycle
 */
export type Refusal =
  | {
      readonly code: "invalid_transition";
      readonly from: HandoffStatus;
      readonly meeting: MeetingStatus;
      readonly event: HandoffEventType;
      readonly eventId: string;
      /** The rule of the transition table it broke, in words. */
      readonly rule: string;
      readonly message: string;
    }
  | {
      readonly code: "closed";
      readonly from: "won" | "lost";
      readonly event: HandoffEventType;
      readonly eventId: string;
      readonly message: string;
    }
  | {
      readonly code: "out_of_order";
      readonly event: HandoffEventType;
      readonly eventId: string;
      readonly at: Date;
      readonly lastAt: Date;
      readonly message: string;
    }
  | {
      readonly code: "gate_refused";
      readonly event: "booked";
      readonly eventId: string;
      readonly findings: readonly GateFinding[];
      readonly message: string;
    }
  | {
      readonly code: "unknown_reason";
      readonly event: "rejected" | "recycled";
      readonly eventId: string;
      readonly reason: string;
      readonly message: string;
    }
  | { readonly code: "vague_note"; readonly event: "rejected"; readonly eventId: string; readonly message: string }
  | {
      readonly code: "invalid_next_touch";
      readonly event: "recycled";
      readonly eventId: string;
      readonly message: string;
    }
  | {
      readonly code: "unexplained_reversal";
      readonly event: "accepted";
      readonly eventId: string;
      readonly message: string;
    }
  | {
      readonly code: "invalid_event";
      readonly event: string;
      readonly eventId: string;
      readonly issues: readonly Issue[];
      readonly message: string;
    }
  | {
      readonly code: "invalid_history";
      readonly event: string;
      readonly eventId: string;
      readonly cause: Refusal;
      readonly message: string;
    };

const liveMeeting = (status: MeetingStatus): boolean => status === "scheduled" || status === "rescheduled";
const working = (status: HandoffStatus): boolean => status === "booked" || status === "accepted";
const decided = (status: HandoffStatus): boolean => status === "accepted" || status === "rejected";

/** Whether the AE may make the cycle's first decision now, by where the team's gate sits. */
function decisionOpen(gate: LifecycleRules["gate"], meeting: MeetingStatus): boolean {
  switch (gate) {
    case "before_meeting":
      return meeting !== "cancelled";
    case "after_meeting":
      return meeting === "held" || meeting === "no_show";
    case "either":
      return true;
    default:
      return gate satisfies never;
  }
}

function decisionBlocked(
  status: HandoffStatus,
  meeting: MeetingStatus,
  gate: LifecycleRules["gate"],
): string | undefined {
  // A second decision in the same cycle corrects the first (an AE reverses a rejection after a call).
  if (decided(status)) return undefined;
  if (status === "booked" && decisionOpen(gate, meeting)) return undefined;
  if (status !== "booked")
    return "the AE decides while the handoff is booked, or corrects a decision before it is recycled or closed";
  return gate === "after_meeting" ? "this team's AE decides after the meeting is held" : "the meeting was cancelled";
}

/**
 * A meeting's outcome: for a meeting not cancelled of a booked, accepted or rejected handoff (a
 * meeting may go ahead after a rejection, as CRM histories show). Given again, differently, it
 * corrects it: a no-show marked held, or the reverse.
 */
function outcomeBlocked(status: HandoffStatus, meeting: MeetingStatus): string | undefined {
  if ((working(status) || status === "rejected") && meeting !== "cancelled") return undefined;
  return "only for the meeting, not cancelled, of a booked, accepted or rejected handoff";
}

/**
 * Why an event of `type` may not happen from this status and meeting under the team's gate, or
 * undefined: the transition table. A switch rather than a match or a table of functions: it runs for
 * every event of every handoff a scoreboard folds, ts-pattern builds its matcher on each call, and a
 * keyed table of closures costs a megamorphic call; the `never` default keeps it exhaustive (a new
 * event type fails to compile until it has a rule).
 */
function transitionBlocked(
  status: HandoffStatus,
  meeting: MeetingStatus,
  type: HandoffEventType,
  gate: LifecycleRules["gate"],
): string | undefined {
  switch (type) {
    case "booked":
      return status === "draft" || status === "recycled"
        ? undefined
        : "a handoff is booked from draft, or again once recycled";
    case "intro_sent":
    case "acknowledged":
    case "first_follow_up":
      return working(status) ? undefined : "only while the handoff is booked or accepted";
    case "accepted":
    case "rejected":
      return decisionBlocked(status, meeting, gate);
    case "meeting_held":
    case "no_show":
      return outcomeBlocked(status, meeting);
    case "cancelled":
      return (working(status) || status === "rejected") && liveMeeting(meeting)
        ? undefined
        : "only a scheduled meeting is cancelled";
    case "rescheduled":
      return working(status) && (liveMeeting(meeting) || meeting === "no_show")
        ? undefined
        : "only a scheduled or missed meeting is rescheduled";
    case "quality_rated":
      return meeting === "held" && status !== "recycled" ? undefined : "the AE rates a meeting that was held";
    case "recycled":
      return status === "rejected" ? undefined : "only a rejected handoff is recycled";
    case "reassigned":
      return status === "draft" ? "a draft has no owners to change yet" : undefined;
    case "opportunity_won":
      return status === "accepted" || status === "won"
        ? undefined
        : "only an accepted handoff becomes a won opportunity";
    case "opportunity_lost":
      return status === "accepted" || status === "lost"
        ? undefined
        : "only an accepted handoff becomes a lost opportunity";
    default:
      return type satisfies never;
  }
}

function knownReason(rules: LifecycleRules, reason: string): boolean {
  for (const candidate of rules.reasons) if (candidate.code === reason) return true;
  return false;
}

/** The checks an event's own fields must pass beyond its schema, given the state; undefined when they do. */
function fieldRefusal(state: LifecycleState, event: HandoffEvent, rules: LifecycleRules): Refusal | undefined {
  const eventId = event.id;
  switch (event.type) {
    case "accepted":
      // Reversing a rejection changes the SDR's pipeline and the reason-code counts: the AE says why.
      if (state.status !== "rejected" || event.note !== undefined) return undefined;
      return {
        code: "unexplained_reversal",
        event: "accepted",
        eventId,
        message: "Accepting a rejected handoff reverses the rejection: say why in the event's note",
      };
    case "rejected":
    case "recycled":
      if (!knownReason(rules, event.reason))
        return {
          code: "unknown_reason",
          event: event.type,
          eventId,
          reason: event.reason,
          message: `"${event.reason}" is not in the reason-code catalogue`,
        };
      if (event.type === "rejected") {
        return isSpecific(event.note)
          ? undefined
          : {
              code: "vague_note",
              event: "rejected",
              eventId,
              message: `"${event.note}" teaches the SDR nothing: say what was missing (a number, a role, a date)`,
            };
      }
      return event.nextTouchAt.getTime() > event.at.getTime()
        ? undefined
        : {
            code: "invalid_next_touch",
            event: "recycled",
            eventId,
            message: "The next touch must come after the recycle",
          };
    default:
      return undefined;
  }
}

/**
 * The handoff a history belongs to, for `decide` and `replay`: with it, a booking is checked by the
 * rules' booking gate and the owners are read from it; without it, bookings are not gated (a fold
 * of a recorded history trusts that the gate ran when it was booked).
 *
 * @example
 * ```ts
 * import { LENIENT_LIFECYCLE, replay, type Handoff, type HandoffOptions } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * const context: HandoffOptions = { handoff };
 * replay([], LENIENT_LIFECYCLE, context).state.status; // "draft"
 * ```
 * @category Lifecycle
 */
export interface HandoffOptions {
  readonly handoff?: Handoff;
}

/**
 * Whether the rules let `event` happen in `state`: undefined when they do, else the refusal. The one
 * place the contract's rules live; `applyEvent`, `replay`, `stateOf`, `summarize` and
 * `allowedEvents` all ask it. Pass the handoff to consult the booking gate (without it, bookings
 * are not gated: a fold of a recorded history trusts that the gate ran when it was booked).
 * Throws `invalid_argument` when `options` is not an object.
 *
 * @example
 * ```ts
 * import { decide, initialState, LENIENT_LIFECYCLE } from "handoff-kit/handoff";
 * const refusal = decide(
 *   initialState(),
 *   { id: "e1", type: "accepted", at: new Date(), by: "ae-omar" },
 *   LENIENT_LIFECYCLE,
 * );
 * refusal?.code; // "invalid_transition": a draft is not booked yet
 * ```
 * @category Decider
 */
export function decide(
  state: LifecycleState,
  event: HandoffEvent,
  rules: LifecycleRules,
  options?: HandoffOptions,
): Refusal | undefined {
  requireState(state, "decide");
  requireEvent(event, "decide");
  requireRules(rules, "decide(state, event, rules, { handoff })");
  const { handoff } = optionsOf(options, "decide");
  if (handoff !== undefined) requireHandoff(handoff, "decide");
  return decideShaped(state, event, rules, handoff);
}

/** {@link decide} for callers whose arguments are the lifecycle's own (every fold). */
export function decideShaped(
  state: LifecycleState,
  event: HandoffEvent,
  rules: LifecycleRules,
  handoff: Handoff | undefined,
): Refusal | undefined {
  return statusRefusal(state, event.type, event.id, rules, handoff) ?? fieldRefusal(state, event, rules);
}

/**
 * Whether an event of `type` may happen in `state` at all, before its fields are read: a closed
 * handoff, the transition table, the booking gate. What `allowedEvents` asks of each type.
 */
export function statusRefusal(
  state: LifecycleState,
  type: HandoffEventType,
  eventId: string,
  rules: LifecycleRules,
  handoff: Handoff | undefined,
): Refusal | undefined {
  if (state.status === "won" || state.status === "lost") {
    const correction =
      (state.status === "won" && type === "opportunity_won") ||
      (state.status === "lost" && type === "opportunity_lost");
    if (!correction)
      return {
        code: "closed",
        from: state.status,
        event: type,
        eventId,
        message: `The handoff is closed (${state.status}); nothing more happens to it but a correction of its outcome`,
      };
  }
  const why = transitionBlocked(state.status, state.meeting.status, type, rules.gate);
  if (why !== undefined)
    return {
      code: "invalid_transition",
      from: state.status,
      meeting: state.meeting.status,
      event: type,
      eventId,
      rule: why,
      message: `${type} is not allowed now: ${why}`,
    };
  if (type !== "booked" || handoff === undefined) return undefined;
  const gate: unknown = rules.bookingGate(handoff);
  // The gate is the caller's function: an answer of another shape is misuse, named, not a TypeError.
  const { ok, findings } = (isRecord(gate) ? gate : {}) as { ok?: unknown; findings?: unknown };
  if (ok === true) return undefined;
  if (
    ok !== false ||
    !Array.isArray(findings) ||
    !findings.every(
      (reason: unknown) => isRecord(reason) && typeof (reason as { message?: unknown }).message === "string",
    )
  ) {
    throw new HandoffKitError("invalid_argument", {
      detail:
        `the rules' booking gate answered ${describeValue(gate)}, ` +
        `not { ok: true } or { ok: false, findings } with a message in each finding`,
    });
  }
  const given = findings as readonly GateFinding[];
  return {
    code: "gate_refused",
    event: "booked",
    eventId,
    findings: given,
    message: `The booking gate refused: ${given.map((reason) => reason.message).join("; ")}`,
  };
}

/** The rule a refusal names, in a few words, as a row's `firstSkipped.rule` quotes it. */
export function ruleOf(refusal: Refusal): string {
  switch (refusal.code) {
    case "invalid_transition":
      return refusal.rule;
    case "closed":
      return `the handoff is closed (${refusal.from})`;
    case "out_of_order":
      return "it is dated before the event applied before it";
    case "gate_refused":
      return "the booking gate refused it";
    case "unknown_reason":
      return "its reason is not in the reason-code catalogue";
    case "vague_note":
      return "its rejection note names no number, role, person or date";
    case "invalid_next_touch":
      return "its next touch is not after the recycle";
    case "unexplained_reversal":
      return "it reverses a rejection without a note";
    case "invalid_event":
      return "it is malformed";
    case "invalid_history":
      return ruleOf(refusal.cause);
    default:
      return refusal satisfies never;
  }
}
