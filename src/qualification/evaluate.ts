import { requireDefinition } from "./sql-definition.js";
import { ownValue, requireObject } from "../core/guards.js";
import { HandoffKitError } from "../core/error.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { EVIDENCE_STATES, type EvidenceState } from "./evidence.js";
import { checkEvidenceArgument, type FrameworkEvidence } from "./framework-evidence.js";
import type { Framework } from "./frameworks.js";
import { scoreIcpFit, type IcpFit, type IcpSubject } from "./icp.js";
import { scoreIntent, type IntentSignal } from "./intent.js";
import { specificityOf, type SpecificitySignals } from "./specificity.js";
import type { RequirementState, SqlDefinition } from "./sql-definition.js";

/**
 * What a verdict can be: `disqualified` when any criterion's evidence rules the lead out,
 * `qualified` when every requirement is met, `not_qualified` otherwise.
 *
 * @example
 * ```ts
 * import type { VerdictStatus } from "handoff-kit/qualification";
 * const status: VerdictStatus = "not_qualified";
 * ```
 * @category Verdicts
 */
export type VerdictStatus = "qualified" | "not_qualified" | "disqualified";

/**
 * Why a requirement is not met, or why the definition is only a draft, as tagged data.
 *
 * @example
 * ```ts
 * import type { QualificationFinding } from "handoff-kit/qualification";
 * const coaching = (findings: readonly QualificationFinding[]) =>
 *   findings.filter((f) => f.code === "vague_evidence").map((f) => f.message);
 * ```
 * @category Verdicts
 */
export interface QualificationFinding {
  readonly code:
    | "missing"
    | "below_required"
    | "vague_evidence"
    | "disqualifying"
    | "icp_unknown"
    | "icp_below_threshold"
    | "intent_below_threshold"
    | "draft"
    | "sign_off_after_now";
  /** The criterion concerned, or `icp`, `intent` or `definition`. */
  readonly criterion: string;
  readonly message: string;
}

/**
 * One criterion of a verdict: what the definition required, what the evidence gave, and whether it
 * counts.
 *
 * @example
 * ```ts
 * import type { CriterionResult } from "handoff-kit/qualification";
 * const row = (result: CriterionResult): string =>
 *   `${result.label}: ${result.got} (needs ${result.required ?? "nothing"})`;
 * ```
 * @category Verdicts
 */
export interface CriterionResult {
  readonly key: string;
  readonly label: string;
  readonly required: RequirementState | undefined;
  readonly got: EvidenceState;
  /**
   * Whether the evidence is specific (a person or role, a number, a date or a quote); undefined
   * when there is no note.
   */
  readonly specific: boolean | undefined;
  readonly met: boolean;
}

/**
 * The verdict on a lead against a SQL definition.
 *
 * @example
 * ```ts
 * import type { QualificationVerdict } from "handoff-kit/qualification";
 * const summary = (verdict: QualificationVerdict): string =>
 *   `${verdict.status}${verdict.draft ? " (draft bar)" : ""}: missing ${verdict.missing.join(", ") || "nothing"}`;
 * ```
 * @category Verdicts
 */
export interface QualificationVerdict {
  readonly status: VerdictStatus;
  /** The definition lacks a sign-off by the SDR leader or the AE leader (dated by `now`). */
  readonly draft: boolean;
  readonly definition: { readonly id: string; readonly version: number; readonly framework: string };
  readonly evaluatedAt: Date;
  readonly criteria: readonly CriterionResult[];
  /** The required criteria (and `icp`, `intent`) that are not met. */
  readonly missing: readonly string[];
  readonly findings: readonly QualificationFinding[];
  readonly icp?: IcpFit & { readonly minScore: number; readonly met: boolean };
  readonly intent?: { readonly score: number; readonly minScore: number; readonly met: boolean };
}

/**
 * What `evaluateQualification` needs besides the evidence: `now` (for sign-offs and intent decay),
 * and the subject and signals when the definition has ICP or intent thresholds.
 *
 * @example
 * ```ts
 * import type { EvaluateQualificationOptions } from "handoff-kit/qualification";
 * const options: EvaluateQualificationOptions = {
 *   now: new Date("2026-11-21T15:00:00Z"),
 *   subject: { employees: 420, industry: "logistics" },
 * };
 * ```
 * @category Verdicts
 */
