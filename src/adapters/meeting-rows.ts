import { match } from "ts-pattern";
import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, optionsOf, requireList } from "../core/guards.js";
import { assertTimeZone } from "../core/time-zone.js";
import { LENIENT_LIFECYCLE, type HandoffInput, type LeadSource, type LifecycleRules } from "../handoff/index.js";
import { requireRules } from "../handoff/internal.js";
import { finishAdapter, type AdapterIssue, type AdapterResult, type Assembled } from "./adapter-result.js";
import { inDateRange, toEpochMs, type InstantInput } from "../core/instant.js";
import { cellText, exportZone, readInstant, valueKey, type SourceRow } from "./source-values.js";
import { columnsOf, defaultsOf, requireKnownOptions } from "./mapping-options.js";
import { reasonOf, reasonReadingOf, type ReasonReading } from "./rejection-reasons.js";

// One row per meeting, the form of a CRM's meetings export (HubSpot's meetings, Salesforce's Events):
// the engine both are read with, each source giving its column names, outcome values and ids.

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
 * Every field a meetings export's columns may hold, whatever a source names its columns.
 *
 * @example
 * ```ts
 * import { MEETING_FIELDS } from "handoff-kit/adapters";
 * MEETING_FIELDS.includes("durationMinutes"); // true
 * ```
 * @category Adapters
 */
export const MEETING_FIELDS = [
  "id",
  "bookedAt",
  "start",
  "end",
  "durationMinutes",
  "outcome",
  "updatedAt",
  "previousStart",
  "previousEnd",
  "aeId",
  "aeName",
  "sdrId",
  "sdrName",
  "prospectName",
  "prospectTitle",
  "prospectEmail",
  "accountName",
  "accountDomain",
  "segment",
  "source",
  "acceptedAt",
  "rejectedAt",
  "rejectionReason",
  "rejectionNote",
] as const;

/**
 * What a column of a meetings export holds, whatever the source calls it.
 *
 * @example
 * ```ts
 * import type { MeetingField } from "handoff-kit/adapters";
 * const field: MeetingField = "bookedAt";
 * ```
 * @category Adapters
 */
export type MeetingField = (typeof MEETING_FIELDS)[number];

/**
 * The options of the meetings adapters (`fromHubSpotMeetings`, `fromSalesforceEvents`,
 * `fromChiliPiperMeetings`), `F` being the source's column fields: the mapping is data a team
 * overrides.
 *
 * @example
 * ```ts
 * import type { HubSpotMeetingField, MeetingRowsOptions } from "handoff-kit/adapters";
 * const options: MeetingRowsOptions<HubSpotMeetingField> = {
 *   exportTimeZone: "America/New_York",
 *   columns: { sdrId: "sdr_owner" },
 *   outcomes: { DEMO_DONE: "held" },
 *   reasons: { "No budget": "no_budget" },
 * };
 * ```
 * @category Adapters
 */
export interface MeetingRowsOptions<F extends MeetingField> {
  /**
   * The zone timestamps without an offset were written in (UI and report exports write local
   * times); never the host's. Without it, such a timestamp is a `missing_time_zone` issue.
   */
  readonly exportTimeZone?: string;
  /** Column names that differ from the source's defaults. */
  readonly columns?: Readonly<Partial<Record<F, string>>>;
  /** Outcome values of your own, added to the source's. */
  readonly outcomes?: Readonly<Record<string, MeetingOutcome>>;
  /**
   * Your rejection picklist's values mapped onto reason codes (any case). A value left out is matched
   * to the code or the label of a reason in `lifecycle`'s catalogue, ignoring case and reading spaces
   * and hyphens as underscores (`No budget` is `no_budget`); any other is an `unknown_value` issue,
   * and the rejection keeps it as its code, written as a code is (`Went dark` is `went_dark`; the
   * lifecycle refuses it too).
   */
  readonly reasons?: Readonly<Record<string, string>>;
  /** The rules whose reason catalogue rejections are read against; `LENIENT_LIFECYCLE` by default. */
  readonly lifecycle?: LifecycleRules;
  /** The lead source and segment of rows whose columns are empty or absent. */
  readonly defaults?: { readonly source?: LeadSource; readonly segment?: string };
  /**
   * How to read a meeting still scheduled (Chili Piper's `Active`) after it ended; left out, it stays
   * scheduled, a past meeting with no outcome recorded, which the metrics count apart.
   */
  readonly pastScheduled?: PastScheduled;
}

