import { match } from "ts-pattern";
import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";

/**
 * The SQL dialects handoff-kit writes: DuckDB and PostgreSQL (run in its tests on the real engines),
 * BigQuery and Snowflake (checked for syntax by a SQL parser, not executed).
 *
 * @example
 * ```ts
 * import { SQL_DIALECTS } from "handoff-kit/sql";
 * SQL_DIALECTS; // ["duckdb", "postgres", "bigquery", "snowflake"]
 * ```
 * @category Table layout
 */
export const SQL_DIALECTS = ["duckdb", "postgres", "bigquery", "snowflake"] as const;

/**
 * One of {@link SQL_DIALECTS}.
 *
 * @example
 * ```ts
 * import type { SqlDialect } from "handoff-kit/sql";
 * const warehouse: SqlDialect = "snowflake";
 * ```
 * @category Table layout
 */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/**
 * A column's kind in the table layout; each dialect names its type (`createTablesSql` writes them).
 *
 * @example
 * ```ts
 * import { SUMMARY_COLUMNS, type ColumnKind } from "handoff-kit/sql";
 * const instants = SUMMARY_COLUMNS.filter((column) => column.kind === ("instant" satisfies ColumnKind));
 * ```
 * @category Table layout
 */
export type ColumnKind = "text" | "integer" | "double" | "instant";

/**
 * What differs between the dialects, each piece a function of SQL text: everything else the
 * generated SQL uses (CASE, COALESCE, window functions, COUNT DISTINCT, CONCAT, NULLIF, SQRT) is
 * written the same in all four. Time is read only through functions that name the zone, never the
 * session's: a session zone (or Snowflake's WEEK_START) must not change a number.
 */
export interface DialectSql {
  readonly dialect: SqlDialect;
  /** The column type of a kind. */
  readonly type: (kind: ColumnKind) => string;
  /** A table name as the dialect writes it. */
  readonly table: (name: string) => string;
  /** An expression cast to a 64-bit float. */
  readonly double: (expression: string) => string;
  /** An instant given in epoch milliseconds, as a literal of the instant type. */
  readonly instant: (epochMs: number) => string;
  /** The instant the query runs at. */
  readonly queryTime: string;
  /** An instant expression's epoch milliseconds (a whole number). */
  readonly epochMs: (instant: string) => string;
  /** The local date of an instant in an IANA zone. */
  readonly localDate: (instant: string, timeZone: string) => string;
  /** The date a week starts on, for a date, weeks starting on ISO weekday `isoStart` (1 = Monday). */
  readonly weekStart: (date: string, isoStart: number) => string;
  /** A date as `YYYY-MM-DD` text, whatever the session's date style. */
  readonly dateText: (date: string) => string;
  /**
   * The engine's exact, interpolating percentile aggregate (type 7), or undefined where there is
   * none (BigQuery's `PERCENTILE_CONT` is a window function only): the query then ranks the values.
   */
  readonly percentile: ((value: string, fraction: string) => string) | undefined;
}

/** A string literal: single quotes doubled (every dialect reads `''` as one quote). */
export const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const BIGQUERY_WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;

/** A table name: dot-separated parts of letters, digits and `_` (and `-` in BigQuery project ids). */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/u;
const BIGQUERY_TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/u;

/**
 * Checks a table name given by a caller, which is written into SQL text: anything but a plain
 * (optionally schema- or dataset-qualified) name throws `invalid_argument`, so no name can inject SQL.
 */
export function requireTableName(name: unknown, dialect: SqlDialect, label: string): asserts name is string {
  const pattern = dialect === "bigquery" ? BIGQUERY_TABLE_NAME : TABLE_NAME;
  if (typeof name !== "string" || !pattern.test(name))
    throw new HandoffKitError("invalid_argument", {
      detail:
        `${label} must be a table name (letters, digits and _, optionally qualified as schema.table ` +
        `or project.dataset.table): ${describeValue(name)}`,
    });
}

const iso = (epochMs: number): string => literal(new Date(epochMs).toISOString());

/**
 * The dialect's pieces; an unknown dialect throws `invalid_argument`, naming `label`.
 */
