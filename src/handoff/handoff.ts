import * as z from "zod";
import { idSchema, instantSchema, textSchema } from "../core/schemas.js";
import { qualificationRecordSchema } from "../qualification/index.js";
import { accountSchema } from "./account.js";
import { briefSchema } from "./brief.js";
import { prospectSchema } from "./contact.js";
import { handoffEventSchema } from "./events.js";
import { meetingSchema } from "./meeting.js";
import { repSchema } from "./people.js";
import { pure } from "../core/pure.js";
import type { DeepReadonly } from "../core/deep-readonly.js";

/**
 * Where the lead came from: SDR outbound prospecting, inbound (marketing) or a partner.
 *
 * @example
 * ```ts
 * import { LEAD_SOURCES } from "handoff-kit/handoff";
 * LEAD_SOURCES; // ["outbound", "inbound", "partner"]
 * ```
 * @category Records
 */
export const LEAD_SOURCES = ["outbound", "inbound", "partner"] as const;

/**
 * One of {@link LEAD_SOURCES}.
 *
 * @example
 * ```ts
 * import type { LeadSource } from "handoff-kit/handoff";
 * const sdrSourced = (source: LeadSource): boolean => source === "outbound";
 * ```
 * @category Records
 */
export type LeadSource = (typeof LEAD_SOURCES)[number];

/**
 * One SDR-to-AE handoff as a CRM would hold it: the people, the prospect and account, the brief, the
 * qualification evidence, the meeting, and the history of events. The current lifecycle state is
 * not stored: it is a fold of `events`. Fields a CRM adds that are not listed here are dropped, so a
 * parsed handoff has exactly this shape.
 *
 * @example
 * ```ts
 * import { handoffSchema } from "handoff-kit/handoff";
 *
 * const handoff = handoffSchema.parse({
 *   id: "h-1042",
 *   source: "outbound",
 *   segment: "mid_market",
 *   sdr: { id: "sdr-ana", name: "Ana Souza" },
 *   ae: { id: "ae-omar", name: "Omar Haddad" },
 *   prospect: { name: "Dana Ruiz", title: "VP Revenue Operations", role: "champion" },
 *   account: { name: "Acme Logistics", employees: 420, industry: "logistics" },
 *   brief: { notes: "Board reporting takes her team 3 days a month." },
 *   events: [
 *     {
 *       id: "e1",
 *       type: "booked",
 *       at: "2026-11-02T16:05:00Z",
 *       by: "sdr-ana",
 *       meeting: { start: "2026-11-05T15:00:00Z", end: "2026-11-05T15:30:00Z" },
 *     },
 *   ],
 * });
 * ```
 * @category Records
 */
export const handoffSchema = /* @__PURE__ */ pure(() =>
  z.object({
    id: idSchema,
    source: z.enum(LEAD_SOURCES),
    /** The team's segment name (`smb`, `mid_market`, `enterprise`, or the team's own). */
    segment: textSchema,
    createdAt: instantSchema.optional(),
    sdr: repSchema,
    ae: repSchema,
    prospect: prospectSchema,
    account: accountSchema,
    brief: briefSchema.default({}),
    qualification: qualificationRecordSchema.optional(),
    meeting: meetingSchema.optional(),
    events: z.array(handoffEventSchema).default([]),
  }),
);

/**
 * A parsed handoff; see {@link handoffSchema}.
 *
 * @example
 * ```ts
 * import type { Handoff } from "handoff-kit/handoff";
 * const accountNames = (handoffs: readonly Handoff[]): string[] => handoffs.map((handoff) => handoff.account.name);
 * ```
 * @category Records
 */
export type Handoff = DeepReadonly<z.output<typeof handoffSchema>>;

/**
 * What {@link handoffSchema} accepts: instants may be ISO strings or epoch milliseconds, and
 * defaulted fields may be left out. Use it to type records you build before parsing.
 *
 * @example
 * ```ts
 * import type { HandoffInput } from "handoff-kit/handoff";
 * const draft: Pick<HandoffInput, "id" | "createdAt"> = { id: "h-7", createdAt: "2026-11-02T16:05:00Z" };
 * ```
 * @category Records
 */
export type HandoffInput = z.input<typeof handoffSchema>;
