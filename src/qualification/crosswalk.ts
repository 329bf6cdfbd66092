import { optionsOf, ownValue } from "../core/guards.js";
import { pure } from "../core/pure.js";
import { EVIDENCE_STATES, type Evidence } from "./evidence.js";
import { checkEvidenceArgument, type FrameworkEvidence } from "./framework-evidence.js";
import { requireFramework, type CriterionKey, type Framework } from "./frameworks.js";

/**
 * How faithfully one criterion stands for a concept: `exact` carries the evidence as it is;
 * `partial` carries it as a hint only (state capped at `suggested`, never `disqualifying`), for the
 * AE to confirm.
 *
 * @example
 * ```ts
 * import type { Fidelity } from "handoff-kit/qualification";
 * const fidelity: Fidelity = "partial";
 * ```
 * @category Crosswalks
 */
export type Fidelity = "exact" | "partial";

/**
 * The concepts criteria stand for, by framework key and criterion key: the crosswalk's mapping
 * table. Criteria that share a concept map onto each other.
 *
 * | concept | BANT | ANUM | CHAMP | MEDDIC family |
 * | --- | --- | --- | --- | --- |
 * | authority | authority | authority | authority | economicBuyer |
 * | money | budget | money | money | economicBuyer (partial: who holds the budget, not whether it exists) |
 * | need | need | need | challenges | identifyPain |
 * | timing | timing | urgency | prioritization (partial) | none |
 * | metrics, decision criteria, decision process | none | none | none | the criterion of that name |
 * | paper process, champion, competition | none | none | none | the criterion of that name |
 *
 * @example
 * ```ts
 * import { CROSSWALK_TABLE } from "handoff-kit/qualification";
 * CROSSWALK_TABLE["anum"]?.["urgency"]; // [{ concept: "timing", fidelity: "exact" }]
 * ```
 * @category Crosswalks
 */
export const CROSSWALK_TABLE: Readonly<
  Record<string, Readonly<Record<string, readonly { readonly concept: string; readonly fidelity: Fidelity }[]>>>
> = /* @__PURE__ */ pure(() => {
  const exact = (concept: string) => [{ concept, fidelity: "exact" as const }];
  const meddicFamily = {
    metrics: exact("metrics"),
    economicBuyer: [
      { concept: "authority", fidelity: "exact" as const },
      { concept: "money", fidelity: "partial" as const },
    ],
    decisionCriteria: exact("decisionCriteria"),
    decisionProcess: exact("decisionProcess"),
    paperProcess: exact("paperProcess"),
    identifyPain: exact("need"),
    champion: exact("champion"),
    competition: exact("competition"),
  };
  return {
    bant: { budget: exact("money"), authority: exact("authority"), need: exact("need"), timing: exact("timing") },
    anum: { authority: exact("authority"), need: exact("need"), urgency: exact("timing"), money: exact("money") },
    champ: {
      challenges: exact("need"),
      authority: exact("authority"),
      money: exact("money"),
      prioritization: [{ concept: "timing", fidelity: "partial" as const }],
    },
    meddic: meddicFamily,
    meddicc: meddicFamily,
    meddpicc: meddicFamily,
    meddpicc_lite: meddicFamily,
  };
});

/**
 * Evidence carried over to another framework, with what mapped, what did not, and what the target
 * framework still lacks.
 *
 * @example
 * ```ts
 * import type { CrosswalkResult, MEDDPICC } from "handoff-kit/qualification";
 * const gaps = (result: CrosswalkResult<typeof MEDDPICC>) => result.uncovered;
 * ```
 * @category Crosswalks
 */
export interface CrosswalkResult<G extends Framework> {
  readonly evidence: FrameworkEvidence<G>;
  readonly mapped: readonly { readonly from: string; readonly to: CriterionKey<G>; readonly fidelity: Fidelity }[];
  /** Source criteria with evidence that have no counterpart in the target framework. */
  readonly unmapped: readonly { readonly criterion: string; readonly message: string }[];
  /** Target criteria no source criterion speaks to. */
  readonly uncovered: readonly CriterionKey<G>[];
}

// The states are listed weakest first, and "disqualifying" last: a reason not to buy is never outvoted.
const strength = (evidence: Evidence): number => EVIDENCE_STATES.indexOf(evidence.state);

function asHint(from: string, evidence: Evidence): Evidence {
  const capped = evidence.state === "unknown" ? "unknown" : "suggested";
  return { ...evidence, state: capped, note: `From ${from}${evidence.note === undefined ? "" : `: ${evidence.note}`}` };
}

/**
 * Options of {@link crosswalk}.
 *
 * @example
 * ```ts
 * import { CROSSWALK_TABLE, type CrosswalkOptions } from "handoff-kit/qualification";
 * // A team's own framework, "house", whose "fit" speaks partly to need.
 * const house = { fit: [{ concept: "need", fidelity: "partial" as const }] };
 * const options: CrosswalkOptions = { table: { ...CROSSWALK_TABLE, house } };
 * ```
 * @category Crosswalks
 */
