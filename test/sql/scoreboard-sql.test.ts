// scoreboardSql: a hand-worked example run in DuckDB (weeks cut in New York across the autumn DST
// night, business time on a calendar, type-7 quantiles), the BigQuery and Snowflake SQL accepted by a
// SQL parser for each, the four dialects' SQL kept as reviewed snapshot files, and misuse refused.
import { DuckDBInstance } from "@duckdb/node-api";
import NodeSqlParser from "node-sql-parser";
import { describe, expect, it } from "vitest";
import { insertValues } from "./duckdb-csv.js";
import { HandoffKitError } from "../../src/index.js";
import { defineCalendar } from "../../src/sla/index.js";
import {
  calendarIntervals,
  createTablesSql,
  intervalTableCsv,
  rejectionReasonsSql,
  scoreboardSql,
  SQL_DIALECTS,
  summaryTableCsv,
  type ScoreboardSqlOptions,
} from "../../src/sql/index.js";
import { row } from "../metrics/rows.js";

const HOUR = 3_600_000;
const now = new Date("2026-11-14T02:00:00Z");
const omar = defineCalendar({
  timeZone: "America/New_York",
  week: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [["09:00", "17:00"]]])),
});

// US clocks go back at 06:00Z on Sunday 1 November 2026 (02:00 EDT becomes 01:00 EST).
const rows = [
  // Saturday 31 October, 23:30 EDT: the week starting Sunday 25 October in New York, though
  // 1 November in UTC. Followed up an hour later, all of it on the weekend.
  row({
    id: "a",
    bookedAt: new Date("2026-11-01T03:30:00Z"),
    firstFollowUpAt: new Date("2026-11-01T04:30:00Z"),
    status: "accepted",
    decision: "accepted",
    decidedAt: new Date("2026-11-03T09:00:00Z"),
    meetingStatus: "held",
    style: "warm",
    quality: 4,
    acceptedAmount: 50_000,
  }),
  // Sunday 1 November, 00:30 EDT: the week of 1 November.
  row({ id: "b", bookedAt: new Date("2026-11-01T04:30:00Z"), meetingStatus: "no_show", style: "cold" }),
  // Monday 09:00 EST, followed up at 10:30: 1.5 hours, all of them open.
  row({
    id: "c",
    bookedAt: new Date("2026-11-02T14:00:00Z"),
    firstFollowUpAt: new Date("2026-11-02T15:30:00Z"),
    meetingStart: new Date("2026-11-20T15:00:00Z"),
  }),
  // Friday 16:00 EST, followed up Monday 10:00 EST: 66 hours, 2 of them open. Its meeting has
  // passed with no outcome recorded.
  row({
    id: "d",
    bookedAt: new Date("2026-11-06T21:00:00Z"),
    firstFollowUpAt: new Date("2026-11-09T15:00:00Z"),
    meetingStatus: "rescheduled",
    meetingStart: new Date("2026-11-10T15:00:00Z"),
  }),
  // A draft made on Tuesday 10 November: the week of 8 November.
  row({
    id: "e",
    status: "draft",
    cycles: 0,
    createdAt: new Date("2026-11-10T15:00:00Z"),
    bookedAt: undefined,
    firstBookedAt: undefined,
    meetingStatus: "none",
    meetingStart: undefined,
  }),
  // Refused events: left out of everything.
  row({ id: "f", skippedEvents: 1, meetingStatus: "held" }),
];

async function runInDuckDB(options: Omit<ScoreboardSqlOptions, "dialect">): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    await db.run(createTablesSql("duckdb"));
    await db.run(`INSERT INTO handoff_summaries VALUES ${insertValues(summaryTableCsv(rows))}`);
    const intervals = calendarIntervals(
      { "ae-omar": omar },
      new Date("2026-10-20T00:00Z"),
      new Date("2026-11-20T00:00Z"),
    );
    await db.run(`INSERT INTO calendar_intervals VALUES ${insertValues(intervalTableCsv(intervals))}`);
    const result = await db.runAndReadAll(scoreboardSql({ ...options, dialect: "duckdb" }));
    return result
      .getRowObjectsJS()
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([key, value]) => [key, typeof value === "bigint" ? Number(value) : value]),
        ),
      );
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

