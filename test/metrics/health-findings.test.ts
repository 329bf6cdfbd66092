import { describe, expect, it } from "vitest";
import type { HandoffSummary } from "../../src/handoff/summarize.js";
import {
  assessHealth,
  compareWithRest,
  DEFAULT_HEALTH_BANDS,
  differenceInterval,
  scoreboard,
  type HealthBand,
  type HealthFinding,
} from "../../src/metrics/index.js";
import { NOW, row } from "./rows.js";

/** How many due meetings of each outcome; unrecorded ones are scheduled before NOW with no outcome. */
interface Outcomes {
  readonly held?: number;
  readonly noShow?: number;
  readonly cancelled?: number;
  readonly unrecorded?: number;
}

/** One accepted handoff per meeting, booked at `at` (2026-11-02 by default), its meeting on 2026-11-05. */
function due(
  prefix: string,
  { held = 0, noShow = 0, cancelled = 0, unrecorded = 0 }: Outcomes,
  extra: Partial<HandoffSummary> = {},
  at = new Date("2026-11-02T15:00:00Z"),
): HandoffSummary[] {
  const statuses = [
    ...Array<HandoffSummary["meetingStatus"]>(held).fill("held"),
    ...Array<HandoffSummary["meetingStatus"]>(noShow).fill("no_show"),
    ...Array<HandoffSummary["meetingStatus"]>(cancelled).fill("cancelled"),
    ...Array<HandoffSummary["meetingStatus"]>(unrecorded).fill("scheduled"),
  ];
  return statuses.map((meetingStatus, i) =>
    row({
      id: `${prefix}-${at.toISOString()}-${String(i)}`,
      bookedAt: at,
      status: "accepted",
      decision: "accepted",
      meetingStatus,
      ...extra,
    }),
  );
}

const defaultBand = (metric: HealthBand["metric"]): HealthBand => {
  const band = DEFAULT_HEALTH_BANDS.find((entry) => entry.metric === metric);
  if (band === undefined) throw new Error(`no default band for ${metric}`);
  return band;
};

/** The band findings of a report, by metric. */
const bandFinding = (findings: readonly HealthFinding[], metric: HealthBand["metric"]) => {
  const finding = findings.find((entry) => entry.metric === metric);
  return finding?.kind === "outside_band" || finding?.kind === "watch" ? finding : undefined;
};

const GAP = (cold: string, warm: string): string =>
  `. Here, cold handoffs were held ${cold} of the time against ${warm} for warm ones, a gap the counts support`;

describe("a low held rate's cause: the meetings that did not happen", () => {
  it("adds no-shows, cancellations and unrecorded meetings, each counted once", () => {
    // 12 held, 5 no-shows, 4 cancelled, 3 past and unrecorded: 24 due, held 50%, so 5 + 4 + 3 = 12
    // did not happen. No handoff has a style, so there is no warm-against-cold evidence to add.
    const board = scoreboard(due("a", { held: 12, noShow: 5, cancelled: 4, unrecorded: 3 }), { now: NOW });
    expect(board.overall.meetings).toMatchObject({ held: 12, noShow: 5, cancelled: 4, pastUnrecorded: 3 });
    const { findings } = assessHealth(board);
    expect(bandFinding(findings, "heldRate")?.likelyCause).toBe(
      `${defaultBand("heldRate").below ?? ""}. Of the 12 booked meetings that did not happen, ` +
        `5 were no-shows, 4 were cancelled and 3 have no outcome recorded`,
    );
    // No-shows 5 of 20 (held, no-shows and unrecorded): 25%, above 15%; its cause gets no split.
    expect(bandFinding(findings, "noShowRate")?.likelyCause).toBe(defaultBand("noShowRate").above);
  });

  it("leaves the cause out when the band names none on that side", () => {
    const bands: HealthBand[] = [{ metric: "heldRate", label: "Held", low: 0.7, source: "test" }];
    const { findings } = assessHealth(scoreboard(due("a", { held: 12, noShow: 12 }), { now: NOW }), bands);
    expect(findings).toHaveLength(1);
    expect(bandFinding(findings, "heldRate")).toHaveProperty("likelyCause", undefined);
  });
});

