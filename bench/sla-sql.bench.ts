// SLA compliance of the five built-in policies over the same 25k generated handoffs (the engines
// test's data: 41 weeks, both DST changes, holidays, several booking cycles): the in-memory
// scoreboard's clocks against DuckDB running slaComplianceSql on the four tables, loaded once before
// the clock starts. Each side is timed three times and the median kept; the counts must agree.
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHandoffs, summarize } from "handoff-kit/handoff";
import { scoreboard } from "handoff-kit/metrics";
import { HANDOFF_SLA_POLICIES, parseCalendar, type Calendar } from "handoff-kit/sla";
import {
  calendarDays,
  calendarIntervals,
  createTablesSql,
  dayTableCsv,
  eventTableCsv,
  intervalTableCsv,
  slaComplianceSql,
  summaryTableCsv,
} from "handoff-kit/sql";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs, generateSampleData } from "../examples/sample-data/generate.js";
import { formatMs } from "./harness.js";

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[1] ?? Number.NaN;

async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    value = await fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value: value as T };
}

export async function run(): Promise<void> {
  const now = new Date(DEFAULT_SAMPLE_OPTIONS.asOf);
  const calendars: Record<string, Calendar> = {};
  for (const [key, spec] of Object.entries(generateSampleData().calendars)) {
    const parsed = parseCalendar(spec);
    if (parsed.ok) calendars[key] = parsed.value;
  }
  const inputs = generateHandoffs({
    ...DEFAULT_SAMPLE_OPTIONS,
    firstMonday: { year: 2026, month: 2, day: 2 },
    weeks: 41,
    volumeScale: 18,
  });
  const handoffs = parseHandoffs([...inputs]).valid.map(({ value }) => value);
  const folder = mkdtempSync(join(tmpdir(), "handoff-kit-sla-sql-bench-"));
  const [from, to] = [Date.UTC(2025, 11, 1), Date.UTC(2027, 0, 1)];
  const files: Record<string, Iterable<string>> = {
    handoff_summaries: summaryTableCsv(handoffs.map((handoff) => summarize(handoff, undefined, { now }))),
    handoff_events: eventTableCsv(handoffs, { now }),
    calendar_intervals: intervalTableCsv(calendarIntervals(calendars, from, to)),
    calendar_days: dayTableCsv(calendarDays(calendars, from, to)),
  };
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    await db.run(createTablesSql("duckdb"));
    for (const [table, lines] of Object.entries(files)) {
      const file = join(folder, `${table}.csv`);
      writeFileSync(file, [...lines].join(""));
      await db.run(`COPY ${table} FROM '${file}' (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"')`);
    }
    const query = slaComplianceSql({ dialect: "duckdb", now });
    const memory = await timed(() => scoreboard(handoffs, { now, calendars, policies: HANDOFF_SLA_POLICIES }));
    const duck = await timed(async () => (await db.runAndReadAll(query)).getRowObjectsJS());
    const same = memory.value.overall.slaCompliance.every((sla, i) => {
      const row = duck.value[i];
      return row !== undefined && BigInt(sla.met) === row["met"] && BigInt(sla.breached) === row["breached"];
    });
    console.log(`\nSLA compliance of the five built-in policies, ${String(handoffs.length)} handoffs (median of 3)`);
    console.table([
      { case: "in memory: scoreboard({ policies, calendars })", median: formatMs(memory.ms), ratio: "1.00x" },
      {
        case: "DuckDB: slaComplianceSql on the four tables",
        median: formatMs(duck.ms),
        ratio: `${(duck.ms / memory.ms).toFixed(2)}x`,
      },
    ]);
    console.log(`counts agree: ${String(same)}`);
    if (!same) throw new Error("The SQL's SLA counts differ from the in-memory scoreboard's");
  } finally {
    db.closeSync();
    instance.closeSync();
    rmSync(folder, { recursive: true, force: true });
  }
}
