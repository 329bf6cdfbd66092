import { compareCodeUnits } from "../core/order.js";

/**
 * The order ties are broken in, for a queue's members and a seed: by the 32-bit FNV-1a hash of
 * `seed:rep`, then by the rep's id, so it is stable across runs and machines, the same for a replay,
 * and not simply the order a team listed its reps in (which would favour the first every time).
 * Returns the indexes of `reps` in that order.
 */
export function seededRank(reps: readonly string[], seed: string): number[] {
  const keyed = reps.map((rep, index) => ({ index, rep, hash: fnv1a(`${seed}:${rep}`) }));
  keyed.sort((a, b) => a.hash - b.hash || compareCodeUnits(a.rep, b.rep));
  return keyed.map(({ index }) => index);
}

/** FNV-1a over UTF-16 code units, 32 bits unsigned. */
function fnv1a(text: string): number {
  let hash = 0x81_1c_9d_c5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01_00_01_93) >>> 0;
  }
  return hash >>> 0;
}