describe("the warm-against-cold evidence", () => {
  // Warm: 19 held, 1 cancelled (95% held). Cold: 6 held, 12 no-shows, 8 cancelled, 4 unrecorded (20%).
  // Overall 25 of 50 held; 12 + 9 + 4 = 25 did not happen; no-shows 12 of 41 (29.3%); all accepted.
  const styled = (): HandoffSummary[] => [
    ...due("w", { held: 19, cancelled: 1 }, { style: "warm" }),
    ...due("c", { held: 6, noShow: 12, cancelled: 8, unrecorded: 4 }, { style: "cold" }),
  ];

  it("backs the missed meetings' causes, and only theirs, when the counts support the gap", () => {
    // Each band below puts one metric on the side given; only the held rate below and the no-show
    // rate above are about meetings that did not happen.
    const bands: HealthBand[] = [
      defaultBand("heldRate"),
      defaultBand("noShowRate"),
      { metric: "heldRate", label: "Held", high: 0.4, above: "held above", source: "test" },
      { metric: "noShowRate", label: "No-shows", low: 0.35, below: "no-shows below", source: "test" },
      { metric: "acceptanceRate", label: "Accepted", high: 0.8, above: "accepted above", source: "test" },
      { metric: "handoffToOpportunityRate", label: "Opportunities", high: 0.8, below: "x", source: "test" },
      { metric: "meetingQuality", label: "Quality", low: 3, below: "quality below", source: "test" },
    ];
    const { findings } = assessHealth(scoreboard(styled(), { now: NOW }), bands);
    const causes = findings.map((finding) =>
      finding.kind === "outside_band" || finding.kind === "watch" ? [finding.side, finding.likelyCause] : [],
    );
    const gap = GAP("20.0%", "95.0%");
    expect(causes).toEqual([
      [
        "below",
        `${defaultBand("heldRate").below ?? ""}. Of the 25 booked meetings that did not happen, ` +
          `12 were no-shows, 9 were cancelled and 4 have no outcome recorded${gap}`,
      ],
      ["above", `${defaultBand("noShowRate").above ?? ""}${gap}`],
      ["above", "held above"],
      ["below", "no-shows below"],
      ["above", "accepted above"],
      // Above, where the band only names a cause below: none.
      ["above", undefined],
      // Quality: nothing rated, so not judged (no finding).
    ]);
  });

  it("says nothing of a gap the counts do not support", () => {
    // Warm 12 of 20 (60%) against cold 10 of 20 (50%): a 10-point gap from 20 a side is noise
    // (Wilson's intervals, about 39%-78% and 30%-70%, overlap most of their width).
    const rows = [
      ...due("w", { held: 12, noShow: 8 }, { style: "warm" }),
      ...due("c", { held: 10, noShow: 10 }, { style: "cold" }),
    ];
    const { findings } = assessHealth(scoreboard(rows, { now: NOW }));
    expect(bandFinding(findings, "heldRate")?.likelyCause).toBe(
      `${defaultBand("heldRate").below ?? ""}. Of the 18 booked meetings that did not happen, ` +
        `18 were no-shows, 0 were cancelled and 0 have no outcome recorded`,
    );
    expect(bandFinding(findings, "noShowRate")?.likelyCause).toBe(defaultBand("noShowRate").above);
  });

  it("needs the gap's interval above zero, not touching it", () => {
    // At a confidence of 1e-20 the normal quantile is about 1.25e-20, so Wilson's bounds of 10 of 20
    // are 0.5 to the last bit, and Newcombe's interval of 50% minus 50% is exactly [0, 0]: no gap.
    const rows = [
      ...due("w", { held: 10, noShow: 10 }, { style: "warm" }),
      ...due("c", { held: 10, noShow: 10 }, { style: "cold" }),
    ];
    const confidence = 1e-20;
    expect(differenceInterval({ successes: 10, trials: 20 }, { successes: 10, trials: 20 }, { confidence })).toEqual({
      low: 0,
      high: 0,
      confidence,
    });
    const { findings } = assessHealth(scoreboard(rows, { now: NOW, confidence }));
    expect(bandFinding(findings, "heldRate")?.likelyCause).toBe(
      `${defaultBand("heldRate").below ?? ""}. Of the 20 booked meetings that did not happen, ` +
        `20 were no-shows, 0 were cancelled and 0 have no outcome recorded`,
    );
  });

  it("judges the gap at the scoreboard's confidence", () => {
    // Warm 14 of 20 (70%), cold 8 of 20 (40%). Newcombe's lower bound, by hand from Wilson's bounds:
    // at 80% (z 1.2816) warm's lower bound is 0.5597 and cold's upper 0.5417, so
    // 0.3 - sqrt(0.1403^2 + 0.1417^2) = +0.098: supported; at 95% (z 1.96) they are 0.4810 and 0.6121,
    // 0.3 - sqrt(0.2190^2 + 0.2121^2) = -0.006: not.
    const rows = [
      ...due("w", { held: 14, noShow: 6 }, { style: "warm" }),
      ...due("c", { held: 8, noShow: 12 }, { style: "cold" }),
    ];
    const missed =
      `${defaultBand("heldRate").below ?? ""}. Of the 18 booked meetings that did not happen, ` +
      `18 were no-shows, 0 were cancelled and 0 have no outcome recorded`;
    const at = (confidence: number) =>
      bandFinding(assessHealth(scoreboard(rows, { now: NOW, confidence })).findings, "heldRate")?.likelyCause;
    expect(at(0.8)).toBe(`${missed}${GAP("40.0%", "70.0%")}`);
    expect(at(0.95)).toBe(missed);
  });
});

