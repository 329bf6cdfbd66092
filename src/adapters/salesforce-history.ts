import { describeValue } from "../core/describe-value.js";
import { DAY } from "../core/duration.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, optionsOf, requireList } from "../core/guards.js";
import { assertTimeZone } from "../core/time-zone.js";
import { LENIENT_LIFECYCLE, type Handoff, type HandoffEvent, type LifecycleRules } from "../handoff/index.js";
import { requireRules } from "../handoff/internal.js";
import type { AdapterIssue } from "./adapter-result.js";
import { requireKnownOptions, tableColumnsOf, wholeDaysOf } from "./mapping-options.js";
import { ownerNamesOf, ownerRoleOf, withOwnerChanges, type OwnerChange } from "./owner-changes.js";
import { handoffAt, windowEnd } from "./booking-windows.js";
import { historyTables } from "./history-tables.js";
import { decided, lastOfType, withFound, type Found } from "./found-events.js";
import { salesforceLinks } from "./salesforce-links.js";
import { salesforceId18 } from "./salesforce-id.js";
import { cellText, exportZone, type SourceRow } from "./source-values.js";

/**
 * The columns `withSalesforceHistory` reads from each table, by what they hold, as the API and
 * Data Loader name the objects' fields.
 *
 * @example
 * ```ts
 * import { SALESFORCE_HISTORY_COLUMNS } from "handoff-kit/adapters";
 * SALESFORCE_HISTORY_COLUMNS.opportunityHistory.stage; // "StageName"
 * ```
 * @category Adapters
 */
export const SALESFORCE_HISTORY_COLUMNS = Object.freeze({
  /** The Event export the handoffs came from: each Event's lead or contact, and its opportunity. */
  events: Object.freeze({ id: "Id", who: "WhoId", what: "WhatId" }),
  /** The Lead export: who a converted lead became. */
  leads: Object.freeze({ id: "Id", contactId: "ConvertedContactId", opportunityId: "ConvertedOpportunityId" }),
  /** LeadHistory: one row per change to a tracked field (an owner change is two rows, ids and names). */
  leadHistory: Object.freeze({
    leadId: "LeadId",
    field: "Field",
    /** The value before the change: a lead's owner before its first recorded change. */
    oldValue: "OldValue",
    newValue: "NewValue",
    createdAt: "CreatedDate",
    by: "CreatedById",
  }),
  /** OpportunityHistory: one row per change to the stage, amount, probability or close date. */
  opportunityHistory: Object.freeze({
    opportunityId: "OpportunityId",
    stage: "StageName",
    amount: "Amount",
    currency: "CurrencyIsoCode",
    createdAt: "CreatedDate",
    by: "CreatedById",
  }),
});

/**
 * The tables {@link withSalesforceHistory} reads, each as rows of its export.
 *
 * @example
 * ```ts
 * import type { SalesforceHistoryTable } from "handoff-kit/adapters";
 * const table: SalesforceHistoryTable = "leadHistory";
 * ```
 * @category Adapters
 */
export type SalesforceHistoryTable = keyof typeof SALESFORCE_HISTORY_COLUMNS;

/**
 * The exports {@link withSalesforceHistory} reads: the Events the handoffs came from (required: they
 * link each handoff to its lead and opportunity), and any of the others.
 *
 * @example
 * ```ts
 * import type { SalesforceHistoryTables, SourceRow } from "handoff-kit/adapters";
 * declare const events: readonly SourceRow[];
 * declare const opportunityHistory: readonly SourceRow[];
 * const tables: SalesforceHistoryTables = { events, opportunityHistory };
 * ```
 * @category Adapters
 */
export interface SalesforceHistoryTables {
  readonly events: readonly SourceRow[];
  readonly leads?: readonly SourceRow[];
  readonly leadHistory?: readonly SourceRow[];
  readonly opportunityHistory?: readonly SourceRow[];
}

/**
 * What a closed opportunity stage means for the handoff.
 *
 * @example
 * ```ts
 * import type { OpportunityClose } from "handoff-kit/adapters";
 * const close: OpportunityClose = "won";
 * ```
 * @category Adapters
 */
export type OpportunityClose = "won" | "lost";

/**
 * The stages read as a close by default: Salesforce's default closed stages. An org's own closed
 * stages are added with `stages`.
 *
 * @example
 * ```ts
 * import { SALESFORCE_CLOSED_STAGES } from "handoff-kit/adapters";
 * SALESFORCE_CLOSED_STAGES["Closed Won"]; // "won"
 * ```
 * @category Adapters
 */
