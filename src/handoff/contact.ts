import * as z from "zod";
import { textSchema } from "../core/schemas.js";
import { pure } from "../core/pure.js";
import type { DeepReadonly } from "../core/deep-readonly.js";

/**
 * The part a person plays in the buying decision (MEDDPICC's economic buyer and champion, plus the
 * other roles a rep meets).
 *
 * @example
 * ```ts
 * import { DEAL_ROLES } from "handoff-kit/handoff";
 * DEAL_ROLES.includes("economic_buyer"); // true
 * ```
 * @category Records
 */
export const DEAL_ROLES = [
  "economic_buyer",
  "decision_maker",
  "champion",
  "influencer",
  "technical_evaluator",
  "user",
  "gatekeeper",
  "unknown",
] as const;

/**
 * How much sway a contact has over the decision.
 *
 * @example
 * ```ts
 * import { INFLUENCE_LEVELS } from "handoff-kit/handoff";
 * INFLUENCE_LEVELS[0]; // "none"
 * ```
 * @category Records
 */
export const INFLUENCE_LEVELS = ["none", "low", "medium", "high"] as const;

/**
 * A person on the buying side the SDR has identified. A contact with no influence and no path to a
 * buyer is a weak handoff (the handoff-checklist article; see docs/sources.md), so both are recorded.
 *
 * @example
 * ```ts
 * import { stakeholderSchema } from "handoff-kit/handoff";
 * stakeholderSchema.parse({ name: "Lee Park", title: "CFO", role: "economic_buyer", influence: "high" });
 * ```
 * @category Records
 */
export const stakeholderSchema = /* @__PURE__ */ pure(() =>
  z.object({
    name: textSchema,
    title: textSchema.optional(),
    role: z.enum(DEAL_ROLES).default("unknown"),
    influence: z.enum(INFLUENCE_LEVELS).optional(),
    /** How this person reaches the economic buyer, when they are not the buyer. */
    pathToBuyer: textSchema.optional(),
    note: textSchema.optional(),
  }),
);

/**
 * A parsed stakeholder; see {@link stakeholderSchema}.
 *
 * @example
 * ```ts
 * import type { Stakeholder } from "handoff-kit/handoff";
 * const cfo: Stakeholder = { name: "Lee Park", role: "economic_buyer", influence: "high" };
 * ```
 * @category Records
 */
export type Stakeholder = DeepReadonly<z.output<typeof stakeholderSchema>>;

/**
 * The prospect the meeting is with: a stakeholder with contact details (name, title, role in the
 * deal; the high-conversion handoff article, see docs/sources.md).
 *
 * @example
 * ```ts
 * import { prospectSchema } from "handoff-kit/handoff";
 * prospectSchema.parse({
 *   name: "Dana Ruiz",
 *   title: "VP Revenue Operations",
 *   role: "champion",
 *   email: "dana@acme.example",
 * });
 * ```
 * @category Records
 */
export const prospectSchema = /* @__PURE__ */ pure(() =>
  stakeholderSchema.extend({
    email: z.email().optional(),
    phone: textSchema.optional(),
  }),
);

/**
 * A parsed prospect; see {@link prospectSchema}.
 *
 * @example
 * ```ts
 * import type { Prospect } from "handoff-kit/handoff";
 * const prospect: Prospect = { name: "Dana Ruiz", title: "VP Revenue Operations", role: "champion" };
 * ```
 * @category Records
 */
export type Prospect = DeepReadonly<z.output<typeof prospectSchema>>;
