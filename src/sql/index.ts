/**
 * SQL: handoff-kit's business time and metric definitions where the data lives, in DuckDB,
 * PostgreSQL, BigQuery and Snowflake. `calendarIntervals` turns business calendars into a table of
 * open intervals, so SQL measures business time with the zone, DST and holiday rules applied here.
 *
 * @module handoff-kit/sql
 */
export { calendarIntervals, type CalendarIntervalRow } from "./calendar-intervals.js";
