import * as z from "zod";
import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import { fromZodIssues } from "../core/issue.js";
import { pure } from "../core/pure.js";
import { textSchema } from "../core/schemas.js";
import { criterionKeySchema, frameworkKeySchema } from "./evidence.js";

/**
 * One criterion of a qualification framework: its key, its label, the question an SDR asks to
 * evidence it, and whether an SDR can confirm it (or it is left to the AE's discovery).
 *
 * @example
 * ```ts
 * import type { Criterion } from "handoff-kit/qualification";
 * const budget: Criterion = {
 *   key: "budget",
 *   label: "Budget",
 *   question: "Is money set aside for this, and how much?",
 *   sdrConfirmable: true,
 * };
 * ```
 * @category Frameworks
 */
export interface Criterion {
  readonly key: string;
  readonly label: string;
  /** The question an SDR asks to evidence it. */
  readonly question: string;
  /** Whether an SDR can confirm it, or it is left to the AE. */
  readonly sdrConfirmable: boolean;
}

/**
 * A qualification framework as data: a key, a name, and its criteria in order.
 *
 * @example
 * ```ts
 * import type { Framework } from "handoff-kit/qualification";
 * const tiny: Framework = {
 *   key: "tiny",
 *   name: "Tiny",
 *   criteria: [{ key: "pain", label: "Pain", question: "What breaks today?", sdrConfirmable: true }],
 * };
 * ```
 * @category Frameworks
 */
export interface Framework {
  readonly key: string;
  readonly name: string;
  readonly criteria: readonly Criterion[];
  /** Where the framework comes from, shown in documentation. */
  readonly source?: string;
}

/**
 * The criterion keys of a framework, as a union of literals.
 *
 * @example
 * ```ts
 * import type { BANT, CriterionKey } from "handoff-kit/qualification";
 * const key: CriterionKey<typeof BANT> = "timing";
 * ```
 * @category Frameworks
 */
export type CriterionKey<F extends Framework> = F["criteria"][number]["key"];

const c = <const K extends string>(key: K, label: string, question: string, sdrConfirmable = true) =>
  ({ key, label, question, sdrConfirmable }) as const;

/**
 * BANT: Budget, Authority, Need, Timing (the 2027 handoff-process Q&A, see docs/sources.md; for
 * transactional and mid-market motions).
 *
 * @example
 * ```ts
 * import { BANT } from "handoff-kit/qualification";
 * BANT.criteria.map((criterion) => criterion.key); // ["budget", "authority", "need", "timing"]
 * ```
 * @category Frameworks
 */
export const BANT = /* @__PURE__ */ pure(
  () =>
    ({
      key: "bant",
      name: "BANT",
      source: "the 2027 handoff-process Q&A; the high-conversion handoff article",
      criteria: [
        c("budget", "Budget", "Is money set aside for this, how much, and who controls it?"),
        c("authority", "Authority", "Who signs, and are they involved?"),
        c("need", "Need", "What problem do they need solved, in their words?"),
        c("timing", "Timing", "By when must it be solved, and what sets that date?"),
      ],
    }) as const satisfies Framework,
);

/**
 * ANUM: Authority, Need, Urgency, Money.
 *
 * @example
 * ```ts
 * import { ANUM } from "handoff-kit/qualification";
 * ANUM.criteria[0].key; // "authority"
 * ```
 * @category Frameworks
 */
export const ANUM = /* @__PURE__ */ pure(
  () =>
    ({
      key: "anum",
      name: "ANUM",
      source: "the high-conversion handoff article; Gong's qualification playbooks",
      criteria: [
        c("authority", "Authority", "Who signs, and are they involved?"),
        c("need", "Need", "What problem do they need solved, in their words?"),
        c("urgency", "Urgency", "What happens if this waits a quarter?"),
        c("money", "Money", "Is money set aside for this, and how much?"),
      ],
    }) as const satisfies Framework,
);

/**
 * CHAMP: CHallenges, Authority, Money, Prioritization.
 *
 * @example
 * ```ts
 * import { CHAMP } from "handoff-kit/qualification";
 * CHAMP.criteria[0].key; // "challenges"
 * ```
 * @category Frameworks
 */
export const CHAMP = /* @__PURE__ */ pure(
  () =>
    ({
      key: "champ",
      name: "CHAMP",
      source: "the high-conversion handoff article; Gong's qualification playbooks",
      criteria: [
        c("challenges", "Challenges", "What challenge are they facing, in their words?"),
        c("authority", "Authority", "Who signs, and are they involved?"),
        c("money", "Money", "Is money set aside for this, and how much?"),
        c("prioritization", "Prioritization", "Where does this rank against their other projects, and why now?"),
      ],
    }) as const satisfies Framework,
);

