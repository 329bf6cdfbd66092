import * as z from "zod";
import { match } from "ts-pattern";
import { HandoffKitError } from "../core/error.js";
import { describeValue } from "../core/describe-value.js";
import { isRecord } from "../core/guards.js";
import { isNumber, isText, listOf, optional } from "../core/shape.js";
import { fromZodIssues } from "../core/issue.js";
import { pure } from "../core/pure.js";
import { idSchema, textSchema } from "../core/schemas.js";

/**
 * What ICP fit is judged on: firmographics (size, industry, region) and technographics (the tools in
 * use). Fields that are not known are left out, and the score says so rather than guessing.
 *
 * @example
 * ```ts
 * import type { IcpSubject } from "handoff-kit/qualification";
 * const acme: IcpSubject = {
 *   employees: 420,
 *   industry: "logistics",
 *   region: "NA",
 *   technologies: ["Salesforce", "Excel"],
 * };
 * ```
 * @category ICP fit
 */
export interface IcpSubject {
  readonly employees?: number;
  readonly industry?: string;
  readonly region?: string;
  readonly technologies?: readonly string[];
}

/**
 * One weighted rule of an ideal customer profile. `custom` rules return a match from 0 to 1, or
 * `undefined` when they cannot tell.
 *
 * @example
 * ```ts
 * import type { IcpRule } from "handoff-kit/qualification";
 * const size: IcpRule = { kind: "employees", min: 50, max: 5_000, weight: 3 };
 * ```
 * @category ICP fit
 */
export type IcpRule =
  | {
      readonly kind: "employees";
      readonly min?: number;
      readonly max?: number;
      readonly weight: number;
      readonly label?: string;
    }
  | { readonly kind: "industry"; readonly include: readonly string[]; readonly weight: number; readonly label?: string }
  | { readonly kind: "region"; readonly include: readonly string[]; readonly weight: number; readonly label?: string }
  | { readonly kind: "uses"; readonly any: readonly string[]; readonly weight: number; readonly label?: string }
  | { readonly kind: "avoids"; readonly any: readonly string[]; readonly weight: number; readonly label?: string }
  | {
      readonly kind: "custom";
      readonly label: string;
      readonly weight: number;
      /** How well the subject matches, from 0 to 1; `undefined` when the subject does not say. */
      readonly match: (subject: IcpSubject) => number | undefined;
    };

/**
 * An ideal customer profile: weighted rules and the score each tier starts at.
 *
 * @example
 * ```ts
 * import type { IcpProfile } from "handoff-kit/qualification";
 * const tierOf = (profile: IcpProfile, score: number): string => (score >= profile.tiers.a ? "A" : "below A");
 * ```
 * @category ICP fit
 */
export interface IcpProfile {
  readonly id: string;
  readonly rules: readonly IcpRule[];
  /** The lowest score of tiers A, B and C (80, 60 and 40 by default); below C is D. */
  readonly tiers: { readonly a: number; readonly b: number; readonly c: number };
}

const icpSchema = /* @__PURE__ */ pure(() => {
  // Bounded so that a profile's weights sum to a finite number (1e308 each would give NaN points).
  const weight = z
    .number()
    .positive({ error: "A weight must be above 0" })
    .max(1e6, { error: "A weight must be at most 1,000,000" });
  const list = z.array(textSchema).min(1, { error: "List at least one value" });
  return z.object({
    id: idSchema,
    rules: z
      .array(
        z.discriminatedUnion("kind", [
          z
            .object({
              kind: z.literal("employees"),
              min: z.number().nonnegative().optional(),
              max: z.number().positive().optional(),
              weight,
              label: z.string().optional(),
            })
            .refine((rule) => rule.min !== undefined || rule.max !== undefined, { error: "Give a min, a max or both" })
            .refine((rule) => rule.min === undefined || rule.max === undefined || rule.min <= rule.max, {
              error: "min must not exceed max",
              path: ["max"],
            }),
          z.object({ kind: z.literal("industry"), include: list, weight, label: z.string().optional() }),
          z.object({ kind: z.literal("region"), include: list, weight, label: z.string().optional() }),
          z.object({ kind: z.literal("uses"), any: list, weight, label: z.string().optional() }),
          z.object({ kind: z.literal("avoids"), any: list, weight, label: z.string().optional() }),
          z.object({
            kind: z.literal("custom"),
            label: textSchema,
            weight,
            match: z.custom<(subject: IcpSubject) => unknown>((value) => typeof value === "function", {
              error: "Expected a function",
            }),
          }),
        ]),
      )
      .min(1, { error: "A profile needs at least one rule" }),
    tiers: z
      .object({ a: z.number().min(0).max(100), b: z.number().min(0).max(100), c: z.number().min(0).max(100) })
      .refine((tiers) => tiers.a >= tiers.b && tiers.b >= tiers.c, { error: "Tiers must descend: a >= b >= c" })
      .optional(),
  });
});

