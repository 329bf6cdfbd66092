import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, requireList } from "../core/guards.js";
import { compareCodeUnits } from "../core/order.js";
import type {
  DurationStats,
  HandoffMetrics,
  Metric,
  ReasonCount,
  Scoreboard,
  ScoreboardGroup,
  SlaCompliance,
} from "../metrics/index.js";
import { checkDimensions, compareKeys, compareReasonCounts, precisionOf, weekCutter } from "../metrics/internal.js";
import { KEY_COLUMNS, plan, type ScoreboardSqlOptions, type SqlGroupDimension } from "./base-rows.js";

/**
 * One row of a query's result, as a database client gives it: column name to value. Numbers may come
 * as `number`, `bigint` or decimal text (drivers differ on `BIGINT` and `NUMBER`), flags as booleans.
 *
 * @example
 * ```ts
 * import type { SqlRow } from "handoff-kit/sql";
 * const row: SqlRow = { scope: "overall", handoffs: 379n, held_rate: 0.458 };
 * ```
 * @category Scoreboard in SQL
 */
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * The result rows of the three queries, for {@link scoreboardFromSql}: the scoreboard's, the
 * rejection reasons' and, when SLA compliance is wanted, SLA compliance's, each written with the same
 * options.
 *
 * @example
 * ```ts
 * import type { ScoreboardSqlResults, SqlRow } from "handoff-kit/sql";
 * declare const scoreboardRows: readonly SqlRow[], reasonRows: readonly SqlRow[];
 * const results: ScoreboardSqlResults = { scoreboard: scoreboardRows, reasons: reasonRows };
 * ```
 * @category Scoreboard in SQL
 */
export interface ScoreboardSqlResults {
  /** The rows of `scoreboardSql(options)`. */
  readonly scoreboard: readonly SqlRow[];
  /** The rows of `rejectionReasonsSql(options)`. */
  readonly reasons: readonly SqlRow[];
  /** The rows of `slaComplianceSql(options)`; without them `slaCompliance` is empty, as in memory without policies. */
  readonly sla?: readonly SqlRow[];
}

const FN = "scoreboardFromSql";

const misuse = (detail: string): HandoffKitError => new HandoffKitError("invalid_argument", { detail });

/** Reads one result's columns, naming the result, the row and the column in misuse errors. */
class RowReader {
  constructor(
    private readonly row: SqlRow,
    private readonly where: string,
  ) {}

  private fail(column: string, expected: string): never {
    throw misuse(`${FN}: ${this.where}, column ${column} must be ${expected}: ${describeValue(this.row[column])}`);
  }

