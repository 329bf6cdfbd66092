// The reference summary: the lifecycle's own state (stateOf, the reducer applyEvent and replay use),
// flattened. `summarize` folds events in one mutable pass for speed; the laws check the two agree.
import type { Handoff } from "../../src/handoff/handoff.js";
import { expect } from "vitest";
import { LENIENT_LIFECYCLE, replay, stateOf, type LifecycleConfig } from "../../src/handoff/lifecycle.js";
import { calendarKeyOf, type HandoffSummary } from "../../src/handoff/summarize.js";

export function referenceSummary(handoff: Handoff, config: LifecycleConfig = LENIENT_LIFECYCLE): HandoffSummary {
  const state = stateOf(handoff, config);
  // The first event stateOf skips is the one replay stops at: both apply the same events before it.
  const { stoppedAt } = replay(handoff.events, config, handoff);
  const stopped = stoppedAt === undefined ? undefined : handoff.events[stoppedAt];
  const touches = handoff.brief.engagement ?? [];
  const firstTouch = touches.reduce<Date | undefined>((earliest, touch) => (earliest === undefined || touch.at < earliest ? touch.at : earliest), undefined);
  const firstBooked = state.history.find((event) => event.type === "booked")?.at;
  const aeId = state.owners.ae ?? handoff.ae.id;
  const sdrId = state.owners.sdr ?? handoff.sdr.id;
  return {
    id: handoff.id,
    source: handoff.source,
    segment: handoff.segment,
    sdrId,
    aeId,
    aeCalendarId: calendarKeyOf(handoff, aeId),
    sdrCalendarId: calendarKeyOf(handoff, sdrId),
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
    acceptedAmount: state.decision?.kind === "accepted" ? state.decision.amount : undefined,
    acceptedCurrency: state.decision?.kind === "accepted" ? state.decision.currency : undefined,
    wonAmount: state.outcome?.kind === "won" ? state.outcome.amount : undefined,
    wonCurrency: state.outcome?.kind === "won" ? state.outcome.currency : undefined,
    outcome: state.outcome?.kind,
    closedAt: state.outcome?.at,
    skippedEvents: state.skippedEvents,
    firstSkipped: stopped === undefined || stoppedAt === undefined ? undefined : { index: stoppedAt, id: stopped.id, type: stopped.type, rule: expect.any(String) as string },
  };
}
