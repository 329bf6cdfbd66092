import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import type { HandoffSummary } from "../../src/handoff/summarize.js";
import {
  assessHealth,
  compareWithRest,
  DEFAULT_HEALTH_BANDS,
  defineHealthBands,
  detectTrends,
  scoreboard,
  wilsonInterval,
  type HealthFinding,
} from "../../src/metrics/index.js";
import { NOW, row } from "./rows.js";

/** A finding against a band (its kind gives it a side and a likely cause), or undefined. */
const against = (finding: HealthFinding | undefined) =>
  finding?.kind === "outside_band" || finding?.kind === "watch" ? finding : undefined;

/** `held` held meetings and `missed` no-shows for an SDR, booked at `at`. */
function meetings(
  sdrId: string,
  held: number,
  missed: number,
  at = new Date("2026-11-02T15:00:00Z"),
): HandoffSummary[] {
  return Array.from({ length: held + missed }, (_, i) =>
    row({
      id: `${sdrId}-${at.toISOString()}-${String(i)}`,
      sdrId,
      bookedAt: at,
      status: "accepted",
      decision: "accepted",
      meetingStatus: i < held ? "held" : "no_show",
    }),
  );
}

describe("assessHealth", () => {
  it("calls a rate outside the band only when its whole interval is, else it is one to watch", () => {
    // 12 of 30 held: 40%, Wilson's upper bound about 58%, below 70%. 10 of 20: the bound is 70.1%.
    const outside = assessHealth(scoreboard(meetings("sdr-a", 12, 18), { now: NOW }));
    expect(wilsonInterval(12, 30)?.high).toBeLessThan(0.7);
    expect(outside.findings.find((finding) => finding.metric === "heldRate")).toMatchObject({
      kind: "outside_band",
      scope: "overall",
      side: "below",
      value: 0.4,
    });
    const watch = assessHealth(scoreboard(meetings("sdr-a", 10, 10), { now: NOW }));
    expect(wilsonInterval(10, 20)?.high).toBeGreaterThan(0.7);
    expect(watch.findings.find((finding) => finding.metric === "heldRate")).toMatchObject({
      kind: "watch",
      value: 0.5,
    });
  });

  it("names the likely cause, with the team's own warm-against-cold evidence when the counts support it", () => {
    const warm = meetings("sdr-a", 19, 1).map((r) => ({ ...r, style: "warm" as const }));
    const cold = meetings("sdr-b", 6, 24).map((r) => ({ ...r, style: "cold" as const }));
    const finding = assessHealth(scoreboard([...warm, ...cold], { now: NOW })).findings.find(
      (f) => f.metric === "heldRate" && f.scope === "overall",
    );
    // 25 of 50 held overall; cold 6 of 30 (20%), warm 19 of 20 (95%).
    expect(against(finding)?.likelyCause).toContain("cold handoffs");
    expect(against(finding)?.likelyCause).toContain("held 20.0% of the time against 95.0% for warm ones");
  });

  it("does not judge low samples, and lists them as not judged", () => {
    const report = assessHealth(scoreboard(meetings("sdr-a", 1, 5), { now: NOW }));
    expect(report.findings.filter((finding) => finding.metric === "heldRate")).toEqual([]);
    expect(report.notJudged).toContainEqual({ scope: "overall", metric: "heldRate", code: "low_sample" });
    expect(report.notJudged).toContainEqual({ scope: "overall", metric: "meetingQuality", code: "no_data" });
  });

  it("reads both sides of the acceptance band with their own meaning", () => {
    const decided = (accepted: number, rejected: number): HandoffSummary[] =>
      Array.from({ length: accepted + rejected }, (_, i) =>
        row({
          id: String(i),
          ...(i < accepted
            ? { decision: "accepted", status: "accepted" }
            : { decision: "rejected", status: "rejected", reason: "timing" }),
        }),
      );
    const loose = assessHealth(scoreboard(decided(20, 40), { now: NOW })).findings.find(
      (f) => f.metric === "acceptanceRate",
    );
    expect(loose).toMatchObject({ kind: "outside_band", side: "below" });
    expect(against(loose)?.likelyCause).toMatch(/loose/u);
    const strict = assessHealth(scoreboard(decided(58, 2), { now: NOW })).findings.find(
      (f) => f.metric === "acceptanceRate",
    );
    expect(strict).toMatchObject({ kind: "outside_band", side: "above" });
    expect(against(strict)?.likelyCause).toMatch(/conservative/u);
  });

  it("takes the team's own bands", () => {
    const board = scoreboard(meetings("sdr-a", 27, 3), { now: NOW });
    expect(assessHealth(board).findings.filter((f) => f.metric === "heldRate")).toEqual([]);
    const strict = DEFAULT_HEALTH_BANDS.map((band) => (band.metric === "heldRate" ? { ...band, low: 0.99 } : band));
    expect(assessHealth(board, strict).findings.find((f) => f.metric === "heldRate")?.kind).toBe("outside_band");
  });
});

