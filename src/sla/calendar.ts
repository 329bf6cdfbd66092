import { describeValue } from "../core/describe-value.js";
import * as z from "zod";
import { HandoffKitError } from "../core/error.js";
import { dayNumberOf, ISO_DATE } from "../core/days.js";
import { parseWith } from "../core/parse.js";
import type { ParseOptions, Result } from "../core/result.js";
import { timeZoneSchema } from "../core/schemas.js";
import { firstIndexAtLeast } from "../core/search.js";
import { MinHeap } from "../core/min-heap.js";
import { zoneRules, type ZoneRules } from "../core/zone-offsets.js";
import { DAY, MINUTE } from "../core/duration.js";
import { pure } from "../core/pure.js";

const MINUTES_PER_DAY = 1_440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/**
 * The days of a calendar's week, in the order specs list them.
 *
 * @example
 * ```ts
 * import { WEEKDAYS } from "handoff-kit/sla";
 * WEEKDAYS[0]; // "mon"
 * ```
 * @category Calendars
 */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const SUNDAY_FIRST = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/**
 * A day of the week as calendar specs name it.
 *
 * @example
 * ```ts
 * import type { Weekday } from "handoff-kit/sla";
 * const day: Weekday = "fri";
 * ```
 * @category Calendars
 */
export type Weekday = (typeof WEEKDAYS)[number];

const clockTime = /* @__PURE__ */ pure(() =>
  z
    .string()
    .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: "Expected a 24-hour time HH:mm, such as 09:00 or 24:00" }),
);

const windowSchema = /* @__PURE__ */ pure(() =>
  z
    .tuple([clockTime, clockTime])
    .refine(([start]) => start !== "24:00", {
      error: "A window cannot start at 24:00",
      path: [0],
      params: { code: "invalid_window" },
    })
    .refine(([start, end]) => start !== end, { error: "A window must not be empty", params: { code: "empty_window" } }),
);

const windowsSchema = /* @__PURE__ */ pure(() => z.array(windowSchema));

/** The longest holiday range with its own hours, in days: a year, leap day included. */
const MAX_RANGE_DAYS_WITH_HOURS = 366;

/** Days from one valid `YYYY-MM-DD` date to another (negative when `to` is earlier). */
const daysBetween = (from: string, to: string): number => (dayNumberOf(to) ?? 0) - (dayNumberOf(from) ?? 0);

const dateSchema = /* @__PURE__ */ pure(() =>
  z
    .string()
    .regex(ISO_DATE, { error: "Expected a date YYYY-MM-DD", abort: true })
    .refine((value) => dayNumberOf(value) !== undefined, {
      error: "Not a date on the calendar",
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
          error: "A holiday range must not end before it starts",
          path: ["to"],
          params: { code: "invalid_range" },
        })
        // A closed range of any length costs the same; a range with its own hours is held day by day.
        .refine(
          (range) =>
            range.hours === undefined ||
            range.hours.length === 0 ||
            daysBetween(range.from, range.to) < MAX_RANGE_DAYS_WITH_HOURS,
          {
            error:
              `A holiday range with its own hours spans at most ${String(MAX_RANGE_DAYS_WITH_HOURS)} days; ` +
              `list one range per year`,
            path: ["to"],
            params: { code: "range_too_long" },
          },
        ),
    ],
    { error: "Expected a date YYYY-MM-DD, { date, hours?, name? } or { from, to, hours?, name? }" },
  ),
);

/**
 * What `defineCalendar` accepts: an IANA time zone, the open windows of each weekday (a missing or
 * empty day is closed), and holidays. Times are `HH:mm` on a 24-hour clock; `24:00` may end a window;
 * a window whose end is before its start runs overnight and belongs to the day it starts on. A
 * holiday is a local date (closed), `{ date, hours }` (its own hours), or a range `{ from, to }`:
 * closed, of any length, or with its own `hours` each day, for at most 366 days. All are in the
 * calendar's zone. An entry with `hours: []` is closed, and closed wins over any other entry's hours
 * on the same day; several entries with hours on one day add their windows.
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
      for (const issue of weeklyOverlaps(spec.week))
        ctx.addIssue({
          code: "custom",
          message: issue.message,
          path: ["week", ...issue.path],
          params: { code: "overlapping_windows" },
        });
      spec.holidays.forEach((holiday, index) => {
        if (typeof holiday !== "string" && holiday.hours !== undefined) {
          const overlap = firstOverlap(holiday.hours.map(toMinutes));
          if (overlap !== undefined) {
            ctx.addIssue({
              code: "custom",
              message: "Holiday windows overlap",
              path: ["holidays", index, "hours", overlap],
              params: { code: "overlapping_windows" },
            });
          }
        }
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

/** A window in minutes after the local midnight of the day that owns it; `end` may pass 1440 (overnight). */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/**
 * Holiday days `from` to `to` (local day numbers, inclusive) that share their windows (`[]` when
 * closed) and name. A closed range stays one piece however long; a day with its own hours is a piece
 * of one day.
 */
