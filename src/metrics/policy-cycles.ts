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
import { evaluateCheckedSla, slaOutcomes, type SlaOutcome } from "../sla/internal.js";
import { roleCalendars } from "./role-calendars.js";

/**
 * The policies the huddle and the open clocks read when none are given: the AE's one-business-day
 * decision (the handoff-checklist article) and the 48-hour follow-up (the 2027 handoff-process Q&A).
 */
export const DEFAULT_READ_POLICIES: readonly SlaPolicy<MeetingEvent>[] = [
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
];

/** One policy over one handoff: its cycles (or their outcomes), or the calendar it names that nobody supplied. */
export type PolicyRead<T> =
  | { readonly policy: SlaPolicy<MeetingEvent>; readonly cycles: readonly T[] }
  | { readonly policy: SlaPolicy<MeetingEvent>; readonly missingCalendar: string };

/** How each policy's cycles are read: in full, or their outcomes only. */
export type Evaluator<T> = (
  events: readonly MeetingEvent[],
  policy: SlaPolicy<MeetingEvent>,
  options: { readonly nowMs: number; readonly calendars: Readonly<Record<string, Calendar>> },
) => readonly T[];

/** Each cycle evaluated in full (remaining time, trace): what the open clocks show. */
export const FULL_CYCLES: Evaluator<SlaCycle> = (events, policy, options) =>
  evaluateCheckedSla(events, policy, options).cycles;

/**
 * Each cycle's outcome only (state and deadline, nothing measured): what counting and listing breaches
 * read, several times cheaper than {@link FULL_CYCLES}.
 */
export const OUTCOMES: Evaluator<SlaOutcome> = slaOutcomes;

/**
 * Every policy over a handoff as it stood at `now` (events after it are not known yet), on the
 * calendars of the AE and the SDR who own it (by calendar id, else by rep id), each read by `evaluate`.
 */
export function policyCycles<T>(
  handoff: Handoff,
  row: HandoffSummary,
  policies: readonly SlaPolicy<MeetingEvent>[],
  calendarsByKey: Readonly<Record<string, Calendar>>,
  now: number,
  lifecycle: LifecycleRules,
  evaluate: Evaluator<T>,
): PolicyRead<T>[] {
  const calendars = roleCalendars(row, calendarsByKey);
  const events = eventsAsOf(handoff.events, now, lifecycle);
  return policies.map((policy): PolicyRead<T> => {
    const needs = policy.target.kind === "calendar_time" ? undefined : policy.target.calendar;
    if (needs !== undefined && !Object.hasOwn(calendars, needs)) return { policy, missingCalendar: needs };
    return { policy, cycles: evaluate(events, policy, { nowMs: now, calendars }) };
  });
}