export function dialectSql(dialect: unknown, label: string): DialectSql {
  return match(dialect)
    .returnType<DialectSql>()
    .with("duckdb", () => ({
      dialect: "duckdb",
      type: (kind) =>
        match(kind)
          .with("text", () => "VARCHAR")
          .with("integer", () => "BIGINT")
          .with("double", () => "DOUBLE")
          .with("instant", () => "TIMESTAMPTZ")
          .exhaustive(),
      table: (name) => name,
      double: (expression) => `CAST(${expression} AS DOUBLE)`,
      instant: (epochMs) => `CAST(${iso(epochMs)} AS TIMESTAMPTZ)`,
      queryTime: "current_timestamp",
      epochMs: (instant) => `epoch_ms(${instant})`,
      localDate: (instant, timeZone) => `CAST(${instant} AT TIME ZONE ${literal(timeZone)} AS DATE)`,
      weekStart: (date, isoStart) => `(${date} - CAST(MOD(isodow(${date}) - ${String(isoStart)} + 7, 7) AS INTEGER))`,
      dateText: (date) => `strftime(${date}, '%Y-%m-%d')`,
      percentile: (value, fraction) => `quantile_cont(${value}, ${fraction})`,
    }))
    .with("postgres", () => ({
      dialect: "postgres",
      type: (kind) =>
        match(kind)
          .with("text", () => "TEXT")
          .with("integer", () => "BIGINT")
          .with("double", () => "DOUBLE PRECISION")
          .with("instant", () => "TIMESTAMPTZ")
          .exhaustive(),
      table: (name) => name,
      double: (expression) => `CAST(${expression} AS DOUBLE PRECISION)`,
      instant: (epochMs) => `CAST(${iso(epochMs)} AS TIMESTAMPTZ)`,
      queryTime: "CURRENT_TIMESTAMP",
      // EXTRACT gives exact numeric seconds; FLOOR keeps whole milliseconds as the other engines do.
      epochMs: (instant) => `CAST(FLOOR(EXTRACT(EPOCH FROM ${instant}) * 1000) AS BIGINT)`,
      localDate: (instant, timeZone) => `CAST(${instant} AT TIME ZONE ${literal(timeZone)} AS DATE)`,
      weekStart: (date, isoStart) =>
        `(${date} - CAST(MOD(CAST(EXTRACT(ISODOW FROM ${date}) AS INTEGER) - ${String(isoStart)} + 7, 7) AS INTEGER))`,
      dateText: (date) => `to_char(${date}, 'YYYY-MM-DD')`,
      percentile: (value, fraction) => `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${value})`,
    }))
    .with("bigquery", () => ({
      dialect: "bigquery",
      type: (kind) =>
        match(kind)
          .with("text", () => "STRING")
          .with("integer", () => "INT64")
          .with("double", () => "FLOAT64")
          .with("instant", () => "TIMESTAMP")
          .exhaustive(),
      table: (name) => `\`${name}\``,
      double: (expression) => `CAST(${expression} AS FLOAT64)`,
      instant: (epochMs) => `TIMESTAMP_MILLIS(${String(epochMs)})`,
      queryTime: "CURRENT_TIMESTAMP()",
      epochMs: (instant) => `UNIX_MILLIS(${instant})`,
      localDate: (instant, timeZone) => `DATE(${instant}, ${literal(timeZone)})`,
      weekStart: (date, isoStart) => `DATE_TRUNC(${date}, WEEK(${BIGQUERY_WEEKDAYS[isoStart - 1] ?? "MONDAY"}))`,
      dateText: (date) => `FORMAT_DATE('%Y-%m-%d', ${date})`,
      percentile: undefined,
    }))
    .with("snowflake", () => ({
      dialect: "snowflake",
      type: (kind) =>
        match(kind)
          .with("text", () => "VARCHAR")
          .with("integer", () => "NUMBER(38, 0)")
          .with("double", () => "DOUBLE")
          // TIMESTAMP_TZ keeps each value's offset, so no function below reads the session's zone;
          // plain TIMESTAMP is NTZ or LTZ as the account's TIMESTAMP_TYPE_MAPPING says.
          .with("instant", () => "TIMESTAMP_TZ")
          .exhaustive(),
      table: (name) => name,
      double: (expression) => `CAST(${expression} AS DOUBLE)`,
      instant: (epochMs) => `TO_TIMESTAMP_TZ(${String(epochMs)}, 3)`,
      queryTime: "CURRENT_TIMESTAMP()",
      epochMs: (instant) => `DATE_PART(EPOCH_MILLISECOND, ${instant})`,
      localDate: (instant, timeZone) => `CAST(CONVERT_TIMEZONE(${literal(timeZone)}, ${instant}) AS DATE)`,
      // DAYOFWEEKISO ignores the WEEK_START session parameter; DAYOFWEEK and DATE_TRUNC('WEEK') do not.
      weekStart: (date, isoStart) => `DATEADD(DAY, -MOD(DAYOFWEEKISO(${date}) - ${String(isoStart)} + 7, 7), ${date})`,
      dateText: (date) => `TO_CHAR(${date}, 'YYYY-MM-DD')`,
      percentile: (value, fraction) => `PERCENTILE_CONT(${fraction}) WITHIN GROUP (ORDER BY ${value})`,
    }))
    .otherwise(() => {
      throw new HandoffKitError("invalid_argument", {
        detail: `${label} must be one of ${SQL_DIALECTS.join(", ")}: ${describeValue(dialect)}`,
      });
    });
}
