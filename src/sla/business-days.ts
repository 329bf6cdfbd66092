import { firstIndexAtLeast } from "../core/search.js";
import { weekdayOf, type CompiledCalendar, type Window } from "./calendar.js";
import { DAY, instantToWall, MINUTE, transitionsBetween, wallToInstant } from "./zone.js";

// Business time is counted by "owner days". Each local day owns its windows (an overnight window
// belongs to the day it starts on), resolved to instants in the calendar's zone. The calendar is open
// on the union of all resolved windows. So that the days partition that union exactly, even where a
// DST gap folds one window onto another, a day is credited only with the part of its windows that the
// two days before it do not already cover.
//
// A day far from holidays and DST changes is credited exactly its weekday's wall-clock total, so long
// spans are summed in closed form; only the "special" days (holidays, the day after one, the days
// around an offset change) are resolved one by one, once per block of days, and kept with prefix sums.

/** A half-open interval of instants [start, end), in epoch ms. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The local day number of an instant in the calendar's zone. */
export function localDayOf(cal: CompiledCalendar, at: number): number {
  return Math.floor(instantToWall(cal.rules, at) / DAY);
}

/** The instant the local day starts (its midnight, resolved forward if the zone skips it). */
export function dayStart(cal: CompiledCalendar, day: number): number {
  return wallToInstant(cal.rules, day * DAY);
}

/** The index of the first holiday on or after `day` (binary search). */
export function holidayIndex(cal: CompiledCalendar, day: number): number {
  return firstIndexAtLeast(cal.holidayDays, day);
}

/** The windows a local day owns: its holiday hours if it is a holiday, else its weekday's. */
export function windowsOf(cal: CompiledCalendar, day: number): readonly Window[] {
  const index = holidayIndex(cal, day);
  if (cal.holidayDays[index] === day) return cal.holidayWindows[index] ?? [];
  return cal.weekly[weekdayOf(day)] ?? [];
}

/** A day's windows resolved to instants, sorted, overlapping or touching ones merged. */
export function resolvedSpans(cal: CompiledCalendar, day: number): Span[] {
  const spans: Span[] = [];
  for (const window of windowsOf(cal, day)) {
    const start = wallToInstant(cal.rules, day * DAY + window.start * MINUTE);
    const end = wallToInstant(cal.rules, day * DAY + window.end * MINUTE);
    if (end > start) spans.push({ start, end });
  }
  return mergeSpans(spans);
}

/** Sorts spans and merges those that overlap or touch. */
export function mergeSpans(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  let current = spans[0] as Span;
  for (let i = 1; i < spans.length; i += 1) {
    const next = spans[i] as Span;
    if (next.start <= current.end) current = { start: current.start, end: Math.max(current.end, next.end) };
    else {
      merged.push(current);
      current = next;
    }
  }
  merged.push(current);
  return merged;
}

