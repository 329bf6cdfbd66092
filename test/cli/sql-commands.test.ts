// The command's SQL path, run in process: `summaries` and `intervals` write the two tables from the
// bundled HubSpot sample and its calendars, `sql` writes the query, and DuckDB running them gives the
// in-memory scoreboard of the same handoffs; misuse exits 2 with one line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { fromHubSpotMeetings } from "../../src/adapters/index.js";
import { AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, parseCalendar, type Calendar } from "../../src/sla/index.js";
import { scoreboard } from "../../src/metrics/index.js";
import { run } from "../../packages/cli/src/program.js";
import { compareMetrics } from "../sql/flat-metrics.js";
import { recordingIo } from "./io.js";
import { DUCKDB_CSV } from "../sql/duckdb-csv.js";

const SAMPLE = "examples/data/hubspot-meetings.csv";
const CALENDARS = "examples/data/hubspot-calendars.json";
const NOW = "2026-11-14T02:00:00Z";
const dir = mkdtempSync(join(tmpdir(), "handoff-kit-cli-sql-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The sample's handoffs and calendars read in memory, as the in-memory side of each comparison. */
function sampleInMemory() {
  const read = fromHubSpotMeetings(parse<Record<string, string>>(readFileSync(SAMPLE, "utf8"), { columns: true }));
  const calendars: Record<string, Calendar> = {};
  for (const [key, spec] of Object.entries(JSON.parse(readFileSync(CALENDARS, "utf8")) as Record<string, unknown>)) {
    const parsed = parseCalendar(spec);
    if (parsed.ok) calendars[key] = parsed.value;
  }
  return { read, calendars };
}

async function command(args: readonly string[]) {
  const recorded = recordingIo();
  const code = await run(args, recorded.io);
  return { code, stdout: recorded.stdout(), stderr: recorded.stderr() };
}

/** In a new DuckDB: the tables created, each loaded from the CSV a command wrote, and the query's rows. */
async function runLoaded(
  create: string | undefined,
  tables: readonly (readonly [string, string | undefined])[],
  query: string | undefined,
): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    await db.run(create ?? "");
    for (const [table, text] of tables) {
      writeFileSync(join(dir, `${table}.csv`), text ?? "");
      await db.run(`COPY ${table} FROM '${join(dir, `${table}.csv`)}' ${DUCKDB_CSV}`);
    }
    return (await db.runAndReadAll(query ?? "")).getRowObjectsJS();
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

describe("handoff-kit summaries, intervals and sql", () => {
  it("write the tables and the query that DuckDB turns into the in-memory scoreboard", async () => {
    const summaries = await command(["summaries", SAMPLE, "--from", "hubspot", "--now", NOW, "-q"]);
    const intervals = await command(["intervals", CALENDARS, "--from", "2026-08-01", "--to", "2027-01-01"]);
    const sql = await command([
      "sql",
      "--dialect",
      "duckdb",
      "--group-by",
      "ae,week",
      "--now",
      NOW,
      "--time-zone",
      "America/New_York",
      "--week-start",
      "sunday",
      "--business-time",
    ]);
    const tables = await command(["sql", "--dialect", "duckdb", "--create-tables"]);
    for (const result of [summaries, intervals, sql, tables]) expect(result.code, result.stderr).toBe(0);
    expect(summaries.stdout.split("\n")[0]).toMatch(/^id,source,segment,sdr_id,ae_id,/u);
    expect(intervals.stdout.split("\n")[0]).toBe("calendar_id,start_utc,end_utc");

    writeFileSync(join(dir, "handoff_summaries.csv"), summaries.stdout);
    writeFileSync(join(dir, "calendar_intervals.csv"), intervals.stdout);
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    await db.run(tables.stdout);
    await db.run(`COPY handoff_summaries FROM '${join(dir, "handoff_summaries.csv")}' ${DUCKDB_CSV}`);
    await db.run(`COPY calendar_intervals FROM '${join(dir, "calendar_intervals.csv")}' ${DUCKDB_CSV}`);
    const rows = (await db.runAndReadAll(sql.stdout)).getRowObjectsJS();
    db.closeSync();
    instance.closeSync();

    const { read, calendars } = sampleInMemory();
    const board = scoreboard(read.handoffs, {
      now: new Date(NOW),
      groupBy: ["ae", "week"],
      week: { timeZone: "America/New_York", startsOn: "sun" },
      calendars,
    });
    expect(rows[0]?.["handoffs"]).toBe(379n);
    expect(rows.length).toBe(board.groups.length + 1);
    expect(compareMetrics(board, ["ae", "week"], rows)).toEqual([]);
  });

  it("weeks writes the weeks table that sql --week-table reads, giving the in-memory weeks", async () => {
    const outputs = await Promise.all(
      [
        ["summaries", SAMPLE, "--from", "hubspot", "--now", NOW, "-q"],
        [
          "weeks",
          "--time-zone",
          "America/Vancouver",
          "--week-start",
          "tue",
          "--from",
          "2026-06-01",
          "--to",
          "2027-01-01",
        ],
        ["sql", "--dialect", "duckdb", "--create-tables", "--weeks", "team_weeks"],
        ["sql", "--dialect", "duckdb", "--now", NOW, "--group-by", "week", "--time-zone", "America/Vancouver"].concat([
          "--week-start",
          "tue",
          "--week-table",
          "--weeks",
          "team_weeks",
        ]),
      ].map(command),
    );
    for (const result of outputs) expect(result.code, result.stderr).toBe(0);
    const [summaries, weeks, tables, sql] = outputs.map((result) => result.stdout);
    // 2 June 2026 is a Tuesday; Vancouver is on PDT then (UTC-7).
    expect(weeks?.split("\n").slice(0, 2)).toEqual([
      "time_zone,starts_on,week_start,start_utc,end_utc",
      "America/Vancouver,tue,2026-05-26,2026-05-26T07:00:00.000Z,2026-06-02T07:00:00.000Z",
    ]);
    expect(sql).toContain("team_weeks");
    const rows = await runLoaded(
      tables,
      [
        ["handoff_summaries", summaries],
        ["team_weeks", weeks],
      ],
      sql,
    );
    const { read } = sampleInMemory();
    const board = scoreboard(read.handoffs, {
      now: new Date(NOW),
      groupBy: "week",
      week: { timeZone: "America/Vancouver", startsOn: "tue" },
    });
    expect(rows[0]?.["outside_weeks"]).toBe(0n);
    expect(compareMetrics(board, ["week"], rows)).toEqual([]);
  });

  it("write the events and days tables and the SLA query that DuckDB turns into the in-memory compliance", async () => {
    const outputs = await Promise.all(
      [
        ["summaries", SAMPLE, "--from", "hubspot", "--now", NOW, "-q"],
        ["summaries", SAMPLE, "--from", "hubspot", "--now", NOW, "--events", "-q"],
        ["intervals", CALENDARS, "--from", "2026-08-01", "--to", "2027-01-01"],
        ["intervals", CALENDARS, "--from", "2026-08-01", "--to", "2027-01-01", "--days"],
        ["sql", "--dialect", "duckdb", "--create-tables"],
        ["sql", "--dialect", "duckdb", "--sla", "--now", NOW, "--policy", "ae-accepts-within-one-business-day"],
      ].map(command),
    );
    for (const result of outputs) expect(result.code, result.stderr).toBe(0);
    const [summaries, events, intervals, days, tables, sql] = outputs.map((result) => result.stdout);
    expect(events?.split("\n")[0]).toMatch(/^handoff_id,seq,event_id,event_type,event_at,/u);
    expect(days?.split("\n")[0]).toMatch(/^calendar_id,local_date,day_number,business_day,/u);
    const rows = await runLoaded(
      tables,
      [
        ["handoff_summaries", summaries],
        ["handoff_events", events],
        ["calendar_intervals", intervals],
        ["calendar_days", days],
      ],
      sql,
    );

    const { read, calendars } = sampleInMemory();
    const [sla] = scoreboard(read.handoffs, {
      now: new Date(NOW),
      calendars,
      policies: [AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY],
    }).overall.slaCompliance;
    expect(sla?.met).toBeGreaterThan(0);
    expect(
      rows.map((row) => [row["policy_id"], row["met"], row["breached"], row["running"], row["cancelled"]]),
    ).toEqual([
      [
        sla?.policyId,
        BigInt(sla?.met ?? -1),
        BigInt(sla?.breached ?? -1),
        BigInt(sla?.running ?? -1),
        BigInt(sla?.cancelled ?? -1),
      ],
    ]);
  });

  it("sql reads the engine's clock when --now is not given", async () => {
    const result = await command(["sql", "--dialect", "snowflake"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("as of the query's time");
    expect(result.stdout).toContain("< CURRENT_TIMESTAMP()");
  });

  it("sql --reasons writes the rejection reasons query", async () => {
    const result = await command(["sql", "--dialect", "postgres", "--reasons", "--group-by", "segment"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^-- handoff-kit rejection reasons \(postgres\)/u);
    expect(result.stdout).toContain("GROUP BY segment, sdr_id, reason_code");
  });

  it.each([
    [["sql", "--dialect", "mysql"], /--dialect: mysql is not one of duckdb, postgres, bigquery, snowflake/u],
    [["sql", "--dialect", "duckdb", "--reasons", "--create-tables"], /one at a time/u],
    [["sql", "--dialect", "duckdb", "--reasons", "--sla"], /one at a time/u],
    [["sql", "--dialect", "duckdb", "--policy", "ae-accepts-within-one-business-day"], /--policy: only with --sla/u],
    [["sql", "--dialect", "duckdb", "--sla", "--policy", "fast"], /--policy: fast is not one of/u],
    [["sql", "--dialect", "duckdb", "--group-by", "sdr,team"], /--group-by: team is not one of/u],
    [["sql", "--dialect", "duckdb", "--summaries", "x;DROP"], /tables\.summaries must be a table name/u],
    [["sql", "--dialect", "duckdb", "--time-zone", "Mars/Olympus"], /Mars\/Olympus/u],
    [["intervals", CALENDARS, "--from", "2026-13-01", "--to", "2027-01-01"], /--from: 2026-13-01 is not/u],
    [["intervals", CALENDARS, "--from", "2026-01-01"], /--to/u],
    [
      ["intervals", "examples/data/sample-handoffs.json", "--from", "2026-01-01", "--to", "2027-01-01"],
      /^handoff-kit: intervals: <calendars>: examples\/data\/sample-handoffs.json: description: /u,
    ],
  ])("refuses %j with one line and exit status 2", async (args, message) => {
    const result = await command(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