/**
 * How to read a meeting still marked scheduled after it ended, as of `now`: the CRM was never told
 * what happened. Left out, it stays scheduled (a past meeting with no outcome recorded, which the
 * metrics count apart); a team whose process marks only no-shows may read it as `held`.
 *
 * @example
 * ```ts
 * import type { PastScheduled } from "handoff-kit/adapters";
 * const heldUnlessMarked: PastScheduled = { now: new Date("2026-11-14T02:00:00Z"), as: "held" };
 * ```
 * @category Adapters
 */
export interface PastScheduled {
  /** When the export was taken: meetings that ended before it are past. */
  readonly now: InstantInput;
  readonly as: "held" | "no_show" | "scheduled";
}

/** A source of meetings exports: how it names things. */
export interface MeetingSource {
  /** The adapter's name, for misuse errors. */
  readonly fn: string;
  /** What the file is, for the wrong-format issue ("a HubSpot meetings export"). */
  readonly file: string;
  /** What one record is ("Meeting"), for duplicate issues. */
  readonly noun: string;
  readonly columns: Readonly<Partial<Record<MeetingField, string>>>;
  readonly outcomes: Readonly<Record<string, MeetingOutcome>>;
  /** The columns a file must have. */
  readonly required: readonly MeetingField[];
  /** The source's ids in one form (Salesforce's 15- and 18-character ids of one record). */
  readonly normalizeId?: (id: string) => string;
}

