import * as z from "zod";
import { instantSchema, textSchema } from "../core/schemas.js";
import { pure } from "../core/pure.js";
import type { DeepReadonly } from "../core/deep-readonly.js";

/**
 * How the meeting was handed over (the 2027 handoff-process Q&A and the high-conversion handoff
 * article; see docs/sources.md): `cold`, a calendar drop; `warm`, an intro email naming the AE and
 * restating the pain, with the SDR joining the first minutes.
 *
 * @example
 * ```ts
 * import { HANDOFF_STYLES } from "handoff-kit/handoff";
 * HANDOFF_STYLES; // ["warm", "cold"]
 * ```
 * @category Records
 */
export const HANDOFF_STYLES = ["warm", "cold"] as const;

// zod runs an object's refinement even when a field failed to parse (a start of "TBD" is still a
// string here): only compare two instants, and let the field's own issue speak otherwise.
const endsAfterStart = (slot: { readonly start: unknown; readonly end: unknown }): boolean =>
  !(slot.start instanceof Date && slot.end instanceof Date) || slot.end.getTime() > slot.start.getTime();
const endsAfterStartIssue = {
  error: "The meeting must end after it starts",
  path: ["end"],
  params: { code: "end_before_start" },
};

/** A meeting's time slot (used by the booked and rescheduled events): end strictly after start. */
export const meetingSlotSchema = /* @__PURE__ */ pure(() =>
  z.object({ start: instantSchema, end: instantSchema }).refine(endsAfterStart, endsAfterStartIssue),
);

/**
 * The first AE meeting as currently scheduled. Whether it was held is not stored here: it follows
 * from the handoff's events.
 *
 * @example
 * ```ts
 * import { meetingSchema } from "handoff-kit/handoff";
 * meetingSchema.parse({
 *   start: "2026-11-05T15:00:00Z",
 *   end: "2026-11-05T15:30:00Z",
 *   style: "warm",
 *   introSent: true,
 *   sdrJoined: true,
 * });
 * ```
 * @category Records
 */
export const meetingSchema = /* @__PURE__ */ pure(() =>
  z
    .object({
      start: instantSchema,
      end: instantSchema,
      style: z.enum(HANDOFF_STYLES),
      /** Whether the intro email naming the AE went to the prospect. */
      introSent: z.boolean().default(false),
      /** Whether the SDR joined the first minutes of the AE's call. */
      sdrJoined: z.boolean().default(false),
      location: textSchema.optional(),
    })
    .refine(endsAfterStart, endsAfterStartIssue),
);

/**
 * A parsed meeting; see {@link meetingSchema}.
 *
 * @example
 * ```ts
 * import type { Meeting } from "handoff-kit/handoff";
 * const meeting: Meeting = {
 *   start: new Date("2026-11-05T15:00:00Z"),
 *   end: new Date("2026-11-05T15:30:00Z"),
 *   style: "cold",
 *   introSent: false,
 *   sdrJoined: false,
 * };
 * ```
 * @category Records
 */
export type Meeting = DeepReadonly<z.output<typeof meetingSchema>>;
