import * as z from "zod";
import { instantSchema, textSchema } from "../core/schemas.js";
import { pure } from "../core/pure.js";
import type { DeepReadonly } from "../core/deep-readonly.js";

/**
 * The channels a touch with the prospect can go through.
 *
 * @example
 * ```ts
 * import { ENGAGEMENT_CHANNELS } from "handoff-kit/handoff";
 * ENGAGEMENT_CHANNELS.includes("content"); // true
 * ```
 * @category Records
 */
export const ENGAGEMENT_CHANNELS = [
  "call",
  "email",
  "meeting",
  "content",
  "webinar",
  "social",
  "event",
  "form",
  "chat",
] as const;

/**
 * One touch in the engagement history (calls, emails, content viewed; the high-conversion handoff
 * article, see docs/sources.md). The earliest touch is where "time from first contact to meeting
 * booked" starts.
 *
 * @example
 * ```ts
 * import { engagementSchema } from "handoff-kit/handoff";
 * engagementSchema.parse({
 *   channel: "content",
 *   at: "2026-10-28T14:02:00Z",
 *   direction: "inbound",
 *   summary: "Read the RevOps reporting guide",
 * });
 * ```
 * @category Records
 */
export const engagementSchema = /* @__PURE__ */ pure(() =>
  z.object({
    channel: z.enum(ENGAGEMENT_CHANNELS),
    at: instantSchema,
    direction: z.enum(["inbound", "outbound"]).optional(),
    summary: textSchema.optional(),
  }),
);

/**
 * A parsed engagement touch; see {@link engagementSchema}.
 *
 * @example
 * ```ts
 * import type { Engagement } from "handoff-kit/handoff";
 * const touch: Engagement = { channel: "call", at: new Date("2026-11-02T16:00:00Z"), direction: "outbound" };
 * ```
 * @category Records
 */
export type Engagement = DeepReadonly<z.output<typeof engagementSchema>>;
