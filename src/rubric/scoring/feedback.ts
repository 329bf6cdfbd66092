import * as z from "zod";
import { requireText } from "../../core/guards.js";
import { parseWith } from "../../core/parse.js";
import { pure } from "../../core/pure.js";
import type { ParseOptions, Result } from "../../core/result.js";
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
 * @category Feedback and meeting quality
 */
export interface FeedbackCheck {
  readonly teaches: boolean;
  readonly reason: string;
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
 * @category Feedback and meeting quality
 */
export function checkRejectionFeedback(note: string): FeedbackCheck {
  requireText(note, "checkRejectionFeedback: note");
  const trimmed = stripTrailing(note.trim().toLowerCase(), ".!");
  if (trimmed === "" || NO_REASON.includes(trimmed)) {
    return {
      teaches: false,
      reason: `"${note.trim()}" names no reason`,
      fix: "Say what was missing against the bar, with the fact behind it: a number, a role, a date",
    };
  }
  const specific = specificityOf(note).specific;
  if (!specific) {
    const generic = detectGenericNotes(note);
    return {
      teaches: false,
      reason: generic.generic ? generic.reason : "No fact the SDR can check or act on",
      fix: "Name the fact: how many employees, which role signs, what date",
    };
  }
  return { teaches: true, reason: "The feedback names a checkable reason" };
}

/**
 * What each meeting-quality score means (the AE rates every handed-off meeting 1-5 with a one-line
 * note on what made it that score; the 2027 handoff-process Q&A, see docs/sources.md). The
 * descriptions are this library's, for teams to replace with their own.
 *
 * @example
 * ```ts
 * import { MEETING_QUALITY_SCALE } from "handoff-kit/rubric";
 * MEETING_QUALITY_SCALE[5]; // "Ready to work: ..."
 * ```
 * @category Feedback and meeting quality
 */
export const MEETING_QUALITY_SCALE: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: "Should not have been booked: no fit, no pain, or the wrong person",
  2: "Right company, but no pain or timeline came through",
  3: "Real pain; budget, buyer or timeline still unknown",
  4: "Pain and timeline confirmed; one gap for the AE to close",
  5: "Ready to work: pain, buyer and timeline confirmed before the call",
};

/**
 * An AE's meeting-quality rating: a whole score from 1 to 5 and a one-line note.
 *
 * @example
 * ```ts
 * import { meetingQualitySchema } from "handoff-kit/rubric";
 * meetingQualitySchema.safeParse({ score: 5, note: "Pain, budget owner and timeline confirmed" }).success; // true
 * ```
 * @category Feedback and meeting quality
 */
export const meetingQualitySchema = /* @__PURE__ */ pure(() =>
  z.object({
    score: z
      .number()
      .int({ error: "The score is a whole number" })
      .min(1, { error: "The score is 1 to 5" })
      .max(5, { error: "The score is 1 to 5" }),
    note: z
      .string()
      .trim()
      .min(1, { error: "Say in one line what made it this score" })
      .max(280, { error: "One line: 280 characters at most" })
      // Every line break JavaScript and Unicode know, not only CR and LF. The vertical tab is written
      // \u000b, not \v: Stryker's regex mutator turns \v into \V, which the u flag refuses at load.
      // eslint-disable-next-line no-control-regex -- the vertical tab is a line break to refuse
      .refine((note) => !/[\n\u000b\f\r\u0085\u2028\u2029]/u.test(note), {
        error: "One line: no line breaks",
        params: { code: "multi_line" },
      }),
  }),
);

/**
 * Checks an AE's meeting-quality rating; a score of 7 or a missing note is an issue with its path.
 *
 * @example
 * ```ts
 * import { parseMeetingQuality } from "handoff-kit/rubric";
 * const result = parseMeetingQuality({ score: 7, note: "" });
 * if (!result.ok) console.log(result.issues.map((issue) => issue.path.join("."))); // ["score", "note"]
 * ```
 * @category Feedback and meeting quality
 */
export function parseMeetingQuality(
  input: unknown,
  options: ParseOptions = {},
): Result<z.output<typeof meetingQualitySchema>> {
  return parseWith(meetingQualitySchema, input, options, "parseMeetingQuality");
}
