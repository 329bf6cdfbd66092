// One case of the end-to-end benchmark, in a process of its own so its peak memory is its own:
// `node --max-old-space-size=16384 --import tsx bench/e2e-case.ts <case> <file> <calendars>` prints
// one JSON line: each stage's time and the peak resident memory (maxRSS) at its end, the scoreboard's
// compared numbers and the huddle report as JSON.
//   memory   the week a team runs in memory, as `handoff-kit report` does: the JSON Lines file read and
//            parsed into handoffs, the scoreboard by SDR with the five built-in SLA policies, the huddle
//   duckdb   the same file streamed (two passes, a record at a time) through `report --engine duckdb`'s
//            engine: the tables written and loaded into DuckDB, the same scoreboard and the huddle's
//            four boards computed by handoff-kit/sql's queries and read back, then the huddle
import { readFileSync } from "node:fs";
import { resourceUsage } from "node:process";
import { parseHandoffs, type Handoff } from "handoff-kit/handoff";
import { huddleReport, scoreboard, type Scoreboard } from "handoff-kit/metrics";
import { HANDOFF_SLA_POLICIES, parseCalendar, type Calendar } from "handoff-kit/sla";
import { DEFAULT_SAMPLE_OPTIONS } from "../examples/sample-data/generate.js";
import { duckdbBoards } from "../packages/cli/src/commands/duckdb-engine.js";
import { jsonLinesSync } from "../packages/cli/src/read-records.js";
import { streamHandoffs } from "../packages/cli/src/sources.js";

export interface Stage {
  readonly stage: string;
  readonly ms: number;
  /** The process's peak resident memory so far, at the stage's end. */
  readonly maxRssMb: number;
  readonly note?: string;
}

export interface CaseOutcome {
  readonly stages: Stage[];
  readonly handoffs: number;
  /** Per SDR and overall: handoffs, held rate, and each policy's cycles met and breached. */
  readonly numbers: Record<string, (number | null)[]>;
  readonly huddle: string;
}

const [which = "", file = "", calendarsFile = ""] = process.argv.slice(2);
const now = new Date(DEFAULT_SAMPLE_OPTIONS.asOf);
const week = { timeZone: "America/New_York", startsOn: "mon" } as const;
const policies = HANDOFF_SLA_POLICIES;
const calendars: Record<string, Calendar> = {};
for (const [key, spec] of Object.entries(JSON.parse(readFileSync(calendarsFile, "utf8")) as Record<string, unknown>)) {
  const parsed = parseCalendar(spec);
  if (!parsed.ok) throw new Error(`calendar ${key} does not parse`);
  calendars[key] = parsed.value;
}

const stages: Stage[] = [];
function stage<T>(name: string, run: () => T, note?: (result: T) => string): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  stages.push({ stage: name, ms, maxRssMb: resourceUsage().maxRSS / 1024, ...(note ? { note: note(result) } : {}) });
  return result;
}

function numbersOf(board: Scoreboard): CaseOutcome["numbers"] {
  const levels = [{ key: "overall", metrics: board.overall }, ...board.groups];
  return Object.fromEntries(
    levels.map(({ key, metrics }) => [
      key,
      [
        metrics.handoffs,
        metrics.heldRate.value,
        ...metrics.slaCompliance.flatMap((sla) => [sla.met, sla.breached, sla.running]),
      ],
    ]),
  );
}

const huddleOptions = { now, week, calendars, policies } as const;
let outcome: CaseOutcome;
if (which === "memory") {
  const records = stage(
    "read (JSON Lines to records)",
    () => [...jsonLinesSync(file, "utf-8")].map(({ value }) => value),
    (r) => `${String(r.length)} records`,
  );
  const handoffs: readonly Handoff[] = stage("parse (parseHandoffs)", () =>
    parseHandoffs(records).valid.map((v) => v.value),
  );
  records.length = 0;
  const board = stage("scoreboard by SDR, five SLA policies", () =>
    scoreboard(handoffs, { now, week, groupBy: "sdr", calendars, policies }),
  );
  const huddle = stage("huddle report (its four boards in memory)", () => huddleReport(handoffs, huddleOptions));
  outcome = { stages, handoffs: handoffs.length, numbers: numbersOf(board), huddle: JSON.stringify(huddle) };
} else if (which === "duckdb") {
  const stream = streamHandoffs([file], {
    from: "json",
    encoding: "utf-8",
    histories: { ownerHistory: [], leads: [], leadHistory: [], opportunityHistory: [] },
  });
  if (stream === undefined) throw new Error(`${file}: not streamed`);
  // A pass that only reads and parses: what the engine's passes spend before any work of their own.
  const count = stage("a pass of the stream (read and parse only)", () => {
    let n = 0;
    const handoffs = stream[Symbol.iterator]();
    while (handoffs.next().done !== true) n += 1;
    return n;
  });
  const boards = await duckdbBoards({
    handoffs: stream,
    now,
    week,
    policies,
    calendars,
    html: true,
    timing: (step, ms) => stages.push({ stage: step, ms, maxRssMb: resourceUsage().maxRSS / 1024 }),
  });
  const huddle = stage("huddle report (a second pass, boards from SQL)", () =>
    huddleReport(stream, { ...huddleOptions, boards: boards.huddle }),
  );
  if (boards.bySdr === undefined) throw new Error("no board by SDR");
  outcome = { stages, handoffs: count, numbers: numbersOf(boards.bySdr), huddle: JSON.stringify(huddle) };
} else throw new Error(`case ${which}: memory or duckdb`);
console.log(JSON.stringify(outcome));
