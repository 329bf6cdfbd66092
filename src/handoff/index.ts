/**
 * The handoff record model every module reads (reps, prospect and stakeholders, account, engagement
 * history, the brief, the meeting and the events, as zod schemas with `parseX` functions that return
 * results), and the lifecycle: an event-sourced state machine with a booking gate, an acceptance gate
 * before or after the meeting, reason codes and recycling.
 *
 * @module handoff-kit/handoff
 */
export { accountSchema, type Account } from "./account.js";
export { briefSchema, TRIGGER_KINDS, type Brief } from "./brief.js";
export {
  DEAL_ROLES,
  INFLUENCE_LEVELS,
  prospectSchema,
  stakeholderSchema,
  type Prospect,
  type Stakeholder,
} from "./contact.js";
export { ENGAGEMENT_CHANNELS, engagementSchema, type Engagement } from "./engagement.js";
export { HANDOFF_EVENT_TYPES, handoffEventSchema, type HandoffEvent, type HandoffEventType } from "./events.js";
export { handoffSchema, LEAD_SOURCES, type Handoff, type HandoffInput, type LeadSource } from "./handoff.js";
export { openGate, requiredBriefGate, type BookingGate, type GateDecision, type GateFinding } from "./booking-gate.js";
export { icpSubjectOf } from "./icp-subject.js";
export { DEFAULT_BRIEF_REQUIREMENTS, missingRequirements, type BriefRequirement } from "./brief-requirements.js";
export { allowedEvents, applyEvent, replay, stateOf, type ApplyResult, type ReplayResult } from "./lifecycle.js";
export { defineLifecycle, LENIENT_LIFECYCLE, type LifecycleRules, type LifecycleSpec } from "./lifecycle-rules.js";
export { decide, REFUSAL_CODES, type HandoffOptions, type Refusal, type RefusalCode } from "./decide.js";
export { evolve } from "./evolve.js";
export {
  HANDOFF_STATUSES,
  initialState,
  MEETING_STATUSES,
  type Acceptance,
  type BookedMeeting,
  type CycleFacts,
  type HandoffStatus,
  type LifecycleState,
  type MeetingStatus,
  type Owners,
  type QualityRating,
  type Rejection,
} from "./state.js";
export { DEFAULT_REASON_CODES, REASON_CATEGORIES, type ReasonCode, type RecycleAction } from "./reasons.js";
export {
  calendarKeyOf,
  summarize,
  type HandoffSummary,
  type SkippedEvent,
  type SummarizeOptions,
} from "./summarize.js";
export { HANDOFF_STYLES, meetingSchema, type Meeting } from "./meeting.js";
export { parseBrief, parseHandoff, parseHandoffEvent, parseHandoffs } from "./parse.js";
export { repSchema, type Rep } from "./people.js";
