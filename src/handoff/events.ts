import * as z from "zod";
import { currencySchema, idSchema, instantSchema, textSchema } from "../core/schemas.js";
import { meetingSlotSchema } from "./meeting.js";
import { pure } from "../core/pure.js";
import type { DeepReadonly } from "../core/deep-readonly.js";

// What every event carries: a unique id (CRM webhooks redeliver, so duplicates are recognised by it),
// when it happened, and who did it (a rep id, or a system's id for automated events).
// `seq`, where the source numbers its events, orders events of the same instant (Salesforce field
// history has second precision).
const base = {
  id: idSchema,
  at: instantSchema,
  by: idSchema,
  seq: /* @__PURE__ */ z.number().int().nonnegative().optional(),
};

const money = {
  amount: /* @__PURE__ */ z.number().nonnegative().optional(),
  currency: /* @__PURE__ */ currencySchema.optional(),
};

/**
 * Every event of a handoff's life, by `type`. The rules for which may follow which belong to the
 * lifecycle; this schema checks each event's own fields (a quality score is an integer from 1 to 5
 * with a note, a rejection names a reason code and a note, a recycle names when to touch again).
 *
 * @example
 * ```ts
 * import { handoffEventSchema } from "handoff-kit/handoff";
 *
 * const event = handoffEventSchema.parse({
 *   id: "evt-9",
 *   type: "rejected",
 *   at: "2026-11-04T10:12:00-05:00",
 *   by: "ae-omar",
 *   reason: "no_budget",
 *   note: "No budget until the next fiscal year starts in April",
 * });
 * ```
 * @category Events
 */
export const handoffEventSchema = /* @__PURE__ */ pure(() =>
  z.discriminatedUnion("type", [
    z.object({ ...base, type: z.literal("booked"), meeting: meetingSlotSchema }),
    z.object({ ...base, type: z.literal("intro_sent") }),
    z.object({ ...base, type: z.literal("acknowledged") }),
    z.object({
      ...base,
      type: z.literal("accepted"),
      opportunityId: idSchema.optional(),
      ...money,
      note: textSchema.optional(),
    }),
    z.object({ ...base, type: z.literal("rejected"), reason: idSchema, note: textSchema }),
    z.object({ ...base, type: z.literal("meeting_held") }),
    z.object({ ...base, type: z.literal("no_show") }),
    z.object({ ...base, type: z.literal("rescheduled"), meeting: meetingSlotSchema, note: textSchema.optional() }),
    z.object({ ...base, type: z.literal("cancelled"), note: textSchema.optional() }),
    z.object({
      ...base,
      type: z.literal("first_follow_up"),
      channel: z.enum(["email", "call", "meeting", "other"]).optional(),
    }),
    z.object({ ...base, type: z.literal("quality_rated"), score: z.number().int().min(1).max(5), note: textSchema }),
    z.object({
      ...base,
      type: z.literal("recycled"),
      reason: idSchema,
      nextTouchAt: instantSchema,
      nurturePlan: textSchema.optional(),
    }),
    z.object({ ...base, type: z.literal("reassigned"), role: z.enum(["sdr", "ae"]), to: idSchema }),
    z.object({ ...base, type: z.literal("opportunity_won"), ...money }),
    z.object({
      ...base,
      type: z.literal("opportunity_lost"),
      reason: idSchema.optional(),
      note: textSchema.optional(),
    }),
  ]),
);

/**
 * A parsed handoff event; see {@link handoffEventSchema}. Narrow it with `event.type`.
 *
 * @example
 * ```ts
 * import type { HandoffEvent } from "handoff-kit/handoff";
 *
 * const rated: HandoffEvent = {
 *   id: "evt-12",
 *   type: "quality_rated",
 *   at: new Date(),
 *   by: "ae-omar",
 *   score: 5,
 *   note: "Pain, budget and CFO all confirmed",
 * };
 * ```
 * @category Events
 */
export type HandoffEvent = DeepReadonly<z.output<typeof handoffEventSchema>>;

/**
 * The `type` of a handoff event.
 *
 * @example
 * ```ts
 * import type { HandoffEventType } from "handoff-kit/handoff";
 * const type: HandoffEventType = "no_show";
 * ```
 * @category Events
 */
export type HandoffEventType = HandoffEvent["type"];

/**
 * Every handoff event type, in the order a handoff usually meets them.
 *
 * @example
 * ```ts
 * import { HANDOFF_EVENT_TYPES } from "handoff-kit/handoff";
 * HANDOFF_EVENT_TYPES.includes("recycled"); // true
 * ```
 * @category Events
 */
export const HANDOFF_EVENT_TYPES = [
  "booked",
  "intro_sent",
  "acknowledged",
  "accepted",
  "rejected",
  "meeting_held",
  "no_show",
  "rescheduled",
  "cancelled",
  "first_follow_up",
  "quality_rated",
  "recycled",
  "reassigned",
  "opportunity_won",
  "opportunity_lost",
] as const satisfies readonly HandoffEventType[];
