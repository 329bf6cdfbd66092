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
  /** For each of `events`, its index in the delivered list. */
  readonly indices: readonly number[];
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

/**
 * Sorts (unless the rules are strict), drops what comes after `now` and every repeated delivery.
 * Linear when the events arrive in order, as most do; a sort otherwise.
 */
export function deliveryOrder(delivered: readonly HandoffEvent[], config: LifecycleConfig, now: number): Delivery {
  let indices: number[] = [];
  let inOrder = true;
  let latest: HandoffEvent | undefined;
  for (let index = 0; index < delivered.length; index += 1) {
    const event = delivered[index] as HandoffEvent;
    if (event.at.getTime() > now) continue;
    if (latest !== undefined && compareEvents(event, latest) < 0) inOrder = false;
    else latest = event;
    indices.push(index);
  }
  if (!inOrder && config.order === "any") indices = indices.sort((i, j) => compareEvents(delivered[i] as HandoffEvent, delivered[j] as HandoffEvent) || i - j);
  const keyOf = config.dedupeKey ?? byId;
  const seen = new Set<unknown>();
  const duplicates: number[] = [];
  const kept: number[] = [];
  const events: HandoffEvent[] = [];
  for (const index of indices) {
    const event = delivered[index] as HandoffEvent;
    const key = keyOf(event);
    if (seen.has(key)) {
      duplicates.push(index);
      continue;
    }
    seen.add(key);
    kept.push(index);
    events.push(event);
  }
  duplicates.sort((a, b) => a - b);
  return { events, indices: kept, duplicates, late: inOrder ? [] : lateAmong(delivered, kept) };
}

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
