import { describeValue } from "../../core/describe-value.js";
import { HandoffKitError } from "../../core/error.js";
import { isRecord, requireObject } from "../../core/guards.js";
import { hasText } from "../../core/text.js";
import { type Brief, type BriefRequirement, DEFAULT_BRIEF_REQUIREMENTS, type Prospect } from "../../handoff/index.js";
import { specificityOf } from "../../qualification/index.js";
import { hasBudgetSignal, hasToolsInUse, missingRequirementsFor } from "../../handoff/internal.js";
import { pure } from "../../core/pure.js";
import { defineRubric, requireRubric } from "./define-rubric.js";
import { detectGenericNotes, findQuotes } from "./notes.js";

/**
 * Which required fields a brief has and which it lacks.
 *
 * @example
 * ```ts
 * import type { Completeness } from "handoff-kit/rubric";
 * const todo = (completeness: Completeness): string[] =>
 *   completeness.missing.map((field) => `${field.field}: ${field.label}`);
 * ```
 * @category Scoring briefs
 */
export interface Completeness {
  readonly complete: boolean;
  readonly missing: readonly { readonly field: string; readonly label: string }[];
  readonly present: readonly string[];
}

/**
 * Checks a brief against the required package, naming each missing or empty field: the
 * handoff-checklist article's list by default (`DEFAULT_BRIEF_REQUIREMENTS`), or your own.
 *
 * @example
 * ```ts
 * import { checkCompleteness } from "handoff-kit/rubric";
 * const { complete, missing } = checkCompleteness({ notes: "Interested, wants demo" });
 * complete; // false
 * missing.map((field) => field.field); // ["discovery.prospectRole", "discovery.prompt", ...]
 * ```
 * @category Scoring briefs
 */
export function checkCompleteness(
  brief: Brief,
  requirements: readonly BriefRequirement[] = DEFAULT_BRIEF_REQUIREMENTS,
): Completeness {
  const missing = missingRequirementsFor(brief, requirements, "checkCompleteness");
  return {
    complete: missing.length === 0,
    missing: missing.map(({ field, label }) => ({ field, label })),
    present: requirements
      .filter((requirement) => !missing.includes(requirement))
      .map((requirement) => requirement.field),
  };
}

/**
 * What a rubric criterion sees: the brief, and the prospect when the caller has it.
 *
 * @example
 * ```ts
 * import type { BriefContext } from "handoff-kit/rubric";
 * const context: BriefContext = {
 *   brief: { notes: "..." },
 *   prospect: { name: "Dana Ruiz", role: "champion", influence: "high" },
 * };
 * ```
 * @category Scoring briefs
 */
export interface BriefContext {
  readonly brief: Brief;
  readonly prospect?: Prospect;
}

/**
 * One criterion of a rubric: its maximum, and how a brief scores on it (points from 0 to the
 * maximum, why, and what would fix it).
 *
 * @example
 * ```ts
 * import type { RubricCriterion } from "handoff-kit/rubric";
 * const competitors: RubricCriterion = {
 *   id: "competitors",
 *   label: "Competitors named",
 *   max: 5,
 *   score: ({ brief }) =>
 *     (brief.competitors?.length ?? 0) > 0
 *       ? { points: 5, message: "Competitors are named" }
 *       : { points: 0, message: "No competitor named", fix: "Ask what else they are considering" },
 * };
 * ```
 * @category Scoring briefs
 */
export interface RubricCriterion {
  readonly id: string;
  readonly label: string;
  readonly max: number;
  /** How the brief scores: points from 0 to `max` (clamped), why, and what would fix it. */
  readonly score: (context: BriefContext) => {
    readonly points: number;
    readonly message: string;
    readonly fix?: string;
  };
}