describe("scoreboardSql, worked by hand", () => {
  it("counts meetings, decisions and SDR-weeks in New York weeks, and measures follow-ups", async () => {
    const [overall, ...groups] = await runInDuckDB({
      now,
      groupBy: "week",
      week: { timeZone: "America/New_York", startsOn: "sun" },
      businessTime: true,
    });
    expect(overall).toMatchObject({
      scope: "overall",
      week_start: null,
      handoffs: 5,
      meetings_booked: 4,
      meetings_held: 1,
      meetings_no_show: 1,
      meetings_cancelled: 0,
      meetings_upcoming: 1,
      meetings_past_unrecorded: 1,
      // Held over the meetings that came due: a, b and d.
      held_rate_numerator: 1,
      held_rate_denominator: 3,
      show_rate: 0.5,
      held_rate_warm: 1,
      held_rate_cold: 0,
      acceptance_rate: 1,
      handoff_to_opportunity_rate: 0.25,
      // One acceptance over two SDR-weeks with a booking: 25 October (a) and 1 November (b, c, d).
      qualified_meetings_per_sdr_week_numerator: 1,
      qualified_meetings_per_sdr_week_denominator: 2,
      qualified_meetings_per_sdr_week: 0.5,
      pipeline_amount: 50_000,
      pipeline_amount_sdr_sourced: 50_000,
      pipeline_amount_inbound: 0,
      meeting_quality: 4,
      meeting_quality_low: null,
      meeting_quality_4: 1,
      // 1 h, 1.5 h and 66 h: median 1.5 h; p90 at h = 2 x 0.9 = 1.8, 1.5 h + 0.8 x 64.5 h = 53.1 h.
      time_to_first_follow_up_count: 3,
      time_to_first_follow_up_median: 1.5 * HOUR,
      time_to_first_follow_up_mean: (68.5 * HOUR) / 3,
      // Open time: 0 (the weekend), 1.5 h, 2 h (Friday 16-17, Monday 9-10): p90 1.5 h + 0.8 x 0.5 h = 1.9 h.
      time_to_first_follow_up_business_count: 3,
      time_to_first_follow_up_business_median: 1.5 * HOUR,
    });
    expect(overall?.["held_rate"]).toBeCloseTo(1 / 3, 15);
    expect(overall?.["time_to_first_follow_up_p90"]).toBeCloseTo(53.1 * HOUR, 6);
    expect(overall?.["time_to_first_follow_up_business_p90"]).toBeCloseTo(1.9 * HOUR, 6);
    // Wilson at 95% for 1 of 2: (0.5 + z²/4) / (1 + z²/2) -/+ z / (1 + z²/2) x sqrt(1/8 + z²/16), z = 1.959964.
    expect(overall?.["show_rate_low"]).toBeCloseTo(0.0945312, 6);
    expect(overall?.["show_rate_high"]).toBeCloseTo(0.9054688, 6);
    expect(overall?.["held_rate_low_sample"]).toBe(true);
    expect(groups.map((group) => [group["week_start"], group["handoffs"], group["meetings_booked"]])).toEqual([
      ["2026-10-25", 1, 1],
      ["2026-11-01", 3, 3],
      ["2026-11-08", 1, 0],
    ]);
  });

  it("leaves business time NULL without it, and weeks in UTC from Monday by default", async () => {
    const [overall, ...groups] = await runInDuckDB({ now, groupBy: "week" });
    expect(overall?.["time_to_first_follow_up_business_count"]).toBeNull();
    expect(overall?.["time_to_first_follow_up_business_median"]).toBeNull();
    // In UTC, a and b were both booked on Sunday 1 November: the week of Monday 26 October.
    expect(groups.map((group) => [group["week_start"], group["handoffs"]])).toEqual([
      ["2026-10-26", 2],
      ["2026-11-02", 2],
      ["2026-11-09", 1],
    ]);
  });
});

describe("scoreboardSql at the query's time", () => {
  it("reads the engine's clock: both meetings scheduled have passed on any day after 20 November 2026", async () => {
    const [overall] = await runInDuckDB({ now: "query_time" });
    expect(overall).toMatchObject({ meetings_upcoming: 0, meetings_past_unrecorded: 2 });
    expect(scoreboardSql({ dialect: "bigquery", now: "query_time" })).toContain("< CURRENT_TIMESTAMP()");
    expect(scoreboardSql({ dialect: "snowflake", now: "query_time" })).toContain("< CURRENT_TIMESTAMP()");
    expect(scoreboardSql({ dialect: "postgres", now: "query_time" })).toContain("< CURRENT_TIMESTAMP");
  });
});

