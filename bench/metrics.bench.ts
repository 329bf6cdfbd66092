// The scoreboard at scale (issue #7): over 10k, 100k and 1M synthetic handoffs (the sample
// generator's handoffs, replicated with fresh ids and events shifted by whole quarters), as summary
// rows and as full records, side by side with a careful hand-written single-pass loop computing the
// same numbers and with arquero doing the same group-by and rollups. Each is timed on the same
// input in the same run; extra peak heap is sampled while each runs.
import * as aq from "arquero";
import { parseHandoffs, summarize, type Handoff, type HandoffEvent, type HandoffSummary } from "handoff-kit/handoff";
import {
  accumulate,
  createAccumulator,
  finish,
  scoreboard,
  type Scoreboard,
  type ScoreboardInput,
} from "handoff-kit/metrics";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs } from "../examples/sample-data/generate.js";
import { formatMs, measure, printTable, type Measurement } from "./harness.js";

const DAY = 86_400_000;
const QUARTER = 13 * 7 * DAY;
const NOW = new Date("2026-11-14T02:00:00Z");
const SOURCES = { outbound: 0, inbound: 1, partner: 2 } as const;

/**
 * `count` full records: the parsed sample at 30x volume, replicated with new ids and every instant
 * shifted back by whole quarters.
 */
export function records(count: number): Handoff[] {
  const base = parseHandoffs([...generateHandoffs({ ...DEFAULT_SAMPLE_OPTIONS, volumeScale: 30 })]).valid.map(
    (record) => record.value,
  );
  const out: Handoff[] = [];
  for (let copy = 0; out.length < count; copy += 1) {
    const shift = -copy * QUARTER;
    for (const handoff of base) {
      if (out.length === count) break;
      const at = (date: Date): Date => new Date(date.getTime() + shift);
      const events = handoff.events.map((event): HandoffEvent => {
        const moved = { ...event, id: `${event.id}.${String(copy)}`, at: at(event.at) };
        if (moved.type === "booked" || moved.type === "rescheduled")
          return { ...moved, meeting: { start: at(moved.meeting.start), end: at(moved.meeting.end) } };
        if (moved.type === "recycled") return { ...moved, nextTouchAt: at(moved.nextTouchAt) };
        return moved;
      });
      const engagement = handoff.brief.engagement?.map((touch) => ({ ...touch, at: at(touch.at) }));
      const brief = engagement === undefined ? handoff.brief : { ...handoff.brief, engagement };
      out.push({
        ...handoff,
        id: `${handoff.id}.${String(copy)}`,
        ...(handoff.createdAt === undefined ? {} : { createdAt: at(handoff.createdAt) }),
        brief,
        events,
      });
    }
  }
  return out;
}

/** A copy of a row that shares nothing with its record. */
function ownRow(row: HandoffSummary): HandoffSummary {
  const copy = (date: Date | undefined): Date | undefined =>
    date === undefined ? undefined : new Date(date.getTime());
  return {
    ...row,
    createdAt: copy(row.createdAt),
    firstTouchAt: copy(row.firstTouchAt),
    firstBookedAt: copy(row.firstBookedAt),
    bookedAt: copy(row.bookedAt),
    meetingStart: copy(row.meetingStart),
    acknowledgedAt: copy(row.acknowledgedAt),
    decidedAt: copy(row.decidedAt),
    firstFollowUpAt: copy(row.firstFollowUpAt),
    closedAt: copy(row.closedAt),
  };
}

/** What the hand loop keeps per SDR. */
interface HandTally {
  handoffs: number;
  booked: number;
  held: number;
  noShow: number;
  pastUnrecorded: number;
  heldWarm: number;
  noShowWarm: number;
  heldCold: number;
  noShowCold: number;
  accepted: number;
  rejected: number;
  rejectedEver: number;
  recycledEver: number;
  rebooked: number;
  won: number[];
  lost: number[];
  opportunities: number[];
  dealSum: number[];
  deals: number[];
  qualityCount: number;
  qualitySum: number;
  qualityScores: number[];
  reasons: Map<string, number>;
  sdrWeeks: Set<number>;
  followUp: number[];
  touchToBooked: number[];
}

