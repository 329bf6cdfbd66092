import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repeatFinder } from "../../src/core/repeat-finder.js";
import { classCounts } from "../fixtures/class-counts.js";

/** The answers a Set gives for the positions asked in `order`. */
function bySet(keys: readonly unknown[], order: readonly number[]): boolean[] {
  const seen = new Set<unknown>();
  return order.map((position) => {
    const repeat = seen.has(keys[position]);
    seen.add(keys[position]);
    return repeat;
  });
}

const ask = (keys: readonly unknown[], order: readonly number[]): boolean[] =>
  order.map(repeatFinder(keys.length, (i) => keys[i]));

/** FNV-1a (32 bits) over UTF-16 code units, written from its published definition. */
function fnv1a(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

describe("repeatFinder", () => {
  it("answers whether a key came at a position asked before", () => {
    expect(ask(["e1", "e2", "e1"], [0, 1, 2])).toEqual([false, false, true]);
    // Asked from the end: the first delivery asked is the one that stands.
    expect(ask(["e1", "e2", "e1"], [2, 1, 0])).toEqual([false, false, true]);
    expect(ask([], [])).toEqual([]);
  });

  it("compares as a Set does: NaN is NaN, 1 is not '1', objects by identity", () => {
    const shared = { id: "x" };
    const keys = [Number.NaN, 1, Number.NaN, "1", 1, shared, { id: "x" }, shared];
    expect(ask(keys, [0, 1, 2, 3, 4, 5, 6, 7])).toEqual([false, false, true, false, true, false, false, true]);
  });

  it("keys crowded into one run of the table move to a Set and keep answering right", () => {
    // 100 keys whose FNV-1a hashes share their low 8 bits: for 100 keys the table has 256 slots,
    // so all land in one run, and the 65th probe moves everything to a Set.
    const crowded: string[] = [];
    for (let n = 0; crowded.length < 100; n += 1)
      if ((fnv1a(`k${String(n)}`) & 255) === 7) crowded.push(`k${String(n)}`);
    const keys = [...crowded, crowded[0], crowded[70], crowded[99]];
    const order = keys.map((_, i) => i);
    const answers = ask(keys, order);
    expect(answers.slice(0, 100).every((repeat) => !repeat)).toBe(true);
    expect(answers.slice(100)).toEqual([true, true, true]);
  });

  it("reads few keys: about one read a key for distinct ids, and a long run moves to the Set", () => {
    // The work is the calls of keyAt: each key asked is read once, plus once for each occupied slot
    // its probe passes. Half the table at most is full, so distinct ids pass well under one each.
    const ids = Array.from({ length: 2000 }, (_, i) => `hubspot-${String(i * 7919)}`);
    let reads = 0;
    const repeated = repeatFinder(ids.length, (i) => ((reads += 1), ids[i]));
    ids.forEach((_, i) => repeated(i));
    expect(reads).toBeGreaterThanOrEqual(2000);
    expect(reads).toBeLessThan(2 * 2000);
    // 100 keys in one run: key k passes k occupied slots until the 65th, which ends the run (64
    // probes) and moves the 64 tabled keys to the Set; the rest are one read each. Without the
    // bound, key k would pass k: 5050 reads.
    const crowded: string[] = [];
    for (let n = 0; crowded.length < 100; n += 1)
      if ((fnv1a(`k${String(n)}`) & 255) === 7) crowded.push(`k${String(n)}`);
    let crowdedReads = 0;
    const inRun = repeatFinder(crowded.length, (i) => ((crowdedReads += 1), crowded[i]));
    crowded.forEach((_, i) => inRun(i));
    // 64 keys reading 1..64 (2080), the 65th reading 1 + 64 + 64 (the Set's seeding), 35 more reading 1.
    expect(crowdedReads).toBe(2080 + 129 + 35);
  });

  it("law: for any keys asked in any order, the answers a Set gives", () => {
    const key = fc.oneof(
      { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "1"), maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 0, -0, 1, undefined, null) },
    );
    const input = fc
      .oneof(
        fc.array(key, { maxLength: 300, size: "max" }),
        fc.array(
          key.filter((k) => typeof k === "string"),
          { maxLength: 300, size: "max" },
        ),
      )
      .chain((keys) =>
        fc.tuple(
          fc.constant(keys),
          fc.shuffledSubarray(
            keys.map((_, i) => i),
            { minLength: keys.length, maxLength: keys.length },
          ),
        ),
      );
    const seen = classCounts();
    fc.assert(
      fc.property(input, ([keys, order]) => {
        const answers = ask(keys, order);
        const strings = keys.every((k) => typeof k === "string");
        seen.see("over 100 keys", keys.length > 100);
        seen.see("repeats", answers.includes(true));
        seen.see("keys that are not strings", !strings);
        seen.see("over 100 keys, all strings", strings && keys.length > 100);
        expect(answers).toEqual(bySet(keys, order));
      }),
      { numRuns: 300 },
    );
    seen.expectAtLeast({
      "over 100 keys": 30,
      repeats: 150,
      "keys that are not strings": 81,
      "over 100 keys, all strings": 48,
    });
  });
});
