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
  const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));
  return {
    id: handoff.id,
    source: handoff.source,
    segment: handoff.segment,
    sdrId: state.owners.sdr ?? handoff.sdr.id,
    aeId,
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
