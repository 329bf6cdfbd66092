import { optionsOf } from "../core/guards.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import type { Handoff, LeadSource } from "./handoff.js";
import { ruleOf } from "./decide.js";
import type { HandoffEventType } from "./events.js";
import { foldHistory } from "./fold.js";
import { LENIENT_LIFECYCLE, requireRules, type LifecycleRules } from "./lifecycle-rules.js";
import type { HandoffStatus, MeetingStatus } from "./state.js";
import { requireHandoff } from "./require-handoff.js";

/**
 * The first recorded event a fold could not apply: where it is, what it was, and the rule it broke.
 *
 * @example
 * ```ts
 * import type { SkippedEvent } from "handoff-kit/handoff";
 * const line = (skipped: SkippedEvent): string =>
 *   `event ${String(skipped.index)} (${skipped.type}, id ${skipped.id}): ${skipped.rule}`;
 * ```
 * @category Reading handoffs
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
 * @category Reading handoffs
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
 * const heldWarm = (rows: readonly HandoffSummary[]) =>
 *   rows.filter((row) => row.meetingStatus === "held" && row.style === "warm").length;
 * ```
 * @category Reading handoffs
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
  /**
   * The current cycle's `accepted` amount (the pipeline), in `acceptedCurrency` (the reader's
   * default currency when undefined).
   */
  readonly acceptedAmount: number | undefined;
  readonly acceptedCurrency: string | undefined;
  /**
   * The `opportunity_won` amount (the deal's size), in `wonCurrency` (the reader's default currency
   * when undefined).
   */
  readonly wonAmount: number | undefined;
  readonly wonCurrency: string | undefined;
  readonly outcome: "won" | "lost" | undefined;
  readonly closedAt: Date | undefined;
  /** Corrections applied across all cycles (a meeting outcome, decision, rating or amount changed). */
  readonly corrections: number;
  /** Repeated deliveries of an event, counted once. */
  readonly duplicateEvents: number;
  /** Events recorded after a later-dated one, folded at their time. */
  readonly lateEvents: number;
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
 * @category Reading handoffs
 */
export function calendarKeyOf(handoff: Handoff, repId: string): string {
  requireHandoff(handoff, "calendarKeyOf");
  return calendarKeyOfShaped(handoff, repId);
}

/** {@link calendarKeyOf} for a handoff already checked (summarize checked it once). */
function calendarKeyOfShaped(handoff: Handoff, repId: string): string {
  // Two comparisons, no array: this runs twice for every row the scoreboard summarizes.
  if (handoff.ae.id === repId) return calendarKey(handoff.ae.calendarId, repId);
  if (handoff.sdr.id === repId) return calendarKey(handoff.sdr.calendarId, repId);
  return repId;
}

/**
 * The key a rep's calendar is found by: the calendar id when there is one, else the rep's id. One rule
 * for parsed handoffs and for summary rows, which a caller may have made by hand (an empty id is none).
 */
export const calendarKey = (calendarId: unknown, repId: string): string =>
  typeof calendarId === "string" && calendarId.length > 0 ? calendarId : repId;

/**
 * Summarises a handoff as one flat row, folding its events with the lenient rules by default (any
 * gate placement, no booking gate), so that any plausible CRM history summarises. Events the rules
 * refuse are skipped and counted in `skippedEvents` (the first named in `firstSkipped`), exactly as
 * `stateOf` skips them. With `now`, events after it (and engagement touches after it) are ignored:
 * the row is the handoff as of `now`. Throws `invalid_argument` when `rules` is not lifecycle rules
 * (such as `{ now }` passed second).
 *
 * @example
 * ```ts
 * import { summarize, type Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const rows = handoffs.map((handoff) => summarize(handoff));
 * const accepted = rows.filter((row) => row.decision === "accepted").length;
 * ```
 * @category Reading handoffs
 */
export function summarize(
  handoff: Handoff,
  rules: LifecycleRules = LENIENT_LIFECYCLE,
  options: SummarizeOptions = {},
): HandoffSummary {
  requireHandoff(handoff, "summarize");
  requireRules(rules, "summarize(handoff, rules, { now })");
  const { now } = optionsOf(options, "summarize");
  return summaryRow(
    handoff,
    rules,
    now === undefined ? Number.POSITIVE_INFINITY : toEpochMs(now, "summarize: options.now"),
  );
}

/**
 * {@link summarize} for a caller that checked the handoff's shape and the rules already, and holds
 * the as-of instant in epoch ms (the scoreboard, which checks its rules once and reports a bad
 * record with `parsedHandoffProblem` rather than throwing): no check runs twice a handoff.
 */
export function summaryRow(handoff: Handoff, rules: LifecycleRules, now: number): HandoffSummary {
  const { state, delivery, refused, firstRefused } = foldHistory(handoff.events, rules, {
    handoff,
    gate: false,
    now,
    onRefusal: "skip",
  });
  let firstTouchAt: Date | undefined;
  for (const touch of handoff.brief.engagement ?? [])
    if (touch.at.getTime() <= now && (firstTouchAt === undefined || touch.at < firstTouchAt)) firstTouchAt = touch.at;
  const sdrId = state.owners.sdr ?? handoff.sdr.id;
  const aeId = state.owners.ae ?? handoff.ae.id;
  const cycle = state.status === "draft" ? undefined : state;
  const decision = state.status === "draft" || state.status === "booked" ? undefined : state.decision;
  const accepted = decision?.kind === "accepted" ? decision : undefined;
  const outcome = state.status === "won" || state.status === "lost" ? state.outcome : undefined;
  const won = outcome?.kind === "won" ? outcome : undefined;
  // One literal with every column, in one order: rows of one hidden class. Spreading the state's
  // parts into a row instead cost 20x (objects built by spreads fall into dictionary mode).
  return {
    id: handoff.id,
    source: handoff.source,
    segment: handoff.segment,
    sdrId,
    aeId,
    aeCalendarId: calendarKeyOfShaped(handoff, aeId),
    sdrCalendarId: calendarKeyOfShaped(handoff, sdrId),
    status: state.status,
    cycles: state.cycle,
    createdAt: handoff.createdAt,
    firstTouchAt,
    firstBookedAt: cycle?.firstBookedAt,
    bookedAt: cycle?.bookedAt,
    meetingStatus: state.meeting.status,
    meetingStart: cycle?.meeting.start,
    style: handoff.meeting?.style,
    acknowledgedAt: cycle?.acknowledgedAt,
    decision: decision?.kind,
    decidedAt: decision?.at,
    reason: decision?.kind === "rejected" ? decision.reason : undefined,
    firstFollowUpAt: cycle?.firstFollowUpAt,
    quality: cycle?.quality?.score,
    // Each amount keeps its own currency: a won amount without one is in the reader's currency,
    // never the accepted one's.
    acceptedAmount: accepted?.amount,
    acceptedCurrency: accepted?.currency,
    wonAmount: won?.amount,
    wonCurrency: won?.currency,
    outcome: outcome?.kind,
    closedAt: outcome?.at,
    corrections: state.corrections,
    duplicateEvents: delivery.duplicates.length,
    lateEvents: delivery.late.length,
    skippedEvents: refused,
    firstSkipped:
      firstRefused === undefined
        ? undefined
        : {
            index: firstRefused.index,
            id: firstRefused.event.id,
            type: firstRefused.event.type,
            rule: ruleOf(firstRefused.refusal),
          },
  };
}
