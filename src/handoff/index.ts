/**
 * The handoff record model every module reads: reps, prospect and stakeholders, account, engagement
 * history, the brief, the meeting and the events, as zod schemas with inferred types and `parseX`
 * functions that return results instead of throwing.
 *
 * @packageDocumentation
 */
export { accountSchema, type Account } from "./account.js";
export { briefSchema, TRIGGER_KINDS, type Brief } from "./brief.js";
export { DEAL_ROLES, INFLUENCE_LEVELS, prospectSchema, stakeholderSchema, type Prospect, type Stakeholder } from "./contact.js";
export { ENGAGEMENT_CHANNELS, engagementSchema, type Engagement } from "./engagement.js";
export { HANDOFF_EVENT_TYPES, handoffEventSchema, type HandoffEvent, type HandoffEventType } from "./events.js";
export { handoffSchema, LEAD_SOURCES, type Handoff, type HandoffInput } from "./handoff.js";
export { HANDOFF_STYLES, meetingSchema, type Meeting } from "./meeting.js";
export { parseBrief, parseHandoff, parseHandoffEvent, parseHandoffs } from "./parse.js";
export { repSchema, type Rep } from "./people.js";
