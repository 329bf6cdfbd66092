import { optionsOf } from "../core/guards.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import type { Handoff, LeadSource } from "./handoff.js";
import type { HandoffEvent, HandoffEventType } from "./events.js";
import { fieldRuleBroken, LENIENT_LIFECYCLE, requireRules, transitionBlocked, type HandoffStatus, type LifecycleConfig, type MeetingStatus } from "./lifecycle.js";
import type { Rep } from "./people.js";
import { requireHandoff } from "./require-handoff.js";

/**
 * The first recorded event a fold could not apply: where it is, what it was, and the rule it broke.
 *
 * @example
 * ```ts
 * import type { SkippedEvent } from "handoff-kit/handoff";
 * const line = (skipped: SkippedEvent): string => `event ${String(skipped.index)} (${skipped.type}, id ${skipped.id}): ${skipped.rule}`;
 * ```
 */
export interface SkippedEvent {
  /** Its index in the handoff's `events`. */
  readonly index: number;
  readonly id: string;
  readonly type: HandoffEventType;
  /** The rule it broke, in words. */
  readonly rule: string;
}

/**
 * The options of {@link summarize}.
 *
 * @example
 * ```ts
 * import type { SummarizeOptions } from "handoff-kit/handoff";
 * const asOfMonday: SummarizeOptions = { now: new Date("2026-11-23T14:00:00Z") };
 * ```
 */
export interface SummarizeOptions {
  /**
   * The as-of instant: events after it are ignored, as if not yet recorded, so re-running last
   * Monday's numbers from today's export gives what Monday would have shown. Without it, every event counts.
   */
  readonly now?: InstantInput;
}

/**
 * One flat, readonly row per handoff: what the metrics module and analysts' exports read. Fields
 * describe the current cycle unless named otherwise (`firstBookedAt`, `cycles`). Every row has
 * every field (`undefined` where there is no value), so rows export as uniform columns (a CSV
 * writer or arquero's `from` reads the column names off the first row) and engines see one shape.
 *
 * @example
 * ```ts
 * import type { HandoffSummary } from "handoff-kit/handoff";
 * const heldWarm = (rows: readonly HandoffSummary[]) => rows.filter((row) => row.meetingStatus === "held" && row.style === "warm").length;
 * ```
 */
export interface HandoffSummary {
  readonly id: string;
  readonly source: LeadSource;
  readonly segment: string;
  readonly sdrId: string;
  readonly aeId: string;
  /**
   * The key of the current AE's business calendar: the record's `ae.calendarId` (or `ae.id`) while the
   * record's AE owns the handoff, else the id of the AE the events reassigned it to. See {@link calendarKeyOf}.
   */
  readonly aeCalendarId: string;
  /** The same for the current SDR. */
  readonly sdrCalendarId: string;
  readonly status: HandoffStatus;
  readonly cycles: number;
  readonly createdAt: Date | undefined;
  /** The earliest touch in the engagement history. */
  readonly firstTouchAt: Date | undefined;
  readonly firstBookedAt: Date | undefined;
  readonly bookedAt: Date | undefined;
  readonly meetingStatus: MeetingStatus;
  readonly meetingStart: Date | undefined;
  readonly style: "warm" | "cold" | undefined;
  readonly acknowledgedAt: Date | undefined;
  readonly decision: "accepted" | "rejected" | undefined;
  readonly decidedAt: Date | undefined;
  readonly reason: string | undefined;
  readonly firstFollowUpAt: Date | undefined;
  readonly quality: number | undefined;
  /** The current cycle's `accepted` amount (the pipeline), in `acceptedCurrency` (the reader's default currency when undefined). */
  readonly acceptedAmount: number | undefined;
  readonly acceptedCurrency: string | undefined;
  /** The `opportunity_won` amount (the deal's size), in `wonCurrency` (the reader's default currency when undefined). */
  readonly wonAmount: number | undefined;
  readonly wonCurrency: string | undefined;
  readonly outcome: "won" | "lost" | undefined;
  readonly closedAt: Date | undefined;
  /** Recorded events the fold could not apply (a history the rules refuse in part). */
  readonly skippedEvents: number;
  /** The first of them, with the rule it broke. */
  readonly firstSkipped: SkippedEvent | undefined;
}

