import { hours } from "../core/duration.js";
import { defineSlaPolicy, type SlaCap, type SlaEvent, type SlaPolicy } from "./policy.js";
import { pure } from "../core/pure.js";

// The handoff SLAs the field's playbooks name (the articles listed in docs/sources.md), over handoff
// event types. Each AE-side policy runs on the calendar named "ae": pass the AE's own calendar to
// evaluateSla.

/**
 * An event that may carry the meeting's slot (the handoff's `booked` and `rescheduled` events do).
 *
 * @example
 * ```ts
 * import type { MeetingEvent } from "handoff-kit/sla";
 * const booked: MeetingEvent = {
 *   type: "booked",
 *   at: Date.UTC(2026, 10, 23, 15),
 *   meeting: { start: Date.UTC(2026, 10, 25, 19) },
 * };
 * ```
 * @category Built-in policies
 */
export type MeetingEvent = SlaEvent & { readonly meeting?: { readonly start: Date | number } };

const beforeTheMeeting: SlaCap<MeetingEvent> = {
  label: "before the meeting",
  at: (events) => events.findLast((event) => event.meeting !== undefined)?.meeting?.start,
};

/**
 * The AE accepts or rejects within one business day of the booking, and before the meeting (the
 * handoff-checklist article's gate; see docs/sources.md). Stops on `accepted` or `rejected`; a
 * `cancelled` meeting ends the clock unjudged.
 *
 * @example
 * ```ts
 * import { AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY } from "handoff-kit/sla";
 * AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY.target; // { kind: "business_days", days: 1, calendar: "ae" }
 * ```
 * @category Built-in policies
 */
export const AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY: SlaPolicy<MeetingEvent> = /* @__PURE__ */ pure(() =>
  defineSlaPolicy<MeetingEvent>({
    id: "ae-accepts-within-one-business-day",
    label: "AE accepts or rejects within one business day of booking, and before the meeting",
    owner: "ae",
    source: "the handoff-checklist article",
    start: ["booked"],
    stop: ["accepted", "rejected"],
    cancel: ["cancelled"],
    target: { kind: "business_days", days: 1, calendar: "ae" },
    cap: beforeTheMeeting,
  }),
);

/**
 * The AE accepts or rejects within 48 hours after the discovery meeting (the 2027 handoff-process
 * Q&A's gate; see docs/sources.md).
 *
 * @example
 * ```ts
 * import { AE_DECIDES_WITHIN_48_HOURS_OF_MEETING } from "handoff-kit/sla";
 * AE_DECIDES_WITHIN_48_HOURS_OF_MEETING.start; // ["meeting_held"]
 * ```
 * @category Built-in policies
 */
export const AE_DECIDES_WITHIN_48_HOURS_OF_MEETING: SlaPolicy = /* @__PURE__ */ pure(() =>
  defineSlaPolicy({
    id: "ae-decides-within-48-hours-of-meeting",
    label: "AE accepts or rejects within 48 hours after the meeting",
    owner: "ae",
    source: "the 2027 handoff-process Q&A",
    start: ["meeting_held"],
    stop: ["accepted", "rejected"],
    target: { kind: "calendar_time", ms: hours(48) },
  }),
);

/**
 * The AE's first follow-up with the prospect within 48 hours of the handoff (the 2027 handoff-process
 * Q&A; see docs/sources.md).
 *
 * @example
 * ```ts
 * import { AE_FOLLOWS_UP_WITHIN_48_HOURS } from "handoff-kit/sla";
 * AE_FOLLOWS_UP_WITHIN_48_HOURS.stop; // ["first_follow_up"]
 * ```
 * @category Built-in policies
 */
export const AE_FOLLOWS_UP_WITHIN_48_HOURS: SlaPolicy = /* @__PURE__ */ pure(() =>
  defineSlaPolicy({
    id: "ae-follows-up-within-48-hours",
    label: "AE follows up with the prospect within 48 hours of the handoff",
    owner: "ae",
    source: "the 2027 handoff-process Q&A",
    start: ["booked"],
    stop: ["first_follow_up"],
    cancel: ["rejected", "cancelled"],
    target: { kind: "calendar_time", ms: hours(48) },
  }),
);

/**
 * The AE acknowledges the handoff and reviews the brief within one business hour (the high-conversion
 * handoff article; see docs/sources.md).
 *
 * @example
 * ```ts
 * import { AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR } from "handoff-kit/sla";
 * AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR.target; // { kind: "business_time", ms: 3_600_000, calendar: "ae" }
 * ```
 * @category Built-in policies
 */
export const AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR: SlaPolicy = /* @__PURE__ */ pure(() =>
  defineSlaPolicy({
    id: "ae-acknowledges-within-one-business-hour",
    label: "AE acknowledges the handoff and reviews the brief within one business hour",
    owner: "ae",
    source: "the high-conversion handoff article",
    start: ["booked"],
    stop: ["acknowledged"],
    cancel: ["cancelled"],
    target: { kind: "business_time", ms: hours(1), calendar: "ae" },
  }),
);

/**
 * The AE confirms to the prospect the same business day (the high-conversion handoff article; see
 * docs/sources.md): the first follow-up comes by the close of the AE's business day on which the
 * handoff arrived (the next one, if it arrived after hours).
 *
 * @example
 * ```ts
 * import { AE_CONFIRMS_SAME_BUSINESS_DAY } from "handoff-kit/sla";
 * AE_CONFIRMS_SAME_BUSINESS_DAY.target.kind; // "same_business_day"
 * ```
 * @category Built-in policies
 */
export const AE_CONFIRMS_SAME_BUSINESS_DAY: SlaPolicy = /* @__PURE__ */ pure(() =>
  defineSlaPolicy({
    id: "ae-confirms-same-business-day",
    label: "AE confirms to the prospect the same business day",
    owner: "ae",
    source: "the high-conversion handoff article",
    start: ["booked"],
    stop: ["first_follow_up"],
    cancel: ["rejected", "cancelled"],
    target: { kind: "same_business_day", calendar: "ae" },
  }),
);

/**
 * Every built-in handoff SLA policy.
 *
 * @example
 * ```ts
 * import { HANDOFF_SLA_POLICIES } from "handoff-kit/sla";
 * HANDOFF_SLA_POLICIES.map((policy) => policy.id);
 * ```
 * @category Built-in policies
 */
export const HANDOFF_SLA_POLICIES: readonly SlaPolicy<MeetingEvent>[] = [
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_DECIDES_WITHIN_48_HOURS_OF_MEETING,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
  AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR,
  AE_CONFIRMS_SAME_BUSINESS_DAY,
];
