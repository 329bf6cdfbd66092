// The rows the SQL scoreboard and the rejection reasons read: the options checked once, and the first
// stages of the query (business time before each follow-up's instants, and one decided row per handoff).
import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import { pure } from "../core/pure.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { HANDOFF_STATUSES, MEETING_STATUSES } from "../handoff/index.js";
import { checkDimensions, precisionOf, requireWeekOptions, SOURCE_INDEX, weekCutter } from "../metrics/internal.js";
import { zScore, type WeekOptions } from "../metrics/index.js";
import { WEEKDAYS } from "../sla/index.js";
import { dialectSql, literal, type DialectSql, type SqlDialect } from "./dialect.js";
import { lookupCte } from "./lookups.js";
import { tableNames, type TableNames } from "./table-layout.js";

/**
 * A dimension the SQL scoreboard groups by: the built-in ones of the in-memory scoreboard (a
 * function cannot become SQL). Each is a column of the result: `sdr_id`, `ae_id`, `segment`,
 * `source`, and `week_start` (the local date the week starts on, `YYYY-MM-DD`, or `none`).
 *
 * @example
 * ```ts
 * import type { SqlGroupDimension } from "handoff-kit/sql";
 * const byTeam: SqlGroupDimension[] = ["segment", "week"];
 * ```
 * @category Scoreboard in SQL
 */
export type SqlGroupDimension = "sdr" | "ae" | "segment" | "source" | "week";

/**
 * The options of {@link scoreboardSql}: the in-memory scoreboard's, less what SQL cannot take (a
 * function dimension, SLA policies), plus the dialect and the tables.
 *
 * @example
 * ```ts
 * import type { ScoreboardSqlOptions } from "handoff-kit/sql";
 * const weekly: ScoreboardSqlOptions = {
 *   dialect: "bigquery",
 *   now: new Date("2026-11-14T02:00:00Z"),
 *   groupBy: "week",
 *   week: { timeZone: "America/New_York", startsOn: "mon" },
 *   tables: { summaries: "sales.handoff_summaries" },
 * };
 * ```
 * @category Scoreboard in SQL
 */
export interface ScoreboardSqlOptions {
  readonly dialect: SqlDialect;
  /**
   * The as-of instant: meetings starting at or after it are upcoming, as in memory. `"query_time"`
   * writes the engine's `CURRENT_TIMESTAMP` instead, for a query saved to run on a schedule.
   */
  readonly now: InstantInput | "query_time";
  /** One dimension or several (a row per combination, after the overall row). */
  readonly groupBy?: SqlGroupDimension | readonly SqlGroupDimension[];
  /** How weeks are cut, for `week` and for SDR-weeks (UTC, Monday by default), written into the SQL. */
  readonly week?: WeekOptions;
  /**
   * Where an instant's week comes from: `"engine"` (the default) converts it to local time with the
   * engine's own time-zone data; `"table"` reads the weeks table (`weekStarts`' rows for the same
   * `week`), so weeks follow handoff-kit's zone rules exactly, whatever the engine's data. A handoff
   * whose instant the table does not reach is counted in the result's `outside_weeks` column, which
   * `scoreboardFromSql` refuses.
   */
  readonly weekSource?: "engine" | "table";
  /** Of every interval (0.95 by default). */
  readonly confidence?: number;
  /** Below this denominator a metric's `_low_sample` is true (10 by default). */
  readonly minSample?: number;
  /** Deal sizes and pipeline count amounts in this currency only (`USD` by default). */
  readonly currency?: string;
  /** The tables' names (`handoff_summaries` and `calendar_intervals` by default). */
  readonly tables?: TableNames;
  /**
   * Business-time follow-up from the intervals table, on each row's `ae_calendar_id` (as the in-memory
   * scoreboard's `calendars` option). Off by default: the business columns are NULL, as in memory
   * without calendars.
   */
  readonly businessTime?: boolean;
}

/** The result's key column of each dimension. */
export const KEY_COLUMNS: Readonly<Record<SqlGroupDimension, string>> = {
  sdr: "sdr_id",
  ae: "ae_id",
  segment: "segment",
  source: "source",
  week: "week_start",
};

/** The largest amount counted, as in memory: 2^53 - 1. */
const MAX_AMOUNT = "9007199254740991";

/** The checked options. */
export interface Plan {
  readonly sql: DialectSql;
  /** Epoch ms, or undefined for the query's own time. */
  readonly now: number | undefined;
  readonly keys: readonly string[];
  readonly timeZone: string;
  readonly isoStart: number;
  readonly weekTable: boolean;
  readonly z: number;
  readonly minSample: number;
  readonly currency: string;
  readonly tables: Required<TableNames>;
  readonly businessTime: boolean;
}

