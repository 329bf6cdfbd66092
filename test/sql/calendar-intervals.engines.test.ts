// calendarIntervals in real engines: the intervals table loaded into DuckDB (@duckdb/node-api) and
// PostgreSQL (PGlite, PostgreSQL itself in process), and business time summed in SQL from it for
// pairs of instants on the sample team's calendars, across both autumn DST changes and the holidays;
// each equal to businessTimeBetween. And the DuckDB session of docs/sql.md, run as written there.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { PGlite } from "@electric-sql/pglite";
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessTimeBetween, defineCalendar, parseCalendar, type Calendar } from "../../src/sla/index.js";
import { calendarIntervals, intervalTableCsv } from "../../src/sql/index.js";

const sample = JSON.parse(
  readFileSync(new URL("../../examples/data/sample-handoffs.json", import.meta.url), "utf8"),
) as { calendars: Record<string, unknown> };
const calendars: Record<string, Calendar> = {};
for (const [key, spec] of Object.entries(sample.calendars)) {
  const parsed = parseCalendar(spec);
  if (!parsed.ok) throw new Error(`sample calendar ${key} does not parse`);
  calendars[key] = parsed.value;
}
const FROM = Date.UTC(2026, 7, 1);
const TO = Date.UTC(2027, 0, 1);
const HOUR = 3_600_000;
// Pairs of instants: any in the range, and some on each side of the DST nights (Europe 25 October,
// North America 1 November) and the holidays (Labor Day 7 September, Veterans Day 11 November).
const near = (at: number) => fc.integer({ min: at - 60 * HOUR, max: at + 60 * HOUR });
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  near(Date.UTC(2026, 9, 25, 1)),
  near(Date.UTC(2026, 10, 1, 6)),
  near(Date.UTC(2026, 8, 7, 12)),
  near(Date.UTC(2026, 10, 11, 12)),
);
const pairs = fc
  .sample(fc.tuple(fc.constantFrom(...Object.keys(calendars)), instant, instant), { numRuns: 400, seed: 20261203 })
  .map(([calendarId, x, y], id) => ({ id, calendarId, from: Math.min(x, y), to: Math.max(x, y) }));
const expected = pairs.map((pair) => businessTimeBetween(pair.from, pair.to, calendars[pair.calendarId] as Calendar));
const rows = [...calendarIntervals(calendars, new Date(FROM), new Date(TO))];

const text = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const stamp = (ms: number): string => `'${new Date(ms).toISOString()}'`;
const intervalValues = rows
  .map((row) => `(${text(row.calendarId)}, ${stamp(row.start.getTime())}, ${stamp(row.end.getTime())})`)
  .join(",\n");
const pairValues = pairs
  .map((p) => `(${String(p.id)}, ${text(p.calendarId)}, ${stamp(p.from)}, ${stamp(p.to)})`)
  .join(",\n");
/**
 * The sum of overlaps, with an engine's way of reading a timestamp as epoch milliseconds. The
 * overlaps are summed over an inner join: an outer join's row with no interval would make
 * least(NULL, to) - greatest(NULL, from) the whole span, since both functions skip NULLs.
 */
const overlapQuery = (ms: (expression: string) => string): string => `
  SELECT p.id, coalesce(o.business_ms, 0) AS business_ms
  FROM pairs p
  LEFT JOIN (
    SELECT p.id, sum(${ms("least(i.end_utc, p.to_utc)")} - ${ms("greatest(i.start_utc, p.from_utc)")}) AS business_ms
    FROM pairs p
    JOIN calendar_intervals i
      ON i.calendar_id = p.calendar_id AND i.start_utc < p.to_utc AND i.end_utc > p.from_utc
    GROUP BY p.id
  ) o ON o.id = p.id
  ORDER BY p.id`;

