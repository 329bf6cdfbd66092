import { match } from "ts-pattern";
import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, optionsOf, requireList } from "../core/guards.js";
import { assertTimeZone } from "../core/time-zone.js";
import { LENIENT_LIFECYCLE, type HandoffInput, type LeadSource, type LifecycleRules } from "../handoff/index.js";
import { requireRules } from "../handoff/internal.js";
import { finishAdapter, type AdapterIssue, type AdapterResult, type Assembled } from "./adapter-result.js";
import { cellText, exportZone, readInstant, type SourceRow } from "./source-values.js";

/**
 * What a meeting's outcome means for the handoff: still `scheduled`, `held`, a `no_show`,
 * `cancelled`, or `rescheduled` (booked again, at the row's current times).
 *
 * @example
 * ```ts
 * import type { MeetingOutcome } from "handoff-kit/adapters";
 * const outcome: MeetingOutcome = "no_show";
 * ```
 * @category Adapters
 */
export type MeetingOutcome = "scheduled" | "held" | "no_show" | "cancelled" | "rescheduled";

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
const REQUIRED: readonly HubSpotMeetingField[] = [
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
export interface HubSpotMeetingsOptions {
  /**
   * The zone timestamps without an offset were written in (UI exports write the portal's zone);
   * never the host's. Without it, such a timestamp is a `missing_time_zone` issue.
   */
  readonly exportTimeZone?: string;
  /** Column names that differ from {@link HUBSPOT_MEETING_COLUMNS}. */
  readonly columns?: Readonly<Partial<Record<HubSpotMeetingField, string>>>;
  /** Outcome values of your own, added to {@link HUBSPOT_MEETING_OUTCOMES}. */
  readonly outcomes?: Readonly<Record<string, MeetingOutcome>>;
  /**
   * Your rejection picklist's values mapped onto reason codes. A value left out is matched to the code
   * or the label of a reason in `lifecycle`'s catalogue, ignoring case and reading spaces and hyphens
   * as underscores (`No budget` is `no_budget`); any other is an `unknown_value` issue, and the
   * rejection keeps it, so written, as its code (the lifecycle refuses it too).
   */
  readonly reasons?: Readonly<Record<string, string>>;
  /** The rules whose reason catalogue rejections are read against; `LENIENT_LIFECYCLE` by default. */
  readonly lifecycle?: LifecycleRules;
  /** The lead source and segment of rows whose columns are empty or absent. */
  readonly defaults?: { readonly source?: LeadSource; readonly segment?: string };
}

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
  requireList(rows, "fromHubSpotMeetings", "rows");
  const settings = settingsOf(optionsOf(options, "fromHubSpotMeetings"));
  const first = rows[0];
  if (first === undefined) return { handoffs: [], issues: [] };
  const missing = REQUIRED.filter((field) => !isRecord(first) || !Object.hasOwn(first, settings.columns[field]));
  if (missing.length > 0) {
    const expected = REQUIRED.map((field) => settings.columns[field]).join(", ");
    const absent = missing.map((field) => settings.columns[field]).join(", ");
    return {
      handoffs: [],
      issues: [
        {
          code: "missing_columns",
          path: [],
          row: 1,
          message:
            `Not a HubSpot meetings export as mapped: expected the columns ${expected}; ` +
            `missing ${absent} (rename them with the columns option)`,
        },
      ],
    };
  }
  const issues: AdapterIssue[] = [];
  const mapped: Assembled[] = [];
  rows.forEach((row, index) => {
    if (!isRecord(row)) {
      notARecord(index, row, issues);
      return;
    }
    const record = mapRow(row, index, settings, issues);
    if (record !== undefined)
      mapped.push({
        index,
        row: index + 2,
        record: record.handoff,
        idField: settings.columns.id,
        version: record.updatedAt,
      });
  });
  return finishAdapter(mapped, issues, (path, record) => columnOf(path, record, settings.columns), "Meeting");
}

/**
 * The column a problem the handoff model found in a mapped record comes from: the record's events
 * are named by their ids (`9001:booked`), so each of their fields has one column.
 */
