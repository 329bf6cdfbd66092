import { ownValue } from "../core/guards.js";
import type { HandoffSummary } from "../handoff/index.js";
import { calendarKey } from "../handoff/internal.js";
import type { Calendar } from "../sla/index.js";

/**
 * The calendars an SLA policy names by role (`"ae"`, `"sdr"`) for one handoff: those of the reps
 * the events say own it now (the summary row's `aeCalendarId` and `sdrCalendarId`), among the
 * calendars supplied by key. A rep whose calendar is not supplied is left out.
 */
export function roleCalendars(
  row: HandoffSummary,
  byKey: Readonly<Record<string, Calendar>>,
): Record<string, Calendar> {
  const roles: Record<string, Calendar> = {};
  const ae = ownValue(byKey, calendarKey(row.aeCalendarId, row.aeId));
  const sdr = ownValue(byKey, calendarKey(row.sdrCalendarId, row.sdrId));
  if (ae !== undefined) roles["ae"] = ae;
  if (sdr !== undefined) roles["sdr"] = sdr;
  return roles;
}
