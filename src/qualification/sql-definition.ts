import { describeValue } from "../core/describe-value.js";
import { isRecord } from "../core/guards.js";
import { isValidDate } from "../core/shape.js";
import * as z from "zod";
import type { Milliseconds } from "../core/duration.js";
import { HandoffKitError } from "../core/error.js";
import { fromZodIssues, type Issue } from "../core/issue.js";
import { pure } from "../core/pure.js";
import { idSchema, instantSchema, textSchema } from "../core/schemas.js";
import { requireFramework, type CriterionKey, type Framework } from "./frameworks.js";
import { icpProblem, type IcpProfile } from "./icp.js";
import { intentWeightsSchema, resolveIntentWeights, type IntentSignalKind, type IntentWeights } from "./intent.js";

/**
 * The evidence states a definition may require, weakest first (`disqualifying` and `unknown` are
 * never a bar).
 *
 * @example
 * ```ts
 * import { REQUIREMENT_STATES } from "handoff-kit/qualification";
 * REQUIREMENT_STATES; // ["suggested", "noted", "validated"]
 * ```
 * @category SQL definitions
 */
export const REQUIREMENT_STATES = ["suggested", "noted", "validated"] as const;

/**
 * One of {@link REQUIREMENT_STATES}.
 *
 * @example
 * ```ts
 * import type { RequirementState } from "handoff-kit/qualification";
 * const bar: RequirementState = "validated";
 * ```
 * @category SQL definitions
 */
export type RequirementState = (typeof REQUIREMENT_STATES)[number];

/**
 * A leader's sign-off on a definition. Both the SDR leader and the AE leader sign (the 2027
 * handoff-process Q&A: one document signed off by SDR and AE managers; see docs/sources.md).
 *
 * @example
 * ```ts
 * import type { SignOff } from "handoff-kit/qualification";
 * const signOff: SignOff = { role: "ae_leader", name: "Priya Shah", at: "2026-10-01T15:00:00Z" };
 * ```
 * @category SQL definitions
 */
export interface SignOff {
  readonly role: "sdr_leader" | "ae_leader";
  readonly name: string;
  readonly at: Date | number | string;
}

/**
 * What `defineSqlDefinition` accepts.
 *
 * @example
 * ```ts
 * import type { BANT, SqlDefinitionSpec } from "handoff-kit/qualification";
 * type BantBar = SqlDefinitionSpec<typeof BANT>;
 * ```
 * @category SQL definitions
 */
export interface SqlDefinitionSpec<F extends Framework> {
  readonly id: string;
  readonly version: number;
  readonly framework: F;
  /** The minimum evidence state per criterion; criteria left out are not required. */
  readonly requirements: Readonly<Partial<Record<CriterionKey<F>, RequirementState>>>;
  /**
   * Evidence for a required criterion counts only if it is specific (a person or role, a number, a
   * date, a quote). True by default.
   */
  readonly requireSpecificEvidence?: boolean;
  /** An ICP-fit threshold: the lead's fit on this profile must reach `minScore`. */
  readonly icp?: { readonly profile: IcpProfile; readonly minScore: number };
  /**
   * An intent threshold: the lead's intent score must reach `minScore`, its signals weighed by
   * `weights` (the defaults for kinds left out) and decaying with `halfLife`, as {@link scoreIntent}
   * scores them.
   */
  readonly intent?: { readonly minScore: number; readonly halfLife?: Milliseconds; readonly weights?: IntentWeights };
  readonly signOffs?: readonly SignOff[];
  readonly description?: string;
}

/**
 * A checked, versioned SQL definition; see {@link defineSqlDefinition}.
 *
 * @example
 * ```ts
 * import type { MEDDPICC_LITE, SqlDefinition } from "handoff-kit/qualification";
 * const label = (definition: SqlDefinition<typeof MEDDPICC_LITE>): string =>
 *   `${definition.id} v${String(definition.version)}`;
 * ```
 * @category SQL definitions
 */
