import { describeValue } from "../core/describe-value.js";
import { isRecord } from "../core/guards.js";
import { match } from "ts-pattern";
import { HandoffKitError } from "../core/error.js";
import { fromZodIssues, type Issue } from "../core/issue.js";
import { isSpecific } from "../qualification/specificity.js";
import { openGate, requiredBriefGate, type BookingGate } from "./booking-gate.js";
import { handoffEventSchema, HANDOFF_EVENT_TYPES, type HandoffEvent, type HandoffEventType } from "./events.js";
import type { Handoff } from "./handoff.js";
import { DEFAULT_REASON_CODES, type ReasonCode } from "./reasons.js";
import { requireHandoff } from "./require-handoff.js";

/**
 * Where a handoff stands: `draft` until booked; `booked` until the AE decides; `accepted` or
 * `rejected`; a rejected lead is `recycled` to the SDR and may be booked again (a new cycle); an
 * accepted one ends `won` or `lost`.
 *
 * @example
 * ```ts
 * import { HANDOFF_STATUSES } from "handoff-kit/handoff";
 * HANDOFF_STATUSES; // ["draft", "booked", "accepted", "rejected", "recycled", "won", "lost"]
 * ```
 */
export const HANDOFF_STATUSES = ["draft", "booked", "accepted", "rejected", "recycled", "won", "lost"] as const;

/**
 * One of {@link HANDOFF_STATUSES}.
 *
 * @example
 * ```ts
 * import type { HandoffStatus } from "handoff-kit/handoff";
 * const open = (status: HandoffStatus): boolean => status !== "won" && status !== "lost";
 * ```
 */
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/**
 * Where the current cycle's meeting stands; it runs alongside the handoff's status.
 *
 * @example
 * ```ts
 * import type { MeetingStatus } from "handoff-kit/handoff";
 * const happened = (status: MeetingStatus): boolean => status === "held";
 * ```
 */
export type MeetingStatus = "none" | "scheduled" | "rescheduled" | "held" | "no_show" | "cancelled";

/**
 * The team's rules for the lifecycle; make one with {@link defineLifecycle}.
 *
 * @example
 * ```ts
 * import { defineLifecycle, type LifecycleConfig } from "handoff-kit/handoff";
 * const config: LifecycleConfig = defineLifecycle({ gate: "after_meeting" });
 * ```
 */
export interface LifecycleConfig {
  /** When the AE accepts or rejects: before the meeting (seed 001), after it (seed 002), or either (for analytics over CRM exports). */
  readonly gate: "before_meeting" | "after_meeting" | "either";
  readonly bookingGate: BookingGate;
  readonly reasons: readonly ReasonCode[];
}

const GATE_PLACEMENTS: ReadonlySet<unknown> = new Set<LifecycleConfig["gate"]>(["before_meeting", "after_meeting", "either"]);

/** Whether a value from untyped code names a gate placement. */
export function isGatePlacement(value: unknown): value is LifecycleConfig["gate"] {
  return GATE_PLACEMENTS.has(value);
}

/**
 * Throws `invalid_argument` unless `config` is lifecycle rules: `summarize(handoff, { now })` reads
 * as plausible from untyped code, and would fold with no rules.
 */
export function requireRules(config: unknown, call: string): void {
  const { gate, bookingGate, reasons } = (isRecord(config) ? config : {}) as { gate?: unknown; bookingGate?: unknown; reasons?: unknown };
  if (!isGatePlacement(gate) || typeof bookingGate !== "function" || !Array.isArray(reasons)) {
    throw new HandoffKitError("invalid_argument", { detail: `${call}: the rules argument is LENIENT_LIFECYCLE, or what defineLifecycle returns: ${describeValue(config)}` });
  }
  // A catalogue changed by hand: each reason is read for its code and its recycle action.
  const bad = reasons.findIndex((reason: unknown) => !isRecord(reason) || typeof (reason as { code?: unknown }).code !== "string" || !isRecord((reason as { recycle?: unknown }).recycle));
  if (bad >= 0) throw new HandoffKitError("invalid_argument", { detail: `${call}: the rules' reasons[${String(bad)}] is ${describeValue(reasons[bad])}, not a reason code as defineLifecycle makes` });
}

