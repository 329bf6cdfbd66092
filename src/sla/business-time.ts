import { HandoffKitError } from "../core/error.js";
import { describeValue } from "../core/describe-value.js";
import { requireWholeNumber } from "../core/guards.js";
import { inDateRange, MAX_EPOCH_MS, toEpochMs, type InstantInput } from "../core/instant.js";
import {
  accrued,
  dayStart,
  holidayIndex,
  holidayOn,
  localDayOf,
  openSpansFrom,
  reachedNear,
  resolvedSpans,
  windowsOf,
  type Span,
} from "./owner-days.js";
import { compiled, type Calendar, type CompiledCalendar, type HolidayPiece } from "./calendar.js";
import { instantToWall, wallToInstant } from "../core/zone-offsets.js";
import { DAY } from "../core/duration.js";

/**
 * An interval of open business time, `[start, end)`: open at `start`, closed again at `end`.
 *
 * @example
 * ```ts
 * import type { OpenInterval } from "handoff-kit/sla";
 * const morning: OpenInterval = { start: new Date("2026-11-23T14:00:00Z"), end: new Date("2026-11-23T17:00:00Z") };
 * ```
 * @category Business time
 */
export interface OpenInterval {
  /** The first open instant. */
  readonly start: Date;
  /** The first closed instant after `start`. */
  readonly end: Date;
}

function neverOpen(detail: string): HandoffKitError {
  return new HandoffKitError("calendar_never_open", { detail });
}

/** Whether an instant can be a `Date`: open time past either end of the Date range does not exist for us. */

/** Days from 1970 to either end of the Date range. */
const DAYS_EITHER_SIDE = 100_000_000;

/**
 * A result instant, or `beyond_date_range` when it would lie past either end of the Date range; what
 * was asked is worded only then, as it costs a `toISOString`.
 */
function resultAt(ms: number, what: () => string): Date {
  if (inDateRange(ms)) return new Date(ms);
  throw new HandoffKitError("beyond_date_range", { detail: what() });
}

function durationOf(ms: number, name: string): number {
  // Number.isFinite is false for anything but a number; the typeof check is there for the type checker.
  // Stryker disable next-line ConditionalExpression: equivalent: see above
  if (typeof ms !== "number" || !Number.isFinite(ms))
    throw new HandoffKitError("invalid_duration", { detail: `${name}: ${describeValue(ms)}` });
  return Math.round(ms);
}

/**
 * Whether the calendar is open at an instant. Open intervals are half-open: at exactly a closing
 * time the calendar is closed.
 *
 * @example
 * ```ts
 * import { defineCalendar, isOpen } from "handoff-kit/sla";
 * const cal = defineCalendar({ timeZone: "Europe/London", week: { mon: [["09:00", "17:00"]] } });
 * isOpen(new Date("2026-11-23T16:59:00Z"), cal); // true
 * isOpen(new Date("2026-11-23T17:00:00Z"), cal); // false: closing time
 * ```
 * @category Business time
 */
export function isOpen(at: InstantInput, calendar: Calendar): boolean {
  const cal = compiled(calendar, "isOpen");
  const t = toEpochMs(at, "isOpen: at");
  const day = localDayOf(cal, t);
  for (let owner = day - 3; owner <= day; owner += 1) {
    if (resolvedSpans(cal, owner).some((span) => span.start <= t && t < span.end)) return true;
  }
  return false;
}

/**
 * The first open instant at or after `at` (`at` itself when open). Throws `calendar_never_open` when
 * the calendar never opens again.
 *
 * @example
 * ```ts
 * import { defineCalendar, nextOpen } from "handoff-kit/sla";
 * const cal = defineCalendar({ timeZone: "America/New_York", week: { mon: [["09:00", "17:00"]] } });
 * nextOpen(new Date("2026-11-21T12:00:00Z"), cal); // Monday 2026-11-23 09:00 New York (14:00Z)
 * ```
 * @category Business time
 */
