// How much checking a CRM export costs: parseHandoffs against its baseline, handoffSchema.safeParse in a
// plain loop on the same records (keeping its results, as a caller keeps the parsed records: a loop
// that drops them leaves the collector nothing to copy and flatters the schema by about a third), and
// against JSON.parse of the same data; and whether the cost per record stays flat as the batch grows.
import { handoffSchema, parseHandoffs } from "handoff-kit/handoff";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs } from "../examples/sample-data/generate.js";
import { formatMs, formatProfile, measure, printTable, profile } from "./harness.js";

/** The baseline: the schema alone, each result kept. */
function safeParseLoop(records: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const record of records) out.push(handoffSchema.safeParse(record));
  return out;
}

export async function run(): Promise<void> {
  // The sample's cases run before the large batch exists: held beside it, 11,260 parsed records make
  // every collection of the small case's garbage walk a larger heap, and a caller checking a few hundred
  // records holds no such batch. The large case shows what a batch that size costs of its own.
  const small = [...generateHandoffs(DEFAULT_SAMPLE_OPTIONS)];
  const smallJson = JSON.stringify(small);
  const smallRows = [
    measure(`safeParse loop, ${String(small.length)} records`, () => safeParseLoop(small)),
    measure(`parseHandoffs, ${String(small.length)} records`, () => parseHandoffs(small)),
    measure(`JSON.parse, ${String(small.length)} records`, () => JSON.parse(smallJson)),
  ];
  const smallProfile = await profile(() => parseHandoffs(small), 40);
  const large = [...generateHandoffs({ ...DEFAULT_SAMPLE_OPTIONS, volumeScale: 30 })];
  const largeJson = JSON.stringify(large);
  const rows = [
    ...smallRows,
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
  const perSecond = 1_000 / smallCost;
  const count = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log(
    `parseHandoffs: ${count(perSecond)} records a second on one core ` +
      `for the sample's records (issue 17: at least 50,000), ${count(1_000 / largeCost)} ` +
      `in the large batch; JSON.parse of the sample: ` +
      Math.round((1_000 * small.length) / median(2)).toLocaleString("en-US"),
  );
  if (perSecond >= 50_000) return;
  const summary = smallProfile;
  const share = (part: string) => summary.parts.find((entry) => entry.part === part)?.share ?? 0;
  console.log(
    `Missed by ${(50_000 / perSecond).toFixed(2)}x. Where parseHandoffs spends its time (a CPU profile of 40 runs ` +
      `over the sample):\n${formatProfile(summary)}\n` +
      `zod's parsers (${(share("zod") * 100).toFixed(0)}%) and the garbage they leave ` +
      `(${(share("garbage collection") * 100).toFixed(0)}%) are most of it: every field is a node of zod's tree, ` +
      "each with its own result object. The library's own parts (instants read in one step, unknown keys) are " +
      "the small rest. 50,000 a second needs a checker that allocates less than zod for a whole record " +
      "(a compiled fast path, falling back to zod for the issues), or parsing on worker threads.",
  );
}
