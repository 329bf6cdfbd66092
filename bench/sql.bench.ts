// The scoreboard over 1M and 10M summary rows, in memory against DuckDB: `scoreboard()` over rows in
// the heap, side by side with DuckDB running the query `scoreboardSql` writes, on its own table and on
// a Parquet file of the same rows, and once on the Parquet file under memory_limit 1GB. The rows are
// the sample generator's handoffs at 30x volume, summarized, then replicated with fresh ids (the
// metrics do not read ids) to each size: in the heap by spreading each row, in DuckDB by a cross join
// from the base loaded from summaryTableCsv's CSV. Each case runs in its own process so its peak
// resident memory (maxRSS) is its own. SQL_SIZES=100000 limits it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serialize } from "node:v8";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseHandoffs, summarize } from "handoff-kit/handoff";
import { createTablesSql, scoreboardSql, SUMMARY_COLUMNS, summaryTableCsv } from "handoff-kit/sql";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs } from "../examples/sample-data/generate.js";
import { formatMs } from "./harness.js";
import type { Numbers } from "./sql-case.js";

const CASE_FILE = fileURLToPath(new URL("./sql-case.ts", import.meta.url));
/** Past this a case is stopped and reported as failed: the whole run is meant to take minutes, not hours. */
const CASE_TIMEOUT_MS = 10 * 60_000;

type Grouping = "sdr" | "overall";

interface CaseSpec {
  readonly name: string;
  readonly which: "memory" | "table" | "parquet" | "parquet-1gb" | "baseline" | "profile";
  readonly grouping: Grouping;
}

interface CaseResult {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly rowsHeapMb?: number;
  readonly buildMs?: number;
  readonly gcMs?: number;
  readonly numbers: Numbers;
  readonly operators?: Readonly<Record<string, { count: number; seconds: number }>>;
}

type Outcome = (CaseSpec & { readonly ok: true } & CaseResult) | (CaseSpec & { readonly ok: false; reason: string });

function runCase(spec: CaseSpec, size: number, dir: string): Outcome {
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=16384",
      "--import",
      "tsx",
      CASE_FILE,
      spec.which,
      String(size),
      spec.grouping,
      dir,
    ],
    { encoding: "utf8", maxBuffer: 1 << 24, timeout: CASE_TIMEOUT_MS, killSignal: "SIGKILL" },
  );
  const lastLines = (text: string): string =>
    text
      .trim()
      .split("\n")
      .filter((line) => line.trim() !== "")
      .slice(-2)
      .join(" / ")
      .slice(0, 300);
  if (child.error !== undefined) {
    const timedOut = (child.error as NodeJS.ErrnoException).code === "ETIMEDOUT";
    return {
      ...spec,
      ok: false,
      reason: timedOut ? `stopped after ${formatMs(CASE_TIMEOUT_MS)}` : child.error.message,
    };
  }
  if (child.status !== 0)
    return {
      ...spec,
      ok: false,
      reason:
        child.signal === null
          ? `exit ${String(child.status)}: ${lastLines(child.stderr)}`
          : `killed by ${child.signal} (the kernel's OOM killer, if no one else): ${lastLines(child.stderr)}`,
    };
  return { ...spec, ok: true, ...(JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "") as CaseResult) };
}

const mb = (value: number): string => (value >= 1024 ? `${(value / 1024).toFixed(2)} GB` : `${value.toFixed(0)} MB`);
const fileMb = (path: string): number => statSync(path).size / 2 ** 20;

/**
 * Writes the base rows for the in-memory cases (v8 serialization keeps the Dates and the fields left
 * undefined, so the rows keep summarize's shape), DuckDB's table and Parquet file of each size, and
 * the queries, written once so that every DuckDB case runs the same text even if src/sql changes meanwhile.
 */
