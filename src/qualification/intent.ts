import { describeValue } from "../core/describe-value.js";
import { isRecord, optionsOf, ownValue, requireNumbers, requireObject } from "../core/guards.js";
import * as z from "zod";
import { days, type Milliseconds } from "../core/duration.js";
import { HandoffKitError } from "../core/error.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { parseBatchWith } from "../core/parse.js";
import { pure } from "../core/pure.js";
import type { BatchResult, ParseOptions } from "../core/result.js";
import { instantSchema, textSchema } from "../core/schemas.js";
import type { DeepReadonly } from "../core/deep-readonly.js";
import type { Issue } from "../core/issue.js";

/**
 * Kinds of buying signal: behavioural (pricing-page visits, review-site research, content, webinars)
 * and events at the company (funding, hiring, a tool migration, a leadership change; the trigger
 * events of the handoff-checklist article, see docs/sources.md).
 *
 * @example
 * ```ts
 * import { INTENT_SIGNAL_KINDS } from "handoff-kit/qualification";
 * INTENT_SIGNAL_KINDS.includes("pricing_page_visit"); // true
 * ```
 * @category Intent and priority
 */
export const INTENT_SIGNAL_KINDS = [
  "pricing_page_visit",
  "review_site_research",
  "content_engagement",
  "webinar_attended",
  "funding",
  "hiring",
  "tool_migration",
  "leadership_change",
] as const;

/**
 * One of {@link INTENT_SIGNAL_KINDS}.
 *
 * @example
 * ```ts
 * import type { IntentSignalKind } from "handoff-kit/qualification";
 * const kind: IntentSignalKind = "funding";
 * ```
 * @category Intent and priority
 */
export type IntentSignalKind = (typeof INTENT_SIGNAL_KINDS)[number];

/**
 * How much a fresh signal of each kind weighs. These defaults are the library's own starting point,
 * not figures from a study: bottom-of-funnel behaviour (pricing, review sites) and the trigger events
 * the handoff-checklist article names weigh most. Replace them with weights fitted to your own
 * conversions.
 *
 * @example
 * ```ts
 * import { DEFAULT_INTENT_WEIGHTS, scoreIntent } from "handoff-kit/qualification";
 * const heavierHiring = { ...DEFAULT_INTENT_WEIGHTS, hiring: 30 };
 * scoreIntent([], { now: new Date(), weights: heavierHiring }).score; // 0
 * ```
 * @category Intent and priority
 */
export const DEFAULT_INTENT_WEIGHTS: Readonly<Record<IntentSignalKind, number>> = {
  pricing_page_visit: 30,
  review_site_research: 25,
  content_engagement: 10,
  webinar_attended: 15,
  funding: 20,
  hiring: 15,
  tool_migration: 25,
  leadership_change: 20,
};

/**
 * A dated intent signal; `strength` (0 to 1, default 1) scales it.
 *
 * @example
 * ```ts
 * import { intentSignalSchema } from "handoff-kit/qualification";
 * intentSignalSchema.parse({ kind: "pricing_page_visit", at: "2026-11-18T14:00:00Z", strength: 0.5 });
 * ```
 * @category Intent and priority
 */
export const intentSignalSchema = /* @__PURE__ */ pure(() =>
  z.object({
    kind: z.enum(INTENT_SIGNAL_KINDS),
    at: instantSchema,
    strength: z.number().min(0).max(1).optional(),
    note: textSchema.optional(),
  }),
);

/**
 * A parsed intent signal; see {@link intentSignalSchema}.
 *
 * @example
 * ```ts
 * import type { IntentSignal } from "handoff-kit/qualification";
 * const signal: IntentSignal = { kind: "hiring", at: new Date("2026-11-10T00:00:00Z") };
 * ```
 * @category Intent and priority
 */
export type IntentSignal = DeepReadonly<z.output<typeof intentSignalSchema>>;

/**
 * Checks untrusted signals (from an intent provider or web analytics), keeping every valid one and
 * reporting every malformed one by index.
 *
 * @example
 * ```ts
 * import { parseIntentSignals } from "handoff-kit/qualification";
 * const { valid, invalid } = parseIntentSignals([
 *   { kind: "funding", at: "2026-11-01T00:00:00Z" },
 *   { kind: "vibes", at: "soon" },
 * ]);
 * ```
 * @category Intent and priority
 */
export function parseIntentSignals(inputs: readonly unknown[], options: ParseOptions = {}): BatchResult<IntentSignal> {
  return parseBatchWith(intentSignalSchema, inputs, options, "parseIntentSignals", "signals");
}

/**
 * What `scoreIntent` needs: the moment to score at, and optionally the half-life of a signal and
 * the weights.
 *
 * @example
 * ```ts
 * import { days } from "handoff-kit";
 * import type { ScoreIntentOptions } from "handoff-kit/qualification";
 * const options: ScoreIntentOptions = { now: new Date("2026-11-21T00:00:00Z"), halfLife: days(7) };
 * ```
 * @category Intent and priority
 */
