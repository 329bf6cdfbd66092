import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HandoffSummary } from "../../src/handoff/summarize.js";
import {
  accumulate,
  createAccumulator,
  finish,
  merge,
  restoreAccumulator,
  scoreboard,
  snapshotAccumulator,
  type HandoffMetrics,
  type Metric,
  type ScoreboardOptions,
} from "../../src/metrics/index.js";
import { quantilesInPlace } from "../../src/metrics/quantile.js";
import { classCounts } from "../fixtures/class-counts.js";
import { START, summaryRow } from "./summary-arbitrary.js";

const rows = fc.array(summaryRow(), { maxLength: 60 });
const NOW = new Date(START + 100 * 86_400_000);
const groupings: ScoreboardOptions["groupBy"][] = [undefined, "sdr", "week", "source", ["segment", "ae"]];
const grouping = fc.constantFrom(...groupings);

function rates(metrics: HandoffMetrics): Metric[] {
  return [
    metrics.heldRate,
    metrics.showRate,
    metrics.noShowRate,
    metrics.heldRateByStyle.warm,
    metrics.heldRateByStyle.cold,
    metrics.acceptanceRate,
    metrics.handoffToOpportunityRate,
    metrics.recycleRate,
    metrics.recycleToRebookedRate,
    metrics.winRate.all,
    metrics.winRate.sdrSourced,
    metrics.winRate.inbound,
    metrics.sdrSourcedPipelineShare,
  ];
}

// The definitions of docs/metrics.md, counted from the rows directly: shares no code with the scoreboard.
const Z95 = 1.959963984540054;

