import { describeValue } from "../core/describe-value.js";
import { DAY } from "../core/duration.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, optionsOf, requireList } from "../core/guards.js";
import { assertTimeZone } from "../core/time-zone.js";
import { LENIENT_LIFECYCLE, type Handoff, type HandoffEvent, type LifecycleRules } from "../handoff/index.js";
import { requireRules } from "../handoff/internal.js";
import type { AdapterIssue } from "./adapter-result.js";
import { bookedAt, handoffAt } from "./booking-windows.js";
import { historyTables } from "./history-tables.js";
import { decided, lastOfType, withFound, type Found } from "./found-events.js";
import { requireKnownOptions, tableColumnsOf, wholeDaysOf } from "./mapping-options.js";
import { reasonOf, reasonReadingOf } from "./rejection-reasons.js";
import { cellText, exportZone, readInstant, valueKey, type SourceRow } from "./source-values.js";

/**
 * The columns `withHubSpotLeads` reads from each table, by what they hold: the meetings export's
 * associated contacts (HubSpot's export names the column so), the Leads object's properties by
 * their internal names, and a property history flattened as {@link HUBSPOT_OWNER_HISTORY_COLUMNS}'s.
 *
 * @example
 * ```ts
 * import { HUBSPOT_LEAD_COLUMNS } from "handoff-kit/adapters";
 * HUBSPOT_LEAD_COLUMNS.leads.reason; // "hs_lead_disqualification_reason"
 * ```
 * @category Adapters
 */
export const HUBSPOT_LEAD_COLUMNS = Object.freeze({
  /** The meetings export the handoffs came from: each meeting's contacts, ids separated by `;`. */
  meetings: Object.freeze({ id: "hs_object_id", contacts: "Associated Contact IDs" }),
  /** The Leads export (object 0-136), or a contacts export read by its `hs_lead_status`. */
  leads: Object.freeze({
    id: "hs_object_id",
    /** The lead's contact, through which it finds the contact's meetings. */
    contact: "hs_primary_contact_id",
    /** The lead's stage (its id, or its label); also the history's property of the stage. */
    stage: "hs_pipeline_stage",
    /** When the lead entered its current stage: the stage's time when no history is given. */
    stageAt: "hs_v2_date_entered_current_stage",
    /** The disqualification reason picklist; also the history's property of the reason. */
    reason: "hs_lead_disqualification_reason",
    note: "hs_lead_disqualification_note",
  }),
  /** The leads' property history, one row per value a property took (`propertiesWithHistory`). */
  history: Object.freeze({
    id: "hs_object_id",
    property: "property",
    value: "value",
    timestamp: "timestamp",
    by: "updatedByUserId",
  }),
});

/**
 * The tables {@link withHubSpotLeads} reads, each as rows of its export.
 *
 * @example
 * ```ts
 * import type { HubSpotLeadsTable } from "handoff-kit/adapters";
 * const table: HubSpotLeadsTable = "history";
 * ```
 * @category Adapters
 */
export type HubSpotLeadsTable = keyof typeof HUBSPOT_LEAD_COLUMNS;

/**
 * The exports {@link withHubSpotLeads} reads: the meetings the handoffs came from (they link each
 * handoff to its contacts), the leads, and, when exported, the leads' property history.
 *
 * @example
 * ```ts
 * import type { HubSpotLeadsTables, SourceRow } from "handoff-kit/adapters";
 * declare const meetings: readonly SourceRow[];
 * declare const leads: readonly SourceRow[];
 * const tables: HubSpotLeadsTables = { meetings, leads };
 * ```
 * @category Adapters
 */
export interface HubSpotLeadsTables {
  readonly meetings: readonly SourceRow[];
  readonly leads: readonly SourceRow[];
  readonly history?: readonly SourceRow[];
}

/**
 * What a lead stage says of the handoff its contact's meeting started: the AE's acceptance, the
 * AE's rejection, or a rejection the lead is recycled after (it goes back to the SDRs for later).
 *
 * @example
 * ```ts
 * import type { LeadStageMeaning } from "handoff-kit/adapters";
 * const meaning: LeadStageMeaning = "recycled";
 * ```
 * @category Adapters
 */
export type LeadStageMeaning = "accepted" | "rejected" | "recycled";