/** The options checked (misuse throws `invalid_argument`, naming `fn`) and resolved to what the SQL needs. */
export function plan(options: ScoreboardSqlOptions, fn: string): Plan {
  if (!isRecord(options))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options must be an object with dialect and now: ${describeValue(options)}`,
    });
  const sql = dialectSql(options.dialect, `${fn}: options.dialect`);
  const now = options.now === "query_time" ? undefined : toEpochMs(options.now, `${fn}: options.now`);
  const dimensions = checkDimensions(options.groupBy, fn);
  const keys = dimensions.map((dimension) => {
    if (typeof dimension !== "string" || !Object.hasOwn(KEY_COLUMNS, dimension))
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: options.groupBy takes sdr, ae, segment, source or week (a function cannot become SQL)`,
      });
    return KEY_COLUMNS[dimension];
  });
  requireWeekOptions((options as { week?: unknown }).week, `${fn}: options.week`);
  const weeks = weekCutter(options.week, `${fn}: options.week`);
  const { confidence, minSample } = precisionOf(options, fn);
  const currency = options.currency ?? "USD";
  if (typeof currency !== "string")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.currency must be a currency code: ${describeValue(currency)}`,
    });
  // Read as unknown: a caller in JavaScript may pass anything.
  const weekSource: unknown = options.weekSource ?? "engine";
  if (weekSource !== "engine" && weekSource !== "table")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.weekSource must be "engine" or "table": ${describeValue(weekSource)}`,
    });
  const { businessTime = false } = options;
  if (typeof businessTime !== "boolean")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.businessTime must be true or false: ${describeValue(businessTime)}`,
    });
  return {
    sql,
    now,
    keys,
    timeZone: weeks.timeZone,
    isoStart: WEEKDAYS.indexOf(weeks.startsOn) + 1,
    weekTable: weekSource === "table",
    z: zScore(confidence),
    minSample,
    currency,
    tables: tableNames(options.tables, sql.dialect, fn, "options.tables"),
    businessTime,
  };
}

/** The current AE's calendar key, as `calendarKey` reads it: the calendar id, else the AE's id (empty is none). */
const aeCalendarKey = (table: string): string => `COALESCE(NULLIF(${table}ae_calendar_id, ''), ${table}ae_id)`;

/** A count of the rows meeting a condition: 0, not NULL, over no rows (a SUM would give NULL there). */
export const countIf = (condition: string): string => `COUNT(CASE WHEN ${condition} THEN 1 END)`;

/**
 * The first stage: one row per handoff the in-memory scoreboard counts (see COUNTED), each value the
 * metrics read already decided: which outcome counts the meeting, which amounts are counted, which
 * durations are measured.
 */
export function baseCte(p: Plan): string {
  const { sql } = p;
  const now = p.now === undefined ? sql.queryTime : sql.instant(p.now);
  // A week's name from the engine's zone data, or from the weeks table found for the instant (NULL
  // where the table does not reach it: outside_weeks counts those).
  const weekOf = (instant: string, table: string): string =>
    p.weekTable ? `${table}.week_start` : sql.dateText(sql.weekStart(sql.localDate(instant, p.timeZone), p.isoStart));
  const created = "COALESCE(s.booked_at, s.created_at)";
  const booked = "s.status <> 'draft' AND s.booked_at IS NOT NULL";
  const amount = (column: string, currency: string): string =>
    `${column} >= 0 AND ${column} <= ${MAX_AMOUNT} AND ` +
    `COALESCE(${currency}, ${literal(p.currency)}) = ${literal(p.currency)}`;
  const span = (from: string, to: string): string =>
    `CASE WHEN ${to} >= ${from} THEN ${sql.double(`${sql.epochMs(to)} - ${sql.epochMs(from)}`)} END`;
  const calendar = aeCalendarKey("s.");
  const business = p.businessTime
    ? `CASE WHEN s.first_follow_up_at >= s.booked_at AND known.calendar_id IS NOT NULL
        THEN ${sql.double("at_follow_up.b_ms - at_booked.b_ms")} END`
    : sql.double("NULL");
  const joins = p.businessTime
    ? `
  LEFT JOIN (SELECT DISTINCT calendar_id FROM ${sql.table(p.tables.intervals)}) known
    ON known.calendar_id = ${calendar}
  LEFT JOIN business_before at_booked
    ON at_booked.calendar_id = ${calendar} AND at_booked.t_ms = ${sql.epochMs("s.booked_at")}
  LEFT JOIN business_before at_follow_up
    ON at_follow_up.calendar_id = ${calendar} AND at_follow_up.t_ms = ${sql.epochMs("s.first_follow_up_at")}`
    : "";
  const weekJoins = p.weekTable
    ? `
  LEFT JOIN week_of week_created ON week_created.t_ms = ${sql.epochMs(created)}
  LEFT JOIN week_of week_booked ON week_booked.t_ms = ${sql.epochMs("s.booked_at")}`
    : "";
  const outside = p.weekTable
    ? `
    CASE WHEN (${created} IS NOT NULL AND week_created.week_start IS NULL)
      OR (${booked} AND week_booked.week_start IS NULL) THEN 1 ELSE 0 END AS outside_weeks,`
    : "";
  return `${p.weekTable ? `${weekCtes(p)},\n` : ""}base AS (
  SELECT
    s.id AS handoff_id,
    ${calendar} AS ae_calendar,
    COALESCE(NULLIF(s.sdr_calendar_id, ''), s.sdr_id) AS sdr_calendar,
    s.sdr_id,
    s.ae_id,
    s.segment,
    s.source,
    ${
      // With the table, an instant it does not reach keeps a NULL week (outside_weeks counts it).
      p.weekTable
        ? `CASE WHEN ${created} IS NULL THEN 'none' ELSE ${weekOf(created, "week_created")} END`
        : `COALESCE(${weekOf(created, "week_created")}, 'none')`
    } AS week_start,${outside}
    s.status,
    s.cycles,
    s.decision,
    s.outcome,
    s.style,
    CASE WHEN s.decision = 'rejected' THEN COALESCE(NULLIF(s.reason, ''), 'unspecified') END AS reason_code,
    CASE
      WHEN s.meeting_status IN ('held', 'no_show', 'cancelled') THEN s.meeting_status
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') AND s.meeting_start < ${now} THEN 'past_unrecorded'
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') THEN 'upcoming'
    END AS meeting,
    -- An SDR-week as one value for COUNT(DISTINCT): the date is fixed-width, so no two pairs collide.
    CASE WHEN ${booked}
      THEN CONCAT(${weekOf("s.booked_at", "week_booked")}, s.sdr_id) END AS sdr_week,
    CASE WHEN s.quality IN (1, 2, 3, 4, 5) THEN s.quality END AS quality,
    CASE WHEN s.decision = 'accepted' AND ${amount("s.accepted_amount", "s.accepted_currency")}
      THEN ${sql.double("s.accepted_amount")} END AS pipeline_amount,
    CASE WHEN s.outcome = 'won' AND ${amount("s.won_amount", "s.won_currency")}
      THEN ${sql.double("s.won_amount")} END AS deal_amount,
    ${span("s.booked_at", "s.first_follow_up_at")} AS follow_up,
    ${business} AS follow_up_business,
    ${span("s.first_touch_at", "s.first_booked_at")} AS touch_to_booked
  FROM ${sql.table(p.tables.summaries)} s${joins}${weekJoins}
  WHERE ${COUNTED}
)`;
}

/**
 * An instant's week from the weeks table (`weekSource: "table"`): the rows of the plan's zone and start
 * day, and for each instant the week that starts at or before it (found by a lookup, see lookups.ts,
 * which carries the week's end and name: a join back to the rows would have PostgreSQL's planner, which
 * takes the result for a row or two, loop over every handoff for each), if the instant is before its
 * end. Rows loaded twice count once.
 */
function weekCtes(p: Plan): string {
  const { sql } = p;
  const summaries = sql.table(p.tables.summaries);
  // The lookup partitions by calendar_id: the weeks are one timeline.
  const one = "'weeks'";
  return `week_rows AS (
  SELECT DISTINCT ${one} AS calendar_id, ${sql.epochMs("start_utc")} AS start_ms, ${sql.epochMs("end_utc")} AS end_ms,
    week_start
  FROM ${sql.table(p.tables.weeks)}
  WHERE time_zone = ${literal(p.timeZone)} AND starts_on = ${literal(WEEKDAYS[p.isoStart - 1] ?? "mon")}
),
week_instants AS (
  SELECT DISTINCT ${one} AS calendar_id, t_ms FROM (
    SELECT ${sql.epochMs("COALESCE(booked_at, created_at)")} AS t_ms FROM ${summaries}
    UNION ALL
    SELECT ${sql.epochMs("booked_at")} AS t_ms FROM ${summaries}
  ) week_instant_list
),
${lookupCte(
  "week_found",
  "at_or_before",
  { from: "week_rows", column: "start_ms", carry: ["end_ms"], carryText: ["week_start"] },
  { from: "week_instants", column: "t_ms" },
  sql.type,
)},
week_of AS (
  SELECT t_ms, week_start FROM week_found WHERE t_ms < end_ms
)`;
}

const id = (column: string): string => `s.${column} IS NOT NULL AND s.${column} <> ''`;
const oneOf = (column: string, values: readonly string[]): string =>
  `s.${column} IN (${values.map((value) => literal(value)).join(", ")})`;

/**
 * The rows the in-memory scoreboard counts, as a condition: the identifying fields present and known,
 * no refused event, and the status agreeing with the decision, the outcome, the meeting and the cycles
 * (a row from elsewhere that disagrees would put a handoff in a numerator without its denominator). A
 * NULL anywhere makes the condition NULL, which WHERE reads as false.
 */
const COUNTED = /* @__PURE__ */ pure(() =>
  [
    id("sdr_id"),
    id("ae_id"),
    id("segment"),
    oneOf("source", Object.keys(SOURCE_INDEX)),
    oneOf("status", HANDOFF_STATUSES),
    oneOf("meeting_status", MEETING_STATUSES),
    "s.cycles >= 0",
    "s.skipped_events = 0",
    "((s.status = 'draft' AND s.cycles = 0) OR (s.status <> 'draft' AND s.cycles > 0))",
    // Disjunctions, not a CASE of conditions: node-sql-parser's Snowflake grammar takes no AND after THEN.
    `((s.status = 'draft' AND s.decision IS NULL AND s.outcome IS NULL AND s.meeting_status = 'none')
      OR (s.status = 'booked' AND s.decision IS NULL AND s.outcome IS NULL)
      OR (s.status = 'accepted' AND s.decision = 'accepted' AND s.outcome IS NULL)
      OR (s.status IN ('won', 'lost') AND s.decision = 'accepted' AND s.outcome = s.status)
      OR (s.status IN ('rejected', 'recycled') AND s.decision = 'rejected' AND s.outcome IS NULL))`,
  ].join("\n    AND "),
);

/**
 * The intervals table as the queries read it: each calendar's distinct intervals in epoch ms, with
 * the open time before each (`open_before`) and through it (`open_through`), as running sums.
 */
export function openIntervalsCte(p: Plan): string {
  const { sql } = p;
  const running =
    "OVER (PARTITION BY calendar_id ORDER BY start_ms\n      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
  return `open_intervals AS (
  SELECT calendar_id, start_ms, end_ms,
    SUM(end_ms - start_ms) ${running} - (end_ms - start_ms) AS open_before,
    SUM(end_ms - start_ms) ${running} AS open_through
  FROM (
    SELECT DISTINCT calendar_id, ${sql.epochMs("start_utc")} AS start_ms, ${sql.epochMs("end_utc")} AS end_ms
    FROM ${sql.table(p.tables.intervals)}
    WHERE end_utc > start_utc
  ) distinct_intervals
)`;
}

/** The interval columns a lookup at or before an instant carries, for {@link businessBefore}. */
export const INTERVAL_ROW = ["start_ms", "end_ms", "open_before"] as const;

/**
 * Business time before `instant` on its calendar, from the interval a lookup found at or before it
 * (its columns under `row.`): the open time before that interval, and the part of it up to the
 * instant; 0 with no interval before.
 */
export const businessBefore = (row: string, instant: string): string =>
  `COALESCE(${row}.open_before + LEAST(${instant} - ${row}.start_ms, ${row}.end_ms - ${row}.start_ms), 0)`;

/**
 * Business time before each instant a follow-up is measured between, on its calendar, with no range
 * join: the interval at or before each instant found by a lookup (see lookups.ts). Sorting scales
 * where a join of every handoff to every interval of its calendar would not.
 */
export function businessCtes(p: Plan): string {
  const { sql } = p;
  const calendar = aeCalendarKey("");
  // UNION ALL under a DISTINCT: BigQuery has no bare UNION, Snowflake no UNION DISTINCT.
  return `instants AS (
  SELECT DISTINCT calendar_id, t_ms FROM (
    SELECT ${calendar} AS calendar_id, ${sql.epochMs("booked_at")} AS t_ms
    FROM ${sql.table(p.tables.summaries)}
    WHERE skipped_events = 0 AND first_follow_up_at >= booked_at
    UNION ALL
    SELECT ${calendar} AS calendar_id, ${sql.epochMs("first_follow_up_at")} AS t_ms
    FROM ${sql.table(p.tables.summaries)}
    WHERE skipped_events = 0 AND first_follow_up_at >= booked_at
  ) follow_up_instants
),
${openIntervalsCte(p)},
${lookupCte(
  "interval_before",
  "at_or_before",
  { from: "open_intervals", column: "start_ms", carry: INTERVAL_ROW },
  { from: "instants", column: "t_ms" },
  sql.type,
)},
business_before AS (
  SELECT calendar_id, t_ms, ${businessBefore("i", "t_ms")} AS b_ms
  FROM interval_before i
)`;
}
