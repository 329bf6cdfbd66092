import { describeValue } from "../core/describe-value.js";
import { isRecord, optionsOf } from "../core/guards.js";
import { HandoffKitError } from "../core/error.js";
import { fromZodIssues } from "../core/issue.js";
import { decideShaped, statusRefusal, type HandoffOptions, type Refusal } from "./decide.js";
import { compareEvents, dedupeKeyOf } from "./delivery-order.js";
import { handoffEventSchema, HANDOFF_EVENT_TYPES, type HandoffEvent, type HandoffEventType } from "./events.js";
import { evolveShaped } from "./evolve.js";
import { foldHistory, outOfOrder, type Folded } from "./fold.js";
import type { Handoff } from "./handoff.js";
import { LENIENT_LIFECYCLE, requireRules, type LifecycleRules } from "./lifecycle-rules.js";
import { requireHandoff } from "./require-handoff.js";
import type { LifecycleState } from "./state.js";

/**
 * The outcome of applying an event: the next handoff and its state (`duplicate` when the event was
 * already delivered, a no-op, as CRM webhooks redeliver), or the refusal.
 *
 * @example
 * ```ts
 * import type { ApplyResult } from "handoff-kit/handoff";
 * const statusAfter = (result: ApplyResult): string =>
 *   result.ok ? result.state.status : `refused: ${result.refusal.code}`;
 * ```
 * @category Lifecycle
 */
export type ApplyResult =
  | { readonly ok: true; readonly handoff: Handoff; readonly state: LifecycleState; readonly duplicate: boolean }
  | { readonly ok: false; readonly refusal: Refusal };

const ALWAYS = Number.POSITIVE_INFINITY;