export interface CrosswalkOptions {
  /** The concept links to map through: {@link CROSSWALK_TABLE} by default. */
  readonly table?: typeof CROSSWALK_TABLE;
}

/**
 * Maps evidence from one framework to another through {@link CROSSWALK_TABLE} (or your own table).
 * What does not map is reported, never guessed; a partial mapping carries the evidence as a hint
 * (`suggested`). Where several source criteria map to one target, exact beats partial and the
 * stronger evidence wins. Evidence for a framework read as that same framework (the same key) maps
 * criterion by criterion, exactly, whether or not the table knows the framework: a team's own
 * framework from `defineFramework` reads its own evidence.
 *
 * @example
 * ```ts
 * import { BANT, crosswalk, MEDDPICC_LITE } from "handoff-kit/qualification";
 *
 * const result = crosswalk(
 *   {
 *     framework: "bant",
 *     evidence: {
 *       authority: { state: "validated", note: "CFO Lee Park signs" },
 *       timing: { state: "noted", note: "Go-live by March" },
 *     },
 *   },
 *   BANT,
 *   MEDDPICC_LITE,
 * );
 * result.evidence.evidence.economicBuyer?.state; // "validated"
 * result.unmapped; // [{ criterion: "timing", message: "MEDDPICC-lite has no criterion for timing" }]
 * ```
 * @category Crosswalks
 */
export function crosswalk<F extends Framework, G extends Framework>(
  evidence: FrameworkEvidence<F>,
  from: F,
  to: G,
  options: CrosswalkOptions = {},
): CrosswalkResult<G> {
  checkEvidenceArgument(evidence, "crosswalk");
  requireFramework(from, "crosswalk", "from");
  requireFramework(to, "crosswalk", "to");
  const table = optionsOf(options, "crosswalk").table ?? CROSSWALK_TABLE;
  // A framework read as itself maps each criterion to itself, exactly, whether or not the table knows
  // it (the table's partial links would cut its own evidence to hints).
  const self = from.key === to.key;
  const sourceTable = self ? identityTable(from.criteria) : (ownValue(table, from.key) ?? {});
  const targetTable = self ? identityTable(to.criteria) : (ownValue(table, to.key) ?? {});
  const records = evidence.evidence as Readonly<Record<string, Evidence | undefined>>;
  const out: Record<string, Evidence> = {};
  const mapped: { from: string; to: CriterionKey<G>; fidelity: Fidelity }[] = [];
  const covered = new Set<string>();

  for (const target of to.criteria) {
    let best: { from: string; evidence: Evidence; fidelity: Fidelity } | undefined;
    for (const { concept, fidelity: targetFidelity } of ownValue(targetTable, target.key) ?? []) {
      for (const source of from.criteria) {
        const sourceConcepts = ownValue(sourceTable, source.key) ?? [];
        const link = sourceConcepts.find((entry) => entry.concept === concept);
        if (link === undefined) continue;
        covered.add(target.key);
        const record = ownValue(records, source.key);
        if (record === undefined) continue;
        const fidelity: Fidelity = link.fidelity === "exact" && targetFidelity === "exact" ? "exact" : "partial";
        const candidate = {
          from: source.key,
          evidence: fidelity === "exact" ? record : asHint(source.label, record),
          fidelity,
        };
        if (
          best === undefined ||
          (candidate.fidelity === "exact" && best.fidelity === "partial") ||
          (candidate.fidelity === best.fidelity && strength(candidate.evidence) > strength(best.evidence))
        )
          best = candidate;
      }
    }
    if (best !== undefined) {
      out[target.key] = best.evidence;
      mapped.push({ from: best.from, to: target.key, fidelity: best.fidelity });
    }
  }

  const targetConcepts = new Set(
    Object.values(targetTable).flatMap((entries) => entries.map((entry) => entry.concept)),
  );
  const unmapped = from.criteria
    .filter(
      (source) =>
        ownValue(records, source.key) !== undefined &&
        !(ownValue(sourceTable, source.key) ?? []).some((entry) => targetConcepts.has(entry.concept)),
    )
    .map((source) => ({
      criterion: source.key,
      message: `${to.name} has no criterion for ${source.label.toLowerCase()}`,
    }));
  const uncovered = to.criteria
    .filter((target) => !covered.has(target.key))
    .map((target) => target.key as CriterionKey<G>);
  return { evidence: { framework: to.key, evidence: out } as FrameworkEvidence<G>, mapped, unmapped, uncovered };
}

/** Each criterion as a concept of its own, linked exactly. */
function identityTable(
  criteria: readonly { readonly key: string }[],
): Readonly<Record<string, readonly { readonly concept: string; readonly fidelity: Fidelity }[]>> {
  return Object.fromEntries(
    criteria.map((criterion) => [criterion.key, [{ concept: criterion.key, fidelity: "exact" as const }]]),
  );
}