async function prepare(dir: string, sizes: readonly number[]): Promise<string[]> {
  const notes: string[] = [];
  const now = new Date(DEFAULT_SAMPLE_OPTIONS.asOf);
  let start = performance.now();
  const base = parseHandoffs([...generateHandoffs({ ...DEFAULT_SAMPLE_OPTIONS, volumeScale: 30 })]).valid.map(
    (record) => summarize(record.value, undefined, { now }),
  );
  writeFileSync(join(dir, "base.v8"), serialize(base));
  const csv = join(dir, "base.csv");
  writeFileSync(csv, [...summaryTableCsv(base)].join(""));
  notes.push(
    `base: ${String(base.length)} summary rows (the sample at 30x volume, summarized as of ` +
      `${DEFAULT_SAMPLE_OPTIONS.asOf}) in ${formatMs(performance.now() - start)}; CSV ${fileMb(csv).toFixed(1)} MB`,
  );

  const instance = await DuckDBInstance.create(join(dir, "summaries.duckdb"));
  const db = await instance.connect();
  await db.run("SET enable_progress_bar = false");
  await db.run("CREATE SCHEMA base");
  await db.run(
    createTablesSql("duckdb", { summaries: "base.handoff_summaries", intervals: "base.calendar_intervals" }),
  );
  // The dialect named, as docs/sql.md says: DuckDB's sniffer may otherwise guess another quote character.
  await db.run(
    `COPY base.handoff_summaries FROM '${csv}' (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"')`,
  );
  const loaded = Number((await db.runAndReadAll("SELECT COUNT(*) FROM base.handoff_summaries")).getRows()[0]?.[0]);
  if (loaded !== base.length) throw new Error(`DuckDB read ${String(loaded)} of the ${String(base.length)} base rows`);
  const columns = SUMMARY_COLUMNS.map((column) =>
    column.name === "id" ? "b.id || '.' || CAST(r.copy AS VARCHAR)" : `b.${column.name}`,
  ).join(", ");
  const lengths: string[] = [];
  for (const size of sizes) {
    const schema = `rows_${String(size)}`;
    for (const grouping of ["sdr", "overall"] as const) {
      const query = scoreboardSql({
        dialect: "duckdb",
        now,
        ...(grouping === "sdr" ? { groupBy: "sdr" as const } : {}),
        tables: { summaries: `${schema}.handoff_summaries` },
      });
      writeFileSync(join(dir, `query-${String(size)}-${grouping}.sql`), query);
      if (size === sizes[0]) lengths.push(`${grouping === "sdr" ? "by SDR" : "overall"} ${String(query.length)} chars`);
    }
    const parquet = join(dir, `rows-${String(size)}.parquet`);
    start = performance.now();
    await db.run(`CREATE SCHEMA ${schema}`);
    await db.run(
      createTablesSql("duckdb", {
        summaries: `${schema}.handoff_summaries`,
        intervals: `${schema}.calendar_intervals`,
      }),
    );
    // Copy after copy of the base in its CSV order (rowid), cut at `size`, in the in-memory case's row
    // order: unordered, the join laid each base row's copies side by side, which Parquet compressed ~3x
    // better than data without such runs would be.
    await db.run(
      `INSERT INTO ${schema}.handoff_summaries SELECT ${columns}
       FROM (SELECT rowid AS i, * FROM base.handoff_summaries) b
       CROSS JOIN range(${String(Math.ceil(size / base.length))}) r(copy)
       WHERE r.copy * ${String(base.length)} + b.i < ${String(size)}
       ORDER BY r.copy, b.i`,
    );
    const insertMs = performance.now() - start;
    start = performance.now();
    await db.run(`COPY ${schema}.handoff_summaries TO '${parquet}' (FORMAT parquet)`);
    notes.push(
      `${String(size)} rows: DuckDB table filled in ${formatMs(insertMs)}, Parquet written in ` +
        `${formatMs(performance.now() - start)} (${fileMb(parquet).toFixed(0)} MB)`,
    );
  }
  db.closeSync();
  instance.closeSync();
  notes.push(`DuckDB database file, all sizes: ${fileMb(join(dir, "summaries.duckdb")).toFixed(0)} MB`);
  notes.push(`queries: scoreboardSql for DuckDB as of ${DEFAULT_SAMPLE_OPTIONS.asOf}, ${lengths.join(", ")}`);
  return notes;
}

/** Whether two numbers agree: both missing, or equal to 1e-9 relative (sums of 10M doubles in another order). */
const close = (a: number | null | undefined, b: number | null | undefined): boolean =>
  (a ?? null) === null || (b ?? null) === null
    ? (a ?? null) === (b ?? null)
    : Math.abs((a ?? 0) - (b ?? 0)) <= 1e-9 * Math.max(1, Math.abs(a ?? 0), Math.abs(b ?? 0));

/** Every difference between two cases' numbers; `[]` when they agree. */
function differences(reference: Numbers, other: Numbers): string[] {
  const out: string[] = [];
  const scopes = new Set([...Object.keys(reference), ...Object.keys(other)]);
  for (const scope of scopes) {
    const a = reference[scope];
    const b = other[scope];
    if (a === undefined || b === undefined) {
      out.push(`${scope}: only on one side`);
      continue;
    }
    for (const name of Object.keys(a))
      if (!close(a[name], b[name])) out.push(`${scope} ${name}: ${String(a[name])} vs ${String(b[name])}`);
  }
  return out;
}

