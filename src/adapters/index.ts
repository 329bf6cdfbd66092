/**
 * Adapters: a CRM's or a scheduler's own records (CSV export rows, webhook payloads, as the source
 * names its fields) to handoff records, with every record that could not be mapped reported by its
 * row and field. Each mapping is data a team overrides: column names, status values, a rejection
 * picklist mapped onto reason codes.
 *
 * @module handoff-kit/adapters
 */
export { type AdapterIssue, type AdapterResult } from "./adapter-result.js";
export { fromCalendlyWebhooks, type CalendlyRep, type CalendlyWebhooksOptions } from "./calendly-webhooks.js";
export {
  fromHubSpotMeetings,
  HUBSPOT_MEETING_COLUMNS,
  HUBSPOT_MEETING_OUTCOMES,
  type HubSpotMeetingField,
  type HubSpotMeetingsOptions,
} from "./hubspot-meetings.js";
export {
  MEETING_FIELDS,
  type MeetingField,
  type MeetingOutcome,
  type MeetingRowsOptions,
  type PastScheduled,
} from "./meeting-rows.js";
export { type SourceRow } from "./source-values.js";
export {
  HUBSPOT_OWNER_HISTORY_COLUMNS,
  withHubSpotOwnerHistory,
  type HubSpotOwnerHistoryField,
  type HubSpotOwnerHistoryOptions,
} from "./hubspot-owner-history.js";
export {
  HUBSPOT_DISQUALIFICATION_REASONS,
  HUBSPOT_LEAD_COLUMNS,
  HUBSPOT_LEAD_STAGES,
  withHubSpotLeads,
  type HubSpotLeadsOptions,
  type HubSpotLeadsResult,
  type HubSpotLeadsTable,
  type HubSpotLeadsTables,
  type LeadStageMeaning,
} from "./hubspot-leads.js";
export { salesforceId18 } from "./salesforce-id.js";
export {
  SALESFORCE_CLOSED_STAGES,
  SALESFORCE_HISTORY_COLUMNS,
  withSalesforceHistory,
  type OpportunityClose,
  type SalesforceHistoryOptions,
  type SalesforceHistoryResult,
  type SalesforceHistoryTable,
  type SalesforceHistoryTables,
} from "./salesforce-history.js";
export {
  fromSalesforceEvents,
  SALESFORCE_EVENT_COLUMNS,
  SALESFORCE_MEETING_STATUSES,
  type SalesforceEventField,
  type SalesforceEventsOptions,
} from "./salesforce-events.js";
export {
  CHILI_PIPER_MEETING_COLUMNS,
  CHILI_PIPER_MEETING_STATUSES,
  fromChiliPiperMeetings,
  type ChiliPiperMeetingField,
  type ChiliPiperMeetingsOptions,
} from "./chili-piper-meetings.js";
