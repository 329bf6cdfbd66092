import type { Handoff, HandoffSummary, LifecycleRules } from "../handoff/index.js";
import { eventsAsOf } from "../handoff/internal.js";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
  type Calendar,
  type MeetingEvent,
  type SlaCycle,
  type SlaPolicy,
} from "../sla/index.js";
import { evaluateCheckedSla } from "../sla/internal.js";
import { roleCalendars } from "./role-calendars.js";

/**
 * The policies the huddle and the open clocks read when none are given: the AE's one-business-day
 * decision (the handoff-checklist article) and the 48-hour follow-up (the 2027 handoff-process Q&A).
 */
export const DEFAULT_READ_POLICIES: readonly SlaPolicy<MeetingEvent>[] = [
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
];

/** One policy over one handoff: its cycles, or the calendar it names that nobody supplied. */
export type PolicyCycles =
  | { readonly policy: SlaPolicy<MeetingEvent>; readonly cycles: readonly SlaCycle[] }
  | { readonly policy: SlaPolicy<MeetingEvent>; readonly missingCalendar: string };

/**
 * Every policy's cycles over a handoff as it stood at `now` (events after it are not known yet), on
 * the calendars of the AE and the SDR who own it (by calendar id, else by rep id).
 */
export function policyCycles(
  handoff: Handoff,
  row: HandoffSummary,
  policies: readonly SlaPolicy<MeetingEvent>[],
  calendarsByKey: Readonly<Record<string, Calendar>>,
  now: number,
  lifecycle: LifecycleRules,
): PolicyCycles[] {
  const calendars = roleCalendars(row, calendarsByKey);
  const events = eventsAsOf(handoff.events, now, lifecycle);
  return policies.map((policy): PolicyCycles => {
    const needs = policy.target.kind === "calendar_time" ? undefined : policy.target.calendar;
    if (needs !== undefined && !Object.hasOwn(calendars, needs)) return { policy, missingCalendar: needs };
    return { policy, cycles: evaluateCheckedSla(events, policy, { nowMs: now, calendars }).cycles };
  });
}