const newTally = (): HandTally => ({
  handoffs: 0,
  booked: 0,
  held: 0,
  noShow: 0,
  pastUnrecorded: 0,
  heldWarm: 0,
  noShowWarm: 0,
  heldCold: 0,
  noShowCold: 0,
  accepted: 0,
  rejected: 0,
  rejectedEver: 0,
  recycledEver: 0,
  rebooked: 0,
  won: [0, 0, 0],
  lost: [0, 0, 0],
  opportunities: [0, 0, 0],
  dealSum: [0, 0, 0],
  deals: [0, 0, 0],
  qualityCount: 0,
  qualitySum: 0,
  qualityScores: [0, 0, 0, 0, 0],
  reasons: new Map(),
  sdrWeeks: new Set(),
  followUp: [],
  touchToBooked: [],
});

/** Monday-start UTC week of an instant, as a day number. */
const utcWeek = (at: number): number => {
  const day = Math.floor(at / DAY);
  return day - ((((day + 3) % 7) + 7) % 7);
};

/** The hand loop's count of one row into its SDR's tally. */
function countRow(t: HandTally, r: HandoffSummary, now: number): void {
  t.handoffs += 1;
  if (r.status !== "draft") {
    t.booked += 1;
    if (r.bookedAt !== undefined) t.sdrWeeks.add(utcWeek(r.bookedAt.getTime()));
  }
  const m = r.meetingStatus;
  if (m === "held" || m === "no_show") {
    const held = m === "held";
    if (held) t.held += 1;
    else t.noShow += 1;
    if (r.style === "warm") {
      if (held) t.heldWarm += 1;
      else t.noShowWarm += 1;
    } else if (r.style === "cold") {
      if (held) t.heldCold += 1;
      else t.noShowCold += 1;
    }
  } else if (
    (m === "scheduled" || m === "rescheduled") &&
    r.meetingStart !== undefined &&
    r.meetingStart.getTime() < now
  )
    t.pastUnrecorded += 1;
  const source = SOURCES[r.source];
  if (r.decision === "accepted") {
    t.accepted += 1;
    t.opportunities[source] = (t.opportunities[source] ?? 0) + 1;
  } else if (r.decision === "rejected") {
    t.rejected += 1;
    const reason = r.reason ?? "unspecified";
    t.reasons.set(reason, (t.reasons.get(reason) ?? 0) + 1);
  }
  const recycled = r.status === "recycled" || r.cycles > 1;
  if (recycled || r.decision === "rejected") t.rejectedEver += 1;
  if (recycled) t.recycledEver += 1;
  if (r.cycles > 1) t.rebooked += 1;
  if (r.outcome === "won") {
    t.won[source] = (t.won[source] ?? 0) + 1;
    if (r.wonAmount !== undefined) {
      t.deals[source] = (t.deals[source] ?? 0) + 1;
      t.dealSum[source] = (t.dealSum[source] ?? 0) + r.wonAmount;
    }
  } else if (r.outcome === "lost") t.lost[source] = (t.lost[source] ?? 0) + 1;
  if (r.quality !== undefined) {
    t.qualityCount += 1;
    t.qualitySum += r.quality;
    t.qualityScores[r.quality - 1] = (t.qualityScores[r.quality - 1] ?? 0) + 1;
  }
  if (r.bookedAt !== undefined && r.firstFollowUpAt !== undefined)
    t.followUp.push(r.firstFollowUpAt.getTime() - r.bookedAt.getTime());
  if (r.firstTouchAt !== undefined && r.firstBookedAt !== undefined)
    t.touchToBooked.push(r.firstBookedAt.getTime() - r.firstTouchAt.getTime());
}

/** Type-7 median and p90 of values, by sorting a typed copy. */
function medianP90(values: readonly number[]): [number, number] {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number): number => {
    const h = (sorted.length - 1) * p;
    const k = Math.floor(h);
    const low = sorted[k] ?? Number.NaN;
    return low + (h - k) * ((sorted[Math.min(k + 1, sorted.length - 1)] ?? low) - low);
  };
  return [at(0.5), at(0.9)];
}

/** The hand loop's result: per SDR and overall, the counts and the median and p90 times. */
function handFinish(bySdr: Map<string, HandTally>): {
  groups: Map<string, HandTally & { quantiles: number[] }>;
  overall: { handoffs: number; held: number; noShow: number; accepted: number; quantiles: number[] };
} {
  const groups = new Map<string, HandTally & { quantiles: number[] }>();
  const all: number[] = [];
  const allTouch: number[] = [];
  let handoffs = 0;
  let held = 0;
  let noShow = 0;
  let accepted = 0;
  for (const [sdr, t] of bySdr) {
    groups.set(sdr, { ...t, quantiles: [...medianP90(t.followUp), ...medianP90(t.touchToBooked)] });
    for (const value of t.followUp) all.push(value);
    for (const value of t.touchToBooked) allTouch.push(value);
    handoffs += t.handoffs;
    held += t.held;
    noShow += t.noShow;
    accepted += t.accepted;
  }
  return {
    groups,
    overall: { handoffs, held, noShow, accepted, quantiles: [...medianP90(all), ...medianP90(allTouch)] },
  };
}