/**
 * Builds a lifecycle configuration: the acceptance gate's placement, the booking gate (by default
 * `requiredBriefGate`, the brief's required package) and the reason-code catalogue (by default
 * `DEFAULT_REASON_CODES`). Throws `invalid_config` for an empty or duplicated catalogue.
 *
 * @example
 * ```ts
 * import { defineLifecycle, DEFAULT_REASON_CODES } from "handoff-kit/handoff";
 *
 * const seed002 = defineLifecycle({
 *   gate: "after_meeting",
 *   reasons: [...DEFAULT_REASON_CODES, { code: "pricing", label: "Price above budget", category: "budget", recycle: { action: "nurture", afterDays: 90 } }],
 * });
 * ```
 */
export function defineLifecycle(options: { readonly gate: LifecycleConfig["gate"]; readonly bookingGate?: BookingGate; readonly reasons?: readonly ReasonCode[] }): LifecycleConfig {
  // Untyped callers pass anything: every shape problem is an invalid_config with its path, never a TypeError.
  if (!isRecord(options)) throw new HandoffKitError("invalid_config", { detail: "lifecycle", issues: [{ code: "invalid_type", path: [], message: "Expected an object with a gate" }] });
  const reasons: unknown = options.reasons ?? DEFAULT_REASON_CODES;
  const issues: Issue[] = [];
  if (!isGatePlacement(options.gate)) issues.push({ code: "invalid_value", path: ["gate"], message: "Expected before_meeting, after_meeting or either" });
  if (options.bookingGate !== undefined && typeof options.bookingGate !== "function") issues.push({ code: "invalid_type", path: ["bookingGate"], message: "Expected a function" });
  if (!Array.isArray(reasons)) issues.push({ code: "invalid_type", path: ["reasons"], message: "Expected an array of reason codes" });
  else {
    if (reasons.length === 0) issues.push({ code: "too_small", path: ["reasons"], message: "The catalogue needs at least one reason" });
    const seen = new Set<string>();
    reasons.forEach((reason: unknown, index) => {
      const code: unknown = isRecord(reason) ? (reason as { code?: unknown }).code : undefined;
      if (typeof code !== "string" || code.length === 0) issues.push({ code: "invalid_type", path: ["reasons", index, "code"], message: "A reason needs a non-empty code" });
      else if (seen.has(code)) issues.push({ code: "duplicate_reason", path: ["reasons", index, "code"], message: `Duplicate reason code "${code}"` });
      else seen.add(code);
    });
  }
  if (issues.length > 0 || !Array.isArray(reasons)) throw new HandoffKitError("invalid_config", { detail: "lifecycle", issues });
  return Object.freeze({ gate: options.gate, bookingGate: options.bookingGate ?? requiredBriefGate, reasons: Object.freeze([...(reasons as readonly ReasonCode[])]) });
}

/**
 * The configuration `summarize` uses by default: decisions before or after the meeting, and no
 * booking gate, so that any plausible CRM history folds.
 *
 * @example
 * ```ts
 * import { LENIENT_LIFECYCLE, replay } from "handoff-kit/handoff";
 * const { state } = replay([], LENIENT_LIFECYCLE);
 * state.status; // "draft"
 * ```
 */
export const LENIENT_LIFECYCLE: LifecycleConfig = /* @__PURE__ */ defineLifecycle({ gate: "either", bookingGate: openGate });

/**
 * A handoff's state: a fold of its events.
 *
 * @example
 * ```ts
 * import type { LifecycleState } from "handoff-kit/handoff";
 * const awaitingDecision = (state: LifecycleState): boolean => state.status === "booked" && state.decision === undefined;
 * ```
 */
