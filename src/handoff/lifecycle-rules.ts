import { describeValue } from "../core/describe-value.js";
import { isRecord } from "../core/guards.js";
import { HandoffKitError } from "../core/error.js";
import type { Issue } from "../core/issue.js";
import { openGate, requiredBriefGate, type BookingGate } from "./booking-gate.js";
import type { HandoffEvent } from "./events.js";
import { DEFAULT_REASON_CODES, type ReasonCode } from "./reasons.js";

/**
 * The team's rules for the lifecycle; make one with {@link defineLifecycle}.
 *
 * @example
 * ```ts
 * import { defineLifecycle, type LifecycleRules } from "handoff-kit/handoff";
 * const rules: LifecycleRules = defineLifecycle({ gate: "after_meeting" });
 * ```
 * @category Team rules
 */
export interface LifecycleRules {
  /**
   * When the AE accepts or rejects: before the meeting (the handoff-checklist article), after it (the
   * 2027 handoff-process Q&A), or either (for analytics over CRM exports).
   */
  readonly gate: "before_meeting" | "after_meeting" | "either";
  readonly bookingGate: BookingGate;
  readonly reasons: readonly ReasonCode[];
  /**
   * `any` (the default): events are folded in time order whatever order they arrive in, ties broken
   * by `seq`, then the lifecycle's order of event types, then id; what arrived late is reported.
   * `strict`: for sources that promise order, an event dated before the last applied one is refused
   * (`out_of_order`).
   */
  readonly order: "any" | "strict";
  /**
   * What makes two deliveries the same event: by default its id (CRM webhooks redeliver with the
   * same id). For sources without stable ids, a key of the event's content.
   */
  readonly dedupeKey: ((event: HandoffEvent) => string) | undefined;
}

const GATE_PLACEMENTS: ReadonlySet<unknown> = new Set<LifecycleRules["gate"]>([
  "before_meeting",
  "after_meeting",
  "either",
]);

/** Whether a value from untyped code names a gate placement. */
export function isGatePlacement(value: unknown): value is LifecycleRules["gate"] {
  return GATE_PLACEMENTS.has(value);
}

/**
 * Throws `invalid_argument` unless `rules` is lifecycle rules: `summarize(handoff, { now })` reads
 * as plausible from untyped code, and would fold with no rules.
 */
export function requireRules(rules: unknown, call: string): void {
  // The default rules are frozen to the leaves, so once checked they stay rules: most calls pass them.
  // Stryker disable next-line ConditionalExpression: performance only: the default rules pass every check below
  if (rules === LENIENT_LIFECYCLE) return;
  const { gate, bookingGate, reasons } = (isRecord(rules) ? rules : {}) as {
    gate?: unknown;
    bookingGate?: unknown;
    reasons?: unknown;
  };
  const { order, dedupeKey } = (isRecord(rules) ? rules : {}) as { order?: unknown; dedupeKey?: unknown };
  if (
    !isGatePlacement(gate) ||
    typeof bookingGate !== "function" ||
    !Array.isArray(reasons) ||
    (order !== "any" && order !== "strict") ||
    (dedupeKey !== undefined && typeof dedupeKey !== "function")
  ) {
    throw new HandoffKitError("invalid_argument", {
      detail:
        `${call}: the rules argument is LENIENT_LIFECYCLE, ` +
        `or what defineLifecycle returns: ${describeValue(rules)}`,
    });
  }
  // A catalogue changed by hand: each reason is read for its code and its recycle action.
  const bad = reasons.findIndex(
    (reason: unknown) =>
      !isRecord(reason) ||
      typeof (reason as { code?: unknown }).code !== "string" ||
      !isRecord((reason as { recycle?: unknown }).recycle),
  );
  if (bad >= 0)
    throw new HandoffKitError("invalid_argument", {
      detail:
        `${call}: the rules' reasons[${String(bad)}] is ${describeValue(reasons[bad])}, ` +
        `not a reason code as defineLifecycle makes`,
    });
}

/**
 * What {@link defineLifecycle} reads: the gate's place, and what to use instead of each default.
 *
 * @example
 * ```ts
 * import type { LifecycleSpec } from "handoff-kit/handoff";
 * const spec: LifecycleSpec = { gate: "after_meeting", order: "strict" };
 * ```
 * @category Team rules
 */
export interface LifecycleSpec {
  readonly gate: LifecycleRules["gate"];
  /** By default `requiredBriefGate`: booking needs the brief's required package. */
  readonly bookingGate?: BookingGate;
  /** By default `DEFAULT_REASON_CODES`. */
  readonly reasons?: readonly ReasonCode[];
  /** By default `any`: see {@link LifecycleRules.order}. */
  readonly order?: LifecycleRules["order"];
  /** By default the event's id: see {@link LifecycleRules.dedupeKey}. */
  readonly dedupeKey?: (event: HandoffEvent) => string;
}