/**
 * What {@link defineIcp} reads: the profile's id, its weighted rules, and its tier cut-offs (by
 * default those of {@link IcpProfile.tiers}).
 *
 * @example
 * ```ts
 * import type { IcpSpec } from "handoff-kit/qualification";
 * const spec: IcpSpec = { id: "mid-market", rules: [{ kind: "employees", min: 200, max: 2000, weight: 3 }] };
 * ```
 * @category ICP fit
 */
export interface IcpSpec {
  readonly id: string;
  readonly rules: readonly IcpRule[];
  readonly tiers?: IcpProfile["tiers"];
}

/**
 * Checks and freezes an ideal customer profile: weighted rules over firmographics (employee range,
 * industries, regions), technographics (tools used or avoided) and the team's own rules.
 * Throws `invalid_config` with the path of each bad field.
 *
 * @example
 * ```ts
 * import { defineIcp } from "handoff-kit/qualification";
 *
 * const icp = defineIcp({
 *   id: "mid-market-revops",
 *   rules: [
 *     { kind: "employees", min: 50, max: 5_000, weight: 3 },
 *     { kind: "industry", include: ["software", "logistics", "fintech"], weight: 2 },
 *     { kind: "uses", any: ["Salesforce", "HubSpot"], weight: 2 },
 *     { kind: "avoids", any: ["Clari"], weight: 1 },
 *   ],
 * });
 * ```
 * @category ICP fit
 */
export function defineIcp(spec: IcpSpec): IcpProfile {
  const parsed = icpSchema.safeParse(spec);
  if (!parsed.success)
    throw new HandoffKitError("invalid_config", { detail: "defineIcp", issues: fromZodIssues(parsed.error.issues) });
  return Object.freeze({
    id: spec.id,
    rules: Object.freeze(spec.rules.map((rule) => Object.freeze({ ...rule }))),
    tiers: Object.freeze({ ...(spec.tiers ?? { a: 80, b: 60, c: 40 }) }),
  });
}

/**
 * What one rule contributed to an ICP score: its match (0 to 1, or `null` when the subject does not
 * say), its weight and its points out of 100.
 *
 * @example
 * ```ts
 * import type { IcpContribution } from "handoff-kit/qualification";
 * const unknowns = (contributions: readonly IcpContribution[]) =>
 *   contributions.filter((c) => c.match === null).map((c) => c.label);
 * ```
 * @category ICP fit
 */
export interface IcpContribution {
  readonly label: string;
  readonly kind: IcpRule["kind"];
  readonly weight: number;
  readonly match: number | null;
  readonly points: number;
}

/**
 * An ICP fit score from 0 to 100, its tier, and each rule's contribution.
 *
 * @example
 * ```ts
 * import type { IcpFit } from "handoff-kit/qualification";
 * const isTierA = (fit: IcpFit): boolean => fit.tier === "A";
 * ```
 * @category ICP fit
 */
export interface IcpFit {
  readonly score: number;
  readonly tier: "A" | "B" | "C" | "D";
  readonly contributions: readonly IcpContribution[];
}

// A list counts a hole as an item, as every shape check does: a sparse list is not a list of names.
const isTextList = /* @__PURE__ */ listOf(isText);
const isOptionalNumber = /* @__PURE__ */ optional(isNumber);

