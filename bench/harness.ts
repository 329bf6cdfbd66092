// A small benchmark harness: each case runs until it has used a time budget, and the median of its
// batches is reported, so one slow batch (a GC pause, the other core busy) does not skew the figure.
import { Session } from "node:inspector/promises";

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

/** Where a profile's time went: a share of the samples by part, and the functions that took the most. */
export interface ProfileSummary {
  /** Each part's share, largest first: `garbage collection`, `zod`, a handoff-kit folder (`src/sla`), ... */
  readonly parts: readonly { readonly part: string; readonly share: number }[];
  /** The functions with the most time of their own, with their file and line. */
  readonly top: readonly { readonly fn: string; readonly share: number }[];
}

/**
 * Runs `fn` `runs` times under V8's sampling profiler (through the inspector, in this process) and
 * says where the time went, so a goal a benchmark misses is printed with the profile that shows why.
 */
export async function profile(fn: () => unknown, runs: number, top = 8): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  for (let i = 0; i < runs; i += 1) consume(fn());
  const { profile: taken } = await session.post("Profiler.stop");
  session.disconnect();
  const nodes = new Map(taken.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  (taken.samples ?? []).forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (taken.timeDeltas?.[i] ?? 0)));
  const parts = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const frame = nodes.get(id)?.callFrame;
    // Idle time, and the inspector's own call that stops the profiler and hands it over, are not the case's.
    if (frame === undefined || ["(idle)", "(program)"].includes(frame.functionName)) continue;
    if (frame.functionName === "dispatch" && frame.url === "") continue;
    const part = partOf(frame.url, frame.functionName);
    parts.set(part, (parts.get(part) ?? 0) + time);
    // The file, not the line: code run through tsx is profiled without its source map.
    const where = frame.url === "" ? "" : ` (${frame.url.split("/").slice(-2).join("/")})`;
    const fnKey = `${frame.functionName === "" ? "(anonymous)" : frame.functionName}${where}`;
    fns.set(fnKey, (fns.get(fnKey) ?? 0) + time);
  }
  const total = [...parts.values()].reduce((a, b) => a + b, 0);
  const shares = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).map(([name, time]) => ({ name, share: time / total }));
  return {
    parts: shares(parts).map(({ name, share }) => ({ part: name, share })),
    top: shares(fns)
      .slice(0, top)
      .map(({ name, share }) => ({ fn: name, share })),
  };
}

function partOf(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "garbage collection";
  if (url.includes("/node_modules/zod/")) return "zod";
  const own = /\/(src|dist)\/([^/]+)\//u.exec(url);
  if (own !== null && !url.includes("/node_modules/")) return `handoff-kit ${own[1] ?? ""}/${own[2] ?? ""}`;
  if (url.includes("/node_modules/")) return "other packages";
  if (url === "" || url.startsWith("node:")) return "V8 and Node built-ins";
  return "the benchmark and the rest";
}

/** A profile summary as lines to print. */
export function formatProfile(summary: ProfileSummary): string {
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  return [
    `  by part: ${summary.parts
      .filter(({ share }) => share >= 0.01)
      .map(({ part, share }) => `${part} ${pct(share)}`)
      .join(", ")}`,
    ...summary.top.map(({ fn, share }) => `  ${pct(share).padStart(6)}  ${fn}`),
  ].join("\n");
}