  /** A number, or null for SQL NULL (a missing column is not NULL: it is misuse). */
  nullableNumber(column: string): number | null {
    if (!Object.hasOwn(this.row, column)) this.fail(column, "present (is the row from the query of these options?)");
    const value = this.row[column];
    if (value === null) return null;
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (
      typeof value === "bigint" &&
      value <= BigInt(Number.MAX_SAFE_INTEGER) &&
      value >= -BigInt(Number.MAX_SAFE_INTEGER)
    )
      return Number(value);
    // A driver's DECIMAL or NUMBER(38, 0) text, such as "379" or "0.4581": never an empty or spaced string.
    if (typeof value === "string" && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return Number(value);
    return this.fail(column, "a number or NULL");
  }

  number(column: string): number {
    return this.nullableNumber(column) ?? this.fail(column, "a number");
  }

  count(column: string): number {
    const value = this.number(column);
    return Number.isInteger(value) && value >= 0 ? value : this.fail(column, "a whole number, 0 or more");
  }

  flag(column: string): boolean {
    const value = this.row[column];
    if (typeof value === "boolean") return value;
    // Some clients give a BOOLEAN as 0 or 1.
    if (value === 0 || value === 1) return value === 1;
    return this.fail(column, "true or false");
  }

  text(column: string): string {
    const value = this.row[column];
    return typeof value === "string" ? value : this.fail(column, "text");
  }

  nullableText(column: string): string | undefined {
    const value = this.row[column];
    return value === null || value === undefined ? undefined : this.text(column);
  }

  /** A metric's six columns (`x`, `x_numerator`, `x_denominator`, `x_low`, `x_high`, `x_low_sample`). */
  metric(name: string, confidence: number): Metric {
    const low = this.nullableNumber(`${name}_low`);
    const high = this.nullableNumber(`${name}_high`);
    if ((low === null) !== (high === null)) this.fail(`${name}_high`, `NULL exactly when ${name}_low is`);
    return {
      value: this.nullableNumber(name),
      numerator: this.number(`${name}_numerator`),
      denominator: this.number(`${name}_denominator`),
      interval: low === null || high === null ? null : { low, high, confidence },
      lowSample: this.flag(`${name}_low_sample`),
    };
  }

  duration(name: string): DurationStats {
    return {
      count: this.count(`${name}_count`),
      median: this.nullableNumber(`${name}_median`),
      p90: this.nullableNumber(`${name}_p90`),
      mean: this.nullableNumber(`${name}_mean`),
    };
  }
}

/** The row's level: `overall`, or its group's dimension values. */
function levelOf(row: SqlRow, dimensions: readonly SqlGroupDimension[], where: string): readonly string[] | undefined {
  const reader = new RowReader(row, where);
  const scope = reader.text("scope");
  if (scope === "overall") return undefined;
  if (scope !== "group" || dimensions.length === 0) {
    const expected = dimensions.length === 0 ? "overall (the query is not grouped)" : "overall or group";
    throw misuse(`${FN}: ${where}, column scope must be ${expected}: ${describeValue(scope)}`);
  }
  return dimensions.map((dimension) => reader.text(KEY_COLUMNS[dimension]));
}

/** One level's rows: overall (no keys) or a group's, each row with where it is, for misuse errors. */
interface Level {
  readonly keys: readonly string[] | undefined;
  readonly rows: { readonly row: SqlRow; readonly where: string }[];
}
type Levels = Map<string, Level>;

/** Rows of one result by level (`""` for overall; the group's keys joined with NUL otherwise). */
function byLevel(
  rows: readonly SqlRow[],
  dimensions: readonly SqlGroupDimension[],
  label: string,
  checkOverall?: (row: SqlRow, where: string) => void,
): Levels {
  requireList(rows, FN, label);
  const levels: Levels = new Map();
  rows.forEach((row, index) => {
    const where = `${label} row ${String(index)}`;
    if (!isRecord(row)) throw misuse(`${FN}: ${where} must be an object of columns: ${describeValue(row)}`);
    // What the whole's row says of every row is read before any group's key.
    if (row["scope"] === "overall") checkOverall?.(row, where);
    const keys = levelOf(row, dimensions, where);
    // NUL cannot occur in a key the queries group by (every engine's text refuses it or keeps it whole).
    const id = keys === undefined ? "" : `\u0001${keys.join("\u0000")}`;
    const level = levels.get(id) ?? { keys, rows: [] };
    level.rows.push({ row, where });
    levels.set(id, level);
  });
  return levels;
}

function reasonsOf(rows: readonly { row: SqlRow; where: string }[]): HandoffMetrics["rejectionReasons"] {
  const byCode: ReasonCount[] = [];
  const bySdr = new Map<string, ReasonCount[]>();
  const bySegment = new Map<string, ReasonCount[]>();
  for (const { row, where } of rows) {
    const reader = new RowReader(row, where);
    const reason = { code: reader.text("code"), count: reader.count("rejections"), share: reader.number("share") };
    const breakdown = reader.text("breakdown");
    if (breakdown === "code") byCode.push(reason);
    else if (breakdown === "sdr" || breakdown === "segment") {
      const map = breakdown === "sdr" ? bySdr : bySegment;
      const key = reader.text("breakdown_key");
      map.set(key, [...(map.get(key) ?? []), reason]);
    } else throw misuse(`${FN}: ${where}, column breakdown must be code, sdr or segment: ${describeValue(breakdown)}`);
  }
  const listed = (map: Map<string, ReasonCount[]>): [string, ReasonCount[]][] =>
    [...map]
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([key, reasons]) => [key, reasons.sort(compareReasonCounts)]);
  return {
    byCode: byCode.sort(compareReasonCounts),
    bySdr: listed(bySdr).map(([sdrId, reasons]) => ({ sdrId, reasons })),
    bySegment: listed(bySegment).map(([segment, reasons]) => ({ segment, reasons })),
  };
}