function columnOf(
  path: readonly (string | number)[],
  record: HandoffInput,
  columns: Readonly<Record<HubSpotMeetingField, string>>,
): string | undefined {
  const [head, second, third, fourth] = path;
  const people: Readonly<Record<string, HubSpotMeetingField>> = {
    "sdr.id": "sdrId",
    "sdr.name": "sdrName",
    "ae.id": "aeId",
    "ae.name": "aeName",
    "prospect.name": "prospectName",
    "prospect.title": "prospectTitle",
    "prospect.email": "prospectEmail",
    "account.name": "accountName",
    "account.domain": "accountDomain",
  };
  if (head === "id") return columns.id;
  if (head === "source" || head === "segment") return columns[head];
  if (head === "createdAt") return columns.bookedAt;
  if (head !== "events") {
    const field = people[`${String(head)}.${String(second)}`];
    return field === undefined ? undefined : columns[field];
  }
  const events = record.events ?? [];
  const event = typeof second === "number" ? events[second] : undefined;
  const type = event?.type;
  const rescheduled = events.some((candidate) => candidate.type === "rescheduled");
  if (third === "meeting") {
    const moved = type === "booked" && rescheduled;
    if (fourth === "start") return moved ? columns.previousStart : columns.start;
    if (fourth === "end") return moved ? columns.previousEnd : columns.end;
    return undefined;
  }
  if (type === "rejected" && third === "reason") return columns.rejectionReason;
  if (type === "rejected" && third === "note") return columns.rejectionNote;
  if (third !== "at") return undefined;
  const atColumn: Readonly<Record<string, HubSpotMeetingField>> = {
    booked: "bookedAt",
    meeting_held: "end",
    no_show: "end",
    cancelled: "updatedAt",
    rescheduled: "updatedAt",
    accepted: "acceptedAt",
    rejected: "rejectedAt",
  };
  const field = type === undefined ? undefined : atColumn[type];
  return field === undefined ? undefined : columns[field];
}

interface Settings {
  readonly columns: Readonly<Record<HubSpotMeetingField, string>>;
  readonly outcomes: ReadonlyMap<string, MeetingOutcome>;
  readonly reasons: Readonly<Record<string, string>>;
  /** The catalogue's codes, by code and by label, lower case with underscores. */
  readonly catalogue: ReadonlyMap<string, string>;
  readonly zone: ReturnType<typeof exportZone>;
  readonly source: LeadSource | undefined;
  readonly segment: string | undefined;
}

function settingsOf(options: HubSpotMeetingsOptions): Settings {
  if (options.exportTimeZone !== undefined)
    assertTimeZone(options.exportTimeZone, "fromHubSpotMeetings: options.exportTimeZone");
  const columns = { ...HUBSPOT_MEETING_COLUMNS, ...options.columns };
  for (const [field, column] of Object.entries(columns))
    if (typeof column !== "string" || column === "")
      throw new HandoffKitError("invalid_argument", {
        detail: `fromHubSpotMeetings: options.columns.${field} must be a column name: ${describeValue(column)}`,
      });
  const rules = options.lifecycle ?? LENIENT_LIFECYCLE;
  requireRules(rules, "fromHubSpotMeetings: options.lifecycle");
  const catalogue = new Map<string, string>();
  for (const reason of rules.reasons) {
    catalogue.set(reasonCode(reason.label), reason.code);
    catalogue.set(reasonCode(reason.code), reason.code);
  }
  const outcomes = new Map<string, MeetingOutcome>();
  for (const [value, outcome] of Object.entries({ ...HUBSPOT_MEETING_OUTCOMES, ...options.outcomes }))
    outcomes.set(outcomeKey(value), outcome);
  return {
    columns,
    outcomes,
    reasons: options.reasons ?? {},
    catalogue,
    zone: exportZone(options.exportTimeZone),
    source: options.defaults?.source,
    segment: options.defaults?.segment,
  };
}

/** Internal value or label alike: `No show`, `no_show` and `NO_SHOW` are one outcome. */
const outcomeKey = (value: string): string =>
  value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/gu, "_");

/** A reason picklist value as a reason code, where the mapping does not name it: `No budget` is `no_budget`. */
const reasonCode = (value: string): string =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/gu, "_");

function notARecord(index: number, row: unknown, issues: AdapterIssue[]): void {
  issues.push({
    code: "invalid_type",
    path: [index],
    row: index + 2,
    message: `Expected a row of columns: ${describeValue(row)}`,
  });
}

