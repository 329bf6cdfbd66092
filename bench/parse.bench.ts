// How much checking a CRM export costs: parseHandoffs against JSON.parse of the same records, and
// whether the cost per record stays flat as the batch grows.
import { parseHandoffs } from "handoff-kit/handoff";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs } from "../examples/sample-data/generate.js";
import { formatMs, measure, printTable } from "./harness.js";

export function run(): void {
  const small = [...generateHandoffs(DEFAULT_SAMPLE_OPTIONS)];
  const large = [...generateHandoffs({ ...DEFAULT_SAMPLE_OPTIONS, volumeScale: 30 })];
  const smallJson = JSON.stringify(small);
  const largeJson = JSON.stringify(large);

  const rows = [
    measure(`JSON.parse, ${String(small.length)} records`, () => JSON.parse(smallJson)),
    measure(`parseHandoffs, ${String(small.length)} records`, () => parseHandoffs(small)),
    measure(`JSON.parse, ${String(large.length)} records`, () => JSON.parse(largeJson), { budgetMs: 3_000 }),
    measure(`parseHandoffs, ${String(large.length)} records`, () => parseHandoffs(large), { budgetMs: 3_000 }),
  ];
  printTable(
    "Checking handoff records (parseHandoffs) against JSON.parse of the same records",
    rows,
    rows[0]?.name ?? "",
  );

  const perRecord = (index: number, count: number): number => (rows[index]?.medianMs ?? Number.NaN) / count;
  const smallCost = perRecord(1, small.length);
  const largeCost = perRecord(3, large.length);
  console.log(
    `parseHandoffs per record: ${formatMs(smallCost)} at ${String(small.length)} records, ` +
      `${formatMs(largeCost)} at ${String(large.length)} (ratio ${(largeCost / smallCost).toFixed(2)}x)`,
  );
  console.log(
    `parseHandoffs vs JSON.parse at ${String(large.length)} records: ` +
      `${((rows[3]?.medianMs ?? 0) / (rows[2]?.medianMs ?? 1)).toFixed(2)}x`,
  );
}
