// slaComplianceSql in real engines: the summary, events, intervals and days tables written by the
// library's writers, loaded into DuckDB (@duckdb/node-api) and PostgreSQL (PGlite), and every count and
// rate of the generated query equal to the in-memory scoreboard's slaCompliance over the same handoff
// records, for the five built-in policies (all four target kinds, the "before the meeting" cap): on the
// bundled sample, and on 25k generated handoffs over 41 weeks (both spring and both autumn DST changes
// of the reps' zones, holidays, several booking cycles, reassignments, cancellations, duplicate
// deliveries and later corrections), with one AE's calendar missing from both sides.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs, generateSampleData } from "../../examples/sample-data/generate.js";
import { parseHandoffs, summarize, type Handoff, type HandoffInput } from "../../src/handoff/index.js";
import { scoreboard, type Scoreboard } from "../../src/metrics/index.js";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  evaluateSla,
  HANDOFF_SLA_POLICIES,
  parseCalendar,
  type Calendar,
} from "../../src/sla/index.js";
import {
  calendarDays,
  calendarIntervals,
  createTablesSql,
  dayTableCsv,
  eventTableCsv,
  intervalTableCsv,
  rejectionReasonsSql,
  scoreboardFromSql,
  scoreboardSql,
  slaComplianceSql,
  summaryTableCsv,
  type SlaComplianceSqlOptions,
  type TableNames,
} from "../../src/sql/index.js";
import { DUCKDB_CSV } from "./duckdb-csv.js";
import { deepDifferences, dimensionsOf, keyOf } from "./flat-metrics.js";
import { withDeliveryNoise } from "./delivery-noise.js";

const sample = generateSampleData();
const now = new Date(DEFAULT_SAMPLE_OPTIONS.asOf);
const allCalendars: Record<string, Calendar> = {};
for (const [key, spec] of Object.entries(sample.calendars)) {
  const parsed = parseCalendar(spec);
  if (!parsed.ok) throw new Error(`sample calendar ${key} does not parse`);
  allCalendars[key] = parsed.value;
}
// One AE's calendar is missing on both sides: the policies on the "ae" calendar do not evaluate their handoffs.
const missing = Object.keys(allCalendars).find((key) => key.startsWith("ae-")) ?? "";
const calendars = Object.fromEntries(Object.entries(allCalendars).filter(([key]) => key !== missing));
const from = Date.UTC(2025, 11, 1);
const to = Date.UTC(2027, 0, 1);

/** The current AE's calendar, as the scoreboard finds it (a rep's calendar id, else their id). */
function aeCalendarOf(handoff: Handoff): Calendar {
  const row = summarize(handoff, undefined, { now });
  return allCalendars[row.aeCalendarId] ?? allCalendars[row.aeId] ?? defaultCalendar;
}
const defaultCalendar = Object.values(allCalendars)[0] as Calendar;

const handoffsOf = (inputs: readonly HandoffInput[]): Handoff[] =>
  parseHandoffs(inputs).valid.map(({ value }) => value);
const sampleHandoffs = handoffsOf(sample.handoffs);
const largeHandoffs = handoffsOf(
  withDeliveryNoise([
    ...generateHandoffs({
      ...DEFAULT_SAMPLE_OPTIONS,
      firstMonday: { year: 2026, month: 2, day: 2 },
      weeks: 41,
      volumeScale: 18,
    }),
  ]),
);

interface Case {
  readonly name: string;
  readonly rows: "sample" | "large";
  readonly options: Omit<SlaComplianceSqlOptions, "dialect" | "now" | "tables">;
}

const CASES: readonly Case[] = [
  { name: "the sample, overall", rows: "sample", options: {} },
  { name: "the sample by AE", rows: "sample", options: { groupBy: "ae" } },
  {
    name: "25k by segment and week in New York from Sunday, 90%",
    rows: "large",
    options: { groupBy: ["segment", "week"], week: { timeZone: "America/New_York", startsOn: "sun" }, confidence: 0.9 },
  },
  { name: "25k by SDR", rows: "large", options: { groupBy: "sdr" } },
];

const boards = new Map<string, Scoreboard>();

/** The in-memory board of a case, made once for both engines (25k handoffs' clocks take seconds). */
function inMemory(handoffs: readonly Handoff[], options: Case["options"]): Scoreboard {
  const key = `${String(handoffs.length)} ${JSON.stringify(options)}`;
  const made = boards.get(key);
  if (made !== undefined) return made;
  const board = scoreboard(handoffs, {
    now,
    calendars,
    policies: options.policies ?? HANDOFF_SLA_POLICIES,
    ...(options.groupBy === undefined ? {} : { groupBy: options.groupBy }),
    ...(options.week === undefined ? {} : { week: options.week }),
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
  });
  boards.set(key, board);
  return board;
}

