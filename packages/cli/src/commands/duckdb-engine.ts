import { closeSync, createWriteStream, openSync, writeSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Handoff } from "handoff-kit/handoff";
import type { HuddleBoards, Scoreboard } from "handoff-kit/metrics";
import type { Calendar, MeetingEvent, SlaPolicy, Weekday } from "handoff-kit/sla";
import {
  createTablesSql,
  rejectionReasonsSql,
  scoreboardFromSql,
  scoreboardSql,
  slaComplianceSql,
  type ScoreboardSqlOptions,
  type SqlGroupDimension,
  type SqlRow,
} from "handoff-kit/sql";
import type * as DuckDBApi from "@duckdb/node-api";
import { CliError } from "../cli-io.js";
import { eventLines, intervalLines, summaryLines, weekLines } from "./sql.js";

/** What the report reads, for the engine to compute its scoreboards from. */
export interface EngineInput {
  /** Read once, as they come: a stream from the files, or a list. */
  readonly handoffs: Iterable<Handoff>;
  readonly now: Date;
  readonly week: { readonly timeZone: string; readonly startsOn: Weekday };
  readonly policies?: readonly SlaPolicy<MeetingEvent>[];
  readonly calendars?: Readonly<Record<string, Calendar>>;
  /** The HTML page's boards too: by SDR with SLA compliance and business time, and by week. */
  readonly html: boolean;
  /** Told each step's time as it ends, in milliseconds (for the benchmark). */
  readonly timing?: (step: string, ms: number) => void;
}

/** The report's scoreboards as the engine computed them. */
export interface EngineBoards {
  readonly huddle: HuddleBoards;
  readonly bySdr?: Scoreboard;
  readonly byWeek?: Scoreboard;
}

/** How the tables are loaded: the writers' CSV, with its dialect named (never sniffed). */
const CSV = "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')";

const DAY = 86_400_000;

/** The calendar tables reach this far past `now`: a running clock's deadline must fall inside them. */
const TABLES_AHEAD = 400 * DAY;
/** How far the tables may be extended for a deadline: past it, scoreboardFromSql says which cycles. */
const MAX_AHEAD = 400 * 64 * DAY;

async function loadDuckDB(): Promise<typeof DuckDBApi> {
  try {
    return await import("@duckdb/node-api");
  } catch {
    throw new CliError("--engine duckdb: the package @duckdb/node-api is not installed (npm install @duckdb/node-api)");
  }
}

/** The earliest instant a handoff's history reaches, events and meetings alike (the tables start there). */
function earliestOf(handoff: Handoff, first: number): number {
  let earliest = first;
  for (const event of handoff.events) {
    earliest = Math.min(earliest, event.at.getTime());
    if ("meeting" in event) earliest = Math.min(earliest, event.meeting.start.getTime());
  }
  return earliest;
}

/** Lines written to a file synchronously, a block at a time: the handoffs pass through a synchronous loop. */
class LineFile {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }
  write(lines: Iterable<string>): void {
    for (const line of lines) {
      this.pending.push(line);
      this.size += line.length;
    }
    if (this.size >= 1 << 20) this.flush();
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
  private flush(): void {
    writeSync(this.fd, this.pending.join(""));
    this.pending = [];
    this.size = 0;
  }
}

/** A file's path as an SQL string literal's text: quotes doubled. */
const sqlPath = (path: string): string => path.replaceAll("'", "''");

/** A writer's CSV lines without the header (the first line). */
function* rowsOnly(lines: Iterable<string>): Generator<string> {
  let first = true;
  for (const line of lines) {
    if (!first) yield line;
    first = false;
  }
}

/**
 * Computes the report's scoreboards in an embedded DuckDB with handoff-kit/sql's queries: the
 * handoffs are written as the summary and event tables (CSV in a temporary folder, one line at a
 * time), the calendars as the intervals and days tables, loaded into a database file there (so
 * DuckDB can spill to disk past its memory limit), queried, and read back with `scoreboardFromSql`.
 * The folder is removed whatever happens.
 */