describe("assessHealth's findings, word for word", () => {
  const band = (metric: string) => DEFAULT_HEALTH_BANDS.find((entry) => entry.metric === metric);
  it("says how far outside each band a team is, and why that is likely", () => {
    // 12 of 30 held, 18 no-shows, all accepted: held 40%, no-show 60%, acceptance 100%.
    const { findings } = assessHealth(scoreboard(meetings("sdr-a", 12, 18), { now: NOW }));
    expect(
      findings.map(against).map(
        (finding) =>
          finding && {
            kind: finding.kind,
            scope: finding.scope,
            metric: finding.metric,
            side: finding.side,
            message: finding.message,
            likelyCause: finding.likelyCause,
            source: finding.source,
          },
      ),
    ).toEqual([
      {
        kind: "outside_band",
        scope: "overall",
        metric: "heldRate",
        side: "below",
        message: "Meeting-held rate 40.0% is below the band's 70.0%",
        likelyCause:
          `${band("heldRate")?.below ?? ""}. Of the 18 booked meetings that did not happen, ` +
          `18 were no-shows, 0 were cancelled and 0 have no outcome recorded`,
        source: band("heldRate")?.source,
      },
      {
        kind: "outside_band",
        scope: "overall",
        metric: "noShowRate",
        side: "above",
        message: "No-show rate 60.0% is above the band's 15.0%",
        likelyCause: band("noShowRate")?.above,
        source: band("noShowRate")?.source,
      },
      // Wilson's lower bound for 30 of 30 is about 88.6%, above 80%.
      {
        kind: "outside_band",
        scope: "overall",
        metric: "acceptanceRate",
        side: "above",
        message: "Acceptance rate 100.0% is above the band's 80.0%",
        likelyCause: band("acceptanceRate")?.above,
        source: band("acceptanceRate")?.source,
      },
    ]);
  });

  it("shows a follow-up time in hours and a quality to two places, and leaves out a band's absent cause", () => {
    // Ten held meetings, each followed up 72 hours after booking and rated 2.
    const slow = Array.from({ length: 10 }, (_, i) =>
      row({
        id: `s${String(i)}`,
        status: "accepted",
        decision: "accepted",
        meetingStatus: "held",
        quality: 2,
        firstFollowUpAt: new Date(Date.parse("2026-11-02T15:00:00Z") + 72 * 3_600_000),
      }),
    );
    const bands = [
      band("timeToFirstFollowUp"),
      band("meetingQuality"),
      { metric: "heldRate" as const, label: "Held", high: 0.5, source: "test" },
    ].filter((entry) => entry !== undefined);
    const { findings } = assessHealth(scoreboard(slow, { now: NOW }), bands);
    expect(findings.map(({ kind, metric, message }) => ({ kind, metric, message }))).toEqual([
      {
        kind: "outside_band",
        metric: "timeToFirstFollowUp",
        message: "Time to the AE's first follow-up (p90) 72.0 h is above the band's 48.0 h",
      },
      {
        kind: "outside_band",
        metric: "meetingQuality",
        message: "Meeting quality (AE's 1-5 rating) 2.00 is below the band's 3.00",
      },
      { kind: "outside_band", metric: "heldRate", message: "Held 100.0% is above the band's 50.0%" },
    ]);
    expect(findings[2]).toHaveProperty("likelyCause", undefined);
    const median = assessHealth(scoreboard(slow, { now: NOW }), [
      {
        metric: "timeToFirstFollowUp",
        label: "Median follow-up",
        high: 80 * 3_600_000,
        statistic: "median",
        source: "test",
      },
    ]);
    expect(median.findings).toEqual([]);
  });

  it("names the groups that differ from the rest of the team", () => {
    const board = scoreboard(
      [...meetings("sdr-good", 18, 2), ...meetings("sdr-poor", 5, 15), ...meetings("sdr-new", 3, 3)],
      { now: NOW, groupBy: "sdr" },
    );
    const differs = assessHealth(board).findings.filter((finding) => finding.kind === "differs_from_team");
    // sdr-good: 18 of 20 held against 8 of 26; sdr-poor: 5 of 20 against 21 of 26.
    expect(differs.map(({ scope, metric, message }) => [scope, metric, message])).toEqual([
      ["sdr-good", "heldRate", "held rate 90.0% against 30.8% for everyone else; the counts support the difference"],
      [
        "sdr-good",
        "noShowRate",
        "no-show rate 10.0% against 69.2% for everyone else; the counts support the difference",
      ],
      ["sdr-poor", "heldRate", "held rate 25.0% against 80.8% for everyone else; the counts support the difference"],
      [
        "sdr-poor",
        "noShowRate",
        "no-show rate 75.0% against 19.2% for everyone else; the counts support the difference",
      ],
    ]);
    expect(differs[0]?.source).toBe("Newcombe's interval for a difference of proportions (Welch's for quality)");
  });

  it("names misuse", () => {
    const board = scoreboard([], { now: NOW });
    expect(() => assessHealth(board, "bands" as never)).toThrow("(assessHealth: bands must be an array: bands)");
    expect(() => assessHealth(board, [null] as never)).toThrow(
      "(assessHealth: bands[0] must be a band like DEFAULT_HEALTH_BANDS' entries: null)",
    );
    expect(() => assessHealth(board, DEFAULT_HEALTH_BANDS, null as never)).toThrow(
      "(assessHealth: options must be an object: null)",
    );
    expect(() => assessHealth({} as never)).toThrow(
      "(assessHealth expects a board made by scoreboard (or finish): now is undefined, not a valid Date)",
    );
  });
});

