// How much checking a CRM export costs: parseHandoffs against its baseline, handoffSchema.safeParse in a
// plain loop on the same records (keeping its results, as a caller keeps the parsed records: a loop
// that drops them leaves the collector nothing to copy and flatters the schema by about a third), and
// against JSON.parse of the same data; and whether the cost per record stays flat as the batch grows.
import { handoffSchema, parseHandoffs } from "handoff-kit/handoff";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs } from "../examples/sample-data/generate.js";
import { formatMs, measure, printTable } from "./harness.js";

/** The baseline: the schema alone, each result kept. */
function safeParseLoop(records: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const record of records) out.push(handoffSchema.safeParse(record));
  return out;
}

export function run(): void {
  const small = [...generateHandoffs(DEFAULT_SAMPLE_OPTIONS)];
  const large = [...generateHandoffs({ ...DEFAULT_SAMPLE_OPTIONS, volumeScale: 30 })];
  const smallJson = JSON.stringify(small);
  const largeJson = JSON.stringify(large);

  const rows = [
    measure(`safeParse loop, ${String(small.length)} records`, () => safeParseLoop(small)),
    measure(`parseHandoffs, ${String(small.length)} records`, () => parseHandoffs(small)),
    measure(`JSON.parse, ${String(small.length)} records`, () => JSON.parse(smallJson)),
    measure(`safeParse loop, ${String(large.length)} records`, () => safeParseLoop(large), { budgetMs: 3_000 }),
    measure(`parseHandoffs, ${String(large.length)} records`, () => parseHandoffs(large), { budgetMs: 3_000 }),
    measure(`JSON.parse, ${String(large.length)} records`, () => JSON.parse(largeJson), { budgetMs: 3_000 }),
  ];
  printTable(
    "Checking handoff records: parseHandoffs against handoffSchema.safeParse in a loop, and JSON.parse",
    rows,
    rows[0]?.name ?? "",
  );

  const median = (index: number): number => rows[index]?.medianMs ?? Number.NaN;
  const smallCost = median(1) / small.length;
  const largeCost = median(4) / large.length;
  console.log(
    `parseHandoffs per record: ${formatMs(smallCost)} at ${String(small.length)} records, ` +
      `${formatMs(largeCost)} at ${String(large.length)} (ratio ${(largeCost / smallCost).toFixed(2)}x)`,
  );
  console.log(
    `parseHandoffs / safeParse loop: ${(median(1) / median(0)).toFixed(2)}x at ${String(small.length)} records, ` +
      `${(median(4) / median(3)).toFixed(2)}x at ${String(large.length)} (issue 17: at most 1.2x)`,
  );
  console.log(
    `parseHandoffs: ${Math.round(1_000 / smallCost).toLocaleString("en-US")} records a second on one core ` +
      `for the sample's records (issue 17: at least 50,000); JSON.parse of the same: ` +
      Math.round((1_000 * small.length) / median(2)).toLocaleString("en-US"),
  );
}
