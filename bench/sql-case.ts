// One case of the SQL benchmark, in a process of its own so its peak memory is its own:
// `node --expose-gc --max-old-space-size=16384 --import tsx bench/sql-case.ts <case> <size> <grouping> <dir>`
// prints one JSON line, { ms, maxRssMb, numbers, ... }. <grouping> is `sdr` or `overall`; <dir> holds
// what bench/sql.bench.ts prepared (base.v8, summaries.duckdb, rows-<size>.parquet, the queries).
//   baseline      loads what the other cases load and stops: the floor under every peak below
//   memory        the base rows replicated to <size> in the heap, then scoreboard()
//   table         DuckDB on its own table rows_<size>.handoff_summaries, in summaries.duckdb
//   parquet       DuckDB on rows-<size>.parquet, through a view of the same name in a fresh database
//   parquet-1gb   the same with memory_limit 1GB, spilling to <dir>/spill
//   profile       the table case with DuckDB's profiler on, for its time by operator (not for timing)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { resourceUsage } from "node:process";
import { deserialize } from "node:v8";
import { DuckDBInstance } from "@duckdb/node-api";
import type { HandoffSummary } from "handoff-kit/handoff";
import { scoreboard, type HandoffMetrics } from "handoff-kit/metrics";
import { DEFAULT_SAMPLE_OPTIONS } from "../examples/sample-data/generate.js";

/** The numbers compared between the cases, by scope (`overall`, or the SDR's id), under the SQL's column names. */
export type Numbers = Record<string, Record<string, number | null>>;

/** The SQL result's columns compared, each with where the in-memory board keeps it. */
const COMPARED: Readonly<Record<string, (m: HandoffMetrics) => number | null>> = {
  handoffs: (m) => m.handoffs,
  meetings_booked: (m) => m.meetingsBooked,
  qualified_meetings_per_sdr_week: (m) => m.qualifiedMeetingsPerSdrWeek.value,
  held_rate: (m) => m.heldRate.value,
  held_rate_low: (m) => m.heldRate.interval?.low ?? null,
  acceptance_rate: (m) => m.acceptanceRate.value,
  win_rate: (m) => m.winRate.all.value,
  average_deal_size: (m) => m.averageDealSize.all.value,
  pipeline_amount: (m) => m.pipelineAmount.all,
  time_to_first_follow_up_median: (m) => m.timeToFirstFollowUp.calendar.median,
  time_to_first_follow_up_p90: (m) => m.timeToFirstFollowUp.calendar.p90,
  time_from_first_touch_to_booked_median: (m) => m.timeFromFirstTouchToBooked.median,
  meeting_quality: (m) => m.meetingQuality.mean.value,
};

const [which = "", sizeArg = "", grouping = "", dir = ""] = process.argv.slice(2);
const size = Number(sizeArg);
const now = new Date(DEFAULT_SAMPLE_OPTIONS.asOf);
const groupBy = grouping === "sdr" ? { groupBy: "sdr" as const } : {};
if (grouping !== "sdr" && grouping !== "overall") throw new Error(`grouping ${grouping}: sdr or overall`);
if (!Number.isSafeInteger(size) || size <= 0) throw new Error(`size ${sizeArg}: a whole number of rows`);

async function inMemory(): Promise<{
  ms: number;
  gcMs: number;
  rowsHeapMb: number;
  buildMs: number;
  numbers: Numbers;
}> {
  const base = deserialize(readFileSync(join(dir, "base.v8"))) as HandoffSummary[];
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const rows: HandoffSummary[] = [];
  // Copy after copy of the base, cut at `size`, as the SQL side replicates it; copies share the Dates.
  for (let copy = 0; rows.length < size; copy += 1)
    for (const row of base) {
      if (rows.length === size) break;
      rows.push({ ...row, id: `${row.id}.${String(copy)}` });
    }
  const buildMs = performance.now() - buildStart;
  globalThis.gc?.();
  const rowsHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  // The collector's pauses while the board runs: with the rows in the heap, each full collection marks them all.
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  const start = performance.now();
  const board = scoreboard(rows, { now, ...groupBy });
  const ms = performance.now() - start;
  // GC entries reach the observer on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  const pick = (m: HandoffMetrics): Record<string, number | null> =>
    Object.fromEntries(Object.entries(COMPARED).map(([name, read]) => [name, read(m)]));
  const numbers: Numbers = { overall: pick(board.overall) };
  for (const group of board.groups) numbers[group.key] = pick(group.metrics);
  return { ms, gcMs, rowsHeapMb, buildMs, numbers };
}

/** Each kind of operator in DuckDB's JSON profile: how many, and their seconds summed over threads. */
function operatorSeconds(file: string): Record<string, { count: number; seconds: number }> {
  interface Node {
    readonly operator_name?: string;
    readonly operator_timing?: number;
    readonly children?: readonly Node[];
  }
  const out: Record<string, { count: number; seconds: number }> = {};
  const walk = (node: Node): void => {
    if (node.operator_name !== undefined) {
      const kind = (out[node.operator_name] ??= { count: 0, seconds: 0 });
      kind.count += 1;
      kind.seconds += node.operator_timing ?? 0;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(JSON.parse(readFileSync(file, "utf8")) as Node);
  return out;
}

async function inDuckDb(): Promise<{ ms: number; numbers: Numbers; operators?: ReturnType<typeof operatorSeconds> }> {
  const onTable = which === "table" || which === "profile";
  const instance = await DuckDBInstance.create(
    onTable ? join(dir, "summaries.duckdb") : ":memory:",
    onTable ? { access_mode: "READ_ONLY" } : {},
  );
  const db = await instance.connect();
  await db.run("SET enable_progress_bar = false");
  const profile = join(dir, "profile.json");
  if (which === "profile") {
    await db.run("PRAGMA enable_profiling = 'json'");
    await db.run(`PRAGMA profile_output = '${profile}'`);
  }
  if (!onTable) {
    if (which === "parquet-1gb") {
      await db.run("SET memory_limit = '1GB'");
      await db.run(`SET temp_directory = '${join(dir, "spill")}'`);
    } else if (which !== "parquet") throw new Error(`no case ${which}`);
    // The table's name over the file, so the very query the table cases run reads the Parquet file.
    const parquet = join(dir, `rows-${String(size)}.parquet`);
    await db.run(`CREATE SCHEMA rows_${String(size)}`);
    await db.run(`CREATE VIEW rows_${String(size)}.handoff_summaries AS SELECT * FROM read_parquet('${parquet}')`);
  }
  const query = readFileSync(join(dir, `query-${String(size)}-${grouping}.sql`), "utf8");
  const start = performance.now();
  const result = (await db.runAndReadAll(query)).getRowObjectsJS();
  const ms = performance.now() - start;
  db.closeSync();
  instance.closeSync();
  const numbers: Numbers = {};
  for (const row of result) {
    const sdr = row["sdr_id"];
    const key = row["scope"] === "overall" ? "overall" : typeof sdr === "string" ? sdr : JSON.stringify(sdr);
    // DuckDB gives BIGINT columns as bigint.
    numbers[key] = Object.fromEntries(
      Object.keys(COMPARED).map((name) => {
        const value = row[name];
        return [name, value === null || value === undefined ? null : Number(value)];
      }),
    );
  }
  return { ms, numbers, ...(which === "profile" ? { operators: operatorSeconds(profile) } : {}) };
}

const measured =
  which === "baseline" ? { ms: 0, numbers: {} } : which === "memory" ? await inMemory() : await inDuckDb();
console.log(JSON.stringify({ ...measured, maxRssMb: resourceUsage().maxRSS / 1024 }));
