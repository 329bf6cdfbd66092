import { firstIndexAtLeast } from "../core/search.js";
import { weekdayOf } from "../core/days.js";
import type { CompiledCalendar, HolidayPiece } from "./calendar.js";
import type { Window } from "./calendar-spec.js";
import {
  instantToWall,
  REPEAT_DAYS,
  REPEATS_FROM_MS,
  STEADY_BEFORE_MS,
  transitionsBetween,
  wallToInstant,
} from "../core/zone-offsets.js";
import { DAY, MINUTE } from "../core/duration.js";

// Business time is counted by "owner days". Each local day owns its windows (an overnight window
// belongs to the day it starts on), resolved to instants in the calendar's zone. The calendar is open
// on the union of all resolved windows. So that the days partition that union exactly, even where a
// DST gap folds one window onto another, a day is credited only with the part of its windows that the
// two days before it do not already cover.
//
// A day far from holidays and DST changes is credited exactly its weekday's wall-clock total, so the
// business time of a run of days is a sum of three parts, each in closed form or nearly:
// - the weekly pattern's wall-clock total (whole weeks at once);
// - the corrections of the days around the zone's offset changes, as the weekly pattern alone would
//   be credited: resolved once per block of days and kept with prefix sums. No zone changes its offset
//   before STEADY_BEFORE_MS, and from REPEATS_FROM_MS on the changes repeat every 400 years (146,097
//   days, a whole number of weeks), so only the blocks of one stretch of about 700 years are ever
//   resolved, whatever the span;
// - the holidays, in clusters (pieces whose reach, the piece and the two days after it, touch): the
//   days a cluster reaches as credited, less what the first two parts counted for them. A closed
//   stretch is credited nothing, so a closed range costs the same whatever its length.

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

/** The index of the first holiday piece that ends on or after `day` (binary search). */
export function holidayIndex(cal: CompiledCalendar, day: number): number {
  return firstIndexAtLeast(cal.holidayEnds, day);
}

/** The holiday piece that holds `day`, or undefined. */
export function holidayOn(cal: CompiledCalendar, day: number): HolidayPiece | undefined {
  const piece = cal.holidays[holidayIndex(cal, day)];
  return piece !== undefined && piece.from <= day ? piece : undefined;
}

/** The windows a local day owns: its holiday hours if it is a holiday, else its weekday's. */
export function windowsOf(cal: CompiledCalendar, day: number): readonly Window[] {
  return holidayOn(cal, day)?.windows ?? cal.weekly[weekdayOf(day)] ?? [];
}

/** A day's windows resolved to instants, sorted, overlapping or touching ones merged. */
export function resolvedSpans(cal: CompiledCalendar, day: number): readonly Span[] {
  return cachedDay(resolvedByCalendar, cal, day, () => resolve(cal, day, windowsOf(cal, day)));
}

// A day's spans are a pure function of the calendar and the day, and an SLA clock or a business-time
// walk asks for the same few days again and again (each a zone lookup per window edge): kept per
// calendar, for at most DAY_CACHE days each, so a long-running process cannot grow them without bound.
const DAY_CACHE = 4_096;
const resolvedByCalendar = new WeakMap<CompiledCalendar, Map<number, readonly Span[]>>();
const creditedByCalendar = new WeakMap<CompiledCalendar, Map<number, readonly Span[]>>();

/** A calendar's own map in `store`, made the first time the calendar is asked about. */
function mapOf<V>(store: WeakMap<CompiledCalendar, Map<number, V>>, cal: CompiledCalendar): Map<number, V> {
  let map = store.get(cal);
  if (map === undefined) {
    map = new Map();
    store.set(cal, map);
  }
  return map;
}

function cachedDay(
  caches: WeakMap<CompiledCalendar, Map<number, readonly Span[]>>,
  cal: CompiledCalendar,
  day: number,
  compute: () => readonly Span[],
): readonly Span[] {
  const days = mapOf(caches, cal);
  const cached = days.get(day);
  if (cached !== undefined) return cached;
  const spans = Object.freeze(compute());
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: a cleared cache recomputes
  if (days.size >= DAY_CACHE) days.clear();
  days.set(day, spans);
  return spans;
}

