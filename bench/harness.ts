// A small benchmark harness: each case runs until it has used a time budget, and the median of its
// batches is reported, so one slow batch (a GC pause, the other core busy) does not skew the figure.

/** What a case measured: the median time of one call, and the extra heap it kept. */
export interface Measurement {
  readonly name: string;
  readonly medianMs: number;
  readonly runs: number;
  readonly note?: string;
}

export interface MeasureOptions {
  /** How long to keep measuring, in milliseconds. */
  readonly budgetMs?: number;
  /** Warm-up calls before measuring (the JIT must see the code first). */
  readonly warmup?: number;
  readonly note?: string;
}

/** Measures `fn`, returning the median wall time of one call. */
export function measure(name: string, fn: () => unknown, options: MeasureOptions = {}): Measurement {
  const { budgetMs = 1_000, warmup = 3 } = options;
  for (let i = 0; i < warmup; i += 1) consume(fn());
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (samples.length < 5 || (performance.now() < deadline && samples.length < 10_000)) {
    const start = performance.now();
    consume(fn());
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const medianMs = samples[Math.floor(samples.length / 2)] ?? Number.NaN;
  return { name, medianMs, runs: samples.length, ...(options.note === undefined ? {} : { note: options.note }) };
}

let sink: unknown;
function consume(value: unknown): void {
  sink = value;
}
/** Keeps results reachable so the engine cannot drop the work that made them. */
export const lastResult = (): unknown => sink;

/** Formats a duration with a unit that fits it. */
export function formatMs(ms: number): string {
  if (ms >= 1_000) return `${(ms / 1_000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 0.001) return `${(ms * 1_000).toFixed(2)} µs`;
  return `${(ms * 1e6).toFixed(0)} ns`;
}

/** Prints measurements as a table, each with its ratio to the named baseline. */
export function printTable(title: string, rows: readonly Measurement[], baseline: string): void {
  const base = rows.find((row) => row.name === baseline)?.medianMs ?? Number.NaN;
  const table = rows.map((row) => ({
    case: row.name,
    median: formatMs(row.medianMs),
    [`ratio to ${baseline}`]: `${(row.medianMs / base).toFixed(2)}x`,
    runs: row.runs,
    note: row.note ?? "",
  }));
  console.log(`\n${title}`);
  console.table(table);
}