describe("compareWithRest", () => {
  it("flags only the differences the counts support", () => {
    const board = scoreboard(
      [...meetings("sdr-good", 18, 2), ...meetings("sdr-poor", 5, 15), ...meetings("sdr-new", 3, 3)],
      { now: NOW, groupBy: "sdr" },
    );
    const held = compareWithRest(board).filter((comparison) => comparison.metric === "heldRate");
    expect(held.map((comparison) => [comparison.scope, comparison.supported])).toEqual([
      ["sdr-good", true],
      ["sdr-new", false],
      ["sdr-poor", true],
    ]);
    // sdr-new: 3 of 6 against the others' 23 of 40.
    expect(held[1]).toMatchObject({ value: 0.5, rest: 23 / 40, lowSample: true });
    expect(held[1]?.difference).toBeCloseTo(0.5 - 23 / 40, 12);
  });

  it("compares mean meeting quality with Welch's interval", () => {
    const rated = (sdrId: string, scores: number[]): HandoffSummary[] =>
      scores.map((quality, i) => row({ id: `${sdrId}-${String(i)}`, sdrId, quality, meetingStatus: "held" }));
    const board = scoreboard(
      [...rated("sdr-a", [5, 5, 4, 5, 4, 5, 5, 4, 5, 5]), ...rated("sdr-b", [2, 1, 2, 3, 2, 1, 2, 2, 3, 2])],
      { now: NOW, groupBy: "sdr" },
    );
    const quality = compareWithRest(board).find(
      (comparison) => comparison.metric === "meetingQuality" && comparison.scope === "sdr-a",
    );
    expect(quality).toMatchObject({ value: 4.7, rest: 2, supported: true });
    // Welch: sdr-a's scores deviate from 4.7 by 0.3 seven times and -0.7 three times (squares 2.1),
    // sdr-b's from 2 by 1 four times (squares 4); variances over n - 1 = 9, each over n = 10.
    const half = 1.959963984540054 * Math.sqrt(2.1 / 9 / 10 + 4 / 9 / 10);
    expect(quality?.difference).toBeCloseTo(2.7, 12);
    expect(quality?.interval?.low).toBeCloseTo(2.7 - half, 12);
    expect(quality?.interval?.high).toBeCloseTo(2.7 + half, 12);
    expect(quality?.interval?.confidence).toBe(0.95);
    expect(quality?.lowSample).toBe(false);
    const other = compareWithRest(board).find(
      (comparison) => comparison.metric === "meetingQuality" && comparison.scope === "sdr-b",
    );
    expect(other).toMatchObject({ value: 2, rest: 4.7, supported: true });
    expect(other?.interval?.high).toBeCloseTo(-2.7 + half, 12);
    // Ten ratings a side: low at a minimum sample of 11, and no interval with one rating a side.
    const strict = scoreboard(
      [...rated("sdr-a", [5, 5, 4, 5, 4, 5, 5, 4, 5, 5]), ...rated("sdr-b", [2, 1, 2, 3, 2, 1, 2, 2, 3, 2])],
      { now: NOW, groupBy: "sdr", minSample: 11 },
    );
    expect(compareWithRest(strict).find((comparison) => comparison.metric === "meetingQuality")?.lowSample).toBe(true);
    const single = compareWithRest(
      scoreboard([...rated("sdr-a", [5]), ...rated("sdr-b", [2, 3])], { now: NOW, groupBy: "sdr" }),
    );
    expect(
      single.find((comparison) => comparison.metric === "meetingQuality" && comparison.scope === "sdr-a"),
    ).toMatchObject({ value: 5, rest: 2.5, difference: 2.5, interval: null, supported: false, lowSample: true });
    const unrated = compareWithRest(
      scoreboard([...rated("sdr-a", [5, 4]), row({ id: "x", sdrId: "sdr-b" })], { now: NOW, groupBy: "sdr" }),
    );
    expect(
      unrated.find((comparison) => comparison.metric === "meetingQuality" && comparison.scope === "sdr-b"),
    ).toMatchObject({ value: null, rest: 4.5, difference: null, interval: null });
  });
});