/**
 * A rubric: criteria as data, and the scores at which a brief is strong or acceptable.
 *
 * @example
 * ```ts
 * import { DEFAULT_RUBRIC, type Rubric } from "handoff-kit/rubric";
 * const stricter: Rubric = { ...DEFAULT_RUBRIC, id: "strict", grades: { strong: 90, acceptable: 75 } };
 * ```
 * @category Scoring briefs
 */
export interface Rubric {
  readonly id: string;
  readonly criteria: readonly RubricCriterion[];
  readonly grades: { readonly strong: number; readonly acceptable: number };
}

// Briefs may come from untyped code: a field of the wrong type counts as missing, never as a crash.
const itemsOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const objectOf = <T extends object>(value: T | undefined): T | undefined => (isRecord(value) ? value : undefined);
/** The notes, unless they are boilerplate. */
const usableNotes = (brief: Brief): string | undefined =>
  hasText(brief.notes) && !detectGenericNotes(brief.notes).generic ? brief.notes : undefined;

/**
 * The default rubric, from the handoff-checklist article's QA list (see docs/sources.md): what a good
 * handoff has, and what a bad one lacks. The points are the library's weighting, not the article's;
 * reweight, remove or add criteria.
 *
 * | criterion | max | full points when |
 * | --- | --- | --- |
 * | `icp_signal` | 15 | the ICP fit has a specific signal, verified |
 * | `quotes` | 15 | the notes quote the prospect |
 * | `trigger_timing` | 15 | a named trigger with its timing |
 * | `stack_budget` | 15 | the tech stack and at least one budget signal |
 * | `required_fields` | 15 | every required field (pro rata) |
 * | `specific_notes` | 10 | the notes are specific, not boilerplate |
 * | `influence` | 10 | the contact has influence or a path to the buyer |
 * | `next_step` | 10 | the next step in the prospect's own words |
 * | `stakeholders` | 5 | stakeholders are named |
 *
 * @example
 * ```ts
 * import { DEFAULT_RUBRIC } from "handoff-kit/rubric";
 * DEFAULT_RUBRIC.criteria.reduce((sum, criterion) => sum + criterion.max, 0); // 110: scores are normalised to 100
 * ```
 * @category Scoring briefs
 */
