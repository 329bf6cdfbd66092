import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import { pure } from "../core/pure.js";
import { isNumber, isValidDate, type ShapeCheck, shapeOf } from "../core/shape.js";
import { COMPARED_METRICS } from "./compared-metrics.js";
import type { HandoffMetrics, Scoreboard } from "./finish.js";

/**
 * Throws `invalid_argument` unless `board` has the shape `scoreboard` returns, as far as its readers
 * (`compareWithRest`, `detectTrends`, `assessHealth`) read it: the settings, and for the overall
 * numbers and each group's the counts and rates they compare. Typed code always passes; a board
 * built by hand, or read back from storage with its dates as text, is answered with the part that is
 * wrong instead of a `TypeError`.
 */
export function requireBoard(board: unknown, fn: string): asserts board is Scoreboard {
  const problem = boardProblem(board);
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn} expects a board made by scoreboard (or finish): ${problem}`,
    });
}

function boardProblem(board: unknown): string | undefined {
  if (!isRecord(board)) return `it is ${describeValue(board)}`;
  const { now, groupBy, week, confidence, minSample, overall, groups } = board as Partial<
    Record<keyof Scoreboard, unknown>
  >;
  if (!isValidDate(now)) return `now is ${describeValue(now)}, not a valid Date`;
  if (!Array.isArray(groupBy) || groupBy.findIndex((name) => typeof name !== "string") >= 0)
    return `groupBy is ${describeValue(groupBy)}, not a list of dimensions`;
  const { timeZone, startsOn } = (isRecord(week) ? week : {}) as { timeZone?: unknown; startsOn?: unknown };
  if (typeof timeZone !== "string" || typeof startsOn !== "string")
    return `week is ${describeValue(week)}, not { timeZone, startsOn }`;
  if (typeof confidence !== "number") return `confidence is ${describeValue(confidence)}`;
  if (typeof minSample !== "number") return `minSample is ${describeValue(minSample)}`;
  const overallProblem = metricsProblem(overall, "overall");
  if (overallProblem !== undefined) return overallProblem;
  if (!Array.isArray(groups)) return `groups is ${describeValue(groups)}`;
  for (const [index, group] of groups.entries()) {
    const problem = groupProblem(group, `groups[${String(index)}]`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function groupProblem(group: unknown, path: string): string | undefined {
  if (!isRecord(group)) return `${path} is ${describeValue(group)}`;
  const { key, keys, metrics } = group as { key?: unknown; keys?: unknown; metrics?: unknown };
  if (typeof key !== "string") return `${path}.key is ${describeValue(key)}`;
  if (!isRecord(keys) || !Object.values(keys).every((name) => typeof name === "string"))
    return `${path}.keys is ${describeValue(keys)}, not names by dimension`;
  return metricsProblem(metrics, `${path}.metrics`);
}

function metricsProblem(metrics: unknown, path: string): string | undefined {
  if (!isRecord(metrics)) return `${path} is ${describeValue(metrics)}`;
  const read = metrics as Partial<Record<keyof HandoffMetrics, unknown>>;
  if (typeof read.meetingsBooked !== "number") return `${path}.meetingsBooked is ${describeValue(read.meetingsBooked)}`;
  const quality = (isRecord(read.meetingQuality) ? read.meetingQuality : {}) as { mean?: unknown };
  const styles = (isRecord(read.heldRateByStyle) ? read.heldRateByStyle : {}) as { warm?: unknown; cold?: unknown };
  // What the readers compare, each a Metric with a numerator and a denominator (for meeting quality,
  // its mean), and the held rates by style that the health bands read.
  const rates = COMPARED_METRICS.map((name): [string, unknown] =>
    name === "meetingQuality" ? ["meetingQuality.mean", quality.mean] : [name, read[name]],
  );
  rates.push(["heldRateByStyle.warm", styles.warm], ["heldRateByStyle.cold", styles.cold]);
  const bad = rates.find(([, rate]) => !isRate(rate));
  if (bad !== undefined) return `${path}.${bad[0]} is ${describeValue(bad[1])}, not a metric`;
  const distribution = (quality as { distribution?: unknown }).distribution;
  if (
    !Array.isArray(distribution) ||
    distribution.length !== 5 ||
    distribution.findIndex((count) => typeof count !== "number") >= 0
  )
    return `${path}.meetingQuality.distribution is ${describeValue(distribution)}, not five counts`;
  const meetings = (isRecord(read.meetings) ? read.meetings : {}) as Record<string, unknown>;
  const count = (["held", "noShow", "cancelled", "upcoming", "pastUnrecorded"] as const).find(
    (field) => typeof meetings[field] !== "number",
  );
  if (count !== undefined) return `${path}.meetings.${count} is ${describeValue(meetings[count])}`;
  const followUp = read.timeToFirstFollowUp;
  return isRecord(followUp) && isDuration((followUp as { calendar?: unknown }).calendar)
    ? undefined
    : `${path}.timeToFirstFollowUp is ${describeValue(followUp)}, not { calendar, business }`;
}

const numberOrNull: ShapeCheck = (value) => value === null || typeof value === "number";
const isInterval = /* @__PURE__ */ shapeOf({ low: isNumber, high: isNumber });

/** A Metric: its counts, its value and its interval, each what the readers do arithmetic on. */
const isRate = /* @__PURE__ */ pure(() =>
  shapeOf({
    numerator: isNumber,
    denominator: isNumber,
    value: numberOrNull,
    interval: (interval) => interval === null || isInterval(interval),
  }),
);

const isDuration = /* @__PURE__ */ pure(() =>
  shapeOf({ count: isNumber, median: numberOrNull, p90: numberOrNull, mean: numberOrNull }),
);
