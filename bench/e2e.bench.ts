// Issue #17's end-to-end run: the week a team runs, on the bundled sample's handoffs copied E2E_COPIES
// times (1,000 by default, about 370k records, each copy with fresh ids) in a JSON Lines file, through
// reading, parsing, the scoreboard by SDR with the five built-in SLA policies and the huddle report,
// in memory, against `report --engine duckdb`'s engine computing the same scoreboard (and the
// huddle's boards) by handoff-kit/sql's queries from the same file, streamed. Each case runs in its
// own process (bench/e2e-case.ts), so its peak resident memory is its own; each stage prints its
// time and the peak so far. The two cases' numbers (per SDR: handoffs, held rate, each policy's met,
// breached and running cycles) and huddle reports must be equal.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatMs } from "./harness.js";
import type { CaseOutcome } from "./e2e-case.js";

const CASE_FILE = fileURLToPath(new URL("./e2e-case.ts", import.meta.url));
const SAMPLE = fileURLToPath(new URL("../examples/data/sample-handoffs.json", import.meta.url));

async function writeCopies(path: string, copies: number): Promise<number> {
  const sample = JSON.parse(readFileSync(SAMPLE, "utf8")) as { handoffs: { id: string }[] };
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => out.on("finish", resolve).on("error", reject));
  for (let copy = 0; copy < copies; copy += 1) {
    const lines = sample.handoffs.map((handoff) => JSON.stringify({ ...handoff, id: `${handoff.id}-${String(copy)}` }));
    if (!out.write(`${lines.join("\n")}\n`))
      await new Promise<void>((resolve) =>
        out.once("drain", () => {
          resolve();
        }),
      );
  }
  out.end();
  await done;
  return sample.handoffs.length * copies;
}

function runCase(which: string, file: string, calendars: string): CaseOutcome {
  const child = spawnSync(
    process.execPath,
    ["--max-old-space-size=16384", "--import", "tsx", CASE_FILE, which, file, calendars],
    { encoding: "utf8", maxBuffer: 1 << 28 },
  );
  if (child.status !== 0) throw new Error(`${which}: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "") as CaseOutcome;
}

export async function run(): Promise<void> {
  const copies = Number(process.env["E2E_COPIES"] ?? "1000");
  const dir = mkdtempSync(join(tmpdir(), "handoff-kit-e2e-"));
  try {
    const file = join(dir, "handoffs.jsonl");
    const records = await writeCopies(file, copies);
    const calendars = join(dir, "calendars.json");
    writeFileSync(
      calendars,
      JSON.stringify((JSON.parse(readFileSync(SAMPLE, "utf8")) as { calendars: unknown }).calendars),
    );
    console.log(
      `\nThe week's run on ${records.toLocaleString("en-US")} handoff records ` +
        `(${String(copies)} copies of the sample), a JSON Lines file of ` +
        `${(statSync(file).size / 1e6).toFixed(0)} MB; each case in its own process`,
    );
    const cases = (["memory", "duckdb"] as const).map((which) => ({ which, ...runCase(which, file, calendars) }));
    for (const c of cases) {
      const total = c.stages.reduce((sum, s) => sum + s.ms, 0);
      console.log(`\n${c.which === "memory" ? "In memory" : "DuckDB engine, streamed"}: ${formatMs(total)} in all`);
      console.table(
        c.stages.map((s) => ({
          stage: s.stage,
          time: formatMs(s.ms),
          "share of the run": `${((100 * s.ms) / total).toFixed(0)}%`,
          "peak RSS so far": `${s.maxRssMb.toFixed(0)} MB`,
          note: s.note ?? "",
        })),
      );
    }
    const [memory, duckdb] = cases;
    if (memory === undefined || duckdb === undefined) return;
    const total = (c: CaseOutcome): number => c.stages.reduce((sum, s) => sum + s.ms, 0);
    const peak = (c: CaseOutcome): number => Math.max(...c.stages.map((s) => s.maxRssMb));
    // The DuckDB case's first stage is a measuring pass the engine does not need: left out of its total.
    const engineMs = total(duckdb) - (duckdb.stages[0]?.ms ?? 0);
    console.log(
      `\nDuckDB engine against in memory: time ${(engineMs / total(memory)).toFixed(2)}x ` +
        `(${formatMs(engineMs)} against ${formatMs(total(memory))}), ` +
        `peak RSS ${(peak(duckdb) / peak(memory)).toFixed(2)}x ` +
        `(${peak(duckdb).toFixed(0)} MB against ${peak(memory).toFixed(0)} MB)`,
    );
    const sameNumbers = JSON.stringify(memory.numbers) === JSON.stringify(duckdb.numbers);
    console.log(
      `Same handoffs (${String(memory.handoffs)}), same numbers per SDR (handoffs, held rate, each policy's met, ` +
        `breached, running): ${sameNumbers && memory.handoffs === duckdb.handoffs ? "yes" : "NO"}; ` +
        `same huddle report: ${memory.huddle === duckdb.huddle ? "yes" : "NO"}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
