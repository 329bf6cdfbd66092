import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, optionsOf, requireList } from "../core/guards.js";
import { assertTimeZone } from "../core/time-zone.js";
import type { Handoff } from "../handoff/index.js";
import type { AdapterIssue, AdapterResult } from "./adapter-result.js";
import { columnsOf, missingColumns, requireKnownOptions } from "./mapping-options.js";
import { ownerNamesOf, ownerRoleOf, withOwnerChanges, type OwnerChange } from "./owner-changes.js";
import { cellText, exportZone, readInstant, type SourceRow } from "./source-values.js";

/**
 * The columns `withHubSpotOwnerHistory` reads, by what they hold: one row per value a property
 * took, as HubSpot's API returns a record's `propertiesWithHistory` (`value`, `timestamp`,
 * `updatedByUserId`), flattened with the record's id and the property's name.
 *
 * @example
 * ```ts
 * import { HUBSPOT_OWNER_HISTORY_COLUMNS } from "handoff-kit/adapters";
 * HUBSPOT_OWNER_HISTORY_COLUMNS.value; // "value"
 * ```
 * @category Adapters
 */
export const HUBSPOT_OWNER_HISTORY_COLUMNS = Object.freeze({
  /** The meeting's id: the handoff's id, as `fromHubSpotMeetings` makes it. */
  id: "hs_object_id",
  /** The property the row is a value of; rows of other properties are not read. */
  property: "property",
  /** The owner id the property took; empty when the owner was cleared. */
  value: "value",
  timestamp: "timestamp",
  /** The HubSpot user who made the change; empty for a workflow or an integration. */
  by: "updatedByUserId",
});

/**
 * A column of {@link HUBSPOT_OWNER_HISTORY_COLUMNS}, by what it holds.
 *
 * @example
 * ```ts
 * import type { HubSpotOwnerHistoryField } from "handoff-kit/adapters";
 * const field: HubSpotOwnerHistoryField = "timestamp";
 * ```
 * @category Adapters
 */
export type HubSpotOwnerHistoryField = keyof typeof HUBSPOT_OWNER_HISTORY_COLUMNS;

/**
 * Options of {@link withHubSpotOwnerHistory}.
 *
 * @example
 * ```ts
 * import type { HubSpotOwnerHistoryOptions } from "handoff-kit/adapters";
 * const options: HubSpotOwnerHistoryOptions = {
 *   exportTimeZone: "America/New_York",
 *   columns: { id: "Record ID" },
 *   owners: { "81000002": "Luca Romano" },
 * };
 * ```
 * @category Adapters
 */
export interface HubSpotOwnerHistoryOptions {
  /** The zone of timestamps written without an offset; the API's are UTC or epoch milliseconds. */
  readonly exportTimeZone?: string;
  readonly columns?: Readonly<Partial<Record<HubSpotOwnerHistoryField, string>>>;
  /** The property whose changes are reassignments: `hubspot_owner_id`, the meeting's host, by default. */
  readonly property?: string;
  /** Whose handoff the property names: the AE (the host) by default, or the SDR for a booker property. */
  readonly role?: "ae" | "sdr";
  /** Names by owner id, for an owner no handoff names (HubSpot's owners list: id, first and last name). */
  readonly owners?: Readonly<Record<string, string>>;
}

const FIELDS: ReadonlySet<string> = new Set(Object.keys(HUBSPOT_OWNER_HISTORY_COLUMNS));

const OPTIONS = [
  "exportTimeZone",
  "columns",
  "property",
  "role",
  "owners",
] as const satisfies readonly (keyof HubSpotOwnerHistoryOptions)[];