/**
 * The stages read by default, by internal value and by HubSpot's default label: the lead
 * pipeline's disqualified stage (`unqualified-stage-id`, labelled Disqualified), and the contact
 * lead statuses `UNQUALIFIED` and `BAD_TIMING` (a rejection the lead is recycled after). The
 * qualified stage is not among them: HubSpot's lead pipeline is the SDR's, and Qualified is where
 * the SDR hands the lead over (HubSpot creates the deal there), not the AE's decision; where your
 * AEs qualify leads, add it as `accepted` with `stages`.
 *
 * @example
 * ```ts
 * import { HUBSPOT_LEAD_STAGES } from "handoff-kit/adapters";
 * HUBSPOT_LEAD_STAGES["unqualified-stage-id"]; // "rejected"
 * ```
 * @category Adapters
 */
export const HUBSPOT_LEAD_STAGES = Object.freeze({
  "unqualified-stage-id": "rejected",
  Disqualified: "rejected",
  UNQUALIFIED: "rejected",
  BAD_TIMING: "recycled",
} as const satisfies Record<string, LeadStageMeaning>);

/**
 * Disqualification reasons read as the default catalogue's codes, where the meaning is one:
 * HubSpot's picklist values (its documentation lists none; these are the values portals show) and
 * the contact lead status `BAD_TIMING`. Any case, labels alike (`Bad Timing`); a team's own
 * `reasons` come first, and a reason the rules' catalogue lacks is not read through this list.
 *
 * @example
 * ```ts
 * import { HUBSPOT_DISQUALIFICATION_REASONS } from "handoff-kit/adapters";
 * HUBSPOT_DISQUALIFICATION_REASONS.BUDGET_CONSTRAINTS; // "no_budget"
 * ```
 * @category Adapters
 */
export const HUBSPOT_DISQUALIFICATION_REASONS = Object.freeze({
  BAD_TIMING: "timing",
  BUDGET_CONSTRAINTS: "no_budget",
  NO_DECISION_MAKING_POWER: "wrong_economic_buyer",
  COMPETITOR_PREFERENCE: "competitor",
  NO_RESPONSE: "unresponsive",
});

/**
 * Options of {@link withHubSpotLeads}.
 *
 * @example
 * ```ts
 * import type { HubSpotLeadsOptions } from "handoff-kit/adapters";
 * const options: HubSpotLeadsOptions = {
 *   exportTimeZone: "America/New_York",
 *   stages: { "1213103916": "recycled" },
 *   reasons: { NOT_A_GOOD_FIT: "wrong_vertical" },
 * };
 * ```
 * @category Adapters
 */
export interface HubSpotLeadsOptions {
  /** The zone of timestamps written without an offset; the API's are UTC or epoch milliseconds. */
  readonly exportTimeZone?: string;
  /** Column names that differ from {@link HUBSPOT_LEAD_COLUMNS}, by table. */
  readonly columns?: {
    readonly [T in HubSpotLeadsTable]?: Readonly<Partial<Record<keyof (typeof HUBSPOT_LEAD_COLUMNS)[T], string>>>;
  };
  /** Stages of your own (ids or labels, any case), added to {@link HUBSPOT_LEAD_STAGES}. */
  readonly stages?: Readonly<Record<string, LeadStageMeaning>>;
  /**
   * Your disqualification picklist's values mapped onto reason codes, before
   * {@link HUBSPOT_DISQUALIFICATION_REASONS} and the catalogue's codes and labels.
   */
  readonly reasons?: Readonly<Record<string, string>>;
  /** The rules whose reason catalogue rejections are read against; `LENIENT_LIFECYCLE` by default. */
  readonly lifecycle?: LifecycleRules;
  /** Days to the next touch of a recycled lead whose reason names none; 90 by default. */
  readonly recycleAfterDays?: number;
}

/**
 * What {@link withHubSpotLeads} gives: the handoffs with the leads' decisions, and every row it
 * could not read, by table.
 *
 * @example
 * ```ts
 * import type { HubSpotLeadsResult } from "handoff-kit/adapters";
 * declare const result: HubSpotLeadsResult;
 * result.issues.leads.length;
 * ```
 * @category Adapters
 */
