import { requireDefinition } from "../qualification/internal.js";
import { ownValue, requireObject } from "../core/guards.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { type BookingGate, type GateFinding, type Handoff, icpSubjectOf } from "../handoff/index.js";
import { missingField, requireHandoff } from "../handoff/internal.js";
import {
  crosswalk,
  evaluateQualification,
  type EvidenceState,
  type Framework,
  FRAMEWORKS,
  parseEvidence,
  type SqlDefinition,
} from "../qualification/index.js";
import { requireRubric } from "./scoring/define-rubric.js";
import { checkCompleteness, scoreBrief, type Rubric } from "./scoring/score.js";

/**
 * Options of {@link bookingGate}.
 *
 * @example
 * ```ts
 * import type { BookingGateOptions } from "handoff-kit/rubric";
 * const options: BookingGateOptions = { now: new Date("2026-11-21T15:00:00Z"), minGrade: "strong" };
 * ```
 * @category The booking gate
 */
export interface BookingGateOptions {
  /** The instant the bar's sign-offs and the evidence are judged at. */
  readonly now: InstantInput;
  /** The brief's lowest grade that books: `acceptable` by default. */
  readonly minGrade?: "acceptable" | "strong";
}

/**
 * A booking gate for the lifecycle that combines the qualification verdict and the brief check: the
 * lead must qualify against the team's SQL definition (its evidence crosswalked when recorded against
 * another built-in framework; ICP fit judged from the account and the tech stack), the brief must be
 * complete, and its score must reach `minGrade` (acceptable by default). Every reason for refusal is
 * listed. Both definitions are named: the SQL definition and the rubric (`DEFAULT_RUBRIC` or the
 * team's own), each checked when the gate is made. `now` dates the verdict (sign-offs, intent decay).
 *
 * @example
 * ```ts
 * import { defineLifecycle } from "handoff-kit/handoff";
 * import { BANT, defineSqlDefinition } from "handoff-kit/qualification";
 * import { bookingGate, DEFAULT_RUBRIC } from "handoff-kit/rubric";
 *
 * const bar = defineSqlDefinition({
 *   id: "smb-sql",
 *   version: 3,
 *   framework: BANT,
 *   requirements: { need: "validated", authority: "noted" },
 * });
 * const rules = defineLifecycle({
 *   gate: "before_meeting",
 *   bookingGate: bookingGate(bar, DEFAULT_RUBRIC, { now: new Date() }),
 * });
 * ```
 * @category The booking gate
 */
export function bookingGate<F extends Framework>(
  definition: SqlDefinition<F>,
  rubric: Rubric,
  options: BookingGateOptions,
): BookingGate {
  requireDefinition(definition, "bookingGate");
  requireRubric(rubric, "bookingGate");
  requireObject(options, "bookingGate", "options");
  // Checked when the gate is made: a bad option would otherwise surface at the first booking it judges.
  toEpochMs(options.now, "bookingGate: options.now");
  const minGrade: unknown = options.minGrade ?? "acceptable";
  if (minGrade !== "acceptable" && minGrade !== "strong")
    throw new HandoffKitError("invalid_argument", {
      detail: `bookingGate: options.minGrade must be acceptable or strong: ${describeValue(minGrade)}`,
    });
  return (handoff: Handoff) => {
    requireHandoff(handoff, "bookingGate's gate");
    const findings: GateFinding[] = [...qualificationFindings(definition, handoff, options.now)];
    for (const field of checkCompleteness(handoff.brief).missing) findings.push(missingField(field));
    const score = scoreBrief(handoff.brief, rubric, { prospect: handoff.prospect });
    const enough = minGrade === "strong" ? score.grade === "strong" : score.grade !== "weak";
    if (!enough)
      findings.push({
        kind: "brief_score",
        score: score.score,
        grade: score.grade,
        needs: minGrade,
        message: `The brief scores ${score.score.toFixed(0)} (${score.grade}); the gate needs ${minGrade}`,
      });
    return findings.length === 0 ? { ok: true } : { ok: false, findings };
  };
}

function qualificationFindings<F extends Framework>(
  definition: SqlDefinition<F>,
  handoff: Handoff,
  now: InstantInput,
): GateFinding[] {
  const record = handoff.qualification;
  const found = (
    code: Extract<GateFinding, { kind: "qualification" }>["code"],
    criterion: string,
    message: string,
    state?: EvidenceState,
  ): GateFinding => ({ kind: "qualification", criterion, state, code, message });
  if (record === undefined) return [found("no_evidence", "evidence", "No qualification evidence is recorded")];
  const framework =
    record.framework === definition.framework.key
      ? definition.framework
      : ownValue(FRAMEWORKS as Record<string, Framework>, record.framework);
  if (framework === undefined)
    return [
      found(
        "not_crosswalkable",
        "evidence",
        `The evidence is for "${record.framework}", which cannot be crosswalked to ${definition.framework.name}`,
      ),
    ];
  const parsed = parseEvidence(record, framework);
  if (!parsed.ok) return parsed.issues.map((issue) => found("invalid_evidence", issue.path.join("."), issue.message));
  const verdict = evaluateQualification(crosswalk(parsed.value, framework, definition.framework).evidence, definition, {
    now,
    subject: icpSubjectOf(handoff),
  });
  // A qualified verdict's only findings are draft and sign_off_after_now, which the filter below drops.
  // Stryker disable next-line ConditionalExpression: equivalent: see above
  if (verdict.status === "qualified") return [];
  const states = new Map(verdict.criteria.map((criterion) => [criterion.key, criterion.got]));
  return verdict.findings
    .filter((finding) => finding.code !== "draft" && finding.code !== "sign_off_after_now")
    .map((finding) => found(finding.code, finding.criterion, finding.message, states.get(finding.criterion)));
}