export const DEFAULT_RUBRIC: Rubric = /* @__PURE__ */ pure(() =>
  defineRubric({
    id: "handoff-checklist-qa",
    grades: { strong: 80, acceptable: 60 },
    criteria: [
      {
        id: "icp_signal",
        label: "ICP fit backed by a specific signal",
        max: 15,
        score: ({ brief }) => {
          const signal = objectOf(brief.icpFit)?.signal;
          if (!hasText(signal))
            return {
              points: 0,
              message: "No ICP-fit signal",
              fix: "Name the signal that makes this a real opportunity (hiring, funding, a migration)",
            };
          if (!specificityOf(signal).specific)
            return {
              points: 7,
              message: `The ICP signal "${signal}" is vague`,
              fix: "Give a number, a date or a name behind the signal",
            };
          if (objectOf(brief.icpFit)?.verified !== true)
            return {
              points: 10,
              message: "ICP fit is assumed, not verified",
              fix: "Check the fit against enrichment data or with the prospect",
            };
          return { points: 15, message: "A specific, verified ICP signal" };
        },
      },
      {
        id: "quotes",
        label: "Notes quote the prospect",
        max: 15,
        score: ({ brief }) => {
          const notes = usableNotes(brief);
          return itemsOf(brief.quotes).some(hasText) || (notes !== undefined && findQuotes(notes).length > 0)
            ? { points: 15, message: "The prospect's own words are captured" }
            : {
                points: 0,
                message: "No quote from the prospect",
                fix: "Add what the prospect said, verbatim: quotes are gold",
              };
        },
      },
      {
        id: "trigger_timing",
        label: "A named trigger with timing",
        max: 15,
        score: ({ brief }) => {
          const trigger = objectOf(brief.trigger);
          if (trigger === undefined)
            return {
              points: 0,
              message: "No trigger event",
              fix: "Name what created urgency: a new hire, funding, a migration, a deadline",
            };
          if (!hasText(trigger.timing))
            return {
              points: 8,
              message: "A trigger without timing",
              fix: "Add when it has to happen, and what sets that date",
            };
          return { points: 15, message: "A named trigger with its timing" };
        },
      },
      {
        id: "stack_budget",
        label: "Tech stack and at least one budget signal",
        max: 15,
        score: ({ brief }) => {
          const stack = hasToolsInUse(brief) ? 7 : 0;
          const budget = hasBudgetSignal(brief) ? 8 : 0;
          return stack + budget === 15
            ? { points: 15, message: "Tech stack and a budget signal" }
            : {
                points: stack + budget,
                message: missingStackOrBudget(stack > 0, budget > 0),
                fix: "Record the tools in use and who controls spend, whether budget is allocated or how they buy",
              };
        },
      },
      {
        id: "required_fields",
        label: "Every required field",
        max: 15,
        score: ({ brief }) => {
          // Boilerplate notes are not notes of the conversation: they count as missing.
          const missing = checkCompleteness(usableNotes(brief) === undefined ? { ...brief, notes: "" } : brief).missing;
          const total = DEFAULT_BRIEF_REQUIREMENTS.length;
          const points = (15 * (total - missing.length)) / total;
          return missing.length === 0
            ? { points, message: "Every required field is there" }
            : {
                points,
                message: `Missing: ${missing.map((field) => field.field).join(", ")}`,
                fix: "Fill in every required field: if any is missing, the meeting is not ready",
              };
        },
      },
      {
        id: "specific_notes",
        label: "Notes that carry the conversation",
        max: 10,
        score: ({ brief }) => {
          if (!hasText(brief.notes))
            return { points: 0, message: "No notes", fix: "Write what the prospect said and what you learned" };
          const check = detectGenericNotes(brief.notes);
          return check.generic
            ? {
                points: 0,
                message: check.message,
                fix: "Replace boilerplate with what was said: who, what number, by when",
              }
            : { points: 10, message: "The notes carry context" };
        },
      },
      {
        id: "influence",
        label: "A contact with influence or a path to the buyer",
        max: 10,
        score: ({ prospect }) => {
          if (prospect === undefined)
            return { points: 0, message: "No prospect given to judge", fix: "Score the brief with its prospect" };
          const influential =
            prospect.influence === "high" ||
            prospect.influence === "medium" ||
            ["economic_buyer", "decision_maker", "champion"].includes(prospect.role);
          return influential || hasText(prospect.pathToBuyer)
            ? { points: 10, message: "The contact has influence or a path to the buyer" }
            : {
                points: 0,
                message: "A contact with no influence and no path to a buyer",
                fix: "Find who signs, and how this contact reaches them",
              };
        },
      },
      {
        id: "next_step",
        label: "The next step in the prospect's own words",
        max: 10,
        score: ({ brief }) =>
          hasText(objectOf(brief.nextStep)?.inProspectWords)
            ? { points: 10, message: "The agreed next step, in the prospect's words" }
            : {
                points: 0,
                message: "No next step in the prospect's words",
                fix: "Write down what the prospect agreed to, as they said it",
              },
      },
      {
        id: "stakeholders",
        label: "Stakeholders named",
        max: 5,
        score: ({ brief }) =>
          itemsOf(brief.stakeholders).length > 0
            ? { points: 5, message: "Stakeholders are named" }
            : { points: 0, message: "No stakeholders named", fix: "Name the other people involved and their roles" },
      },
    ],
  }),
);

/**
 * One finding of a brief's score: how many points a criterion earned of its maximum, why, and what
 * would fix it.
 *
 * @example
 * ```ts
 * import type { RubricFinding } from "handoff-kit/rubric";
 * const lost = (finding: RubricFinding): number => finding.max - finding.points;
 * ```
 * @category Scoring briefs
 */
