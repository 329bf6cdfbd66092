import type { HandoffSummary } from "../handoff/index.js";
import type { CalendarDayRow } from "./calendar-days.js";
import type { WeekStartRow } from "./week-starts.js";
import { requireObject } from "../core/guards.js";
import { pure } from "../core/pure.js";
import { dialectSql, requireTableName, type ColumnKind, type SqlDialect } from "./dialect.js";

/**
 * One column of a table in the layout: its SQL name, its kind (each dialect names the type: see
 * `docs/sql.md`), and for the summary table the {@link HandoffSummary} field it holds.
 *
 * @example
 * ```ts
 * import { SUMMARY_COLUMNS } from "handoff-kit/sql";
 * SUMMARY_COLUMNS.find((column) => column.name === "booked_at");
 * // { name: "booked_at", kind: "instant", field: "bookedAt" }
 * ```
 * @category Table layout
 */
export interface TableColumn<Field extends string = string> {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly field: Field;
}

const column = <Field extends string>(name: string, kind: ColumnKind, field: Field): TableColumn<Field> => ({
  name,
  kind,
  field,
});

/**
 * The summary table: one row per handoff, `summarize`'s fields in snake case, in this order. The
 * first skipped event (an object) is not a column: `skipped_events` says whether there is one,
 * and the scoreboard leaves such rows out.
 *
 * @example
 * ```ts
 * import { SUMMARY_COLUMNS } from "handoff-kit/sql";
 * const header = SUMMARY_COLUMNS.map((column) => column.name).join(","); // "id,source,segment,..."
 * ```
 * @category Table layout
 */
export const SUMMARY_COLUMNS: readonly TableColumn<keyof HandoffSummary>[] = /* @__PURE__ */ pure(() => [
  column("id", "text", "id"),
  column("source", "text", "source"),
  column("segment", "text", "segment"),
  column("sdr_id", "text", "sdrId"),
  column("ae_id", "text", "aeId"),
  column("ae_calendar_id", "text", "aeCalendarId"),
  column("sdr_calendar_id", "text", "sdrCalendarId"),
  column("status", "text", "status"),
  column("cycles", "integer", "cycles"),
  column("created_at", "instant", "createdAt"),
  column("first_touch_at", "instant", "firstTouchAt"),
  column("first_booked_at", "instant", "firstBookedAt"),
  column("booked_at", "instant", "bookedAt"),
  column("meeting_status", "text", "meetingStatus"),
  column("meeting_start", "instant", "meetingStart"),
  column("style", "text", "style"),
  column("acknowledged_at", "instant", "acknowledgedAt"),
  column("decision", "text", "decision"),
  column("decided_at", "instant", "decidedAt"),
  column("reason", "text", "reason"),
  column("first_follow_up_at", "instant", "firstFollowUpAt"),
  column("quality", "integer", "quality"),
  column("accepted_amount", "double", "acceptedAmount"),
  column("accepted_currency", "text", "acceptedCurrency"),
  column("won_amount", "double", "wonAmount"),
  column("won_currency", "text", "wonCurrency"),
  column("outcome", "text", "outcome"),
  column("closed_at", "instant", "closedAt"),
  column("corrections", "integer", "corrections"),
  column("duplicate_events", "integer", "duplicateEvents"),
  column("late_events", "integer", "lateEvents"),
  column("skipped_events", "integer", "skippedEvents"),
]);

/**
 * The intervals table: one open interval of one calendar per row, as `calendarIntervals` gives them.
 *
 * @example
 * ```ts
 * import { INTERVAL_COLUMNS } from "handoff-kit/sql";
 * INTERVAL_COLUMNS.map((column) => column.name); // ["calendar_id", "start_utc", "end_utc"]
 * ```
 * @category Table layout
 */
export const INTERVAL_COLUMNS: readonly TableColumn<"calendarId" | "start" | "end">[] = /* @__PURE__ */ pure(() => [
  column("calendar_id", "text", "calendarId"),
  column("start_utc", "instant", "start"),
  column("end_utc", "instant", "end"),
]);

/**
 * The days table: one local day of one calendar per row, as `calendarDays` gives them. The SLA query
 * reads it for the targets that step business days or end with one.
 *
 * @example
 * ```ts
 * import { DAY_COLUMNS } from "handoff-kit/sql";
 * DAY_COLUMNS.map((column) => column.name).slice(0, 4); // ["calendar_id", "local_date", "day_number", "business_day"]
 * ```
 * @category Table layout
 */
export const DAY_COLUMNS: readonly TableColumn<keyof CalendarDayRow>[] = /* @__PURE__ */ pure(() => [
  column("calendar_id", "text", "calendarId"),
  column("local_date", "text", "localDate"),
  column("day_number", "integer", "dayNumber"),
  column("business_day", "integer", "businessDay"),
  column("day_start_utc", "instant", "dayStart"),
  column("offset_ms", "integer", "offsetMs"),
  column("offset_change_utc", "instant", "offsetChange"),
  column("offset_after_ms", "integer", "offsetAfterMs"),
  column("landing_offset_ms", "integer", "landingOffsetMs"),
  column("landing_switch_ms", "integer", "landingSwitchMs"),
  column("landing_offset_after_ms", "integer", "landingOffsetAfterMs"),
  column("open_utc", "instant", "open"),
  column("close_utc", "instant", "close"),
]);

