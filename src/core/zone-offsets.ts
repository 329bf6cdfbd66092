import { firstIndexAbove } from "./search.js";
import { utcOffsetOf } from "./time-zone.js";
import { DAY, SECOND } from "./duration.js";

// A zone's UTC offsets, learned from Intl once and then answered by binary search. Intl is sampled
// at every UTC midnight of a 16-day block (so any offset period of a day or more is seen) and each
// change is pinned to the second by bisection; offsets change only at whole seconds. Modern tzdata has
// no zone whose offset changes twice within one day, which is what daily sampling assumes. Blocks are
// small so that a new calendar's first call samples only the weeks it reaches (about 3 µs a sample).

const BLOCK_DAYS = 16;
const BLOCK = BLOCK_DAYS * DAY;

// Two facts about the zone data (IANA tzdata as ICU carries it), checked for every zone Node knows by
// test/core/zone-data.test.ts, bound the table: before 1800 no zone changes its offset (local mean time
// holds until the first change, and the earliest is in the nineteenth century), and from 2100 on every
// zone follows a fixed yearly rule, which repeats exactly every 400 Gregorian years: 146,097 days, a
// whole number of weeks. So the offsets of any instant are those of one in a stretch of 700 years,
// and no span, however long, loads more than 700 years of blocks.

/** No zone changes its offset before this instant (1800-01-01T00:00Z). */
export const STEADY_BEFORE_MS = Date.UTC(1800, 0, 1);
/** From this instant (2100-01-01T00:00Z) on, every zone's offsets repeat every {@link REPEAT_DAYS}. */
export const REPEATS_FROM_MS = Date.UTC(2100, 0, 1);
/** Days in 400 Gregorian years. */
export const REPEAT_DAYS = 146_097;
const REPEAT_MS = REPEAT_DAYS * DAY;
const REPEATS_UNTIL_MS = REPEATS_FROM_MS + REPEAT_MS;

/** An instant with the same offset inside the stretch the table holds, and the shift that got it there. */
function folded(at: number): { at: number; shift: number } {
  // No zone changes its offset near 1800, so a millisecond either side of it gives the same offset.
  // Stryker disable next-line ArithmeticOperator,EqualityOperator: equivalent: see above
  if (at < STEADY_BEFORE_MS) return { at: STEADY_BEFORE_MS - 1, shift: 0 };
  if (at < REPEATS_UNTIL_MS) return { at, shift: 0 };
  const shift = Math.floor((at - REPEATS_FROM_MS) / REPEAT_MS) * REPEAT_MS;
  return { at: at - shift, shift };
}

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
  // Stryker disable next-line ConditionalExpression: performance only: a new table answers the same
  if (rules === undefined) {
    rules = { timeZone, blocks: new Map() };
    rulesByZone.set(timeZone, rules);
  }
  return rules;
}

function loadBlock(rules: ZoneRules, index: number): Block {
  const cached = rules.blocks.get(index);
  if (cached !== undefined) return cached;
  const start = index * BLOCK;
  const at: number[] = [];
  const offset: number[] = [];
  const firstOffset = utcOffsetOf(rules.timeZone, start);
  // A change exactly at the block's first instant is this block's: sampling from there on cannot see
  // it, and the block before stops short of it (Europe/Chisinau at 2224-10-31T00:00Z is one).
  const startOffset = utcOffsetOf(rules.timeZone, start - SECOND);
  if (startOffset !== firstOffset) {
    at.push(start);
    offset.push(firstOffset);
  }
  let previous = firstOffset;
  let previousAt = start;
  for (let i = 1; i <= BLOCK_DAYS; i += 1) {
    const sampleAt = start + i * DAY;
    const current = utcOffsetOf(rules.timeZone, sampleAt);
    if (current !== previous) {
      // Bisect on whole seconds for the first instant with the new offset.
      let lo = previousAt / SECOND;
      let hi = sampleAt / SECOND;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (utcOffsetOf(rules.timeZone, mid * SECOND) === previous) lo = mid;
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
export function offsetAt(rules: ZoneRules, instant: number): number {
  const at = folded(instant).at;
  const block = loadBlock(rules, Math.floor(at / BLOCK));
  const changesSoFar = firstIndexAbove(block.at, at);
  // Before the block's first change, offset[-1] is undefined: the offset the block starts with.
  return block.offset[changesSoFar - 1] ?? block.startOffset;
}

/** Offset changes in [from, to), ascending, each with the offsets before and after. */
export function transitionsBetween(
  rules: ZoneRules,
  from: number,
  to: number,
): { at: number; before: number; after: number }[] {
  const found: { at: number; before: number; after: number }[] = [];
  // Period by period past the stretch the table holds, each folded back into it and shifted out again.
  for (let start = Math.max(from, STEADY_BEFORE_MS); start < to;) {
    const { shift } = folded(start);
    const end = Math.min(to, REPEATS_UNTIL_MS + shift);
    collectTransitions(rules, start - shift, end - shift, shift, found);
    start = end;
  }
  return found;
}

function collectTransitions(
  rules: ZoneRules,
  from: number,
  to: number,
  shift: number,
  found: { at: number; before: number; after: number }[],
): void {
  // Stryker disable next-line EqualityOperator: performance only: a block from `to` on has no change before it
  for (let index = Math.floor(from / BLOCK); index * BLOCK < to; index += 1) {
    const block = loadBlock(rules, index);
    block.at.forEach((at, i) => {
      if (at >= from && at < to)
        found.push({
          at: at + shift,
          before: i === 0 ? block.startOffset : (block.offset[i - 1] ?? 0),
          after: block.offset[i] ?? 0,
        });
    });
  }
}

/**
 * The instant at which the zone's wall clock shows `wall` (wall-clock ms, as if UTC). A wall time the
 * clock skips (a DST gap) resolves forward by the gap's length; one it shows twice (the fall-back
 * hour) resolves to the earlier instant: Temporal's "compatible" disambiguation.
 */
export function wallToInstant(rules: ZoneRules, wall: number): number {
  const before = offsetAt(rules, wall - DAY);
  const after = offsetAt(rules, wall + DAY);
  // Stryker disable next-line ConditionalExpression: performance only: below, early and late are then one instant
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
