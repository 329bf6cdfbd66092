import type { AdapterResult } from "./adapter-result.js";
import {
  readMeetingRows,
  type MeetingField,
  type MeetingOutcome,
  type MeetingRowsOptions,
  type MeetingSource,
} from "./meeting-rows.js";
import type { SourceRow } from "./source-values.js";

/**
 * The columns `fromHubSpotMeetings` reads, by what they hold, as HubSpot's export names them with
 * internal names (the Exports API's `exportInternalValuesOptions: ["NAMES", "VALUES"]`). The meeting's
 * own fields are HubSpot's properties (`hs_meeting_start_time`, `hs_meeting_outcome`, the owner as
 * the host); the booking SDR, the contact and company, the segment and the AE's decision live in
 * properties each portal names for itself, so their names here are placeholders to override.
 *
 * @example
 * ```ts
 * import { HUBSPOT_MEETING_COLUMNS } from "handoff-kit/adapters";
 * HUBSPOT_MEETING_COLUMNS.start; // "hs_meeting_start_time"
 * ```
 * @category Adapters
 */
export const HUBSPOT_MEETING_COLUMNS = Object.freeze({
  /** The meeting's record id. */
  id: "hs_object_id",
  /** When the meeting was booked: its creation, not `hs_timestamp` (which defaults to the start). */
  bookedAt: "hs_createdate",
  start: "hs_meeting_start_time",
  end: "hs_meeting_end_time",
  outcome: "hs_meeting_outcome",
  /** When the record last changed: the time given to a cancellation or a reschedule. */
  updatedAt: "hs_lastmodifieddate",
  /** The slot before a reschedule, from property history (a reschedule overwrites the meeting). */
  previousStart: "previous_meeting_start_time",
  previousEnd: "previous_meeting_end_time",
  /** The host: the meeting's owner, the AE. */
  aeId: "hubspot_owner_id",
  aeName: "hubspot_owner_name",
  /** The SDR who booked it: a portal's own property. */
  sdrId: "booked_by_owner_id",
  sdrName: "booked_by_owner_name",
  prospectName: "contact_name",
  prospectTitle: "contact_jobtitle",
  prospectEmail: "contact_email",
  accountName: "company_name",
  accountDomain: "company_domain",
  segment: "segment",
  source: "lead_source",
  /** The AE's decision, where the portal records it on the meeting. */
  acceptedAt: "sales_accepted_at",
  rejectedAt: "sales_rejected_at",
  rejectionReason: "sales_rejection_reason",
  rejectionNote: "sales_rejection_note",
});

/**
 * A column of {@link HUBSPOT_MEETING_COLUMNS}, by what it holds.
 *
 * @example
 * ```ts
 * import type { HubSpotMeetingField } from "handoff-kit/adapters";
 * const field: HubSpotMeetingField = "sdrId";
 * ```
 * @category Adapters
 */
export type HubSpotMeetingField = keyof typeof HUBSPOT_MEETING_COLUMNS;

/** Without these a row cannot become a handoff; a file without them is not a meetings export. */
const REQUIRED: readonly MeetingField[] = [
  "id",
  "bookedAt",
  "start",
  "end",
  "outcome",
  "aeId",
  "sdrId",
  "prospectName",
  "accountName",
];

/**
 * HubSpot's meeting outcomes (`hs_meeting_outcome`, internal values; the labels an export writes by
 * default, "No show" or "Canceled", are read as the same values), and what each means here.
 *
 * @example
 * ```ts
 * import { HUBSPOT_MEETING_OUTCOMES } from "handoff-kit/adapters";
 * HUBSPOT_MEETING_OUTCOMES.NO_SHOW; // "no_show"
 * ```
 * @category Adapters
 */
export const HUBSPOT_MEETING_OUTCOMES = Object.freeze({
  SCHEDULED: "scheduled",
  COMPLETED: "held",
  RESCHEDULED: "rescheduled",
  NO_SHOW: "no_show",
  CANCELED: "cancelled",
} as const satisfies Record<string, MeetingOutcome>);

/**
 * Options of {@link fromHubSpotMeetings}: the mapping is data a team overrides.
 *
 * @example
 * ```ts
 * import type { HubSpotMeetingsOptions } from "handoff-kit/adapters";
 * const options: HubSpotMeetingsOptions = {
 *   exportTimeZone: "America/New_York",
 *   columns: { sdrId: "sdr_owner" },
 *   outcomes: { DEMO_DONE: "held" },
 *   reasons: { "No budget": "no_budget" },
 * };
 * ```
 * @category Adapters
 */
export type HubSpotMeetingsOptions = MeetingRowsOptions<HubSpotMeetingField>;

/**
 * Maps a HubSpot meetings export (one row per meeting, as a CSV parser yields it) to handoffs, one
 * per meeting: `booked` at the meeting's creation by the booking SDR, the outcome as an event
 * (`meeting_held` and `no_show` at the meeting's end, `cancelled` when the record last changed), a
 * reschedule as `rescheduled` from the slot in property history to the current one, and the AE's
 * acceptance or rejection where the portal records them. Every row that cannot be mapped is an issue
 * at its row and column; a file without the meeting columns is one issue naming them.
 *
 * @example
 * ```ts
 * import { fromHubSpotMeetings } from "handoff-kit/adapters";
 *
 * const { handoffs, issues } = fromHubSpotMeetings(
 *   [
 *     {
 *       hs_object_id: "9001",
 *       hs_createdate: "2026-11-02 10:05",
 *       hs_meeting_start_time: "2026-11-05 15:00",
 *       hs_meeting_end_time: "2026-11-05 15:30",
 *       hs_meeting_outcome: "COMPLETED",
 *       hubspot_owner_id: "ae-omar",
 *       booked_by_owner_id: "sdr-ana",
 *       contact_name: "Dana Ruiz",
 *       company_name: "Acme Logistics",
 *     },
 *   ],
 *   { exportTimeZone: "America/New_York", defaults: { source: "outbound", segment: "mid_market" } },
 * );
 * handoffs[0]?.events.map((event) => event.type); // ["booked", "meeting_held"]
 * ```
 * @category Adapters
 */
export function fromHubSpotMeetings(rows: readonly SourceRow[], options: HubSpotMeetingsOptions = {}): AdapterResult {
  return readMeetingRows(rows, options, HUBSPOT);
}

const HUBSPOT: MeetingSource = {
  fn: "fromHubSpotMeetings",
  file: "a HubSpot meetings export",
  noun: "Meeting",
  columns: HUBSPOT_MEETING_COLUMNS,
  outcomes: HUBSPOT_MEETING_OUTCOMES,
  required: REQUIRED,
};
