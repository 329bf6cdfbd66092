/**
 * What an AE's rejection is about, for grouping reasons in reports and ICP calibration.
 *
 * @example
 * ```ts
 * import { REASON_CATEGORIES } from "handoff-kit/handoff";
 * REASON_CATEGORIES.includes("fit"); // true
 * ```
 * @category Reason codes
 */
export const REASON_CATEGORIES = [
  "budget",
  "authority",
  "need",
  "timing",
  "fit",
  "competition",
  "engagement",
  "data",
  "other",
] as const;

/**
 * What happens to a rejected lead: `nurture` (marketing keeps it warm), `recycle_later` (the SDR
 * touches it again after `afterDays`), `rebook` (the SDR books a new meeting), `close` (do not work
 * it again).
 *
 * @example
 * ```ts
 * import type { RecycleAction } from "handoff-kit/handoff";
 * const action: RecycleAction = "recycle_later";
 * ```
 * @category Reason codes
 */
export type RecycleAction = "nurture" | "recycle_later" | "rebook" | "close";

/**
 * One reason code an AE may reject with.
 *
 * @example
 * ```ts
 * import type { ReasonCode } from "handoff-kit/handoff";
 * const pricing: ReasonCode = {
 *   code: "pricing",
 *   label: "Price above budget",
 *   category: "budget",
 *   recycle: { action: "nurture", afterDays: 90 },
 * };
 * ```
 * @category Reason codes
 */
export interface ReasonCode {
  readonly code: string;
  readonly label: string;
  readonly category: (typeof REASON_CATEGORIES)[number];
  /** The suggested next step for the lead, and when to touch it again. */
  readonly recycle: { readonly action: RecycleAction; readonly afterDays?: number };
}

/**
 * The default reason-code catalogue: the reasons the 2027 handoff-process Q&A names (no budget this
 * fiscal year, wrong economic buyer, timing six months out) and those common in the field (the
 * handoff-checklist article; CRM lost-reason lists such as Frappe CRM's; see docs/sources.md). The
 * recycle suggestions are the library's starting point. Teams replace the catalogue through the
 * lifecycle configuration.
 *
 * @example
 * ```ts
 * import { DEFAULT_REASON_CODES } from "handoff-kit/handoff";
 * // { action: "recycle_later", afterDays: 90 }
 * DEFAULT_REASON_CODES.find((reason) => reason.code === "timing")?.recycle;
 * ```
 * @category Reason codes
 */
export const DEFAULT_REASON_CODES: readonly ReasonCode[] = [
  {
    code: "no_budget",
    label: "No budget this fiscal year",
    category: "budget",
    recycle: { action: "nurture", afterDays: 120 },
  },
  { code: "wrong_economic_buyer", label: "Wrong economic buyer", category: "authority", recycle: { action: "rebook" } },
  {
    code: "timing",
    label: "Timing too far out",
    category: "timing",
    recycle: { action: "recycle_later", afterDays: 90 },
  },
  {
    code: "under_minimum_size",
    label: "Company under the minimum size",
    category: "fit",
    recycle: { action: "close" },
  },
  { code: "wrong_vertical", label: "Wrong vertical", category: "fit", recycle: { action: "close" } },
  { code: "no_real_pain", label: "No real pain", category: "need", recycle: { action: "nurture", afterDays: 90 } },
  {
    code: "competitor",
    label: "Competitor or incumbent",
    category: "competition",
    recycle: { action: "recycle_later", afterDays: 180 },
  },
  { code: "duplicate", label: "Duplicate or existing opportunity", category: "data", recycle: { action: "close" } },
  { code: "no_show", label: "Prospect did not show", category: "engagement", recycle: { action: "rebook" } },
  {
    code: "unresponsive",
    label: "Prospect unresponsive",
    category: "engagement",
    recycle: { action: "nurture", afterDays: 30 },
  },
  {
    code: "other",
    label: "Other (say what in the note)",
    category: "other",
    recycle: { action: "recycle_later", afterDays: 60 },
  },
];