export interface EvaluateQualificationOptions {
  readonly now: InstantInput;
  readonly subject?: IcpSubject;
  readonly signals?: readonly IntentSignal[];
}

/**
 * Judges a lead's evidence against a SQL definition: every criterion with what it required and what
 * it got, every reason the lead falls short, and whether the bar itself is only a draft. Evidence for
 * a required criterion counts only if it is specific: "seemed interested" or "open to a chat" names no
 * person or role, no number, no date and quotes no one, so it cannot be checked, and the finding says
 * so. Throws `invalid_argument` when the evidence is for another framework (see `crosswalk`).
 *
 * @example
 * ```ts
 * import { BANT, defineSqlDefinition, evaluateQualification } from "handoff-kit/qualification";
 *
 * const bar = defineSqlDefinition({
 *   id: "smb-sql",
 *   version: 1,
 *   framework: BANT,
 *   requirements: { budget: "noted", authority: "noted", need: "validated" },
 * });
 * const verdict = evaluateQualification(
 *   {
 *     framework: "bant",
 *     evidence: {
 *       budget: { state: "noted", note: "About $40k set aside for Q1" },
 *       authority: { state: "noted", note: "Seemed interested" },
 *       need: { state: "validated", quote: "We rebuild the board deck by hand every month." },
 *     },
 *   },
 *   bar,
 *   { now: new Date("2026-11-21T15:00:00Z") },
 * );
 * verdict.status; // "not_qualified": authority's evidence is vague
 * verdict.draft; // true: nobody signed the bar off
 * ```
 * @category Verdicts
 */
export function evaluateQualification<F extends Framework>(
  evidence: FrameworkEvidence<F>,
  definition: SqlDefinition<F>,
  options: EvaluateQualificationOptions,
): QualificationVerdict {
  requireDefinition(definition, "evaluateQualification");
  requireObject(options, "evaluateQualification", "options");
  const now = toEpochMs(options.now, "evaluateQualification: options.now");
  checkEvidenceArgument(evidence, "evaluateQualification");
  if (evidence.framework !== definition.framework.key) {
    throw new HandoffKitError("invalid_argument", {
      detail:
        `evaluateQualification: the evidence is for "${evidence.framework}" ` +
        `and the definition for "${definition.framework.key}"; ` +
        `crosswalk it first`,
    });
  }
  const findings: QualificationFinding[] = [];
  const records = evidence.evidence as Readonly<Record<string, FrameworkEvidence<Framework>["evidence"][string]>>;
  const requirements = definition.requirements as Readonly<Record<string, RequirementState | undefined>>;

  const criteria = definition.framework.criteria.map((criterion): CriterionResult => {
    const record = ownValue(records, criterion.key);
    const got = record?.state ?? "unknown";
    const required = ownValue(requirements, criterion.key);
    const text = record?.note ?? "";
    const signals =
      record === undefined || (text === "" && record.quote === undefined)
        ? undefined
        : specificityOf(text, record.quote);
    if (got === "disqualifying") {
      findings.push({
        code: "disqualifying",
        criterion: criterion.key,
        message: `${criterion.label} rules the lead out${record?.note === undefined ? "" : `: ${record.note}`}`,
      });
      return { key: criterion.key, label: criterion.label, required, got, specific: signals?.specific, met: false };
    }
    if (required === undefined)
      return { key: criterion.key, label: criterion.label, required, got, specific: signals?.specific, met: true };
    // Disqualifying evidence has returned above, so the list's order (weakest first) ranks what is left.
    if (EVIDENCE_STATES.indexOf(got) < EVIDENCE_STATES.indexOf(required)) {
      findings.push({
        code: got === "unknown" ? "missing" : "below_required",
        criterion: criterion.key,
        message:
          got === "unknown"
            ? `${criterion.label}: no evidence; the bar requires it ${required}`
            : `${criterion.label}: evidence is ${got}; the bar requires it ${required}`,
      });
      return { key: criterion.key, label: criterion.label, required, got, specific: signals?.specific, met: false };
    }
    if (definition.requireSpecificEvidence && signals?.specific !== true) {
      findings.push({
        code: "vague_evidence",
        criterion: criterion.key,
        message: vagueMessage(criterion.label, text, signals),
      });
      return { key: criterion.key, label: criterion.label, required, got, specific: false, met: false };
    }
    return { key: criterion.key, label: criterion.label, required, got, specific: signals?.specific, met: true };
  });

  const missing = criteria
    // A criterion the bar does not require is met unless disqualifying, so no requirement test is needed.
    .filter((criterion) => !criterion.met && criterion.got !== "disqualifying")
    .map((criterion) => criterion.key);

  let icp: QualificationVerdict["icp"];
  if (definition.icp !== undefined) {
    if (options.subject === undefined) {
      findings.push({
        code: "icp_unknown",
        criterion: "icp",
        message: "The bar has an ICP-fit threshold, but no account data was given",
      });
      missing.push("icp");
    } else {
      const fit = scoreIcpFit(options.subject, definition.icp.profile);
      icp = { ...fit, minScore: definition.icp.minScore, met: fit.score >= definition.icp.minScore };
      if (!icp.met) {
        findings.push({
          code: "icp_below_threshold",
          criterion: "icp",
          message: `ICP fit ${fit.score.toFixed(0)} is under the bar's ${String(definition.icp.minScore)}`,
        });
        missing.push("icp");
      }
    }
  }

  let intent: QualificationVerdict["intent"];
  if (definition.intent !== undefined) {
    const scored = scoreIntent(options.signals ?? [], {
      now,
      ...(definition.intent.halfLife === undefined ? {} : { halfLife: definition.intent.halfLife }),
      // A definition stored before weights were part of it has none: scoreIntent takes the defaults.
      weights: definition.intent.weights,
    });
    intent = {
      score: scored.score,
      minScore: definition.intent.minScore,
      met: scored.score >= definition.intent.minScore,
    };
    if (!intent.met) {
      findings.push({
        code: "intent_below_threshold",
        criterion: "intent",
        message: `Intent ${scored.score.toFixed(0)} is under the bar's ${String(definition.intent.minScore)}`,
      });
      missing.push("intent");
    }
  }

  const draft = draftFindings(definition, now);
  findings.push(...draft);
  const status = statusOf(
    criteria.some((criterion) => criterion.got === "disqualifying"),
    missing.length,
  );
  return {
    status,
    draft: draft.some((finding) => finding.code === "draft"),
    definition: { id: definition.id, version: definition.version, framework: definition.framework.key },
    evaluatedAt: new Date(now),
    criteria,
    missing,
    findings,
    ...(icp === undefined ? {} : { icp }),
    ...(intent === undefined ? {} : { intent }),
  };
}

