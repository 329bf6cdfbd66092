import { compareCodeUnits } from "../core/order.js";
import { HANDOFF_EVENT_TYPES, type HandoffEvent, type HandoffEventType } from "./events.js";
import { pure } from "../core/pure.js";
import { repeatFinder } from "../core/repeat-finder.js";
import type { LifecycleRules } from "./lifecycle-rules.js";

/**
 * The events a fold reads, in the order it reads them, and what was done to the delivered order to
 * get there. Indices are positions in the delivered list.
 */
export interface Delivery {
  /** The delivered events the fold reads (none after `now`, each once), in fold order. */
  readonly events: readonly HandoffEvent[];
  /** For each of `events`, its index in the delivered list; undefined when `events` is the delivered list itself. */
  readonly indices: readonly number[] | undefined;
  /** Deliveries of an event already delivered (same id, or same dedupe key), left out. */
  readonly duplicates: readonly number[];
  /**
   * Deliveries that stand and fold before one that stands and was delivered ahead of them (webhooks
   * arriving out of order).
   */
  readonly late: readonly number[];
}

const RANK: Readonly<Record<HandoffEventType, number>> = /* @__PURE__ */ pure(
  () => Object.fromEntries(HANDOFF_EVENT_TYPES.map((type, rank) => [type, rank])) as Record<HandoffEventType, number>,
);

/**
 * The fold order: time, then the source's sequence number (events without one after those with
 * one), then the lifecycle's order of event types (a booking before a decision at the same second,
 * as Salesforce field history leaves the order inside a second undefined), then id.
 */
export function compareEvents(a: HandoffEvent, b: HandoffEvent): number {
  const byTime = a.at.getTime() - b.at.getTime();
  if (byTime !== 0) return byTime;
  const bySeq = (a.seq ?? Number.POSITIVE_INFINITY) - (b.seq ?? Number.POSITIVE_INFINITY);
  if (bySeq !== 0 && !Number.isNaN(bySeq)) return bySeq;
  const byType = RANK[a.type] - RANK[b.type];
  if (byType !== 0) return byType;
  return compareCodeUnits(a.id, b.id);
}

const byId = (event: HandoffEvent): string => event.id;

/** What makes two deliveries the same event under these rules: the rules' dedupe key, else the id. */
export function dedupeKeyOf(rules: LifecycleRules): (event: HandoffEvent) => unknown {
  return rules.dedupeKey ?? byId;
}

/**
 * Sorts (unless the rules are strict), drops what comes after `now` and every repeated delivery.
 * Linear when the events arrive in order, as most do; a sort otherwise.
 */
