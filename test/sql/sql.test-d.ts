import { describe, expectTypeOf, it } from "vitest";
import type { HandoffSummary } from "../../src/handoff/index.js";
import type { Calendar } from "../../src/sla/index.js";
import {
  calendarIntervals,
  createTablesSql,
  intervalTableCsv,
  rejectionReasonsSql,
  scoreboardSql,
  summaryTableCsv,
  summaryTableRows,
  SUMMARY_COLUMNS,
  weekStarts,
  weekTableCsv,
  type CalendarIntervalRow,
  type WeekStartRow,
  type ScoreboardSqlOptions,
  type SqlDialect,
  type TableCell,
} from "../../src/sql/index.js";

declare const rows: readonly HandoffSummary[];
declare const calendars: Readonly<Record<string, Calendar>>;
const now = new Date("2026-11-14T02:00:00Z");

describe("sql types", () => {
  it("writes SQL text for the four dialects and no other", () => {
    expectTypeOf(scoreboardSql({ dialect: "duckdb", now })).toEqualTypeOf<string>();
    expectTypeOf(rejectionReasonsSql({ dialect: "snowflake", now: "query_time" })).toEqualTypeOf<string>();
    expectTypeOf(createTablesSql("bigquery", { summaries: "sales.handoffs" })).toEqualTypeOf<string>();
    expectTypeOf<SqlDialect>().toEqualTypeOf<"duckdb" | "postgres" | "bigquery" | "snowflake">();
    // @ts-expect-error: MySQL is not a dialect
    scoreboardSql({ dialect: "mysql", now });
    // @ts-expect-error: the as-of instant is required
    scoreboardSql({ dialect: "duckdb" });
    // @ts-expect-error: "now" as text is no instant: a Date, epoch ms or "query_time"
    scoreboardSql({ dialect: "duckdb", now: "2026-11-14T02:00:00Z" });
  });

  it("groups by the built-in dimensions only: a function cannot become SQL", () => {
    expectTypeOf<ScoreboardSqlOptions["groupBy"]>().toEqualTypeOf<
      | "sdr"
      | "ae"
      | "segment"
      | "source"
      | "week"
      | readonly ("sdr" | "ae" | "segment" | "source" | "week")[]
      | undefined
    >();
    // @ts-expect-error: a grouping function is the in-memory scoreboard's only
    scoreboardSql({ dialect: "duckdb", now, groupBy: { name: "team", key: () => "x" } });
  });

  it("writes rows of cells and CSV lines lazily", () => {
    expectTypeOf(summaryTableRows(rows)).toEqualTypeOf<Iterable<readonly TableCell[]>>();
    expectTypeOf(summaryTableCsv(rows)).toEqualTypeOf<Iterable<string>>();
    expectTypeOf(calendarIntervals(calendars, now, now)).toEqualTypeOf<Iterable<CalendarIntervalRow>>();
    expectTypeOf(intervalTableCsv(calendarIntervals(calendars, now, now))).toEqualTypeOf<Iterable<string>>();
    expectTypeOf(SUMMARY_COLUMNS[0]?.field).toEqualTypeOf<keyof HandoffSummary | undefined>();
    // @ts-expect-error: the summary table takes summary rows, not calendars' intervals
    summaryTableCsv(calendarIntervals(calendars, now, now));
  });

  it("writes the weeks table from week options, and reads it only when asked", () => {
    expectTypeOf(weekStarts({ timeZone: "Europe/Paris" }, now, now)).toEqualTypeOf<Iterable<WeekStartRow>>();
    expectTypeOf(weekTableCsv(weekStarts(undefined, now, now))).toEqualTypeOf<Iterable<string>>();
    expectTypeOf<ScoreboardSqlOptions["weekSource"]>().toEqualTypeOf<"engine" | "table" | undefined>();
    // @ts-expect-error: weeks come from the engine or the table, nothing else
    scoreboardSql({ dialect: "duckdb", now, weekSource: "session" });
    // @ts-expect-error: the weeks table takes weeks, not calendars' intervals
    weekTableCsv(calendarIntervals(calendars, now, now));
  });
});