/** Why evidence that meets the state it must reach still does not count: it commits to nothing checkable. */
function vagueMessage(label: string, note: string, signals: SpecificitySignals | undefined): string {
  if (signals === undefined) return `${label}: no note and no quote back the evidence, so it does not count`;
  const vague = signals.vaguePhrases.length > 0 ? ` ("${signals.vaguePhrases.join('", "')}" commits to nothing)` : "";
  return (
    `${label}: "${note}" names no person or role, no number and no date, ` +
    `and quotes no one${vague}, so it does not count`
  );
}

function draftFindings(definition: SqlDefinition<Framework>, now: number): QualificationFinding[] {
  const findings: QualificationFinding[] = [];
  const signed = new Set<string>();
  for (const signOff of definition.signOffs) {
    if (signOff.at.getTime() > now) {
      findings.push({
        code: "sign_off_after_now",
        criterion: "definition",
        message: `${signOff.name}'s sign-off is dated ${signOff.at.toISOString()}, after now; it does not count yet`,
      });
    } else signed.add(signOff.role);
  }
  const absent = (["sdr_leader", "ae_leader"] as const)
    .filter((role) => !signed.has(role))
    .map((role) => (role === "sdr_leader" ? "the SDR leader" : "the AE leader"));
  if (absent.length > 0)
    findings.push({
      code: "draft",
      criterion: "definition",
      message: `Draft: not signed off by ${absent.join(" and ")}`,
    });
  return findings;
}

/** A disqualifying answer outweighs everything; otherwise every requirement must be met. */
function statusOf(disqualified: boolean, missing: number): VerdictStatus {
  if (disqualified) return "disqualified";
  return missing === 0 ? "qualified" : "not_qualified";
}
