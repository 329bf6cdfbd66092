import { isRecord, requireEach, requireList, requireObject } from "../core/guards.js";
import { hasText } from "../core/text.js";
import type { Brief } from "./brief.js";

/**
 * One field the handoff package requires, with how to tell it is there.
 *
 * @example
 * ```ts
 * import type { BriefRequirement } from "handoff-kit/handoff";
 * const quotes: BriefRequirement = {
 *   field: "quotes",
 *   label: "a quote from the prospect",
 *   present: (brief) => (brief.quotes?.length ?? 0) > 0,
 * };
 * ```
 * @category Booking gates
 */
export interface BriefRequirement {
  /** The field's path in the brief, as issues name it. */
  readonly field: string;
  readonly label: string;
  /** Whether the brief has it (a non-empty value, a non-empty list). */
  readonly present: (brief: Brief) => boolean;
}

// Briefs may come from untyped code: a value of the wrong type counts as missing.

/**
 * Whether the brief names the tools in use. A brief from untyped code with a field of the wrong type
 * has none, never a crash. The brief check and the default rubric read it alike.
 */
export function hasToolsInUse(brief: Brief): boolean {
  const inUse: unknown = isRecord(brief.techStack) ? brief.techStack.inUse : undefined;
  return Array.isArray(inUse) && inUse.some(hasText);
}

/**
 * Whether the brief carries a budget signal: who controls spend, whether budget is allocated (yes or
 * no both say something), or how they buy. The brief check and the default rubric read it alike.
 */
export function hasBudgetSignal(brief: Brief): boolean {
  const budget = isRecord(brief.budget) ? brief.budget : undefined;
  return (
    hasText(budget?.controller) ||
    budget?.allocated === "yes" ||
    budget?.allocated === "no" ||
    hasText(budget?.buyingProcess)
  );
}

/**
 * The package the handoff-checklist article requires before a meeting counts as handed off ("if any
 * field is missing, the meeting is not ready"; see docs/sources.md): notes of the conversation; a
 * discovery summary with the prospect's role, what prompted the conversation and the problem in their
 * words; the ICP-fit signal; a trigger event with its timing; the tech stack in use; and at least one
 * budget signal. Company size and industry, also on that list, live on the account.
 *
 * @example
 * ```ts
 * import { DEFAULT_BRIEF_REQUIREMENTS } from "handoff-kit/handoff";
 * DEFAULT_BRIEF_REQUIREMENTS.map((requirement) => requirement.field);
 * ```
 * @category Booking gates
 */
export const DEFAULT_BRIEF_REQUIREMENTS: readonly BriefRequirement[] = [
  { field: "notes", label: "notes of the actual conversation", present: (brief) => hasText(brief.notes) },
  {
    field: "discovery.prospectRole",
    label: "the prospect's role",
    present: (brief) => hasText(brief.discovery?.prospectRole),
  },
  {
    field: "discovery.prompt",
    label: "what prompted the conversation",
    present: (brief) => hasText(brief.discovery?.prompt),
  },
  {
    field: "discovery.problem",
    label: "the problem in the prospect's words",
    present: (brief) => hasText(brief.discovery?.problem),
  },
  {
    field: "icpFit.signal",
    label: "the signal that this is a real opportunity",
    present: (brief) => hasText(brief.icpFit?.signal),
  },
  { field: "trigger", label: "the trigger event that created urgency", present: (brief) => isRecord(brief.trigger) },
  { field: "trigger.timing", label: "a sense of timing", present: (brief) => hasText(brief.trigger?.timing) },
  {
    field: "techStack.inUse",
    label: "the tools in use",
    present: hasToolsInUse,
  },
  {
    field: "budget",
    label: "a budget signal (who controls spend, whether it is allocated, how they buy)",
    present: hasBudgetSignal,
  },
];

/**
 * The requirements a brief does not meet.
 *
 * @example
 * ```ts
 * import { DEFAULT_BRIEF_REQUIREMENTS, missingRequirements } from "handoff-kit/handoff";
 * missingRequirements({ notes: "Interested, wants demo" }, DEFAULT_BRIEF_REQUIREMENTS).length; // 8
 * ```
 * @category Booking gates
 */
export function missingRequirements(brief: Brief, requirements: readonly BriefRequirement[]): BriefRequirement[] {
  return missingRequirementsFor(brief, requirements, "missingRequirements");
}

/** {@link missingRequirements}, naming `fn` in a misuse error (checkCompleteness calls it). */
export function missingRequirementsFor(
  brief: Brief,
  requirements: readonly BriefRequirement[],
  fn: string,
): BriefRequirement[] {
  requireObject(brief, fn, "brief");
  requireList(requirements, fn, "requirements");
  const entry = (requirement: unknown): boolean =>
    isRecord(requirement) && typeof (requirement as { present?: unknown }).present === "function";
  requireEach(
    requirements,
    entry,
    fn,
    "requirements",
    "must be { field, label, present } like DEFAULT_BRIEF_REQUIREMENTS' entries",
  );
  return requirements.filter((requirement) => !requirement.present(brief));
}