/** Every SLA figure of the board and the engine's rows, keyed "scope|policy|column", and their differences. */
function differences(board: Scoreboard, options: Case["options"], rows: readonly Record<string, unknown>[]): string[] {
  const dimensions = dimensionsOf(options.groupBy);
  const expected = new Map<string, number | boolean | null>();
  const levels = [
    { key: "overall", metrics: board.overall },
    ...board.groups.map((group) => ({ key: group.key, metrics: group.metrics })),
  ];
  for (const { key, metrics } of levels)
    for (const sla of metrics.slaCompliance) {
      const at = (column: string): string => `${key}|${sla.policyId}|${column}`;
      for (const column of ["met", "breached", "running", "cancelled"] as const) expected.set(at(column), sla[column]);
      expected.set(at("not_evaluated"), sla.notEvaluated);
      expected.set(at("beyond_tables"), 0);
      expected.set(at("compliance"), sla.compliance.value);
      expected.set(at("compliance_low"), sla.compliance.interval?.low ?? null);
      expected.set(at("compliance_high"), sla.compliance.interval?.high ?? null);
      expected.set(at("compliance_low_sample"), sla.compliance.lowSample);
    }
  const actual = new Map<string, unknown>();
  for (const row of rows) {
    const key = row["scope"] === "overall" ? "overall" : keyOf(dimensions, row);
    for (const column of [
      "met",
      "breached",
      "running",
      "cancelled",
      "not_evaluated",
      "beyond_tables",
      "compliance",
      "compliance_low",
      "compliance_high",
      "compliance_low_sample",
    ])
      actual.set(`${key}|${String(row["policy_id"])}|${column}`, row[column]);
  }
  const found: string[] = [];
  for (const [at, value] of expected) {
    const got = actual.get(at);
    const number = typeof got === "bigint" ? Number(got) : got;
    const same =
      typeof value === "number" && typeof number === "number"
        ? Math.abs(value - number) <= 1e-12 * Math.max(1, Math.abs(value))
        : value === number;
    if (!same) found.push(`${at}: expected ${String(value)}, got ${String(got)}`);
  }
  if (actual.size !== expected.size) found.push(`${String(actual.size)} cells, expected ${String(expected.size)}`);
  return found;
}

const tablesOf = (rows: string): TableNames => ({
  summaries: `${rows}.handoff_summaries`,
  intervals: `${rows}.calendar_intervals`,
  events: `${rows}.handoff_events`,
  days: `${rows}.calendar_days`,
  weeks: `${rows}.week_starts`,
});

