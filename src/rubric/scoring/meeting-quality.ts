import * as z from "zod";
import { parseWith } from "../../core/parse.js";
import { pure } from "../../core/pure.js";
import type { ParseOptions, Result } from "../../core/result.js";

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
 * @category Meeting quality
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
 * @category Meeting quality
 */
export const meetingQualitySchema = /* @__PURE__ */ pure(() =>
  z.object({
    score: z
      .number()
      .int({ error: "The score is a whole number" })
      .min(1, { error: "The score is 1 to 5" })
      .max(5, { error: "The score is 1 to 5" }),
    // textSchema's rule with messages of its own: an AE rating a meeting is told what to write.
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
 * @category Meeting quality
 */
export function parseMeetingQuality(
  input: unknown,
  options: ParseOptions = {},
): Result<z.output<typeof meetingQualitySchema>> {
  return parseWith(meetingQualitySchema, input, options, "parseMeetingQuality");
}
