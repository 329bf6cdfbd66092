// One case of the adapters benchmark, in a process of its own so its peak memory is its own:
// `node --import tsx bench/adapters-case.ts <case> <file>` prints { ms, rows, handoffs, maxRssMb }.
//   csv-parse   the floor: csv-parse alone, streaming the file, counting rows
//   adapter     csv-parse, then fromHubSpotMeetings over the rows (the handoffs parsed and checked)
//   report      the whole path of `handoff-kit report`: csv-parse, the adapter, the huddle report
import { createReadStream } from "node:fs";
import { resourceUsage } from "node:process";
import { parse } from "csv-parse";
import { fromHubSpotMeetings, type SourceRow } from "handoff-kit/adapters";
import { huddleReport } from "handoff-kit/metrics";

const [which = "", file = ""] = process.argv.slice(2);
const NOW = new Date("2026-11-14T02:00:00Z");

async function readRows(keep: boolean): Promise<{ rows: SourceRow[]; count: number }> {
  const rows: SourceRow[] = [];
  let count = 0;
  for await (const row of createReadStream(file).pipe(parse({ columns: true }))) {
    count += 1;
    if (keep) rows.push(row as SourceRow);
  }
  return { rows, count };
}

const start = performance.now();
let handoffs = 0;
let count = 0;
if (which === "csv-parse") {
  count = (await readRows(false)).count;
} else {
  const read = await readRows(true);
  count = read.count;
  const result = fromHubSpotMeetings(read.rows);
  handoffs = result.handoffs.length;
  if (result.issues.length > 0) throw new Error(`${String(result.issues.length)} issues: the input is not clean`);
  if (which === "report") {
    const report = huddleReport(result.handoffs, { now: NOW, week: { timeZone: "America/New_York" } });
    if (report.numbers.booked === 0) throw new Error("an empty report");
  } else if (which !== "adapter") throw new Error(`no case ${which}`);
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rows: count, handoffs, maxRssMb: resourceUsage().maxRSS / 1024 }));
