import { describe, expect, it } from "vitest";
import { mergeSpans, subtract, type Span } from "../../src/sla/owner-days.js";

// The interval helpers under the business-time count. Through the public functions they only meet
// the overlaps a DST change makes, which few calendars reach, so each case is written out here.
const s = (start: number, end: number): Span => ({ start, end });

describe("subtract: spans less a cut, both sorted and disjoint", () => {
  it("keeps what lies before, between and after the cut's pieces", () => {
    // [0,10) less [2,4) and [8,22) leaves [0,2) and [4,8); [20,30) less [8,22) and [25,26) leaves [22,25) and [26,30).
    expect(subtract([s(0, 10), s(20, 30)], [s(2, 4), s(8, 22), s(25, 26)])).toEqual([
      s(0, 2),
      s(4, 8),
      s(22, 25),
      s(26, 30),
    ]);
  });

  it("leaves a span alone when a cut piece only touches it", () => {
    expect(subtract([s(10, 20)], [s(5, 10), s(20, 25)])).toEqual([s(10, 20)]);
  });

  it("removes a span the cut covers, exactly or with room to spare", () => {
    expect(subtract([s(10, 20)], [s(10, 20)])).toEqual([]);
    expect(subtract([s(10, 20), s(30, 40)], [s(0, 50)])).toEqual([]);
  });

  it("cuts the start or the end of a span", () => {
    expect(subtract([s(10, 20)], [s(5, 12)])).toEqual([s(12, 20)]);
    expect(subtract([s(10, 20)], [s(18, 25)])).toEqual([s(10, 18)]);
  });

  it("stops at the first cut piece that reaches the span's end, and ignores the pieces after it", () => {
    // The second piece starts after the span: it must not reopen [15,20).
    expect(subtract([s(10, 20)], [s(12, 20), s(22, 24)])).toEqual([s(10, 12)]);
    expect(subtract([s(10, 20)], [s(12, 25), s(30, 31)])).toEqual([s(10, 12)]);
  });

  it("returns a copy when there is nothing to cut", () => {
    const spans = [s(1, 2)];
    const out = subtract(spans, []);
    expect(out).toEqual(spans);
    expect(out).not.toBe(spans);
  });
});

describe("mergeSpans: sorted, overlapping and touching spans joined", () => {
  it("sorts, joins overlaps and touching ends, and keeps gaps", () => {
    expect(mergeSpans([s(20, 30), s(0, 5), s(5, 8), s(25, 40), s(50, 60)])).toEqual([s(0, 8), s(20, 40), s(50, 60)]);
  });

  it("keeps the later end when a span lies inside another", () => {
    expect(mergeSpans([s(0, 100), s(10, 20)])).toEqual([s(0, 100)]);
  });
});