export function handLoopRows(rows: readonly HandoffSummary[]): ReturnType<typeof handFinish> {
  const now = NOW.getTime();
  const bySdr = new Map<string, HandTally>();
  for (const r of rows) {
    let t = bySdr.get(r.sdrId);
    if (t === undefined) bySdr.set(r.sdrId, (t = newTally()));
    countRow(t, r, now);
  }
  return handFinish(bySdr);
}

/** The hand loop over records: a plain fold of each history (no rules checked), then the same count. */
export function handLoopRecords(handoffs: readonly Handoff[]): ReturnType<typeof handFinish> {
  const now = NOW.getTime();
  const bySdr = new Map<string, HandTally>();
  for (const h of handoffs) {
    let status: HandoffSummary["status"] = "draft";
    let cycles = 0;
    let meetingStatus: HandoffSummary["meetingStatus"] = "none";
    let meetingStart: Date | undefined;
    let sdrId = h.sdr.id;
    let firstBookedAt: Date | undefined;
    let bookedAt: Date | undefined;
    let decision: "accepted" | "rejected" | undefined;
    let reason: string | undefined;
    let acceptedAmount: number | undefined;
    let wonAmount: number | undefined;
    let followUp: Date | undefined;
    let quality: number | undefined;
    let outcome: "won" | "lost" | undefined;
    for (const e of h.events) {
      switch (e.type) {
        case "booked":
          status = "booked";
          cycles += 1;
          firstBookedAt ??= e.at;
          bookedAt = e.at;
          meetingStatus = "scheduled";
          meetingStart = e.meeting.start;
          decision = undefined;
          followUp = undefined;
          quality = undefined;
          break;
        case "accepted":
          status = "accepted";
          decision = "accepted";
          acceptedAmount = e.amount;
          break;
        case "rejected":
          status = "rejected";
          decision = "rejected";
          reason = e.reason;
          break;
        case "recycled":
          status = "recycled";
          break;
        case "meeting_held":
          meetingStatus = "held";
          break;
        case "no_show":
          meetingStatus = "no_show";
          break;
        case "cancelled":
          meetingStatus = "cancelled";
          break;
        case "rescheduled":
          meetingStatus = "rescheduled";
          meetingStart = e.meeting.start;
          break;
        case "first_follow_up":
          followUp ??= e.at;
          break;
        case "quality_rated":
          quality = e.score;
          break;
        case "reassigned":
          if (e.role === "sdr") sdrId = e.to;
          break;
        case "opportunity_won":
          status = "won";
          outcome = "won";
          wonAmount = e.amount;
          break;
        case "opportunity_lost":
          status = "lost";
          outcome = "lost";
          break;
        default:
          break;
      }
    }
    let firstTouchAt: Date | undefined;
    for (const touch of h.brief.engagement ?? [])
      if (firstTouchAt === undefined || touch.at < firstTouchAt) firstTouchAt = touch.at;
    let t = bySdr.get(sdrId);
    if (t === undefined) bySdr.set(sdrId, (t = newTally()));
    const row = {
      id: h.id,
      source: h.source,
      segment: h.segment,
      sdrId,
      aeId: h.ae.id,
      status,
      cycles,
      meetingStatus,
      meetingStart,
      style: h.meeting?.style,
      firstBookedAt,
      bookedAt,
      decision,
      reason,
      acceptedAmount,
      wonAmount,
      firstFollowUpAt: followUp,
      quality,
      outcome,
      firstTouchAt,
      skippedEvents: 0,
    };
    countRow(t, row as unknown as HandoffSummary, now);
  }
  return handFinish(bySdr);
}