/** What each kind of rule reads besides its kind and weight, by field: the check each must pass. */
const RULE_FIELDS: {
  readonly [K in IcpRule["kind"]]: Readonly<Record<string, readonly [(value: unknown) => boolean, string]>>;
} = {
  employees: { min: [isOptionalNumber, "a number or absent"], max: [isOptionalNumber, "a number or absent"] },
  industry: { include: [isTextList, "a list of names"] },
  region: { include: [isTextList, "a list of names"] },
  uses: { any: [isTextList, "a list of names"] },
  avoids: { any: [isTextList, "a list of names"] },
  custom: { label: [isText, "a string"], match: [(value) => typeof value === "function", "a function"] },
};

/**
 * Throws `invalid_argument` unless `value` has the shape of a profile that `defineIcp` returns: the
 * parts a score reads (a list of rules of known kinds, each with its weight and its own fields, and
 * the three tiers). Typed code always passes; a profile built by hand or read back from storage is
 * answered with the field that is wrong. The ranges are `defineIcp`'s to check.
 */
export function requireIcp(value: unknown, fn: string, name: string): asserts value is IcpProfile {
  const problem = icpProblem(value);
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", { detail: `${fn}: ${name} must be made by defineIcp: ${problem}` });
}

/** What in a profile from untyped code is not what `defineIcp` returns, or undefined (see {@link requireIcp}). */
export function icpProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `it is ${describeValue(value)}`;
  const { id, rules, tiers } = value as Partial<Record<keyof IcpProfile, unknown>>;
  if (typeof id !== "string") return `id is ${describeValue(id)}`;
  if (!Array.isArray(rules)) return `rules is ${describeValue(rules)}`;
  for (const [index, rule] of rules.entries()) {
    const problem = ruleProblem(rule);
    if (problem !== undefined) return `rules[${String(index)}]${problem}`;
  }
  const bounds = (isRecord(tiers) ? tiers : {}) as Partial<Record<"a" | "b" | "c", unknown>>;
  const tier = (["a", "b", "c"] as const).find((key) => typeof bounds[key] !== "number");
  if (tier === undefined) return undefined;
  return isRecord(tiers) ? `tiers.${tier} is ${describeValue(bounds[tier])}` : `tiers is ${describeValue(tiers)}`;
}

function ruleProblem(rule: unknown): string | undefined {
  if (!isRecord(rule)) return ` is ${describeValue(rule)}`;
  const fields = rule as Record<string, unknown>;
  const kind = fields["kind"];
  if (typeof kind !== "string" || !Object.hasOwn(RULE_FIELDS, kind)) return `.kind is ${describeValue(kind)}`;
  if (typeof fields["weight"] !== "number") return `.weight is ${describeValue(fields["weight"])}`;
  const wrong = Object.entries(RULE_FIELDS[kind as IcpRule["kind"]]).find(([field, [ok]]) => !ok(fields[field]));
  return wrong === undefined ? undefined : `.${wrong[0]} is ${describeValue(fields[wrong[0]])}, not ${wrong[1][1]}`;
}

/** What in a subject from untyped code has the wrong type, or undefined. */
function subjectProblem(subject: unknown): string | undefined {
  if (!isRecord(subject)) return `the subject is ${describeValue(subject)}`;
  const { employees, industry, region, technologies } = subject as Partial<Record<keyof IcpSubject, unknown>>;
  if (employees !== undefined && typeof employees !== "number") return `employees is ${describeValue(employees)}`;
  if (industry !== undefined && typeof industry !== "string") return `industry is ${describeValue(industry)}`;
  if (region !== undefined && typeof region !== "string") return `region is ${describeValue(region)}`;
  if (technologies === undefined) return undefined;
  if (!Array.isArray(technologies)) return `technologies is ${describeValue(technologies)}`;
  const at = technologies.findIndex((name) => typeof name !== "string");
  return at === -1 ? undefined : `technologies[${String(at)}] is ${describeValue(technologies[at])}`;
}

const norm = (value: string): string => value.trim().toLowerCase();
const anyOf = (values: readonly string[] | undefined, wanted: readonly string[]): boolean | undefined => {
  if (values === undefined) return undefined;
  const have = new Set(values.map(norm));
  return wanted.some((value) => have.has(norm(value)));
};
const includesNormalised = (value: string | undefined, wanted: readonly string[]): boolean | undefined =>
  value === undefined ? undefined : wanted.map(norm).includes(norm(value));