const LABELS: Readonly<Record<CaseSpec["which"], string>> = {
  baseline: "process baseline",
  memory: "in memory, scoreboard()",
  table: "DuckDB, native table",
  parquet: "DuckDB, Parquet file",
  "parquet-1gb": "DuckDB, Parquet, memory_limit 1GB",
  profile: "DuckDB, native table, profiled",
};

/** Where DuckDB's time goes, from its profiler: each kind of operator's share of the time summed over threads. */
function operatorLine(outcome: Outcome, size: number): string {
  if (!outcome.ok || outcome.operators === undefined) return `not profiled (${reasonOf(outcome)})`;
  const kinds = Object.entries(outcome.operators).sort(([, a], [, b]) => b.seconds - a.seconds);
  const total = kinds.reduce((sum, [, kind]) => sum + kind.seconds, 0);
  const shares = kinds
    .slice(0, 4)
    .map(
      ([name, kind]) =>
        `${name} ${((100 * kind.seconds) / total).toFixed(0)}% (${String(kind.count)} operator` +
        `${kind.count === 1 ? "" : "s"}, ${kind.seconds.toFixed(2)} s)`,
    );
  return (
    `DuckDB's time by operator, native table by SDR, ${String(size)} rows (a separate profiled run, ` +
    `${formatMs(outcome.ms)}; ${total.toFixed(2)} s summed over its threads): ${shares.join(", ")}`
  );
}

const reasonOf = (outcome: Outcome | undefined): string =>
  outcome === undefined ? "not run" : outcome.ok ? "ran" : outcome.reason;

/** `a` against `b` in words: which is lower, by how much. */
function against(a: number, aName: string, b: number, bName: string, lower: string): string {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return `${aName} against ${bName}: not measured`;
  return a <= b
    ? `${aName} ${(b / a).toFixed(1)}x ${lower} than ${bName}`
    : `${bName} ${(a / b).toFixed(1)}x ${lower} than ${aName}`;
}

