import { MAX_EPOCH_MS } from "../core/instant.js";
import { firstIndexAbove } from "../core/search.js";
import { wallClockFields } from "../core/time-zone.js";
import { pure } from "../core/pure.js";

// A zone's UTC offsets, learned from Intl once and then answered by binary search. Intl is sampled
// at every UTC midnight of a 365-day block (so any offset period of a day or more is seen) and each
// change is pinned to the second by bisection; offsets change only at whole seconds. Modern tzdata has
// no zone whose offset changes twice within one day, which is what daily sampling assumes.

/** One second in ms. */
export const SECOND = 1_000;
/** One minute in ms. */
export const MINUTE = 60_000;
/** One hour in ms. */
export const HOUR = 3_600_000;
/** One 24-hour day in ms. */
export const DAY = 86_400_000;
const BLOCK_DAYS = 365;
const BLOCK = BLOCK_DAYS * DAY;

interface Block {
  /** Offset in force at the block's first instant. */
  readonly startOffset: number;
  /** Instants at which the offset changes inside the block, ascending. */
  readonly at: readonly number[];
  /** The offset from each of those instants on. */
  readonly offset: readonly number[];
}

/** One zone's offset table; blocks are filled the first time an instant in them is asked about. */
export interface ZoneRules {
  readonly timeZone: string;
  readonly blocks: Map<number, Block>;
}

// The tables are a pure function of the zone name, so sharing them is not observable state.
const rulesByZone = new Map<string, ZoneRules>();

/** The offset table for a zone already validated by the caller. */
export function zoneRules(timeZone: string): ZoneRules {
  let rules = rulesByZone.get(timeZone);
  if (rules === undefined) {
    rules = { timeZone, blocks: new Map() };
    rulesByZone.set(timeZone, rules);
  }
  return rules;
}

const utc = /* @__PURE__ */ pure(() => new Date(0));
function utcFromFields(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  return utc.getTime();
}

/**
 * The offset (local minus UTC, in ms) at `at`, asked of Intl directly. Intl refuses instants outside
 * the Date range, which the tables' blocks and their probes reach near its edges; no zone changes its
 * offset out there, so the offset at the nearest instant inside the range holds.
 */
function intlOffset(timeZone: string, at: number): number {
  const inRange = Math.max(-MAX_EPOCH_MS, Math.min(MAX_EPOCH_MS, at));
  const { year, month, day, hour, minute, second } = wallClockFields(timeZone, inRange);
  const wholeSecond = inRange - (((inRange % SECOND) + SECOND) % SECOND);
  const offset = utcFromFields(year, month, day, hour, minute, second) - wholeSecond;
  return Number.isFinite(offset) ? offset : 0;
}

function loadBlock(rules: ZoneRules, index: number): Block {
  const cached = rules.blocks.get(index);
  if (cached !== undefined) return cached;
  const start = index * BLOCK;
  const at: number[] = [];
  const offset: number[] = [];
  const startOffset = intlOffset(rules.timeZone, start);
  let previous = startOffset;
  let previousAt = start;
  for (let i = 1; i <= BLOCK_DAYS; i += 1) {
    const sampleAt = start + i * DAY;
    const current = intlOffset(rules.timeZone, sampleAt);
    if (current !== previous) {
      // Bisect on whole seconds for the first instant with the new offset.
      let lo = previousAt / SECOND;
      let hi = sampleAt / SECOND;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffset(rules.timeZone, mid * SECOND) === previous) lo = mid;
        else hi = mid;
      }
      if (hi * SECOND < start + BLOCK) {
        at.push(hi * SECOND);
        offset.push(current);
      }
      previous = current;
    }
    previousAt = sampleAt;
  }
  const block = { startOffset, at, offset };
  rules.blocks.set(index, block);
  return block;
}

/** The zone's UTC offset at an instant, in ms (local wall time = instant + offset). */
export function offsetAt(rules: ZoneRules, at: number): number {
  const block = loadBlock(rules, Math.floor(at / BLOCK));
  const changesSoFar = firstIndexAbove(block.at, at);
  return changesSoFar === 0 ? block.startOffset : (block.offset[changesSoFar - 1] ?? block.startOffset);
}

/** Offset changes in [from, to), ascending, each with the offsets before and after. */
export function transitionsBetween(rules: ZoneRules, from: number, to: number): { at: number; before: number; after: number }[] {
  const found: { at: number; before: number; after: number }[] = [];
  for (let index = Math.floor(from / BLOCK); index * BLOCK < to; index += 1) {
    const block = loadBlock(rules, index);
    block.at.forEach((at, i) => {
      if (at >= from && at < to) found.push({ at, before: i === 0 ? block.startOffset : (block.offset[i - 1] ?? 0), after: block.offset[i] ?? 0 });
    });
  }
  return found;
}

/**
 * The instant at which the zone's wall clock shows `wall` (wall-clock ms, as if UTC). A wall time the
 * clock skips (a DST gap) resolves forward by the gap's length; one it shows twice (the fall-back
 * hour) resolves to the earlier instant: Temporal's "compatible" disambiguation.
 */
export function wallToInstant(rules: ZoneRules, wall: number): number {
  const before = offsetAt(rules, wall - DAY);
  const after = offsetAt(rules, wall + DAY);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(rules, early) === before;
  const lateValid = offsetAt(rules, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  return early; // valid, or in the gap: the offset in force before the change carries it forward
}

/** The wall-clock time (ms, as if UTC) of an instant. */
export function instantToWall(rules: ZoneRules, at: number): number {
  return at + offsetAt(rules, at);
}