/** `spans` minus `cut`, both sorted and disjoint. */
export function subtract(spans: readonly Span[], cut: readonly Span[]): Span[] {
  if (cut.length === 0) return [...spans];
  const out: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    for (const c of cut) {
      if (c.end <= start || c.start >= span.end) continue;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
      if (start >= span.end) break;
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}

/** The part of the open set credited to a day: its resolved windows less the two days before. */
export function creditedSpans(cal: CompiledCalendar, day: number): Span[] {
  const own = resolvedSpans(cal, day);
  if (own.length === 0 || !isSpecialDay(cal, day)) return own;
  return subtract(own, mergeSpans([...resolvedSpans(cal, day - 2), ...resolvedSpans(cal, day - 1)]));
}

const measure = (spans: readonly Span[]): number => spans.reduce((sum, span) => sum + span.end - span.start, 0);

// ---------------------------------------------------------------------------------------------
// Special days, per block of local days, with the correction each adds to its weekday's total.

const BLOCK_DAYS = 512;

interface SpecialBlock {
  readonly days: readonly number[];
  /** prefix[i] = sum of corrections of days[0..i). */
  readonly prefix: readonly number[];
}

const blocksByCalendar = new WeakMap<CompiledCalendar, Map<number, SpecialBlock>>();

function specialBlock(cal: CompiledCalendar, block: number): SpecialBlock {
  let blocks = blocksByCalendar.get(cal);
  if (blocks === undefined) {
    blocks = new Map();
    blocksByCalendar.set(cal, blocks);
  }
  const cached = blocks.get(block);
  if (cached !== undefined) return cached;

  const first = block * BLOCK_DAYS;
  const last = first + BLOCK_DAYS; // exclusive
  const marked = new Set<number>();
  const mark = (day: number): void => {
    if (day >= first && day < last) marked.add(day);
  };
  for (let i = holidayIndex(cal, first - 1); i < cal.holidayDays.length; i += 1) {
    const day = cal.holidayDays[i] ?? 0;
    if (day >= last) break;
    mark(day);
    mark(day + 1);
  }
  // Offset changes: every day whose windows, or whose two predecessors' windows, could reach it.
  for (const change of transitionsBetween(cal.rules, (first - 3) * DAY, (last + 3) * DAY)) {
    const a = Math.floor((change.at + change.before) / DAY);
    const b = Math.floor((change.at + change.after) / DAY);
    for (let day = Math.min(a, b) - 1; day <= Math.max(a, b) + 2; day += 1) mark(day);
  }
  const days = [...marked].sort((x, y) => x - y);
  const prefix = [0];
  let running = 0;
  for (const day of days) {
    const credited = measure(subtract(resolvedSpans(cal, day), mergeSpans([...resolvedSpans(cal, day - 2), ...resolvedSpans(cal, day - 1)])));
    running += credited - (cal.weeklyMs[weekdayOf(day)] ?? 0);
    prefix.push(running);
  }
  const result = { days, prefix };
  blocks.set(block, result);
  return result;
}

function isSpecialDay(cal: CompiledCalendar, day: number): boolean {
  const { days } = specialBlock(cal, Math.floor(day / BLOCK_DAYS));
  return days[firstIndexAtLeast(days, day)] === day;
}

/** Sum of corrections of special days in [from, to), from <= to, within one block. */
function correctionsInBlock(block: SpecialBlock, from: number, to: number): number {
  return (block.prefix[firstIndexAtLeast(block.days, to)] ?? 0) - (block.prefix[firstIndexAtLeast(block.days, from)] ?? 0);
}

/** Business time credited to the days [from, to) in closed form; negative when to < from. */
export function creditedBetweenDays(cal: CompiledCalendar, from: number, to: number): number {
  if (to < from) return 0 - creditedBetweenDays(cal, to, from); // 0 - x, not -x: no -0
  const days = to - from;
  let total = Math.floor(days / 7) * cal.weekMs;
  for (let i = 0; i < days % 7; i += 1) total += cal.weeklyMs[weekdayOf(from + i)] ?? 0;
  for (let block = Math.floor(from / BLOCK_DAYS); block * BLOCK_DAYS < to; block += 1) {
    const special = specialBlock(cal, block);
    const blockFrom = Math.max(from, block * BLOCK_DAYS);
    const blockTo = Math.min(to, (block + 1) * BLOCK_DAYS);
    total += blockFrom === block * BLOCK_DAYS && blockTo === (block + 1) * BLOCK_DAYS ? (special.prefix.at(-1) ?? 0) : correctionsInBlock(special, blockFrom, blockTo);
  }
  return total;
}

/**
 * Business time from the start of `reference` (a local day) to `at`: the days wholly before `at` in
 * closed form, then the credited spans of the last three days up to `at`. Differences of this
 * function are business time, so between(a, b) + between(b, c) = between(a, c) holds exactly.
 */
export function accrued(cal: CompiledCalendar, reference: number, at: number): number {
  const day = localDayOf(cal, at);
  let total = creditedBetweenDays(cal, reference, day - 2);
  for (let owner = day - 2; owner <= day; owner += 1) {
    for (const span of creditedSpans(cal, owner)) {
      if (span.start >= at) break;
      total += Math.min(span.end, at) - span.start;
    }
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// The open set as a sequence of maximal intervals.

const NEVER = Number.POSITIVE_INFINITY;

function nextHolidayWithHours(cal: CompiledCalendar, day: number): number | undefined {
  for (let i = holidayIndex(cal, day); i < cal.holidayDays.length; i += 1) {
    if ((cal.holidayWindows[i]?.length ?? 0) > 0) return cal.holidayDays[i];
  }
  return undefined;
}

/**
 * The maximal open intervals that end after `from`, in order, the first clipped to start no earlier
 * than `from`. Ends when the calendar is never open again; an interval that never closes has end
 * `Infinity`.
 */
export function* openSpansFrom(cal: CompiledCalendar, from: number): Generator<Span> {
  const lastHoliday = cal.holidayDays.at(-1) ?? Number.NEGATIVE_INFINITY;
  let day = localDayOf(cal, from) - 2;
  let pending: Span | undefined;
  const buffer: Span[] = [];
  // Adds the next span in order: extends what is pending, or returns the pending span, now complete.
  const absorb = (span: Span): Span | undefined => {
    if (pending !== undefined && span.start <= pending.end) {
      pending = { start: pending.start, end: Math.max(pending.end, span.end) };
      return undefined;
    }
    const complete = pending;
    pending = span;
    return complete;
  };
  for (;;) {
    if (cal.weekMs === 0) {
      const next = nextHolidayWithHours(cal, day);
      if (next === undefined) break;
      day = Math.max(day, next);
    } else if (cal.alwaysOpen && day > lastHoliday + 2) {
      // Open every instant from here on: settle what is buffered, then the last stretch never closes.
      buffer.sort((a, b) => a.start - b.start);
      for (const span of buffer.splice(0)) {
        const complete = absorb(span);
        if (complete !== undefined) yield clip(complete, from);
      }
      yield clip({ start: pending?.start ?? dayStart(cal, day - 2), end: NEVER }, from);
      return;
    }
    for (const span of creditedSpans(cal, day)) if (span.end > from) buffer.push(span);
    // No day after this one can own time before the start of the day before it, so spans ending
    // before then are final.
    const settled = dayStart(cal, day - 1);
    buffer.sort((a, b) => a.start - b.start);
    while (buffer.length > 0 && (buffer[0]?.end ?? 0) < settled) {
      const complete = absorb(buffer.shift() as Span);
      if (complete !== undefined) yield clip(complete, from);
    }
    day += 1;
  }
  buffer.sort((a, b) => a.start - b.start);
  for (const span of buffer) {
    const complete = absorb(span);
    if (complete !== undefined) yield clip(complete, from);
  }
  const last = absorb({ start: NEVER, end: NEVER });
  if (last !== undefined) yield clip(last, from);
}

const clip = (span: Span, from: number): Span => ({ start: Math.max(span.start, from), end: span.end });