export async function run(): Promise<void> {
  const sizes = (process.env["SQL_SIZES"] ?? "1000000,10000000").split(",").map(Number);
  const largest = Math.max(...sizes);
  const smallest = Math.min(...sizes);
  const load = (): string => loadavg()[0]?.toFixed(2) ?? "?";
  const dir = mkdtempSync(join(tmpdir(), "handoff-kit-sql-bench-"));
  try {
    console.log("\nPreparing the data (not timed below):");
    for (const note of await prepare(dir, sizes)) console.log(`  ${note}`);
    const baseline = runCase({ name: LABELS.baseline, which: "baseline", grouping: "overall" }, 1, dir);
    console.log(
      `\nEach case runs once, in its own process (one run takes seconds at these sizes, so no repeats or ` +
        `medians); peak RSS is that process's maxRSS, and a process that only loads node, tsx, handoff-kit ` +
        `and DuckDB peaks at ${baseline.ok ? mb(baseline.maxRssMb) : `? (${baseline.reason})`}. DuckDB uses ` +
        `its default 2 threads (both cores) and memory_limit (80% of RAM) unless the case says 1GB; ` +
        `scoreboard() is single-threaded. The files are in the OS page cache (just written).`,
    );
    const wins: string[] = [];
    for (const size of sizes) {
      const specs: CaseSpec[] = [
        { name: LABELS.memory, which: "memory", grouping: "sdr" },
        { name: LABELS.table, which: "table", grouping: "sdr" },
        { name: LABELS.parquet, which: "parquet", grouping: "sdr" },
        ...(size === largest ? [{ name: LABELS["parquet-1gb"], which: "parquet-1gb", grouping: "sdr" } as const] : []),
        { name: LABELS.memory, which: "memory", grouping: "overall" },
        { name: LABELS.table, which: "table", grouping: "overall" },
      ];
      const loadBefore = load();
      const outcomes = specs.map((spec) => runCase(spec, size, dir));
      const memoryOf = (grouping: Grouping): Outcome | undefined =>
        outcomes.find((o) => o.which === "memory" && o.grouping === grouping);

      // The in-memory board is the reference; if it failed, the first DuckDB case that ran.
      const agreement: string[] = [];
      for (const grouping of ["sdr", "overall"] as const) {
        const ran = outcomes.filter((o) => o.grouping === grouping && o.ok);
        const [reference, ...others] = ran;
        if (reference === undefined || !reference.ok) continue;
        for (const other of others) {
          if (!other.ok) continue;
          const diff = differences(reference.numbers, other.numbers);
          agreement.push(
            `${other.name} vs ${reference.name} (${grouping === "sdr" ? "by SDR" : "overall"}): ` +
              (diff.length === 0 ? "yes" : `NO, ${String(diff.length)} differ: ${diff.slice(0, 3).join("; ")}`),
          );
        }
      }
      const allAgree = agreement.length > 0 && agreement.every((line) => line.endsWith(": yes"));

      console.log(`\nThe scoreboard over ${String(size)} summary rows (same numbers: ${allAgree ? "yes" : "no"})`);
      console.table(
        outcomes.map((o) => {
          const memory = memoryOf(o.grouping);
          const ratio = (of: (r: CaseResult) => number): string =>
            o.ok && memory?.ok === true && o.which !== "memory" ? `${(of(o) / of(memory)).toFixed(2)}x` : "";
          return {
            case: o.name,
            query: o.grouping === "sdr" ? "by SDR" : "overall",
            time: o.ok ? formatMs(o.ms) : "failed",
            "time ÷ in memory": ratio((r) => r.ms),
            "peak RSS": o.ok ? mb(o.maxRssMb) : "",
            "RSS ÷ in memory": ratio((r) => r.maxRssMb),
            note: !o.ok
              ? o.reason
              : o.rowsHeapMb !== undefined && o.buildMs !== undefined
                ? `rows take ${mb(o.rowsHeapMb)} of heap (built in ${formatMs(o.buildMs)}, not timed); ` +
                  `GC ${(100 * ((o.gcMs ?? Number.NaN) / o.ms)).toFixed(0)}% of the time`
                : "",
          };
        }),
      );
      console.log(`Load average (1 min; 2 cores): ${loadBefore} before these cases, ${load()} after.`);
      const first = outcomes.find((o) => o.ok && o.which !== "baseline");
      const overall = first?.ok === true ? first.numbers["overall"] : undefined;
      console.log(
        `Overall: handoffs ${String(overall?.["handoffs"])}, held_rate ${String(overall?.["held_rate"])}, ` +
          `time_to_first_follow_up_median ${String(overall?.["time_to_first_follow_up_median"])} ms`,
      );
      console.log(
        `Same numbers (${String(Object.keys(overall ?? {}).length)} columns, overall and per SDR, ` +
          `to 1e-9 relative): ${allAgree ? "yes" : "no"}\n  ` +
          (agreement.length === 0 ? "nothing to compare: no two cases ran" : agreement.join("\n  ")),
      );

      const time = (which: CaseSpec["which"], grouping: Grouping): number => {
        const o = outcomes.find((x) => x.which === which && x.grouping === grouping);
        return o?.ok === true ? o.ms : Number.NaN;
      };
      const rss = (which: CaseSpec["which"], grouping: Grouping): number => {
        const o = outcomes.find((x) => x.which === which && x.grouping === grouping);
        return o?.ok === true ? o.maxRssMb : Number.NaN;
      };
      const label = `${String(size).padStart(8)} rows`;
      wins.push(
        `${label}, time by SDR: ` +
          against(time("memory", "sdr"), "in memory", time("table", "sdr"), "DuckDB table", "faster") +
          "; " +
          against(time("memory", "sdr"), "in memory", time("parquet", "sdr"), "DuckDB Parquet", "faster"),
        `${label}, peak RSS by SDR: ` +
          against(rss("memory", "sdr"), "in memory", rss("table", "sdr"), "DuckDB table", "lower") +
          "; " +
          against(rss("memory", "sdr"), "in memory", rss("parquet", "sdr"), "DuckDB Parquet", "lower"),
      );
      wins.push(
        `${label}, time overall: ` +
          against(time("memory", "overall"), "in memory", time("table", "overall"), "DuckDB table", "faster"),
      );
      if (size === largest) {
        const limited = outcomes.find((o) => o.which === "parquet-1gb");
        const memory = memoryOf("sdr");
        const inMemory =
          memory?.ok === true
            ? `, where the in-memory path peaks at ${mb(memory.maxRssMb)} ` +
              `(its rows alone take ${mb(memory.rowsHeapMb ?? Number.NaN)} of heap)`
            : `; the in-memory path did not run (${reasonOf(memory)})`;
        wins.push(
          `${label}, DuckDB on Parquet under memory_limit 1GB: ` +
            (limited?.ok === true
              ? `done in ${formatMs(limited.ms)} at ${mb(limited.maxRssMb)} peak RSS${inMemory}`
              : `failed (${reasonOf(limited)})`),
        );
      }
    }
    const profiled = runCase({ name: LABELS.profile, which: "profile", grouping: "sdr" }, smallest, dir);
    console.log(`\n${operatorLine(profiled, smallest)}`);
    console.log(`\nWhere each wins:\n  ${wins.join("\n  ")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
