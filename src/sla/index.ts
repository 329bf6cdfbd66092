/**
 * SLA clocks on business calendars. This release has the duration helpers SLA targets are written
 * with; calendars, business-time arithmetic and SLA policies follow.
 *
 * @packageDocumentation
 */
export { days, hours, minutes, seconds, type Milliseconds } from "../core/duration.js";
export type { InstantInput } from "../core/instant.js";