describe("detectTrends", () => {
  /** 12 complete weeks before NOW's week (2026-11-09): 6 quiet, well-held weeks, then 6 busy, badly held ones. */
  const weekly = (sdrId: string, quiet: [number, number], busy: [number, number]): HandoffSummary[] =>
    Array.from({ length: 12 }, (_, w) => {
      const at = new Date(Date.UTC(2026, 7, 17 + 7 * w, 15));
      const [held, missed] = w < 6 ? quiet : busy;
      return meetings(sdrId, held, missed, at);
    }).flat();

  it("raises the red flag when booked rises and held falls, both supported", () => {
    const board = scoreboard(weekly("sdr-diego", [4, 1], [5, 7]), { now: NOW, groupBy: ["sdr", "week"] });
    const [trend] = detectTrends(board);
    // Earlier: 30 booked, 24 of 30 held; recent: 72 booked, 30 of 72 held.
    expect(trend).toMatchObject({
      scope: "sdr-diego",
      booked: { earlier: 30, recent: 72, supported: true },
      heldRate: { earlier: 0.8, recent: 30 / 72, supported: true },
      redFlag: true,
    });
    expect(trend?.recentWeeks[0]).toBe("2026-09-28");
    expect(assessHealth(board).findings.find((finding) => finding.kind === "red_flag")).toMatchObject({
      scope: "sdr-diego",
      message:
        "Booked rose from 30 to 72 while the held rate fell from 80.0% to 41.7% " +
        "(weeks from 2026-09-28 against the 6 before)",
      likelyCause:
        "Volume is being bought with quality: meetings booked without the bar being met. " +
        "More meetings booked while fewer are held is a warning, not a success",
    });
  });

  it("does not raise it by eye: a small rise with a small fall is not supported", () => {
    const board = scoreboard(weekly("sdr-ana", [4, 1], [4, 2]), { now: NOW, groupBy: "week" });
    const [trend] = detectTrends(board);
    expect(trend).toMatchObject({
      scope: "overall",
      booked: { rising: true, supported: false },
      heldRate: { falling: true, supported: false },
      redFlag: false,
    });
    expect(
      assessHealth(board).findings.filter((finding) => finding.kind === "red_flag" || finding.kind === "trend_watch"),
    ).toEqual([]);
  });

  it("watches a rise or a fall the counts support alone, and names the one they do not", () => {
    // Booked 30 -> 66 (66 of 96 recent: supported); held 24 of 30 -> 48 of 66 (80.0% -> 72.7%: not).
    const risingOnly = assessHealth(
      scoreboard(weekly("sdr-a", [4, 1], [8, 3]), { now: NOW, groupBy: "week" }),
    ).findings.filter((f) => f.kind === "trend_watch");
    expect(risingOnly.map((f) => f.message)).toEqual([
      "Booked rose from 30 to 66 while the held rate fell from 80.0% to 72.7% " +
        "(weeks from 2026-09-28 against the 6 before); " +
        "the counts do not yet support the fall: watch it",
    ]);
    expect(risingOnly[0]).toMatchObject({
      scope: "overall",
      metric: "heldRate",
      booked: { earlier: 30, recent: 66 },
      heldRate: { earlier: 24 / 30, recent: 48 / 66 },
      source: "red flag (the 2027 handoff-process Q&A)",
    });
    // Booked 30 -> 36 (not supported); held 24 of 30 -> 12 of 36 (80.0% -> 33.3%: supported).
    const fallingOnly = assessHealth(
      scoreboard(weekly("sdr-a", [4, 1], [2, 4]), { now: NOW, groupBy: "week" }),
    ).findings.filter((f) => f.kind === "trend_watch");
    expect(fallingOnly.map((f) => f.message)).toEqual([
      "Booked rose from 30 to 36 while the held rate fell from 80.0% to 33.3% " +
        "(weeks from 2026-09-28 against the 6 before); " +
        "the counts do not yet support the rise: watch it",
    ]);
  });

  it("leaves out the week still running and needs a week grouping", () => {
    const rows = [...weekly("sdr-a", [4, 1], [5, 7]), ...meetings("sdr-a", 0, 40, new Date("2026-11-10T15:00:00Z"))];
    expect(detectTrends(scoreboard(rows, { now: NOW, groupBy: "week" }))[0]?.recentWeeks.at(-1)).toBe("2026-11-02");
    expect(() => detectTrends(scoreboard(rows, { now: NOW, groupBy: "sdr" }))).toThrow(HandoffKitError);
    expect(() => detectTrends(scoreboard(rows, { now: NOW, groupBy: "week" }), { weeks: 3 })).toThrow(HandoffKitError);
    expect(() => detectTrends(scoreboard(rows, { now: NOW, groupBy: "sdr" }))).toThrow(
      '(detectTrends needs a scoreboard grouped by "week")',
    );
    expect(() => detectTrends(scoreboard(rows, { now: NOW, groupBy: "week" }), { weeks: 4.5 })).toThrow(
      "(detectTrends: options.weeks must be a whole number from 4 to 520: 4.5)",
    );
    expect(() => detectTrends(scoreboard(rows, { now: NOW, groupBy: "week" }), null as never)).toThrow(
      "(detectTrends: options must be an object: null)",
    );
  });

  it("names a series by its other dimensions, and takes a shorter window", () => {
    const rows = [
      ...weekly("sdr-a", [4, 1], [5, 7]),
      ...weekly("sdr-b", [4, 1], [4, 1]).map((r) => ({ ...r, source: "inbound" as const })),
    ];
    const trends = detectTrends(scoreboard(rows, { now: NOW, groupBy: ["sdr", "week", "source"] }));
    expect(trends.map((trend) => trend.scope).sort()).toEqual(["sdr-a / outbound", "sdr-b / inbound"]);
    // Four weeks: the two before the last two complete weeks (26 October and 2 November).
    const [short] = detectTrends(scoreboard(weekly("sdr-a", [4, 1], [5, 7]), { now: NOW, groupBy: "week" }), {
      weeks: 4,
    });
    expect([short?.earlierWeeks, short?.recentWeeks]).toEqual([
      ["2026-10-12", "2026-10-19"],
      ["2026-10-26", "2026-11-02"],
    ]);
    // Odd: the window is the largest even number of weeks within it.
    expect(
      detectTrends(scoreboard(weekly("sdr-a", [4, 1], [5, 7]), { now: NOW, groupBy: "week" }), { weeks: 5 })[0]
        ?.earlierWeeks,
    ).toHaveLength(2);
  });
});