/**
 * The key a rep's business calendar is looked up by: a rep the handoff's record describes (its `sdr`
 * or `ae`) by their `calendarId`, or their id when they have none; a rep the events reassigned the
 * handoff to, whom the record does not describe, by their id. One rule for every consumer: business-time
 * follow-up and every SLA policy run on the calendar of the rep the events say owns the handoff.
 *
 * @example
 * ```ts
 * import { calendarKeyOf, type Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * calendarKeyOf(handoff, "ae-iris"); // "ae-iris", unless the record's sdr or ae is ae-iris with a calendarId
 * ```
 */
export function calendarKeyOf(handoff: Handoff, repId: string): string {
  requireHandoff(handoff, "calendarKeyOf");
  const described: Rep | undefined = handoff.ae.id === repId ? handoff.ae : handoff.sdr.id === repId ? handoff.sdr : undefined;
  return described?.calendarId ?? repId;
}

/**
 * Summarises a handoff as one flat row, folding its events with the lenient rules by default (any
 * gate placement, no booking gate), so that any plausible CRM history summarises. Events the rules
 * refuse are skipped and counted in `skippedEvents` (the first named in `firstSkipped`), exactly as
 * `stateOf` skips them. With `now`, events after it (and engagement touches after it) are ignored:
 * the row is the handoff as of `now`. Throws `invalid_argument` when `config` is not lifecycle rules
 * (such as `{ now }` passed second).
 *
 * @example
 * ```ts
 * import { summarize, type Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const rows = handoffs.map((handoff) => summarize(handoff));
 * const accepted = rows.filter((row) => row.decision === "accepted").length;
 * ```
 */
export function summarize(handoff: Handoff, config: LifecycleConfig = LENIENT_LIFECYCLE, options: SummarizeOptions = {}): HandoffSummary {
  requireHandoff(handoff, "summarize");
  return summarizeShaped(handoff, config, options);
}

/**
 * {@link summarize} for a caller that checked the handoff's shape already (the scoreboard, which
 * reports a bad record with `handoffProblem` rather than throwing): the check runs once a handoff.
 */