export interface HubSpotLeadsResult {
  readonly handoffs: readonly Handoff[];
  readonly issues: Readonly<Record<HubSpotLeadsTable, readonly AdapterIssue[]>>;
}

const OPTIONS = [
  "exportTimeZone",
  "columns",
  "stages",
  "reasons",
  "lifecycle",
  "recycleAfterDays",
] as const satisfies readonly (keyof HubSpotLeadsOptions)[];

const TABLES = Object.keys(HUBSPOT_LEAD_COLUMNS) as HubSpotLeadsTable[];

const MEANINGS: ReadonlySet<unknown> = new Set<LeadStageMeaning>(["accepted", "rejected", "recycled"]);

/** One value a lead's stage took, with the reason and note in effect then, and the row it came from. */
interface StageChange {
  readonly table: "leads" | "history";
  readonly index: number;
  /** The column an issue with the change names. */
  readonly column: string;
  readonly lead: string;
  readonly ms: number;
  readonly stage: string;
  readonly by: string;
  readonly reason: string | undefined;
  readonly note: string | undefined;
  /** Where the reason came from, for an issue with it. */
  readonly reasonAt: { readonly table: "leads" | "history"; readonly index: number; readonly column: string };
}

/**
 * Applies HubSpot leads to the handoffs `fromHubSpotMeetings` read: a lead moved to a disqualified
 * stage after its contact's meeting was booked is the AE's rejection, with the disqualification
 * reason mapped onto a reason code and its note; a `recycled` stage (the contact lead status
 * `BAD_TIMING`) is a recycle, after the rejection before it or as a rejection and recycle at once;
 * an `accepted` stage of your own is the acceptance, when the handoff records no decision. A
 * meeting finds its leads through its associated contacts and each lead's primary contact; a
 * contact booked again gives each meeting the stages from its booking up to the next, and stages
 * before the first booking are the SDR's own and passed over.
 *
 * Without a history, each lead's current stage is read at the time it entered it; with one, every
 * stage it took, each with the reason and note in effect then. Every row that should have been read
 * and was not is an issue with its table, row and column: a time that cannot be read, a
 * disqualification without a reason, a reason no mapping or catalogue knows, a rejection without a
 * note (the lifecycle refuses one that names no checkable fact), a second recycle with no rejection
 * since the first. Rows of other properties, of open stages and of leads no meeting is linked to are
 * passed over.
 *
 * @example
 * ```ts
 * import { fromHubSpotMeetings, withHubSpotLeads } from "handoff-kit/adapters";
 *
 * declare const meetingRows: readonly Record<string, string>[];
 * declare const leadRows: readonly Record<string, string>[];
 *
 * const read = fromHubSpotMeetings(meetingRows, { exportTimeZone: "America/New_York" });
 * const { handoffs, issues } = withHubSpotLeads(read.handoffs, { meetings: meetingRows, leads: leadRows });
 * console.log(handoffs.length, issues.leads.length);
 * ```
 * @category Adapters
 */
