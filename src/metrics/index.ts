/**
 * The metrics that tell a team whether its handoffs work: a scoreboard of every handoff metric with
 * honest denominators, Wilson intervals and low-sample flags, grouped any way; mergeable
 * accumulators for streams, chunks and workers; health findings against the field's bands with the
 * trend red flag; and the weekly SDR-AE huddle report.
 *
 * @module handoff-kit/metrics
 */
export {
  accumulate,
  type AccumulateOptions,
  createAccumulator,
  merge,
  restoreAccumulator,
  snapshotAccumulator,
  type AccumulatorSnapshot,
  type DataIssue,
  type ScoreboardAccumulator,
  type ScoreboardInput,
  type ScoreboardOptions,
} from "./accumulator.js";
export {
  finish,
  type BySource,
  type HandoffMetrics,
  type ReasonCount,
  type Scoreboard,
  type ScoreboardGroup,
  type SlaCompliance,
} from "./finish.js";
export type { GroupDimension, GroupFunction, WeekOptions } from "./group-by.js";
export type { DurationStats, Metric } from "./metric.js";
export { scoreboard } from "./scoreboard.js";
export {
  differenceInterval,
  meanInterval,
  poissonRateInterval,
  wilsonInterval,
  zScore,
  type Interval,
  type IntervalOptions,
} from "./statistics.js";
export { compareWithRest, type Comparison } from "./compare.js";
export { COMPARED_METRICS, type ComparedMetric } from "./compared-metrics.js";
export { detectTrends, type Trend, type DetectTrendsOptions } from "./trend.js";
export { DEFAULT_HEALTH_BANDS, defineHealthBands, type BandedMetric, type HealthBand } from "./health-bands.js";
export {
  assessHealth,
  type AssessHealthOptions,
  type BandFinding,
  type HealthFinding,
  type HealthReport,
  type TeamFinding,
  type TrendFinding,
} from "./health.js";
export {
  huddleReport,
  type HuddleBoards,
  type HuddleBreach,
  type HuddleReportOptions,
  type HuddleReport,
} from "./huddle.js";
export { slaClocks, type SlaClock, type SlaClocks, type SlaClocksOptions } from "./sla-clocks.js";
export { renderHuddleReport, type RenderHuddleReportOptions } from "./render-huddle.js";
