import type { Handoff } from "./handoff.js";

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
 * as handed off ("if any field is missing, the meeting is not ready"; FACTS.md): notes of the
 * conversation, the problem in the prospect's words, the ICP-fit signal, a trigger event, the tech
 * stack in use, and at least one budget signal.
 *
 * @example
 * ```ts
 * import { requiredBriefGate } from "handoff-kit/handoff";
 * declare const handoff: import("handoff-kit/handoff").Handoff;
 * const decision = requiredBriefGate(handoff);
 * if (!decision.ok) console.log(decision.reasons.join("; "));
 * ```
 */
export const requiredBriefGate: BookingGate = (handoff) => {
  const { brief } = handoff;
  const reasons: string[] = [];
  if (brief.notes === undefined) reasons.push("brief.notes: no notes of the conversation");
  if (brief.discovery?.problem === undefined) reasons.push("brief.discovery.problem: the problem in the prospect's words is missing");
  if (brief.icpFit?.signal === undefined) reasons.push("brief.icpFit.signal: no signal that this is a real opportunity");
  if (brief.trigger === undefined) reasons.push("brief.trigger: no trigger event");
  if ((brief.techStack?.inUse?.length ?? 0) === 0) reasons.push("brief.techStack.inUse: the tools in use are missing");
  const budget = brief.budget;
  if (budget?.controller === undefined && (budget?.allocated ?? "unknown") === "unknown" && budget?.buyingProcess === undefined) {
    reasons.push("brief.budget: no budget signal (who controls spend, whether it is allocated, how they buy)");
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
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