export const SALESFORCE_CLOSED_STAGES = Object.freeze({
  "Closed Won": "won",
  "Closed Lost": "lost",
} as const satisfies Record<string, OpportunityClose>);

/**
 * Options of {@link withSalesforceHistory}.
 *
 * @example
 * ```ts
 * import type { SalesforceHistoryOptions } from "handoff-kit/adapters";
 * const options: SalesforceHistoryOptions = {
 *   exportTimeZone: "America/Chicago",
 *   leadOwner: "ae",
 *   recycleStatuses: ["Recycled", "Nurture"],
 *   stages: { "Closed - Signed": "won" },
 * };
 * ```
 * @category Adapters
 */
export interface SalesforceHistoryOptions {
  /** The zone of timestamps written without an offset (Data Loader writes the exporting machine's). */
  readonly exportTimeZone?: string;
  /** Column names that differ from {@link SALESFORCE_HISTORY_COLUMNS}, by table. */
  readonly columns?: {
    readonly [T in SalesforceHistoryTable]?: Readonly<
      Partial<Record<keyof (typeof SALESFORCE_HISTORY_COLUMNS)[T], string>>
    >;
  };
  /**
   * Whose handoff a lead's owner is: its changes after the booking are then that rep's
   * reassignments. Left out, owner changes are passed over: orgs differ in who owns a lead once it
   * is handed off (the SDR, the AE, a queue), so the library does not guess.
   */
  readonly leadOwner?: "ae" | "sdr";
  /** The lead field whose values say the lead was recycled: `Status` by default. */
  readonly statusField?: string;
  /**
   * The values of `statusField` that mean the lead went back to the SDRs after the AE rejected it
   * (none by default: Salesforce's default lead statuses have none). Any case.
   */
  readonly recycleStatuses?: readonly string[];
  /** Days to the next touch of a recycled lead whose rejection reason names none; 90 by default. */
  readonly recycleAfterDays?: number;
  /** The rules whose reason catalogue gives a recycle its days to the next touch; `LENIENT_LIFECYCLE` by default. */
  readonly lifecycle?: LifecycleRules;
  /** Whether a lead's conversion is the AE's acceptance, when the handoff records no decision; true by default. */
  readonly acceptOnConversion?: boolean;
  /** Closed stages of your own, added to {@link SALESFORCE_CLOSED_STAGES}. Any case. */
  readonly stages?: Readonly<Record<string, OpportunityClose>>;
  /** Names by user id, for an owner no handoff names. */
  readonly users?: Readonly<Record<string, string>>;
}

/**
 * What {@link withSalesforceHistory} gives: the handoffs with their history, and every row it could
 * not read, by table.
 *
 * @example
 * ```ts
 * import type { SalesforceHistoryResult } from "handoff-kit/adapters";
 * declare const result: SalesforceHistoryResult;
 * result.issues.opportunityHistory.length;
 * ```
 * @category Adapters
 */
export interface SalesforceHistoryResult {
  readonly handoffs: readonly Handoff[];
  readonly issues: Readonly<Record<SalesforceHistoryTable, readonly AdapterIssue[]>>;
}

const OPTIONS = [
  "exportTimeZone",
  "columns",
  "leadOwner",
  "statusField",
  "recycleStatuses",
  "recycleAfterDays",
  "lifecycle",
  "acceptOnConversion",
  "stages",
  "users",
] as const satisfies readonly (keyof SalesforceHistoryOptions)[];

const TABLES = Object.keys(SALESFORCE_HISTORY_COLUMNS) as SalesforceHistoryTable[];

