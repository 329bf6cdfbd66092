import { HANDOFF_EVENT_TYPES, type HandoffEvent, type HandoffEventType } from "./events.js";
import { pure } from "../core/pure.js";
import type { LifecycleConfig } from "./lifecycle-config.js";

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

const RANK: Readonly<Record<HandoffEventType, number>> = /* @__PURE__ */ pure(() => Object.fromEntries(HANDOFF_EVENT_TYPES.map((type, rank) => [type, rank])) as Record<HandoffEventType, number>);

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
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const byId = (event: HandoffEvent): string => event.id;

/** What makes two deliveries the same event under these rules: the rules' dedupe key, else the id. */
export function dedupeKeyOf(config: LifecycleConfig): (event: HandoffEvent) => unknown {
  return config.dedupeKey ?? byId;
}

/**
 * Sorts (unless the rules are strict), drops what comes after `now` and every repeated delivery.
 * Linear when the events arrive in order, as most do; a sort otherwise.
 */
export function deliveryOrder(delivered: readonly HandoffEvent[], config: LifecycleConfig, now: number): Delivery {
  let inOrder = true;
  let latest: HandoffEvent | undefined;
  for (const event of delivered) {
    if (event.at.getTime() > now) continue;
    if (latest !== undefined && compareEvents(event, latest) < 0) inOrder = false;
    else latest = event;
  }
  const sorted = !inOrder && config.order === "any" ? sortedIndices(delivered, now) : undefined;
  const count = sorted?.length ?? delivered.length;
  const keyOf = dedupeKeyOf(config);
  const duplicates: number[] = [];
  const keys: unknown[] = [];
  // Most histories are short: a scan of a few keys beats building a Set for each handoff.
  const seen = count > SHORT ? new Set<unknown>() : undefined;
  // Copied only once something is left out or moved: a clean history is read as it is.
  let events: HandoffEvent[] | undefined = sorted === undefined ? undefined : [];
  let kept: number[] | undefined = sorted === undefined ? undefined : [];
  for (let position = 0; position < count; position += 1) {
    const index = sorted === undefined ? position : (sorted[position] as number);
    const event = delivered[index] as HandoffEvent;
    const key = sorted === undefined && event.at.getTime() > now ? SKIP : keyOf(event);
    const drop = key === SKIP || (seen === undefined ? keys.includes(key) : seen.has(key));
    if (drop && events === undefined) {
      events = delivered.slice(0, position);
      kept = events.map((_, i) => i);
    }
    if (drop) {
      if (key !== SKIP) duplicates.push(index);
      continue;
    }
    if (seen === undefined) keys.push(key);
    else seen.add(key);
    events?.push(event);
    kept?.push(index);
  }
  if (duplicates.length > 1) duplicates.sort((x, y) => x - y);
  const read = events ?? delivered;
  return { events: read, indices: kept, duplicates, late: inOrder ? NONE : lateAmong(delivered, kept ?? read.map((_, i) => i)) };
}

/** The positions of the events up to `now`, in fold order. */
function sortedIndices(delivered: readonly HandoffEvent[], now: number): number[] {
  const indices: number[] = [];
  for (let index = 0; index < delivered.length; index += 1) if ((delivered[index] as HandoffEvent).at.getTime() <= now) indices.push(index);
  return indices.sort((i, j) => compareEvents(delivered[i] as HandoffEvent, delivered[j] as HandoffEvent) || i - j);
}

/** Up to this many events, repeated deliveries are found by a scan rather than a Set. */
const SHORT = 16;
const NONE: readonly number[] = [];
const SKIP = Symbol("after now");

/**
 * The deliveries that stand and fold before one that stands and was delivered ahead of them: a
 * repeated delivery that does not stand makes nothing late (and is reported as a duplicate only).
 */
function lateAmong(delivered: readonly HandoffEvent[], kept: readonly number[]): number[] {
  const standing = [...kept].sort((a, b) => a - b);
  const late: number[] = [];
  let latest: HandoffEvent | undefined;
  for (const index of standing) {
    const event = delivered[index] as HandoffEvent;
    if (latest !== undefined && compareEvents(event, latest) < 0) late.push(index);
    else latest = event;
  }
  return late;
}
