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
 * The columns `fromChiliPiperMeetings` reads, by what they hold. Chili Piper does not publish an
 * export format: these follow the field names of its webhooks where they are known
 * (`meetingIdChili`, `meetingStartTime`, `assigneeIdChili`, `bookerEmail`, `primaryGuestEmail`) and
 * the issue's `meetingStatus` and `bookedAt`; rename them with `columns` to match your export.
 *
 * @example
 * ```ts
 * import { CHILI_PIPER_MEETING_COLUMNS } from "handoff-kit/adapters";
 * CHILI_PIPER_MEETING_COLUMNS.aeId; // "assigneeIdChili"
 * ```
 * @category Adapters
 */
export const CHILI_PIPER_MEETING_COLUMNS = Object.freeze({
  id: "meetingIdChili",
  bookedAt: "bookedAt",
  start: "meetingStartTime",
  end: "meetingEndTime",
  outcome: "meetingStatus",
  updatedAt: "updatedAt",
  previousStart: "previousMeetingStartTime",
  previousEnd: "previousMeetingEndTime",
  /** The assignee: the rep the router gave the meeting to, the AE. */
  aeId: "assigneeIdChili",
  aeName: "assigneeFullName",
  /** The booker: who booked it (the SDR), who may differ from the guest. */
  sdrId: "bookerIdChili",
  sdrName: "bookerName",
  prospectName: "primaryGuestFullName",
  prospectTitle: "primaryGuestTitle",
  prospectEmail: "primaryGuestEmail",
  accountName: "primaryGuestCompany",
  accountDomain: "primaryGuestCompanyDomain",
  segment: "segment",
  source: "leadSource",
  acceptedAt: "salesAcceptedAt",
  rejectedAt: "salesRejectedAt",
  rejectionReason: "salesRejectionReason",
  rejectionNote: "salesRejectionNote",
});

/**
 * A column of {@link CHILI_PIPER_MEETING_COLUMNS}, by what it holds.
 *
 * @example
 * ```ts
 * import type { ChiliPiperMeetingField } from "handoff-kit/adapters";
 * const field: ChiliPiperMeetingField = "outcome";
 * ```
 * @category Adapters
 */
export type ChiliPiperMeetingField = keyof typeof CHILI_PIPER_MEETING_COLUMNS;

/**
 * Chili Piper's meeting statuses and what each means: `Active` is a meeting not yet over or whose
 * outcome nobody recorded, read as scheduled (see `pastScheduled`).
 *
 * @example
 * ```ts
 * import { CHILI_PIPER_MEETING_STATUSES } from "handoff-kit/adapters";
 * CHILI_PIPER_MEETING_STATUSES.NOSHOW; // "no_show"
 * ```
 * @category Adapters
 */
export const CHILI_PIPER_MEETING_STATUSES = Object.freeze({
  ACTIVE: "scheduled",
  COMPLETED: "held",
  NOSHOW: "no_show",
  NO_SHOW: "no_show",
  CANCELED: "cancelled",
  CANCELLED: "cancelled",
  RESCHEDULED: "rescheduled",
} as const satisfies Record<string, MeetingOutcome>);

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
 * Options of {@link fromChiliPiperMeetings}: HubSpot's, keyed by {@link CHILI_PIPER_MEETING_COLUMNS}.
 *
 * @example
 * ```ts
 * import type { ChiliPiperMeetingsOptions } from "handoff-kit/adapters";
 * const options: ChiliPiperMeetingsOptions = {
 *   pastScheduled: { now: new Date("2026-11-14T02:00:00Z"), as: "held" },
 *   columns: { accountName: "company" },
 * };
 * ```
 * @category Adapters
 */
export type ChiliPiperMeetingsOptions = MeetingRowsOptions<ChiliPiperMeetingField>;

/**
 * Maps a Chili Piper meetings export (one row per meeting) to handoffs with the same engine as
 * {@link fromHubSpotMeetings}: booked at `bookedAt` by the booker, the assignee as the AE, the status
 * as the outcome (`Active`, `Completed`, `NoShow`, `Canceled`), and `Active` meetings that ended
 * read as `pastScheduled` says.
 *
 * @example
 * ```ts
 * import { fromChiliPiperMeetings } from "handoff-kit/adapters";
 *
 * declare const rows: readonly Record<string, string>[];
 * const { handoffs } = fromChiliPiperMeetings(rows, {
 *   pastScheduled: { now: new Date("2026-11-14T02:00:00Z"), as: "held" },
 *   defaults: { source: "inbound", segment: "smb" },
 * });
 * ```
 * @category Adapters
 */
export function fromChiliPiperMeetings(
  rows: readonly SourceRow[],
  options: ChiliPiperMeetingsOptions = {},
): AdapterResult {
  return readMeetingRows(rows, options, CHILI_PIPER);
}

const CHILI_PIPER: MeetingSource = {
  fn: "fromChiliPiperMeetings",
  file: "a Chili Piper meetings export",
  noun: "Meeting",
  columns: CHILI_PIPER_MEETING_COLUMNS,
  outcomes: CHILI_PIPER_MEETING_STATUSES,
  required: REQUIRED,
};