export interface LifecycleState {
  readonly status: HandoffStatus;
  /** How many times the handoff was booked; a recycled lead booked again starts cycle 2. */
  readonly cycle: number;
  readonly meeting: { readonly status: MeetingStatus; readonly start?: Date; readonly end?: Date; readonly reschedules: number };
  readonly owners: { readonly sdr?: string; readonly ae?: string };
  readonly bookedAt?: Date;
  readonly introSentAt?: Date;
  readonly acknowledgedAt?: Date;
  readonly decision?: { readonly kind: "accepted" | "rejected"; readonly at: Date; readonly by: string; readonly reason?: string; readonly note?: string; readonly amount?: number; readonly currency?: string };
  readonly firstFollowUpAt?: Date;
  readonly quality?: { readonly score: number; readonly note: string; readonly at: Date; readonly by: string };
  readonly recycle?: { readonly reason: string; readonly nextTouchAt: Date; readonly at: Date };
  readonly outcome?: { readonly kind: "won" | "lost"; readonly at: Date; readonly amount?: number; readonly currency?: string; readonly reason?: string };
  /** Every event applied, in order, across all cycles. */
  readonly history: readonly HandoffEvent[];
}

/**
 * Why an event was refused, as tagged data. A refusal leaves the handoff unchanged.
 *
 * @example
 * ```ts
 * import type { Refusal } from "handoff-kit/handoff";
 * const explain = (refusal: Refusal): string => (refusal.code === "invalid_transition" ? `${refusal.event} is not allowed while ${refusal.from}` : refusal.message);
 * ```
 */
export type Refusal =
  | { readonly code: "invalid_transition"; readonly from: HandoffStatus; readonly meeting: MeetingStatus; readonly event: HandoffEventType; readonly eventId: string; readonly message: string }
  | { readonly code: "closed"; readonly from: "won" | "lost"; readonly event: HandoffEventType; readonly eventId: string; readonly message: string }
  | { readonly code: "out_of_order"; readonly event: HandoffEventType; readonly eventId: string; readonly at: Date; readonly lastAt: Date; readonly message: string }
  | { readonly code: "gate_refused"; readonly event: "booked"; readonly eventId: string; readonly reasons: readonly string[]; readonly message: string }
  | { readonly code: "unknown_reason"; readonly event: "rejected" | "recycled"; readonly eventId: string; readonly reason: string; readonly message: string }
  | { readonly code: "vague_note"; readonly event: "rejected"; readonly eventId: string; readonly message: string }
  | { readonly code: "invalid_next_touch"; readonly event: "recycled"; readonly eventId: string; readonly message: string }
  | { readonly code: "invalid_event"; readonly event: string; readonly eventId: string; readonly issues: readonly Issue[]; readonly message: string }
  | { readonly code: "invalid_history"; readonly event: string; readonly eventId: string; readonly cause: Refusal; readonly message: string };

/**
 * The outcome of applying an event: the next handoff and its state (`duplicate` when the event's id
 * was already applied, a no-op, as CRM webhooks redeliver), or the refusal.
 *
 * @example
 * ```ts
 * import type { ApplyResult } from "handoff-kit/handoff";
 * const statusAfter = (result: ApplyResult): string => (result.ok ? result.state.status : `refused: ${result.refusal.code}`);
 * ```
 */
export type ApplyResult =
  | { readonly ok: true; readonly handoff: Handoff; readonly state: LifecycleState; readonly duplicate: boolean }
  | { readonly ok: false; readonly refusal: Refusal };

const INITIAL: LifecycleState = { status: "draft", cycle: 0, meeting: { status: "none", reschedules: 0 }, owners: {}, history: [] };

/** The empty state of a handoff's owners, before any event. */
function initialState(handoff?: Handoff): LifecycleState {
  return handoff === undefined ? INITIAL : { ...INITIAL, owners: { sdr: handoff.sdr.id, ae: handoff.ae.id } };
}

const liveMeeting = (status: MeetingStatus): boolean => status === "scheduled" || status === "rescheduled";
const working = (status: HandoffStatus): boolean => status === "booked" || status === "accepted";

/** Why an event may not happen now: a transition the table forbids, or a booking the gate refuses. */
type Blocked = { readonly kind: "transition"; readonly why: string } | { readonly kind: "gate"; readonly reasons: readonly string[] };