export function nextOpen(at: InstantInput, calendar: Calendar): Date {
  const cal = compiled(calendar, "nextOpen");
  const t = toEpochMs(at, "nextOpen: at");
  const asked = () => `the next open time after ${new Date(t).toISOString()}`;
  const near = reachedNear(cal, t, 0);
  if (near !== undefined) return resultAt(near, asked);
  for (const span of openSpansFrom(cal, t)) return resultAt(span.start, asked);
  throw neverOpen(`no open time after ${new Date(t).toISOString()}`);
}

/**
 * The end of the open interval holding `at`, or of the next one when closed at `at`; `null` when the
 * calendar never closes again (open around the clock with no holiday ahead) or never opens again.
 *
 * @example
 * ```ts
 * import { defineCalendar, nextClose } from "handoff-kit/sla";
 * const cal = defineCalendar({ timeZone: "America/New_York", week: { mon: [["09:00", "17:00"]] } });
 * nextClose(new Date("2026-11-23T15:00:00Z"), cal); // 2026-11-23 17:00 New York (22:00Z)
 * ```
 * @category Business time
 */
export function nextClose(at: InstantInput, calendar: Calendar): Date | null {
  const cal = compiled(calendar, "nextClose");
  const t = toEpochMs(at, "nextClose: at");
  for (const span of openSpansFrom(cal, t)) return inDateRange(span.end) ? new Date(span.end) : null;
  return null;
}

/**
 * The latest closing time at or before `at`; `null` when the calendar never closed before `at`.
 *
 * @example
 * ```ts
 * import { defineCalendar, previousClose } from "handoff-kit/sla";
 * const cal = defineCalendar({ timeZone: "America/New_York", week: { fri: [["09:00", "17:00"]] } });
 * previousClose(new Date("2026-11-23T15:00:00Z"), cal); // Friday 2026-11-20 17:00 New York (22:00Z)
 * ```
 * @category Business time
 */
export function previousClose(at: InstantInput, calendar: Calendar): Date | null {
  const cal = compiled(calendar, "previousClose");
  let t = toEpochMs(at, "previousClose: at");
  // Inside a closed stretch, nothing is open after the end of its first day (only the day before's
  // overnight window reaches into that one): look back from there, however long the stretch.
  const since = holidayOn(cal, localDayOf(cal, t))?.closedSince;
  // Inside the stretch nothing is open, so looking back from `at` itself finds the same close, later.
  // Stryker disable next-line MethodExpression: performance only: see above
  if (since !== undefined) t = Math.min(t, dayStart(cal, since + 1));
  const firstHoliday = cal.holidays[0]?.from;
  const furthest = Math.max(15, firstHoliday === undefined ? 0 : localDayOf(cal, t) - firstHoliday + 15);
  // Stryker disable next-line MethodExpression: performance only: looking back furthest at once finds the same close.
  for (let lookback = 8; ; lookback = Math.min(lookback * 4, furthest)) {
    let latest: number | undefined;
    for (const span of openSpansFrom(cal, t - lookback * DAY)) {
      // Stryker disable next-line EqualityOperator: equivalent: a span that starts at `t` cannot end by `t`.
      if (span.start > t || !Number.isFinite(span.end)) break;
      if (span.end <= t) latest = span.end;
    }
    if (latest !== undefined) return inDateRange(latest) ? new Date(latest) : null;
    if (lookback >= furthest) return null;
  }
}

/**
 * The business time between two instants, in milliseconds: real elapsed time inside open intervals
 * (so a 00:00-06:00 window holds 5 hours on the spring-forward night). Signed: negative when
 * `to < from`. Additive: between(a, b) + between(b, c) = between(a, c). Its cost does not grow with
 * the span.
 *
 * @example
 * ```ts
 * import { businessTimeBetween, defineCalendar, hours } from "handoff-kit/sla";
 * const cal = defineCalendar({
 *   timeZone: "America/New_York",
 *   week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
 * });
 * // Mon 15:00 to Tue 11:00
 * businessTimeBetween(new Date("2026-11-23T20:00:00Z"), new Date("2026-11-24T16:00:00Z"), cal) === hours(4);
 * ```
 * @category Business time
 */
