import { requireDefinition } from "./sql-definition.js";
import { isRecord, optionsOf, requireList, requireNumbers } from "../core/guards.js";
import type { Issue } from "../core/issue.js";
import type { Framework } from "./frameworks.js";
import type { SqlDefinition } from "./sql-definition.js";

/**
 * One reviewer's grades of one handoff in a calibration session: per criterion, whether the
 * evidence met the bar (`met`, `not_met`) or the reviewer could not tell (`unclear`).
 *
 * @example
 * ```ts
 * import type { CalibrationReview } from "handoff-kit/qualification";
 * const review: CalibrationReview = {
 *   reviewer: "ae-omar",
 *   handoffId: "h-1042",
 *   grades: { budget: "met", authority: "unclear" },
 * };
 * ```
 * @category Calibration
 */
export interface CalibrationReview {
  readonly reviewer: string;
  readonly handoffId: string;
  readonly grades: Readonly<Record<string, "met" | "not_met" | "unclear">>;
}

/**
 * Agreement on one criterion (or overall): Cohen's kappa for two reviewers, Fleiss' for more, with
 * the share of ratings that agreed.
 *
 * @example
 * ```ts
 * import type { Agreement } from "handoff-kit/qualification";
 * const shaky = (agreement: Agreement): boolean => agreement.kappa !== null && agreement.kappa < 0.6;
 * ```
 * @category Calibration
 */
export interface Agreement {
  readonly kappa: number | null;
  readonly method: "cohen" | "fleiss" | "none";
  /** Share of agreeing pairs of ratings. */
  readonly observed: number | null;
  /** Handoffs rated by every reviewer. */
  readonly items: number;
  readonly reviewers: number;
}

/**
 * A calibration session's result: agreement per criterion and overall, the criteria whose
 * disagreement says the definition is ambiguous, and issues found in the reviews.
 *
 * @example
 * ```ts
 * import type { Calibration } from "handoff-kit/qualification";
 * const agenda = (calibration: Calibration): string => `Rewrite: ${calibration.ambiguous.join(", ") || "nothing"}`;
 * ```
 * @category Calibration
 */
export interface Calibration {
  readonly criteria: readonly (Agreement & {
    readonly key: string;
    readonly label: string;
    readonly ambiguous: boolean;
  })[];
  readonly overall: Agreement;
  readonly ambiguous: readonly string[];
  readonly issues: readonly Issue[];
}

type Ratings = readonly (readonly string[])[]; // per item, one grade per reviewer, reviewers in a fixed order

/**
 * Kappa over items each rated by the same reviewers: Cohen's for two, Fleiss' for more. When chance
 * agreement is total (everyone always gave one grade), kappa is 1 if they all agreed and 0 if not.
 */
function kappa(ratings: Ratings, reviewers: number): Agreement {
  const items = ratings.length;
  if (reviewers < 2 || items === 0) return { kappa: null, method: "none", observed: null, items, reviewers };
  const categories = [...new Set(ratings.flat())];
  const counts = ratings.map((grades) =>
    categories.map((category) => grades.filter((grade) => grade === category).length),
  );
  // Observed: the share of agreeing reviewer pairs per item, averaged (for two reviewers, the share
  // of items agreed on).
  const observed =
    counts.reduce(
      (sum, perCategory) => sum + perCategory.reduce((s, n) => s + n * (n - 1), 0) / (reviewers * (reviewers - 1)),
      0,
    ) / items;
  let expected: number;
  if (reviewers === 2) {
    // Cohen: each reviewer's own marginal distribution.
    expected = categories.reduce((sum, category) => {
      const first = ratings.filter((grades) => grades[0] === category).length / items;
      const second = ratings.filter((grades) => grades[1] === category).length / items;
      return sum + first * second;
    }, 0);
  } else {
    // Fleiss: the pooled distribution of all ratings.
    expected = categories.reduce((sum, _category, c) => {
      const share = counts.reduce((s, perCategory) => s + (perCategory[c] ?? 0), 0) / (items * reviewers);
      return sum + share * share;
    }, 0);
  }
  const value = expected >= 1 ? Number(observed >= 1) : (observed - expected) / (1 - expected);
  return { kappa: value, method: reviewers === 2 ? "cohen" : "fleiss", observed, items, reviewers };
}

/**
 * Options of {@link calibrate}.
 *
 * @example
 * ```ts
 * import type { CalibrateOptions } from "handoff-kit/qualification";
 * const options: CalibrateOptions = { threshold: 0.7 };
 * ```
 * @category Calibration
 */
export interface CalibrateOptions {
  /** The agreement under which a criterion is flagged for discussion: 0.6 by default. */
  readonly threshold?: number;
}

