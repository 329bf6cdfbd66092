import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { compareCodeUnits } from "../core/order.js";
import type { Calendar } from "../sla/index.js";
import { requireCalendar, type CompiledCalendar } from "../sla/internal.js";

/** A calendar of a table writer's input, with its key and its compiled form. */
export interface KeyedCalendar {
  readonly calendarId: string;
  readonly calendar: Calendar;
  readonly compiled: CompiledCalendar;
}

/**
 * The arguments of the calendar table writers (`calendarIntervals`, `calendarDays`), checked before
 * any row is made: the calendars by key in code-unit order, each one `defineCalendar` made, and the
 * range's two instants. Misuse throws `invalid_argument`, naming `fn`.
 */
export function calendarTableArguments(
  calendars: Readonly<Record<string, Calendar>>,
  from: InstantInput,
  to: InstantInput,
  fn: string,
): { readonly calendars: readonly KeyedCalendar[]; readonly from: number; readonly to: number } {
  if (!isRecord(calendars))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: calendars must be an object of calendars by key: ${describeValue(calendars)}`,
    });
  const keyed = Object.entries(calendars)
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([calendarId, calendar]) => ({
      calendarId,
      calendar,
      compiled: requireCalendar(calendar, `${fn}: calendars[${JSON.stringify(calendarId)}]`),
    }));
  return { calendars: keyed, from: toEpochMs(from, `${fn}: from`), to: toEpochMs(to, `${fn}: to`) };
}