/** Reads a meetings export of `source`. */
export function readMeetingRows(
  rows: readonly SourceRow[],
  options: MeetingRowsOptions<MeetingField> | undefined,
  source: MeetingSource,
): AdapterResult {
  requireList(rows, source.fn, "rows");
  const settings = settingsOf(optionsOf(options, source.fn), source);
  const first = rows[0];
  if (first === undefined) return { handoffs: [], issues: [] };
  const missing = source.required.filter((field) => !isRecord(first) || !Object.hasOwn(first, column(settings, field)));
  if (missing.length > 0) {
    const expected = source.required.map((field) => column(settings, field)).join(", ");
    const absent = missing.map((field) => column(settings, field)).join(", ");
    return {
      handoffs: [],
      issues: [
        {
          code: "missing_columns",
          path: [],
          row: 1,
          message:
            `Not ${source.file} as mapped: expected the columns ${expected}; ` +
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
    const record = mapRow(row, index, settings, source, issues);
    if (record !== undefined)
      mapped.push({
        index,
        row: index + 2,
        record: record.handoff,
        idField: column(settings, "id"),
        version: record.updatedAt,
      });
  });
  return finishAdapter(mapped, issues, (path, record) => columnOf(path, record, settings), source.noun);
}

/**
 * The column a problem the handoff model found in a mapped record comes from: the record's events
 * are named by their ids (`9001:booked`), so each of their fields has one column.
 */
function columnOf(path: readonly (string | number)[], record: HandoffInput, settings: Settings): string | undefined {
  const named = (field: MeetingField | undefined): string | undefined =>
    field === undefined ? undefined : settings.columns[field];
  const [head, second, third, fourth] = path;
  const people: Readonly<Record<string, MeetingField>> = {
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
  // mapRow leaves the model only these to refuse: the source, the segment, the people's fields and a
  // slot's end (before its start). The id, the booking time, every start and event time, a reason and
  // a note are never empty and always in range, so the branches naming their columns are never taken.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: the id is never refused (see above)
  if (head === "id") return named("id");
  if (head === "source" || head === "segment") return named(head);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: createdAt is never refused (see above)
  if (head === "createdAt") return named("bookedAt");
  if (head !== "events") {
    return named(people[`${String(head)}.${String(second)}`]);
  }
  const events = record.events ?? [];
  const event = typeof second === "number" ? events[second] : undefined;
  const type = event?.type;
  const rescheduled = events.some((candidate) => candidate.type === "rescheduled");
  if (third === "meeting") {
    const moved = type === "booked" && rescheduled;
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: a start is never refused (see above)
    if (fourth === "start") return named(moved ? "previousStart" : "start");
    // Stryker disable next-line ConditionalExpression: equivalent: a slot is refused only at its end (see above)
    if (fourth === "end") return named(moved ? "previousEnd" : "end");
    return undefined;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent: see above
  if (type === "rejected" && third === "reason") return named("rejectionReason");
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: equivalent: ditto
  if (type === "rejected" && third === "note") return named("rejectionNote");
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent: see above
  if (third !== "at") return undefined;
  // Stryker disable next-line ObjectLiteral: equivalent: an event's time is never refused (see above)
  const atColumn: Readonly<Record<string, MeetingField>> = {
    booked: "bookedAt",
    meeting_held: "end",
    no_show: "end",
    cancelled: "updatedAt",
    rescheduled: "updatedAt",
    accepted: "acceptedAt",
    rejected: "rejectedAt",
  };
  return named(type === undefined ? undefined : atColumn[type]);
}

interface Settings {
  readonly columns: Readonly<Partial<Record<MeetingField, string>>>;
  readonly outcomes: ReadonlyMap<string, MeetingOutcome>;
  readonly reasons: ReasonReading;
  readonly zone: ReturnType<typeof exportZone>;
  readonly source: LeadSource | undefined;
  readonly segment: string | undefined;
  readonly pastScheduled: { readonly nowMs: number; readonly as: MeetingOutcome } | undefined;
}

/** The options {@link MeetingRowsOptions} names; any other key in a mapping is a misspelling. */
const MEETING_OPTIONS = [
  "exportTimeZone",
  "columns",
  "outcomes",
  "reasons",
  "lifecycle",
  "defaults",
  "pastScheduled",
] as const satisfies readonly (keyof MeetingRowsOptions<MeetingField>)[];

function settingsOf(options: MeetingRowsOptions<MeetingField>, source: MeetingSource): Settings {
  requireKnownOptions(options, MEETING_OPTIONS, source.fn);
  const defaults = defaultsOf(options.defaults, source.fn);
  if (options.exportTimeZone !== undefined)
    assertTimeZone(options.exportTimeZone, `${source.fn}: options.exportTimeZone`);
  const columns = columnsOf<MeetingField>(options.columns, source.columns, MEETING_FIELD_NAMES, source.fn);
  const rules = options.lifecycle ?? LENIENT_LIFECYCLE;
  requireRules(rules, `${source.fn}: options.lifecycle`);
  const outcomes = new Map<string, MeetingOutcome>();
  for (const [value, outcome] of Object.entries({ ...source.outcomes, ...options.outcomes }) as [string, unknown][]) {
    if (!OUTCOMES.has(outcome))
      throw new HandoffKitError("invalid_argument", {
        detail:
          `${source.fn}: options.outcomes[${JSON.stringify(value)}] must be ${[...OUTCOMES].join(", ")}: ` +
          describeValue(outcome),
      });
    outcomes.set(valueKey(value), outcome as MeetingOutcome);
  }
  return {
    columns,
    outcomes,
    reasons: reasonReadingOf(options.reasons, rules, source.fn),
    zone: exportZone(options.exportTimeZone),
    source: defaults.source,
    segment: defaults.segment,
    pastScheduled: pastScheduledOf(options.pastScheduled, source.fn),
  };
}

const OUTCOMES: ReadonlySet<unknown> = new Set<MeetingOutcome>([
  "scheduled",
  "held",
  "no_show",
  "cancelled",
  "rescheduled",
]);

const MEETING_FIELD_NAMES: ReadonlySet<string> = new Set(MEETING_FIELDS);

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
  source: MeetingSource,
  issues: AdapterIssue[],
): { id: string; updatedAt: number | undefined; handoff: HandoffInput } | undefined {
  const before = issues.length;
  const problem = (field: MeetingField, code: AdapterIssue["code"], message: string): void => {
    issues.push({ code, path: [index, column(settings, field)], row: index + 2, message });
  };
  const text = (field: MeetingField): string | undefined => {
    const name = settings.columns[field];
    return name === undefined ? undefined : cellText(row, name);
  };
  const required = (field: MeetingField): string => {
    const value = text(field);
    if (value === undefined) problem(field, "missing_value", `${column(settings, field)} is empty`);
    return value ?? "";
  };
  const idOf = (field: MeetingField): string => {
    const value = required(field);
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: an empty id already drops the row
    return value === "" || source.normalizeId === undefined ? value : source.normalizeId(value);
  };
  const instant = (field: MeetingField, needed: boolean): number | undefined => {
    const value = needed ? required(field) : text(field);
    if (value === undefined || value === "") return undefined;
    const read = readInstant(value, settings.zone);
    if (read.ok) return read.ms;
    problem(field, read.code, read.message);
    return undefined;
  };
  // Salesforce gives an end or a duration: without an end, the start plus the minutes.
  const endOf = (startMs: number | undefined): number | undefined => {
    const minutes = text("durationMinutes");
    if (text("end") === undefined && minutes === undefined && settings.columns.durationMinutes !== undefined) {
      // Either gives the end: the message names both, as the file may hold only one of the columns.
      problem(
        "end",
        "missing_value",
        `${column(settings, "end")} and ${column(settings, "durationMinutes")} are both empty: the meeting has no end`,
      );
      return undefined;
    }
    if (text("end") !== undefined || minutes === undefined) return instant("end", true);
    const count = Number(minutes);
    if (!Number.isFinite(count) || count <= 0) {
      problem("durationMinutes", "invalid_value", `"${minutes}" is not a number of minutes above 0`);
      return undefined;
    }
    if (startMs === undefined) return undefined;
    // Minutes that carry the end past what a Date holds are the duration's fault: EndDateTime is empty.
    const endMs = startMs + count * 60_000;
    if (inDateRange(endMs)) return endMs;
    problem("durationMinutes", "invalid_value", `"${minutes}" minutes end the meeting past the last date there is`);
    return undefined;
  };
  const id = idOf("id");
  const bookedAt = instant("bookedAt", true);
  const start = instant("start", true);
  const end = endOf(start);
  const updatedAt = instant("updatedAt", false);
  const previousStart = instant("previousStart", false);
  const previousEnd = instant("previousEnd", false);
  const acceptedAt = instant("acceptedAt", false);
  const rejectedAt = instant("rejectedAt", false);
  const aeId = idOf("aeId");
  const sdrId = idOf("sdrId");
  const prospectName = required("prospectName");
  const accountName = required("accountName");
  // A handoff needs both; an export often holds neither, so the message names the default that gives them.
  const leadSource = text("source")?.toLowerCase() ?? settings.source;
  const segment = text("segment") ?? settings.segment;
  for (const [field, value] of [
    ["source", leadSource],
    ["segment", segment],
  ] as const)
    if (value === undefined)
      problem(
        field,
        "missing_value",
        `${column(settings, field)} is empty or absent, and options.defaults.${field} gives none`,
      );
  // A meeting with no outcome recorded (past or not) is still scheduled: that is what it says.
  const rawOutcome = text("outcome") ?? "SCHEDULED";
  if (issues.length > before) return undefined;

  let outcome = settings.outcomes.get(valueKey(rawOutcome));
  if (outcome === undefined) {
    problem(
      "outcome",
      "unknown_value",
      `Unknown outcome "${rawOutcome}", kept as scheduled (map it with the outcomes option)`,
    );
    outcome = "scheduled";
  }
  if (outcome === "scheduled" && settings.pastScheduled !== undefined && (end as number) < settings.pastScheduled.nowMs)
    outcome = settings.pastScheduled.as;
  const slot = { start: new Date(start as number), end: new Date(end as number) };
  const hasPrevious = previousStart !== undefined && previousEnd !== undefined;
  if (outcome === "rescheduled" && (previousStart === undefined) !== (previousEnd === undefined)) {
    const absent: MeetingField = previousStart === undefined ? "previousStart" : "previousEnd";
    problem(
      absent,
      "missing_value",
      `${column(settings, absent)} is empty: the reschedule is read without its first slot`,
    );
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
        `A rejection without a reason (${column(settings, "rejectionReason")} is empty): left out, the rest kept`,
      );
  }
  if (rejectedAt !== undefined && text("rejectionReason") !== undefined) {
    const reason = text("rejectionReason") as string;
    const { code, known } = reasonOf(reason, settings.reasons);
    if (!known)
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
        `A rejection without a note (${column(settings, "rejectionNote")} is empty): the lifecycle refuses one that ` +
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
  const accountDomain = domainOf(text("accountDomain"));
  const handoff = {
    id,
    source: leadSource,
    segment,
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

/** The column a field is read from; a field the source has no column for is named by the field. */
const column = (settings: Settings, field: MeetingField): string => settings.columns[field] ?? field;

/** A website as CRMs store it (`https://www.acme.com/about`) as the domain a record holds (`acme.com`). */
function domainOf(website: string | undefined): string | undefined {
  if (website === undefined) return undefined;
  // Stryker disable next-line StringLiteral: equivalent: split gives at least one string, so [0] is there
  const host = website.replace(/^[a-z][a-z0-9+.-]*:\/\//iu, "").split(/[/?#:]/u)[0] ?? "";
  return host.replace(/^www\./iu, "").toLowerCase() || undefined;
}

function pastScheduledOf(
  value: PastScheduled | undefined,
  fn: string,
): { readonly nowMs: number; readonly as: MeetingOutcome } | undefined {
  if (value === undefined) return undefined;
  const { now, as } = (isRecord(value) ? value : {}) as Partial<PastScheduled>;
  if (as !== "held" && as !== "no_show" && as !== "scheduled")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.pastScheduled.as must be held, no_show or scheduled: ${describeValue(as)}`,
    });
  return { nowMs: toEpochMs(now as InstantInput, `${fn}: options.pastScheduled.now`), as };
}