/**
 * Builds a lifecycle configuration: the acceptance gate's placement, the booking gate (by default
 * `requiredBriefGate`, the brief's required package), the reason-code catalogue (by default
 * `DEFAULT_REASON_CODES`), and how deliveries are ordered and deduplicated (by default in time
 * order whatever the arrival order, the same id once). Throws `invalid_config` for an empty or
 * duplicated catalogue.
 *
 * @example
 * ```ts
 * import { defineLifecycle, DEFAULT_REASON_CODES } from "handoff-kit/handoff";
 *
 * const teamRules = defineLifecycle({
 *   gate: "after_meeting",
 *   reasons: [
 *     ...DEFAULT_REASON_CODES,
 *     {
 *       code: "pricing",
 *       label: "Price above budget",
 *       category: "budget",
 *       recycle: { action: "nurture", afterDays: 90 },
 *     },
 *   ],
 * });
 * ```
 * @category Team rules
 */
export function defineLifecycle(spec: LifecycleSpec): LifecycleRules {
  // Untyped callers pass anything: every shape problem is an invalid_config with its path, never a TypeError.
  if (!isRecord(spec))
    throw new HandoffKitError("invalid_config", {
      detail: "defineLifecycle",
      issues: [{ code: "invalid_type", path: [], message: "Expected an object with a gate" }],
    });
  const reasons: unknown = spec.reasons ?? DEFAULT_REASON_CODES;
  const issues: Issue[] = [];
  if (!isGatePlacement(spec.gate))
    issues.push({ code: "invalid_value", path: ["gate"], message: "Expected before_meeting, after_meeting or either" });
  if (spec.bookingGate !== undefined && typeof spec.bookingGate !== "function")
    issues.push({ code: "invalid_type", path: ["bookingGate"], message: "Expected a function" });
  const order: unknown = spec.order;
  if (order !== undefined && order !== "any" && order !== "strict")
    issues.push({ code: "invalid_value", path: ["order"], message: "Expected any or strict" });
  if (spec.dedupeKey !== undefined && typeof spec.dedupeKey !== "function")
    issues.push({ code: "invalid_type", path: ["dedupeKey"], message: "Expected a function of an event" });
  if (!Array.isArray(reasons))
    issues.push({ code: "invalid_type", path: ["reasons"], message: "Expected an array of reason codes" });
  else {
    if (reasons.length === 0)
      issues.push({ code: "too_small", path: ["reasons"], message: "The catalogue needs at least one reason" });
    const seen = new Set<string>();
    reasons.forEach((reason: unknown, index) => {
      const code: unknown = isRecord(reason) ? (reason as { code?: unknown }).code : undefined;
      if (typeof code !== "string" || code.length === 0)
        issues.push({
          code: "invalid_type",
          path: ["reasons", index, "code"],
          message: "A reason needs a non-empty code",
        });
      else if (seen.has(code))
        issues.push({
          code: "duplicate_reason",
          path: ["reasons", index, "code"],
          message: `Duplicate reason code "${code}"`,
        });
      else seen.add(code);
    });
  }
  if (issues.length > 0 || !Array.isArray(reasons))
    throw new HandoffKitError("invalid_config", { detail: "defineLifecycle", issues });
  return Object.freeze({
    gate: spec.gate,
    bookingGate: spec.bookingGate ?? requiredBriefGate,
    // Copies, frozen to the leaves, like every define*: the caller's later edits do not reach the rules.
    reasons: Object.freeze(
      (reasons as readonly ReasonCode[]).map((reason) =>
        Object.freeze({ ...reason, recycle: Object.freeze({ ...reason.recycle }) }),
      ),
    ),
    order: spec.order ?? "any",
    dedupeKey: spec.dedupeKey,
  });
}

/**
 * The configuration `summarize` uses by default: decisions before or after the meeting, and no
 * booking gate, so that any plausible CRM history folds.
 *
 * @example
 * ```ts
 * import { LENIENT_LIFECYCLE, replay } from "handoff-kit/handoff";
 * const { state } = replay([], LENIENT_LIFECYCLE);
 * state.status; // "draft"
 * ```
 * @category Team rules
 */
export const LENIENT_LIFECYCLE: LifecycleRules = /* @__PURE__ */ defineLifecycle({
  gate: "either",
  bookingGate: openGate,
});
