// What folding handoffs costs: replay under the team's rules and summarize (the flat rows the
// metrics module reads), per handoff, at two scales.
import { defineLifecycle, openGate, parseHandoffs, replay, summarize } from "handoff-kit/handoff";
import { scoreBrief } from "handoff-kit/rubric";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs } from "../examples/sample-data/generate.js";
import { formatMs, measure, printTable } from "./harness.js";

export function run(): void {
  const rules = defineLifecycle({ gate: "before_meeting", bookingGate: openGate });
  const small = parseHandoffs([...generateHandoffs(DEFAULT_SAMPLE_OPTIONS)]).valid.map((record) => record.value);
  const large = parseHandoffs([...generateHandoffs({ ...DEFAULT_SAMPLE_OPTIONS, volumeScale: 30 })]).valid.map((record) => record.value);
  const rows = [
    measure(`summarize, ${String(small.length)} handoffs`, () => small.map((handoff) => summarize(handoff))),
    measure(`summarize, ${String(large.length)} handoffs`, () => large.map((handoff) => summarize(handoff)), { budgetMs: 3_000 }),
    measure(`replay (team rules), ${String(large.length)} handoffs`, () => large.map((handoff) => replay(handoff.events, rules, handoff)), { budgetMs: 3_000 }),
    measure(`scoreBrief, ${String(large.length)} briefs`, () => large.map((handoff) => scoreBrief(handoff.brief, undefined, { prospect: handoff.prospect })), { budgetMs: 3_000 }),
  ];
  printTable("Folding handoffs (per batch)", rows, rows[0]?.name ?? "");
  const per = (index: number, count: number): string => formatMs((rows[index]?.medianMs ?? Number.NaN) / count);
  console.log(`per handoff: summarize ${per(1, large.length)}, replay ${per(2, large.length)} (includes re-parsing each event), scoreBrief ${per(3, large.length)}`);
}
