// What folding handoffs costs: replay under the team's rules and summarize (the flat rows the
// metrics module reads), per handoff, at two scales.
import {
  applyEvent,
  defineLifecycle,
  openGate,
  parseHandoffs,
  replay,
  stateOf,
  summarize,
  type Handoff,
  type HandoffEvent,
} from "handoff-kit/handoff";
import { scoreBrief } from "handoff-kit/rubric";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs } from "../examples/sample-data/generate.js";
import { formatMs, measure, printTable } from "./harness.js";

export function run(): void {
  const rules = defineLifecycle({ gate: "before_meeting", bookingGate: openGate });
  const small = parseHandoffs([...generateHandoffs(DEFAULT_SAMPLE_OPTIONS)]).valid.map((record) => record.value);
  const large = parseHandoffs([...generateHandoffs({ ...DEFAULT_SAMPLE_OPTIONS, volumeScale: 30 })]).valid.map(
    (record) => record.value,
  );
  const rows = [
    measure(`summarize, ${String(small.length)} handoffs`, () => small.map((handoff) => summarize(handoff))),
    measure(`summarize, ${String(large.length)} handoffs`, () => large.map((handoff) => summarize(handoff)), {
      budgetMs: 3_000,
    }),
    measure(
      `replay (team rules), ${String(large.length)} handoffs`,
      () => large.map((handoff) => replay(handoff.events, rules, { handoff })),
      { budgetMs: 3_000 },
    ),
    measure(
      `scoreBrief, ${String(large.length)} briefs`,
      () => large.map((handoff) => scoreBrief(handoff.brief, undefined, { prospect: handoff.prospect })),
      { budgetMs: 3_000 },
    ),
  ];
  printTable("Folding handoffs (per batch)", rows, rows[0]?.name ?? "");
  const per = (index: number, count: number): string => formatMs((rows[index]?.medianMs ?? Number.NaN) / count);
  console.log(
    `per handoff: summarize ${per(1, large.length)}, ` +
      `replay ${per(2, large.length)} (includes re-parsing each event), ` +
      `scoreBrief ${per(3, large.length)}`,
  );
  const summarizeUs = ((rows[1]?.medianMs ?? Number.NaN) / large.length) * 1000;
  console.log(
    `summarize ${summarizeUs.toFixed(2)} µs a handoff: ${(summarizeUs / SUMMARIZE_BEFORE_US).toFixed(2)}x ` +
      `the ${String(SUMMARIZE_BEFORE_US)} µs recorded before issue 13 ` +
      `(target: at most 1x; this machine drifts 30-50% between hours, ` +
      `so compare with the bench at 8511afb run the same hour)`,
  );
  longHistories(rules, small[0]);
}

/** `summarize` per handoff before issue 13 (its one-pass fold), on this machine (docs/architecture.md). */
const SUMMARIZE_BEFORE_US = 3.96;

/**
 * One long-lived account: cycles of booked, acknowledged, rejected, recycled (four events each), in
 * time order, an hour apart. Before issue 13 the reducer copied the history on every event: 20k
 * events took 2.5 s and 100k over 60 s.
 */
function longHistory(base: Handoff, count: number): Handoff {
  const events: HandoffEvent[] = [];
  const start = Date.UTC(2020, 0, 1);
  const at = (i: number): Date => new Date(start + i * 3_600_000);
  for (let i = 0; events.length < count; i += 4) {
    events.push({
      id: `b${String(i)}`,
      type: "booked",
      at: at(i),
      by: "sdr-ana",
      meeting: { start: at(i + 48), end: at(i + 49) },
    });
    events.push({ id: `k${String(i)}`, type: "acknowledged", at: at(i + 1), by: "ae-omar" });
    events.push({
      id: `r${String(i)}`,
      type: "rejected",
      at: at(i + 2),
      by: "ae-omar",
      reason: "timing",
      note: "Budget opens in April 2027",
    });
    events.push({
      id: `c${String(i)}`,
      type: "recycled",
      at: at(i + 3),
      by: "sdr-ana",
      reason: "timing",
      nextTouchAt: at(i + 4),
    });
  }
  return { ...base, events: events.slice(0, count) };
}

function longHistories(rules: ReturnType<typeof defineLifecycle>, base: Handoff | undefined): void {
  if (base === undefined) return;
  const sizes = [1_000, 10_000, 100_000];
  const rows = sizes.flatMap((size) => {
    const handoff = longHistory(base, size);
    const shuffled = { ...handoff, events: [...handoff.events].reverse() };
    const { events } = handoff;
    const last = events.at(-1) as HandoffEvent;
    const before = { ...handoff, events: events.slice(0, -1) };
    return [
      measure(`stateOf, ${String(size)} events`, () => stateOf(handoff), { budgetMs: 2_000 }),
      measure(`summarize, ${String(size)} events`, () => summarize(handoff), { budgetMs: 2_000 }),
      measure(`summarize, ${String(size)} events delivered in reverse`, () => summarize(shuffled), { budgetMs: 2_000 }),
      measure(`replay (team rules), ${String(size)} events`, () => replay(events, rules, { handoff }), {
        budgetMs: 2_000,
      }),
      measure(`applyEvent on ${String(size - 1)} events`, () => applyEvent(before, last, rules), { budgetMs: 2_000 }),
    ];
  });
  printTable("One handoff's long history (per call)", rows, rows[0]?.name ?? "");
  const ms = (name: string): number => rows.find((row) => row.name === name)?.medianMs ?? Number.NaN;
  const perEvent = (size: number): string => {
    const us = (ms(`stateOf, ${String(size)} events`) / size) * 1000;
    return `${us.toFixed(3)} µs`;
  };
  console.log(
    `linear in events: stateOf per event ${perEvent(1_000)} at 1k, ${perEvent(10_000)} at 10k, ` +
      `${perEvent(100_000)} at 100k; ` +
      `100k events fold in ${formatMs(ms("stateOf, 100000 events"))} (stateOf), ` +
      `${formatMs(ms("summarize, 100000 events"))} (summarize), ` +
      `${formatMs(ms("summarize, 100000 events delivered in reverse"))} (reversed, sorted first) ` +
      `(target: under 100 ms; over 60 s before issue 13)`,
  );
}
