// The in-memory scoreboard's metrics under the SQL scoreboard's column names (docs/sql.md lists
// them), so a test compares the two column by column. Written from the documented names, not from
// the generator's code.
import type { DurationStats, HandoffMetrics, Metric } from "../../src/metrics/index.js";

export type FlatValue = number | boolean | null;

const metric = (name: string, m: Metric): [string, FlatValue][] => [
  [name, m.value],
  [`${name}_numerator`, m.numerator],
  [`${name}_denominator`, m.denominator],
  [`${name}_low`, m.interval?.low ?? null],
  [`${name}_high`, m.interval?.high ?? null],
  [`${name}_low_sample`, m.lowSample],
];

const duration = (name: string, stats: DurationStats | null): [string, FlatValue][] => [
  [`${name}_count`, stats?.count ?? null],
  [`${name}_median`, stats?.median ?? null],
  [`${name}_p90`, stats?.p90 ?? null],
  [`${name}_mean`, stats?.mean ?? null],
];

export function flatMetrics(m: HandoffMetrics): Record<string, FlatValue> {
  return Object.fromEntries([
    ["handoffs", m.handoffs],
    ["meetings_booked", m.meetingsBooked],
    ...metric("qualified_meetings_per_sdr_week", m.qualifiedMeetingsPerSdrWeek),
    ...metric("held_rate", m.heldRate),
    ...metric("show_rate", m.showRate),
    ...metric("no_show_rate", m.noShowRate),
    ...metric("held_rate_warm", m.heldRateByStyle.warm),
    ...metric("held_rate_cold", m.heldRateByStyle.cold),
    ["meetings_held", m.meetings.held],
    ["meetings_no_show", m.meetings.noShow],
    ["meetings_cancelled", m.meetings.cancelled],
    ["meetings_upcoming", m.meetings.upcoming],
    ["meetings_past_unrecorded", m.meetings.pastUnrecorded],
    ...metric("acceptance_rate", m.acceptanceRate),
    ...metric("handoff_to_opportunity_rate", m.handoffToOpportunityRate),
    ...metric("recycle_rate", m.recycleRate),
    ...metric("recycle_to_rebooked_rate", m.recycleToRebookedRate),
    ...metric("win_rate", m.winRate.all),
    ...metric("win_rate_sdr_sourced", m.winRate.sdrSourced),
    ...metric("win_rate_inbound", m.winRate.inbound),
    ...metric("average_deal_size", m.averageDealSize.all),
    ...metric("average_deal_size_sdr_sourced", m.averageDealSize.sdrSourced),
    ...metric("average_deal_size_inbound", m.averageDealSize.inbound),
    ...metric("sdr_sourced_pipeline_share", m.sdrSourcedPipelineShare),
    ["pipeline_amount", m.pipelineAmount.all],
    ["pipeline_amount_sdr_sourced", m.pipelineAmount.sdrSourced],
    ["pipeline_amount_inbound", m.pipelineAmount.inbound],
    ...metric("closed_won_per_1000_handoffs", m.closedWonPer1000Handoffs),
    ...duration("time_to_first_follow_up", m.timeToFirstFollowUp.calendar),
    ...duration("time_to_first_follow_up_business", m.timeToFirstFollowUp.business),
    ...duration("time_from_first_touch_to_booked", m.timeFromFirstTouchToBooked),
    ...metric("meeting_quality", m.meetingQuality.mean),
    ...m.meetingQuality.distribution.map((count, i): [string, FlatValue] => [
      `meeting_quality_${String(i + 1)}`,
      count,
    ]),
  ]);
}

/**
 * Where an engine's row differs from the in-memory metrics: counts and flags exactly, other numbers
 * to 1e-12 (relative past 1), NULL only where in memory is null. `[]` when they agree.
 */
export function differences(expected: Record<string, FlatValue>, row: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const [column, want] of Object.entries(expected)) {
    const raw = row[column];
    const got = typeof raw === "bigint" ? Number(raw) : raw;
    const same =
      want === null || typeof want === "boolean"
        ? got === want
        : typeof got === "number" &&
          (Number.isInteger(want) && Number.isInteger(got)
            ? got === want
            : Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)));
    if (!same) out.push(`${column}: ${String(got)} (in memory ${String(want)})`);
  }
  for (const column of Object.keys(row))
    if (
      !(column in expected) &&
      column !== "scope" &&
      !["sdr_id", "ae_id", "segment", "source", "week_start"].includes(column)
    )
      out.push(`${column}: a column the in-memory metrics do not have`);
  return out;
}

/** A reason's row as the SQL gives it: its breakdown, the breakdown's key, the code, count and share. */
export interface ReasonRow {
  readonly breakdown: string;
  readonly breakdownKey: string | null;
  readonly code: string;
  readonly rejections: number;
  readonly share: number;
}

/** The in-memory rejection reasons as the SQL's rows (docs/sql.md), sorted by breakdown, key and code. */
export function flatReasons(m: HandoffMetrics): ReasonRow[] {
  const rows: ReasonRow[] = [
    ...m.rejectionReasons.byCode.map((r) => ({ breakdown: "code", breakdownKey: null, ...r })),
    ...m.rejectionReasons.bySdr.flatMap(({ sdrId, reasons }) =>
      reasons.map((r) => ({ breakdown: "sdr", breakdownKey: sdrId, ...r })),
    ),
    ...m.rejectionReasons.bySegment.flatMap(({ segment, reasons }) =>
      reasons.map((r) => ({ breakdown: "segment", breakdownKey: segment, ...r })),
    ),
  ].map(({ breakdown, breakdownKey, code, count, share }) => ({
    breakdown,
    breakdownKey,
    code,
    rejections: count,
    share,
  }));
  return sortReasons(rows);
}

const sortKey = (r: ReasonRow): string => `${r.breakdown}\u0000${r.breakdownKey ?? ""}\u0000${r.code}`;
export const sortReasons = (rows: readonly ReasonRow[]): ReasonRow[] =>
  [...rows].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

/** An engine's reason rows of one level (the `scope` and group already picked), as ReasonRows. */
export function reasonRows(rows: readonly Readonly<Record<string, unknown>>[]): ReasonRow[] {
  return sortReasons(
    rows.map((row) => ({
      breakdown: row["breakdown"] as string,
      breakdownKey: (row["breakdown_key"] as string | null) ?? null,
      code: row["code"] as string,
      rejections: Number(row["rejections"]),
      share: row["share"] as number,
    })),
  );
}
