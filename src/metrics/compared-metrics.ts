/**
 * The metrics {@link compareWithRest} compares: rates (a difference of proportions, Newcombe's
 * interval) and the mean meeting quality (a difference of means, Welch's normal interval).
 *
 * @example
 * ```ts
 * import { COMPARED_METRICS } from "handoff-kit/metrics";
 * COMPARED_METRICS.includes("heldRate"); // true
 * ```
 * @category Comparisons and trends
 */
export const COMPARED_METRICS = [
  "heldRate",
  "noShowRate",
  "acceptanceRate",
  "handoffToOpportunityRate",
  "meetingQuality",
] as const;

/**
 * One of {@link COMPARED_METRICS}.
 *
 * @example
 * ```ts
 * import type { ComparedMetric } from "handoff-kit/metrics";
 * const metric: ComparedMetric = "acceptanceRate";
 * ```
 * @category Comparisons and trends
 */
export type ComparedMetric = (typeof COMPARED_METRICS)[number];