/** arquero: the same group-by and rollups (counts by condition, means, median and p90). */
function arqueroRollup(rows: readonly HandoffSummary[]): unknown {
  const table = aq.from(rows as object[]);
  return table
    .derive({
      followUp: (d: HandoffSummary) =>
        d.bookedAt != null && d.firstFollowUpAt != null ? +d.firstFollowUpAt - +d.bookedAt : null,
      touchToBooked: (d: HandoffSummary) =>
        d.firstTouchAt != null && d.firstBookedAt != null ? +d.firstBookedAt - +d.firstTouchAt : null,
    })
    .groupby("sdrId")
    .rollup({
      handoffs: () => aq.op.count(),
      booked: (d: HandoffSummary) => aq.op.sum(d.status !== "draft" ? 1 : 0),
      held: (d: HandoffSummary) => aq.op.sum(d.meetingStatus === "held" ? 1 : 0),
      noShow: (d: HandoffSummary) => aq.op.sum(d.meetingStatus === "no_show" ? 1 : 0),
      heldWarm: (d: HandoffSummary) => aq.op.sum(d.meetingStatus === "held" && d.style === "warm" ? 1 : 0),
      noShowWarm: (d: HandoffSummary) => aq.op.sum(d.meetingStatus === "no_show" && d.style === "warm" ? 1 : 0),
      heldCold: (d: HandoffSummary) => aq.op.sum(d.meetingStatus === "held" && d.style === "cold" ? 1 : 0),
      noShowCold: (d: HandoffSummary) => aq.op.sum(d.meetingStatus === "no_show" && d.style === "cold" ? 1 : 0),
      accepted: (d: HandoffSummary) => aq.op.sum(d.decision === "accepted" ? 1 : 0),
      rejected: (d: HandoffSummary) => aq.op.sum(d.decision === "rejected" ? 1 : 0),
      rebooked: (d: HandoffSummary) => aq.op.sum(d.cycles > 1 ? 1 : 0),
      recycledEver: (d: HandoffSummary) => aq.op.sum(d.status === "recycled" || d.cycles > 1 ? 1 : 0),
      wonOutbound: (d: HandoffSummary) => aq.op.sum(d.outcome === "won" && d.source === "outbound" ? 1 : 0),
      wonInbound: (d: HandoffSummary) => aq.op.sum(d.outcome === "won" && d.source === "inbound" ? 1 : 0),
      lostOutbound: (d: HandoffSummary) => aq.op.sum(d.outcome === "lost" && d.source === "outbound" ? 1 : 0),
      lostInbound: (d: HandoffSummary) => aq.op.sum(d.outcome === "lost" && d.source === "inbound" ? 1 : 0),
      quality: (d: HandoffSummary) => aq.op.mean(d.quality),
      followUpMedian: (d: { followUp: number }) => aq.op.median(d.followUp),
      followUpP90: (d: { followUp: number }) => aq.op.quantile(d.followUp, 0.9),
      touchMedian: (d: { touchToBooked: number }) => aq.op.median(d.touchToBooked),
      touchP90: (d: { touchToBooked: number }) => aq.op.quantile(d.touchToBooked, 0.9),
    })
    .objects();
}

/** The scoreboard as an analyst would call it. */
const board = (input: readonly ScoreboardInput[]): Scoreboard => scoreboard(input, { now: NOW, groupBy: "sdr" });

