/**
 * SQL: handoff-kit's business time and metric definitions where the data lives, in DuckDB,
 * PostgreSQL, BigQuery and Snowflake. The table layout and its writers put summary rows and calendar
 * intervals into tables; `scoreboardSql` computes the scoreboard from them with the in-memory
 * definitions; `calendarIntervals` turns business calendars into a table of open intervals, so SQL
 * measures business time with the zone, DST and holiday rules applied here.
 *
 * @module handoff-kit/sql
 */
export { calendarDays, type CalendarDayRow } from "./calendar-days.js";
export { calendarIntervals, type CalendarIntervalRow } from "./calendar-intervals.js";
export { SQL_DIALECTS, type ColumnKind, type SqlDialect } from "./dialect.js";
export {
  createTablesSql,
  DAY_COLUMNS,
  EVENT_COLUMNS,
  INTERVAL_COLUMNS,
  SUMMARY_COLUMNS,
  WEEK_COLUMNS,
  type TableColumn,
  type TableNames,
} from "./table-layout.js";
export {
  dayTableCsv,
  eventTableCsv,
  eventTableRows,
  intervalTableCsv,
  summaryTableCsv,
  summaryTableRows,
  type EventTableOptions,
  weekTableCsv,
  type TableCell,
} from "./table-rows.js";
export type { ScoreboardSqlOptions, SqlGroupDimension } from "./base-rows.js";
export { rejectionReasonsSql } from "./rejection-reasons-sql.js";
export { scoreboardFromSql, type ScoreboardSqlResults, type SqlRow } from "./scoreboard-from-sql.js";
export { scoreboardSql } from "./scoreboard-sql.js";
export { weekStarts, type WeekStartRow } from "./week-starts.js";
export { slaComplianceSql, type SlaComplianceSqlOptions } from "./sla-compliance-sql.js";
