import * as z from "zod";
import { idSchema, textSchema, timeZoneSchema } from "../core/schemas.js";
import { pure } from "../core/pure.js";
import type { DeepReadonly } from "../core/deep-readonly.js";

/**
 * A rep on either side of the handoff (SDR or AE): an id the events refer to, a name, and the ids
 * the SLA clocks need (their working calendar and time zone).
 *
 * @example
 * ```ts
 * import { repSchema } from "handoff-kit/handoff";
 * const ae = repSchema.parse({
 *   id: "ae-omar",
 *   name: "Omar Haddad",
 *   calendarId: "cal-emea",
 *   timeZone: "Europe/London",
 * });
 * ```
 * @category Records
 */
export const repSchema = /* @__PURE__ */ pure(() =>
  z.object({
    id: idSchema,
    name: textSchema,
    email: z.email().optional(),
    /** The id of the business calendar this rep works on (SLA clocks run on it). */
    calendarId: idSchema.optional(),
    /** The rep's IANA time zone, used to show times to them. */
    timeZone: timeZoneSchema.optional(),
  }),
);

/**
 * A parsed rep; see {@link repSchema}.
 *
 * @example
 * ```ts
 * import type { Rep } from "handoff-kit/handoff";
 * const sdr: Rep = { id: "sdr-ana", name: "Ana Souza", timeZone: "America/New_York" };
 * ```
 * @category Records
 */
export type Rep = DeepReadonly<z.output<typeof repSchema>>;
