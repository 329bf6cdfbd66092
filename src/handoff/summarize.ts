import type { Handoff, LeadSource } from "./handoff.js";
import type { HandoffEvent } from "./events.js";
import { fieldRuleBroken, LENIENT_LIFECYCLE, transitionBlocked, type HandoffStatus, type LifecycleConfig, type MeetingStatus } from "./lifecycle.js";

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
  /** The current AE's business calendar id (from the record's `ae`), for business-time metrics. */
  readonly aeCalendarId: string | undefined;
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
  readonly amount: number | undefined;
  readonly currency: string | undefined;
  readonly outcome: "won" | "lost" | undefined;
  readonly closedAt: Date | undefined;
  /** Recorded events the fold could not apply (a history the rules refuse in part). */
  readonly skippedEvents: number;
}

/**
 * Summarises a handoff as one flat row, folding its events with the lenient rules by default (any
 * gate placement, no booking gate), so that any plausible CRM history summarises. Events the rules
 * refuse are skipped and counted in `skippedEvents`, exactly as `stateOf` skips them.
 *
 * @example
 * ```ts
 * import { summarize, type Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const rows = handoffs.map((handoff) => summarize(handoff));
 * const accepted = rows.filter((row) => row.decision === "accepted").length;
 * ```
 */
export function summarize(handoff: Handoff, config: LifecycleConfig = LENIENT_LIFECYCLE): HandoffSummary {
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
  let lastAt = Number.NEGATIVE_INFINITY;
  const applied: string[] = [];
  for (const event of handoff.events) {
    if (applied.includes(event.id)) continue;
    const at = event.at.getTime();
    if (status === "won" || status === "lost" || at < lastAt || transitionBlocked(status, meetingStatus, event.type, config.gate) !== undefined || fieldRuleBroken(event, config) !== undefined) {
      skipped += 1;
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
  for (const touch of handoff.brief.engagement ?? []) if (firstTouchAt === undefined || touch.at < firstTouchAt) firstTouchAt = touch.at;
  const wonAmount = outcome?.type === "opportunity_won" ? outcome : undefined;
  const accepted = decision?.type === "accepted" ? decision : undefined;
  const amount = wonAmount?.amount ?? accepted?.amount;
  const currency = wonAmount?.currency ?? accepted?.currency;
  return {
    id: handoff.id,
    source: handoff.source,
    segment: handoff.segment,
    sdrId,
    aeId,
    // The record's rep is the owner now; a calendar of an AE the events moved the handoff away from would be wrong.
    aeCalendarId: aeId === handoff.ae.id ? handoff.ae.calendarId : undefined,
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
    amount,
    currency,
    outcome: outcome === undefined ? undefined : outcome.type === "opportunity_won" ? "won" : "lost",
    closedAt: outcome?.at,
    skippedEvents: skipped,
  };
}
