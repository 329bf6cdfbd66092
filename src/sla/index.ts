/**
 * SLA clocks on business calendars: calendars in any IANA zone with split days, overnight windows and
 * holidays; exact business-time arithmetic whose cost does not grow with the span; and the duration
 * helpers SLA targets are written with.
 *
 * @packageDocumentation
 */
export { days, hours, minutes, seconds, type Milliseconds } from "../core/duration.js";
export type { InstantInput } from "../core/instant.js";
export { calendarSpecSchema, createCalendar, parseCalendar, WEEKDAYS, type Calendar, type CalendarSpec, type Weekday } from "./calendar.js";
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
} from "./arithmetic.js";