export function withHubSpotLeads(
  handoffs: readonly Handoff[],
  tables: HubSpotLeadsTables,
  options: HubSpotLeadsOptions = {},
): HubSpotLeadsResult {
  const fn = "withHubSpotLeads";
  requireList(handoffs, fn, "handoffs");
  const tablesRead = historyTables(
    tables,
    TABLES,
    {
      tables: ["meetings", "leads"],
      why: "the meetings name each handoff's contacts, the leads their stages",
    },
    fn,
  );
  const settings = optionsOf(options, fn);
  requireKnownOptions(settings, OPTIONS, fn);
  const c = tableColumnsOf(settings.columns, HUBSPOT_LEAD_COLUMNS, fn);
  if (settings.exportTimeZone !== undefined) assertTimeZone(settings.exportTimeZone, `${fn}: options.exportTimeZone`);
  const stages = stagesOf(settings.stages, fn);
  const rules = settings.lifecycle ?? LENIENT_LIFECYCLE;
  requireRules(rules, `${fn}: options.lifecycle`);
  const reasons = reasonReadingOf(settings.reasons, rules, fn, HUBSPOT_DISQUALIFICATION_REASONS);
  const recycleAfterDays = wholeDaysOf(settings.recycleAfterDays, 90, fn, "recycleAfterDays");
  const zone = exportZone(settings.exportTimeZone);

  const { issues, problem, checked } = tablesRead;
  const meetings = checked("meetings", [c.meetings.id, c.meetings.contacts], "a HubSpot meetings export");
  const leads = checked("leads", [c.leads.id, c.leads.contact, c.leads.stage], "a HubSpot leads export");
  const history = checked(
    "history",
    [c.history.id, c.history.property, c.history.value, c.history.timestamp],
    "a HubSpot property history",
  );
  // The meetings adapter has answered the meetings' rows already.
  tablesRead.answerRows("leads", leads);
  tablesRead.answerRows("history", history);

  // Each contact's handoffs, in booking order.
  const byId = new Map(handoffs.map((handoff) => [handoff.id, handoff]));
  const byContact = new Map<string, Handoff[]>();
  for (const row of meetings) {
    if (!isRecord(row)) continue;
    const id = cellText(row, c.meetings.id);
    const handoff = id === undefined ? undefined : byId.get(id);
    if (handoff === undefined) continue;
    for (const contact of (cellText(row, c.meetings.contacts) ?? "").split(/[;,]/u)) {
      const key = contact.trim();
      if (key === "") continue;
      const list = byContact.get(key) ?? [];
      if (!list.includes(handoff)) list.push(handoff);
      byContact.set(key, list);
    }
  }
  for (const list of byContact.values()) list.sort((a, b) => bookedAt(a) - bookedAt(b));

  const readTime = tablesRead.timeReader(zone);
  const timeOf = (table: HubSpotLeadsTable, row: SourceRow, index: number, column: string, what: string) =>
    readTime(table, row, index, column, `${what} is missing: not read`);

  // The leads of contacts a meeting names: their contact, and their row. A lead exported twice (two
  // exports joined) is read from its later version, the later stage time, else the later row.
  const leadRows = new Map<string, { row: SourceRow; index: number; contact: string; version: number }>();
  const repeats: { index: number; id: string }[] = [];
  leads.forEach((row, index) => {
    if (!isRecord(row)) return;
    const id = cellText(row, c.leads.id);
    const contact = cellText(row, c.leads.contact);
    if (id === undefined || contact === undefined || !byContact.has(contact)) return;
    const stageAt = cellText(row, c.leads.stageAt);
    const read = stageAt === undefined ? undefined : readInstant(stageAt, zone);
    const version = read?.ok === true ? read.ms : Number.NEGATIVE_INFINITY;
    const before = leadRows.get(id);
    if (before !== undefined && before.version > version) {
      repeats.push({ index, id });
      return;
    }
    if (before !== undefined) repeats.push({ index: before.index, id });
    leadRows.set(id, { row, index, contact, version });
  });
  for (const { index, id } of repeats) {
    const kept = (leadRows.get(id) as { index: number }).index;
    issues.leads.push({
      code: "duplicate_row",
      path: [index, c.leads.id],
      row: index + 2,
      kept,
      message: `Lead ${id} again: row ${String(kept + 2)} is kept, the later version`,
    });
  }

  // The history's rows of the stage, reason and note of those leads, in time; at one instant the
  // reason and note before the stage (HubSpot writes them in one update), else in the file's order.
  const properties = new Set([c.leads.stage, c.leads.reason, c.leads.note]);
  const changes = history
    .flatMap((row, index) => {
      if (!isRecord(row)) return [];
      const property = cellText(row, c.history.property);
      const lead = cellText(row, c.history.id);
      if (property === undefined || !properties.has(property) || lead === undefined || !leadRows.has(lead)) return [];
      // An open stage says nothing of the handoff: passed over, its time unread.
      const value = cellText(row, c.history.value);
      if (property === c.leads.stage && (value === undefined || !stages.has(valueKey(value)))) return [];
      const ms = timeOf("history", row, index, c.history.timestamp, "The change's time");
      return ms === undefined ? [] : [{ row, index, property, lead, ms }];
    })
    .sort((a, b) => a.ms - b.ms || Number(a.property === c.leads.stage) - Number(b.property === c.leads.stage));
  const historyOf = (property: string): ReadonlySet<string> =>
    new Set(changes.filter((entry) => entry.property === property).map((entry) => entry.lead));
  const [withStages, withReasons, withNotes] = [
    historyOf(c.leads.stage),
    historyOf(c.leads.reason),
    historyOf(c.leads.note),
  ];
  const stageChanges: StageChange[] = [];
  // The reason and note each lead holds as its history is read; a lead's own row holds its current
  // ones, which stand for every change when the history has none.
  const held = new Map<
    string,
    { reason?: StageChange["reasonAt"] & { value: string | undefined }; note?: string | undefined }
  >();
  for (const entry of changes) {
    const state = held.get(entry.lead) ?? {};
    held.set(entry.lead, state);
    const value = cellText(entry.row, c.history.value);
    if (entry.property === c.leads.reason)
      state.reason = { table: "history", index: entry.index, column: c.history.value, value };
    if (entry.property === c.leads.note) state.note = value;
    if (entry.property !== c.leads.stage || value === undefined) continue;
    const own = leadRows.get(entry.lead) as { row: SourceRow; index: number };
    const reasonAt = withReasons.has(entry.lead)
      ? state.reason
      : { table: "leads" as const, index: own.index, column: c.leads.reason, value: cellText(own.row, c.leads.reason) };
    stageChanges.push({
      table: "history",
      index: entry.index,
      column: c.history.value,
      lead: entry.lead,
      ms: entry.ms,
      stage: value,
      by: cellText(entry.row, c.history.by) ?? "hubspot",
      reason: reasonAt?.value,
      note: withNotes.has(entry.lead) ? state.note : cellText(own.row, c.leads.note),
      reasonAt: reasonAt ?? { table: "history", index: entry.index, column: c.history.value },
    });
  }
  // A lead without a stage history: its current stage, at the time it entered it.
  for (const [lead, { row, index }] of leadRows) {
    if (withStages.has(lead)) continue;
    const stage = cellText(row, c.leads.stage);
    if (stage === undefined || !stages.has(valueKey(stage))) continue;
    const ms = timeOf("leads", row, index, c.leads.stageAt, "The time the lead entered its stage");
    if (ms === undefined) continue;
    stageChanges.push({
      table: "leads",
      index,
      column: c.leads.stage,
      lead,
      ms,
      stage,
      by: "hubspot",
      reason: cellText(row, c.leads.reason),
      note: cellText(row, c.leads.note),
      reasonAt: { table: "leads", index, column: c.leads.reason },
    });
  }
  // In time, as a recycle follows the rejection before it; one instant in table and row order.
  stageChanges.sort((a, b) => a.ms - b.ms);

  const found = new Map<string, Found[]>();
  const add = (handoff: Handoff, change: StageChange, event: HandoffEvent): void => {
    const list = found.get(handoff.id) ?? [];
    list.push({ index: change.index, event });
    found.set(handoff.id, list);
  };
  const seqOf = (change: StageChange): number =>
    change.table === "leads" ? change.index : leads.length + change.index;
  /** The rejection a change makes, or undefined (with an issue) when it names no reason. */
  const rejectionOf = (handoff: Handoff, change: StageChange, meaning: "rejected" | "recycled") => {
    // A stage stands for its own reason only where it reads as one (BAD_TIMING), not a stage id.
    const written = change.reason ?? (reasonOf(change.stage, reasons).known ? change.stage : undefined);
    const { table, index, column } = change.reasonAt;
    if (written === undefined) {
      problem(
        table,
        index,
        column,
        "missing_value",
        meaning === "rejected"
          ? `The lead was disqualified (${change.stage}) without a reason: the rejection is not read`
          : `The lead was recycled (${change.stage}) with no rejection before it and no reason: not read`,
      );
      return undefined;
    }
    const read = reasonOf(written, reasons);
    if (!read.known)
      problem(
        table,
        index,
        column,
        "unknown_value",
        `Unknown disqualification reason "${written}": map it onto a reason code with the reasons option`,
      );
    if (change.note === undefined)
      problem(
        change.table,
        change.index,
        change.table === "leads" ? c.leads.note : change.column,
        "missing_value",
        `A rejection without a note (${c.leads.note} is empty): the lifecycle refuses one that names no ` +
          `checkable fact, so it is kept with "${written}" as its note and will be refused`,
      );
    return {
      id: `${handoff.id}:rejected:${String(change.ms)}:${change.lead}`,
      seq: seqOf(change),
      type: "rejected" as const,
      at: new Date(change.ms),
      by: change.by,
      reason: read.code,
      note: change.note ?? written,
    };
  };

  // A history row exported twice is one change: read once.
  const seen = new Set<string>();
  for (const change of stageChanges) {
    const meaning = stages.get(valueKey(change.stage));
    const key = `${change.lead}|${String(change.ms)}|${valueKey(change.stage)}`;
    if (meaning === undefined || seen.has(key)) continue;
    seen.add(key);
    const contact = (leadRows.get(change.lead) as { contact: string }).contact;
    const handoff = handoffAt(byContact.get(contact) ?? [], change.ms);
    if (handoff === undefined) continue;
    const earlier = found.get(handoff.id);
    if (meaning === "accepted") {
      if (!decided(handoff, earlier))
        add(handoff, change, {
          id: `${handoff.id}:accepted:${String(change.ms)}:${change.lead}`,
          seq: seqOf(change),
          type: "accepted",
          at: new Date(change.ms),
          by: change.by,
        });
      continue;
    }
    if (meaning === "rejected") {
      // The meetings export's own rejection columns hold this decision already: one decision, not two.
      if (handoff.events.some((event) => event.type === "rejected" && event.at.getTime() === change.ms)) continue;
      const rejection = rejectionOf(handoff, change, "rejected");
      if (rejection !== undefined) add(handoff, change, rejection);
      continue;
    }
    let rejection: Extract<HandoffEvent, { type: "rejected" }> | undefined = lastOfType(
      handoff,
      earlier,
      "rejected",
      change.ms,
    );
    // A recycle since the rejection, its own instant included (a recycling stage read as both).
    if (
      rejection !== undefined &&
      lastOfType(handoff, earlier, "recycled", change.ms, rejection.at.getTime()) !== undefined
    ) {
      problem(
        change.table,
        change.index,
        change.column,
        "inconsistent_history",
        `The lead was recycled again (${change.stage}) with no rejection since its last recycle: not read`,
      );
      continue;
    }
    if (rejection === undefined) {
      // A recycling stage alone (BAD_TIMING) is the AE's rejection too: its reason is the stage's own.
      rejection = rejectionOf(handoff, change, "recycled");
      if (rejection === undefined) continue;
      add(handoff, change, rejection);
    }
    const days =
      rules.reasons.find((reason) => reason.code === rejection.reason)?.recycle.afterDays ?? recycleAfterDays;
    add(handoff, change, {
      id: `${handoff.id}:recycled:${String(change.ms)}:${change.lead}`,
      seq: seqOf(change),
      type: "recycled",
      at: new Date(change.ms),
      by: change.by,
      reason: rejection.reason,
      nextTouchAt: new Date(change.ms + days * DAY),
    });
  }

  const result = handoffs.map((handoff) => withFound(handoff, found.get(handoff.id)));
  // A reason two decisions read is one issue, not two.
  for (const table of TABLES) {
    const once = new Map(
      issues[table].map((issue) => [JSON.stringify([issue.path, issue.code, issue.message]), issue]),
    );
    issues[table] = [...once.values()];
  }
  return { handoffs: result, issues: tablesRead.sorted() };
}

function stagesOf(given: unknown, fn: string): ReadonlyMap<string, LeadStageMeaning> {
  const mapped: unknown = given ?? {};
  if (!isRecord(mapped))
    throw new HandoffKitError("invalid_argument", {
      detail:
        `${fn}: options.stages must be an object of accepted, rejected or recycled by stage: ` + describeValue(mapped),
    });
  const stages = new Map<string, LeadStageMeaning>(
    Object.entries(HUBSPOT_LEAD_STAGES).map(([stage, meaning]) => [valueKey(stage), meaning]),
  );
  for (const [stage, meaning] of Object.entries(mapped) as [string, unknown][]) {
    if (!MEANINGS.has(meaning))
      throw new HandoffKitError("invalid_argument", {
        detail:
          `${fn}: options.stages[${JSON.stringify(stage)}] must be accepted, rejected or recycled: ` +
          describeValue(meaning),
      });
    stages.set(valueKey(stage), meaning as LeadStageMeaning);
  }
  return stages;
}