export interface RubricFinding {
  readonly criterion: string;
  readonly label: string;
  readonly points: number;
  readonly max: number;
  readonly message: string;
  readonly fix?: string;
}

/**
 * A brief's score from 0 to 100, its grade, and one finding per criterion.
 *
 * @example
 * ```ts
 * import type { BriefScore } from "handoff-kit/rubric";
 * const coaching = (score: BriefScore) => score.findings.filter((finding) => finding.points < finding.max);
 * ```
 * @category Scoring briefs
 */
export interface BriefScore {
  readonly score: number;
  readonly grade: "strong" | "acceptable" | "weak";
  readonly findings: readonly RubricFinding[];
}

const isScored = (value: unknown): value is ReturnType<RubricCriterion["score"]> =>
  isRecord(value) && typeof (value as { message?: unknown }).message === "string";

/**
 * Options of {@link scoreBrief}.
 *
 * @example
 * ```ts
 * import type { ScoreBriefOptions } from "handoff-kit/rubric";
 * const options: ScoreBriefOptions = { prospect: { name: "Dana Ruiz", title: "VP RevOps", role: "champion" } };
 * ```
 * @category Scoring briefs
 */
export interface ScoreBriefOptions {
  /** The prospect the brief is about, for criteria that read their name or title. */
  readonly prospect?: Prospect;
}

/**
 * Scores a brief against a rubric: each criterion's points (clamped to its maximum), normalised to
 * 0-100, graded strong, acceptable or weak, with a finding per criterion saying why and how to fix it.
 * Missing or malformed fields are findings, never crashes. Pass the prospect for the influence
 * criterion.
 *
 * @example
 * ```ts
 * import { scoreBrief } from "handoff-kit/rubric";
 *
 * const result = scoreBrief({ notes: "Interested, wants demo" });
 * result.grade; // "weak"
 * result.findings.filter((finding) => finding.points < finding.max).map((finding) => finding.fix);
 * ```
 * @category Scoring briefs
 */
export function scoreBrief(brief: Brief, rubric: Rubric = DEFAULT_RUBRIC, options: ScoreBriefOptions = {}): BriefScore {
  requireObject(brief, "scoreBrief", "brief");
  requireRubric(rubric, "scoreBrief");
  const total = rubric.criteria.reduce((sum, criterion) => sum + criterion.max, 0);
  requireObject(options, "scoreBrief", "options");
  if (options.prospect !== undefined) requireObject(options.prospect, "scoreBrief", "options.prospect");
  const findings = rubric.criteria.map((criterion): RubricFinding => {
    const result: unknown = criterion.score({
      brief,
      ...(options.prospect === undefined ? {} : { prospect: options.prospect }),
    });
    if (!isScored(result))
      throw new HandoffKitError("invalid_config", {
        detail:
          `scoreBrief: rubric "${rubric.id}": criterion "${criterion.id}" ` +
          `must return { points, message }: ${describeValue(result)}`,
      });
    const points = Math.min(criterion.max, Math.max(0, Number.isFinite(result.points) ? result.points : 0));
    return {
      criterion: criterion.id,
      label: criterion.label,
      points,
      max: criterion.max,
      message: result.message,
      ...(result.fix === undefined || points === criterion.max ? {} : { fix: result.fix }),
    };
  });
  const score = (100 * findings.reduce((sum, finding) => sum + finding.points, 0)) / total;
  const grade = gradeOf(score, rubric.grades);
  return { score, grade, findings };
}

/** What the tech-stack-and-budget criterion found missing. */
function missingStackOrBudget(stack: boolean, budget: boolean): string {
  if (!stack && !budget) return "No tech stack and no budget signal";
  return stack ? "No budget signal" : "No tech stack";
}

/** The grade a score reaches: the highest whose bound it meets. */
function gradeOf(score: number, grades: Rubric["grades"]): BriefScore["grade"] {
  if (score >= grades.strong) return "strong";
  return score >= grades.acceptable ? "acceptable" : "weak";
}