export function deliveryOrder(delivered: readonly HandoffEvent[], rules: LifecycleRules, now: number): Delivery {
  // The general path below answers the same.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
  if (delivered.length <= SHORT && rules.dedupeKey === undefined && readAsDelivered(delivered, now))
    return { events: delivered, indices: undefined, duplicates: NONE, late: NONE };
  // Stryker disable next-line BooleanLiteral: performance only: a history sorted though in order folds the same
  let inOrder = true;
  let latest: HandoffEvent | undefined;
  for (const event of delivered) {
    // An event after now misjudged here is left out by the sort.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
    if (event.at.getTime() > now) continue;
    // A history sorted though in order folds the same.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
    if (latest !== undefined && compareEvents(event, latest) < 0) inOrder = false;
    else latest = event;
  }
  const sorted = !inOrder && rules.order === "any" ? sortedIndices(delivered, now) : undefined;
  const count = sorted?.length ?? delivered.length;
  const keyOf = dedupeKeyOf(rules);
  const duplicates: number[] = [];
  // A caller's key is computed once an event; an id is read where it is.
  // Stryker disable next-line ConditionalExpression: performance only: ids computed into a list are the same ids
  const keys = keyOf === byId ? undefined : delivered.map((event) => keyOf(event));
  const keyAt =
    keys === undefined
      ? (index: number): unknown => (delivered[index] as HandoffEvent).id
      : (index: number): unknown => keys[index];
  // Most histories are short: a scan of the deliveries kept so far beats building any table.
  // The scan and the table answer the same.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: see above
  const repeated = count > SHORT ? repeatFinder(delivered.length, keyAt) : undefined;
  // Copied only once something is left out or moved: a clean history is read as it is. A sorted
  // one is written into arrays sized once (the positions into `sorted` itself), as growing arrays
  // of 100k events cost more than sorting them.
  // Stryker disable next-line ArrayDeclaration: performance only: an array grown as written holds the same
  let events: HandoffEvent[] | undefined = sorted === undefined ? undefined : new Array<HandoffEvent>(count);
  let kept: number[] | undefined = sorted;
  let written = 0;
  for (let position = 0; position < count; position += 1) {
    const index = sorted === undefined ? position : (sorted[position] as number);
    const event = delivered[index] as HandoffEvent;
    // Stryker disable next-line ConditionalExpression: equivalent: a sorted list holds nothing after now
    const later = sorted === undefined && event.at.getTime() > now;
    const drop = later || (repeated === undefined ? keptBefore(keyAt, kept, written, keyAt(index)) : repeated(index));
    if (drop && events === undefined) {
      events = delivered.slice(0, position);
      kept = events.map((_, i) => i);
    }
    if (drop) {
      if (!later) duplicates.push(index);
      continue;
    }
    if (events !== undefined && kept !== undefined) {
      events[written] = event;
      kept[written] = index;
    }
    written += 1;
  }
  if (events !== undefined && kept !== undefined) {
    events.length = written;
    kept.length = written;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only: a list of one is sorted
  if (duplicates.length > 1) duplicates.sort((x, y) => x - y);
  return {
    events: events ?? delivered,
    indices: kept,
    duplicates,
    late: inOrder ? NONE : lateAmong(delivered, now, duplicates),
  };
}

/** Up to this many events, repeated deliveries are found by a scan. */
const SHORT = 16;

/**
 * Whether a short history with ids for keys folds as delivered: in fold order, each id once, none
 * after `now`; what most handoffs are, found in one pass that allocates one small list.
 */
// Stryker disable ArrayDeclaration,ConditionalExpression,BooleanLiteral: performance only: a history this
// declines to read as delivered goes down the general path, which answers the same
function readAsDelivered(delivered: readonly HandoffEvent[], now: number): boolean {
  const ids: string[] = [];
  let latest: HandoffEvent | undefined;
  for (const event of delivered) {
    // Two deliveries that compare equal share an id, and the general path answers the same.
    // Stryker disable next-line EqualityOperator: performance only: see above
    if (
      // Stryker disable next-line EqualityOperator: performance only: as on the line above
      event.at.getTime() > now ||
      // Stryker disable next-line EqualityOperator: performance only: as above
      (latest !== undefined && compareEvents(event, latest) < 0) ||
      ids.includes(event.id)
    )
      return false;
    ids.push(event.id);
    latest = event;
  }
  return true;
}
// Stryker restore ArrayDeclaration,ConditionalExpression,BooleanLiteral

/**
 * Whether one of the first `written` deliveries kept (positions in `kept`, or the first ones) has
 * `key`, compared as a Set compares (a caller's key function may answer NaN).
 */
function keptBefore(
  keyAt: (index: number) => unknown,
  kept: readonly number[] | undefined,
  written: number,
  key: unknown,
): boolean {
  for (let j = 0; j < written; j += 1) {
    const other = keyAt(kept === undefined ? j : (kept[j] as number));
    if (other === key || (other !== other && key !== key)) return true;
  }
  return false;
}

/** The positions of the events up to `now`, in fold order. */
function sortedIndices(delivered: readonly HandoffEvent[], now: number): number[] {
  const indices: number[] = [];
  for (let index = 0; index < delivered.length; index += 1)
    if ((delivered[index] as HandoffEvent).at.getTime() <= now) indices.push(index);
  // The sort is stable: events that compare equal (repeated deliveries) keep their delivery order.
  return indices.sort((i, j) => compareEvents(delivered[i] as HandoffEvent, delivered[j] as HandoffEvent));
}

const NONE: readonly number[] = [];

/**
 * The deliveries that stand and fold before one that stands and was delivered ahead of them: a
 * repeated delivery that does not stand makes nothing late (and is reported as a duplicate only).
 * The deliveries that stand are those up to `now` but the duplicates (ascending), read in delivery
 * order without a copy or a sort.
 */
function lateAmong(delivered: readonly HandoffEvent[], now: number, duplicates: readonly number[]): number[] {
  const late: number[] = [];
  let latest: HandoffEvent | undefined;
  let next = 0;
  for (let index = 0; index < delivered.length; index += 1) {
    if (duplicates[next] === index) {
      next += 1;
      continue;
    }
    const event = delivered[index] as HandoffEvent;
    if (event.at.getTime() > now) continue;
    // Deliveries that stand never compare equal (equal ones share an id).
    // Stryker disable next-line EqualityOperator: equivalent: see above
    if (latest !== undefined && compareEvents(event, latest) < 0) late.push(index);
    else latest = event;
  }
  return late;
}