/** Parses an untrusted event, or describes why it is malformed, paths prefixed by `at`. */
function parseEvent(
  input: unknown,
  at: readonly (string | number)[],
): HandoffEvent | (Refusal & { readonly code: "invalid_event" }) {
  const parsed = handoffEventSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = fromZodIssues(parsed.error.issues, at);
  const field = (key: string): string =>
    describeValue(isRecord(input) ? (input as Record<string, unknown>)[key] : undefined);
  return {
    code: "invalid_event",
    event: field("type"),
    eventId: field("id"),
    issues,
    message: `The event is malformed: ${issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
  };
}

const isRefusal = (value: HandoffEvent | Refusal): value is Refusal => "code" in value;

/** A handoff's own history, folded as a command must honour it (stopping at a refusal, gated). */
function foldOwnHistory(
  handoff: Handoff,
  rules: LifecycleRules,
  events: readonly HandoffEvent[] = handoff.events,
): Folded {
  return foldHistory(events, rules, { handoff, gate: true, now: ALWAYS, onRefusal: "stop" });
}

function historyRefusal(refusal: Refusal, message: string): Refusal {
  return {
    code: "invalid_history",
    event: refusal.event,
    eventId: refusal.eventId,
    cause: refusal,
    message: `${message} at event ${refusal.eventId}: ${refusal.message}`,
  };
}

/**
 * Applies one event to a handoff under the team's rules (the command of the lifecycle's decider),
 * returning the next handoff (the event appended to its record) and its state, or a typed refusal
 * that leaves the handoff unchanged. An event delivered again (same id, or same dedupe key) is a
 * no-op. An event dated before the last is folded at its time, under the default `order: "any"`,
 * and refused if that would make a recorded event break the rules; strict rules refuse it. Refused:
 * transitions the contract forbids, changes to a closed handoff other than a correction of its
 * outcome, a booking the gate refuses, a rejection without a catalogued reason or with a vague note,
 * a reversal of a rejection without a note, a recycle without a later next-touch date, and
 * malformed events.
 *
 * @example
 * ```ts
 * import { applyEvent, defineLifecycle, openGate, type Handoff } from "handoff-kit/handoff";
 *
 * declare const handoff: Handoff;
 * const rules = defineLifecycle({ gate: "before_meeting", bookingGate: openGate });
 * const result = applyEvent(
 *   handoff,
 *   { id: "e9", type: "rejected", at: new Date(), by: "ae-omar", reason: "no_budget", note: "Not qualified" },
 *   rules,
 * );
 * if (!result.ok) console.log(result.refusal.code); // "vague_note", or "invalid_transition" if not booked
 * ```
 * @category Lifecycle
 */
export function applyEvent(handoff: Handoff, event: HandoffEvent, rules: LifecycleRules): ApplyResult {
  requireHandoff(handoff, "applyEvent");
  requireRules(rules, "applyEvent(handoff, event, rules)");
  const history = foldOwnHistory(handoff, rules);
  if (history.firstRefused !== undefined)
    return {
      ok: false,
      refusal: historyRefusal(history.firstRefused.refusal, "The handoff's own history breaks these rules"),
    };
  const parsed = parseEvent(event, []);
  if (isRefusal(parsed)) return { ok: false, refusal: parsed };
  const keyOf = dedupeKeyOf(rules);
  const key = keyOf(parsed);
  if (handoff.events.some((recorded) => keyOf(recorded) === key))
    return { ok: true, handoff, state: history.state, duplicate: true };
  const events = [...handoff.events, parsed];
  const last = history.delivery.events.at(-1);
  // The late path below folds the whole history again and answers the same.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: performance only: see above
  if (rules.order === "strict" || last === undefined || compareEvents(parsed, last) >= 0) {
    const refusal = foldStep(history, last, parsed, rules, handoff);
    if (refusal !== undefined) return { ok: false, refusal };
    return { ok: true, handoff: { ...handoff, events }, state: evolveShaped(history.state, parsed), duplicate: false };
  }
  // A late arrival: fold it at its time, and refuse it if it or anything after it is then refused.
  const refolded = foldOwnHistory(handoff, rules, events);
  const refused = refolded.firstRefused;
  if (refused === undefined)
    return { ok: true, handoff: { ...handoff, events }, state: refolded.state, duplicate: false };
  return {
    ok: false,
    refusal:
      refused.event === parsed
        ? refused.refusal
        : historyRefusal(refused.refusal, "Folded at its time, the event makes the recorded history break these rules"),
  };
}

/** The refusal of an event that comes after everything folded (`last` the last of it), under strict or any order. */
function foldStep(
  history: Folded,
  last: HandoffEvent | undefined,
  event: HandoffEvent,
  rules: LifecycleRules,
  handoff: Handoff,
): Refusal | undefined {
  // Under any order, an event reaching here folds at or after the last.
  // Stryker disable next-line ConditionalExpression: equivalent: see above
  if (rules.order === "strict" && last !== undefined && event.at.getTime() < last.at.getTime())
    return outOfOrder(event, last.at.getTime());
  return decideShaped(history.state, event, rules, handoff);
}

/**
 * What `replay` returns: the state after every event up to the first refused one in fold order,
 * that refusal (or the issues of a malformed event, by index), how many events were not applied,
 * and what the fold did to the delivered order. Indices are positions in the list given to `replay`.
 *
 * @example
 * ```ts
 * import type { ReplayResult } from "handoff-kit/handoff";
 * const clean = (result: ReplayResult): boolean => result.refusal === undefined && result.duplicates.length === 0;
 * ```
 * @category Lifecycle
 */
export interface ReplayResult {
  readonly state: LifecycleState;
  readonly refusal?: Refusal;
  /** The index of the event refused (or malformed). */
  readonly stoppedAt?: number;
  /** Events neither applied nor left out as repeated deliveries. */
  readonly notApplied: number;
  /** Repeated deliveries of an event (same id, or same dedupe key), counted once. */
  readonly duplicates: readonly number[];
  /** Events delivered after a later-dated one, folded at their time. */
  readonly late: readonly number[];
}

/**
 * Folds a history of events (parsed, or untrusted from a CRM) into a handoff's state under the team's
 * rules, in time order whatever order the events came in (unless the rules are strict), each
 * delivery once. It stops at the first event it cannot apply and returns the state up to there,
 * with the refusal, so nothing valid is lost. A malformed event stops it too: only the events before
 * it are folded. Pass `{ handoff }` for the booking gate and the owners.
 *
 * @example
 * ```ts
 * import { LENIENT_LIFECYCLE, replay } from "handoff-kit/handoff";
 *
 * const { state, refusal, late } = replay(
 *   [
 *     { id: "e2", type: "accepted", at: "2026-11-03T09:00:00Z", by: "ae-omar" },
 *     {
 *       id: "e1",
 *       type: "booked",
 *       at: "2026-11-02T16:05:00Z",
 *       by: "sdr-ana",
 *       meeting: { start: "2026-11-05T15:00:00Z", end: "2026-11-05T15:30:00Z" },
 *     },
 *     { id: "e3", type: "quality_rated", at: "2026-11-03T10:00:00Z", by: "ae-omar", score: 7, note: "Great" },
 *   ],
 *   LENIENT_LIFECYCLE,
 * );
 * state.status; // "accepted": the booking came second but happened first
 * late; // [1]
 * refusal?.code; // "invalid_event": the score must be 1-5
 * ```
 * @category Lifecycle
 */
export function replay(events: readonly unknown[], rules: LifecycleRules, options?: HandoffOptions): ReplayResult {
  requireRules(rules, "replay(events, rules, { handoff })");
  const { handoff } = optionsOf(options, "replay");
  if (handoff !== undefined) requireHandoff(handoff, "replay");
  if (!Array.isArray(events))
    throw new HandoffKitError("invalid_argument", {
      detail: `replay expects an array of events: ${describeValue(events)}`,
    });
  const parsed: HandoffEvent[] = [];
  let malformed: { readonly index: number; readonly refusal: Refusal } | undefined;
  for (let index = 0; index < events.length; index += 1) {
    const result = parseEvent(events[index], [index]);
    if (isRefusal(result)) {
      malformed = { index, refusal: result };
      break;
    }
    parsed.push(result);
  }
  // Stryker disable next-line ConditionalExpression: equivalent: the fold gates nothing without a handoff
  const folded = foldHistory(parsed, rules, { handoff, gate: handoff !== undefined, now: ALWAYS, onRefusal: "stop" });
  const { duplicates, late } = folded.delivery;
  const notApplied = events.length - folded.applied - duplicates.length;
  const stop = folded.firstRefused ?? (malformed === undefined ? undefined : { ...malformed, event: undefined });
  if (stop === undefined) return { state: folded.state, notApplied, duplicates, late };
  return { state: folded.state, refusal: stop.refusal, stoppedAt: stop.index, notApplied, duplicates, late };
}

/**
 * The event types that may happen next (what a UI shows as buttons). The booking gate is consulted;
 * event fields (a reason code, a note) are checked when the event comes. Corrections count: a won
 * handoff allows `opportunity_won` again (to correct its amount), a rejected one `accepted`.
 *
 * @example
 * ```ts
 * import { allowedEvents, defineLifecycle, type Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * // e.g. ["intro_sent", "acknowledged", "accepted", "rejected", ...]
 * allowedEvents(handoff, defineLifecycle({ gate: "before_meeting" }));
 * ```
 * @category Lifecycle
 */
export function allowedEvents(handoff: Handoff, rules: LifecycleRules): HandoffEventType[] {
  requireHandoff(handoff, "allowedEvents");
  requireRules(rules, "allowedEvents(handoff, rules)");
  const history = foldOwnHistory(handoff, rules);
  if (history.firstRefused !== undefined) return [];
  const { state } = history;
  // The refusal, which alone carries the event id, is only tested for existence.
  // Stryker disable next-line StringLiteral: equivalent: see above
  return HANDOFF_EVENT_TYPES.filter((type) => statusRefusal(state, type, "", rules, handoff) === undefined);
}

/**
 * Folds a handoff's recorded events with the lenient rules (or the given ones), skipping (and
 * counting in `skippedEvents`) any they refuse: the state analysts read. `summarize` is the same
 * fold, flattened to a row.
 *
 * @example
 * ```ts
 * import { stateOf, type Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * stateOf(handoff).cycle;
 * ```
 * @category Reading handoffs
 */
export function stateOf(
  handoff: Handoff,
  rules: LifecycleRules = LENIENT_LIFECYCLE,
): LifecycleState & { readonly skippedEvents: number } {
  requireHandoff(handoff, "stateOf");
  requireRules(rules, "stateOf(handoff, rules)");
  const { state, refused } = foldHistory(handoff.events, rules, {
    handoff,
    gate: false,
    now: ALWAYS,
    onRefusal: "skip",
  });
  return { ...state, skippedEvents: refused };
}