describe("the intervals table in real engines", () => {
  it("covers what the test means to: open time, DST nights and holidays among the pairs", () => {
    expect(rows.length).toBeGreaterThan(2_000);
    expect(expected.filter((ms) => ms > 0).length).toBeGreaterThan(300);
    // Pairs with no open time between them: where an outer join's NULLs would count the whole span.
    expect(expected.filter((ms) => ms === 0).length).toBeGreaterThan(10);
    const crossing = (at: number) => pairs.filter((p) => p.from < at && p.to > at).length;
    expect(crossing(Date.UTC(2026, 9, 25, 1))).toBeGreaterThan(20);
    expect(crossing(Date.UTC(2026, 10, 1, 6))).toBeGreaterThan(20);
  });

  describe("DuckDB", () => {
    let instance: DuckDBInstance;
    beforeAll(async () => {
      instance = await DuckDBInstance.create(":memory:");
    });
    afterAll(() => {
      instance.closeSync();
    });

    it("sums the overlaps to businessTimeBetween for every pair", async () => {
      const db = await instance.connect();
      await db.run(
        "CREATE TABLE calendar_intervals " +
          "(calendar_id VARCHAR NOT NULL, start_utc TIMESTAMPTZ NOT NULL, end_utc TIMESTAMPTZ NOT NULL)",
      );
      await db.run(`INSERT INTO calendar_intervals VALUES ${intervalValues}`);
      await db.run("CREATE TABLE pairs (id INTEGER, calendar_id VARCHAR, from_utc TIMESTAMPTZ, to_utc TIMESTAMPTZ)");
      await db.run(`INSERT INTO pairs VALUES ${pairValues}`);
      const result = await db.runAndReadAll(overlapQuery((x) => `epoch_ms(${x})`));
      expect(result.getRowObjects().map((row) => Number(row["business_ms"]))).toEqual(expected);
      db.closeSync();
    });

    it("runs the session of docs/sql.md as written, with its answer", async () => {
      const doc = readFileSync(new URL("../../docs/sql.md", import.meta.url), "utf8");
      // The guide's business-time query: its block that reads intervals.csv.
      const session =
        [...doc.matchAll(/```sql\n([\s\S]*?)```/gu)]
          .map((m) => m[1] ?? "")
          .find((block) => block.includes("read_csv('intervals.csv'")) ?? "";
      const answer = Number(/-- (\d+):/u.exec(session)?.[1]);
      expect(answer).toBe(10_800_000);
      // The guide's calendar, and its file written as the guide writes it.
      const omar = defineCalendar({
        timeZone: "America/New_York",
        week: {
          mon: [
            ["09:00", "12:00"],
            ["13:00", "17:00"],
          ],
          tue: [["09:00", "17:00"]],
        },
        holidays: ["2026-11-26"],
      });
      const folder = mkdtempSync(join(tmpdir(), "handoff-kit-sql-"));
      try {
        const file = join(folder, "intervals.csv");
        const rows = calendarIntervals(
          { "ae-omar": omar },
          new Date("2026-01-01T00:00Z"),
          new Date("2027-01-01T00:00Z"),
        );
        writeFileSync(file, [...intervalTableCsv(rows)].join(""));
        const own = await DuckDBInstance.create(":memory:");
        const db = await own.connect();
        const [create, select] = session.split(";").map((statement) => statement.trim());
        await db.run((create ?? "").replace("'intervals.csv'", `'${file}'`));
        const result = await db.runAndReadAll(select ?? "");
        expect(result.getRowObjects().map((row) => Number(row["business_ms"]))).toEqual([answer]);
        db.closeSync();
        own.closeSync();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  it("PostgreSQL sums the overlaps to businessTimeBetween for every pair", async () => {
    const pg = new PGlite();
    try {
      await pg.exec(`
        CREATE TABLE calendar_intervals
          (calendar_id TEXT NOT NULL, start_utc TIMESTAMPTZ NOT NULL, end_utc TIMESTAMPTZ NOT NULL);
        INSERT INTO calendar_intervals VALUES ${intervalValues};
        CREATE TABLE pairs (id INTEGER, calendar_id TEXT, from_utc TIMESTAMPTZ, to_utc TIMESTAMPTZ);
        INSERT INTO pairs VALUES ${pairValues};`);
      // extract(epoch ...) is numeric with microseconds: times 1000, exact; float8 reads as a JS number.
      const result = await pg.query<{ business_ms: number }>(
        overlapQuery((x) => `(1000 * extract(epoch from ${x}))`).replace(
          "coalesce(o.business_ms, 0) AS",
          "coalesce(o.business_ms, 0)::float8 AS",
        ),
      );
      expect(result.rows.map((row) => row.business_ms)).toEqual(expected);
    } finally {
      await pg.close();
    }
  });
});
