import type { Handoff } from "../handoff/handoff.js";
import type { Calendar } from "../sla/calendar.js";

/**
 * The calendars an SLA policy names by role (`"ae"`, `"sdr"`) for one handoff: each rep's own, looked
 * up by the rep's `calendarId` among the calendars supplied by id. A rep without one is left out.
 */
export function roleCalendars(handoff: Handoff, byId: Readonly<Record<string, Calendar>>): Record<string, Calendar> {
  const roles: Record<string, Calendar> = {};
  const ae = handoff.ae.calendarId === undefined ? undefined : byId[handoff.ae.calendarId];
  const sdr = handoff.sdr.calendarId === undefined ? undefined : byId[handoff.sdr.calendarId];
  if (ae !== undefined) roles["ae"] = ae;
  if (sdr !== undefined) roles["sdr"] = sdr;
  return roles;
}
