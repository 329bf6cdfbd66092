import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { dayNumberOf } from "../core/days.js";
import { parseChecked } from "../core/parse.js";
import type { ParseOptions, Result } from "../core/result.js";
import { firstIndexAtLeast } from "../core/search.js";
import { MinHeap } from "../core/min-heap.js";
import { zoneRules, type ZoneRules } from "../core/zone-offsets.js";
import { DAY, MINUTE } from "../core/duration.js";
import { toMinutes, type Window } from "./calendar-spec.js";
import type { CalendarSpec, CheckedCalendarSpec } from "./calendar-spec-schema.js";
import { checkCalendarSpec } from "./check-calendar-spec.js";

const SUNDAY_FIRST = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

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
  readonly spec: CheckedCalendarSpec;
  /** @internal */
  readonly [compiledKey]: true;
}

const compiledByCalendar = new WeakMap<Calendar, CompiledCalendar>();

/** Whether a value is a calendar `defineCalendar` or `parseCalendar` made. */
export const isCalendar = (value: unknown): value is Calendar =>
  typeof value === "object" && value !== null && compiledByCalendar.has(value as Calendar);

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
  const parsed = parseChecked(checkCalendarSpec, input, options, "parseCalendar");
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

function build(spec: CheckedCalendarSpec): Calendar {
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

type HolidaySpec = CheckedCalendarSpec["holidays"][number];

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
