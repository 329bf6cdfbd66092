// weekStarts and the weeks table: the rows worked out by hand from the zones' rules (New York's
// fall-back, Santiago's spring-forward at midnight, which skips a week's first hour), the misuse
// refused, and a hand-worked scoreboard in DuckDB whose weeks come from the table: the weeks named as
// the in-memory scoreboard names them, and a table that does not reach a handoff refused on reading.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertValues } from "./duckdb-csv.js";
import { HandoffKitError } from "../../src/index.js";
import {
  createTablesSql,
  rejectionReasonsSql,
  scoreboardFromSql,
  scoreboardSql,
  summaryTableCsv,
  weekStarts,
  weekTableCsv,
  type ScoreboardSqlOptions,
} from "../../src/sql/index.js";
import { row } from "../metrics/rows.js";

const iso = (rows: Iterable<{ weekStart: string; start: Date; end: Date }>): string[][] =>
  [...rows].map((r) => [r.weekStart, r.start.toISOString(), r.end.toISOString()]);

describe("weekStarts, worked by hand", () => {
  it("starts New York's weeks at local midnight, EDT before the first Sunday of November and EST after", () => {
    // 2026-11-01 is that Sunday: the week of Monday 26 October starts at 00:00 EDT (04:00 UTC) and ends
    // at the next Monday's 00:00 EST (05:00 UTC), a week of 169 hours.
    const weeks = weekStarts(
      { timeZone: "America/New_York" },
      new Date("2026-11-01T12:00Z"),
      new Date("2026-11-10T00:00Z"),
    );
    expect(iso(weeks)).toEqual([
      ["2026-10-26", "2026-10-26T04:00:00.000Z", "2026-11-02T05:00:00.000Z"],
      ["2026-11-02", "2026-11-02T05:00:00.000Z", "2026-11-09T05:00:00.000Z"],
      ["2026-11-09", "2026-11-09T05:00:00.000Z", "2026-11-16T05:00:00.000Z"],
    ]);
    expect([...weeks][0]).toMatchObject({ timeZone: "America/New_York", startsOn: "mon" });
  });

  it("starts a week whose midnight the clock skips at the first instant after it (Santiago, from Sunday)", () => {
    // Chile moves to summer time as Saturday 5 September 2026 ends: Sunday's 00:00 -04 (04:00 UTC) is
    // 01:00 -03, so the week of Sunday 6 September starts at 04:00 UTC, and the next at 00:00 -03.
    const weeks = weekStarts(
      { timeZone: "America/Santiago", startsOn: "sun" },
      new Date("2026-09-01T00:00Z"),
      new Date("2026-09-13T03:00Z"),
    );
    expect(iso(weeks)).toEqual([
      ["2026-08-30", "2026-08-30T04:00:00.000Z", "2026-09-06T04:00:00.000Z"],
      ["2026-09-06", "2026-09-06T04:00:00.000Z", "2026-09-13T03:00:00.000Z"],
    ]);
  });

  it("gives UTC weeks from Monday by default, none for an empty range, and writes the table's CSV", () => {
    const from = new Date("2026-11-23T00:00Z");
    expect(iso(weekStarts(undefined, from, new Date("2026-11-30T00:00Z")))).toEqual([
      ["2026-11-23", "2026-11-23T00:00:00.000Z", "2026-11-30T00:00:00.000Z"],
    ]);
    expect([...weekStarts({}, from, from)]).toEqual([]);
    expect([
      ...weekTableCsv(weekStarts({ timeZone: "Asia/Kolkata", startsOn: "sat" }, from, Date.UTC(2026, 10, 24))),
    ]).toEqual([
      "time_zone,starts_on,week_start,start_utc,end_utc\n",
      // Saturday 21 November 00:00 IST is 18:30 UTC the day before.
      "Asia/Kolkata,sat,2026-11-21,2026-11-20T18:30:00.000Z,2026-11-27T18:30:00.000Z\n",
    ]);
  });

  it("refuses misuse with a HandoffKitError naming the argument", () => {
    const a = new Date("2026-11-23T00:00Z");
    expect(() => weekStarts({ timeZone: "Mars/Olympus" }, a, a)).toThrow(
      expect.objectContaining({ code: "invalid_time_zone" }),
    );
    // @ts-expect-error: weeks are { timeZone, startsOn }, not a zone's name
    expect(() => weekStarts("Europe/Paris", a, a)).toThrow(/weekStarts: week must be/u);
    // @ts-expect-error: a day is "mon" to "sun"
    expect(() => weekStarts({ startsOn: "monday" }, a, a)).toThrow(HandoffKitError);
    expect(() => weekStarts({}, Number.NaN, a)).toThrow(/weekStarts: from/u);
  });
});

