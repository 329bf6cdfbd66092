import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MinHeap } from "../../src/core/min-heap.js";

function drain(heap: MinHeap<number>): number[] {
  const out: number[] = [];
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) out.push(item);
  return out;
}

describe("MinHeap", () => {
  it("gives the least item first, whatever the order they came in", () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    for (const n of [5, 3, 8, 1, 9, 2, 7, 4, 6, 0]) heap.push(n);
    expect(heap.peek()).toBe(0);
    expect(drain(heap)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(heap.peek()).toBeUndefined();
    expect(heap.pop()).toBeUndefined();
  });

  it("follows its comparison, not the items' natural order", () => {
    const heap = new MinHeap<number>((a, b) => b - a);
    for (const n of [2, 9, 4, 7]) heap.push(n);
    expect(drain(heap)).toEqual([9, 7, 4, 2]);
  });

  it("keeps the order through pushes between pops (the sweep's use)", () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    for (const n of [4, 6, 5]) heap.push(n);
    expect(heap.pop()).toBe(4);
    heap.push(1);
    heap.push(7);
    expect(heap.pop()).toBe(1);
    expect(heap.pop()).toBe(5);
    heap.push(3);
    expect(drain(heap)).toEqual([3, 6, 7]);
  });

  it("drains any list sorted, duplicates kept", () => {
    const seen = { duplicates: 0, long: 0 };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 40, size: "max" }), (list) => {
        const heap = new MinHeap<number>((a, b) => a - b);
        for (const n of list) heap.push(n);
        if (new Set(list).size < list.length) seen.duplicates += 1;
        if (list.length >= 16) seen.long += 1;
        expect(drain(heap)).toEqual([...list].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
    // Lists long enough for three levels, and repeated values, occur (most runs have both).
    expect(seen.duplicates).toBeGreaterThan(0);
    expect(seen.long).toBeGreaterThan(0);
  });
});
