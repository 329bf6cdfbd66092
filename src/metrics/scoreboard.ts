import { HandoffKitError } from "../core/error.js";
import { isIterable } from "../core/guards.js";
import { accumulateFor, openAccumulator, type ScoreboardInput, type ScoreboardOptions } from "./accumulator.js";
import { finish, type Scoreboard } from "./finish.js";

/**
 * Every handoff metric at once, overall and grouped (by SDR, AE, segment, source, week or your own
 * function), in one pass over full records or `summarize` rows: rates with their numerators,
 * denominators, Wilson intervals and low-sample flags; median and p90 times; SLA compliance per
 * policy; quality; rejection reasons. Bad data is reported by index in `dataIssues` and left out of
 * the denominators it cannot support; nothing throws on data. Records whose instants are still text
 * (never parsed) are misuse: `invalid_argument`, naming the record and the field.
 *
 * @example
 * ```ts
 * import { scoreboard } from "handoff-kit/metrics";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const board = scoreboard(handoffs, { now: new Date("2026-11-14T02:00:00Z"), groupBy: "sdr" });
 * for (const group of board.groups)
 *   console.log(group.key, group.metrics.heldRate.value, group.metrics.heldRate.lowSample);
 * ```
 * @category Scoreboard
 */
export function scoreboard(handoffs: Iterable<ScoreboardInput>, options: ScoreboardOptions): Scoreboard {
  if (!isIterable(handoffs)) {
    throw new HandoffKitError("invalid_argument", {
      detail:
        "scoreboard expects an array (or any iterable) of parsed handoffs (parseHandoffs) or summary rows (summarize)",
    });
  }
  const acc = openAccumulator(options, "scoreboard");
  for (const handoff of handoffs) accumulateFor(acc, handoff, undefined, "scoreboard");
  return finish(acc);
}
