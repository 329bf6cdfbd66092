import type { AdapterResult } from "./adapter-result.js";
import {
  readMeetingRows,
  type MeetingField,
  type MeetingOutcome,
  type MeetingRowsOptions,
  type MeetingSource,
} from "./meeting-rows.js";
import { salesforceId18 } from "./salesforce-id.js";
import type { SourceRow } from "./source-values.js";

/**
 * The columns `fromSalesforceEvents` reads, by what they hold, as a Data Loader or report export of
 * Event names them (relationship fields as `Owner.Name`). The Event's own fields are Salesforce's;
 * Salesforce has no standard field for a meeting's outcome or the AE's decision, so those columns
 * (`__c`) are placeholders for the custom fields an org uses.
 *
 * @example
 * ```ts
 * import { SALESFORCE_EVENT_COLUMNS } from "handoff-kit/adapters";
 * SALESFORCE_EVENT_COLUMNS.sdrId; // "CreatedById"
 * ```
 * @category Adapters
 */
export const SALESFORCE_EVENT_COLUMNS = Object.freeze({
  id: "Id",
  /** When the Event was created: the booking. */
  bookedAt: "CreatedDate",
  start: "StartDateTime",
  /** The end; without it, `StartDateTime` plus `DurationInMinutes`. */
  end: "EndDateTime",
  durationMinutes: "DurationInMinutes",
  /** No standard field holds the outcome: a custom one. */
  outcome: "Meeting_Status__c",
  updatedAt: "LastModifiedDate",
  previousStart: "Previous_Start__c",
  previousEnd: "Previous_End__c",
  /** The Event's owner ("Assigned To"): the AE. */
  aeId: "OwnerId",
  aeName: "Owner.Name",
  /** Who created the Event: the SDR who booked it, as teams usually work. */
  sdrId: "CreatedById",
  sdrName: "CreatedBy.Name",
  /** The lead or contact (`WhoId`). */
  prospectName: "Who.Name",
  prospectTitle: "Who.Title",
  prospectEmail: "Who.Email",
  accountName: "Account.Name",
  /** A website (`https://www.acme.com`) is read as its domain. */
  accountDomain: "Account.Website",
  segment: "Segment__c",
  source: "Lead_Source__c",
  acceptedAt: "Sales_Accepted_At__c",
  rejectedAt: "Sales_Rejected_At__c",
  rejectionReason: "Sales_Rejection_Reason__c",
  rejectionNote: "Sales_Rejection_Note__c",
});

/**
 * A column of {@link SALESFORCE_EVENT_COLUMNS}, by what it holds.
 *
 * @example
 * ```ts
 * import type { SalesforceEventField } from "handoff-kit/adapters";
 * const field: SalesforceEventField = "outcome";
 * ```
 * @category Adapters
 */
export type SalesforceEventField = keyof typeof SALESFORCE_EVENT_COLUMNS;

/**
 * The outcome values read from the custom status field by default (any case, spaces or
 * underscores), and what each means; an org's own values are added with `outcomes`.
 *
 * @example
 * ```ts
 * import { SALESFORCE_MEETING_STATUSES } from "handoff-kit/adapters";
 * SALESFORCE_MEETING_STATUSES.NO_SHOW; // "no_show"
 * ```
 * @category Adapters
 */
export const SALESFORCE_MEETING_STATUSES = Object.freeze({
  SCHEDULED: "scheduled",
  COMPLETED: "held",
  HELD: "held",
  NO_SHOW: "no_show",
  CANCELED: "cancelled",
  CANCELLED: "cancelled",
  RESCHEDULED: "rescheduled",
} as const satisfies Record<string, MeetingOutcome>);

const REQUIRED: readonly MeetingField[] = [
  "id",
  "bookedAt",
  "start",
  "outcome",
  "aeId",
  "sdrId",
  "prospectName",
  "accountName",
];

/**
 * Options of {@link fromSalesforceEvents}: the same as HubSpot's, keyed by
 * {@link SALESFORCE_EVENT_COLUMNS}.
 *
 * @example
 * ```ts
 * import type { SalesforceEventsOptions } from "handoff-kit/adapters";
 * const options: SalesforceEventsOptions = {
 *   columns: { outcome: "Outcome__c", sdrId: "Booked_By__c" },
 *   reasons: { "Budget not approved": "no_budget" },
 * };
 * ```
 * @category Adapters
 */
export type SalesforceEventsOptions = MeetingRowsOptions<SalesforceEventField>;

/**
 * Maps an export of Salesforce Events (one row per meeting) to handoffs, as
 * {@link fromHubSpotMeetings} maps HubSpot's: `booked` at `CreatedDate` by the Event's creator, the
 * outcome from the org's status field, the AE's decision from its custom fields. Ids are read in
 * their 18-character form, so a report's 15-character `Id`, `OwnerId` or `CreatedById` and the
 * API's 18-character one name the same record; the end is `EndDateTime`, or the start plus
 * `DurationInMinutes`.
 *
 * @example
 * ```ts
 * import { fromSalesforceEvents } from "handoff-kit/adapters";
 *
 * const { handoffs } = fromSalesforceEvents([
 *   {
 *     Id: "00U5g00000AbCdE",
 *     CreatedDate: "2026-11-02T15:05:00.000Z",
 *     StartDateTime: "2026-11-05T20:00:00.000Z",
 *     DurationInMinutes: "30",
 *     Meeting_Status__c: "Completed",
 *     OwnerId: "0055g00000OmArH",
 *     CreatedById: "0055g00000AnASz",
 *     "Who.Name": "Dana Ruiz",
 *     "Account.Name": "Acme Logistics",
 *   },
 * ], { defaults: { source: "outbound", segment: "mid_market" } });
 * handoffs[0]?.id; // "00U5g00000AbCdEEAV"
 * ```
 * @category Adapters
 */
export function fromSalesforceEvents(rows: readonly SourceRow[], options: SalesforceEventsOptions = {}): AdapterResult {
  return readMeetingRows(rows, options, SALESFORCE);
}

const SALESFORCE: MeetingSource = {
  fn: "fromSalesforceEvents",
  file: "a Salesforce Event export",
  noun: "Event",
  columns: SALESFORCE_EVENT_COLUMNS,
  outcomes: SALESFORCE_MEETING_STATUSES,
  required: REQUIRED,
  normalizeId: salesforceId18,
};