export interface SqlDefinition<F extends Framework> {
  readonly id: string;
  readonly version: number;
  readonly framework: F;
  readonly requirements: Readonly<Partial<Record<CriterionKey<F>, RequirementState>>>;
  readonly requireSpecificEvidence: boolean;
  readonly icp: { readonly profile: IcpProfile; readonly minScore: number } | undefined;
  readonly intent:
    | {
        readonly minScore: number;
        readonly halfLife: Milliseconds | undefined;
        /** Every kind's weight: the spec's over {@link DEFAULT_INTENT_WEIGHTS}. */
        readonly weights: Readonly<Record<IntentSignalKind, number>>;
      }
    | undefined;
  readonly signOffs: readonly { readonly role: SignOff["role"]; readonly name: string; readonly at: Date }[];
  readonly description: string | undefined;
}

const definitionSchema = /* @__PURE__ */ pure(() =>
  z.object({
    id: idSchema,
    version: z.number().int().positive(),
    requirements: z.record(z.string(), z.enum(REQUIREMENT_STATES)),
    requireSpecificEvidence: z.boolean().optional(),
    icp: z.object({ profile: z.object({ id: z.string() }).loose(), minScore: z.number().min(0).max(100) }).optional(),
    intent: z
      .object({
        minScore: z.number().min(0).max(100),
        halfLife: z.number().positive().optional(),
        weights: intentWeightsSchema.optional(),
      })
      .optional(),
    signOffs: z
      .array(z.object({ role: z.enum(["sdr_leader", "ae_leader"]), name: textSchema, at: instantSchema }))
      .optional(),
    description: z.string().optional(),
  }),
);

/**
 * Checks and freezes a team's written SQL bar: the framework, the minimum evidence state per
 * criterion, optional ICP-fit and intent thresholds, and the leaders' sign-offs. A requirement naming
 * a criterion the framework lacks is refused with its path. A definition may be saved unsigned; it
 * then evaluates as a draft and says so.
 *
 * @example
 * ```ts
 * import { defineSqlDefinition, MEDDPICC_LITE } from "handoff-kit/qualification";
 *
 * const enterpriseBar = defineSqlDefinition({
 *   id: "enterprise-sql",
 *   version: 3,
 *   framework: MEDDPICC_LITE,
 *   requirements: { economicBuyer: "validated", identifyPain: "validated", metrics: "noted", champion: "noted" },
 *   signOffs: [
 *     { role: "sdr_leader", name: "Marcus Bennett", at: "2026-10-01T15:00:00Z" },
 *     { role: "ae_leader", name: "Priya Shah", at: "2026-10-02T16:30:00Z" },
 *   ],
 * });
 * ```
 * @category SQL definitions
 */
export function defineSqlDefinition<const F extends Framework>(spec: SqlDefinitionSpec<F>): SqlDefinition<F> {
  if (!isRecord(spec))
    throw new HandoffKitError("invalid_config", {
      detail: "defineSqlDefinition",
      issues: [{ code: "invalid_type", path: [], message: "Expected an object" }],
    });
  const parsed = definitionSchema.safeParse(spec);
  const issues: Issue[] = parsed.success ? [] : [...fromZodIssues(parsed.error.issues)];
  // Untyped callers pass anything: read the framework and the requirements only once they have a shape.
  const framework: unknown = spec.framework;
  const criteria: unknown = isRecord(framework) ? (framework as { criteria?: unknown }).criteria : undefined;
  if (!Array.isArray(criteria))
    issues.push({
      code: "invalid_type",
      path: ["framework"],
      message: "Expected a framework (BANT, MEDDPICC, or one from defineFramework)",
    });
  else if (isRecord(spec.requirements)) {
    const keys = new Set(
      criteria.map((criterion: unknown) => (isRecord(criterion) ? (criterion as { key?: unknown }).key : undefined)),
    );
    for (const key of Object.keys(spec.requirements)) {
      if (!keys.has(key))
        issues.push({
          code: "unknown_criterion",
          path: ["requirements", key],
          message: `${describeValue((framework as { name?: unknown }).name)} has no criterion "${key}"`,
        });
    }
    if (Object.keys(spec.requirements).length === 0 && spec.icp === undefined && spec.intent === undefined) {
      issues.push({ code: "empty_definition", path: ["requirements"], message: "A definition must require something" });
    }
  }
  if (issues.length > 0 || !parsed.success)
    throw new HandoffKitError("invalid_config", { detail: "defineSqlDefinition", issues });
  return Object.freeze({
    id: spec.id,
    version: spec.version,
    framework: spec.framework,
    requirements: Object.freeze({ ...spec.requirements }),
    requireSpecificEvidence: spec.requireSpecificEvidence ?? true,
    icp: spec.icp === undefined ? undefined : Object.freeze({ ...spec.icp }),
    intent:
      spec.intent === undefined
        ? undefined
        : Object.freeze({
            minScore: spec.intent.minScore,
            halfLife: spec.intent.halfLife,
            weights: Object.freeze(resolveIntentWeights(spec.intent.weights, "defineSqlDefinition", "intent.weights")),
          }),
    signOffs: Object.freeze((parsed.data.signOffs ?? []).map((signOff) => Object.freeze(signOff))),
    description: spec.description,
  });
}