describe("assessHealth's readings and causes, at their edges", () => {
  const band = (metric: string) => DEFAULT_HEALTH_BANDS.find((entry) => entry.metric === metric);
  const followedUp = (hours: readonly number[]): HandoffSummary[] =>
    hours.map((h, i) =>
      row({
        id: `f${String(i)}`,
        status: "accepted",
        decision: "accepted",
        meetingStatus: "held",
        firstFollowUpAt: new Date(Date.parse("2026-11-02T15:00:00Z") + h * 3_600_000),
      }),
    );
  const medianBand = [
    {
      metric: "timeToFirstFollowUp" as const,
      label: "Median follow-up",
      high: 50 * 3_600_000,
      statistic: "median" as const,
      source: "test",
    },
  ];

  it("judges the statistic the band names, and only from enough follow-ups", () => {
    // Six follow-ups at 10 h and three at 100 h: the median is 10 h, the p90 100 h.
    const hours = [10, 10, 10, 10, 10, 10, 100, 100, 100];
    const judged = assessHealth(scoreboard(followedUp(hours), { now: NOW, minSample: 9 }), medianBand);
    expect(judged.findings).toEqual([]);
    expect(judged.notJudged).toEqual([]);
    const p90 = assessHealth(scoreboard(followedUp(hours), { now: NOW, minSample: 9 }), [
      { ...medianBand[0]!, statistic: "p90" as const },
    ]);
    expect(p90.findings.map((finding) => finding.message)).toEqual([
      "Median follow-up 100.0 h is above the band's 50.0 h",
    ]);
    // Nine follow-ups against a minimum of ten: not judged.
    expect(assessHealth(scoreboard(followedUp(hours), { now: NOW }), medianBand).notJudged).toEqual([
      { scope: "overall", metric: "timeToFirstFollowUp", code: "low_sample" },
    ]);
  });

  it("adds the warm-against-cold evidence to missed meetings' causes only", () => {
    // Warm 19 held of 20, cold 6 of 30: held 25 of 50 (50%), no-shows 25 of 50 (50%), acceptance 50 of 50.
    const warm = meetings("sdr-a", 19, 1).map((r) => ({ ...r, style: "warm" as const }));
    const cold = meetings("sdr-b", 6, 24).map((r) => ({ ...r, style: "cold" as const }));
    const { findings } = assessHealth(scoreboard([...warm, ...cold], { now: NOW }));
    const cause = (metric: string) => against(findings.find((finding) => finding.metric === metric))?.likelyCause;
    const gap = "Here, cold handoffs were held 20.0% of the time against 95.0% for warm ones, a gap the counts support";
    expect(cause("heldRate")).toBe(
      `${band("heldRate")?.below ?? ""}. Of the 25 booked meetings that did not happen, ` +
        `25 were no-shows, 0 were cancelled and 0 have no outcome recorded. ${gap}`,
    );
    expect(cause("noShowRate")).toBe(`${band("noShowRate")?.above ?? ""}. ${gap}`);
    expect(cause("acceptanceRate")).toBe(band("acceptanceRate")?.above);
  });
});