function slaOf(rows: readonly { row: SqlRow; where: string }[], confidence: number): SlaCompliance[] {
  return rows.map(({ row, where }) => {
    const reader = new RowReader(row, where);
    const beyond = reader.count("beyond_tables");
    if (beyond > 0)
      throw misuse(
        `${FN}: ${where}: ${String(beyond)} cycles of ${reader.text("policy_id")} have a deadline past the ` +
          "calendar tables: extend the intervals and days tables (docs/sql.md, keeping them fresh)",
      );
    return {
      policyId: reader.text("policy_id"),
      label: reader.text("policy_label"),
      owner: reader.nullableText("policy_owner"),
      compliance: reader.metric("compliance", confidence),
      met: reader.count("met"),
      breached: reader.count("breached"),
      running: reader.count("running"),
      cancelled: reader.count("cancelled"),
      notEvaluated: reader.count("not_evaluated"),
    };
  });
}

function metricsOf(
  row: SqlRow,
  where: string,
  confidence: number,
  businessTime: boolean,
  reasons: HandoffMetrics["rejectionReasons"],
  slaCompliance: readonly SlaCompliance[],
): HandoffMetrics {
  const r = new RowReader(row, where);
  const m = (name: string): Metric => r.metric(name, confidence);
  return {
    handoffs: r.count("handoffs"),
    meetingsBooked: r.count("meetings_booked"),
    qualifiedMeetingsPerSdrWeek: m("qualified_meetings_per_sdr_week"),
    heldRate: m("held_rate"),
    showRate: m("show_rate"),
    noShowRate: m("no_show_rate"),
    heldRateByStyle: { warm: m("held_rate_warm"), cold: m("held_rate_cold") },
    meetings: {
      held: r.count("meetings_held"),
      noShow: r.count("meetings_no_show"),
      cancelled: r.count("meetings_cancelled"),
      upcoming: r.count("meetings_upcoming"),
      pastUnrecorded: r.count("meetings_past_unrecorded"),
    },
    acceptanceRate: m("acceptance_rate"),
    handoffToOpportunityRate: m("handoff_to_opportunity_rate"),
    recycleRate: m("recycle_rate"),
    recycleToRebookedRate: m("recycle_to_rebooked_rate"),
    winRate: { all: m("win_rate"), sdrSourced: m("win_rate_sdr_sourced"), inbound: m("win_rate_inbound") },
    averageDealSize: {
      all: m("average_deal_size"),
      sdrSourced: m("average_deal_size_sdr_sourced"),
      inbound: m("average_deal_size_inbound"),
    },
    sdrSourcedPipelineShare: m("sdr_sourced_pipeline_share"),
    pipelineAmount: {
      all: r.number("pipeline_amount"),
      sdrSourced: r.number("pipeline_amount_sdr_sourced"),
      inbound: r.number("pipeline_amount_inbound"),
    },
    closedWonPer1000Handoffs: m("closed_won_per_1000_handoffs"),
    timeToFirstFollowUp: {
      calendar: r.duration("time_to_first_follow_up"),
      // As in memory: without calendars there is no business time at all, not an empty one.
      business: businessTime ? r.duration("time_to_first_follow_up_business") : null,
    },
    timeFromFirstTouchToBooked: r.duration("time_from_first_touch_to_booked"),
    slaCompliance,
    meetingQuality: {
      mean: m("meeting_quality"),
      distribution: [
        r.count("meeting_quality_1"),
        r.count("meeting_quality_2"),
        r.count("meeting_quality_3"),
        r.count("meeting_quality_4"),
        r.count("meeting_quality_5"),
      ],
    },
    rejectionReasons: reasons,
  };
}

/**
 * Reads the rows of `scoreboardSql`, `rejectionReasonsSql` and (optionally) `slaComplianceSql`, run
 * with the same `options` in any engine, back into the library's {@link Scoreboard}, so what works on an
 * in-memory scoreboard (health bands, comparisons, the huddle, the renderers) works on a warehouse's
 * numbers. Each value is the engine's, not recomputed; groups are in key order and reasons most
 * frequent first, as in memory, whatever the engine's collation.
 *
 * The queries leave out rows that cannot be counted without listing them: `seen` is the handoffs
 * counted, `excluded` 0 and `dataIssues` empty (the library's checks of the rows, `accumulate`, list
 * them where the rows are written). `options.now` must be the instant: for a query written with
 * `"query_time"`, pass the instant it ran at. Rows that do not match the options (a missing column, a
 * group without its reasons' level, a cycle whose deadline is past the calendar tables) throw
 * `invalid_argument`.
 *
 * @example
 * ```ts
 * import { DuckDBInstance } from "@duckdb/node-api";
 * import { assessHealth } from "handoff-kit/metrics";
 * import { rejectionReasonsSql, scoreboardFromSql, scoreboardSql, type ScoreboardSqlOptions } from "handoff-kit/sql";
 *
 * const db = await (await DuckDBInstance.create("handoffs.duckdb")).connect();
 * const options: ScoreboardSqlOptions = { dialect: "duckdb", now: new Date("2026-11-14T02:00:00Z"), groupBy: "sdr" };
 * const board = scoreboardFromSql(
 *   {
 *     scoreboard: (await db.runAndReadAll(scoreboardSql(options))).getRowObjectsJS(),
 *     reasons: (await db.runAndReadAll(rejectionReasonsSql(options))).getRowObjectsJS(),
 *   },
 *   options,
 * );
 * console.log(assessHealth(board).findings);
 * ```
 * @category Scoreboard in SQL
 */