/**
 * Throws `invalid_argument` unless `value` has the shape of what `defineSqlDefinition` returns: the
 * parts an evaluation reads (a framework, the requirements, the ICP and intent thresholds when set,
 * the sign-offs with their instants). A definition built by hand or read back from storage is
 * answered with the part that is wrong; the ranges are `defineSqlDefinition`'s to check.
 */
export function requireDefinition(value: unknown, fn: string): asserts value is SqlDefinition<Framework> {
  const { framework } = (isRecord(value) ? value : {}) as { framework?: unknown };
  requireFramework(framework, fn, "the definition's framework (a definition made by defineSqlDefinition)");
  const problem = definitionProblem(value as Partial<Record<keyof SqlDefinition<Framework>, unknown>>);
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: the definition must be made by defineSqlDefinition: ${problem}`,
    });
}

function definitionProblem({
  id,
  version,
  requirements,
  icp,
  intent,
  signOffs,
}: Partial<Record<keyof SqlDefinition<Framework>, unknown>>): string | undefined {
  if (typeof id !== "string") return `id is ${describeValue(id)}`;
  if (typeof version !== "number") return `version is ${describeValue(version)}`;
  if (!isRecord(requirements)) return `requirements is ${describeValue(requirements)}`;
  if (icp !== undefined) {
    const { profile, minScore } = (isRecord(icp) ? icp : {}) as { profile?: unknown; minScore?: unknown };
    if (typeof minScore !== "number")
      return isRecord(icp) ? `icp.minScore is ${describeValue(minScore)}` : `icp is ${describeValue(icp)}`;
    const profileProblem = icpProblem(profile);
    if (profileProblem !== undefined) return `icp.profile is not a profile made by defineIcp: ${profileProblem}`;
  }
  if (intent !== undefined) {
    const { minScore, halfLife, weights } = (isRecord(intent) ? intent : {}) as {
      minScore?: unknown;
      halfLife?: unknown;
      weights?: unknown;
    };
    if (typeof minScore !== "number")
      return isRecord(intent) ? `intent.minScore is ${describeValue(minScore)}` : `intent is ${describeValue(intent)}`;
    if (halfLife !== undefined && typeof halfLife !== "number") return `intent.halfLife is ${describeValue(halfLife)}`;
    // Definitions stored before weights were part of them have none: they score with the defaults.
    if (weights !== undefined && !isRecord(weights)) return `intent.weights is ${describeValue(weights)}`;
  }
  if (!Array.isArray(signOffs)) return `signOffs is ${describeValue(signOffs)}`;
  const bad = signOffs.findIndex((signOff: unknown) => !isSignOff(signOff));
  return bad < 0
    ? undefined
    : `signOffs[${String(bad)}] is ${describeValue(signOffs[bad])}, not { role, name, at: Date }`;
}

function isSignOff(value: unknown): boolean {
  const { role, name, at } = (isRecord(value) ? value : {}) as Partial<Record<keyof SignOff, unknown>>;
  return typeof role === "string" && typeof name === "string" && isValidDate(at);
}