describe("the weeks table in DuckDB, worked by hand", () => {
  const now = new Date("2026-11-14T02:00:00Z");
  // Weeks in New York from Monday: a booked at 03:30 UTC on Monday 2 November is still Sunday night in
  // New York (22:30 EST), so in the week of 26 October; b at 05:30 UTC is Monday's 00:30, the next week.
  const rows = [
    row({ id: "a", sdrId: "sdr-a", bookedAt: new Date("2026-11-02T03:30:00Z") }),
    row({ id: "b", sdrId: "sdr-a", bookedAt: new Date("2026-11-02T05:30:00Z") }),
  ];
  const options: ScoreboardSqlOptions = {
    dialect: "duckdb",
    now,
    groupBy: "week",
    week: { timeZone: "America/New_York" },
    weekSource: "table",
  };
  let db: DuckDBConnection;
  let close: () => void;
  const read = async (): Promise<ReturnType<typeof scoreboardFromSql>> =>
    scoreboardFromSql(
      {
        scoreboard: (await db.runAndReadAll(scoreboardSql(options))).getRowObjectsJS(),
        reasons: (await db.runAndReadAll(rejectionReasonsSql(options))).getRowObjectsJS(),
      },
      options,
    );
  beforeAll(async () => {
    const instance = await DuckDBInstance.create(":memory:");
    db = await instance.connect();
    close = () => {
      db.closeSync();
      instance.closeSync();
    };
    await db.run(createTablesSql("duckdb"));
    await db.run(`INSERT INTO handoff_summaries VALUES ${insertValues(summaryTableCsv(rows))}`);
  });
  afterAll(() => {
    close();
  });

  it("names each handoff's week by the table's row at or before it, and counts SDR-weeks from it", async () => {
    const weeks = weekStarts(options.week, new Date("2026-10-01T00:00Z"), new Date("2026-12-01T00:00Z"));
    // Loaded twice, and beside another zone's weeks: each week counts once, and only New York's are read.
    const berlin = weekStarts(
      { timeZone: "Europe/Berlin" },
      new Date("2026-10-01T00:00Z"),
      new Date("2026-12-01T00:00Z"),
    );
    for (const table of [weeks, weeks, berlin])
      await db.run(`INSERT INTO week_starts VALUES ${insertValues(weekTableCsv(table))}`);
    const board = await read();
    expect(board.groups.map((group) => [group.key, group.metrics.handoffs])).toEqual([
      ["2026-10-26", 1],
      ["2026-11-02", 1],
    ]);
    // One SDR in two weeks: two SDR-weeks, neither with an accepted meeting.
    expect(board.overall.qualifiedMeetingsPerSdrWeek).toMatchObject({ numerator: 0, denominator: 2 });
  });

  it("refuses, on reading, handoffs whose instant the table does not reach", async () => {
    // Only the week of 2 November is left: a's instant, in the week before, is outside the table.
    await db.run("DELETE FROM week_starts WHERE week_start <> '2026-11-02'");
    await expect(read()).rejects.toThrow(/1 handoffs have an instant the weeks table does not reach/u);
    // And past the table's end as well: the last week ends, it does not run on.
    await db.run("DELETE FROM week_starts WHERE week_start = '2026-11-02'");
    const october = weekStarts(options.week, Date.UTC(2026, 9, 20), Date.UTC(2026, 9, 27));
    await db.run(`INSERT INTO week_starts VALUES ${insertValues(weekTableCsv(october))}`);
    await expect(read()).rejects.toThrow(/1 handoffs have/u);
  });
});