export interface HolidayPiece {
  readonly from: number;
  readonly to: number;
  readonly windows: readonly Window[];
  readonly name: string | undefined;
  /** For a closed piece, the first and last day of the closed stretch it is in (adjacent closed pieces join). */
  readonly closedSince: number | undefined;
  readonly closedUntil: number | undefined;
}

/** Everything the arithmetic needs, computed once per calendar. */
export interface CompiledCalendar {
  readonly rules: ZoneRules;
  /** Windows by weekday, 0 = Sunday. */
  readonly weekly: readonly (readonly Window[])[];
  /** Wall-clock open time of each weekday's windows, in ms, 0 = Sunday. */
  readonly weeklyMs: readonly number[];
  readonly weekMs: number;
  /** Every instant of the week is inside a window. */
  readonly alwaysOpen: boolean;
  /** Holidays as disjoint pieces, ascending. */
  readonly holidays: readonly HolidayPiece[];
  /** Each piece's last day, ascending, for binary search. */
  readonly holidayEnds: readonly number[];
}

declare const compiledKey: unique symbol;

/**
 * An immutable business calendar, made by {@link defineCalendar}. Its `spec` is the normalised spec it
 * was built from; everything else is internal.
 *
 * @example
 * ```ts
 * import { defineCalendar, type Calendar } from "handoff-kit/sla";
 * const london: Calendar = defineCalendar({ timeZone: "Europe/London", week: { mon: [["09:00", "17:30"]] } });
 * london.timeZone; // "Europe/London"
 * ```
 * @category Calendars
 */
export interface Calendar {
  readonly timeZone: string;
  readonly spec: z.output<typeof calendarSpecSchema>;
  /** @internal */
  readonly [compiledKey]: true;
}

const compiledByCalendar = new WeakMap<Calendar, CompiledCalendar>();

