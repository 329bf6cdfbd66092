import { requireText } from "../../core/guards.js";
import { specificityOf } from "../../qualification/index.js";
import { stripTrailing } from "../../core/text.js";
import { detectGenericNotes } from "./notes.js";

/**
 * Whether an AE's rejection note teaches the SDR something.
 *
 * @example
 * ```ts
 * import type { FeedbackCheck } from "handoff-kit/rubric";
 * const flag = (check: FeedbackCheck): string | undefined => (check.teaches ? undefined : check.fix);
 * ```
 * @category Rejection feedback
 */
export interface FeedbackCheck {
  readonly teaches: boolean;
  readonly message: string;
  readonly fix?: string;
}

const NO_REASON = [
  "not qualified",
  "not a fit",
  "bad lead",
  "bad fit",
  "no",
  "not interested",
  "junk",
  "waste of time",
  "not ready",
  "unqualified",
];

/**
 * Flags rejection feedback that names no reason: "not qualified" teaches nothing; "company has under
 * 20 employees and our minimum is 50" does (the handoff-checklist article; see docs/sources.md).
 * Feedback teaches when it is specific (a number, a role, a person, a date or time frame, a quote)
 * and is more than a stock dismissal.
 *
 * @example
 * ```ts
 * import { checkRejectionFeedback } from "handoff-kit/rubric";
 * checkRejectionFeedback("Not qualified").teaches; // false
 * checkRejectionFeedback("Company has under 20 employees and our minimum is 50").teaches; // true
 * ```
 * @category Rejection feedback
 */
export function checkRejectionFeedback(note: string): FeedbackCheck {
  requireText(note, "checkRejectionFeedback: note");
  const trimmed = stripTrailing(note.trim().toLowerCase(), ".!");
  if (trimmed === "" || NO_REASON.includes(trimmed)) {
    return {
      teaches: false,
      message: `"${note.trim()}" names no reason`,
      fix: "Say what was missing against the bar, with the fact behind it: a number, a role, a date",
    };
  }
  const specific = specificityOf(note).specific;
  if (!specific) {
    const generic = detectGenericNotes(note);
    return {
      teaches: false,
      message: generic.generic ? generic.message : "No fact the SDR can check or act on",
      fix: "Name the fact: how many employees, which role signs, what date",
    };
  }
  return { teaches: true, message: "The feedback names a checkable reason" };
}
