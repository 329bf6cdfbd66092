import { describe, expectTypeOf, it } from "vitest";
import type { Handoff, HandoffSummary } from "../../src/handoff/index.js";
import {
  accumulate,
  assessHealth,
  compareWithRest,
  createAccumulator,
  finish,
  huddleReport,
  type HealthFinding,
  merge,
  renderHuddleReport,
  scoreboard,
  type Comparison,
  type HealthReport,
  type HuddleReport,
  type Interval,
  type Metric,
  type Scoreboard,
  type ScoreboardAccumulator,
} from "../../src/metrics/index.js";

declare const handoffs: readonly Handoff[];
declare const rows: readonly HandoffSummary[];
const now = new Date("2026-11-14T02:00:00Z");

describe("metrics types", () => {
  it("reads records or summary rows, and nothing else", () => {
    expectTypeOf(scoreboard(handoffs, { now })).toEqualTypeOf<Scoreboard>();
    expectTypeOf(scoreboard(rows, { now })).toEqualTypeOf<Scoreboard>();
    expectTypeOf(scoreboard([...handoffs, ...rows], { now, groupBy: ["sdr", "week"] })).toEqualTypeOf<Scoreboard>();
    // @ts-expect-error: a plain object is neither
    scoreboard([{ id: "h-1" }], { now });
    // @ts-expect-error: now is required
    scoreboard(rows, {});
  });

  it("states a metric's value as a number or null, never undefined", () => {
    expectTypeOf<Metric["value"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Metric["interval"]>().toEqualTypeOf<Interval | null>();
    expectTypeOf(scoreboard(rows, { now }).overall.winRate.sdrSourced).toEqualTypeOf<Metric>();
  });

  it("threads accumulators through accumulate, merge and finish", () => {
    const acc = createAccumulator({ now });
    expectTypeOf(accumulate(acc, rows[0] as HandoffSummary)).toEqualTypeOf<ScoreboardAccumulator>();
    expectTypeOf(merge(acc, acc)).toEqualTypeOf<ScoreboardAccumulator>();
    expectTypeOf(finish(acc)).toEqualTypeOf<Scoreboard>();
    expectTypeOf(acc.seen).toEqualTypeOf<number>();
  });

  it("types the health, comparison and huddle results", () => {
    const board = scoreboard(rows, { now, groupBy: "sdr" });
    expectTypeOf(assessHealth(board)).toEqualTypeOf<HealthReport>();
    expectTypeOf(compareWithRest(board)).toEqualTypeOf<Comparison[]>();
    expectTypeOf(huddleReport(handoffs, { now })).toEqualTypeOf<HuddleReport>();
    expectTypeOf(renderHuddleReport)
      .parameter(1)
      .toEqualTypeOf<{ readonly format?: "text" | "markdown" } | undefined>();
    // @ts-expect-error: the huddle needs full records (briefs and events), not rows
    huddleReport(rows, { now });
  });

  it("a health finding's kind decides its shape", () => {
    const finding = {} as HealthFinding;
    if (finding.kind === "differs_from_team") {
      expectTypeOf(finding.rest).toEqualTypeOf<number>();
      // A comparison with the team has no band, so no likely cause.
      expectTypeOf(finding).not.toHaveProperty("likelyCause");
    }
    if (finding.kind === "red_flag")
      expectTypeOf(finding.booked).toEqualTypeOf<{ readonly earlier: number; readonly recent: number }>();
    if (finding.kind === "outside_band") expectTypeOf(finding.side).toEqualTypeOf<"below" | "above">();
  });
});