describe("a band finding's kind and message at the band's edges", () => {
  it("calls a value outside by value but not by interval one to watch, on either side", () => {
    // 10 held of 20: Wilson's upper bound at 95% is 0.5 + 1.6442 * sqrt(0.25/20 + 0.19208/80) = 0.7007,
    // above 70%. 15 held, 5 no-shows: no-shows 25%, Wilson's lower bound 0.2903 - 0.1784 = 0.1119,
    // below 15%.
    const low = assessHealth(scoreboard(due("a", { held: 10, noShow: 10 }), { now: NOW })).findings;
    expect(bandFinding(low, "heldRate")).toMatchObject({
      kind: "watch",
      side: "below",
      message: "Meeting-held rate 50.0% is below the band's 70.0%, but the interval reaches into the band: watch it",
    });
    const high = assessHealth(scoreboard(due("a", { held: 15, noShow: 5 }), { now: NOW })).findings;
    expect(bandFinding(high, "heldRate")).toBeUndefined();
    expect(bandFinding(high, "noShowRate")).toMatchObject({
      kind: "watch",
      side: "above",
      message: "No-show rate 25.0% is above the band's 15.0%, but the interval reaches into the band: watch it",
    });
  });

  it("calls an interval that ends exactly at the bound one to watch", () => {
    // Bands whose bounds are the board's own interval ends: the interval touches the band, it does
    // not lie wholly outside it.
    const board = scoreboard(due("a", { held: 12, noShow: 12 }), { now: NOW });
    const held = board.overall.heldRate.interval!;
    const noShows = board.overall.noShowRate.interval!;
    const bands: HealthBand[] = [
      { metric: "heldRate", label: "Held", low: held.high, source: "test" },
      { metric: "noShowRate", label: "No-shows", high: noShows.low, source: "test" },
    ];
    expect(held.high).toBeGreaterThan(0.5);
    expect(noShows.low).toBeLessThan(0.5);
    const { findings } = assessHealth(board, bands);
    expect(findings.map((finding) => [finding.metric, finding.kind])).toEqual([
      ["heldRate", "watch"],
      ["noShowRate", "watch"],
    ]);
  });

  it("finds nothing for a value exactly at a bound", () => {
    // 15 held and 5 no-shows: held 15/20 = 0.75 and no-shows 5/20 = 0.25, both exact in binary.
    const board = scoreboard(due("a", { held: 15, noShow: 5 }), { now: NOW });
    const bands: HealthBand[] = [
      { metric: "heldRate", label: "Held", low: 0.75, source: "test" },
      { metric: "noShowRate", label: "No-shows", high: 0.25, source: "test" },
    ];
    expect(assessHealth(board, bands)).toEqual({ findings: [], notJudged: [] });
  });
});