export function scoreboardFromSql(results: ScoreboardSqlResults, options: ScoreboardSqlOptions): Scoreboard {
  const p = plan(options, FN);
  if (p.now === undefined) throw misuse(`${FN}: options.now must be the instant the query ran at, not "query_time"`);
  if (!isRecord(results))
    throw misuse(`${FN}: results must be { scoreboard, reasons, sla? } rows: ${describeValue(results)}`);
  const dimensions = checkDimensions(options.groupBy, FN) as readonly SqlGroupDimension[];
  const { confidence } = precisionOf(options, FN);
  const weeks = weekCutter(options.week, `${FN}: options.week`);
  // With the weeks table, the whole's row counts the handoffs whose week it did not reach (their week
  // keys are NULL).
  const board = byLevel(results.scoreboard, dimensions, "results.scoreboard", (row, where) => {
    if (!p.weekTable) return;
    const outside = new RowReader(row, where).count("outside_weeks");
    if (outside > 0)
      throw misuse(
        `${FN}: ${where}: ${String(outside)} handoffs have an instant the weeks table does not reach: ` +
          "write weekStarts' rows over the whole range of the handoffs (docs/sql.md, keeping them fresh)",
      );
  });
  const reasons = byLevel(results.reasons, dimensions, "results.reasons");
  const sla = results.sla === undefined ? undefined : byLevel(results.sla, dimensions, "results.sla");
  const others: readonly [string, Levels | undefined][] = [
    ["results.reasons", reasons],
    ["results.sla", sla],
  ];
  for (const [label, levels] of others)
    for (const [id, level] of levels ?? [])
      if (!board.has(id))
        throw misuse(
          `${FN}: ${label} has rows for ${level.keys === undefined ? "overall" : `group ${level.keys.join(" / ")}`}, ` +
            "which the scoreboard rows do not: were they written with the same options?",
        );

  const metricsAt = (id: string): HandoffMetrics => {
    const level = board.get(id);
    const [first, ...others] = level?.rows ?? [];
    if (first === undefined) throw misuse(`${FN}: results.scoreboard has no overall row`);
    if (others.length > 0) throw misuse(`${FN}: ${others[0]?.where ?? ""} repeats the level of ${first.where}`);
    return metricsOf(
      first.row,
      first.where,
      confidence,
      p.businessTime,
      reasonsOf(reasons.get(id)?.rows ?? []),
      sla === undefined ? [] : slaOf(sla.get(id)?.rows ?? [], confidence),
    );
  };
  const overall = metricsAt("");
  const policyIds = overall.slaCompliance.map((sla) => sla.policyId).join(", ");
  const groups: ScoreboardGroup[] = [...board]
    .flatMap(([id, level]) => (level.keys === undefined ? [] : [{ id, keys: level.keys }]))
    .sort((a, b) => compareKeys(a.keys, b.keys))
    .map(({ id, keys }) => ({
      key: keys.join(" / "),
      keys: Object.fromEntries(dimensions.map((dimension, i) => [dimension, keys[i] ?? ""])),
      metrics: metricsAt(id),
    }));
  // slaComplianceSql gives every policy at every level: a level without them is a result cut short.
  for (const group of groups) {
    const ids = group.metrics.slaCompliance.map((sla) => sla.policyId).join(", ");
    if (ids !== policyIds)
      throw misuse(
        `${FN}: results.sla gives group ${group.key} the policies [${ids}], the whole [${policyIds}]: ` +
          "were they written with the same options?",
      );
  }
  return {
    now: new Date(p.now),
    groupBy: [...dimensions],
    week: { timeZone: weeks.timeZone, startsOn: weeks.startsOn },
    confidence,
    minSample: p.minSample,
    currency: p.currency,
    overall,
    groups,
    seen: overall.handoffs,
    excluded: 0,
    dataIssues: [],
  };
}