const parser = new NodeSqlParser.Parser();
const OPTION_SETS: readonly Omit<ScoreboardSqlOptions, "dialect">[] = [
  { now },
  { now, groupBy: "sdr", businessTime: true },
  { now, groupBy: ["segment", "week"], week: { timeZone: "Europe/London", startsOn: "sun" }, confidence: 0.9 },
  { now: "query_time", groupBy: ["ae", "source"], businessTime: true },
  { now, groupBy: ["sdr", "week"], week: { timeZone: "America/Vancouver" }, weekSource: "table", businessTime: true },
];

describe("BigQuery and Snowflake: checked for syntax, not executed", () => {
  it.each(["bigquery", "snowflake"] as const)("%s: the parser accepts the tables and every query", (dialect) => {
    const tables = {
      summaries: "sales.handoff_summaries",
      intervals: "sales.calendar_intervals",
      weeks: "sales.week_starts",
    };
    expect(() => parser.astify(createTablesSql(dialect, tables), { database: dialect })).not.toThrow();
    for (const options of OPTION_SETS) {
      expect(() => parser.astify(scoreboardSql({ ...options, dialect, tables }), { database: dialect })).not.toThrow();
      expect(() =>
        parser.astify(rejectionReasonsSql({ ...options, dialect, tables }), { database: dialect }),
      ).not.toThrow();
    }
  });

  it("the parser does refuse what it cannot read, so its acceptance means something", () => {
    // The last common table expression left unclosed.
    for (const dialect of ["bigquery", "snowflake"] as const) {
      const broken = scoreboardSql({ dialect, now }).replace(")\nSELECT", "\nSELECT");
      expect(broken).not.toBe(scoreboardSql({ dialect, now }));
      expect(() => parser.astify(broken, { database: dialect })).toThrow();
    }
  });

  it.each(SQL_DIALECTS)("%s: the query is the reviewed snapshot", async (dialect) => {
    const query = scoreboardSql({
      dialect,
      now,
      groupBy: ["sdr", "week"],
      week: { timeZone: "America/New_York", startsOn: "sun" },
      businessTime: true,
    });
    await expect(`${createTablesSql(dialect)}\n${query}`).toMatchFileSnapshot(`snapshots/scoreboard.${dialect}.sql`);
    const reasons = rejectionReasonsSql({ dialect, now, groupBy: "segment" });
    await expect(reasons).toMatchFileSnapshot(`snapshots/rejection-reasons.${dialect}.sql`);
    const weekly = scoreboardSql({
      dialect,
      now,
      groupBy: "week",
      week: { timeZone: "America/Vancouver" },
      weekSource: "table",
    });
    await expect(weekly).toMatchFileSnapshot(`snapshots/scoreboard-week-table.${dialect}.sql`);
  });
});

describe("misuse", () => {
  const refused = (options: unknown): void => {
    expect(() => scoreboardSql(options as ScoreboardSqlOptions)).toThrow(HandoffKitError);
  };
  it("refuses what cannot become SQL, naming it", () => {
    refused(undefined);
    refused({ dialect: "mysql", now });
    refused({ dialect: "duckdb" });
    refused({ dialect: "duckdb", now, groupBy: { name: "team", key: () => "x" } });
    refused({ dialect: "duckdb", now, groupBy: "team" });
    refused({ dialect: "duckdb", now, week: { timeZone: "Mars/Olympus" } });
    refused({ dialect: "duckdb", now, week: "Monday" });
    refused({ dialect: "duckdb", now, confidence: 1 });
    refused({ dialect: "duckdb", now, minSample: -1 });
    refused({ dialect: "duckdb", now, businessTime: "yes" });
    refused({ dialect: "duckdb", now, currency: 840 });
    refused({ dialect: "duckdb", now, tables: "handoffs" });
    expect(() => scoreboardSql({ dialect: "duckdb", now, tables: { summaries: "t; DROP TABLE x" } })).toThrow(
      /tables\.summaries must be a table name/u,
    );
    expect(() => scoreboardSql({ dialect: "duckdb", now, groupBy: { name: "team", key: () => "x" } } as never)).toThrow(
      /a function cannot become SQL/u,
    );
  });

  it("quotes a BigQuery path whole, and allows a project id's dashes there only", () => {
    expect(createTablesSql("bigquery", { summaries: "my-project.sales.handoffs" })).toContain(
      "CREATE TABLE `my-project.sales.handoffs` (",
    );
    expect(() => createTablesSql("duckdb", { summaries: "my-project.sales.handoffs" })).toThrow(HandoffKitError);
  });
});