export interface ScoreIntentOptions {
  readonly now: InstantInput;
  /** How long until a signal counts half as much; 14 days by default. */
  readonly halfLife?: Milliseconds;
  /** Weights of your own, from 0 to 1,000,000; a kind left out keeps its {@link DEFAULT_INTENT_WEIGHTS} weight. */
  readonly weights?: IntentWeights;
}

/**
 * The largest weight a signal kind may have: far above any useful one, and small enough that sums
 * of them stay finite.
 */
const MAX_INTENT_WEIGHT = 1e6;

/**
 * Intent weights by signal kind, as {@link scoreIntent} and an SQL definition's `intent` take them:
 * numbers from 0 to 1,000,000, and a kind left out keeps its {@link DEFAULT_INTENT_WEIGHTS} weight.
 *
 * @example
 * ```ts
 * import type { IntentWeights } from "handoff-kit/qualification";
 * const hiringMatters: IntentWeights = { hiring: 30, leadership_change: 30 };
 * ```
 * @category Intent and priority
 */
export type IntentWeights = Readonly<Partial<Record<IntentSignalKind, number>>>;

/** What an SQL definition's `intent.weights` must be: {@link IntentWeights}, no other kind. */
export const intentWeightsSchema = /* @__PURE__ */ pure(() =>
  z
    .object(
      Object.fromEntries(
        INTENT_SIGNAL_KINDS.map((kind) => [kind, z.number().min(0).max(MAX_INTENT_WEIGHT).optional()]),
      ) as Record<IntentSignalKind, z.ZodOptional<z.ZodNumber>>,
    )
    .strict(),
);

/**
 * Every kind's weight: the given ones over the defaults. Throws `invalid_argument`, naming `fn` and
 * `path`, for a weight that is no number from 0 to 1,000,000 or a kind that does not exist.
 */