const asMatch = (value: boolean | undefined): number | null => (value === undefined ? null : Number(value));

/**
 * Scores how well a subject fits an ideal customer profile: the weighted share of rules matched, from
 * 0 to 100. A rule the subject says nothing about (no employee count, no tech stack) matches nothing
 * and is shown with `match: null`, so missing data lowers the score visibly instead of being guessed.
 *
 * @example
 * ```ts
 * import { defineIcp, scoreIcpFit } from "handoff-kit/qualification";
 *
 * const icp = defineIcp({
 *   id: "revops",
 *   rules: [
 *     { kind: "employees", min: 50, weight: 3 },
 *     { kind: "industry", include: ["logistics"], weight: 1 },
 *   ],
 * });
 * scoreIcpFit({ employees: 420, industry: "Logistics" }, icp).score; // 100
 * scoreIcpFit({ industry: "logistics" }, icp).score; // 25: the size is unknown
 * ```
 * @category ICP fit
 */
export function scoreIcpFit(subject: IcpSubject, profile: IcpProfile): IcpFit {
  requireIcp(profile, "scoreIcpFit", "profile");
  const problem = subjectProblem(subject);
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail:
        `scoreIcpFit expects a subject of ` +
        `{ employees?: number, industry?: string, region?: string, technologies?: string[] }: ${problem}`,
    });
  const contributions = profile.rules.map((rule) => {
    const raw = match(rule)
      .with({ kind: "employees" }, ({ min, max }) =>
        asMatch(
          subject.employees === undefined
            ? undefined
            : (min === undefined || subject.employees >= min) && (max === undefined || subject.employees <= max),
        ),
      )
      .with({ kind: "industry" }, ({ include }) => asMatch(includesNormalised(subject.industry, include)))
      .with({ kind: "region" }, ({ include }) => asMatch(includesNormalised(subject.region, include)))
      .with({ kind: "uses" }, ({ any }) => asMatch(anyOf(subject.technologies, any)))
      .with({ kind: "avoids" }, ({ any }) => {
        const uses = anyOf(subject.technologies, any);
        return asMatch(uses === undefined ? undefined : !uses);
      })
      .with({ kind: "custom" }, ({ match: custom }) => {
        const value = custom(subject);
        return value === undefined || !Number.isFinite(value) ? null : Math.min(1, Math.max(0, value));
      })
      .exhaustive();
    return { rule, match: raw };
  });
  const total = profile.rules.reduce((sum, rule) => sum + rule.weight, 0);
  const scored = contributions.map(({ rule, match: m }) => ({
    label: rule.label ?? defaultLabel(rule),
    kind: rule.kind,
    weight: rule.weight,
    match: m,
    points: 100 * (rule.weight / total) * (m ?? 0),
  }));
  const score = Math.min(
    100,
    Math.max(
      0,
      scored.reduce((sum, c) => sum + c.points, 0),
    ),
  );
  const tier = tierOf(score, profile.tiers);
  return { score, tier, contributions: scored };
}

function defaultLabel(rule: IcpRule): string {
  return match(rule)
    .with(
      { kind: "employees" },
      ({ min, max }) => `${String(min ?? 0)}-${max === undefined ? "any" : String(max)} employees`,
    )
    .with({ kind: "industry" }, ({ include }) => `industry: ${include.join(", ")}`)
    .with({ kind: "region" }, ({ include }) => `region: ${include.join(", ")}`)
    .with({ kind: "uses" }, ({ any }) => `uses ${any.join(" or ")}`)
    .with({ kind: "avoids" }, ({ any }) => `does not use ${any.join(" or ")}`)
    .with({ kind: "custom" }, ({ label }) => label)
    .exhaustive();
}

/** The tier a score reaches: the highest whose bound it meets. */
function tierOf(score: number, tiers: IcpProfile["tiers"]): IcpFit["tier"] {
  if (score >= tiers.a) return "A";
  if (score >= tiers.b) return "B";
  return score >= tiers.c ? "C" : "D";
}
