import * as z from "zod";
import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, requireList } from "../core/guards.js";
import { fromZodIssues } from "../core/issue.js";
import type { InstantInput } from "../core/instant.js";
import { pure } from "../core/pure.js";
import { idSchema, textSchema } from "../core/schemas.js";

/**
 * An event an SLA clock reads: anything with a `type` and an instant `at`. Handoff events fit, and so
 * do a ticketing system's or a CRM's own.
 *
 * @example
 * ```ts
 * import type { SlaEvent } from "handoff-kit/sla";
 * const booked: SlaEvent = { type: "booked", at: new Date("2026-11-23T15:05:00Z") };
 * ```
 * @category SLA policies
 */
export interface SlaEvent {
  readonly type: string;
  readonly at: Date | number;
}

/**
 * How long the clock allows. `business_time` counts open time on a named calendar; `business_days`
 * steps business days on it (keeping the time of day); `same_business_day` ends at the close of the
 * business day the clock starts in (or, started while closed, of the next one); `calendar_time`
 * counts real time around the clock. Calendars are named (`"ae"`, `"sdr"`, `"support"`) and supplied
 * to `evaluateSla`, so a policy is data that every rep's calendar can share.
 *
 * @example
 * ```ts
 * import { hours, type SlaTarget } from "handoff-kit/sla";
 * const withinOneBusinessHour: SlaTarget = { kind: "business_time", ms: hours(1), calendar: "ae" };
 * ```
 * @category SLA policies
 */
export type SlaTarget =
  | { readonly kind: "business_time"; readonly ms: number; readonly calendar: string }
  | { readonly kind: "business_days"; readonly days: number; readonly calendar: string }
  | { readonly kind: "same_business_day"; readonly calendar: string }
  | { readonly kind: "calendar_time"; readonly ms: number };

/**
 * A cap on the deadline by another instant, read from the cycle's events: "and before the meeting".
 * `at` returns `undefined` when the instant is not known yet.
 *
 * @example
 * ```ts
 * import type { SlaCap, SlaEvent } from "handoff-kit/sla";
 * const beforeKickoff: SlaCap<SlaEvent> = { label: "before kickoff", at: () => new Date("2026-12-01T15:00:00Z") };
 * ```
 * @category SLA policies
 */
export interface SlaCap<E extends SlaEvent> {
  /** How explanations name the cap ("before the meeting"). */
  readonly label: string;
  /**
   * The capping instant, read from the cycle's events so far; `undefined` while it is not known. The
   * list is lent for the call: it grows with the next event, so copy it to keep it.
   */
  readonly at: (events: readonly E[]) => InstantInput | undefined;
}

/**
 * What `defineSlaPolicy` accepts.
 *
 * @example
 * ```ts
 * import { hours, type SlaPolicySpec } from "handoff-kit/sla";
 * const spec: SlaPolicySpec = {
 *   id: "triage",
 *   label: "Triage within 4 business hours",
 *   start: ["created"],
 *   stop: ["triaged"],
 *   target: { kind: "business_time", ms: hours(4), calendar: "support" },
 * };
 * ```
 * @category SLA policies
 */
export interface SlaPolicySpec<E extends SlaEvent = SlaEvent> {
  /** A stable identifier, for reports and storage. */
  readonly id: string;
  /** What the promise is, in a sentence. */
  readonly label: string;
  /** Who owes the response (`"ae"`, `"sdr"`), for reports that split breaches by side. */
  readonly owner?: string;
  /** Where the promise comes from (a playbook, an article), shown in explanations. */
  readonly source?: string;
  /**
   * Event types that start a cycle of the clock (when no cycle is running). Over a union of events
   * (`defineSlaPolicy<HandoffEvent>(...)`) only its types compile: `["bokked"]` does not.
   */
  readonly start: readonly E["type"][];
  /** Event types that stop the clock: the promise was kept if this comes by the deadline. */
  readonly stop: readonly E["type"][];
  /** Event types that end the clock without judging it (the response is no longer owed). */
  readonly cancel?: readonly E["type"][];
  /** Event types that pause the clock, and those that resume it. */
  readonly pause?: readonly E["type"][];
  readonly resume?: readonly E["type"][];
  readonly target: SlaTarget;
  readonly cap?: SlaCap<E>;
  /** Fractions of the target at which a warning is due; 0.5 and 0.75 by default. */
  readonly warnings?: readonly number[];
}

