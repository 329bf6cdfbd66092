import type { EvidenceState, QualificationFinding } from "../qualification/index.js";
import { DEFAULT_BRIEF_REQUIREMENTS, missingRequirements, type BriefRequirement } from "./brief-requirements.js";
import type { Handoff } from "./handoff.js";
import { requireHandoff } from "./require-handoff.js";

/**
 * What a booking gate found wrong, as tagged data (`kind`): the part of the handoff at fault decides the
 * shape. `brief`: a field of the brief is missing (`field` is its path in the brief);
 * `brief_score`: the brief scores under the gate's grade; `qualification`: a criterion of the SQL
 * bar is not met (`state` is the evidence's, where the criterion has one; `criterion` is `icp`,
 * `intent` or `evidence` for the rest); `custom`: a team's own rule. `message` says it in words.
 *
 * @example
 * ```ts
 * import type { GateFinding } from "handoff-kit/handoff";
 * const where = (finding: GateFinding): string => {
 *   switch (finding.kind) {
 *     case "brief": return `brief.${finding.field}`;
 *     case "brief_score": return `brief score ${String(finding.score)}`;
 *     case "qualification": return `${finding.criterion} (${finding.state ?? "no evidence state"})`;
 *     case "custom": return finding.code;
 *   }
 * };
 * ```
 * @category Booking gates
 */
export type GateFinding =
  | { readonly kind: "brief"; readonly field: string; readonly message: string }
  | {
      readonly kind: "brief_score";
      readonly score: number;
      readonly grade: "weak" | "acceptable" | "strong";
      readonly needs: "acceptable" | "strong";
      readonly message: string;
    }
  | {
      readonly kind: "qualification";
      readonly criterion: string;
      readonly state: EvidenceState | undefined;
      /**
       * The verdict's finding, or why there is no verdict: no evidence, evidence another
       * framework's crosswalk cannot read, evidence that does not parse.
       */
      readonly code: QualificationFinding["code"] | "no_evidence" | "not_crosswalkable" | "invalid_evidence";
      readonly message: string;
    }
  | { readonly kind: "custom"; readonly code: string; readonly message: string };

/**
 * What a booking gate answers: the handoff may be booked, or every finding that stops it.
 *
 * @example
 * ```ts
 * import type { GateDecision } from "handoff-kit/handoff";
 * const refused: GateDecision = {
 *   ok: false,
 *   findings: [{ kind: "brief", field: "trigger", message: "Trigger event is missing" }],
 * };
 * ```
 * @category Booking gates
 */
export type GateDecision = { readonly ok: true } | { readonly ok: false; readonly findings: readonly GateFinding[] };

/**
 * A booking gate: decides whether a handoff is ready to be booked. The lifecycle takes it as an
 * argument, so the rubric and qualification modules can supply stricter gates without this module
 * importing them.
 *
 * @example
 * ```ts
 * import type { BookingGate } from "handoff-kit/handoff";
 * const needsQuote: BookingGate = (handoff) =>
 *   (handoff.brief.quotes?.length ?? 0) > 0
 *     ? { ok: true }
 *     : { ok: false, findings: [{ kind: "brief", field: "quotes", message: "Quote the prospect" }] };
 * ```
 * @category Booking gates
 */
export type BookingGate = (handoff: Handoff) => GateDecision;

/**
 * The default booking gate: the brief carries the package the handoff-checklist article requires
 * before a meeting counts as handed off (`DEFAULT_BRIEF_REQUIREMENTS`; "if any field is missing, the
 * meeting is not ready"; see docs/sources.md). Each missing field is one reason, named by its path.
 *
 * @example
 * ```ts
 * import { requiredBriefGate, type Handoff } from "handoff-kit/handoff";
 * declare const handoff: Handoff;
 * const decision = requiredBriefGate(handoff);
 * if (!decision.ok) console.log(decision.findings.map((reason) => reason.message).join("; "));
 * ```
 * @category Booking gates
 */
export const requiredBriefGate: BookingGate = (handoff) => {
  requireHandoff(handoff, "requiredBriefGate");
  const missing = missingRequirements(handoff.brief, DEFAULT_BRIEF_REQUIREMENTS);
  return missing.length === 0 ? { ok: true } : { ok: false, findings: missing.map(missingField) };
};

/** The reason a missing brief field gives, in every gate that checks the brief's package. */
export function missingField(requirement: Pick<BriefRequirement, "field" | "label">): GateFinding {
  return { kind: "brief", field: requirement.field, message: `${requirement.label} is missing` };
}

/**
 * A gate that lets every booking through, for replaying CRM histories recorded without a gate.
 *
 * @example
 * ```ts
 * import { defineLifecycle, openGate } from "handoff-kit/handoff";
 * const forImports = defineLifecycle({ gate: "either", bookingGate: openGate });
 * ```
 * @category Booking gates
 */
export const openGate: BookingGate = () => ({ ok: true });
