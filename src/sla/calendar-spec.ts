import { dayNumberOf } from "../core/days.js";
import type { IssuePath } from "../core/issue.js";
import { pure } from "../core/pure.js";

/**
 * What a calendar spec is, shared by its zod schema (`calendarSpecSchema`, for callers who compose
 * it) and the checker `parseCalendar` and `defineCalendar` use (which needs no schema library): the
 * days, the forms of times and dates, the messages, and the rules no single field can check.
 */

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

const MINUTES_PER_DAY = 1_440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** `HH:mm` on a 24-hour clock; `24:00` may only end a window. */
export const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/u;

/** The longest holiday range with its own hours, in days: a year, leap day included. */
export const MAX_RANGE_DAYS_WITH_HOURS = 366;

/** The sentence of each problem a spec can have that zod does not word itself. */
export const SPEC_MESSAGES = /* @__PURE__ */ pure(() => ({
  clockTime: "Expected a 24-hour time HH:mm, such as 09:00 or 24:00",
  windowStartsAt24: "A window cannot start at 24:00",
  emptyWindow: "A window must not be empty",
  date: "Expected a date YYYY-MM-DD",
  notOnCalendar: "Not a date on the calendar",
  rangeBackwards: "A holiday range must not end before it starts",
  rangeTooLong:
    `A holiday range with its own hours spans at most ${String(MAX_RANGE_DAYS_WITH_HOURS)} days; ` +
    `list one range per year`,
  holiday: "Expected a date YYYY-MM-DD, { date, hours?, name? } or { from, to, hours?, name? }",
  holidayOverlap: "Holiday windows overlap",
}));

/** A window in minutes after the local midnight of the day that owns it; `end` may pass 1440 (overnight). */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/** A window as written, `[start, end]`. */
export type WrittenWindow = readonly [string, string];

/** A holiday as written: a date, a date with its own hours, or a range. */
export type WrittenHoliday =
  | string
  | { readonly date: string; readonly hours?: readonly WrittenWindow[] | undefined; readonly name?: string | undefined }
  | {
      readonly from: string;
      readonly to: string;
      readonly hours?: readonly WrittenWindow[] | undefined;
      readonly name?: string | undefined;
    };

/** Days from one valid `YYYY-MM-DD` date to another (negative when `to` is earlier). */
const daysBetween = (from: string, to: string): number => (dayNumberOf(to) ?? 0) - (dayNumberOf(from) ?? 0);

/** A closed range of any length costs the same; a range with its own hours is held day by day. */
export function rangeWithinLimit(range: {
  readonly from: string;
  readonly to: string;
  readonly hours?: readonly WrittenWindow[] | undefined;
}): boolean {
  return (
    range.hours === undefined ||
    range.hours.length === 0 ||
    daysBetween(range.from, range.to) < MAX_RANGE_DAYS_WITH_HOURS
  );
}

/** A written window in minutes after its day's midnight; an end before the start is the next day's. */
export function toMinutes([start, end]: WrittenWindow): Window {
  const s = clockMinutes(start);
  const e = clockMinutes(end);
  // Stryker disable next-line EqualityOperator: equivalent: an empty window (start equal to end) is refused when parsed
  return { start: s, end: e < s ? e + MINUTES_PER_DAY : e };
}

function clockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** One overlap found across fields, with the path of the later window from the spec's root. */
export interface SpecOverlap {
  readonly code: "overlapping_windows";
  readonly path: IssuePath;
  readonly message: string;
}

/**
 * The overlaps of a spec whose fields each passed: in the weekly pattern (overnight windows and the
 * Sunday-to-Monday wrap included), then within each holiday's own hours.
 */
export function specOverlaps(spec: {
  readonly week: Partial<Record<Weekday, readonly WrittenWindow[]>>;
  readonly holidays: readonly WrittenHoliday[];
}): SpecOverlap[] {
  const found: SpecOverlap[] = weeklyOverlaps(spec.week).map(({ message, path }) => ({
    code: "overlapping_windows",
    path: ["week", ...path],
    message,
  }));
  spec.holidays.forEach((holiday, index) => {
    if (typeof holiday === "string" || holiday.hours === undefined) return;
    const overlap = firstOverlap(holiday.hours.map(toMinutes));
    if (overlap !== undefined)
      found.push({
        code: "overlapping_windows",
        path: ["holidays", index, "hours", overlap],
        message: SPEC_MESSAGES.holidayOverlap,
      });
  });
  return found;
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

function weeklyOverlaps(
  week: Partial<Record<Weekday, readonly WrittenWindow[]>>,
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
