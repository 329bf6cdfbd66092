import { compareCodeUnits } from "../../core/order.js";
import { isRecord, requireEach, requireList, requireObject, requireWholeNumber } from "../../core/guards.js";
import type { Handoff } from "../../handoff/index.js";
import { requireRubric } from "../scoring/define-rubric.js";
import { DEFAULT_RUBRIC, scoreBrief, type BriefScore, type Rubric } from "../scoring/score.js";
import { requireHandoff } from "../../handoff/internal.js";

function hash(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  // One more round on NaN (as 0) multiplies the hash by the odd FNV prime, a bijection, so ranks are still
  // drawn from the id and the seed alone.
  // Stryker disable next-line EqualityOperator: equivalent: see above
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  // A final mix, so that ids differing in one character land far apart.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Options of {@link sampleForReview}.
 *
 * @example
 * ```ts
 * import type { SampleForReviewOptions } from "handoff-kit/rubric";
 * const thisWeek: SampleForReviewOptions = { size: 5, seed: 202648 };
 * ```
 * @category Weekly review
 */
export interface SampleForReviewOptions {
  /** How many handoffs to draw: 5 by default. */
  readonly size?: number;
  /** The draw's seed, a whole number: the same seed draws the same sample. */
  readonly seed: number;
}

/**
 * A reproducible sample of handoffs for the weekly review (score a sample each week, even five; the
 * handoff-checklist article, see docs/sources.md). Each handoff draws a rank from its id and the
 * seed, and the lowest ranks are taken: the same seed gives the same sample whatever the input order,
 * and a subset that contains the sample gives the same sample again.
 *
 * @example
 * ```ts
 * import { sampleForReview } from "handoff-kit/rubric";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const thisWeek: readonly Handoff[];
 * const sample = sampleForReview(thisWeek, { size: 5, seed: 202647 }); // seed: the ISO week, say
 * ```
 * @category Weekly review
 */
export function sampleForReview<T extends { readonly id: string }>(
  handoffs: readonly T[],
  options: SampleForReviewOptions,
): T[] {
  requireList(handoffs, "sampleForReview", "handoffs");
  const withId = (handoff: unknown): boolean =>
    isRecord(handoff) && typeof (handoff as { id?: unknown }).id === "string";
  requireEach(handoffs, withId, "sampleForReview", "handoffs", "must have a string id");
  requireObject(options, "sampleForReview", "options");
  const size = options.size ?? 5;
  requireWholeNumber(size, "sampleForReview: options.size", 0);
  requireWholeNumber(options.seed, "sampleForReview: options.seed");
  return handoffs
    .map((handoff) => ({ handoff, rank: hash(options.seed, handoff.id) }))
    .sort((a, b) => a.rank - b.rank || compareCodeUnits(a.handoff.id, b.handoff.id))
    .slice(0, size)
    .map(({ handoff }) => handoff);
}

/**
 * A handoff to walk through at the huddle, with its score and why it was picked.
 *
 * @example
 * ```ts
 * import type { Walkthrough } from "handoff-kit/rubric";
 * const headline = (walk: Walkthrough): string =>
 *   `${walk.handoff.id}: ${walk.score.score.toFixed(0)} (${walk.messages[0] ?? ""})`;
 * ```
 * @category Weekly review
 */
export interface Walkthrough {
  readonly handoff: Handoff;
  readonly score: BriefScore;
  /** Why it was picked, in sentences. */
  readonly messages: readonly string[];
}

/**
 * Picks the two handoffs for the weekly huddle (the handoff-checklist article: walk one strong and
 * one weak): the highest and the lowest brief score (ties broken by id), each with why: the strong
 * one's strengths, the weak one's largest losses and how to fix them. Fewer than two handoffs give
 * fewer picks.
 *
 * @example
 * ```ts
 * import { pickWalkthroughs } from "handoff-kit/rubric";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const thisWeek: readonly Handoff[];
 * const { strong, weak } = pickWalkthroughs(thisWeek);
 * ```
 * @category Weekly review
 */
export function pickWalkthroughs(
  handoffs: readonly Handoff[],
  rubric: Rubric = DEFAULT_RUBRIC,
): { readonly strong?: Walkthrough; readonly weak?: Walkthrough } {
  requireList(handoffs, "pickWalkthroughs", "handoffs");
  requireRubric(rubric, "pickWalkthroughs");
  handoffs.forEach((handoff, index) => {
    requireHandoff(handoff, `pickWalkthroughs: handoffs[${String(index)}]`);
  });
  const scored = handoffs
    .map((handoff) => ({ handoff, score: scoreBrief(handoff.brief, rubric, { prospect: handoff.prospect }) }))
    .sort((a, b) => b.score.score - a.score.score || compareCodeUnits(a.handoff.id, b.handoff.id));
  const best = scored[0];
  const worst = scored.length > 1 ? scored.at(-1) : undefined;
  const strengths = (score: BriefScore): string[] =>
    score.findings
      .filter((finding) => finding.points === finding.max)
      .slice(0, 3)
      .map((finding) => finding.message);
  const losses = (score: BriefScore): string[] =>
    // filter makes the copy that sort orders: the score's findings stay in the rubric's order.
    score.findings
      .filter((finding) => finding.points < finding.max)
      .sort((a, b) => b.max - b.points - (a.max - a.points))
      .slice(0, 3)
      .map((finding) => `${finding.message}${finding.fix === undefined ? "" : ` (fix: ${finding.fix})`}`);
  return {
    ...(best === undefined ? {} : { strong: { ...best, messages: strengths(best.score) } }),
    ...(worst === undefined ? {} : { weak: { ...worst, messages: losses(worst.score) } }),
  };
}