/** One row as a handoff record, or undefined (with its issues) when a required value is missing or unreadable. */
function mapRow(
  row: SourceRow,
  index: number,
  settings: Settings,
  issues: AdapterIssue[],
): { id: string; updatedAt: number | undefined; handoff: HandoffInput } | undefined {
  const { columns } = settings;
  const before = issues.length;
  const problem = (field: HubSpotMeetingField, code: AdapterIssue["code"], message: string): void => {
    issues.push({ code, path: [index, columns[field]], row: index + 2, message });
  };
  const text = (field: HubSpotMeetingField): string | undefined => cellText(row, columns[field]);
  const required = (field: HubSpotMeetingField): string => {
    const value = text(field);
    if (value === undefined) problem(field, "missing_value", `${columns[field]} is empty`);
    return value ?? "";
  };
  const instant = (field: HubSpotMeetingField, needed: boolean): number | undefined => {
    const value = needed ? required(field) : text(field);
    if (value === undefined || value === "") return undefined;
    const read = readInstant(value, settings.zone);
    if (read.ok) return read.ms;
    problem(field, read.code, read.message);
    return undefined;
  };
  const id = required("id");
  const bookedAt = instant("bookedAt", true);
  const start = instant("start", true);
  const end = instant("end", true);
  const updatedAt = instant("updatedAt", false);
  const previousStart = instant("previousStart", false);
  const previousEnd = instant("previousEnd", false);
  const acceptedAt = instant("acceptedAt", false);
  const rejectedAt = instant("rejectedAt", false);
  const aeId = required("aeId");
  const sdrId = required("sdrId");
  const prospectName = required("prospectName");
  const accountName = required("accountName");
  // A meeting with no outcome recorded (past or not) is still scheduled: that is what it says.
  const rawOutcome = text("outcome") ?? "SCHEDULED";
  if (issues.length > before) return undefined;

  let outcome = settings.outcomes.get(outcomeKey(rawOutcome));
  if (outcome === undefined) {
    problem(
      "outcome",
      "unknown_value",
      `Unknown outcome "${rawOutcome}", kept as scheduled (map it with the outcomes option)`,
    );
    outcome = "scheduled";
  }
  const slot = { start: new Date(start as number), end: new Date(end as number) };
  const hasPrevious = previousStart !== undefined && previousEnd !== undefined;
  if (outcome === "rescheduled" && (previousStart === undefined) !== (previousEnd === undefined)) {
    const absent: HubSpotMeetingField = previousStart === undefined ? "previousStart" : "previousEnd";
    problem(absent, "missing_value", `${columns[absent]} is empty: the reschedule is read without its first slot`);
  }
  const firstSlot =
    outcome === "rescheduled" && hasPrevious ? { start: new Date(previousStart), end: new Date(previousEnd) } : slot;
  const changedAt = new Date(updatedAt ?? (start as number));
  const events: Record<string, unknown>[] = [
    { id: `${id}:booked`, type: "booked", at: new Date(bookedAt as number), by: sdrId, meeting: firstSlot },
  ];
  const outcomeEvent = match(outcome)
    .with("scheduled", () => undefined)
    .with("held", () => ({ type: "meeting_held", at: slot.end }))
    .with("no_show", () => ({ type: "no_show", at: slot.end }))
    .with("cancelled", () => ({ type: "cancelled", at: changedAt }))
    .with("rescheduled", () => (hasPrevious ? { type: "rescheduled", at: changedAt, meeting: slot } : undefined))
    .exhaustive();
  if (outcomeEvent !== undefined) events.push({ id: `${id}:${outcomeEvent.type}`, by: aeId, ...outcomeEvent });
  if (acceptedAt !== undefined)
    events.push({ id: `${id}:accepted`, type: "accepted", at: new Date(acceptedAt), by: aeId });
  if (rejectedAt !== undefined) {
    const reason = text("rejectionReason");
    if (reason === undefined)
      problem(
        "rejectionReason",
        "missing_value",
        `A rejection without a reason (${columns.rejectionReason} is empty): left out, the rest of the meeting kept`,
      );
  }
  if (rejectedAt !== undefined && text("rejectionReason") !== undefined) {
    const reason = text("rejectionReason") as string;
    const code = Object.hasOwn(settings.reasons, reason)
      ? settings.reasons[reason]
      : (settings.catalogue.get(reasonCode(reason)) ?? reasonCode(reason));
    if (!Object.hasOwn(settings.reasons, reason) && !settings.catalogue.has(reasonCode(reason)))
      problem(
        "rejectionReason",
        "unknown_value",
        `Unknown rejection reason "${reason}": map it onto a reason code with the reasons option`,
      );
    const note = text("rejectionNote");
    // The lifecycle refuses a rejection whose note names nothing checkable, as a picklist value alone
    // does: the rejection is kept, so the refusal shows downstream too, and said here.
    if (note === undefined)
      problem(
        "rejectionNote",
        "missing_value",
        `A rejection without a note (${columns.rejectionNote} is empty): the lifecycle refuses one that ` +
          `names no checkable fact, so it is kept with "${reason}" as its note and will be refused`,
      );
    events.push({
      id: `${id}:rejected`,
      type: "rejected",
      at: new Date(rejectedAt),
      by: aeId,
      reason: code,
      note: note ?? reason,
    });
  }
  const prospectTitle = text("prospectTitle");
  const prospectEmail = text("prospectEmail");
  const accountDomain = text("accountDomain");
  const handoff = {
    id,
    source: text("source")?.toLowerCase() ?? settings.source,
    segment: text("segment") ?? settings.segment,
    createdAt: new Date(bookedAt as number),
    sdr: { id: sdrId, name: text("sdrName") ?? sdrId },
    ae: { id: aeId, name: text("aeName") ?? aeId },
    prospect: {
      name: prospectName,
      ...(prospectTitle === undefined ? {} : { title: prospectTitle }),
      ...(prospectEmail === undefined ? {} : { email: prospectEmail }),
    },
    account: { name: accountName, ...(accountDomain === undefined ? {} : { domain: accountDomain }) },
    // In time order, as the lifecycle folds them (it orders them itself too).
    events: events.sort((a, b) => (a["at"] as Date).getTime() - (b["at"] as Date).getTime()),
  } as unknown as HandoffInput;
  return { id, updatedAt, handoff };
}