describe("the comparisons with the rest of the team", () => {
  it("writes a quality to two places and a rate as a percent", () => {
    // sdr-a rates 5,5,4,5,4,5,5,4,5,5 (mean 47/10 = 4.7), sdr-b 2,1,2,3,2,1,2,2,3,2 (20/10 = 2);
    // sdr-b is also all no-shows against sdr-a's all held. Rates differ only there.
    const rated = (sdrId: string, scores: number[], meetingStatus: HandoffSummary["meetingStatus"]) =>
      scores.map((quality, i) => row({ id: `${sdrId}-${String(i)}`, sdrId, quality, meetingStatus }));
    const board = scoreboard(
      [
        ...rated("sdr-a", [5, 5, 4, 5, 4, 5, 5, 4, 5, 5], "held"),
        ...rated("sdr-b", [2, 1, 2, 3, 2, 1, 2, 2, 3, 2], "no_show"),
      ],
      { now: NOW, groupBy: "sdr" },
    );
    const differs = assessHealth(board).findings.filter((finding) => finding.kind === "differs_from_team");
    const support = "for everyone else; the counts support the difference";
    expect(differs.map((finding) => [finding.scope, finding.message])).toEqual([
      ["sdr-a", `held rate 100.0% against 0.0% ${support}`],
      ["sdr-a", `no-show rate 0.0% against 100.0% ${support}`],
      ["sdr-a", `meeting quality 4.70 against 2.00 ${support}`],
      ["sdr-b", `held rate 0.0% against 100.0% ${support}`],
      ["sdr-b", `no-show rate 100.0% against 0.0% ${support}`],
      ["sdr-b", `meeting quality 2.00 against 4.70 ${support}`],
    ]);
  });

  it("are left out of a board grouped by week, even where the weeks differ", () => {
    // Week of 26 October: 18 held of 20; week of 2 November: 5 of 20. Compared with each other, the
    // weeks differ (compareWithRest says so), but a week is not a member of the team.
    const rows = [
      ...due("a", { held: 18, noShow: 2 }, {}, new Date("2026-10-27T15:00:00Z")),
      ...due("a", { held: 5, noShow: 15 }, {}, new Date("2026-11-03T15:00:00Z")),
    ];
    for (const groupBy of ["week", ["sdr", "week"]] as const) {
      const board = scoreboard(rows, { now: NOW, groupBy });
      expect(compareWithRest(board).some((comparison) => comparison.supported)).toBe(true);
      const kinds = assessHealth(board).findings.map((finding) => finding.kind);
      expect(kinds).not.toContain("differs_from_team");
      expect(kinds.length).toBeGreaterThan(0);
    }
  });
});

describe("the trend finding", () => {
  /** 12 complete weeks before NOW's week (2026-11-09): 6 weeks of `earlier`, then 6 of `recent`. */
  const weekly = (earlier: Outcomes, recent: Outcomes): HandoffSummary[] =>
    Array.from({ length: 12 }, (_, w) =>
      due(`w${String(w)}`, w < 6 ? earlier : recent, {}, new Date(Date.UTC(2026, 7, 17 + 7 * w, 15))),
    ).flat();
  const trendFindings = (rows: HandoffSummary[]) =>
    assessHealth(scoreboard(rows, { now: NOW, groupBy: "week" })).findings.filter(
      (finding) => finding.kind === "red_flag" || finding.kind === "trend_watch",
    );

  it("needs booked rising and held falling, whatever the counts support", () => {
    // Booked falls 60 -> 30 while held falls 48/60 (80%) -> 12/30 (40%): a supported fall, but fewer
    // meetings booked is not volume bought with quality.
    expect(trendFindings(weekly({ held: 8, noShow: 2 }, { held: 2, noShow: 3 }))).toEqual([]);
    // Booked rises 30 -> 60 (60 of 90 recent; Wilson's lower bound about 0.56, above one half) while
    // held rises 12/30 -> 48/60: a supported rise, with the held rate going the healthy way.
    expect(trendFindings(weekly({ held: 2, noShow: 3 }, { held: 8, noShow: 2 }))).toEqual([]);
    // Both directions there, 30 -> 36 booked and 80% -> 66.7% held, neither supported: noise.
    expect(trendFindings(weekly({ held: 4, noShow: 1 }, { held: 4, noShow: 2 }))).toEqual([]);
    // The same falls with a supported rise in booked (30 -> 72, 80% -> 41.7%): the red flag.
    expect(
      trendFindings(weekly({ held: 4, noShow: 1 }, { held: 5, noShow: 7 })).map((finding) => finding.kind),
    ).toEqual(["red_flag"]);
  });
});