function wilsonByHand(successes: number, trials: number): { low: number; high: number } | null {
  if (trials === 0) return null;
  const p = successes / trials;
  const centre = (p + (Z95 * Z95) / (2 * trials)) / (1 + (Z95 * Z95) / trials);
  const half =
    (Z95 / (1 + (Z95 * Z95) / trials)) * Math.sqrt((p * (1 - p)) / trials + (Z95 * Z95) / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Whether a row agrees with itself (docs: a status that disagrees with its decision or outcome is left out). */
function agrees(row: HandoffSummary): boolean {
  const { status, decision, outcome, cycles, meetingStatus } = row;
  switch (status) {
    case "draft":
      return cycles === 0 && decision === undefined && outcome === undefined && meetingStatus === "none";
    case "booked":
      return cycles > 0 && decision === undefined && outcome === undefined;
    case "accepted":
      return cycles > 0 && decision === "accepted" && outcome === undefined;
    case "won":
    case "lost":
      return cycles > 0 && decision === "accepted" && outcome === status;
    case "rejected":
    case "recycled":
      return cycles > 0 && decision === "rejected" && outcome === undefined;
    default:
      return false;
  }
}

function referenceCounts(input: readonly HandoffSummary[]) {
  const kept = input.filter((row) => agrees(row) && row.skippedEvents === 0);
  const count = (pick: (row: HandoffSummary) => boolean, from: readonly HandoffSummary[] = kept): number =>
    from.filter(pick).length;
  const started = (row: HandoffSummary): boolean =>
    row.meetingStart !== undefined && row.meetingStart.getTime() < NOW.getTime();
  const live = (row: HandoffSummary): boolean =>
    row.meetingStatus === "scheduled" || row.meetingStatus === "rescheduled";
  const held = (row: HandoffSummary): boolean => row.meetingStatus === "held";
  const noShow = (row: HandoffSummary): boolean => row.meetingStatus === "no_show";
  const unrecorded = (row: HandoffSummary): boolean => live(row) && started(row);
  const cameDue = (row: HandoffSummary): boolean =>
    held(row) || noShow(row) || row.meetingStatus === "cancelled" || unrecorded(row);
  const heldRate = (rows: readonly HandoffSummary[]): [number, number] => [count(held, rows), count(cameDue, rows)];
  const accepted = (row: HandoffSummary): boolean => row.decision === "accepted";
  const recycled = (row: HandoffSummary): boolean => row.status === "recycled" || row.cycles > 1;
  const won = (row: HandoffSummary): boolean => row.outcome === "won";
  const closed = (row: HandoffSummary): boolean => row.outcome !== undefined;
  const source =
    (name: string) =>
    (row: HandoffSummary): boolean =>
      row.source === name;
  const inUsd = (amount: number | undefined, currency: string | undefined): amount is number =>
    amount !== undefined && (currency ?? "USD") === "USD";
  const pipelineRows = kept.filter((row) => accepted(row) && inUsd(row.acceptedAmount, row.acceptedCurrency));
  const dealRows = kept.filter((row) => won(row) && inUsd(row.wonAmount, row.wonCurrency));
  return {
    excluded: input.length - kept.length,
    pipeline: pipelineRows.reduce((sum, row) => sum + (row.acceptedAmount ?? 0), 0),
    deals: dealRows.length,
    dealSum: dealRows.reduce((sum, row) => sum + (row.wonAmount ?? 0), 0),
    rates: {
      heldRate: heldRate(kept),
      showRate: [count(held), count((row) => held(row) || noShow(row))],
      noShowRate: [count(noShow), count((row) => held(row) || noShow(row) || unrecorded(row))],
      heldWarm: heldRate(kept.filter((row) => row.style === "warm")),
      heldCold: heldRate(kept.filter((row) => row.style === "cold")),
      acceptanceRate: [count(accepted), count((row) => row.decision !== undefined)],
      handoffToOpportunityRate: [count(accepted), count((row) => row.status !== "draft")],
      recycleRate: [count(recycled), count((row) => recycled(row) || row.decision === "rejected")],
      recycleToRebookedRate: [count((row) => row.cycles > 1), count(recycled)],
      winAll: [count(won), count(closed)],
      winSdr: [
        count((row) => won(row) && source("outbound")(row)),
        count((row) => closed(row) && source("outbound")(row)),
      ],
      winInbound: [
        count((row) => won(row) && source("inbound")(row)),
        count((row) => closed(row) && source("inbound")(row)),
      ],
      sdrSourcedPipelineShare: [count((row) => accepted(row) && source("outbound")(row)), count(accepted)],
    } satisfies Record<string, [number, number]>,
  };
}

describe("metrics laws", () => {
  it("every rate's counts, value and Wilson interval equal an independent count of the rows, as documented", () => {
    const seen = classCounts();
    fc.assert(
      fc.property(rows, (input) => {
        const board = scoreboard(input, { now: NOW });
        const expected = referenceCounts(input);
        const { overall } = board;
        const actual: Record<keyof typeof expected.rates, Metric> = {
          heldRate: overall.heldRate,
          showRate: overall.showRate,
          noShowRate: overall.noShowRate,
          heldWarm: overall.heldRateByStyle.warm,
          heldCold: overall.heldRateByStyle.cold,
          acceptanceRate: overall.acceptanceRate,
          handoffToOpportunityRate: overall.handoffToOpportunityRate,
          recycleRate: overall.recycleRate,
          recycleToRebookedRate: overall.recycleToRebookedRate,
          winAll: overall.winRate.all,
          winSdr: overall.winRate.sdrSourced,
          winInbound: overall.winRate.inbound,
          sdrSourcedPipelineShare: overall.sdrSourcedPipelineShare,
        };
        for (const [name, [numerator, denominator]] of Object.entries(expected.rates) as [
          keyof typeof expected.rates,
          [number, number],
        ][]) {
          const metric = actual[name];
          expect([name, metric.numerator, metric.denominator]).toEqual([name, numerator, denominator]);
          expect(metric.value).toBe(denominator === 0 ? null : numerator / denominator);
          expect(metric.lowSample).toBe(denominator < 10);
          const wilson = wilsonByHand(numerator, denominator);
          if (wilson === null) expect(metric.interval).toBeNull();
          else {
            expect(Math.abs((metric.interval?.low ?? Number.NaN) - wilson.low)).toBeLessThan(1e-12);
            expect(Math.abs((metric.interval?.high ?? Number.NaN) - wilson.high)).toBeLessThan(1e-12);
          }
        }
        expect(overall.handoffs).toBe(input.length - expected.excluded);
        expect(overall.pipelineAmount.all).toBe(expected.pipeline);
        expect([overall.averageDealSize.all.numerator, overall.averageDealSize.all.denominator]).toEqual([
          expected.dealSum,
          expected.deals,
        ]);
        expect(board.excluded).toBe(expected.excluded);
        seen.see("excluded", expected.excluded > 0);
        seen.see("cancelled", overall.meetings.cancelled > 0);
        seen.see("pastUnrecorded", overall.meetings.pastUnrecorded > 0);
        seen.see("upcoming", overall.meetings.upcoming > 0);
        seen.see(
          "otherCurrency",
          board.dataIssues.some((issue) => issue.issues.some((i) => i.code === "other_currency")),
        );
        seen.see("pipeline", expected.pipeline > 0);
        seen.see("deals", expected.deals > 0);
      }),
      { numRuns: 150 },
    );
    // Each part of the definitions is exercised in many runs (measured: 42 to 100 runs of 150 each;
    // the floor is five standard deviations under the rarest).
    seen.expectAtLeast({
      excluded: 15,
      cancelled: 15,
      pastUnrecorded: 15,
      upcoming: 15,
      otherCurrency: 15,
      pipeline: 15,
      deals: 2,
    });
  });

  it("merging chunks is associative and commutative, and equals one pass over everything", () => {
    fc.assert(
      fc.property(rows, fc.nat(), fc.nat(), grouping, (input, cutA, cutB, groupBy) => {
        const options: ScoreboardOptions = {
          now: NOW,
          week: { timeZone: "America/New_York" },
          ...(groupBy === undefined ? {} : { groupBy }),
        };
        const [i, j] = [cutA % (input.length + 1), cutB % (input.length + 1)].sort((x, y) => x - y) as [number, number];
        const chunk = (from: number, to: number) =>
          input
            .slice(from, to)
            .reduce((acc, r, k) => accumulate(acc, r, { index: from + k }), createAccumulator(options));
        const [a, b, c] = [chunk(0, i), chunk(i, j), chunk(j, input.length)];
        const onePass = scoreboard(input, options);
        expect(finish(merge(merge(a, b), c))).toEqual(onePass);
        expect(finish(merge(a, merge(b, c)))).toEqual(onePass);
        expect(finish(merge(c, merge(b, a)))).toEqual(onePass);
        // Merging leaves its inputs as they were.
        expect(finish(a)).toEqual(finish(chunk(0, i)));
      }),
      { numRuns: 150 },
    );
  });

  it("a snapshot survives structured cloning and restores to an accumulator that merges the same", () => {
    fc.assert(
      fc.property(rows, fc.nat(), grouping, (input, cut, groupBy) => {
        const options: ScoreboardOptions = { now: NOW, ...(groupBy === undefined ? {} : { groupBy }) };
        const i = cut % (input.length + 1);
        const chunk = (from: number, to: number) =>
          input
            .slice(from, to)
            .reduce((acc, r, k) => accumulate(acc, r, { index: from + k }), createAccumulator(options));
        const [a, b] = [chunk(0, i), chunk(i, input.length)].map((acc) =>
          restoreAccumulator(structuredClone(snapshotAccumulator(acc)), options),
        );
        if (a === undefined || b === undefined) throw new Error("two chunks");
        expect(finish(merge(a, b))).toEqual(scoreboard(input, options));
      }),
      { numRuns: 100 },
    );
  });

  it("permuting the input changes no metric", () => {
    fc.assert(
      fc.property(
        rows.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input, { minLength: input.length, maxLength: input.length }),
          ),
        ),
        grouping,
        ([input, shuffled], groupBy) => {
          const options: ScoreboardOptions = { now: NOW, ...(groupBy === undefined ? {} : { groupBy }) };
          const [x, y] = [scoreboard(input, options), scoreboard(shuffled, options)];
          expect(y.overall).toEqual(x.overall);
          expect(y.groups).toEqual(x.groups);
          expect(y.dataIssues.length).toBe(x.dataIssues.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("grouping then summing the counts gives the ungrouped counts", () => {
    fc.assert(
      fc.property(rows, grouping, (input, groupBy) => {
        const whole = scoreboard(input, { now: NOW }).overall;
        const board = scoreboard(input, { now: NOW, ...(groupBy === undefined ? {} : { groupBy }) });
        const groups = board.groups.length === 0 ? [board.overall] : board.groups.map((group) => group.metrics);
        const total = (pick: (metrics: HandoffMetrics) => number): number =>
          groups.reduce((sum, metrics) => sum + pick(metrics), 0);
        expect(total((m) => m.handoffs)).toBe(whole.handoffs);
        expect(total((m) => m.meetingsBooked)).toBe(whole.meetingsBooked);
        rates(whole).forEach((rate, k) => {
          expect(total((m) => rates(m)[k]?.numerator ?? 0)).toBe(rate.numerator);
          expect(total((m) => rates(m)[k]?.denominator ?? 0)).toBe(rate.denominator);
        });
        expect(total((m) => m.meetingQuality.mean.denominator)).toBe(whole.meetingQuality.mean.denominator);
        expect(total((m) => m.timeToFirstFollowUp.calendar.count)).toBe(whole.timeToFirstFollowUp.calendar.count);
        // SDR-weeks add up across groups that split SDRs or weeks, not across sources or segments.
        if (groupBy === "sdr" || groupBy === "week")
          expect(total((m) => m.qualifiedMeetingsPerSdrWeek.denominator)).toBe(
            whole.qualifiedMeetingsPerSdrWeek.denominator,
          );
        // The grouped board's overall is its groups merged: every metric as if never grouped.
        expect(board.overall).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it("median and p90 by selection equal linear interpolation over the sorted values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const h = (sorted.length - 1) * p;
          const k = Math.floor(h);
          const expected =
            (sorted[k] ?? 0) + (h - k) * ((sorted[Math.min(k + 1, sorted.length - 1)] ?? 0) - (sorted[k] ?? 0));
          const [got, median] = quantilesInPlace(Float64Array.from(values), values.length, [p, 0.5]);
          expect(got).toBeCloseTo(expected, 9);
          const m = (sorted.length - 1) / 2;
          expect(median).toBeCloseTo(((sorted[Math.floor(m)] ?? 0) + (sorted[Math.ceil(m)] ?? 0)) / 2, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
