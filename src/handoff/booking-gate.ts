import { DEFAULT_BRIEF_REQUIREMENTS, missingRequirements } from "./brief-requirements.js";
import type { Handoff } from "./handoff.js";
import { requireHandoff } from "./require-handoff.js";

/**
 * What a booking gate answers: the handoff may be booked, or every reason it may not.
 *
 * @example
 * ```ts
 * import type { GateDecision } from "handoff-kit/handoff";
 * const refused: GateDecision = { ok: false, reasons: ["brief.trigger: no trigger event"] };
 * ```
 */
export type GateDecision = { readonly ok: true } | { readonly ok: false; readonly reasons: readonly string[] };

/**
 * A booking gate: decides whether a handoff is ready to be booked. The lifecycle takes it as an
 * argument, so the rubric and qualification modules can supply stricter gates without this module
 * importing them.
 *
 * @example
 * ```ts
 * import type { BookingGate } from "handoff-kit/handoff";
 * const needsQuote: BookingGate = (handoff) => ((handoff.brief.quotes?.length ?? 0) > 0 ? { ok: true } : { ok: false, reasons: ["brief.quotes: quote the prospect"] });
 * ```
 */
export type BookingGate = (handoff: Handoff) => GateDecision;

/**
 * The default booking gate: the brief carries the package seed 001 requires before a meeting counts
 * as handed off (`DEFAULT_BRIEF_REQUIREMENTS`; "if any field is missing, the meeting is not ready";
 * FACTS.md). Each missing field is one reason, named by its path.
 *
 * @example
 * ```ts
 * import { requiredBriefGate, type Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * const decision = requiredBriefGate(handoff);
 * if (!decision.ok) console.log(decision.reasons.join("; "));
 * ```
 */
export const requiredBriefGate: BookingGate = (handoff) => {
  requireHandoff(handoff, "requiredBriefGate");
  const missing = missingRequirements(handoff.brief, DEFAULT_BRIEF_REQUIREMENTS);
  return missing.length === 0 ? { ok: true } : { ok: false, reasons: missing.map((requirement) => `brief.${requirement.field}: ${requirement.label} is missing`) };
};

/**
 * A gate that lets every booking through, for replaying CRM histories recorded without a gate.
 *
 * @example
 * ```ts
 * import { defineLifecycle, openGate } from "handoff-kit/handoff";
 * const forImports = defineLifecycle({ gate: "either", bookingGate: openGate });
 * ```
 */
export const openGate: BookingGate = () => ({ ok: true });
