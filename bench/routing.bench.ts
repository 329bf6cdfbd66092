// Routing (issue 18): 1M leads over 200 reps, a decision's time against the leads routed before it
// (it must not grow) and against the number of reps (at most the log), side by side with a plain
// array scan: the same weighted choice made by reading every member and copying the array, as a pure
// router without the tree would.
import { defineRouting, route, type Routing, type RoutingState } from "handoff-kit/routing";
import { formatMs } from "./harness.js";

const MINUTE = 60_000;
const START = Date.UTC(2026, 11, 1, 14);

/** Weights 1 to 5, the same for a given number of reps on every run. */
function weightsOf(reps: number): number[] {
  let x = 18;
  return Array.from({ length: reps }, () => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    return 1 + (x % 5);
  });
}

function routingOf(weights: readonly number[]): Routing {
  return defineRouting({
    rules: [],
    fallback: "team",
    queues: [
      {
        id: "team",
        members: weights.map((weight, i) => ({ rep: `rep-${String(i)}`, weight })),
        strategy: "weighted",
        timeZone: "America/New_York",
        reset: "never",
      },
    ],
    seed: "bench",
  });
}

/**
 * The baseline: the quota method over an array of members, each decision reading every member
 * (released: count under the share earned; first due: the least (count + 1) / weight, ties by rank)
 * and returning a new array with the chosen member's count raised.
 */
function arrayScan(weights: readonly number[], ranks: readonly number[]) {
  const total = weights.reduce((a, b) => a + b, 0);
  let members: readonly { readonly count: number }[] = weights.map(() => ({ count: 0 }));
  let leads = 0;
  return (): number => {
    const g = (leads + 1) / total;
    let best = -1;
    let fallback = -1;
    const better = (i: number, j: number) => {
      const a = ((members[i]?.count ?? 0) + 1) / (weights[i] as number);
      const b = ((members[j]?.count ?? 0) + 1) / (weights[j] as number);
      return a < b || (a === b && (ranks[i] as number) < (ranks[j] as number));
    };
    for (let i = 0; i < members.length; i += 1) {
      if (fallback === -1 || better(i, fallback)) fallback = i;
      const released = ((members[i]?.count ?? 0) + 1e-9) / (weights[i] as number) < g;
      if (released && (best === -1 || better(i, best))) best = i;
    }
    const chosen = best === -1 ? fallback : best;
    members = members.map((member, i) => (i === chosen ? { count: member.count + 1 } : member));
    leads += 1;
    return chosen;
  };
}

/** Routes `leads` leads, timing each block of `block` decisions; returns µs per decision by block. */
function timeRoute(routing: Routing, leads: number, block: number): { perBlock: number[]; choices: string[] } {
  let state: RoutingState = { queues: {} };
  const perBlock: number[] = [];
  const choices: string[] = [];
  for (let start = 0; start < leads; start += block) {
    const t0 = performance.now();
    for (let n = start; n < start + block; n += 1) {
      const result = route(state, { id: "l" }, routing, { now: START + n * MINUTE });
      state = result.state;
      if (n < 2_000) choices.push(result.assignee ?? "");
    }
    perBlock.push(((performance.now() - t0) * 1_000) / block);
  }
  return { perBlock, choices };
}

function timeScan(weights: readonly number[], ranks: readonly number[], leads: number, block: number) {
  const next = arrayScan(weights, ranks);
  const perBlock: number[] = [];
  const choices: string[] = [];
  for (let start = 0; start < leads; start += block) {
    const t0 = performance.now();
    for (let n = start; n < start + block; n += 1) {
      const chosen = next();
      if (n < 2_000) choices.push(`rep-${String(chosen)}`);
    }
    perBlock.push(((performance.now() - t0) * 1_000) / block);
  }
  return { perBlock, choices };
}

/** The seeded tie order `defineRouting` uses: FNV-1a of `seed:rep`, then the rep (docs/routing.md). */
function ranksOf(reps: number, seed: string): number[] {
  const hash = (text: string) => {
    let h = 0x81_1c_9d_c5;
    for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01_00_01_93) >>> 0;
    return h;
  };
  const keyed = Array.from({ length: reps }, (_, i) => ({
    i,
    rep: `rep-${String(i)}`,
    h: hash(`${seed}:rep-${String(i)}`),
  }));
  keyed.sort((a, b) => a.h - b.h || (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  const ranks: number[] = [];
  keyed.forEach(({ i }, place) => {
    ranks[i] = place;
  });
  return ranks;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export function run(): void {
  const leads = Number(process.env["ROUTING_LEADS"] ?? 1_000_000);
  const block = 50_000;
  console.log(
    `\nRouting ${String(leads)} leads over 200 reps (weighted, one lead a minute), ` +
      `µs per decision by block of ${String(block)}`,
  );
  const weights = weightsOf(200);
  const ranks = ranksOf(200, "bench");
  const routed = timeRoute(routingOf(weights), leads, block);
  const scanned = timeScan(weights, ranks, leads, block);
  const agree = routed.choices.every((rep, n) => rep === scanned.choices[n]);
  console.table(
    routed.perBlock.map((us, i) => ({
      "leads before": (i * block).toLocaleString("en-US"),
      route: `${us.toFixed(2)} µs`,
      "array scan": `${(scanned.perBlock[i] ?? NaN).toFixed(2)} µs`,
      "route / scan": `${(us / (scanned.perBlock[i] ?? NaN)).toFixed(2)}x`,
    })),
  );
  const first = median(routed.perBlock.slice(1, 4));
  const last = median(routed.perBlock.slice(-3));
  console.log(
    `route: ${first.toFixed(2)} µs a decision early on, ${last.toFixed(2)} µs after ` +
      `${(leads - 3 * block).toLocaleString("en-US")} leads (${(last / first).toFixed(2)}x: must not grow); ` +
      `the first 2,000 choices ${agree ? "equal" : "DIFFER FROM"} the array scan's`,
  );
  if (globalThis.gc !== undefined) globalThis.gc();
  console.log(`heap after routing: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB (the state is O(reps))`);

  console.log(`\nOne decision against the number of reps (100,000 leads each; µs per decision, median of blocks)`);
  const rows: Record<string, string>[] = [];
  let base: { reps: number; route: number; scan: number } | undefined;
  for (const reps of [25, 50, 100, 200, 400, 800, 1_600, 3_200]) {
    const w = weightsOf(reps);
    const r = median(timeRoute(routingOf(w), 100_000, 10_000).perBlock.slice(2));
    const s = median(timeScan(w, ranksOf(reps, "bench"), 100_000, 10_000).perBlock.slice(2));
    base ??= { reps, route: r, scan: s };
    const logRatio = Math.log2(reps) / Math.log2(base.reps);
    rows.push({
      reps: String(reps),
      route: formatMs(r / 1_000),
      "route vs 25 reps": `${(r / base.route).toFixed(2)}x`,
      "log2(reps) vs 25": `${logRatio.toFixed(2)}x`,
      "array scan": formatMs(s / 1_000),
      "scan vs 25 reps": `${(s / base.scan).toFixed(2)}x`,
      "route / scan": `${(r / s).toFixed(2)}x`,
    });
  }
  console.table(rows);
  console.log(
    "Goal (issue 18): per decision flat in the leads routed before, at most logarithmic in the reps; " +
      "the array scan grows with the reps (it reads and copies every member).",
  );
}
