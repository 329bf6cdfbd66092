import * as z from "zod";
import { textSchema } from "../core/schemas.js";
import { stakeholderSchema } from "./contact.js";
import { engagementSchema } from "./engagement.js";
import { pure } from "../core/pure.js";
import type { DeepReadonly } from "../core/deep-readonly.js";

/**
 * Kinds of trigger event that create urgency (the handoff-checklist article, see docs/sources.md), plus `other`.
 *
 * @example
 * ```ts
 * import { TRIGGER_KINDS } from "handoff-kit/handoff";
 * TRIGGER_KINDS.includes("tool_migration"); // true
 * ```
 * @category Records
 */
export const TRIGGER_KINDS = [
  "new_hire",
  "funding",
  "tool_migration",
  "compliance_deadline",
  "leadership_change",
  "other",
] as const;

const textList = /* @__PURE__ */ pure(() => z.array(textSchema));

/**
 * The handoff brief: everything the SDR passes to the AE so that "the AE should never have to ask a
 * question the SDR already answered" (the handoff-checklist article). Every field is optional here
 * because a brief is saved while it is being written; whether it is complete, and how good it is, is
 * the rubric's verdict, not a parse failure. Company size and industry live on the account, not here.
 *
 * @example
 * ```ts
 * import { briefSchema } from "handoff-kit/handoff";
 *
 * const brief = briefSchema.parse({
 *   notes: "Dana runs RevOps for 420 people; board reporting takes her team 3 days a month.",
 *   quotes: ["We rebuild the same board deck by hand every month."],
 *   discovery: {
 *     prospectRole: "VP Revenue Operations",
 *     prompt: "Downloaded the reporting guide",
 *     problem: "Board reporting is manual",
 *   },
 *   icpFit: { signal: "Hiring two RevOps analysts this quarter", verified: true },
 *   trigger: {
 *     kind: "new_hire",
 *     description: "New CRO started in October",
 *     timing: "Wants a fix before the Q1 board meeting",
 *   },
 *   techStack: { inUse: ["Salesforce"], unhappyWith: ["spreadsheets"], evaluating: [] },
 *   budget: { controller: "Dana Ruiz", allocated: "yes", buyingProcess: "Procurement review over $25k" },
 *   nextStep: { inProspectWords: "Show me how the board pack builds itself" },
 * });
 * ```
 * @category Records
 */
export const briefSchema = /* @__PURE__ */ pure(() =>
  z.object({
    /** CRM notes of the actual conversation, not a summary of a summary. */
    notes: textSchema.optional(),
    /** The prospect's own words, verbatim. */
    quotes: textList.optional(),
    discovery: z
      .object({
        /** The prospect's role as they describe it. */
        prospectRole: textSchema.optional(),
        /** What prompted the conversation. */
        prompt: textSchema.optional(),
        /** The problem, in the prospect's own words. */
        problem: textSchema.optional(),
      })
      .optional(),
    icpFit: z
      .object({
        /** The specific signal that this is a real opportunity, not a courtesy meeting. */
        signal: textSchema.optional(),
        /** Whether the fit was checked (against enrichment or with the prospect) rather than assumed. */
        verified: z.boolean().optional(),
      })
      .optional(),
    trigger: z
      .object({
        kind: z.enum(TRIGGER_KINDS),
        description: textSchema.optional(),
        /** The sense of timing: a date, a quarter, a deadline. */
        timing: textSchema.optional(),
      })
      .optional(),
    techStack: z
      .object({
        inUse: textList.optional(),
        unhappyWith: textList.optional(),
        evaluating: textList.optional(),
      })
      .optional(),
    budget: z
      .object({
        /** Who controls the spend. */
        controller: textSchema.optional(),
        allocated: z.enum(["yes", "no", "unknown"]).optional(),
        /** How they buy: procurement steps, thresholds, fiscal year. */
        buyingProcess: textSchema.optional(),
      })
      .optional(),
    objections: textList.optional(),
    competitors: textList.optional(),
    redFlags: textList.optional(),
    stakeholders: z.array(stakeholderSchema).optional(),
    nextStep: z
      .object({
        /** The agreed next step, in the prospect's own words. */
        inProspectWords: textSchema.optional(),
        /** What was promised to the prospect. */
        promised: textSchema.optional(),
        /** What the AE should prepare. */
        aePreparation: textSchema.optional(),
      })
      .optional(),
    engagement: z.array(engagementSchema).optional(),
  }),
);

/**
 * A parsed brief; see {@link briefSchema}.
 *
 * @example
 * ```ts
 * import type { Brief } from "handoff-kit/handoff";
 * const brief: Brief = { notes: "Interested, wants demo" }; // valid, but the rubric will call it generic
 * ```
 * @category Records
 */
export type Brief = DeepReadonly<z.output<typeof briefSchema>>;