const meddic = /* @__PURE__ */ pure(
  () =>
    ({
      metrics: c("metrics", "Metrics", "What measurable result do they expect, and from what baseline?"),
      economicBuyer: c("economicBuyer", "Economic buyer", "Who owns the budget and signs, by name and title?"),
      decisionCriteria: c("decisionCriteria", "Decision criteria", "What must a solution do for them to choose it?"),
      decisionProcess: c("decisionProcess", "Decision process", "Who decides, in what steps, by when?", false),
      paperProcess: c(
        "paperProcess",
        "Paper process",
        "What does procurement, legal and security review look like?",
        false,
      ),
      identifyPain: c("identifyPain", "Identify pain", "What does the problem cost them, in their words?"),
      champion: c("champion", "Champion", "Who inside will sell this for us, and why?"),
      competition: c("competition", "Competition", "What else are they considering, including doing nothing?", false),
    }) as const,
);

/**
 * MEDDIC: Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion.
 *
 * @example
 * ```ts
 * import { MEDDIC } from "handoff-kit/qualification";
 * MEDDIC.criteria.length; // 6
 * ```
 * @category Frameworks
 */
export const MEDDIC = /* @__PURE__ */ pure(
  () =>
    ({
      key: "meddic",
      name: "MEDDIC",
      source: "Gong's qualification playbooks",
      criteria: [
        meddic.metrics,
        meddic.economicBuyer,
        meddic.decisionCriteria,
        meddic.decisionProcess,
        meddic.identifyPain,
        meddic.champion,
      ],
    }) as const satisfies Framework,
);

/**
 * MEDDICC: MEDDIC plus Competition.
 *
 * @example
 * ```ts
 * import { MEDDICC } from "handoff-kit/qualification";
 * MEDDICC.criteria.at(-1)?.key; // "competition"
 * ```
 * @category Frameworks
 */
export const MEDDICC = /* @__PURE__ */ pure(
  () =>
    ({
      key: "meddicc",
      name: "MEDDICC",
      source: "the high-conversion handoff article; Gong's qualification playbooks",
      criteria: [...MEDDIC.criteria, meddic.competition],
    }) as const satisfies Framework,
);

/**
 * MEDDPICC: MEDDICC plus Paper process.
 *
 * @example
 * ```ts
 * import { MEDDPICC } from "handoff-kit/qualification";
 * MEDDPICC.criteria.length; // 8
 * ```
 * @category Frameworks
 */
export const MEDDPICC = /* @__PURE__ */ pure(
  () =>
    ({
      key: "meddpicc",
      name: "MEDDPICC",
      source: "Gong's qualification playbooks",
      criteria: [
        meddic.metrics,
        meddic.economicBuyer,
        meddic.decisionCriteria,
        meddic.decisionProcess,
        meddic.paperProcess,
        meddic.identifyPain,
        meddic.champion,
        meddic.competition,
      ],
    }) as const satisfies Framework,
);

/**
 * MEDDPICC-lite, the SDR's subset in enterprise motions (the 2027 handoff-process Q&A; see
 * docs/sources.md): Metrics, Economic buyer, Decision criteria, Pain, and a Champion signal; the rest
 * is left to the AE.
 *
 * @example
 * ```ts
 * import { MEDDPICC_LITE } from "handoff-kit/qualification";
 * MEDDPICC_LITE.criteria.every((criterion) => criterion.sdrConfirmable); // true
 * ```
 * @category Frameworks
 */
export const MEDDPICC_LITE = /* @__PURE__ */ pure(
  () =>
    ({
      key: "meddpicc_lite",
      name: "MEDDPICC-lite",
      source: "the 2027 handoff-process Q&A",
      criteria: [
        meddic.metrics,
        meddic.economicBuyer,
        meddic.decisionCriteria,
        meddic.identifyPain,
        { ...meddic.champion, label: "Champion signal" },
      ],
    }) as const satisfies Framework,
);

/**
 * The built-in frameworks by key.
 *
 * @example
 * ```ts
 * import { FRAMEWORKS } from "handoff-kit/qualification";
 * Object.keys(FRAMEWORKS); // ["bant", "anum", "champ", "meddic", "meddicc", "meddpicc", "meddpicc_lite"]
 * ```
 * @category Frameworks
 */