/**
 * A checked, immutable SLA policy; see {@link defineSlaPolicy}.
 *
 * @example
 * ```ts
 * import { AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR, type SlaPolicy } from "handoff-kit/sla";
 * const policy: SlaPolicy = AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR;
 * policy.warnings; // [0.5, 0.75]
 * ```
 * @category SLA policies
 */
export interface SlaPolicy<E extends SlaEvent = SlaEvent> extends Required<
  Omit<SlaPolicySpec<E>, "cap" | "owner" | "source">
> {
  readonly cap: SlaCap<E> | undefined;
  readonly owner: string | undefined;
  readonly source: string | undefined;
}

const eventTypes = /* @__PURE__ */ pure(() => z.array(idSchema));

const policySpecSchema = /* @__PURE__ */ pure(() =>
  z
    .object({
      id: idSchema,
      label: textSchema,
      owner: idSchema.optional(),
      source: textSchema.optional(),
      start: eventTypes.min(1, { error: "At least one event type must start the clock" }),
      stop: eventTypes.min(1, { error: "At least one event type must stop the clock" }),
      cancel: eventTypes.optional(),
      pause: eventTypes.optional(),
      resume: eventTypes.optional(),
      target: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("business_time"), ms: z.number().positive(), calendar: idSchema }),
        z.object({ kind: z.literal("business_days"), days: z.number().int().positive(), calendar: idSchema }),
        z.object({ kind: z.literal("same_business_day"), calendar: idSchema }),
        z.object({ kind: z.literal("calendar_time"), ms: z.number().positive() }),
      ]),
      cap: z
        .object({
          label: textSchema,
          at: z.custom<(events: readonly SlaEvent[]) => unknown>((value) => typeof value === "function", {
            error: "Expected a function",
          }),
        })
        .optional(),
      warnings: z
        .array(z.number().gt(0).lt(1))
        .refine((fractions) => fractions.every((f, i) => i === 0 || f > (fractions[i - 1] ?? 0)), {
          error: "Warning fractions must increase",
        })
        .optional(),
    })
    .superRefine((spec, ctx) => {
      if ((spec.pause === undefined) !== (spec.resume === undefined)) {
        ctx.addIssue({
          code: "custom",
          message: "pause and resume come together",
          path: [spec.pause === undefined ? "pause" : "resume"],
        });
      }
      const roles = ["start", "stop", "cancel", "pause", "resume"] as const;
      const seen = new Map<string, string>();
      for (const role of roles) {
        (spec[role] ?? []).forEach((type, index) => {
          const other = seen.get(type);
          if (other !== undefined && other !== role)
            ctx.addIssue({ code: "custom", message: `"${type}" is already a ${other} event`, path: [role, index] });
          seen.set(type, role);
        });
      }
    }),
);

/**
 * Checks and freezes an SLA policy: which events start, stop, cancel, pause and resume its clock,
 * its target, an optional cap by another instant, and its warning thresholds (0.5 and 0.75 of the
 * target by default, as SLA tools warn; see docs/sources.md). A start event after a cycle has ended
 * starts a new cycle (a recycled lead booked again). Throws `invalid_config` with the path of each bad
 * field.
 *
 * @example
 * ```ts
 * import { defineSlaPolicy, hours } from "handoff-kit/sla";
 *
 * const callBack = defineSlaPolicy({
 *   id: "inbound-call-back",
 *   label: "Call an inbound lead back within 15 business minutes",
 *   owner: "sdr",
 *   start: ["form_submitted"],
 *   stop: ["called"],
 *   cancel: ["disqualified"],
 *   target: { kind: "business_time", ms: hours(0.25), calendar: "sdr" },
 * });
 * ```
 * @category SLA policies
 */