describe("defineHealthBands", () => {
  const band = { metric: "noShowRate" as const, label: "No-show rate", high: 0.1, source: "our Q3 target" };

  it("returns the bands frozen, apart from the list passed in", () => {
    const list = [band];
    const bands = defineHealthBands(list);
    expect(bands).toEqual([band]);
    expect(Object.isFrozen(bands) && Object.isFrozen(bands[0])).toBe(true);
    list.push({ ...band, high: 0.5 });
    expect(bands).toHaveLength(1);
    expect(Object.isFrozen(DEFAULT_HEALTH_BANDS) && DEFAULT_HEALTH_BANDS.every((b) => Object.isFrozen(b))).toBe(true);
  });

  it("names every bad field by index and field, in one invalid_config", () => {
    const bad = [
      band,
      { ...band, metric: "vibes", label: "" },
      { ...band, low: 0.5, high: 0.2 },
      { ...band, high: undefined },
      { ...band, statistic: "p90" },
      { ...band, high: Number.NaN, above: 3 },
      "noShowRate",
    ];
    let error: HandoffKitError | undefined;
    try {
      defineHealthBands(bad as never);
    } catch (caught) {
      error = caught as HandoffKitError;
    }
    expect(error?.code).toBe("invalid_config");
    expect(error?.issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["1.metric", "invalid_value"],
      ["1.label", "invalid_type"],
      ["2.high", "invalid_range"],
      ["3", "too_small"],
      ["4.statistic", "invalid_value"],
      ["5.above", "invalid_type"],
      ["5.high", "invalid_type"],
      ["6", "invalid_type"],
    ]);
    expect(() => defineHealthBands({} as never)).toThrow("Expected a list of bands: an object");
  });

  it("a median band for the follow-up time is one", () => {
    const median = {
      metric: "timeToFirstFollowUp" as const,
      label: "Median",
      high: 3_600_000,
      statistic: "median" as const,
      source: "ours",
    };
    expect(defineHealthBands([median])).toEqual([median]);
  });
});
