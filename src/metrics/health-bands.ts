import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, requireEach, requireList } from "../core/guards.js";
import { hasText } from "../core/text.js";
import type { Issue } from "../core/issue.js";
import { pure } from "../core/pure.js";
import { HOUR } from "../core/duration.js";

/**
 * The metrics a health band can be set on. Rates are fractions; the follow-up time is milliseconds
 * (its median or p90); meeting quality is the mean 1-5 score.
 *
 * @example
 * ```ts
 * import type { BandedMetric } from "handoff-kit/metrics";
 * const metric: BandedMetric = "acceptanceRate";
 * ```
 * @category Health
 */
export type BandedMetric =
  "heldRate" | "noShowRate" | "acceptanceRate" | "handoffToOpportunityRate" | "timeToFirstFollowUp" | "meetingQuality";

// A record, so the compiler holds it to the union above: a metric added there must be added here.
const BANDED_METRICS: Readonly<Record<BandedMetric, true>> = {
  heldRate: true,
  noShowRate: true,
  acceptanceRate: true,
  handoffToOpportunityRate: true,
  timeToFirstFollowUp: true,
  meetingQuality: true,
};

/**
 * A healthy band for one metric: its bounds (either may be open), what a value on each side likely
 * means, and where the band comes from. Bands are data: replace or extend them with the team's own.
 *
 * @example
 * ```ts
 * import type { HealthBand } from "handoff-kit/metrics";
 * const strict: HealthBand = {
 *   metric: "noShowRate",
 *   label: "No-show rate",
 *   high: 0.1,
 *   above: "Confirm every meeting the day before",
 *   source: "our Q3 target",
 * };
 * ```
 * @category Health
 */
export interface HealthBand {
  readonly metric: BandedMetric;
  readonly label: string;
  readonly low?: number;
  readonly high?: number;
  /** For `timeToFirstFollowUp`: which statistic is judged (p90 by default). */
  readonly statistic?: "median" | "p90";
  /** The likely cause when the value is below the band. */
  readonly below?: string;
  /** The likely cause when the value is above the band. */
  readonly above?: string;
  readonly source: string;
}

/**
 * The field's healthy bands (the 2027 handoff-process Q&A; see docs/sources.md): meetings held
 * 70-85% and no-shows under 15%, acceptance 60-80% with a meaning for each side, the first follow-up
 * within 48 hours, and a team default for meeting quality (the article names the 1-5 score averaged
 * per SDR but gives no band).
 *
 * @example
 * ```ts
 * import { DEFAULT_HEALTH_BANDS, type HealthBand } from "handoff-kit/metrics";
 * const ours: HealthBand[] = DEFAULT_HEALTH_BANDS.map((band) =>
 *   band.metric === "meetingQuality" ? { ...band, low: 3.5 } : band,
 * );
 * ```
 * @category Health
 */
export const DEFAULT_HEALTH_BANDS: readonly HealthBand[] = /* @__PURE__ */ pure(() =>
  defineHealthBands([
    {
      metric: "heldRate",
      label: "Meeting-held rate",
      low: 0.7,
      below:
        "Booked meetings are not happening: likely cold handoffs (a calendar drop with no intro email naming the AE " +
        "and restating the pain, no SDR on the first minutes of the call), weekly rather than daily SDR-AE syncs " +
        "(85.9% held with daily syncs against 73% weekly), or meetings booked that the AE then rejects and cancels",
      source:
        "70-85% of booked meetings actually happen (the 2027 handoff-process Q&A; above 85% is not flagged: " +
        "85.9% is reported with daily syncs); daily against weekly syncs " +
        "(InsideSales.com/Tenbound, cited in the high-conversion handoff article)",
    },
    {
      metric: "noShowRate",
      label: "No-show rate",
      high: 0.15,
      above: "Prospects are not turning up: likely cold handoffs, or meetings booked without confirmed pain and timing",
      source:
        "under 15% (the 2027 handoff-process Q&A); counted as Chili Piper does, past unrecorded meetings included",
    },
    {
      metric: "acceptanceRate",
      label: "Acceptance rate",
      low: 0.6,
      high: 0.8,
      below:
        "The SQL bar is loose, or AEs over-reject: " +
        "compare the rejection reasons with the written definition and calibrate it",
      above: "The SQL bar is too conservative: SDRs may be holding back meetings AEs would take",
      source: "60-80% (the 2027 handoff-process Q&A)",
    },
    {
      metric: "timeToFirstFollowUp",
      label: "Time to the AE's first follow-up (p90)",
      high: 48 * HOUR,
      statistic: "p90",
      above:
        "AEs are slow to pick up handoffs: the prospect's interest cools " +
        "(contact odds drop 100x from 5 to 30 minutes); same day, ideally within the hour",
      source:
        "under 48 hours (the 2027 handoff-process Q&A); same day, ideally within 1 hour " +
        "(the high-conversion handoff article); the 100x drop: MIT Lead Response Management Study, " +
        "cited in the high-conversion handoff article",
    },
    {
      metric: "meetingQuality",
      label: "Meeting quality (AE's 1-5 rating)",
      low: 3,
      below:
        "Meetings arrive without pain, buyer or timeline: " +
        "coach the SDR on the brief and walk a weak handoff at the huddle",
      source: "Team default: the 2027 handoff-process Q&A names the 1-5 score averaged per SDR but no band",
    },
  ]),
);

