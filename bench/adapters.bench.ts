// Issue #15's benchmark: a meetings export of 1,000,000 rows (the sample team's HubSpot export,
// replicated with fresh ids and every instant moved back by whole quarters) through csv-parse, the
// adapter and the huddle report, as `handoff-kit report` runs it, side by side with csv-parse alone
// on the same file (the floor: no adapter can read a CSV faster than its parser). Each case runs in
// its own process, so its peak resident memory (maxRSS) is its own. ADAPTER_SIZES=100000 limits it.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify";
import { formatMs } from "./harness.js";

const QUARTER_MS = 13 * 7 * 86_400_000;
const TIMES = new Set([
  "hs_createdate",
  "hs_meeting_start_time",
  "hs_meeting_end_time",
  "hs_lastmodifieddate",
  "previous_meeting_start_time",
  "previous_meeting_end_time",
  "sales_accepted_at",
  "sales_rejected_at",
]);

async function writeExport(path: string, count: number): Promise<void> {
  const sample = parse<Record<string, string>>(
    readFileSync(new URL("../examples/data/hubspot-meetings.csv", import.meta.url), "utf8"),
    { columns: true },
  );
  const out = stringify({ header: true, columns: Object.keys(sample[0] ?? {}) });
  const done = new Promise<void>((resolve, reject) => {
    out.pipe(createWriteStream(path)).on("finish", resolve).on("error", reject);
  });
  let written = 0;
  for (let copy = 0; written < count; copy += 1) {
    for (const row of sample) {
      if (written === count) break;
      const moved: Record<string, string> = {};
      for (const [column, value] of Object.entries(row))
        moved[column] =
          TIMES.has(column) && value !== ""
            ? new Date(Date.parse(value) - copy * QUARTER_MS).toISOString()
            : column === "hs_object_id"
              ? `${value}${String(copy).padStart(5, "0")}`
              : value;
      if (!out.write(moved)) await new Promise((resolve) => out.once("drain", resolve));
      written += 1;
    }
  }
  out.end();
  await done;
}

interface CaseResult {
  readonly ms: number;
  readonly rows: number;
  readonly handoffs: number;
  readonly maxRssMb: number;
}

function runCase(which: string, file: string): CaseResult {
  const child = spawnSync(
    process.execPath,
    ["--max-old-space-size=16384", "--import", "tsx", "bench/adapters-case.ts", which, file],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`${which}: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "") as CaseResult;
}

export async function run(): Promise<void> {
  const sizes = (process.env["ADAPTER_SIZES"] ?? "100000,1000000").split(",").map(Number);
  const dir = mkdtempSync(join(tmpdir(), "handoff-kit-bench-"));
  try {
    for (const size of sizes) {
      const file = join(dir, `hubspot-${String(size)}.csv`);
      await writeExport(file, size);
      const mb = statSync(file).size / 1e6;
      const cases = ["csv-parse", "adapter", "report"].map((which) => ({ which, ...runCase(which, file) }));
      const floor = cases[0]?.ms ?? Number.NaN;
      console.log(
        `\nA HubSpot meetings export of ${String(size)} rows (${mb.toFixed(0)} MB), each case in its own process`,
      );
      console.table(
        cases.map((c) => ({
          case: c.which,
          time: formatMs(c.ms),
          "rows / s": Math.round(c.rows / (c.ms / 1000)).toLocaleString("en-US"),
          "ratio to csv-parse": `${(c.ms / floor).toFixed(2)}x`,
          handoffs: c.handoffs,
          "peak RSS": `${c.maxRssMb.toFixed(0)} MB`,
        })),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
