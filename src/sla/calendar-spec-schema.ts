import * as z from "zod";
import { ISO_DATE, dayNumberOf } from "../core/days.js";
import { pure } from "../core/pure.js";
import { timeZoneSchema } from "../core/schemas.js";
import { CLOCK_TIME, rangeWithinLimit, SPEC_MESSAGES, specOverlaps, WEEKDAYS } from "./calendar-spec.js";

const clockTime = /* @__PURE__ */ pure(() => z.string().regex(CLOCK_TIME, { error: SPEC_MESSAGES.clockTime }));

const windowSchema = /* @__PURE__ */ pure(() =>
  z
    .tuple([clockTime, clockTime])
    .refine(([start]) => start !== "24:00", {
      error: SPEC_MESSAGES.windowStartsAt24,
      path: [0],
      params: { code: "invalid_window" },
    })
    .refine(([start, end]) => start !== end, { error: SPEC_MESSAGES.emptyWindow, params: { code: "empty_window" } }),
);

const windowsSchema = /* @__PURE__ */ pure(() => z.array(windowSchema));

const dateSchema = /* @__PURE__ */ pure(() =>
  z
    .string()
    .regex(ISO_DATE, { error: SPEC_MESSAGES.date, abort: true })
    .refine((value) => dayNumberOf(value) !== undefined, {
      error: SPEC_MESSAGES.notOnCalendar,
      params: { code: "invalid_date" },
    }),
);

const holidaySchema = /* @__PURE__ */ pure(() =>
  z.union(
    [
      dateSchema,
      z.object({ date: dateSchema, hours: windowsSchema.optional(), name: z.string().optional() }),
      z
        .object({ from: dateSchema, to: dateSchema, hours: windowsSchema.optional(), name: z.string().optional() })
        .refine((range) => range.from <= range.to, {
          error: SPEC_MESSAGES.rangeBackwards,
          path: ["to"],
          params: { code: "invalid_range" },
        })
        .refine(rangeWithinLimit, {
          error: SPEC_MESSAGES.rangeTooLong,
          path: ["to"],
          params: { code: "range_too_long" },
        }),
    ],
    { error: SPEC_MESSAGES.holiday },
  ),
);

/**
 * What `defineCalendar` accepts, as a zod schema to compose into your own: an IANA time zone, the open
 * windows of each weekday (a missing or empty day is closed), and holidays. Times are `HH:mm` on a
 * 24-hour clock; `24:00` may end a window; a window whose end is before its start runs overnight and
 * belongs to the day it starts on. A holiday is a local date (closed), `{ date, hours }` (its own
 * hours), or a range `{ from, to }`: closed, of any length, or with its own `hours` each day, for at
 * most 366 days. All are in the calendar's zone. An entry with `hours: []` is closed, and closed wins
 * over any other entry's hours on the same day; several entries with hours on one day add their
 * windows. `parseCalendar` and `defineCalendar` check a spec without zod and report the same issues.
 *
 * @example
 * ```ts
 * import { calendarSpecSchema } from "handoff-kit/sla";
 *
 * const spec = calendarSpecSchema.parse({
 *   timeZone: "America/New_York",
 *   week: { mon: [["09:00", "12:00"], ["13:00", "17:00"]], fri: [["09:00", "15:00"]] },
 *   holidays: ["2026-12-25", { date: "2026-12-24", hours: [["09:00", "13:00"]], name: "Christmas Eve" }],
 * });
 * ```
 * @category Calendars
 */
export const calendarSpecSchema = /* @__PURE__ */ pure(() =>
  z
    .object({
      timeZone: timeZoneSchema,
      week: z.partialRecord(z.enum(WEEKDAYS), windowsSchema),
      holidays: z.array(holidaySchema).default([]),
    })
    .superRefine((spec, ctx) => {
      for (const overlap of specOverlaps(spec))
        ctx.addIssue({
          code: "custom",
          message: overlap.message,
          path: [...overlap.path],
          params: { code: overlap.code },
        });
    }),
);

/**
 * A calendar spec as written (see {@link calendarSpecSchema}).
 *
 * @example
 * ```ts
 * import type { CalendarSpec } from "handoff-kit/sla";
 * const overnightDesk: CalendarSpec = { timeZone: "Asia/Kolkata", week: { mon: [["22:00", "06:00"]] } };
 * ```
 * @category Calendars
 */
export type CalendarSpec = z.input<typeof calendarSpecSchema>;

/** A calendar spec as checked: the zone spelled as the tz database does, `holidays` always present. */
export type CheckedCalendarSpec = z.output<typeof calendarSpecSchema>;
