/**
 * SLA clocks on business calendars: calendars in any IANA zone with split days, overnight windows and
 * holidays; exact business-time arithmetic whose cost does not grow with the span; and the duration
 * helpers SLA targets are written with.
 *
 * @module handoff-kit/sla
 */
export { days, hours, minutes, seconds, type Milliseconds } from "../core/duration.js";
export type { InstantInput } from "../core/instant.js";
export { defineCalendar, parseCalendar, type Calendar } from "./calendar.js";
export { calendarSpecSchema, type CalendarSpec } from "./calendar-spec-schema.js";
export { WEEKDAYS, type Weekday } from "./calendar-spec.js";
export {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  isOpen,
  nextClose,
  nextOpen,
  openIntervals,
  previousClose,
  type OpenInterval,
} from "./business-time.js";
export {
  defineSlaPolicy,
  type SlaCap,
  type SlaEvent,
  type SlaPolicy,
  type SlaPolicySpec,
  type SlaTarget,
} from "./policy.js";
export {
  evaluateSla,
  type EvaluateSlaOptions,
  type SkippedDay,
  type SlaCycle,
  type SlaEvaluation,
  type SlaPause,
  type SlaState,
  type SlaTrace,
} from "./evaluate.js";
export { explainSla, type ExplainSlaOptions } from "./explain.js";
export {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR,
  AE_CONFIRMS_SAME_BUSINESS_DAY,
  AE_DECIDES_WITHIN_48_HOURS_OF_MEETING,
  AE_FOLLOWS_UP_WITHIN_48_HOURS,
  HANDOFF_SLA_POLICIES,
  type MeetingEvent,
} from "./builtin-policies.js";
