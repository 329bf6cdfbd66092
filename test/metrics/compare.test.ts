// compareWithRest at the edges of its samples, each expected value worked out by hand beside it.
import { describe, expect, it } from "vitest";
import type { HandoffSummary } from "../../src/handoff/summarize.js";
import { compareWithRest, differenceInterval, scoreboard, type Comparison } from "../../src/metrics/index.js";
import { heldAccepted, NOW, row } from "./rows.js";

const rated = (sdrId: string, scores: readonly number[]): HandoffSummary[] =>
  scores.map((score, i) => heldAccepted(`${sdrId}-${String(i)}`, score, { sdrId }));
const held = (sdrId: string, count: number, missed: number): HandoffSummary[] =>
  Array.from({ length: count + missed }, (_, i) =>
    row({
      id: `${sdrId}-m${String(i)}`,
      sdrId,
      status: "accepted",
      decision: "accepted",
      meetingStatus: i < count ? "held" : "no_show",
    }),
  );
const find = (
  comparisons: readonly Comparison[],
  group: string,
  metric: Comparison["metric"],
): Comparison | undefined =>
  comparisons.find((comparison) => comparison.scope === group && comparison.metric === metric);

describe("compareWithRest on meeting quality (Welch's interval)", () => {
  it("computes the interval of two small samples, and calls the smaller one low", () => {
    // a: 4 and 5 (n 2, mean 4.5, variance 0.5); b: 2, 3, 4 (n 3, mean 3, variance 1).
    // Standard error sqrt(0.5/2 + 1/3) = 0.763763; half width 1.959964 x 0.7637626 = 1.496947.
    const board = scoreboard([...rated("a", [4, 5]), ...rated("b", [2, 3, 4])], {
      now: NOW,
      groupBy: "sdr",
      minSample: 3,
    });
    const a = find(compareWithRest(board), "a", "meetingQuality");
    expect(a).toMatchObject({ value: 4.5, rest: 3, difference: 1.5, supported: true, lowSample: true });
    expect(a?.interval?.low).toBeCloseTo(1.5 - 1.496947, 5);
    expect(a?.interval?.high).toBeCloseTo(1.5 + 1.496947, 5);
    const b = find(compareWithRest(board), "b", "meetingQuality");
    expect(b).toMatchObject({ value: 3, rest: 4.5, difference: -1.5, supported: true, lowSample: true });
    expect(b?.interval?.high).toBeCloseTo(-1.5 + 1.496947, 5);
    // With a minimum of 2, the smaller side (2 ratings) is enough.
    expect(
      find(
        compareWithRest(
          scoreboard([...rated("a", [4, 5]), ...rated("b", [2, 3, 4])], { now: NOW, groupBy: "sdr", minSample: 2 }),
        ),
        "a",
        "meetingQuality",
      )?.lowSample,
    ).toBe(false);
  });

  it("gives no interval when either side has fewer than two ratings, and no rest when the rest has none", () => {
    // a: 4 and 5; b: one 3. The rest of a is one rating: no variance, no interval.
    const one = compareWithRest(
      scoreboard([...rated("a", [4, 5]), ...rated("b", [3])], { now: NOW, groupBy: "sdr", minSample: 1 }),
    );
    expect(find(one, "a", "meetingQuality")).toMatchObject({
      value: 4.5,
      rest: 3,
      interval: null,
      supported: false,
      lowSample: false,
    });
    expect(find(one, "b", "meetingQuality")).toMatchObject({ value: 3, rest: 4.5, interval: null, supported: false });
    // c has a held meeting but no rating: the rest of a has none.
    const none = compareWithRest(
      scoreboard(
        [
          ...rated("a", [4, 5]),
          row({ id: "c-1", sdrId: "c", status: "accepted", decision: "accepted", meetingStatus: "held" }),
        ],
        { now: NOW, groupBy: "sdr", minSample: 1 },
      ),
    );
    expect(find(none, "a", "meetingQuality")).toMatchObject({
      value: 4.5,
      rest: null,
      difference: null,
      interval: null,
      lowSample: true,
    });
  });
});