export function resolveIntentWeights(
  weights: unknown,
  fn: string,
  path: string,
): Readonly<Record<IntentSignalKind, number>> {
  if (weights === undefined) return DEFAULT_INTENT_WEIGHTS;
  requireObject(weights, fn, path);
  const unknownKind = Object.keys(weights).find((key) => !(INTENT_SIGNAL_KINDS as readonly string[]).includes(key));
  if (unknownKind !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: ${path}.${unknownKind} is no intent signal kind (${INTENT_SIGNAL_KINDS.join(", ")})`,
    });
  const resolved = { ...DEFAULT_INTENT_WEIGHTS };
  for (const kind of INTENT_SIGNAL_KINDS) {
    const weight: unknown = ownValue(weights as Readonly<Record<string, unknown>>, kind);
    if (weight === undefined) continue;
    // A negative or endless weight would turn the score negative or NaN: it is a misconfiguration.
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0 || weight > MAX_INTENT_WEIGHT)
      throw new HandoffKitError("invalid_argument", {
        detail:
          `${fn}: ${path}.${kind} must be a number from 0 to ${String(MAX_INTENT_WEIGHT)}: ` + describeValue(weight),
      });
    resolved[kind] = weight;
  }
  return resolved;
}

/**
 * An intent score from 0 to 100 with each signal's contribution.
 *
 * @example
 * ```ts
 * import type { IntentScore } from "handoff-kit/qualification";
 * const strongest = (score: IntentScore) => [...score.contributions].sort((a, b) => b.points - a.points)[0];
 * ```
 * @category Intent and priority
 */
export interface IntentScore {
  readonly score: number;
  /** The sum of decayed weights before it is mapped onto 0-100. */
  readonly raw: number;
  readonly contributions: readonly {
    readonly kind: IntentSignalKind;
    readonly at: Date;
    readonly weight: number;
    readonly decay: number;
    readonly points: number;
  }[];
  /** Signals dated after `now`, left out: an `after_now` issue at each one's `[index, "at"]`. */
  readonly ignored: readonly Issue[];
}

// raw = SATURATION gives 63 points, 2 x SATURATION 86, 3 x SATURATION 95: a few strong recent
// signals score high, and no pile of weak ones passes 100.
const SATURATION = 50;

/**
 * Scores buying intent from dated signals with exponential decay: each signal weighs
 * `weight x strength x 0.5^(age / halfLife)`, and the sum maps onto 0-100 by
 * `100 x (1 - e^(-sum / 50))`. The score only falls as time passes without new signals. Weights of
 * your own are numbers from 0 to 1,000,000 by signal kind, and a kind left out keeps its default
 * weight (`invalid_argument` for any other number or an unknown kind).
 *
 * @example
 * ```ts
 * import { days } from "handoff-kit";
 * import { scoreIntent } from "handoff-kit/qualification";
 *
 * const signals = [
 *   { kind: "pricing_page_visit" as const, at: new Date("2026-11-19T00:00:00Z") },
 *   { kind: "funding" as const, at: new Date("2026-10-22T00:00:00Z") },
 * ];
 * scoreIntent(signals, { now: new Date("2026-11-21T00:00:00Z"), halfLife: days(14) }).score; // about 47
 * ```
 * @category Intent and priority
 */
export function scoreIntent(signals: readonly IntentSignal[], options: ScoreIntentOptions): IntentScore {
  requireObject(options, "scoreIntent", "options");
  const now = toEpochMs(options.now, "scoreIntent: options.now");
  const halfLife = options.halfLife ?? days(14);
  if (!Number.isFinite(halfLife) || halfLife <= 0)
    throw new HandoffKitError("invalid_duration", {
      detail: `scoreIntent: halfLife must be a finite number of milliseconds above 0: ${describeValue(halfLife)}`,
    });
  const weights = resolveIntentWeights(options.weights, "scoreIntent", "options.weights");
  const list: unknown = signals;
  if (!Array.isArray(list))
    throw new HandoffKitError("invalid_argument", {
      detail: `scoreIntent expects an array of signals (parseIntentSignals): ${describeValue(signals)}`,
    });
  const contributions: IntentScore["contributions"][number][] = [];
  const ignored: Issue[] = [];
  signals.forEach((signal, index) => {
    const candidate: unknown = signal;
    if (!isRecord(candidate) || typeof (candidate as { kind?: unknown }).kind !== "string") {
      throw new HandoffKitError("invalid_argument", {
        detail:
          `scoreIntent expects signals as parseIntentSignals returns them: ` +
          `signals[${String(index)}] is ${describeValue(signal)}`,
      });
    }
    const at = toEpochMs(signal.at, `scoreIntent: signals[${String(index)}].at`);
    if (at > now) {
      ignored.push({ code: "after_now", path: [index, "at"], message: "The signal is after the scoring time" });
      return;
    }
    const decay = 0.5 ** ((now - at) / halfLife);
    const strength = signal.strength ?? 1;
    // Unvalidated signals (typed code that skipped the schema) count within the schema's bounds.
    const weight =
      (ownValue(weights, signal.kind) ?? 0) * (Number.isFinite(strength) ? Math.min(1, Math.max(0, strength)) : 0);
    contributions.push({ kind: signal.kind, at: new Date(at), weight, decay, points: weight * decay });
  });
  const raw = contributions.reduce((sum, c) => sum + c.points, 0);
  return { score: 100 * (1 - Math.exp(-raw / SATURATION)), raw, contributions, ignored };
}

/**
 * Options of {@link prioritize}.
 *
 * @example
 * ```ts
 * import type { PrioritizeOptions } from "handoff-kit/qualification";
 * const options: PrioritizeOptions = { fitWeight: 0.5 };
 * ```
 * @category Intent and priority
 */
export interface PrioritizeOptions {
  /** The weight of fit against intent, from 0 to 1: 0.6 by default. */
  readonly fitWeight?: number;
}

/**
 * A combined priority from ICP fit and intent (the 2027 handoff-process Q&A's "custom ICP fit plus
 * intent"; see docs/sources.md). Fit weighs 0.6 by default; a poor fit (under 40) is never worked
 * however strong the intent.
 *
 * @example
 * ```ts
 * import { prioritize } from "handoff-kit/qualification";
 * prioritize(85, 70); // { score: 79, band: "act_now" }
 * ```
 * @category Intent and priority
 */
export function prioritize(
  fit: number,
  intent: number,
  options: PrioritizeOptions = {},
): { readonly score: number; readonly band: "act_now" | "work" | "nurture" | "poor_fit" } {
  const { fitWeight = 0.6 } = optionsOf(options, "prioritize");
  requireNumbers("prioritize", { fit, intent, fitWeight });
  for (const [name, value, max] of [
    ["fit", fit, 100],
    ["intent", intent, 100],
    ["fitWeight", fitWeight, 1],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > max)
      throw new HandoffKitError("invalid_argument", {
        detail: `prioritize: ${name} must be from 0 to ${String(max)}: ${describeValue(value)}`,
      });
  }
  const score = fitWeight * fit + (1 - fitWeight) * intent;
  const band = bandOf(fit, intent, score);
  return { score, band };
}

/** What to do with a lead: a poor fit waits whatever its intent; otherwise the blended score decides. */
function bandOf(fit: number, intent: number, score: number): "act_now" | "work" | "nurture" | "poor_fit" {
  if (fit < 40) return "poor_fit";
  if (score >= 70 && intent >= 50) return "act_now";
  return score >= 50 ? "work" : "nurture";
}