/**
 * The weeks table: one week of one zone and start day per row, as `weekStarts` gives them. The
 * queries read it when `weekSource` is `"table"`; one table may hold the weeks of several zones.
 *
 * @example
 * ```ts
 * import { WEEK_COLUMNS } from "handoff-kit/sql";
 * WEEK_COLUMNS.map((column) => column.name); // ["time_zone", "starts_on", "week_start", "start_utc", "end_utc"]
 * ```
 * @category Table layout
 */
export const WEEK_COLUMNS: readonly TableColumn<keyof WeekStartRow>[] = /* @__PURE__ */ pure(() => [
  column("time_zone", "text", "timeZone"),
  column("starts_on", "text", "startsOn"),
  column("week_start", "text", "weekStart"),
  column("start_utc", "instant", "start"),
  column("end_utc", "instant", "end"),
]);

/**
 * The events table: one row per event a handoff's history folds (sorted, repeated deliveries left
 * out, as `summarize` reads them), with the fields SQL reads: the event's place in that order
 * (`seq`, from 0), its type and instant, who recorded it, and what some types carry (a meeting's
 * slot, a reason, an amount and its currency, a rating, a reassignment's role and rep). Free-text
 * notes are not columns: they stay with the CRM.
 *
 * @example
 * ```ts
 * import { EVENT_COLUMNS } from "handoff-kit/sql";
 * EVENT_COLUMNS.map((column) => column.name).slice(0, 5);
 * // ["handoff_id", "seq", "event_id", "event_type", "event_at"]
 * ```
 * @category Table layout
 */
export const EVENT_COLUMNS: readonly TableColumn[] = /* @__PURE__ */ pure(() => [
  column("handoff_id", "text", "handoffId"),
  column("seq", "integer", "seq"),
  column("event_id", "text", "eventId"),
  column("event_type", "text", "type"),
  column("event_at", "instant", "at"),
  column("actor", "text", "actor"),
  column("meeting_start", "instant", "meetingStart"),
  column("meeting_end", "instant", "meetingEnd"),
  column("reason", "text", "reason"),
  column("amount", "double", "amount"),
  column("currency", "text", "currency"),
  column("score", "integer", "score"),
  column("reassigned_role", "text", "role"),
  column("reassigned_to", "text", "toRep"),
]);

/**
 * The tables' names, as written into SQL: plain names, optionally qualified (`analytics.handoff_summaries`;
 * BigQuery needs `dataset.table` or `project.dataset.table`).
 *
 * @example
 * ```ts
 * import type { TableNames } from "handoff-kit/sql";
 * const names: TableNames = { summaries: "sales.handoff_summaries", intervals: "sales.calendar_intervals" };
 * ```
 * @category Table layout
 */
export interface TableNames {
  /** `handoff_summaries` by default. */
  readonly summaries?: string;
  /** `calendar_intervals` by default. */
  readonly intervals?: string;
  /** `handoff_events` by default. */
  readonly events?: string;
  /** `calendar_days` by default. */
  readonly days?: string;
  /** `week_starts` by default. */
  readonly weeks?: string;
}

/** The table names with their defaults, checked; a name that is not one throws `invalid_argument`. */
export function tableNames(
  names: TableNames | undefined,
  dialect: SqlDialect,
  fn: string,
  label: string,
): Required<TableNames> {
  if (names !== undefined) requireObject(names, fn, label);
  const {
    summaries = "handoff_summaries",
    intervals = "calendar_intervals",
    events = "handoff_events",
    days = "calendar_days",
    weeks = "week_starts",
  } = names ?? {};
  requireTableName(summaries, dialect, `${fn}: ${label}.summaries`);
  requireTableName(intervals, dialect, `${fn}: ${label}.intervals`);
  requireTableName(events, dialect, `${fn}: ${label}.events`);
  requireTableName(days, dialect, `${fn}: ${label}.days`);
  requireTableName(weeks, dialect, `${fn}: ${label}.weeks`);
  return { summaries, intervals, events, days, weeks };
}

/**
 * The `CREATE TABLE` statements of the summary, intervals, events, days and weeks tables in a dialect, separated by
 * blank lines. The types per dialect: text `VARCHAR`/`TEXT`/`STRING`, whole numbers `BIGINT`/`INT64`/
 * `NUMBER(38, 0)`, amounts 64-bit floats, instants `TIMESTAMPTZ` (DuckDB, PostgreSQL), `TIMESTAMP`
 * (BigQuery) and `TIMESTAMP_TZ` (Snowflake: never its session-dependent `TIMESTAMP_LTZ`). An unknown
 * dialect or a bad table name throws `invalid_argument`.
 *
 * @example
 * ```ts
 * import { createTablesSql } from "handoff-kit/sql";
 * console.log(createTablesSql("postgres"));
 * // CREATE TABLE handoff_summaries (
 * //   id TEXT,
 * //   ...
 * ```
 * @category Table layout
 */
export function createTablesSql(dialect: SqlDialect, tables?: TableNames): string {
  const fn = "createTablesSql";
  const sql = dialectSql(dialect, `${fn}: dialect`);
  const names = tableNames(tables, sql.dialect, fn, "tables");
  const create = (name: string, columns: readonly TableColumn[]): string =>
    `CREATE TABLE ${sql.table(name)} (\n${columns.map((c) => `  ${c.name} ${sql.type(c.kind)}`).join(",\n")}\n);\n`;
  return [
    create(names.summaries, SUMMARY_COLUMNS),
    create(names.intervals, INTERVAL_COLUMNS),
    create(names.events, EVENT_COLUMNS),
    create(names.days, DAY_COLUMNS),
    create(names.weeks, WEEK_COLUMNS),
  ].join("\n");
}