/** Windows placed on a local day and resolved to instants, sorted, merged. */
function resolve(cal: CompiledCalendar, day: number, windows: readonly Window[]): Span[] {
  const spans: Span[] = [];
  for (const window of windows) {
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
      // A cut piece that starts at the span's end removes nothing, skipped or not.
      // Stryker disable next-line EqualityOperator: equivalent: see above
      if (c.end <= start || c.start >= span.end) continue;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
      // Once start reaches the span's end, the later cut pieces (sorted) remove nothing.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
      if (start >= span.end) break;
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}

/** The part of the open set credited to a day: its resolved windows less the two days before. */
export function creditedSpans(cal: CompiledCalendar, day: number): readonly Span[] {
  return cachedDay(creditedByCalendar, cal, day, () => {
    const own = resolvedSpans(cal, day);
    if (own.length === 0 || !isSpecialDay(cal, day)) return own;
    return subtract(own, mergeSpans([...resolvedSpans(cal, day - 2), ...resolvedSpans(cal, day - 1)]));
  });
}

const measure = (spans: readonly Span[]): number => spans.reduce((sum, span) => sum + span.end - span.start, 0);

/** A day whose credit may differ from its weekday's total: near an offset change or a holiday. */
function isSpecialDay(cal: CompiledCalendar, day: number): boolean {
  // An ordinary day's windows overlap nothing of the two days before, so subtracting them changes nothing.
  // Stryker disable next-line ConditionalExpression: performance only: see above
  return isNearOffsetChange(cal, day) || holidayReaches(cal, day);
}

/** Whether a holiday piece holds `day` or one of the two days before it. */
function holidayReaches(cal: CompiledCalendar, day: number): boolean {
  const piece = cal.holidays[holidayIndex(cal, day - 2)];
  // A day wrongly called special is subtracted from, or walked, for the same result.
  // Stryker disable next-line ConditionalExpression: performance only: see above
  return piece !== undefined && piece.from <= day;
}

/** The weekly pattern's wall-clock total over the days [from, to), from <= to. */
function weeklyBetween(cal: CompiledCalendar, from: number, to: number): number {
  const days = to - from;
  let total = Math.floor(days / 7) * cal.weekMs;
  for (let i = 0; i < days % 7; i += 1) total += cal.weeklyMs[weekdayOf(from + i)] ?? 0;
  return total;
}

// ---------------------------------------------------------------------------------------------
// Offset changes: the days around each, per block of local days, with the correction each adds to
// its weekday's total under the weekly pattern alone (holidays are the clusters' part).

// 128 days: a new calendar's first call resolves the changes of a few months, not of years.
const BLOCK_DAYS = 128;
/** Days before this one are credited their weekday's total: no offset change reaches them. */
const QUIET_BEFORE_DAY = Math.floor(STEADY_BEFORE_MS / DAY) - 3;
/** From this day on, a day's correction is that of the same day 146,097 days earlier. */
const REPEATING_DAY = Math.floor(REPEATS_FROM_MS / DAY) + 3;

interface ChangeBlock {
  readonly days: readonly number[];
  /** prefix[i] = sum of corrections of days[0..i). */
  readonly prefix: readonly number[];
}

// Blocks exist only between QUIET_BEFORE_DAY and one period past REPEATING_DAY: at most about 2,000
// per calendar, so the cache is bounded by construction.
const blocksByCalendar = new WeakMap<CompiledCalendar, Map<number, ChangeBlock>>();

function changeBlock(cal: CompiledCalendar, block: number): ChangeBlock {
  const blocks = mapOf(blocksByCalendar, cal);
  const cached = blocks.get(block);
  if (cached !== undefined) return cached;

  const first = block * BLOCK_DAYS;
  const last = first + BLOCK_DAYS; // exclusive
  const marked = new Set<number>();
  // Every day whose windows, or whose two predecessors' windows, could reach the change.
  for (const change of transitionsBetween(cal.rules, (first - 3) * DAY, (last + 3) * DAY)) {
    const a = Math.floor((change.at + change.before) / DAY);
    const b = Math.floor((change.at + change.after) / DAY);
    // A day of the next block marked here is never looked up in this one.
    // Stryker disable next-line EqualityOperator: equivalent: see above
    for (let day = Math.min(a, b) - 1; day <= Math.max(a, b) + 2; day += 1)
      // Stryker disable next-line EqualityOperator: equivalent: as above
      if (day >= first && day < last) marked.add(day);
  }
  // The changes come in order, so the marked days do; the sort is a guard.
  // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent: see above
  const days = [...marked].sort((x, y) => x - y);
  const prefix = [0];
  let running = 0;
  const weekly = (day: number): Span[] => resolve(cal, day, cal.weekly[weekdayOf(day)] ?? []);
  for (const day of days) {
    const credited = measure(subtract(weekly(day), mergeSpans([...weekly(day - 2), ...weekly(day - 1)])));
    running += credited - (cal.weeklyMs[weekdayOf(day)] ?? 0);
    prefix.push(running);
  }
  const result = { days, prefix };
  blocks.set(block, result);
  return result;
}

/** Whether `day` is one of the days around an offset change (the repeating stretch folded back). */
function isNearOffsetChange(cal: CompiledCalendar, day: number): boolean {
  // No day before 1800 is near an offset change, so looking it up, or subtracting from it, credits the same.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: performance only: see above
  if (day < QUIET_BEFORE_DAY) return false;
  // Folding a day less than a period before REPEATING_DAY leaves it unchanged, and a later day unfolded finds
  // the same changes (the rules repeat), in more blocks.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
  const folded = day < REPEATING_DAY ? day : REPEATING_DAY + ((day - REPEATING_DAY) % REPEAT_DAYS);
  const { days } = changeBlock(cal, Math.floor(folded / BLOCK_DAYS));
  return days[firstIndexAtLeast(days, folded)] === folded;
}

/** Sum of the corrections of the marked days in [from, to), from <= to, through the blocks. */
function blockCorrections(cal: CompiledCalendar, from: number, to: number): number {
  let total = 0;
  for (let block = Math.floor(from / BLOCK_DAYS); block * BLOCK_DAYS < to; block += 1) {
    // Whole groups of blocks inside the range at once: small blocks keep a new calendar's first call
    // cheap (only the days it reaches are resolved), and the groups keep a span of centuries as quick.
    if (block % GROUP_BLOCKS === 0 && (block + GROUP_BLOCKS) * BLOCK_DAYS <= to && block * BLOCK_DAYS >= from) {
      total += groupCorrections(cal, block / GROUP_BLOCKS);
      block += GROUP_BLOCKS - 1;
      continue;
    }
    const { days, prefix } = changeBlock(cal, block);
    const blockFrom = Math.max(from, block * BLOCK_DAYS);
    const blockTo = Math.min(to, (block + 1) * BLOCK_DAYS);
    total += (prefix[firstIndexAtLeast(days, blockTo)] ?? 0) - (prefix[firstIndexAtLeast(days, blockFrom)] ?? 0);
  }
  return total;
}

/** Blocks summed as one group by {@link blockCorrections}. */
const GROUP_BLOCKS = 16;
// Bounded as the blocks are: a group exists only where its blocks do.
const groupsByCalendar = new WeakMap<CompiledCalendar, Map<number, number>>();

/** The corrections of one whole group of blocks, summed once per calendar. */
function groupCorrections(cal: CompiledCalendar, group: number): number {
  const groups = mapOf(groupsByCalendar, cal);
  let total = groups.get(group);
  if (total === undefined) {
    total = 0;
    for (let block = group * GROUP_BLOCKS; block < (group + 1) * GROUP_BLOCKS; block += 1)
      total += changeBlock(cal, block).prefix.at(-1) ?? 0;
    groups.set(group, total);
  }
  return total;
}

const periodTotals = new WeakMap<CompiledCalendar, number>();

/** Corrections over [REPEATING_DAY, day), day >= REPEATING_DAY: whole periods at once. */
function repeatingCorrections(cal: CompiledCalendar, day: number): number {
  let period = periodTotals.get(cal);
  // Stryker disable next-line ConditionalExpression: performance only: the cache of the period's total.
  if (period === undefined) {
    period = blockCorrections(cal, REPEATING_DAY, REPEATING_DAY + REPEAT_DAYS);
    periodTotals.set(cal, period);
  }
  const periods = Math.floor((day - REPEATING_DAY) / REPEAT_DAYS);
  return periods * period + blockCorrections(cal, REPEATING_DAY, day - periods * REPEAT_DAYS);
}

/** The offset changes' corrections to the weekly pattern over the days [from, to), from <= to. */
function offsetCorrections(cal: CompiledCalendar, from: number, to: number): number {
  // Stryker disable next-line ConditionalExpression: performance only: with no weekly windows every correction is 0.
  if (cal.weekMs === 0) return 0;
  const start = Math.max(from, QUIET_BEFORE_DAY);
  // Stryker disable next-line ConditionalExpression: performance only: an empty range sums to 0 through the blocks too.
  if (to <= start) return 0;
  // Stryker disable next-line EqualityOperator: equivalent: at to = REPEATING_DAY both branches sum the same days.
  if (to <= REPEATING_DAY) return blockCorrections(cal, start, to);
  // At start = REPEATING_DAY the range [start, REPEATING_DAY) is empty.
  // Stryker disable next-line EqualityOperator: equivalent: see above
  const before = start < REPEATING_DAY ? blockCorrections(cal, start, REPEATING_DAY) : 0;
  return before + repeatingCorrections(cal, to) - repeatingCorrections(cal, Math.max(start, REPEATING_DAY));
}

/** The weekly pattern with its offset changes, holidays aside, over the days [from, to), from <= to. */
function plainBetween(cal: CompiledCalendar, from: number, to: number): number {
  return weeklyBetween(cal, from, to) + offsetCorrections(cal, from, to);
}

// ---------------------------------------------------------------------------------------------
// Holidays, in clusters: pieces whose reach (the piece and the two days after it) touch.

interface Cluster {
  /** The first and last day the cluster reaches (its last piece's end plus two). */
  readonly from: number;
  readonly to: number;
  /** Its pieces, as indices into the calendar's holidays: [first, last]. */
  readonly first: number;
  readonly last: number;
}

interface ClusterTable {
  readonly clusters: readonly Cluster[];
  readonly ends: readonly number[];
  /** prefix[i] = the holidays' part of the clusters [0, i), filled the first time a span needs it. */
  prefix: readonly number[] | undefined;
}

const clustersByCalendar = new WeakMap<CompiledCalendar, ClusterTable>();

function clusterTable(cal: CompiledCalendar): ClusterTable {
  const cached = clustersByCalendar.get(cal);
  if (cached !== undefined) return cached;
  const clusters: Cluster[] = [];
  cal.holidays.forEach((piece, index) => {
    const last = clusters.at(-1);
    if (last !== undefined && piece.from <= last.to)
      clusters[clusters.length - 1] = { ...last, to: Math.max(last.to, piece.to + 2), last: index };
    else clusters.push({ from: piece.from, to: piece.to + 2, first: index, last: index });
  });
  const table = { clusters, ends: clusters.map((cluster) => cluster.to), prefix: undefined };
  clustersByCalendar.set(cal, table);
  return table;
}

/**
 * The holidays' part of the days [from, to) of one cluster (within its reach): what those days are
 * credited, less what the weekly pattern with its offset changes counted for them. Days of a closed
 * stretch are credited nothing, so only the days with hours and the days between and after pieces
 * are resolved: a few per piece, whatever the pieces' length.
 */
function clusterPart(cal: CompiledCalendar, cluster: Cluster, from: number, to: number): number {
  let credited = 0;
  let day = from;
  const creditUpTo = (end: number): void => {
    for (; day < Math.min(end, to); day += 1) credited += measure(creditedSpans(cal, day));
  };
  // Pieces past `to` credit nothing, since creditUpTo stops at `to`.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
  for (let index = cluster.first; index <= cluster.last && day < to; index += 1) {
    const piece = cal.holidays[index] as HolidayPiece;
    // A piece already passed credits nothing again; creditUpTo only moves forward.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
    if (piece.to < day) continue;
    creditUpTo(piece.from);
    // The days of a closed piece credit nothing, so skipping fewer of them changes only the cost.
    // Stryker disable next-line ArithmeticOperator: performance only: see above
    if (piece.windows.length === 0) day = Math.max(day, Math.min(piece.to + 1, to));
    // Days not credited here are credited by the next creditUpTo.
    // Stryker disable next-line ArithmeticOperator: equivalent: see above
    else creditUpTo(piece.to + 1);
  }
  creditUpTo(to);
  return credited - plainBetween(cal, from, to);
}

/** Up to this many whole clusters are summed one by one; more, through the table's prefix sums. */
const CLUSTERS_SUMMED_DIRECTLY = 8;

/** The holidays' part of the days [from, to), from <= to. */
function holidayPart(cal: CompiledCalendar, from: number, to: number): number {
  if (cal.holidays.length === 0) return 0;
  const table = clusterTable(cal);
  const { clusters, ends } = table;
  let i = firstIndexAtLeast(ends, from); // the clusters before i end before `from`
  const j = firstIndexAtLeast(ends, to); // the clusters i..j-1 end before `to`
  let total = 0;
  const straddling = clusters[i];
  if (i < j && straddling !== undefined && straddling.from < from) {
    total += clusterPart(cal, straddling, from, straddling.to + 1);
    i += 1;
  }
  // The two ways of summing whole clusters agree; which one runs is a matter of cost.
  // Stryker disable next-line EqualityOperator,ConditionalExpression,ArithmeticOperator: performance only: see above
  if (j - i <= CLUSTERS_SUMMED_DIRECTLY) {
    for (let index = i; index < j; index += 1) {
      const cluster = clusters[index] as Cluster;
      total += clusterPart(cal, cluster, cluster.from, cluster.to + 1);
    }
  } else {
    table.prefix ??= clusterPrefix(cal, clusters);
    total += (table.prefix[j] ?? 0) - (table.prefix[i] ?? 0);
  }
  const last = clusters[j];
  // A cluster starting at `to` adds its part over an empty range, 0.
  // Stryker disable next-line EqualityOperator: equivalent: see above
  if (last !== undefined && last.from < to) total += clusterPart(cal, last, Math.max(from, last.from), to);
  return total;
}

function clusterPrefix(cal: CompiledCalendar, clusters: readonly Cluster[]): number[] {
  const prefix = [0];
  let running = 0;
  for (const cluster of clusters) {
    running += clusterPart(cal, cluster, cluster.from, cluster.to + 1);
    prefix.push(running);
  }
  return prefix;
}

/** Business time credited to the days [from, to); negative when to < from. */
export function creditedBetweenDays(cal: CompiledCalendar, from: number, to: number): number {
  if (to < from) return 0 - creditedBetweenDays(cal, to, from); // 0 - x, not -x: no -0
  return plainBetween(cal, from, to) + holidayPart(cal, from, to);
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
      // Stryker disable next-line EqualityOperator: equivalent: a span starting at `at` adds 0.
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
  for (let i = holidayIndex(cal, day); i < cal.holidays.length; i += 1) {
    const piece = cal.holidays[i] as HolidayPiece;
    // Stopping at a closed holiday makes the walk visit days that own nothing.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
    if (piece.windows.length > 0) return piece.from;
  }
  return undefined;
}

/**
 * How many owner days (a closed stretch counting as one) `reachedNear` reads before leaving the rest
 * to `openSpansFrom`.
 */
const NEAR_DAYS = 16;

/** The day after `day`, or after the closed stretch `day` is in: its days own no open time. */
function nextOwnerDay(cal: CompiledCalendar, day: number): number {
  return Math.max(day, holidayOn(cal, day)?.closedUntil ?? day) + 1;
}

/**
 * The instant `ms` of business time after `at` is reached (the first instant with that much open
 * time since `at`; with `ms` 0, the first open instant at or after `at`), when it is reached within
 * the owner days from two before `at`'s to `NEAR_DAYS` on; else undefined. Each day's credited spans
 * are cached and together partition the open time in order (a day's start no earlier than the day
 * before's), so this is a few lookups where `openSpansFrom` works out and sorts each day again; a
 * touching span, which that generator would join to the one before, starts where the earlier ends, so
 * the instant is the same.
 */
export function reachedNear(cal: CompiledCalendar, at: number, ms: number): number | undefined {
  let day = localDayOf(cal, at) - 2;
  let walked = 0;
  for (let read = 0; read < NEAR_DAYS; read += 1, day = nextOwnerDay(cal, day))
    for (const span of creditedSpans(cal, day)) {
      if (span.end <= at) continue;
      const start = Math.max(span.start, at);
      if (walked + (span.end - start) >= ms) return start + (ms - walked);
      walked += span.end - start;
    }
  return undefined;
}

/**
 * The maximal open intervals that end after `from`, in order, the first clipped to start no earlier
 * than `from`. Ends when the calendar is never open again; an interval that never closes has end
 * `Infinity`.
 */
export function* openSpansFrom(cal: CompiledCalendar, from: number): Generator<Span> {
  const lastHoliday = cal.holidays.at(-1)?.to ?? Number.NEGATIVE_INFINITY;
  let day = localDayOf(cal, from) - 2;
  let pending: Span | undefined;
  // Spans arrive in order of start: a later day's windows start no earlier, and wall time to instant
  // is monotone. The sorts and the settling of this buffer are guards, so the mutants of them marked
  // "equivalent" below give the same sequence of spans.
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
      // A holiday with hours is one day, so the next one never starts before `day`.
      // Stryker disable next-line MethodExpression: equivalent: see above
      day = Math.max(day, next);
      // Every instant from the day after the last holiday's reach is open, so the endless span may start from
      // one day earlier.
      // Stryker disable next-line EqualityOperator: equivalent: see above
    } else if (cal.alwaysOpen && day > lastHoliday + 2) {
      // Open every instant from here on: settle what is buffered, then the last stretch never closes.
      // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent: see the note on the buffer.
      buffer.sort((a, b) => a.start - b.start);
      for (const span of buffer.splice(0)) {
        const complete = absorb(span);
        if (complete !== undefined) yield clip(complete, from);
      }
      // With nothing pending this is the first day looked at, and the span is clipped to `from`, which is
      // later than either day start.
      // Stryker disable next-line ArithmeticOperator: equivalent: see above
      yield clip({ start: pending?.start ?? dayStart(cal, day - 2), end: NEVER }, from);
      return;
      // The shortcut over a run of ordinary days; the general path gives the same spans a day at a time.
      // Stryker disable next-line BlockStatement,ConditionalExpression: performance only: see above
    } else if (cal.alwaysOpen && !holidayReaches(cal, day)) {
      // Open every instant until the next holiday: its days' credited spans, midnight to midnight,
      // are one span, whatever the number of days.
      const next = (cal.holidays[holidayIndex(cal, day)] as HolidayPiece).from;
      const span = { start: dayStart(cal, day), end: dayStart(cal, next) };
      if (span.end > from) buffer.push(span);
      day = next;
      continue;
    }
    // The days of a closed stretch own nothing: go to its last day.
    const closedUntil = holidayOn(cal, day)?.closedUntil;
    if (closedUntil !== undefined) day = Math.max(day, closedUntil);
    for (const span of creditedSpans(cal, day)) if (span.end > from) buffer.push(span);
    // No day after this one can own time before the start of the day before it, so spans ending
    // before then are final.
    // Stryker disable next-line ArithmeticOperator: equivalent: see the note on the buffer.
    const settled = dayStart(cal, day - 1);
    // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent: see the note on the buffer.
    buffer.sort((a, b) => a.start - b.start);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: see the note on the buffer.
    while (buffer.length > 0 && (buffer[0]?.end ?? 0) < settled) {
      const complete = absorb(buffer.shift() as Span);
      if (complete !== undefined) yield clip(complete, from);
    }
    day += 1;
  }
  // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent: see the note on the buffer.
  buffer.sort((a, b) => a.start - b.start);
  for (const span of buffer) {
    const complete = absorb(span);
    if (complete !== undefined) yield clip(complete, from);
  }
  const last = absorb({ start: NEVER, end: NEVER });
  if (last !== undefined) yield clip(last, from);
}

const clip = (span: Span, from: number): Span => ({ start: Math.max(span.start, from), end: span.end });