/** Extra heap at its peak while `fn` runs, sampled every `every` items of a chunked run. */
function peakHeap(run: (sample: () => void) => unknown): number {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = (): void => {
    const used = process.memoryUsage().heapUsed;
    if (used > peak) peak = used;
  };
  const result = run(sample);
  sample();
  if (result === undefined) throw new Error("no result");
  return peak - before;
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Checks that the hand loop and the scoreboard computed the same numbers. */
function sameNumbers(hand: ReturnType<typeof handFinish>, result: Scoreboard): boolean {
  const { overall } = result;
  const quantiles = [
    overall.timeToFirstFollowUp.calendar.median,
    overall.timeToFirstFollowUp.calendar.p90,
    overall.timeFromFirstTouchToBooked.median,
    overall.timeFromFirstTouchToBooked.p90,
  ];
  const groupsAgree = result.groups.every((group) => {
    const h = hand.groups.get(group.key);
    const m = group.metrics;
    return (
      h !== undefined &&
      h.handoffs === m.handoffs &&
      h.held === m.heldRate.numerator &&
      h.accepted === m.acceptanceRate.numerator &&
      h.rejected === m.acceptanceRate.denominator - m.acceptanceRate.numerator &&
      h.sdrWeeks.size === m.qualifiedMeetingsPerSdrWeek.denominator &&
      h.qualitySum === m.meetingQuality.mean.numerator &&
      Math.abs((h.quantiles[1] ?? 0) - (m.timeToFirstFollowUp.calendar.p90 ?? 0)) < 1e-6
    );
  });
  return (
    groupsAgree &&
    hand.overall.handoffs === overall.handoffs &&
    hand.overall.held === overall.heldRate.numerator &&
    quantiles.every((q, i) => Math.abs((q ?? 0) - (hand.overall.quantiles[i] ?? 0)) < 1e-6)
  );
}

export function run(): void {
  const sizes = (process.env["METRICS_SIZES"] ?? "10000,100000,1000000").split(",").map(Number);
  const largest = Math.max(...sizes);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const allRecords = records(largest);
  globalThis.gc?.();
  const recordsHeap = process.memoryUsage().heapUsed - heapBefore;
  // Rows as an export would load them: each owns its Dates (not shared with the records), so the
  // rows' heap is their own and they lie together in memory, as rows read from a file would.
  const allRows = allRecords.map((handoff) => ownRow(summarize(handoff)));
  globalThis.gc?.();
  const rowsHeap = process.memoryUsage().heapUsed - heapBefore - recordsHeap;
  console.log(
    `\nInput: ${String(largest)} handoffs; records ${mb(recordsHeap)} of heap (briefs shared between copies), ` +
      `summary rows ${mb(rowsHeap)} (each with its own Dates)`,
  );
  const ratios: string[] = [];
  for (const size of sizes) {
    const rows = allRows.slice(0, size);
    const recs = allRecords.slice(0, size);
    const agree = sameNumbers(handLoopRows(rows), board(rows)) && sameNumbers(handLoopRecords(recs), board(recs));
    const budgetMs = size >= 1_000_000 ? 12_000 : 3_000;
    const withArquero = size <= 1_000_000;
    const results: Measurement[] = [
      measure(`hand loop, rows`, () => handLoopRows(rows), { budgetMs, warmup: 2 }),
      measure(`scoreboard, rows`, () => board(rows), { budgetMs, warmup: 2 }),
      measure(`hand loop, records`, () => handLoopRecords(recs), { budgetMs, warmup: 2 }),
      measure(`scoreboard, records`, () => board(recs), { budgetMs, warmup: 2 }),
      ...(withArquero ? [measure(`arquero, rows`, () => arqueroRollup(rows), { budgetMs, warmup: 1 })] : []),
    ];
    printTable(
      `Scoreboard by SDR over ${String(size)} handoffs (same numbers as the hand loops: ${agree ? "yes" : "NO"})`,
      results,
      "hand loop, rows",
    );
    const time = (name: string): number => results.find((result) => result.name === name)?.medianMs ?? Number.NaN;
    ratios.push(
      `${String(size).padStart(8)}: ` +
        `rows ${(time("scoreboard, rows") / time("hand loop, rows")).toFixed(2)}x the hand loop, ` +
        `records ${(time("scoreboard, records") / time("hand loop, records")).toFixed(2)}x; ` +
        `scoreboard over records ${(time("scoreboard, records") / time("scoreboard, rows")).toFixed(2)}x over rows ` +
        `(issue 13: at most 2x; 3.5x to 4.1x before it); ` +
        `arquero ${(time("arquero, rows") / time("scoreboard, rows")).toFixed(1)}x slower than the scoreboard`,
    );
  }
  console.log(`\nRatios (${formatMs(0)} = none):\n${ratios.join("\n")}`);

  const rows = allRows;
  const chunk = 10_000;
  const streamed = (input: readonly ScoreboardInput[]) => (sample: () => void) => {
    const acc = createAccumulator({ now: NOW, groupBy: "sdr" });
    for (let i = 0; i < input.length; i += 1) {
      accumulate(acc, input[i] as ScoreboardInput, { index: i });
      if (i % chunk === 0) sample();
    }
    sample();
    return finish(acc);
  };
  const handPeak = peakHeap((sample) => {
    sample();
    return handLoopRows(rows);
  });
  const rowsPeak = peakHeap(streamed(rows));
  const recordsPeak = peakHeap(streamed(allRecords));
  const arqueroPeak = peakHeap((sample) => {
    const result = arqueroRollup(rows);
    sample();
    return result;
  });
  console.log(
    `\nExtra peak heap at ${String(rows.length)} handoffs (sampled every ${String(chunk)}): ` +
      `scoreboard over rows ${mb(rowsPeak)} (${((100 * rowsPeak) / rowsHeap).toFixed(1)}% of the rows' heap), ` +
      `over records ${mb(recordsPeak)} (${((100 * recordsPeak) / recordsHeap).toFixed(1)}% of the records' heap); ` +
      `hand loop ${mb(handPeak)} (retained result only); arquero ${mb(arqueroPeak)} (after the run)`,
  );
}