/** What is wrong with one band, each problem at its path under `at`: empty for a band assessHealth can judge. */
export function bandIssues(band: unknown, at: readonly (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  const problem = (field: string | undefined, code: Issue["code"], message: string): void => {
    issues.push({ code, path: field === undefined ? [...at] : [...at, field], message });
  };
  if (!isRecord(band)) {
    problem(undefined, "invalid_type", "Expected a band: { metric, label, source, low?, high? }");
    return issues;
  }
  const read = band as Partial<Record<keyof HealthBand, unknown>>;
  const { metric, low, high, statistic } = read;
  if (typeof metric !== "string" || !Object.hasOwn(BANDED_METRICS, metric))
    problem("metric", "invalid_value", `Expected one of ${Object.keys(BANDED_METRICS).join(", ")}`);
  for (const field of ["label", "source"] as const)
    if (!hasText(read[field])) problem(field, "invalid_type", "Expected text");
  for (const field of ["below", "above"] as const)
    if (read[field] !== undefined && typeof read[field] !== "string") problem(field, "invalid_type", "Expected text");
  // Stryker disable next-line ConditionalExpression: equivalent: Number.isFinite does not coerce: a non-number is false
  const isBound = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
  if (low !== undefined && !isBound(low)) problem("low", "invalid_type", "Expected a finite number");
  if (high !== undefined && !isBound(high)) problem("high", "invalid_type", "Expected a finite number");
  if (low === undefined && high === undefined) problem(undefined, "too_small", "A band needs low, high or both");
  if (isBound(low) && isBound(high) && low > high) problem("high", "invalid_range", "Expected high at or above low");
  if (statistic !== undefined && (metric !== "timeToFirstFollowUp" || (statistic !== "median" && statistic !== "p90")))
    problem("statistic", "invalid_value", "Expected median or p90, for timeToFirstFollowUp only");
  return issues;
}

/**
 * Throws `invalid_argument` unless `bands` is a list of bands assessHealth can judge, naming `fn` and
 * the argument (`bands`, `options.bands`): the call-time check of bands made without defineHealthBands.
 */
export function requireBands(bands: unknown, fn: string, name: string): void {
  requireList(bands, fn, name);
  requireEach(
    bands,
    // Stryker disable next-line ArrayDeclaration: equivalent: only whether a band has issues is read, not their paths
    (band) => bandIssues(band, []).length === 0,
    fn,
    name,
    "must be a band like DEFAULT_HEALTH_BANDS' entries",
  );
}

/**
 * Checks the health bands a team writes and returns them frozen: each a known metric with a label and
 * a source, a finite `low`, `high` or both (low at or under high), text for what each side means, and
 * `statistic` only for the follow-up time. Throws `invalid_config` with an issue at each bad field's
 * path (`[index, field]`). Later edits to the list passed in do not reach the bands.
 *
 * @example
 * ```ts
 * import { DEFAULT_HEALTH_BANDS, defineHealthBands } from "handoff-kit/metrics";
 *
 * // The field's bands, with the team's own stricter no-show target.
 * const ours = defineHealthBands(
 *   DEFAULT_HEALTH_BANDS.map((band) =>
 *     band.metric === "noShowRate" ? { ...band, high: 0.1, source: "our Q3 target: under 10%" } : band,
 *   ),
 * );
 * ```
 * @category Health
 */
export function defineHealthBands(bands: readonly HealthBand[]): readonly HealthBand[] {
  const list: unknown = bands;
  if (!Array.isArray(list))
    throw new HandoffKitError("invalid_config", {
      detail: "defineHealthBands",
      issues: [{ code: "invalid_type", path: [], message: `Expected a list of bands: ${describeValue(bands)}` }],
    });
  const issues = list.flatMap((band: unknown, index) => bandIssues(band, [index]));
  if (issues.length > 0) throw new HandoffKitError("invalid_config", { detail: "defineHealthBands", issues });
  return Object.freeze(bands.map((band) => Object.freeze({ ...band })));
}