describe("slaComplianceSql in real engines", () => {
  let folder: string;
  const files: Record<string, string> = {};
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "handoff-kit-sla-sql-"));
    for (const [rows, handoffs] of [
      ["sample", sampleHandoffs],
      ["large", largeHandoffs],
    ] as const) {
      files[`${rows}.handoff_summaries`] = join(folder, `${rows}-summaries.csv`);
      files[`${rows}.handoff_events`] = join(folder, `${rows}-events.csv`);
      writeFileSync(
        files[`${rows}.handoff_summaries`] ?? "",
        [...summaryTableCsv(handoffs.map((handoff) => summarize(handoff, undefined, { now })))].join(""),
      );
      writeFileSync(files[`${rows}.handoff_events`] ?? "", [...eventTableCsv(handoffs, { now })].join(""));
    }
    files["calendar_intervals"] = join(folder, "intervals.csv");
    files["calendar_days"] = join(folder, "days.csv");
    writeFileSync(files["calendar_intervals"], [...intervalTableCsv(calendarIntervals(calendars, from, to))].join(""));
    writeFileSync(files["calendar_days"], [...dayTableCsv(calendarDays(calendars, from, to))].join(""));
  }, 120_000);
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const fileOf = (rows: string, table: string): string => files[`${rows}.${table}`] ?? files[table] ?? "";
  const TABLES = ["handoff_summaries", "handoff_events", "calendar_intervals", "calendar_days"] as const;

  it("has the hard cases it means to cover in its data", () => {
    const large = CASES.find((c) => c.rows === "large");
    const counts = inMemory(largeHandoffs, large?.options ?? {}).overall.slaCompliance;
    expect(largeHandoffs.length).toBeGreaterThan(20_000);
    const booked = (handoff: Handoff): number => handoff.events.filter((event) => event.type === "booked").length;
    expect(largeHandoffs.filter((handoff) => booked(handoff) > 1).length).toBeGreaterThan(1_000);
    for (const sla of counts) {
      expect(sla.met, sla.policyId).toBeGreaterThan(0);
      expect(sla.breached, sla.policyId).toBeGreaterThan(1_000);
    }
    expect(counts.filter((sla) => sla.cancelled > 1_000).length).toBe(2);
    expect(counts.filter((sla) => sla.running > 50).length).toBe(3);
    expect(counts.filter((sla) => sla.notEvaluated > 1_000).length).toBe(3);
    // The meeting caps the one-business-day decision in some cycles, and the days table's DST rows are read.
    const capped = largeHandoffs.slice(0, 3_000).filter((handoff) =>
      evaluateSla(handoff.events, AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, {
        now,
        calendars: { ae: aeCalendarOf(handoff) },
      }).cycles.some((cycle) => cycle.trace.cap?.applied === true),
    ).length;
    expect(capped).toBeGreaterThan(20);
    for (const change of [Date.UTC(2026, 2, 8), Date.UTC(2026, 2, 29), Date.UTC(2026, 9, 25), Date.UTC(2026, 10, 1)]) {
      const bookedAt = largeHandoffs
        .flatMap((handoff) => handoff.events.filter((e) => e.type === "booked"))
        .map((e) => e.at.getTime());
      expect(bookedAt.filter((at) => at < change).length).toBeGreaterThan(1_000);
      expect(bookedAt.filter((at) => at >= change).length).toBeGreaterThan(1_000);
    }
  });

  describe("DuckDB", () => {
    let instance: DuckDBInstance;
    let db: DuckDBConnection;
    beforeAll(async () => {
      instance = await DuckDBInstance.create(":memory:");
      db = await instance.connect();
      for (const rows of ["sample", "large"] as const) {
        await db.run(`CREATE SCHEMA ${rows}`);
        await db.run(createTablesSql("duckdb", tablesOf(rows)));
        for (const table of TABLES) await db.run(`COPY ${rows}.${table} FROM '${fileOf(rows, table)}' ${DUCKDB_CSV}`);
      }
    }, 120_000);
    afterAll(() => {
      db.closeSync();
      instance.closeSync();
    });

    it.each(CASES)("gives the in-memory SLA compliance: $name", async ({ rows, options }) => {
      const query = slaComplianceSql({ ...options, dialect: "duckdb", now, tables: tablesOf(rows) });
      const result = (await db.runAndReadAll(query)).getRowObjectsJS();
      const board = inMemory(rows === "sample" ? sampleHandoffs : largeHandoffs, options);
      expect(differences(board, options, result)).toEqual([]);
      // Read back with the scoreboard's and the reasons' rows, the whole board is the in-memory one.
      const { policies: _, ...rest } = options;
      const asWritten = { ...rest, dialect: "duckdb", now, tables: tablesOf(rows), businessTime: true } as const;
      const read = scoreboardFromSql(
        {
          scoreboard: (await db.runAndReadAll(scoreboardSql(asWritten))).getRowObjectsJS(),
          reasons: (await db.runAndReadAll(rejectionReasonsSql(asWritten))).getRowObjectsJS(),
          sla: result,
        },
        asWritten,
      );
      expect(deepDifferences({ ...board, seen: board.overall.handoffs, excluded: 0, dataIssues: [] }, read)).toEqual(
        [],
      );
    });
  });

  describe("PostgreSQL", () => {
    let pg: PGlite;
    beforeAll(async () => {
      pg = new PGlite();
      for (const rows of ["sample", "large"] as const) {
        await pg.exec(`CREATE SCHEMA ${rows}`);
        await pg.exec(createTablesSql("postgres", tablesOf(rows)));
        for (const table of TABLES)
          await pg.query(`COPY ${rows}.${table} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
            blob: new Blob([readFileSync(fileOf(rows, table))]),
          });
      }
      // As docs/sql.md says to: the planner cannot count the rows of the query's chained steps, and with
      // nested loops it pairs every cycle with every row of a step (over an hour for 25k; 18 s without).
      await pg.exec("SET enable_nestloop = off");
    }, 120_000);
    afterAll(async () => {
      await pg.close();
    });

    it.each(CASES)("gives the in-memory SLA compliance: $name", async ({ rows, options }) => {
      const query = slaComplianceSql({ ...options, dialect: "postgres", now, tables: tablesOf(rows) });
      const result = await pg.query<Record<string, unknown>>(query);
      const board = inMemory(rows === "sample" ? sampleHandoffs : largeHandoffs, options);
      expect(differences(board, options, result.rows)).toEqual([]);
    });
  });
});