export function businessTimeBetween(from: InstantInput, to: InstantInput, calendar: Calendar): number {
  const cal = compiled(calendar, "businessTimeBetween");
  const a = toEpochMs(from, "businessTimeBetween: from");
  const b = toEpochMs(to, "businessTimeBetween: to");
  const reference = localDayOf(cal, a);
  return accrued(cal, reference, b) - accrued(cal, reference, a);
}

/**
 * The instant by which `ms` of business time has accrued since `at`. Landing exactly on a closing
 * time returns the closing time; `ms = 0` returns `nextOpen(at)`; a negative `ms` walks back to the
 * latest instant with `|ms|` of business time before `at` (landing on an opening time returns it).
 * Throws `calendar_never_open` when the calendar runs out of open time, `invalid_duration` for a
 * non-finite `ms`. Durations are rounded to whole milliseconds.
 *
 * @example
 * ```ts
 * import { addBusinessTime, defineCalendar, hours } from "handoff-kit/sla";
 * const cal = defineCalendar({
 *   timeZone: "America/New_York",
 *   week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
 * });
 * addBusinessTime(new Date("2026-11-23T20:00:00Z"), hours(8), cal); // Tue 2026-11-24 15:00 New York
 * ```
 * @category Business time
 */
export function addBusinessTime(at: InstantInput, ms: number, calendar: Calendar): Date {
  const cal = compiled(calendar, "addBusinessTime");
  const t = toEpochMs(at, "addBusinessTime: at");
  const d = durationOf(ms, "addBusinessTime: ms");
  if (d === 0) return nextOpen(t, calendar);
  // Business time never exceeds real time, and the Date range holds 2 x 8.64e15 ms of it: a longer
  // duration lands past an end. Saying so first keeps the search among day numbers a double counts exactly.
  if (Math.abs(d) > 2 * MAX_EPOCH_MS)
    throw new HandoffKitError("beyond_date_range", { detail: `addBusinessTime: ${String(d)} ms of business time` });
  if (d > 0 && d <= cal.weekMs) {
    // An SLA's target (an hour, a day's hours) is reached within a few days of the start: walking their
    // open time gives the instant the search below finds (the same spans, the same "reached at" rule)
    // without estimating and searching for the day first. A target past a week's hours goes straight to
    // the search, as does one not reached within the days walked.
    const near = reachedNear(cal, t, d);
    if (near !== undefined)
      return resultAt(near, () => `${String(d)} ms of business time after ${new Date(t).toISOString()}`);
  }
  const reference = localDayOf(cal, t);
  const target = accrued(cal, reference, t) + d;
  // The estimate and the search probe some days twice; each day's value is computed once.
  const seen = new Map<number, number>();
  const accruedAtDay = (day: number): number => {
    let value = seen.get(day);
    if (value === undefined) {
      value = accrued(cal, reference, dayStart(cal, day));
      seen.set(day, value);
    }
    return value;
  };
  const estimate = estimateDay(cal, reference, target, accruedAtDay);
  if (d > 0) {
    const day = lastDayWhere(cal, reference, estimate, (n) => accruedAtDay(n) < target, d);
    let total = accruedAtDay(day);
    for (const span of openSpansFrom(cal, dayStart(cal, day))) {
      if (total + (span.end - span.start) >= target)
        return resultAt(
          span.start + (target - total),
          () => `${String(d)} ms of business time after ${new Date(t).toISOString()}`,
        );
      total += span.end - span.start;
    }
    throw neverOpen(`less than ${String(d)} ms of business time after ${new Date(t).toISOString()}`);
  }
  // An earlier day that holds gives the walk below the same instant (see lastDayWhere's comment).
  // Stryker disable next-line EqualityOperator: performance only: see above
  const day = lastDayWhere(cal, reference, estimate, (n) => accruedAtDay(n) <= target, d);
  let total = accruedAtDay(day);
  for (const span of openSpansFrom(cal, dayStart(cal, day))) {
    if (target < total + (span.end - span.start))
      return resultAt(
        span.start + (target - total),
        () => `${String(-d)} ms of business time before ${new Date(t).toISOString()}`,
      );
    total += span.end - span.start;
  }
  throw neverOpen(`no open time before ${new Date(t).toISOString()}`);
}