export function defineSlaPolicy<E extends SlaEvent = SlaEvent>(spec: SlaPolicySpec<E>): SlaPolicy<E> {
  const parsed = policySpecSchema.safeParse(spec);
  if (!parsed.success)
    throw new HandoffKitError("invalid_config", {
      detail: "defineSlaPolicy",
      issues: fromZodIssues(parsed.error.issues),
    });
  return Object.freeze({
    id: spec.id,
    label: spec.label,
    owner: spec.owner,
    source: spec.source,
    start: Object.freeze([...spec.start]),
    stop: Object.freeze([...spec.stop]),
    cancel: Object.freeze([...(spec.cancel ?? [])]),
    pause: Object.freeze([...(spec.pause ?? [])]),
    resume: Object.freeze([...(spec.resume ?? [])]),
    target: Object.freeze({ ...spec.target }),
    cap: spec.cap === undefined ? undefined : Object.freeze({ ...spec.cap }),
    warnings: Object.freeze([...(spec.warnings ?? [0.5, 0.75])]),
  });
}

/** What each target kind reads besides its kind: a number, a calendar name, or both. */
const TARGET_FIELDS: {
  readonly [K in SlaTarget["kind"]]: readonly (readonly ["ms" | "days" | "calendar", "number" | "string"])[];
} = {
  business_time: [
    ["ms", "number"],
    ["calendar", "string"],
  ],
  business_days: [
    ["days", "number"],
    ["calendar", "string"],
  ],
  same_business_day: [["calendar", "string"]],
  calendar_time: [["ms", "number"]],
};

/**
 * Throws `invalid_argument` unless `value` has the shape of a policy that `defineSlaPolicy` returns:
 * the parts an evaluation reads (an id, the five lists of event types, a target of a known kind, the
 * warnings, an optional cap with an `at` function). Typed code always passes; this answers a policy
 * built by hand or read back from storage with the field that is wrong, instead of a `TypeError`.
 * The ranges (a positive duration, warnings that increase) are `defineSlaPolicy`'s to check.
 */
export function requireSlaPolicy(value: unknown, fn: string, name: string): asserts value is SlaPolicy {
  const problem = policyProblem(value);
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: ${name} must be a policy made by defineSlaPolicy (or a built-in one): ${problem}`,
    });
}

/** {@link requireSlaPolicy} for a list of policies (an `options.policies`), naming a bad one by index. */
export function requireSlaPolicies(value: unknown, fn: string, name: string): asserts value is readonly SlaPolicy[] {
  requireList(value, fn, name);
  value.forEach((policy, index) => {
    requireSlaPolicy(policy, fn, `${name}[${String(index)}]`);
  });
}

function policyProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `it is ${describeValue(value)}`;
  const policy = value as Partial<Record<keyof SlaPolicy, unknown>>;
  if (typeof policy.id !== "string") return `id is ${describeValue(policy.id)}`;
  for (const role of ["start", "stop", "cancel", "pause", "resume"] as const) {
    const problem = listProblem(policy[role], role, "string", "a list of event types");
    if (problem !== undefined) return problem;
  }
  const warnings = listProblem(policy.warnings, "warnings", "number", "a list of fractions");
  if (warnings !== undefined) return warnings;
  const cap = policy.cap;
  if (
    cap !== undefined &&
    !(
      isRecord(cap) &&
      typeof (cap as { at?: unknown }).at === "function" &&
      typeof (cap as { label?: unknown }).label === "string"
    )
  )
    return `cap is ${describeValue(cap)}, not { label, at }`;
  return targetProblem(policy.target);
}

function listProblem(list: unknown, name: string, type: "string" | "number", what: string): string | undefined {
  if (!Array.isArray(list)) return `${name} is ${describeValue(list)}, not ${what}`;
  const bad = list.findIndex((item) => typeof item !== type);
  return bad < 0 ? undefined : `${name}[${String(bad)}] is ${describeValue(list[bad])}, not a ${type}`;
}

/** What in a target from untyped code is not a {@link SlaTarget}, or undefined (see {@link requireSlaPolicy}). */
export function targetProblem(target: unknown): string | undefined {
  if (!isRecord(target)) return `target is ${describeValue(target)}`;
  const fields = target as Record<string, unknown>;
  const kind = fields["kind"];
  if (typeof kind !== "string" || !Object.hasOwn(TARGET_FIELDS, kind)) return `target.kind is ${describeValue(kind)}`;
  const wrong = TARGET_FIELDS[kind as SlaTarget["kind"]].find(([field, type]) => typeof fields[field] !== type);
  return wrong === undefined
    ? undefined
    : `target.${wrong[0]} is ${describeValue(fields[wrong[0]])}, not a ${wrong[1]}`;
}