/**
 * Measures how far reviewers agree when they grade the same handoffs against a SQL definition (the
 * 2027 handoff-process Q&A, see docs/sources.md: calibrate monthly until the rejection rate
 * stabilises, then quarterly). Each criterion's agreement is a kappa over the handoffs every reviewer
 * graded; criteria under `threshold` (0.6 by default, the top of what Landis and Koch call moderate
 * agreement) are named as ambiguous: the definition's wording leaves room for two readings. Grades
 * for criteria the framework lacks, and handoffs a reviewer skipped, are reported as issues and left
 * out.
 *
 * @example
 * ```ts
 * import { BANT, calibrate, defineSqlDefinition } from "handoff-kit/qualification";
 *
 * const bar = defineSqlDefinition({
 *   id: "smb-sql",
 *   version: 2,
 *   framework: BANT,
 *   requirements: { budget: "noted", need: "validated" },
 * });
 * const calibration = calibrate(
 *   [
 *     { reviewer: "sdr-lead", handoffId: "h-1", grades: { budget: "met", need: "met" } },
 *     { reviewer: "ae-lead", handoffId: "h-1", grades: { budget: "not_met", need: "met" } },
 *     { reviewer: "sdr-lead", handoffId: "h-2", grades: { budget: "met", need: "not_met" } },
 *     { reviewer: "ae-lead", handoffId: "h-2", grades: { budget: "not_met", need: "not_met" } },
 *   ],
 *   bar,
 * );
 * calibration.ambiguous; // ["budget"]
 * ```
 * @category Calibration
 */
export function calibrate<F extends Framework>(
  reviews: readonly CalibrationReview[],
  definition: SqlDefinition<F>,
  options: CalibrateOptions = {},
): Calibration {
  requireDefinition(definition, "calibrate");
  requireList(reviews, "calibrate", "reviews");
  const threshold = optionsOf(options, "calibrate").threshold ?? 0.6;
  requireNumbers("calibrate", { "options.threshold": threshold });
  const issues: Issue[] = [];
  // A review is data from a form: one that is not { reviewer, handoffId, grades } is an issue, left out.
  const usable: { review: CalibrationReview; index: number }[] = [];
  reviews.forEach((review: unknown, index) => {
    const { reviewer, handoffId, grades } = (isRecord(review) ? review : {}) as Partial<
      Record<keyof CalibrationReview, unknown>
    >;
    if (typeof reviewer === "string" && typeof handoffId === "string" && isRecord(grades))
      usable.push({ review: review as CalibrationReview, index });
    else issues.push({ code: "invalid_review", path: [index], message: "Expected { reviewer, handoffId, grades }" });
  });
  const known = new Set(definition.framework.criteria.map((criterion) => criterion.key));
  const reviewers = [...new Set(usable.map(({ review }) => review.reviewer))].sort();
  const handoffs = [...new Set(usable.map(({ review }) => review.handoffId))].sort();
  // Keyed by the JSON of the triple: joining ids with a separator lets ids that contain it collide.
  const grade = new Map<string, string>();
  const gradeKey = (reviewer: string, handoff: string, criterion: string): string =>
    JSON.stringify([reviewer, handoff, criterion]);
  usable.forEach(({ review, index }) => {
    for (const [criterion, value] of Object.entries(review.grades)) {
      if (!known.has(criterion))
        issues.push({
          code: "unknown_criterion",
          path: [index, "grades", criterion],
          message: `${definition.framework.name} has no criterion "${criterion}"`,
        });
      else if (!["met", "not_met", "unclear"].includes(value))
        issues.push({
          code: "invalid_grade",
          path: [index, "grades", criterion],
          message: `Expected met, not_met or unclear`,
        });
      else grade.set(gradeKey(review.reviewer, review.handoffId, criterion), value);
    }
  });

  const ratingsFor = (criterion: string): string[][] =>
    handoffs.flatMap((handoff) => {
      const grades = reviewers.map((reviewer) => grade.get(gradeKey(reviewer, handoff, criterion)));
      if (grades.every((g) => g === undefined)) return [];
      if (grades.some((g) => g === undefined)) {
        issues.push({
          code: "incomplete_ratings",
          path: [handoff, criterion],
          message: `Not every reviewer graded ${criterion} on ${handoff}; it is left out`,
        });
        return [];
      }
      return [grades as string[]];
    });

  const criteria = definition.framework.criteria.map((criterion) => {
    const agreement = kappa(ratingsFor(criterion.key), reviewers.length);
    return {
      key: criterion.key,
      label: criterion.label,
      ...agreement,
      ambiguous: agreement.kappa !== null && agreement.kappa < threshold,
    };
  });
  const overall = kappa(
    definition.framework.criteria.flatMap((criterion) =>
      handoffs.flatMap((handoff) => {
        const grades = reviewers.map((reviewer) => grade.get(gradeKey(reviewer, handoff, criterion.key)));
        return grades.every((g) => g !== undefined) ? [grades] : [];
      }),
    ),
    reviewers.length,
  );
  return {
    criteria,
    overall,
    ambiguous: criteria.filter((criterion) => criterion.ambiguous).map((criterion) => criterion.key),
    issues,
  };
}