/**
 * The day on which business time accrued since `reference` should reach `target`: a week-rate guess
 * refined by a few secant steps, which take in the holidays and DST changes the guess ignores.
 */
function estimateDay(
  cal: CompiledCalendar,
  reference: number,
  target: number,
  accruedAtDay: (day: number) => number,
): number {
  if (cal.weekMs === 0) return reference;
  let day = reference;
  for (let step = 0; step < 3; step += 1) {
    // A worse estimate costs the search more steps, not a different day.
    // Stryker disable next-line ArithmeticOperator: performance only: see above
    const move = Math.trunc(((target - accruedAtDay(day)) / cal.weekMs) * 7);
    if (move === 0) break;
    day += move;
  }
  return day;
}

/**
 * The last local day `n` for which `holds(n)` is true, where `holds` is true up to some day and false
 * after it. The search gallops out from an estimate, so its cost grows with the log of the estimate's
 * error, not with the span. Its callers walk forward from the day it returns, so an earlier day that
 * holds gives them the same instant: the mutants marked "performance only" here (a wider or narrower
 * bracket, a shorter search) change how many days are probed, never the answer.
 */
function lastDayWhere(
  cal: CompiledCalendar,
  reference: number,
  estimate: number,
  holds: (day: number) => boolean,
  d: number,
): number {
  const { earliest, latest } = searchBounds(cal, reference, d);
  let lo: number;
  let hi: number;
  if (holds(estimate)) {
    lo = estimate;
    let step = 2;
    while (lo + step <= latest && holds(lo + step)) {
      lo += step;
      step *= 2;
    }
    // Stryker disable next-line MethodExpression,ArithmeticOperator: performance only: see lastDayWhere's comment.
    hi = Math.min(lo + step, latest + 1);
  } else {
    hi = estimate;
    let step = 2;
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: performance only: see lastDayWhere's comment.
    while (hi - step >= earliest && !holds(hi - step)) {
      hi -= step;
      step *= 2;
    }
    lo = hi - step;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see lastDayWhere's comment.
    if (lo < earliest) {
      if (!holds(earliest)) throw neverOpen("no open time before the first holiday with hours");
      lo = earliest;
    }
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see lastDayWhere's comment.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    // Stryker disable next-line ConditionalExpression: performance only: see lastDayWhere's comment.
    if (holds(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** How far the search may look: unbounded for a calendar with a weekly pattern, the holidays' reach for one without. */
function searchBounds(cal: CompiledCalendar, reference: number, d: number): { earliest: number; latest: number } {
  if (cal.weekMs > 0) {
    const reach = Math.ceil((Math.abs(d) / cal.weekMs) * 7) + 7 + holidayExtent(cal);
    return { earliest: reference - reach - 3, latest: reference + reach + 3 };
  }
  const first = cal.holidays[0]?.from;
  const last = cal.holidays.at(-1)?.to;
  if (first === undefined || last === undefined)
    throw neverOpen("the calendar has no open windows and no holidays with hours");
  const earliest = Math.min(reference, first) - 3;
  // A latest bound too low stops the search on an earlier day that holds (see lastDayWhere's comment).
  // Stryker disable next-line ArithmeticOperator,MethodExpression: performance only: see above
  const latest = Math.max(reference, last) + 3;
  return { earliest, latest };
}

/**
 * Steps `n` business days (local dates that own an open window) from `at`, keeping its local time of
 * day, then moves forward to the next open instant if that time is closed. `n = 0` returns
 * `nextOpen(at)`; a negative `n` steps back.
 *
 * @example
 * ```ts
 * import { addBusinessDays, defineCalendar } from "handoff-kit/sla";
 * const weekdays = [["09:00", "17:00"]] as [string, string][];
 * const cal = defineCalendar({
 *   timeZone: "Europe/London",
 *   week: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
 * });
 * addBusinessDays(new Date("2026-11-20T10:30:00Z"), 1, cal); // Monday 2026-11-23 10:30 London
 * ```
 * @category Business time
 */
export function addBusinessDays(at: InstantInput, n: number, calendar: Calendar): Date {
  const cal = compiled(calendar, "addBusinessDays");
  const t = toEpochMs(at, "addBusinessDays: at");
  requireWholeNumber(n, "addBusinessDays: n (business days)");
  // The Date range holds 200,000,000 days: more business days than that land past an end. Saying so
  // first also keeps the day stepping from running where a day number no longer changes by one (2^53).
  if (Math.abs(n) > 2 * DAYS_EITHER_SIDE)
    throw new HandoffKitError("beyond_date_range", { detail: `addBusinessDays: ${String(n)} business days` });
  if (n === 0) return nextOpen(t, calendar);
  const wall = instantToWall(cal.rules, t);
  const day = Math.floor(wall / DAY);
  const timeOfDay = wall - day * DAY;
  const target = stepBusinessDays(cal, day, n);
  const landing = wallToInstant(cal.rules, target * DAY + timeOfDay);
  if (!inDateRange(landing))
    throw new HandoffKitError("beyond_date_range", {
      detail: `addBusinessDays: ${String(n)} business days from ${new Date(t).toISOString()}`,
    });
  return nextOpen(landing, calendar);
}

function isBusinessDay(cal: CompiledCalendar, day: number): boolean {
  return windowsOf(cal, day).length > 0;
}

function stepBusinessDays(cal: CompiledCalendar, from: number, n: number): number {
  const perWeek = cal.weekly.filter((windows) => windows.length > 0).length;
  if (perWeek === 0) return stepDaysWithHours(cal, from, n);
  const direction = Math.sign(n);
  let day = from;
  let left = Math.abs(n);
  while (left > 0) {
    // Whole weeks at once, as far as the next holiday: each holds exactly perWeek business days.
    // With no whole week to jump (weeks = 0 below) or no jump at all, the day-by-day step counts the same
    // days.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement: performance only
    if (perWeek > 0 && left > perWeek) {
      // Stryker disable next-line EqualityOperator: equivalent: direction is 1 or -1, never 0.
      const holiday = direction > 0 ? nextHolidayAfter(cal, day) : previousHolidayBefore(cal, day);
      const room = holiday === undefined ? Number.POSITIVE_INFINITY : Math.floor((Math.abs(holiday - day) - 1) / 7);
      const weeks = Math.min(Math.floor((left - 1) / perWeek), room);
      // Without the jump, the day-by-day step counts the same days.
      // Stryker disable next-line ConditionalExpression,BlockStatement: performance only: see above
      if (weeks > 0) {
        day += direction * 7 * weeks;
        left -= weeks * perWeek;
        continue;
      }
    }
    day += direction;
    // A closed stretch holds no business day: cross it at once.
    const closed = holidayOn(cal, day);
    // Stryker disable next-line EqualityOperator: equivalent: direction is 1 or -1, never 0.
    if (closed?.closedUntil !== undefined && closed.closedSince !== undefined)
      // Stryker disable next-line EqualityOperator: equivalent: direction is 1 or -1, never 0.
      day = direction > 0 ? closed.closedUntil : closed.closedSince;
    if (isBusinessDay(cal, day)) left -= 1;
  }
  return day;
}

/**
 * With no weekly windows, the business days are the holidays with hours (pieces of one day each):
 * count them off from the holiday list instead of walking the days between them.
 */
function stepDaysWithHours(cal: CompiledCalendar, from: number, n: number): number {
  // Stryker disable next-line EqualityOperator: equivalent: n is never 0 here (addBusinessDays answers 0 itself).
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  // Stryker disable next-line EqualityOperator: equivalent: n is never 0 here (addBusinessDays answers 0 itself).
  for (
    // Stryker disable next-line EqualityOperator: equivalent: as above
    let index = n > 0 ? holidayIndex(cal, from + 1) : holidayIndex(cal, from) - 1;
    // Stryker disable next-line EqualityOperator: equivalent: as above
    index >= 0 && index < cal.holidays.length;
    index += step
  ) {
    const piece = cal.holidays[index] as HolidayPiece;
    if (piece.windows.length === 0) continue;
    left -= 1;
    if (left === 0) return piece.from;
  }
  throw neverOpen("no further business days");
}

/**
 * The first holiday day after `day`, or undefined. Only the week jumps of stepBusinessDays use this and
 * previousHolidayBefore, and a holiday reported nearer than it is only shortens a jump: the mutants
 * marked "performance only" in the two change the cost, never the count.
 */
function nextHolidayAfter(cal: CompiledCalendar, day: number): number | undefined {
  // Stryker disable next-line ArithmeticOperator: performance only: see nextHolidayAfter's comment.
  const piece = cal.holidays[holidayIndex(cal, day + 1)];
  // Stryker disable next-line MethodExpression,ArithmeticOperator: performance only: see nextHolidayAfter's comment.
  return piece === undefined ? undefined : Math.max(piece.from, day + 1);
}

/** The last holiday day before `day`, or undefined. */
function previousHolidayBefore(cal: CompiledCalendar, day: number): number | undefined {
  // Stryker disable next-line ArithmeticOperator: performance only: see nextHolidayAfter's comment.
  const index = holidayIndex(cal, day - 1);
  const piece = cal.holidays[index];
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: performance only (nextHolidayAfter's comment).
  return piece !== undefined && piece.from <= day - 1 ? day - 1 : cal.holidays[index - 1]?.to;
}

/** Days from the first holiday to the last, plus a week; 0 without holidays. */
function holidayExtent(cal: CompiledCalendar): number {
  const first = cal.holidays[0];
  const last = cal.holidays.at(-1);
  return first === undefined || last === undefined ? 0 : last.to - first.from + 7;
}

/**
 * The open intervals that meet `[from, to)`, clipped to it, in order, produced lazily (for timelines
 * in a UI, and for traces).
 *
 * @example
 * ```ts
 * import { defineCalendar, openIntervals } from "handoff-kit/sla";
 * const cal = defineCalendar({
 *   timeZone: "America/New_York",
 *   week: { mon: [["09:00", "12:00"], ["13:00", "17:00"]] },
 * });
 * for (const { start, end } of openIntervals(
 *   new Date("2026-11-23T00:00:00Z"),
 *   new Date("2026-11-24T00:00:00Z"),
 *   cal,
 * )) {
 *   console.log(start.toISOString(), end.toISOString()); // 14:00Z-17:00Z, then 18:00Z-22:00Z
 * }
 * ```
 * @category Business time
 */
export function* openIntervals(
  from: InstantInput,
  to: InstantInput,
  calendar: Calendar,
): Generator<OpenInterval, void, undefined> {
  const cal = compiled(calendar, "openIntervals");
  const a = toEpochMs(from, "openIntervals: from");
  const b = toEpochMs(to, "openIntervals: to");
  for (const span of openSpansFrom(cal, a) as Iterable<Span>) {
    if (span.start >= b) return;
    // Open time past the end of the Date range does not exist for us: the last interval ends with it.
    // A span that starts before `to` starts inside the Date range, since `to` is an instant.
    // Stryker disable next-line ConditionalExpression: equivalent: see above
    if (!inDateRange(span.start)) return;
    yield { start: new Date(span.start), end: new Date(Math.min(span.end, b, MAX_EPOCH_MS)) };
  }
}