/** LeadHistory's `Field` values read: an owner change (two rows), the conversion. Any case. */
const OWNER_FIELDS = new Set(["owner", "ownerassignment"]);
const CONVERTED = "leadconverted";
/** Owner ids of users (005) and of queues (00G): a queue owns a lead but is no rep. */
const USER = /^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/u;
const QUEUE = /^00G[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/u;

/**
 * Applies Salesforce's histories to handoffs read from an Event export by
 * {@link fromSalesforceEvents}: a lead's recycle (a `Status` change to one of `recycleStatuses`, after
 * the AE's rejection), its conversion (the AE's acceptance, with the opportunity it created, when the
 * handoff records no decision), its owner's changes (reassignments, once `leadOwner` says whose they
 * are) and the opportunity's close (`opportunity_won` or `opportunity_lost` with the amount at the
 * close; an amount changed after a win is a correction of it). Each Event is linked to its lead by
 * `WhoId` (a converted lead's contact is traced back through the lead's `ConvertedContactId`) and to
 * its opportunity by `WhatId`, else by the lead's `ConvertedOpportunityId`; a lead booked again
 * gives each booking the history up to the next.
 *
 * History rows are in seconds and Salesforce leaves the order of one second's rows undefined, so
 * rows of one instant are read in the file's order. Every row that should have been read and was
 * not is an issue with its table, row and column: a time that cannot be read, a recycle with no
 * rejection before it, a close of a handoff never accepted, a close contradicting an earlier one
 * (the lifecycle keeps a closed handoff's outcome), an amount that is no number. Rows of other
 * fields, of other stages, and of leads and opportunities no handoff is linked to are passed over.
 *
 * @example
 * ```ts
 * import { fromSalesforceEvents, withSalesforceHistory } from "handoff-kit/adapters";
 *
 * declare const events: readonly Record<string, string>[];
 * declare const leads: readonly Record<string, string>[];
 * declare const opportunityHistory: readonly Record<string, string>[];
 *
 * const read = fromSalesforceEvents(events, { exportTimeZone: "America/Chicago" });
 * const { handoffs, issues } = withSalesforceHistory(
 *   read.handoffs,
 *   { events, leads, opportunityHistory },
 *   { exportTimeZone: "America/Chicago" },
 * );
 * console.log(handoffs.length, issues.opportunityHistory.length);
 * ```
 * @category Adapters
 */
export function withSalesforceHistory(
  handoffs: readonly Handoff[],
  tables: SalesforceHistoryTables,
  options: SalesforceHistoryOptions = {},
): SalesforceHistoryResult {
  const fn = "withSalesforceHistory";
  requireList(handoffs, fn, "handoffs");
  const tablesRead = historyTables(
    tables,
    TABLES,
    { tables: ["events"], why: "the Event export links each handoff to its lead and opportunity" },
    fn,
  );
  const settings = optionsOf(options, fn);
  requireKnownOptions(settings, OPTIONS, fn);
  const columns = tableColumnsOf(settings.columns, SALESFORCE_HISTORY_COLUMNS, fn);
  if (settings.exportTimeZone !== undefined) assertTimeZone(settings.exportTimeZone, `${fn}: options.exportTimeZone`);
  const leadOwner =
    settings.leadOwner === undefined ? undefined : ownerRoleOf(settings.leadOwner, "ae", fn, "leadOwner");
  const statusField = textOption(settings.statusField ?? "Status", fn, "statusField").toLowerCase();
  const recycleStatuses = statusesOf(settings.recycleStatuses, fn);
  const recycleAfterDays = wholeDaysOf(settings.recycleAfterDays, 90, fn, "recycleAfterDays");
  const rules = settings.lifecycle ?? LENIENT_LIFECYCLE;
  requireRules(rules, `${fn}: options.lifecycle`);
  const acceptOnConversion = settings.acceptOnConversion ?? true;
  if (typeof acceptOnConversion !== "boolean")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.acceptOnConversion must be true or false: ${describeValue(acceptOnConversion)}`,
    });
  const stages = stagesOf(settings.stages, fn);
  const names = ownerNamesOf(settings.users, fn, "users");
  const zone = exportZone(settings.exportTimeZone);

  const { problem, checked } = tablesRead;
  const c = columns;
  const events = checked("events", [c.events.id, c.events.who, c.events.what], "a Salesforce Event export");
  const leads = checked("leads", [c.leads.id, c.leads.contactId, c.leads.opportunityId], "a Salesforce Lead export");
  const leadHistory = checked(
    "leadHistory",
    [c.leadHistory.leadId, c.leadHistory.field, c.leadHistory.newValue, c.leadHistory.createdAt],
    "a Salesforce LeadHistory export",
  );
  const opportunityHistory = checked(
    "opportunityHistory",
    [c.opportunityHistory.opportunityId, c.opportunityHistory.stage, c.opportunityHistory.createdAt],
    "a Salesforce OpportunityHistory export",
  );
  // The Event adapter has answered the Event rows already.
  tablesRead.answerRows("leads", leads);
  tablesRead.answerRows("leadHistory", leadHistory);
  tablesRead.answerRows("opportunityHistory", opportunityHistory);
  const records = (rows: readonly SourceRow[]): [SourceRow, number][] =>
    rows.flatMap((row, index) => (isRecord(row) ? [[row, index] as [SourceRow, number]] : []));
  const links = salesforceLinks(
    handoffs,
    records(events).map(([row]) => row),
    records(leads).map(([row]) => row),
    columns,
  );

  const readTime = tablesRead.timeReader(zone);
  const timeOf = (table: SalesforceHistoryTable, row: SourceRow, index: number, column: string): number | undefined =>
    readTime(table, row, index, column, "The change's time is missing");

  // Every event found, by handoff; owner changes by handoff, with the end of each handoff's window.
  const found = new Map<string, Found[]>();
  const add = (handoff: Handoff, index: number, event: HandoffEvent): void => {
    const list = found.get(handoff.id) ?? [];
    list.push({ index, event });
    found.set(handoff.id, list);
  };
  const owners = new Map<string, { changes: OwnerChange[]; until: number }>();

  const lh = c.leadHistory;
  const oh = c.opportunityHistory;
  const leadRows = records(leadHistory)
    .map(([row, index]) => ({ row, index, field: cellText(row, lh.field)?.toLowerCase() }))
    .filter(
      ({ field }) => field === statusField || field === CONVERTED || (field !== undefined && OWNER_FIELDS.has(field)),
    );
  const ownerNames = new Map<string, string>();
  const read: { row: SourceRow; index: number; field: string; ms: number; list: readonly Handoff[] }[] = [];
  for (const { row, index, field } of leadRows) {
    const lead = cellText(row, lh.leadId);
    const list = lead === undefined ? undefined : links.byLead.get(salesforceId18(lead));
    if (list === undefined) continue;
    if (OWNER_FIELDS.has(field as string) && leadOwner === undefined) continue;
    const ms = timeOf("leadHistory", row, index, lh.createdAt);
    if (ms !== undefined) read.push({ row, index, field: field as string, ms, list });
  }
  // An owner change is two rows of one instant: one with the new owner's id, one with its name.
  const idRows = new Set<number>();
  for (const entry of read) {
    if (!OWNER_FIELDS.has(entry.field)) continue;
    const value = cellText(entry.row, lh.newValue);
    if (value !== undefined && (USER.test(value) || QUEUE.test(value))) idRows.add(entry.index);
  }
  // Each id row by its lead and instant, where its name row finds it.
  const pairKey = (entry: (typeof read)[number]): string =>
    `${cellText(entry.row, lh.leadId) ?? ""}|${String(entry.ms)}`;
  const idRowAt = new Map<string, (typeof read)[number]>();
  for (const entry of read)
    if (idRows.has(entry.index) && !idRowAt.has(pairKey(entry))) idRowAt.set(pairKey(entry), entry);
  for (const entry of read) {
    if (!OWNER_FIELDS.has(entry.field) || idRows.has(entry.index)) continue;
    const twin = idRowAt.get(pairKey(entry));
    const name = cellText(entry.row, lh.newValue);
    if (twin !== undefined && name !== undefined)
      ownerNames.set(salesforceId18(cellText(twin.row, lh.newValue) as string), name);
  }
  /** A change of a lead's owner, for each of the lead's handoffs, which reads it up to its own window's end. */
  const addOwnerChange = (list: readonly Handoff[], change: OwnerChange): void => {
    for (const handoff of list) {
      const entryOf = owners.get(handoff.id) ?? { changes: [], until: windowEnd(list, handoff) };
      entryOf.changes.push(change);
      owners.set(handoff.id, entryOf);
    }
  };
  // LeadHistory keeps changes, not a lead's first owner: the old value of its first change is the owner before.
  const firstChange = new Map<string, (typeof read)[number]>();
  for (const entry of read)
    if (idRows.has(entry.index)) {
      const lead = salesforceId18(cellText(entry.row, lh.leadId) as string);
      const before = firstChange.get(lead);
      if (before === undefined || entry.ms < before.ms) firstChange.set(lead, entry);
    }
  for (const { row, index, list } of firstChange.values()) {
    const old = cellText(row, lh.oldValue);
    if (old === undefined || !USER.test(old)) continue;
    addOwnerChange(list, { index, ms: Number.NEGATIVE_INFINITY, owner: salesforceId18(old), by: "salesforce" });
  }
  // In time (the sort is stable: one second's rows in the file's order), as a recycle follows a rejection.
  read.sort((a, b) => a.ms - b.ms);
  for (const entry of read) {
    const { row, index, field, ms, list } = entry;
    const by = salesforceId18(cellText(row, lh.by) ?? "salesforce");
    if (OWNER_FIELDS.has(field)) {
      if (!idRows.has(index)) continue;
      const value = salesforceId18(cellText(row, lh.newValue) as string);
      addOwnerChange(
        list,
        QUEUE.test(value)
          ? { index, ms, owner: undefined, gone: `given to queue ${value}`, by }
          : { index, ms, owner: value, by },
      );
      continue;
    }
    const handoff = handoffAt(list, ms);
    if (handoff === undefined) continue;
    if (field === CONVERTED) {
      if (!acceptOnConversion || decided(handoff, found.get(handoff.id))) continue;
      const opportunityId = links.opportunityOf.get(handoff.id);
      add(handoff, index, {
        id: `${handoff.id}:accepted:${String(ms)}`,
        seq: index,
        type: "accepted",
        at: new Date(ms),
        by,
        ...(opportunityId === undefined ? {} : { opportunityId }),
      });
      continue;
    }
    const status = cellText(row, lh.newValue);
    if (status === undefined || !recycleStatuses.has(status.toLowerCase())) continue;
    const rejection = lastOfType(handoff, found.get(handoff.id), "rejected", ms);
    if (rejection === undefined) {
      problem(
        "leadHistory",
        index,
        lh.newValue,
        "inconsistent_history",
        `The lead was recycled (${status}), but the handoff has no rejection before it: not read`,
      );
      continue;
    }
    if (lastOfType(handoff, found.get(handoff.id), "recycled", ms, rejection.at.getTime()) !== undefined) {
      problem(
        "leadHistory",
        index,
        lh.newValue,
        "inconsistent_history",
        `The lead was recycled again (${status}) with no rejection since its last recycle: not read`,
      );
      continue;
    }
    const days =
      rules.reasons.find((reason) => reason.code === rejection.reason)?.recycle.afterDays ?? recycleAfterDays;
    add(handoff, index, {
      id: `${handoff.id}:recycled:${String(ms)}`,
      seq: index,
      type: "recycled",
      at: new Date(ms),
      by,
      reason: rejection.reason,
      nextTouchAt: new Date(ms + days * DAY),
    });
  }

  const stageRows = records(opportunityHistory)
    .flatMap(([row, index]) => {
      const id = cellText(row, oh.opportunityId);
      const list = id === undefined ? undefined : links.byOpportunity.get(salesforceId18(id));
      if (list === undefined) return [];
      const ms = timeOf("opportunityHistory", row, index, oh.createdAt);
      return ms === undefined ? [] : [{ row, index, ms, list, id: salesforceId18(id as string) }];
    })
    .sort((a, b) => a.ms - b.ms);
  const by = (row: SourceRow): string => salesforceId18(cellText(row, oh.by) ?? "salesforce");
  const moneyOf = (row: SourceRow, index: number): { amount: number; currency: string | undefined } | undefined => {
    const text = cellText(row, oh.amount);
    if (text === undefined) return undefined;
    const amount = Number(text);
    if (!Number.isFinite(amount) || amount < 0) {
      problem(
        "opportunityHistory",
        index,
        oh.amount,
        "invalid_type",
        `"${text}" is no amount: the row's amount is not read`,
      );
      return undefined;
    }
    return { amount, currency: cellText(row, oh.currency)?.toUpperCase() };
  };
  // Each opportunity's first amount is the pipeline its conversion created.
  const firstAmount = new Map<string, { amount: number; currency: string | undefined }>();
  for (const { row, index, ms, list, id } of stageRows) {
    const money = moneyOf(row, index);
    if (money !== undefined && !firstAmount.has(id)) firstAmount.set(id, money);
    const stage = cellText(row, oh.stage);
    const close = stage === undefined ? undefined : stages.get(stage.toLowerCase());
    if (close === undefined) continue;
    const handoff = handoffAt(list, ms);
    if (handoff === undefined) continue;
    const earlier = found.get(handoff.id) ?? [];
    const closed = [...handoff.events, ...earlier.map((entry) => entry.event)]
      .filter((event) => event.type === "opportunity_won" || event.type === "opportunity_lost")
      .at(-1);
    const type = close === "won" ? "opportunity_won" : "opportunity_lost";
    if (closed !== undefined && closed.type !== type) {
      problem(
        "opportunityHistory",
        index,
        oh.stage,
        "inconsistent_history",
        `The opportunity was ${closed.type === "opportunity_won" ? "won" : "lost"} before, then ${stage as string}: ` +
          "a closed handoff keeps its outcome, so this row is not read",
      );
      continue;
    }
    if (lastOfType(handoff, earlier, "accepted", ms) === undefined) {
      problem(
        "opportunityHistory",
        index,
        oh.stage,
        "inconsistent_history",
        `The opportunity was ${close} (${stage as string}), but the handoff was not accepted by then: not read`,
      );
      continue;
    }
    // A close again is a correction only when its amount changed; a row without one changes nothing.
    const same =
      closed !== undefined &&
      (closed.type === "opportunity_lost" ||
        money === undefined ||
        (closed.amount === money.amount && closed.currency === money.currency));
    if (same) continue;
    add(
      handoff,
      index,
      close === "won"
        ? {
            // Two amounts in one second are two changes: the amount keeps their ids apart.
            id: `${handoff.id}:won:${String(ms)}:${String(money?.amount)}`,
            seq: leadHistory.length + index,
            type: "opportunity_won",
            at: new Date(ms),
            by: by(row),
            ...moneyFields(money),
          }
        : {
            id: `${handoff.id}:lost:${String(ms)}`,
            seq: leadHistory.length + index,
            type: "opportunity_lost",
            at: new Date(ms),
            by: by(row),
          },
    );
  }

  // The pipeline of an acceptance the conversion made: the opportunity's first amount.
  for (const [id, list] of found)
    for (const [position, entry] of list.entries())
      if (entry.event.type === "accepted") {
        const opportunity = links.opportunityOf.get(id);
        const money = opportunity === undefined ? undefined : firstAmount.get(opportunity);
        if (money !== undefined) list[position] = { ...entry, event: { ...entry.event, ...moneyFields(money) } };
      }

  const reading = (handoff: Handoff, until: number) => ({
    role: leadOwner ?? "ae",
    names,
    until,
    checkEnd: false,
    problem: (index: number, code: AdapterIssue["code"], message: string) => {
      problem("leadHistory", index, lh.newValue, code, message);
    },
  });
  for (const handoff of handoffs) names.set(handoff[leadOwner ?? "ae"].id, handoff[leadOwner ?? "ae"].name);
  for (const [id, name] of ownerNames) if (!names.has(id)) names.set(id, name);
  const result = handoffs.map((handoff) => {
    let next = handoff;
    const owner = owners.get(handoff.id);
    if (owner !== undefined) next = withOwnerChanges(next, owner.changes, reading(handoff, owner.until));
    return withFound(next, found.get(handoff.id));
  });
  return { handoffs: result, issues: tablesRead.sorted() };
}