describe("compareWithRest on rates (Newcombe's interval)", () => {
  it("has no rest for the only group, and does not support a difference whose interval holds zero", () => {
    const only = compareWithRest(scoreboard(held("a", 5, 5), { now: NOW, groupBy: "sdr" }));
    expect(find(only, "a", "heldRate")).toMatchObject({ value: 0.5, rest: null, difference: null, supported: false });
    // 5 of 10 against 5 of 10: a difference of 0, inside any interval.
    const even = compareWithRest(scoreboard([...held("a", 5, 5), ...held("b", 5, 5)], { now: NOW, groupBy: "sdr" }));
    expect(find(even, "a", "heldRate")).toMatchObject({ value: 0.5, rest: 0.5, difference: 0, supported: false });
  });

  it("calls a comparison low when the rest's denominator is under the minimum, even if the group's is not", () => {
    // a: 20 meetings; b: 3. For a, the rest is b's 3.
    const rows = [...held("a", 12, 8), ...held("b", 1, 2)];
    expect(
      find(compareWithRest(scoreboard(rows, { now: NOW, groupBy: "sdr", minSample: 4 })), "a", "heldRate")?.lowSample,
    ).toBe(true);
    expect(
      find(compareWithRest(scoreboard(rows, { now: NOW, groupBy: "sdr", minSample: 3 })), "a", "heldRate")?.lowSample,
    ).toBe(false);
  });
});

describe("compareWithRest at the edges of support", () => {
  it("supports a difference only when its interval lies wholly on one side of zero, zero itself excluded", () => {
    // Every rating 3 on both sides: no spread, so the interval is the difference itself, [0, 0]: it
    // touches zero, and a difference of exactly 0 is no difference.
    const same = compareWithRest(
      scoreboard([...rated("a", [3, 3]), ...rated("b", [3, 3])], { now: NOW, groupBy: "sdr", minSample: 1 }),
    );
    expect(find(same, "a", "meetingQuality")).toMatchObject({
      difference: 0,
      interval: { low: 0, high: 0 },
      supported: false,
    });
    // 5, 5 against 3, 3: [2, 2], wholly above zero; and b's [-2, -2] wholly below.
    const apart = compareWithRest(
      scoreboard([...rated("a", [5, 5]), ...rated("b", [3, 3])], { now: NOW, groupBy: "sdr", minSample: 1 }),
    );
    expect(find(apart, "a", "meetingQuality")).toMatchObject({ interval: { low: 2, high: 2 }, supported: true });
    expect(find(apart, "b", "meetingQuality")).toMatchObject({ interval: { low: -2, high: -2 }, supported: true });
    // 3, 4 against 3, 4: difference 0 with a spread, so the interval holds zero on both sides.
    const spread = find(
      compareWithRest(
        scoreboard([...rated("a", [3, 4]), ...rated("b", [3, 4])], { now: NOW, groupBy: "sdr", minSample: 1 }),
      ),
      "a",
      "meetingQuality",
    );
    expect(spread?.interval?.low).toBeLessThan(0);
    expect(spread?.interval?.high).toBeGreaterThan(0);
    expect(spread?.supported).toBe(false);
  });

  it("calls a group whose own denominator equals the minimum not low", () => {
    // a: 4 meetings, b: 4 meetings, minimum 4: neither side is under it.
    const rows = [...held("a", 3, 1), ...held("b", 1, 3)];
    const a = find(compareWithRest(scoreboard(rows, { now: NOW, groupBy: "sdr", minSample: 4 })), "a", "heldRate");
    expect(a?.lowSample).toBe(false);
    expect(
      find(compareWithRest(scoreboard(rows, { now: NOW, groupBy: "sdr", minSample: 5 })), "a", "heldRate")?.lowSample,
    ).toBe(true);
  });

  it("states every interval at the scoreboard's confidence", () => {
    // a held 3 of 4, the rest (b) 1 of 4. At 80% the rate interval is Newcombe's at 80%; the quality
    // interval's half width uses z = 1.281552 (the normal quantile at 0.9) rather than 1.959964.
    const rows = [...held("a", 3, 1), ...held("b", 1, 3), ...rated("c", [4, 5]), ...rated("d", [2, 3, 4])];
    const board = scoreboard(rows, { now: NOW, groupBy: "sdr", minSample: 1, confidence: 0.8 });
    const rate = find(compareWithRest(board), "a", "heldRate");
    expect(rate?.interval?.confidence).toBe(0.8);
    // a: 3 of 4 held; the rest: b's 1 of 4 and c's and d's 5 held meetings, 6 of 9.
    expect(rate?.interval).toEqual(
      differenceInterval({ successes: 3, trials: 4 }, { successes: 6, trials: 9 }, { confidence: 0.8 }),
    );
    // c: 4, 5 (mean 4.5, variance 0.5); the rest: d's 2, 3, 4 (mean 3, variance 1): half width
    // 1.281552 x sqrt(0.5/2 + 1/3) = 1.281552 x 0.7637626 = 0.978804.
    const quality = find(compareWithRest(board), "c", "meetingQuality");
    expect(quality?.interval?.confidence).toBe(0.8);
    expect(quality?.interval?.low).toBeCloseTo(1.5 - 0.978804, 5);
    expect(quality?.interval?.high).toBeCloseTo(1.5 + 0.978804, 5);
  });
});