/** The compiled form of a calendar made by `defineCalendar`. */
export function compiled(calendar: Calendar, fn: string): CompiledCalendar {
  const found = compiledByCalendar.get(calendar);
  if (found === undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: the calendar must be one defineCalendar made: ${describeValue(calendar)}`,
    });
  return found;
}

/**
 * Checks an untrusted calendar spec and builds the calendar, or returns every issue with the path of
 * the bad field. Never throws on data. A key the spec does not know (`holiday` for `holidays`, which
 * would drop every holiday) is a warning with its path, or with `{ strict: true }` an issue.
 *
 * @example
 * ```ts
 * import { parseCalendar } from "handoff-kit/sla";
 *
 * const result = parseCalendar({ timeZone: "Mars/Olympus", week: { mon: [["9am", "17:00"]] } });
 * if (!result.ok) console.log(result.issues.map((issue) => issue.path.join("."))); // ["timeZone", "week.mon.0.0"]
 *
 * const typo = parseCalendar({ timeZone: "UTC", week: {}, holiday: ["2026-12-25"] });
 * if (typo.ok) console.log(typo.warnings?.map((warning) => warning.path.join("."))); // ["holiday"]
 * ```
 * @category Calendars
 */
export function parseCalendar(input: unknown, options: ParseOptions = {}): Result<Calendar> {
  const parsed = parseWith(calendarSpecSchema, input, options, "parseCalendar");
  if (!parsed.ok) return parsed;
  const calendar = build(parsed.value);
  return parsed.warnings === undefined
    ? { ok: true, value: calendar }
    : { ok: true, value: calendar, warnings: parsed.warnings };
}

/**
 * Builds an immutable business calendar, throwing `HandoffKitError` with code `invalid_calendar` and
 * the path of each bad field when the spec is wrong (use {@link parseCalendar} for untrusted input).
 *
 * @example
 * ```ts
 * import { defineCalendar } from "handoff-kit/sla";
 *
 * const newYork = defineCalendar({
 *   timeZone: "America/New_York",
 *   week: {
 *     mon: [["09:00", "12:00"], ["13:00", "17:00"]],
 *     tue: [["09:00", "17:00"]],
 *     wed: [["09:00", "17:00"]],
 *     thu: [["09:00", "17:00"]],
 *     fri: [["09:00", "17:00"]],
 *   },
 *   holidays: ["2026-11-26", { from: "2026-12-24", to: "2026-12-26", name: "Winter break" }],
 * });
 * ```
 * @category Calendars
 */
export function defineCalendar(spec: CalendarSpec): Calendar {
  const result = parseCalendar(spec);
  if (!result.ok) throw new HandoffKitError("invalid_calendar", { detail: "defineCalendar", issues: result.issues });
  return result.value;
}

function build(spec: z.output<typeof calendarSpecSchema>): Calendar {
  // Indexed as weekdayOf counts (0 = Sunday). A day's windows stay in the spec's order: they are
  // sorted and merged when resolved to instants (owner-days.ts), where overnight spill joins them.
  const weekly = SUNDAY_FIRST.map((name) => (spec.week[name] ?? []).map(toMinutes));
  const weeklyMs = weekly.map((windows) => windows.reduce((sum, w) => sum + (w.end - w.start) * MINUTE, 0));
  const weekMs = weeklyMs.reduce((a, b) => a + b, 0);

  const holidays = holidayPieces(spec.holidays);
  const compiledCalendar: CompiledCalendar = {
    rules: zoneRules(spec.timeZone),
    weekly,
    weeklyMs,
    weekMs,
    alwaysOpen: weekMs === 7 * DAY,
    holidays,
    holidayEnds: holidays.map((piece) => piece.to),
  };
  const calendar = Object.freeze({ timeZone: spec.timeZone, spec }) as unknown as Calendar;
  compiledByCalendar.set(calendar, compiledCalendar);
  return calendar;
}

type HolidaySpec = z.output<typeof calendarSpecSchema>["holidays"][number];

/** A holiday as a range: a date alone, a date with its own hours, or a range as written. */
function holidayEntry(holiday: HolidaySpec): {
  readonly from: string;
  readonly to: string;
  readonly hours?: readonly (readonly [string, string])[] | undefined;
  readonly name?: string | undefined;
} {
  if (typeof holiday === "string") return { from: holiday, to: holiday, hours: undefined, name: undefined };
  return "date" in holiday
    ? { from: holiday.date, to: holiday.date, hours: holiday.hours, name: holiday.name }
    : holiday;
}

/**
 * The holidays as disjoint pieces: closed wins over hours, several entries with hours on one day
 * combine their windows, and a day is named by the first entry (in the spec's order) of its kind that
 * covers it. Closed ranges are cut only where their names change, so their cost does not grow with
 * their length.
 */
function holidayPieces(specs: readonly HolidaySpec[]): HolidayPiece[] {
  const closed: { from: number; to: number; name: string | undefined; order: number }[] = [];
  const withHours = new Map<number, { windows: Window[]; name: string | undefined }>();
  specs.forEach((holiday, order) => {
    const entry = holidayEntry(holiday);
    const from = dayNumberOf(entry.from) ?? 0;
    const to = dayNumberOf(entry.to) ?? 0;
    if (entry.hours === undefined || entry.hours.length === 0) {
      closed.push({ from, to, name: entry.name, order });
      return;
    }
    const windows = entry.hours.map(toMinutes);
    for (let day = from; day <= to; day += 1) {
      const previous = withHours.get(day);
      if (previous === undefined) withHours.set(day, { windows: [...windows], name: entry.name });
      else previous.windows = [...previous.windows, ...windows];
    }
  });
  const closedPieces = namedClosedPieces(closed);
  const pieces: { from: number; to: number; windows: readonly Window[]; name: string | undefined }[] = [
    ...closedPieces,
  ];
  const closedEnds = closedPieces.map((piece) => piece.to);
  for (const [day, { windows, name }] of withHours) {
    const covering = closedPieces[firstIndexAtLeast(closedEnds, day)];
    if (covering === undefined || covering.from > day) pieces.push({ from: day, to: day, windows, name });
  }
  pieces.sort((a, b) => a.from - b.from);
  // Each closed piece learns where its closed stretch starts (a pass forward) and ends (a pass back).
  // The two bounds only let previousClose, addBusinessDays and the owner-day walk cross a stretch at
  // once: a bound left unset, or one short of the stretch's end, has them walk the stretch piece by
  // piece to the same answer. So a mutant below that unsets or shortens a bound is performance only
  // (each was read: `joins` forced either way, the neighbour's index flipped, `+ 1` made `- 1`, the
  // hours test turned); one that stretched a bound over an open day would change answers, and
  // test/sla/closed-stretches.test.ts checks those.
  const since: (number | undefined)[] = [];
  // Stryker disable BlockStatement,ArithmeticOperator,ConditionalExpression,EqualityOperator: performance only
  pieces.forEach((piece, i) => {
    const previous = pieces[i - 1];
    const joins = previous !== undefined && previous.windows.length === 0 && previous.to + 1 === piece.from;
    const start = joins ? since[i - 1] : piece.from;
    since.push(piece.windows.length > 0 ? undefined : start);
  });
  // Stryker restore BlockStatement,ArithmeticOperator,ConditionalExpression,EqualityOperator
  const out: HolidayPiece[] = [];
  let until: number | undefined;
  for (let i = pieces.length - 1; i >= 0; i -= 1) {
    const piece = pieces[i] as (typeof pieces)[number];
    // Stryker disable ArithmeticOperator,ConditionalExpression,EqualityOperator: performance only: see above
    const next = pieces[i + 1];
    const joins = next !== undefined && next.windows.length === 0 && piece.to + 1 === next.from;
    const end = joins ? until : piece.to;
    until = piece.windows.length > 0 ? undefined : end;
    // Stryker restore ArithmeticOperator,ConditionalExpression,EqualityOperator
    out.push({ ...piece, closedSince: since[i], closedUntil: until });
  }
  return out.reverse();
}

/**
 * Closed entries as disjoint pieces, each named by the first entry in the spec's order that covers it:
 * a sweep over the entries' ends with the covering entries in a heap by their order.
 */
function namedClosedPieces(
  entries: readonly { from: number; to: number; name: string | undefined; order: number }[],
): { from: number; to: number; windows: readonly Window[]; name: string | undefined }[] {
  const byStart = [...entries].sort((a, b) => a.from - b.from);
  const bounds = [...new Set(entries.flatMap((entry) => [entry.from, entry.to + 1]))].sort((a, b) => a - b);
  const active = new MinHeap<(typeof entries)[number]>((a, b) => a.order - b.order);
  const pieces: { from: number; to: number; windows: readonly Window[]; name: string | undefined }[] = [];
  let next = 0;
  // Every entry has ended by the last bound, so a pass from it, or past it, adds no piece.
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent: see above
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const from = bounds[i] as number;
    const to = (bounds[i + 1] as number) - 1;
    while (next < byStart.length && (byStart[next] as (typeof entries)[number]).from <= from)
      active.push(byStart[next++] as (typeof entries)[number]);
    while (active.peek() !== undefined && (active.peek() as (typeof entries)[number]).to < from) active.pop();
    const first = active.peek();
    if (first === undefined) continue;
    // A merge left undone leaves two touching pieces of one name: the same days, the same name, and a
    // closed stretch joins them.
    // Stryker disable next-line UnaryOperator: equivalent: see above (only the last piece can touch `from`)
    const last = pieces.at(-1);
    // Stryker disable next-line ArithmeticOperator: equivalent: see above
    if (last !== undefined && last.to + 1 === from && last.name === first.name)
      pieces[pieces.length - 1] = { ...last, to };
    else pieces.push({ from, to, windows: [], name: first.name });
  }
  return pieces;
}

function toMinutes([start, end]: readonly [string, string]): Window {
  const s = clockMinutes(start);
  const e = clockMinutes(end);
  // Stryker disable next-line EqualityOperator: equivalent: an empty window (start equal to end) is refused when parsed
  return { start: s, end: e < s ? e + MINUTES_PER_DAY : e };
}

function clockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The index of the first window that overlaps one before it, sorted by start. */
function firstOverlap(windows: readonly Window[]): number | undefined {
  const order = windows.map((w, index) => ({ ...w, index })).sort((a, b) => a.start - b.start);
  // Stryker disable next-line EqualityOperator: equivalent: a pass past the end finds no window
  for (let i = 1; i < order.length; i += 1) {
    const previous = order[i - 1];
    const current = order[i];
    if (previous !== undefined && current !== undefined && current.start < previous.end) return current.index;
  }
  return undefined;
}

/** Overlaps in the weekly pattern, overnight windows and the Sunday-to-Monday wrap included. */
function weeklyOverlaps(
  week: Partial<Record<Weekday, readonly (readonly [string, string])[]>>,
): { message: string; path: (string | number)[] }[] {
  const placed = WEEKDAYS.flatMap((day, dayIndex) =>
    (week[day] ?? []).map((window, index) => {
      const w = toMinutes(window);
      return { start: dayIndex * MINUTES_PER_DAY + w.start, end: dayIndex * MINUTES_PER_DAY + w.end, day, index };
    }),
  ).sort((a, b) => a.start - b.start);
  const issues: { message: string; path: (string | number)[] }[] = [];
  placed.forEach((current, i) => {
    const previous = i === 0 ? placed.at(-1) : placed[i - 1];
    // No window is a week long, so none overlaps itself across the wrap.
    // Stryker disable next-line ConditionalExpression: equivalent: see above
    if (previous === undefined || previous === current) return;
    const previousEnd = i === 0 ? previous.end - MINUTES_PER_WEEK : previous.end;
    if (current.start < previousEnd) {
      issues.push({
        message: `Overlaps the window ${previous.day}[${String(previous.index)}]`,
        path: [current.day, current.index],
      });
    }
  });
  return issues;
}