function moneyFields(money: { amount: number; currency: string | undefined } | undefined): {
  amount?: number;
  currency?: string;
} {
  if (money === undefined) return {};
  return money.currency === undefined ? { amount: money.amount } : { amount: money.amount, currency: money.currency };
}

function textOption(value: unknown, fn: string, name: string): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.${name} must be a field's name: ${describeValue(value)}`,
    });
  return value.trim();
}

function statusesOf(given: unknown, fn: string): ReadonlySet<string> {
  const list: unknown = given ?? [];
  if (!Array.isArray(list) || list.some((value) => typeof value !== "string" || value.trim() === ""))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.recycleStatuses must be a list of status values: ${describeValue(list)}`,
    });
  return new Set((list as string[]).map((value) => value.trim().toLowerCase()));
}

function stagesOf(given: unknown, fn: string): ReadonlyMap<string, OpportunityClose> {
  const mapped: unknown = given ?? {};
  if (!isRecord(mapped))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.stages must be an object of won or lost by stage: ${describeValue(mapped)}`,
    });
  const stages = new Map<string, OpportunityClose>(
    Object.entries(SALESFORCE_CLOSED_STAGES).map(([stage, close]) => [stage.toLowerCase(), close]),
  );
  for (const [stage, close] of Object.entries(mapped) as [string, unknown][]) {
    if (close !== "won" && close !== "lost")
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: options.stages[${JSON.stringify(stage)}] must be won or lost: ${describeValue(close)}`,
      });
    stages.set(stage.trim().toLowerCase(), close);
  }
  return stages;
}
