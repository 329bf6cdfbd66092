// The reference summary: the lifecycle's own state (stateOf, the reducer applyEvent and replay use),
// flattened. `summarize` folds events in one mutable pass for speed; the laws check the two agree.
import type { Handoff } from "../../src/handoff/handoff.js";
import { LENIENT_LIFECYCLE, stateOf, type LifecycleConfig } from "../../src/handoff/lifecycle.js";
import type { HandoffSummary } from "../../src/handoff/summarize.js";

export function referenceSummary(handoff: Handoff, config: LifecycleConfig = LENIENT_LIFECYCLE): HandoffSummary {
  const state = stateOf(handoff, config);
  const touches = handoff.brief.engagement ?? [];
  const firstTouch = touches.reduce<Date | undefined>((earliest, touch) => (earliest === undefined || touch.at < earliest ? touch.at : earliest), undefined);
  const firstBooked = state.history.find((event) => event.type === "booked")?.at;
  const aeId = state.owners.ae ?? handoff.ae.id;
  return {
    id: handoff.id,
    source: handoff.source,
    segment: handoff.segment,
    sdrId: state.owners.sdr ?? handoff.sdr.id,
    aeId,
    aeCalendarId: aeId === handoff.ae.id ? handoff.ae.calendarId : undefined,
    status: state.status,
    cycles: state.cycle,
    createdAt: handoff.createdAt,
    firstTouchAt: firstTouch,
    firstBookedAt: firstBooked,
    bookedAt: state.bookedAt,
    meetingStatus: state.meeting.status,
    meetingStart: state.meeting.start,
    style: handoff.meeting?.style,
    acknowledgedAt: state.acknowledgedAt,
    decision: state.decision?.kind,
    decidedAt: state.decision?.at,
    reason: state.decision?.reason,
    firstFollowUpAt: state.firstFollowUpAt,
    quality: state.quality?.score,
    amount: state.outcome?.amount ?? state.decision?.amount,
    currency: state.outcome?.currency ?? state.decision?.currency,
    outcome: state.outcome?.kind,
    closedAt: state.outcome?.at,
    skippedEvents: state.skippedEvents,
  };
}
