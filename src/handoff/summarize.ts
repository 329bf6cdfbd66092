import type { Handoff, LeadSource } from "./handoff.js";
import { LENIENT_LIFECYCLE, stateOf, type HandoffStatus, type LifecycleConfig, type MeetingStatus } from "./lifecycle.js";

/**
 * One flat, readonly row per handoff: what the metrics module and analysts' exports read. Fields
 * describe the current cycle unless named otherwise (`firstBookedAt`, `cycles`).
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
  readonly aeCalendarId?: string;
  readonly status: HandoffStatus;
  readonly cycles: number;
  readonly createdAt?: Date;
  /** The earliest touch in the engagement history. */
  readonly firstTouchAt?: Date;
  readonly firstBookedAt?: Date;
  readonly bookedAt?: Date;
  readonly meetingStatus: MeetingStatus;
  readonly meetingStart?: Date;
  readonly style?: "warm" | "cold";
  readonly acknowledgedAt?: Date;
  readonly decision?: "accepted" | "rejected";
  readonly decidedAt?: Date;
  readonly reason?: string;
  readonly firstFollowUpAt?: Date;
  readonly quality?: number;
  readonly amount?: number;
  readonly currency?: string;
  readonly outcome?: "won" | "lost";
  readonly closedAt?: Date;
  /** Recorded events the fold could not apply (a history the rules refuse in part). */
  readonly skippedEvents: number;
}

/**
 * Summarises a handoff as one flat row, folding its events with the lenient rules by default (any
 * gate placement, no booking gate), so that any plausible CRM history summarises.
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
  const state = stateOf(handoff, config);
  const touches = handoff.brief.engagement ?? [];
  const firstTouch = touches.reduce<Date | undefined>((earliest, touch) => (earliest === undefined || touch.at < earliest ? touch.at : earliest), undefined);
  const firstBooked = state.history.find((event) => event.type === "booked")?.at;
  const aeId = state.owners.ae ?? handoff.ae.id;
  const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));
  return {
    id: handoff.id,
    source: handoff.source,
    segment: handoff.segment,
    sdrId: state.owners.sdr ?? handoff.sdr.id,
    aeId,
    // The record's rep is the owner now; a calendar of an AE the events moved the handoff away from would be wrong.
    ...optional("aeCalendarId", aeId === handoff.ae.id ? handoff.ae.calendarId : undefined),
    status: state.status,
    cycles: state.cycle,
    ...optional("createdAt", handoff.createdAt),
    ...optional("firstTouchAt", firstTouch),
    ...optional("firstBookedAt", firstBooked),
    ...optional("bookedAt", state.bookedAt),
    meetingStatus: state.meeting.status,
    ...optional("meetingStart", state.meeting.start),
    ...optional("style", handoff.meeting?.style),
    ...optional("acknowledgedAt", state.acknowledgedAt),
    ...optional("decision", state.decision?.kind),
    ...optional("decidedAt", state.decision?.at),
    ...optional("reason", state.decision?.reason),
    ...optional("firstFollowUpAt", state.firstFollowUpAt),
    ...optional("quality", state.quality?.score),
    ...optional("amount", state.outcome?.amount ?? state.decision?.amount),
    ...optional("currency", state.outcome?.currency ?? state.decision?.currency),
    ...optional("outcome", state.outcome?.kind),
    ...optional("closedAt", state.outcome?.at),
    skippedEvents: state.skippedEvents,
  };
}