/** Whether the AE may decide now, by where the team's gate sits. */
function decisionOpen(gate: LifecycleConfig["gate"], meeting: MeetingStatus): boolean {
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

function decisionBlocked(status: HandoffStatus, meeting: MeetingStatus, gate: LifecycleConfig["gate"]): string | undefined {
  if (status === "booked" && decisionOpen(gate, meeting)) return undefined;
  if (status !== "booked") return "the AE decides once, while the handoff is booked";
  return gate === "after_meeting" ? "this team's AE decides after the meeting is held" : "the meeting was cancelled";
}

/**
 * Why an event of `type` may not happen from this status and meeting under the team's gate, or
 * undefined: the transition table. A switch rather than a match or a table of functions: it runs for
 * every event of every handoff a scoreboard folds, ts-pattern builds its matcher on each call, and a
 * keyed table of closures costs a megamorphic call; the `never` default keeps it exhaustive (a new
 * event type fails to compile until it has a rule).
 */
export function transitionBlocked(status: HandoffStatus, meeting: MeetingStatus, type: HandoffEventType, gate: LifecycleConfig["gate"]): string | undefined {
  switch (type) {
    case "booked":
      return status === "draft" || status === "recycled" ? undefined : "a handoff is booked from draft, or again once recycled";
    case "intro_sent":
    case "acknowledged":
    case "first_follow_up":
      return working(status) ? undefined : "only while the handoff is booked or accepted";
    case "accepted":
    case "rejected":
      return decisionBlocked(status, meeting, gate);
    case "meeting_held":
    case "no_show":
      return working(status) && liveMeeting(meeting) ? undefined : "only for a scheduled meeting of a booked or accepted handoff";
    case "cancelled":
      return (working(status) || status === "rejected") && liveMeeting(meeting) ? undefined : "only a scheduled meeting is cancelled";
    case "rescheduled":
      return working(status) && (liveMeeting(meeting) || meeting === "no_show") ? undefined : "only a scheduled or missed meeting is rescheduled";
    case "quality_rated":
      return meeting === "held" && status !== "recycled" ? undefined : "the AE rates a meeting that was held";
    case "recycled":
      return status === "rejected" ? undefined : "only a rejected handoff is recycled";
    case "reassigned":
      return status === "draft" ? "a draft has no owners to change yet" : undefined;
    case "opportunity_won":
    case "opportunity_lost":
      return status === "accepted" ? undefined : "only an accepted handoff becomes a won or lost opportunity";
    default:
      return type satisfies never;
  }
}

function knownReason(config: LifecycleConfig, reason: string): boolean {
  for (const candidate of config.reasons) if (candidate.code === reason) return true;
  return false;
}

/**
 * The rules an event's own fields must meet beyond its schema: a catalogued reason, a rejection note
 * that teaches something, a next touch after the recycle. Undefined when it meets them.
 */
export function fieldRuleBroken(event: HandoffEvent, config: LifecycleConfig): "unknown_reason" | "vague_note" | "invalid_next_touch" | undefined {
  if (event.type !== "rejected" && event.type !== "recycled") return undefined;
  if (!knownReason(config, event.reason)) return "unknown_reason";
  if (event.type === "rejected") return isSpecific(event.note) ? undefined : "vague_note";
  return event.nextTouchAt.getTime() <= event.at.getTime() ? "invalid_next_touch" : undefined;
}

/**
 * Why `event` may not happen now, or undefined when it may. Shared by the reducer and by
 * `allowedEvents`; `handoff` is needed for the booking gate only.
 */
function precondition(state: LifecycleState, type: HandoffEventType, config: LifecycleConfig, handoff: Handoff | undefined): Blocked | undefined {
  const why = transitionBlocked(state.status, state.meeting.status, type, config.gate);
  if (why !== undefined) return { kind: "transition", why };
  if (type !== "booked" || handoff === undefined) return undefined;
  const decision = config.bookingGate(handoff);
  return decision.ok ? undefined : { kind: "gate", reasons: decision.reasons };
}

/** The state after an event whose precondition holds. One reducer; a new event type fails to compile until it is handled here. */
function reduce(state: LifecycleState, event: HandoffEvent): LifecycleState {
  const history = [...state.history, event];
  const next = { ...state, history };
  return match(event)
    .with({ type: "booked" }, (e) => {
      const { bookedAt: _b, introSentAt: _i, acknowledgedAt: _a, decision: _d, firstFollowUpAt: _f, quality: _q, recycle: _r, ...rest } = next;
      return { ...rest, status: "booked" as const, cycle: state.cycle + 1, bookedAt: e.at, meeting: { status: "scheduled" as const, start: e.meeting.start, end: e.meeting.end, reschedules: 0 } };
    })
    .with({ type: "intro_sent" }, (e) => ({ ...next, introSentAt: state.introSentAt ?? e.at }))
    .with({ type: "acknowledged" }, (e) => ({ ...next, acknowledgedAt: state.acknowledgedAt ?? e.at }))
    .with({ type: "first_follow_up" }, (e) => ({ ...next, firstFollowUpAt: state.firstFollowUpAt ?? e.at }))
    .with({ type: "accepted" }, (e) => ({
      ...next,
      status: "accepted" as const,
      decision: { kind: "accepted" as const, at: e.at, by: e.by, ...(e.amount === undefined ? {} : { amount: e.amount }), ...(e.currency === undefined ? {} : { currency: e.currency }) },
    }))
    .with({ type: "rejected" }, (e) => ({ ...next, status: "rejected" as const, decision: { kind: "rejected" as const, at: e.at, by: e.by, reason: e.reason, note: e.note } }))
    .with({ type: "meeting_held" }, () => ({ ...next, meeting: { ...state.meeting, status: "held" as const } }))
    .with({ type: "no_show" }, () => ({ ...next, meeting: { ...state.meeting, status: "no_show" as const } }))
    .with({ type: "cancelled" }, () => ({ ...next, meeting: { ...state.meeting, status: "cancelled" as const } }))
    .with({ type: "rescheduled" }, (e) => ({ ...next, meeting: { status: "rescheduled" as const, start: e.meeting.start, end: e.meeting.end, reschedules: state.meeting.reschedules + 1 } }))
    .with({ type: "quality_rated" }, (e) => ({ ...next, quality: { score: e.score, note: e.note, at: e.at, by: e.by } }))
    .with({ type: "recycled" }, (e) => ({ ...next, status: "recycled" as const, recycle: { reason: e.reason, nextTouchAt: e.nextTouchAt, at: e.at } }))
    .with({ type: "reassigned" }, (e) => ({ ...next, owners: { ...state.owners, [e.role]: e.to } }))
    .with({ type: "opportunity_won" }, (e) => ({
      ...next,
      status: "won" as const,
      outcome: { kind: "won" as const, at: e.at, ...(e.amount === undefined ? {} : { amount: e.amount }), ...(e.currency === undefined ? {} : { currency: e.currency }) },
    }))
    .with({ type: "opportunity_lost" }, (e) => ({ ...next, status: "lost" as const, outcome: { kind: "lost" as const, at: e.at, ...(e.reason === undefined ? {} : { reason: e.reason }) } }))
    .exhaustive();
}

/** Parses an untrusted event, or describes why it is malformed, paths prefixed by `at`. */
function parseEvent(input: unknown, at: readonly (string | number)[]): { event: HandoffEvent } | Refusal {
  const parsed = handoffEventSchema.safeParse(input);
  if (parsed.success) return { event: parsed.data };
  const issues = fromZodIssues(parsed.error.issues, at);
  const field = (key: string): string => describeValue(isRecord(input) ? (input as Record<string, unknown>)[key] : undefined);
  return { code: "invalid_event", event: field("type"), eventId: field("id"), issues, message: `The event is malformed: ${issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}` };
}

/** Checks a parsed event against the state and the contract's rules; returns the refusal or the next state. */
function step(state: LifecycleState, event: HandoffEvent, config: LifecycleConfig, handoff: Handoff | undefined): { state: LifecycleState; duplicate: boolean } | Refusal {
  if (state.history.some((applied) => applied.id === event.id)) return { state, duplicate: true };
  const base = { event: event.type, eventId: event.id };
  if (state.status === "won" || state.status === "lost") return { ...base, code: "closed", from: state.status, message: `The handoff is closed (${state.status}); nothing more happens to it` };
  const lastAt = state.history.at(-1)?.at;
  if (lastAt !== undefined && event.at.getTime() < lastAt.getTime()) {
    return { ...base, code: "out_of_order", at: event.at, lastAt, message: `The event is dated ${event.at.toISOString()}, before the last one (${lastAt.toISOString()})` };
  }
  const blocked = precondition(state, event.type, config, handoff);
  if (blocked?.kind === "gate") return { code: "gate_refused", event: "booked", eventId: event.id, reasons: blocked.reasons, message: `The booking gate refused: ${blocked.reasons.join("; ")}` };
  if (blocked !== undefined) return { ...base, code: "invalid_transition", from: state.status, meeting: state.meeting.status, message: `${event.type} is not allowed now: ${blocked.why}` };
  const broken = fieldRuleBroken(event, config);
  if (broken !== undefined && (event.type === "rejected" || event.type === "recycled")) {
    return match(broken)
      .with("unknown_reason", (code): Refusal => ({ code, event: event.type, eventId: event.id, reason: event.reason, message: `"${event.reason}" is not in the reason-code catalogue` }))
      .with("vague_note", (code): Refusal => ({ code, event: "rejected", eventId: event.id, message: `"${event.type === "rejected" ? event.note : ""}" teaches the SDR nothing: say what was missing (a number, a role, a date)` }))
      .with("invalid_next_touch", (code): Refusal => ({ code, event: "recycled", eventId: event.id, message: "The next touch must come after the recycle" }))
      .exhaustive();
  }
  return { state: reduce(state, event), duplicate: false };
}

const isRefusal = (value: object): value is Refusal => "code" in value;

/** Folds a parsed handoff's events, skipping (and counting) any the rules refuse. */
function foldRecord(handoff: Handoff, config: LifecycleConfig): { state: LifecycleState; skipped: number } {
  let state = initialState(handoff);
  let skipped = 0;
  for (const event of handoff.events) {
    const result = step(state, event, config, undefined);
    if (isRefusal(result)) skipped += 1;
    else state = result.state;
  }
  return { state, skipped };
}

/**
 * Applies one event to a handoff under the team's rules, returning the next handoff (the event
 * appended) and its state, or a typed refusal that leaves the handoff unchanged. The same event id
 * applied twice is a no-op (CRM webhooks redeliver). Refused: transitions the contract forbids, any
 * change to a closed handoff, events earlier than the last, a booking the gate refuses, a rejection
 * without a catalogued reason or with a vague note, a recycle without a later next-touch date, and
 * malformed events.
 *
 * @example
 * ```ts
 * import { applyEvent, defineLifecycle, openGate, type Handoff } from "handoff-kit/handoff";
 *
 * declare const handoff: Handoff;
 * const config = defineLifecycle({ gate: "before_meeting", bookingGate: openGate });
 * const result = applyEvent(handoff, { id: "e9", type: "rejected", at: new Date(), by: "ae-omar", reason: "no_budget", note: "Not qualified" }, config);
 * if (!result.ok) console.log(result.refusal.code); // "vague_note", or "invalid_transition" if not booked
 * ```
 */
export function applyEvent(handoff: Handoff, event: HandoffEvent, config: LifecycleConfig): ApplyResult {
  requireHandoff(handoff, "applyEvent");
  requireRules(config, "applyEvent(handoff, event, rules)");
  const { state, refusal } = replayChecked(handoff.events, config, handoff);
  if (refusal !== undefined) {
    return { ok: false, refusal: { code: "invalid_history", event: refusal.event, eventId: refusal.eventId, cause: refusal, message: `The handoff's own history breaks these rules at event ${refusal.eventId}: ${refusal.message}` } };
  }
  const parsed = parseEvent(event, []);
  if (isRefusal(parsed)) return { ok: false, refusal: parsed };
  const result = step(state, parsed.event, config, handoff);
  if (isRefusal(result)) return { ok: false, refusal: result };
  return { ok: true, handoff: result.duplicate ? handoff : { ...handoff, events: [...handoff.events, parsed.event] }, state: result.state, duplicate: result.duplicate };
}

/**
 * What `replay` returns: the state after every event up to the first refused one, that refusal (or
 * the issues of a malformed event, by index), and how many events were not applied.
 *
 * @example
 * ```ts
 * import type { ReplayResult } from "handoff-kit/handoff";
 * const clean = (result: ReplayResult): boolean => result.refusal === undefined && result.notApplied === 0;
 * ```
 */
export interface ReplayResult {
  readonly state: LifecycleState;
  readonly refusal?: Refusal;
  /** The index of the first event not applied. */
  readonly stoppedAt?: number;
  readonly notApplied: number;
}

/**
 * Folds a history of events (parsed, or untrusted from a CRM) into a handoff's state under the team's
 * rules. It stops at the first event it cannot apply and returns the state up to there, with the
 * refusal, so nothing valid is lost; duplicates by id are skipped. Pass the handoff for the booking
 * gate and the owners.
 *
 * @example
 * ```ts
 * import { LENIENT_LIFECYCLE, replay } from "handoff-kit/handoff";
 *
 * const { state, refusal } = replay(
 *   [
 *     { id: "e1", type: "booked", at: "2026-11-02T16:05:00Z", by: "sdr-ana", meeting: { start: "2026-11-05T15:00:00Z", end: "2026-11-05T15:30:00Z" } },
 *     { id: "e2", type: "accepted", at: "2026-11-03T09:00:00Z", by: "ae-omar" },
 *     { id: "e3", type: "quality_rated", at: "2026-11-03T10:00:00Z", by: "ae-omar", score: 7, note: "Great" },
 *   ],
 *   LENIENT_LIFECYCLE,
 * );
 * state.status; // "accepted"
 * refusal?.code; // "invalid_event": the score must be 1-5
 * ```
 */
export function replay(events: readonly unknown[], config: LifecycleConfig, handoff?: Handoff): ReplayResult {
  requireRules(config, "replay(events, rules, handoff?)");
  if (handoff !== undefined) requireHandoff(handoff, "replay");
  if (!Array.isArray(events)) throw new HandoffKitError("invalid_argument", { detail: `replay expects an array of events: ${describeValue(events)}` });
  return replayChecked(events, config, handoff);
}

/** {@link replay} for callers that have checked the rules and the handoff already (applyEvent, allowedEvents). */
function replayChecked(events: readonly unknown[], config: LifecycleConfig, handoff: Handoff | undefined): ReplayResult {
  let state = initialState(handoff);
  for (let index = 0; index < events.length; index += 1) {
    const parsed = parseEvent(events[index], [index]);
    const result = isRefusal(parsed) ? parsed : step(state, parsed.event, config, handoff);
    if (isRefusal(result)) return { state, refusal: result, stoppedAt: index, notApplied: events.length - index };
    state = result.state;
  }
  return { state, notApplied: 0 };
}

/**
 * The event types that may happen next (what a UI shows as buttons). The booking gate is consulted;
 * event fields (a reason code, a note) are checked when the event comes.
 *
 * @example
 * ```ts
 * import { allowedEvents, defineLifecycle, type Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * allowedEvents(handoff, defineLifecycle({ gate: "before_meeting" })); // e.g. ["intro_sent", "acknowledged", "accepted", "rejected", ...]
 * ```
 */
export function allowedEvents(handoff: Handoff, config: LifecycleConfig): HandoffEventType[] {
  requireHandoff(handoff, "allowedEvents");
  requireRules(config, "allowedEvents(handoff, rules)");
  const { state, refusal } = replayChecked(handoff.events, config, handoff);
  if (refusal !== undefined || state.status === "won" || state.status === "lost") return [];
  return HANDOFF_EVENT_TYPES.filter((type) => precondition(state, type, config, handoff) === undefined);
}

/**
 * Folds a handoff's recorded events with the lenient rules (or the given ones), skipping any they
 * refuse and counting them in `skippedEvents`: the state analysts read. `summarize` builds on it.
 *
 * @example
 * ```ts
 * import { stateOf, type Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * stateOf(handoff).cycle;
 * ```
 */
export function stateOf(handoff: Handoff, config: LifecycleConfig = LENIENT_LIFECYCLE): LifecycleState & { readonly skippedEvents: number } {
  requireHandoff(handoff, "stateOf");
  requireRules(config, "stateOf(handoff, rules)");
  const { state, skipped } = foldRecord(handoff, config);
  return { ...state, skippedEvents: skipped };
}