export const FRAMEWORKS = /* @__PURE__ */ pure(
  () =>
    ({
      bant: BANT,
      anum: ANUM,
      champ: CHAMP,
      meddic: MEDDIC,
      meddicc: MEDDICC,
      meddpicc: MEDDPICC,
      meddpicc_lite: MEDDPICC_LITE,
    }) as const,
);

const frameworkSchema = /* @__PURE__ */ pure(() =>
  z
    .object({
      key: frameworkKeySchema,
      name: textSchema,
      source: textSchema.optional(),
      criteria: z
        .array(
          z.object({
            key: criterionKeySchema,
            label: textSchema,
            question: textSchema,
            sdrConfirmable: z.boolean(),
          }),
        )
        .min(1, { error: "A framework needs at least one criterion" }),
    })
    .superRefine((framework, ctx) => {
      const seen = new Set<string>();
      framework.criteria.forEach((criterion, index) => {
        if (seen.has(criterion.key))
          ctx.addIssue({
            code: "custom",
            message: `Duplicate criterion "${criterion.key}"`,
            path: ["criteria", index, "key"],
            params: { code: "duplicate_criterion" },
          });
        seen.add(criterion.key);
      });
    }),
);

/**
 * Checks a team's own framework (SPICED, GPCTBA/C&I, a house framework) and freezes it, keeping its
 * criterion keys as literal types. Throws `invalid_config` with the path of each bad field.
 *
 * @example
 * ```ts
 * import { defineFramework } from "handoff-kit/qualification";
 *
 * const SPICED = defineFramework({
 *   key: "spiced",
 *   name: "SPICED",
 *   criteria: [
 *     { key: "situation", label: "Situation", question: "What is their setup today?", sdrConfirmable: true },
 *     { key: "pain", label: "Pain", question: "What hurts, in their words?", sdrConfirmable: true },
 *     { key: "impact", label: "Impact", question: "What does it cost them?", sdrConfirmable: true },
 *     {
 *       key: "criticalEvent",
 *       label: "Critical event",
 *       question: "What date makes this urgent?",
 *       sdrConfirmable: true,
 *     },
 *     { key: "decision", label: "Decision", question: "How and by whom is it decided?", sdrConfirmable: false },
 *   ],
 * });
 * ```
 * @category Frameworks
 */
export function defineFramework<const F extends Framework>(spec: F): F {
  const parsed = frameworkSchema.safeParse(spec);
  if (!parsed.success)
    throw new HandoffKitError("invalid_config", {
      detail: "defineFramework",
      issues: fromZodIssues(parsed.error.issues),
    });
  return Object.freeze({
    ...spec,
    criteria: Object.freeze(spec.criteria.map((criterion) => Object.freeze({ ...criterion }))),
  });
}

/**
 * Throws `invalid_argument` unless `value` has the shape of a framework (a built-in one or what
 * `defineFramework` returns): a key, a name, and a list of criteria, each with its key, label,
 * question and whether an SDR can confirm it. A framework built by hand or read back from storage is
 * answered with the part that is wrong; the rules on keys are `defineFramework`'s to check.
 */
export function requireFramework(value: unknown, fn: string, name: string): asserts value is Framework {
  const problem = frameworkProblem(value);
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: ${name} must be a framework (BANT, MEDDPICC_LITE, or defineFramework's): ${problem}`,
    });
}

const CRITERION_FIELDS = {
  key: "string",
  label: "string",
  question: "string",
  sdrConfirmable: "boolean",
} as const satisfies Record<keyof Criterion, string>;

function frameworkProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `it is ${describeValue(value)}`;
  const { key, name, criteria } = value as Partial<Record<keyof Framework, unknown>>;
  if (typeof key !== "string") return `key is ${describeValue(key)}`;
  if (typeof name !== "string") return `name is ${describeValue(name)}`;
  if (!Array.isArray(criteria)) return `criteria is ${describeValue(criteria)}`;
  for (const [index, criterion] of criteria.entries()) {
    if (!isRecord(criterion)) return `criteria[${String(index)}] is ${describeValue(criterion)}`;
    const fields = criterion as Record<string, unknown>;
    const wrong = Object.entries(CRITERION_FIELDS).find(([field, type]) => typeof fields[field] !== type);
    if (wrong !== undefined)
      return `criteria[${String(index)}].${wrong[0]} is ${describeValue(fields[wrong[0]])}, not a ${wrong[1]}`;
  }
  return undefined;
}