export function summarizeShaped(handoff: Handoff, config: LifecycleConfig, options: SummarizeOptions): HandoffSummary {
  requireRules(config, "summarize(handoff, rules, { now })");
  const { now: asOf } = optionsOf(options, "summarize");
  const now = asOf === undefined ? Number.POSITIVE_INFINITY : toEpochMs(asOf, "now");
  // One mutable pass over the events with the lifecycle's own rules (transitionBlocked,
  // fieldRuleBroken), keeping only what the row needs: metrics fold millions of handoffs, and
  // building a LifecycleState per event (what stateOf does, for applyEvent's sake) costs 50x more.
  // The laws check that this agrees with stateOf on every history.
  let status: HandoffStatus = "draft";
  let cycles = 0;
  let meetingStatus: MeetingStatus = "none";
  let meetingStart: Date | undefined;
  let sdrId = handoff.sdr.id;
  let aeId = handoff.ae.id;
  let firstBookedAt: Date | undefined;
  let bookedAt: Date | undefined;
  let acknowledgedAt: Date | undefined;
  let decision: HandoffEvent & { type: "accepted" | "rejected" } | undefined;
  let firstFollowUpAt: Date | undefined;
  let quality: number | undefined;
  let outcome: HandoffEvent & { type: "opportunity_won" | "opportunity_lost" } | undefined;
  let skipped = 0;
  let firstSkipped: SkippedEvent | undefined;
  let lastAt = Number.NEGATIVE_INFINITY;
  const applied: string[] = [];
  const { events } = handoff;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index] as HandoffEvent;
    const at = event.at.getTime();
    if (at > now || applied.includes(event.id)) continue;
    const rule = brokenRule(status, meetingStatus, event, at < lastAt, config);
    if (rule !== undefined) {
      skipped += 1;
      firstSkipped ??= { index, id: event.id, type: event.type, rule };
      continue;
    }
    applied.push(event.id);
    lastAt = at;
    switch (event.type) {
      case "booked":
        status = "booked";
        cycles += 1;
        firstBookedAt ??= event.at;
        bookedAt = event.at;
        meetingStatus = "scheduled";
        meetingStart = event.meeting.start;
        acknowledgedAt = undefined;
        decision = undefined;
        firstFollowUpAt = undefined;
        quality = undefined;
        break;
      case "acknowledged":
        acknowledgedAt ??= event.at;
        break;
      case "first_follow_up":
        firstFollowUpAt ??= event.at;
        break;
      case "accepted":
      case "rejected":
        status = event.type;
        decision = event;
        break;
      case "meeting_held":
        meetingStatus = "held";
        break;
      case "no_show":
        meetingStatus = "no_show";
        break;
      case "cancelled":
        meetingStatus = "cancelled";
        break;
      case "rescheduled":
        meetingStatus = "rescheduled";
        meetingStart = event.meeting.start;
        break;
      case "quality_rated":
        quality = event.score;
        break;
      case "recycled":
        status = "recycled";
        break;
      case "reassigned":
        if (event.role === "sdr") sdrId = event.to;
        else aeId = event.to;
        break;
      case "opportunity_won":
      case "opportunity_lost":
        status = event.type === "opportunity_won" ? "won" : "lost";
        outcome = event;
        break;
      case "intro_sent":
        break;
      default:
        return event satisfies never;
    }
  }
  let firstTouchAt: Date | undefined;
  for (const touch of handoff.brief.engagement ?? []) if (touch.at.getTime() <= now && (firstTouchAt === undefined || touch.at < firstTouchAt)) firstTouchAt = touch.at;
  // Each amount keeps its own currency: a won amount without one is in the reader's currency, never the accepted one's.
  const won = outcome?.type === "opportunity_won" ? outcome : undefined;
  const accepted = decision?.type === "accepted" ? decision : undefined;
  return {
    id: handoff.id,
    source: handoff.source,
    segment: handoff.segment,
    sdrId,
    aeId,
    aeCalendarId: calendarKeyOf(handoff, aeId),
    sdrCalendarId: calendarKeyOf(handoff, sdrId),
    status,
    cycles,
    createdAt: handoff.createdAt,
    firstTouchAt,
    firstBookedAt,
    bookedAt,
    meetingStatus,
    meetingStart,
    style: handoff.meeting?.style,
    acknowledgedAt,
    decision: decision?.type,
    decidedAt: decision?.at,
    reason: decision?.type === "rejected" ? decision.reason : undefined,
    firstFollowUpAt,
    quality,
    acceptedAmount: accepted?.amount,
    acceptedCurrency: accepted?.currency,
    wonAmount: won?.amount,
    wonCurrency: won?.currency,
    outcome: outcome === undefined ? undefined : outcome.type === "opportunity_won" ? "won" : "lost",
    closedAt: outcome?.at,
    skippedEvents: skipped,
    firstSkipped,
  };
}

/** The rule an event breaks in this state, in words, or undefined: the checks `applyEvent` makes, in its order. */
function brokenRule(status: HandoffStatus, meetingStatus: MeetingStatus, event: HandoffEvent, early: boolean, config: LifecycleConfig): string | undefined {
  if (status === "won" || status === "lost") return `the handoff is closed (${status})`;
  if (early) return "it is dated before the event applied before it";
  const blocked = transitionBlocked(status, meetingStatus, event.type, config.gate);
  if (blocked !== undefined) return blocked;
  const broken = fieldRuleBroken(event, config);
  return broken === undefined ? undefined : FIELD_RULES[broken];
}

const FIELD_RULES = {
  unknown_reason: "its reason is not in the reason-code catalogue",
  vague_note: "its rejection note names no number, role, person or date",
  invalid_next_touch: "its next touch is not after the recycle",
} as const;