export async function duckdbBoards(input: EngineInput): Promise<EngineBoards> {
  const { DuckDBInstance } = await loadDuckDB();
  const folder = await mkdtemp(join(tmpdir(), "handoff-kit-"));
  const instance = await DuckDBInstance.create(join(folder, "handoffs.duckdb"));
  const db = await instance.connect();
  try {
    const write = async (name: string, lines: Iterable<string>): Promise<string> => {
      const path = join(folder, `${name}.csv`);
      await pipeline(Readable.from(lines), createWriteStream(path));
      return sqlPath(path);
    };
    let mark = performance.now();
    const lap = (step: string): void => {
      const at = performance.now();
      input.timing?.(step, at - mark);
      mark = at;
    };
    await db.run(createTablesSql("duckdb"));
    const { now, calendars = {} } = input;
    // One pass over the handoffs writes both tables, a handoff held at a time. Each is keyed by its
    // place in the list in these private tables: two records with one id are two handoffs in memory,
    // and the SLA query, which reads a handoff's events by its id, would merge them. Nothing read back
    // names a handoff.
    const summaries = new LineFile(join(folder, "handoff_summaries.csv"));
    const events = new LineFile(join(folder, "handoff_events.csv"));
    let first = now.getTime();
    try {
      summaries.write(summaryLines([], now));
      events.write(eventLines([], now));
      let index = 0;
      for (const read of input.handoffs) {
        const handoff = { ...read, id: String(index) };
        index += 1;
        first = earliestOf(handoff, first);
        summaries.write(rowsOnly(summaryLines([handoff], now)));
        events.write(rowsOnly(eventLines([handoff], now)));
      }
    } finally {
      summaries.close();
      events.close();
    }
    lap("the summary and event tables written (a pass over the handoffs)");
    for (const [table, file] of [
      ["handoff_summaries", summaries],
      ["handoff_events", events],
    ] as const)
      await db.run(`COPY ${table} FROM '${sqlPath(file.path)}' ${CSV}`);
    lap("both loaded into DuckDB (COPY)");
    const from = new Date(Math.floor(first / DAY) * DAY - 7 * DAY);
    // The calendar tables reach TABLES_AHEAD past now, and further when a deadline lies beyond them
    // (a calendar open a few minutes a week takes months to give an hour): the SLA query counts such a
    // cycle in beyond_tables, and the tables are written again four times as far.
    let ahead = TABLES_AHEAD;
    const writeCalendars = async (): Promise<void> => {
      const to = new Date(Math.ceil((now.getTime() + ahead) / DAY) * DAY);
      for (const [table, lines] of [
        ["calendar_intervals", intervalLines(calendars, from, to)],
        ["calendar_days", intervalLines(calendars, from, to, true)],
        // Weeks from Node's zone data, as in memory: DuckDB's own may be older or newer.
        ["week_starts", weekLines(input.week, from, to)],
      ] as const) {
        await db.run(`DELETE FROM ${table}`);
        await db.run(`COPY ${table} FROM '${await write(table, lines)}' ${CSV}`);
      }
    };
    await writeCalendars();
    lap("the intervals, days and weeks tables written and loaded");

    const rows = async (query: string): Promise<SqlRow[]> => (await db.runAndReadAll(query)).getRowObjectsJS();
    const slaRows = async (query: string): Promise<SqlRow[]> => {
      for (;;) {
        const found = await rows(query);
        if (!found.some((row) => Number(row["beyond_tables"]) > 0) || ahead >= MAX_AHEAD) return found;
        ahead *= 4;
        await writeCalendars();
      }
    };
    const board = async (
      groupBy: readonly SqlGroupDimension[],
      extra: { businessTime?: boolean; policies?: readonly SlaPolicy<MeetingEvent>[] } = {},
    ): Promise<Scoreboard> => {
      const options: ScoreboardSqlOptions = {
        dialect: "duckdb",
        now,
        groupBy,
        week: input.week,
        weekSource: "table",
        businessTime: extra.businessTime === true,
      };
      const { businessTime: _, ...slaOptions } = options;
      const policies = extra.policies ?? [];
      return scoreboardFromSql(
        {
          scoreboard: await rows(scoreboardSql(options)),
          reasons: await rows(rejectionReasonsSql(options)),
          ...(policies.length === 0 ? {} : { sla: await slaRows(slaComplianceSql({ ...slaOptions, policies })) }),
        },
        options,
      );
    };
    const huddle: HuddleBoards = {
      bySegment: await board(["segment"]),
      bySdr: await board(["sdr"]),
      byWeek: await board(["week"]),
      bySdrWeek: await board(["sdr", "week"]),
    };
    lap("the huddle's four boards (scoreboard and reasons queries, read back)");
    if (!input.html) return { huddle };
    // As the in-memory page's: business time and SLA compliance when calendars and policies are read.
    const bySdr = await board(["sdr"], {
      businessTime: input.calendars !== undefined,
      ...(input.policies === undefined ? {} : { policies: input.policies }),
    });
    lap("the board by SDR with business time and SLA compliance");
    return { huddle, bySdr, byWeek: huddle.byWeek };
  } finally {
    db.closeSync();
    instance.closeSync();
    await rm(folder, { recursive: true, force: true });
  }
}