/**
 * Applies a HubSpot owner history to handoffs (those `fromHubSpotMeetings` made, or any whose ids
 * are the records' ids): the owner in effect when the handoff was booked is its rep, and each later
 * change to another owner is a `reassigned` event, at the change's time and by the user who made
 * it. A meetings export holds only the owner a meeting has now, so without its history an AE who
 * took over a meeting would answer for the clocks that ran before they had it.
 *
 * Every history row is answered: a timestamp that cannot be read, a meeting no handoff has, an
 * owner cleared (a handoff cannot be reassigned to no one), and a history that does not end with
 * the owner the handoff names (the two exports were taken at different times) are issues with the
 * row; rows of other properties are not the owner's and are passed over. A name comes from the
 * handoffs (a rep they name by the same id), else `owners`, else the id itself.
 *
 * @example
 * ```ts
 * import { fromHubSpotMeetings, withHubSpotOwnerHistory } from "handoff-kit/adapters";
 *
 * declare const meetingRows: readonly Record<string, string>[];
 * declare const historyRows: readonly Record<string, string>[];
 *
 * const meetings = fromHubSpotMeetings(meetingRows, { exportTimeZone: "America/New_York" });
 * const { handoffs, issues } = withHubSpotOwnerHistory(meetings.handoffs, historyRows);
 * console.log(handoffs.length, meetings.issues.length + issues.length);
 * ```
 * @category Adapters
 */
export function withHubSpotOwnerHistory(
  handoffs: readonly Handoff[],
  rows: readonly SourceRow[],
  options: HubSpotOwnerHistoryOptions = {},
): AdapterResult {
  const fn = "withHubSpotOwnerHistory";
  requireList(handoffs, fn, "handoffs");
  requireList(rows, fn, "rows");
  const settings = optionsOf(options, fn);
  requireKnownOptions(settings, OPTIONS, fn);
  const columns = columnsOf(settings.columns, HUBSPOT_OWNER_HISTORY_COLUMNS, FIELDS, fn) as Record<
    HubSpotOwnerHistoryField,
    string
  >;
  if (settings.exportTimeZone !== undefined) assertTimeZone(settings.exportTimeZone, `${fn}: options.exportTimeZone`);
  const property = settings.property ?? "hubspot_owner_id";
  if (typeof property !== "string" || property === "")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.property must be a property's name: ${describeValue(property)}`,
    });
  const role = ownerRoleOf(settings.role, "ae", fn, "role");
  const names = ownerNamesOf(settings.owners, fn, "owners");

  const issues: AdapterIssue[] = [];
  const problem = (
    index: number,
    field: HubSpotOwnerHistoryField,
    code: AdapterIssue["code"],
    message: string,
  ): void => {
    issues.push({ code, path: [index, columns[field]], row: index + 2, message });
  };
  const missing = missingColumns(
    rows,
    [columns.id, columns.property, columns.value, columns.timestamp],
    "a HubSpot property history",
  );
  if (missing !== undefined) return { handoffs, issues: [missing] };

  const ids = new Set(handoffs.map((handoff) => handoff.id));
  const zone = exportZone(settings.exportTimeZone);
  /** The instant of a change to a handoff's owner, or undefined when the row says too little. */
  const readChange = (row: SourceRow, index: number): number | undefined => {
    const id = cellText(row, columns.id);
    const text = cellText(row, columns.timestamp);
    if (id === undefined) problem(index, "id", "missing_value", "The record's id is missing");
    else if (!ids.has(id)) problem(index, "id", "missing_value", `No handoff ${id}: its owner history is not read`);
    else if (text === undefined) problem(index, "timestamp", "missing_value", "The change's time is missing");
    else {
      const at = readInstant(text, zone);
      if (at.ok) return at.ms;
      problem(index, "timestamp", at.code, at.message);
    }
    return undefined;
  };
  const changes = new Map<string, OwnerChange[]>();
  rows.forEach((row, index) => {
    if (!isRecord(row)) {
      issues.push({ code: "invalid_type", path: [index], row: index + 2, message: "A row must be an object of cells" });
      return;
    }
    if (cellText(row, columns.property) !== property) return;
    const at = readChange(row, index);
    if (at === undefined) return;
    const id = cellText(row, columns.id) as string;
    const list = changes.get(id) ?? [];
    list.push({ index, ms: at, owner: cellText(row, columns.value), by: cellText(row, columns.by) ?? "hubspot" });
    changes.set(id, list);
  });

  for (const handoff of handoffs) names.set(handoff[role].id, handoff[role].name);
  const reading = {
    role,
    names,
    checkEnd: true,
    problem: (index: number, code: AdapterIssue["code"], message: string) => {
      problem(index, "value", code, message);
    },
  };
  const result = handoffs.map((handoff) => {
    const history = changes.get(handoff.id);
    return history === undefined ? handoff : withOwnerChanges(handoff, history, reading);
  });
  issues.sort((a, b) => a.row - b.row);
  return { handoffs: result, issues };
}
