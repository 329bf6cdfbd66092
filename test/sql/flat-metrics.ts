// The in-memory scoreboard's metrics under the SQL scoreboard's column names (docs/sql.md lists
// them), so a test compares the two column by column. Written from the documented names, not from
// the generator's code.
import type { DurationStats, HandoffMetrics, Metric, Scoreboard } from "../../src/metrics/index.js";
import type { SqlGroupDimension } from "../../src/sql/index.js";

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
  // With the weeks table, every handoff's week must have been found in it.
  if ("outside_weeks" in row && Number(row["outside_weeks"]) !== 0)
    out.push(`outside_weeks: ${String(row["outside_weeks"])} handoffs beyond the weeks table`);
  for (const column of Object.keys(row))
    if (
      !(column in expected) &&
      column !== "outside_weeks" &&
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

/** The result's key column of each grouping dimension, as docs/sql.md names them. */
export const SQL_KEY_COLUMNS: Readonly<Record<SqlGroupDimension, string>> = {
  sdr: "sdr_id",
  ae: "ae_id",
  segment: "segment",
  source: "source",
  week: "week_start",
};

/** A grouping option as its list of dimensions. */
export const dimensionsOf = (groupBy: SqlGroupDimension | readonly SqlGroupDimension[] | undefined) =>
  groupBy === undefined ? [] : typeof groupBy === "string" ? [groupBy] : groupBy;

/** A result row's group key, as the in-memory scoreboard writes it (the values joined by ` / `). */
export const keyOf = (dimensions: readonly SqlGroupDimension[], row: Readonly<Record<string, unknown>>): string =>
  dimensions.map((dimension) => String(row[SQL_KEY_COLUMNS[dimension]])).join(" / ");

/**
 * Every difference between an engine's scoreboard rows and the board: the overall row first, one row
 * per group, each column as `differences` compares it. `[]` when they agree.
 */
export function compareMetrics(
  board: Scoreboard,
  dimensions: readonly SqlGroupDimension[],
  rows: readonly Readonly<Record<string, unknown>>[],
): string[] {
  const out: string[] = [];
  const [overall, ...groups] = rows;
  if (overall?.["scope"] !== "overall") out.push("the first row is not the overall one");
  out.push(...differences(flatMetrics(board.overall), overall ?? {}).map((d) => `overall ${d}`));
  const byKey = new Map(groups.map((row) => [keyOf(dimensions, row), row]));
  if (byKey.size !== groups.length || byKey.size !== board.groups.length)
    out.push(`${String(groups.length)} group rows, in memory ${String(board.groups.length)} groups`);
  for (const group of board.groups) {
    const row = byKey.get(group.key);
    if (row === undefined) out.push(`no row for group ${group.key}`);
    else out.push(...differences(flatMetrics(group.metrics), row).map((d) => `${group.key} ${d}`));
  }
  return out;
}

/**
 * The reasons' rows, level by level, against the board's: counts exactly and shares to 1e-12, as
 * sets (ties in count are ordered by the engine's collation), and within each breakdown key most
 * frequent first. `[]` when they agree.
 */
export function compareReasons(
  board: Scoreboard,
  dimensions: readonly SqlGroupDimension[],
  rows: readonly Readonly<Record<string, unknown>>[],
): string[] {
  const levels = [
    { name: "overall", metrics: board.overall, rows: rows.filter((row) => row["scope"] === "overall") },
    ...board.groups.map((group) => ({
      name: group.key,
      metrics: group.metrics,
      rows: rows.filter((row) => row["scope"] === "group" && keyOf(dimensions, row) === group.key),
    })),
  ];
  const out: string[] = [];
  for (const level of levels) {
    const want = flatReasons(level.metrics);
    const got = reasonRows(level.rows);
    if (got.length !== want.length)
      out.push(`${level.name}: ${String(got.length)} rows, in memory ${String(want.length)}`);
    want.forEach((w, i) => {
      const g = got[i];
      if (
        g?.breakdown !== w.breakdown ||
        g.breakdownKey !== w.breakdownKey ||
        g.code !== w.code ||
        g.rejections !== w.rejections ||
        Math.abs(g.share - w.share) > 1e-12
      )
        out.push(`${level.name}: ${JSON.stringify(g)} against ${JSON.stringify(w)}`);
    });
    // Within a breakdown key, the engine's order is by count, most first.
    for (let i = 1; i < level.rows.length; i += 1) {
      const [a, b] = [level.rows[i - 1], level.rows[i]];
      const sameKey = a?.["breakdown"] === b?.["breakdown"] && a?.["breakdown_key"] === b?.["breakdown_key"];
      if (sameKey && Number(a?.["rejections"]) < Number(b?.["rejections"]))
        out.push(`${level.name}: ${String(b?.["breakdown"])} ${String(b?.["breakdown_key"])} not most frequent first`);
    }
  }
  return out;
}

/**
 * Every place two values differ, walking objects, arrays and Dates alike: numbers that are not both
 * whole to 1e-12 (relative past 1), whole numbers and everything else exactly. `[]` when they agree.
 */
export function deepDifferences(expected: unknown, actual: unknown, path = "$"): string[] {
  if (typeof expected === "number" && typeof actual === "number") {
    const same =
      Number.isInteger(expected) && Number.isInteger(actual)
        ? expected === actual
        : Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
    return same ? [] : [`${path}: ${String(actual)} (expected ${String(expected)})`];
  }
  if (expected instanceof Date || actual instanceof Date)
    return expected instanceof Date && actual instanceof Date && expected.getTime() === actual.getTime()
      ? []
      : [`${path}: ${String(actual)} (expected ${String(expected)})`];
  if (typeof expected === "object" && expected !== null && typeof actual === "object" && actual !== null) {
    if (Array.isArray(expected) !== Array.isArray(actual)) return [`${path}: an array against an object`];
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((key) =>
      deepDifferences(
        (expected as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key],
        `${path}.${key}`,
      ),
    );
  }
  return Object.is(expected, actual)
    ? []
    : [`${path}: ${JSON.stringify(actual)} (expected ${JSON.stringify(expected)})`];
}
