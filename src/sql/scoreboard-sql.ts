import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, requireWholeNumber } from "../core/guards.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { checkDimensions, requireConfidence, weekCutter } from "../metrics/internal.js";
import { zScore, type WeekOptions } from "../metrics/index.js";
import { WEEKDAYS } from "../sla/index.js";
import { dialectSql, literal, type DialectSql, type SqlDialect } from "./dialect.js";
import { tableNames, type TableNames } from "./table-layout.js";

/**
 * A dimension the SQL scoreboard groups by: the built-in ones of the in-memory scoreboard (a
 * function cannot become SQL). Each is a column of the result: `sdr_id`, `ae_id`, `segment`,
 * `source`, and `week_start` (the local date the week starts on, `YYYY-MM-DD`, or `none`).
 *
 * @example
 * ```ts
 * import type { SqlGroupDimension } from "handoff-kit/sql";
 * const byTeam: SqlGroupDimension[] = ["segment", "week"];
 * ```
 * @category Scoreboard in SQL
 */
export type SqlGroupDimension = "sdr" | "ae" | "segment" | "source" | "week";

/**
 * The options of {@link scoreboardSql}: the in-memory scoreboard's, less what SQL cannot take (a
 * function dimension, SLA policies), plus the dialect and the tables.
 *
 * @example
 * ```ts
 * import type { ScoreboardSqlOptions } from "handoff-kit/sql";
 * const weekly: ScoreboardSqlOptions = {
 *   dialect: "bigquery",
 *   now: new Date("2026-11-14T02:00:00Z"),
 *   groupBy: "week",
 *   week: { timeZone: "America/New_York", startsOn: "mon" },
 *   tables: { summaries: "sales.handoff_summaries" },
 * };
 * ```
 * @category Scoreboard in SQL
 */
export interface ScoreboardSqlOptions {
  readonly dialect: SqlDialect;
  /**
   * The as-of instant: meetings starting at or after it are upcoming, as in memory. `"query_time"`
   * writes the engine's `CURRENT_TIMESTAMP` instead, for a query saved to run on a schedule.
   */
  readonly now: InstantInput | "query_time";
  /** One dimension or several (a row per combination, after the overall row). */
  readonly groupBy?: SqlGroupDimension | readonly SqlGroupDimension[];
  /** How weeks are cut, for `week` and for SDR-weeks (UTC, Monday by default), written into the SQL. */
  readonly week?: WeekOptions;
  /** Of every interval (0.95 by default). */
  readonly confidence?: number;
  /** Below this denominator a metric's `_low_sample` is true (10 by default). */
  readonly minSample?: number;
  /** Deal sizes and pipeline count amounts in this currency only (`USD` by default). */
  readonly currency?: string;
  /** The tables' names (`handoff_summaries` and `calendar_intervals` by default). */
  readonly tables?: TableNames;
  /**
   * Business-time follow-up from the intervals table, on each row's `ae_calendar_id` (as the in-memory
   * scoreboard's `calendars` option). Off by default: the business columns are NULL, as in memory
   * without calendars.
   */
  readonly businessTime?: boolean;
}

/** The result's key column of each dimension. */
const KEY_COLUMNS: Readonly<Record<SqlGroupDimension, string>> = {
  sdr: "sdr_id",
  ae: "ae_id",
  segment: "segment",
  source: "source",
  week: "week_start",
};

/** The duration lists whose median and p90 the scoreboard gives. */
const DURATIONS = ["follow_up", "follow_up_business", "touch_to_booked"] as const;
type Duration = (typeof DURATIONS)[number];

/** The result's name of each duration list. */
const DURATION_METRICS: Readonly<Record<Duration, string>> = {
  follow_up: "time_to_first_follow_up",
  follow_up_business: "time_to_first_follow_up_business",
  touch_to_booked: "time_from_first_touch_to_booked",
};

/** The largest amount counted, as in memory: 2^53 - 1. */
const MAX_AMOUNT = "9007199254740991";

/** The checked options. */
interface Plan {
  readonly sql: DialectSql;
  /** Epoch ms, or undefined for the query's own time. */
  readonly now: number | undefined;
  readonly keys: readonly string[];
  readonly timeZone: string;
  readonly isoStart: number;
  readonly z: number;
  readonly minSample: number;
  readonly currency: string;
  readonly tables: Required<TableNames>;
  readonly businessTime: boolean;
}

function plan(options: ScoreboardSqlOptions): Plan {
  const fn = "scoreboardSql";
  if (!isRecord(options))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options must be an object with dialect and now: ${describeValue(options)}`,
    });
  const sql = dialectSql(options.dialect, `${fn}: options.dialect`);
  const now = options.now === "query_time" ? undefined : toEpochMs(options.now, `${fn}: options.now`);
  const dimensions = checkDimensions(options.groupBy, fn);
  const keys = dimensions.map((dimension) => {
    if (typeof dimension !== "string" || !Object.hasOwn(KEY_COLUMNS, dimension))
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: options.groupBy takes sdr, ae, segment, source or week (a function cannot become SQL)`,
      });
    return KEY_COLUMNS[dimension];
  });
  const { week } = options as { week?: unknown };
  if (week !== undefined && !isRecord(week))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.week must be { timeZone?, startsOn? }: ${describeValue(week)}`,
    });
  const weeks = weekCutter(options.week, `${fn}: options.week`);
  const confidence = options.confidence ?? 0.95;
  requireConfidence(confidence, `${fn}: options.confidence`);
  const minSample = options.minSample ?? 10;
  requireWholeNumber(minSample, `${fn}: options.minSample`, 0);
  const currency = options.currency ?? "USD";
  if (typeof currency !== "string")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.currency must be a currency code: ${describeValue(currency)}`,
    });
  const { businessTime = false } = options;
  if (typeof businessTime !== "boolean")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.businessTime must be true or false: ${describeValue(businessTime)}`,
    });
  return {
    sql,
    now,
    keys,
    timeZone: weeks.timeZone,
    isoStart: WEEKDAYS.indexOf(weeks.startsOn) + 1,
    z: zScore(confidence),
    minSample,
    currency,
    tables: tableNames(options.tables, sql.dialect, fn, "options.tables"),
    businessTime,
  };
}

/** `CASE WHEN condition THEN 1 ELSE 0 END`, summed: a count of the rows meeting it. */
const countIf = (condition: string): string => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/**
 * The first stage: one row per handoff counted (rows with refused events are left out, as in
 * memory), each value the metrics read already decided: which outcome counts the meeting, which
 * amounts are counted, which durations are measured.
 */
function baseCte(p: Plan): string {
  const { sql } = p;
  const now = p.now === undefined ? sql.queryTime : sql.instant(p.now);
  const weekOf = (instant: string): string =>
    sql.dateText(sql.weekStart(sql.localDate(instant, p.timeZone), p.isoStart));
  const amount = (column: string, currency: string): string =>
    `${column} >= 0 AND ${column} <= ${MAX_AMOUNT} AND ` +
    `COALESCE(${currency}, ${literal(p.currency)}) = ${literal(p.currency)}`;
  const span = (from: string, to: string): string =>
    `CASE WHEN ${to} >= ${from} THEN ${sql.double(`${sql.epochMs(to)} - ${sql.epochMs(from)}`)} END`;
  const calendar = "COALESCE(NULLIF(s.ae_calendar_id, ''), s.ae_id)";
  const business = p.businessTime
    ? `CASE WHEN s.first_follow_up_at >= s.booked_at AND known.calendar_id IS NOT NULL
        THEN ${sql.double("at_follow_up.b_ms - at_booked.b_ms")} END`
    : sql.double("NULL");
  const joins = p.businessTime
    ? `
  LEFT JOIN (SELECT DISTINCT calendar_id FROM ${sql.table(p.tables.intervals)}) known
    ON known.calendar_id = ${calendar}
  LEFT JOIN business_before at_booked
    ON at_booked.calendar_id = ${calendar} AND at_booked.t_ms = ${sql.epochMs("s.booked_at")}
  LEFT JOIN business_before at_follow_up
    ON at_follow_up.calendar_id = ${calendar} AND at_follow_up.t_ms = ${sql.epochMs("s.first_follow_up_at")}`
    : "";
  return `base AS (
  SELECT
    s.sdr_id,
    s.ae_id,
    s.segment,
    s.source,
    COALESCE(${weekOf("COALESCE(s.booked_at, s.created_at)")}, 'none') AS week_start,
    s.status,
    s.cycles,
    s.decision,
    s.outcome,
    s.style,
    CASE
      WHEN s.meeting_status IN ('held', 'no_show', 'cancelled') THEN s.meeting_status
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') AND s.meeting_start < ${now} THEN 'past_unrecorded'
      WHEN s.meeting_status IN ('scheduled', 'rescheduled') THEN 'upcoming'
    END AS meeting,
    CASE WHEN s.status <> 'draft' AND s.booked_at IS NOT NULL
      THEN CONCAT(${weekOf("s.booked_at")}, s.sdr_id) END AS sdr_week,
    CASE WHEN s.quality IN (1, 2, 3, 4, 5) THEN s.quality END AS quality,
    CASE WHEN s.decision = 'accepted' AND ${amount("s.accepted_amount", "s.accepted_currency")}
      THEN ${sql.double("s.accepted_amount")} END AS pipeline_amount,
    CASE WHEN s.outcome = 'won' AND ${amount("s.won_amount", "s.won_currency")}
      THEN ${sql.double("s.won_amount")} END AS deal_amount,
    ${span("s.booked_at", "s.first_follow_up_at")} AS follow_up,
    ${business} AS follow_up_business,
    ${span("s.first_touch_at", "s.first_booked_at")} AS touch_to_booked
  FROM ${sql.table(p.tables.summaries)} s${joins}
  WHERE s.skipped_events = 0
)`;
}

/**
 * Business time before each instant a follow-up is measured between, on its calendar, with no range
 * join: each calendar's intervals numbered by a running sum of their lengths, the instants sorted in
 * among the interval starts, and each instant reading the last interval that started at or before
 * it. Sorting scales where a join of every handoff to every interval of its calendar would not.
 */
function businessCtes(p: Plan): string {
  const { sql } = p;
  const calendar = "COALESCE(NULLIF(ae_calendar_id, ''), ae_id)";
  const running = (column: string): string =>
    `MAX(${column}) OVER (PARTITION BY calendar_id ORDER BY t_ms, kind ` +
    "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
  // UNION ALL under a DISTINCT: BigQuery has no bare UNION, Snowflake no UNION DISTINCT.
  return `instants AS (
  SELECT DISTINCT calendar_id, t_ms FROM (
    SELECT ${calendar} AS calendar_id, ${sql.epochMs("booked_at")} AS t_ms
    FROM ${sql.table(p.tables.summaries)}
    WHERE skipped_events = 0 AND first_follow_up_at >= booked_at
    UNION ALL
    SELECT ${calendar} AS calendar_id, ${sql.epochMs("first_follow_up_at")} AS t_ms
    FROM ${sql.table(p.tables.summaries)}
    WHERE skipped_events = 0 AND first_follow_up_at >= booked_at
  ) follow_up_instants
),
open_intervals AS (
  SELECT calendar_id, start_ms, end_ms,
    SUM(end_ms - start_ms) OVER (PARTITION BY calendar_id ORDER BY start_ms
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - (end_ms - start_ms) AS open_before
  FROM (
    SELECT DISTINCT calendar_id, ${sql.epochMs("start_utc")} AS start_ms, ${sql.epochMs("end_utc")} AS end_ms
    FROM ${sql.table(p.tables.intervals)}
    WHERE end_utc > start_utc
  ) distinct_intervals
),
timeline AS (
  SELECT calendar_id, start_ms AS t_ms, 0 AS kind, start_ms, end_ms, open_before FROM open_intervals
  UNION ALL
  SELECT calendar_id, t_ms, 1 AS kind, NULL, NULL, NULL FROM instants
),
carried AS (
  SELECT calendar_id, t_ms, kind,
    ${running("start_ms")} AS last_start,
    ${running("end_ms")} AS last_end,
    ${running("open_before")} AS last_open_before
  FROM timeline
),
business_before AS (
  SELECT calendar_id, t_ms,
    CASE WHEN last_start IS NULL THEN 0
      WHEN t_ms >= last_end THEN last_open_before + (last_end - last_start)
      ELSE last_open_before + (t_ms - last_start)
    END AS b_ms
  FROM carried
  WHERE kind = 1
)`;
}

/**
 * Each duration's rank and count within its group (`keys`; none for the whole), and the order
 * statistics type 7 reads: the value at floor(h), the next, and h's fraction.
 */
function rankedCte(name: string, keys: readonly string[], p: Plan): string {
  const { sql } = p;
  const by = (extra: string): string => (keys.length === 0 ? extra : `${keys.join(", ")}, ${extra}`);
  const columns = DURATIONS.flatMap((d) => {
    const isNull = `CASE WHEN ${d} IS NULL THEN 1 ELSE 0 END`;
    const rank = `(ROW_NUMBER() OVER (PARTITION BY ${by(isNull)} ORDER BY ${d}) - 1)`;
    const count = `COUNT(${d}) OVER (${keys.length === 0 ? "" : `PARTITION BY ${keys.join(", ")}`})`;
    return [`${rank} AS ${d}_rank`, `${count} AS ${d}_n`];
  });
  const stats = DURATIONS.flatMap((d) =>
    (
      [
        ["50", "0.5"],
        ["90", "0.9"],
      ] as const
    ).flatMap(([tag, q]) => {
      // h = (n - 1) q, as in memory; the value at floor(h) and the next, and h's fraction.
      const h = `(${sql.double(`${d}_n - 1`)} * ${sql.double(literal(q))})`;
      return [
        `CASE WHEN ${d}_rank = FLOOR(${h}) THEN ${d} END AS ${d}_at${tag}`,
        `CASE WHEN ${d}_rank = FLOOR(${h}) + 1 THEN ${d} END AS ${d}_next${tag}`,
        `${h} - FLOOR(${h}) AS ${d}_fraction${tag}`,
      ];
    }),
  );
  return `${name}_ranks AS (
  SELECT base.*,
    ${columns.join(",\n    ")}
  FROM base
),
${name} AS (
  SELECT ${name}_ranks.*,
    ${stats.join(",\n    ")}
  FROM ${name}_ranks
)`;
}

/** The counts, sums and order statistics of one level (grouped by `keys`, or the whole). */
function aggregates(from: string, keys: readonly string[], allKeys: readonly string[], p: Plan): string {
  const { sql } = p;
  const due = "('held', 'no_show', 'cancelled', 'past_unrecorded')";
  const text = (key: string): string => (keys.includes(key) ? key : `CAST(NULL AS ${sql.type("text")}) AS ${key}`);
  /** An aggregate over all rows meeting `condition`, and over the SDR-sourced and inbound ones. */
  const bySource = (name: string, aggregate: (condition: string) => string, condition: string): string[] => [
    `${aggregate(condition)} AS ${name}`,
    `${aggregate(`${condition} AND source = 'outbound'`)} AS ${name}_sdr_sourced`,
    `${aggregate(`${condition} AND source = 'inbound'`)} AS ${name}_inbound`,
  ];
  const quantile = (d: Duration, tag: string): string =>
    `MAX(${d}_at${tag}) + MAX(${d}_fraction${tag}) * ` +
    `(COALESCE(MAX(${d}_next${tag}), MAX(${d}_at${tag})) - MAX(${d}_at${tag}))`;
  const columns = [
    `${keys.length === 0 ? "'overall'" : "'group'"} AS scope`,
    ...allKeys.map(text),
    "COUNT(*) AS handoffs",
    `${countIf("status <> 'draft'")} AS booked`,
    "COUNT(DISTINCT sdr_week) AS sdr_weeks",
    `${countIf("meeting = 'held'")} AS held`,
    `${countIf("meeting = 'no_show'")} AS no_show`,
    `${countIf("meeting = 'cancelled'")} AS cancelled`,
    `${countIf("meeting = 'upcoming'")} AS upcoming`,
    `${countIf("meeting = 'past_unrecorded'")} AS past_unrecorded`,
    `${countIf("meeting = 'held' AND style = 'warm'")} AS held_warm`,
    `${countIf(`meeting IN ${due} AND style = 'warm'`)} AS due_warm`,
    `${countIf("meeting = 'held' AND style = 'cold'")} AS held_cold`,
    `${countIf(`meeting IN ${due} AND style = 'cold'`)} AS due_cold`,
    `${countIf("decision = 'accepted'")} AS accepted`,
    `${countIf("decision = 'rejected'")} AS rejected`,
    `${countIf("status = 'recycled' OR cycles > 1 OR decision = 'rejected'")} AS rejected_ever`,
    `${countIf("status = 'recycled' OR cycles > 1")} AS recycled_ever`,
    `${countIf("cycles > 1")} AS rebooked`,
    `${countIf("decision = 'accepted' AND source = 'outbound'")} AS opportunities_sdr_sourced`,
    ...bySource("won", countIf, "outcome = 'won'"),
    ...bySource("lost", countIf, "outcome = 'lost'"),
    ...bySource("deals", (c) => `COUNT(CASE WHEN ${c} THEN deal_amount END)`, "deal_amount IS NOT NULL"),
    ...bySource("deal_sum", (c) => `SUM(CASE WHEN ${c} THEN deal_amount END)`, "deal_amount IS NOT NULL"),
    ...bySource(
      "deal_squares",
      (c) => `SUM(CASE WHEN ${c} THEN deal_amount * deal_amount END)`,
      "deal_amount IS NOT NULL",
    ),
    ...bySource(
      "pipeline",
      (c) => `COALESCE(SUM(CASE WHEN ${c} THEN pipeline_amount END), ${sql.double("0")})`,
      "pipeline_amount IS NOT NULL",
    ),
    "COUNT(quality) AS quality_count",
    `${sql.double("SUM(quality)")} AS quality_sum`,
    `${sql.double("SUM(quality * quality)")} AS quality_squares`,
    ...[1, 2, 3, 4, 5].map((score) => `${countIf(`quality = ${String(score)}`)} AS quality_${String(score)}`),
    ...DURATIONS.flatMap((d) => [
      `COUNT(${d}) AS ${d}_count`,
      `SUM(${d}) AS ${d}_sum`,
      `${quantile(d, "50")} AS ${d}_median`,
      `${quantile(d, "90")} AS ${d}_p90`,
    ]),
  ];
  return `SELECT
    ${columns.join(",\n    ")}
  FROM ${from}${keys.length === 0 ? "" : `\n  GROUP BY ${keys.join(", ")}`}`;
}

/** The final columns: each metric's value, numerator, denominator, interval and low-sample flag. */
function metricColumns(p: Plan): string[] {
  const { sql } = p;
  const d = sql.double;
  const z = "params.z";
  const lowSample = (denominator: string): string => `(${denominator} < ${String(p.minSample)}) AS `;
  /** A proportion with its Wilson interval, each step as in memory (wilsonInterval), scaled after. */
  const proportion = (name: string, numerator: string, denominator: string, scale = 1): string[] => {
    const n = d(`NULLIF(${denominator}, 0)`);
    const rate = `(${d(numerator)} / ${n})`;
    const z2n = `((${z} * ${z}) / ${n})`;
    const centre = `((${rate} + ${z2n} / 2) / (1 + ${z2n}))`;
    const half = `((${z} / (1 + ${z2n})) * SQRT((${rate} * (1 - ${rate})) / ${n} + ${z2n} / (4 * ${n})))`;
    const scaled = (value: string): string => (scale === 1 ? value : `${value} * ${String(scale)}`);
    const guarded = (value: string): string => `CASE WHEN ${denominator} > 0 THEN ${scaled(value)} END`;
    return [
      `${scaled(rate)} AS ${name}`,
      `${numerator} AS ${name}_numerator`,
      `${denominator} AS ${name}_denominator`,
      `${guarded(`GREATEST(${d("0")}, LEAST(${rate}, ${centre} - ${half}))`)} AS ${name}_low`,
      `${guarded(`LEAST(${d("1")}, GREATEST(${rate}, ${centre} + ${half}))`)} AS ${name}_high`,
      `${lowSample(denominator)}${name}_low_sample`,
    ];
  };
  /** A count per unit with its score interval (poissonRateInterval). */
  const perUnit = (name: string, events: string, units: string): string[] => {
    const spread = `(${z} * SQRT(${d(events)} + (${z} * ${z}) / 4))`;
    const centre = `(${d(events)} + (${z} * ${z}) / 2)`;
    const guarded = (value: string): string => `CASE WHEN ${units} > 0 THEN ${value} END`;
    const exposure = d(`NULLIF(${units}, 0)`);
    return [
      `(${d(events)} / ${exposure}) AS ${name}`,
      `${events} AS ${name}_numerator`,
      `${units} AS ${name}_denominator`,
      `${guarded(`GREATEST(${d("0")}, (${centre} - ${spread}) / ${exposure})`)} AS ${name}_low`,
      `${guarded(`(${centre} + ${spread}) / ${exposure}`)} AS ${name}_high`,
      `${lowSample(units)}${name}_low_sample`,
    ];
  };
  /** A mean with its normal interval (meanInterval). */
  const mean = (name: string, count: string, sum: string, squares: string): string[] => {
    const value = `(${d(sum)} / ${d(`NULLIF(${count}, 0)`)})`;
    // NULLIF on every divisor, guards or not: BigQuery and Snowflake may evaluate a CASE's branches.
    const spread = `(${d(squares)} - ${d(count)} * ${value} * ${value})`;
    const variance = `GREATEST(${d("0")}, ${spread} / ${d(`NULLIF(${count} - 1, 0)`)})`;
    const half = `(${z} * SQRT(${variance} / ${d(`NULLIF(${count}, 0)`)}))`;
    const guarded = (bound: string): string => `CASE WHEN ${count} > 1 THEN ${bound} END`;
    return [
      `${value} AS ${name}`,
      `${d(`COALESCE(${sum}, 0)`)} AS ${name}_numerator`,
      `${count} AS ${name}_denominator`,
      `${guarded(`${value} - ${half}`)} AS ${name}_low`,
      `${guarded(`${value} + ${half}`)} AS ${name}_high`,
      `${lowSample(count)}${name}_low_sample`,
    ];
  };
  const due = "held + no_show + cancelled + past_unrecorded";
  return [
    "handoffs",
    "booked AS meetings_booked",
    ...perUnit("qualified_meetings_per_sdr_week", "accepted", "sdr_weeks"),
    ...proportion("held_rate", "held", due),
    ...proportion("show_rate", "held", "held + no_show"),
    ...proportion("no_show_rate", "no_show", "held + no_show + past_unrecorded"),
    ...proportion("held_rate_warm", "held_warm", "due_warm"),
    ...proportion("held_rate_cold", "held_cold", "due_cold"),
    "held AS meetings_held",
    "no_show AS meetings_no_show",
    "cancelled AS meetings_cancelled",
    "upcoming AS meetings_upcoming",
    "past_unrecorded AS meetings_past_unrecorded",
    ...proportion("acceptance_rate", "accepted", "accepted + rejected"),
    ...proportion("handoff_to_opportunity_rate", "accepted", "booked"),
    ...proportion("recycle_rate", "recycled_ever", "rejected_ever"),
    ...proportion("recycle_to_rebooked_rate", "rebooked", "recycled_ever"),
    ...proportion("win_rate", "won", "won + lost"),
    ...proportion("win_rate_sdr_sourced", "won_sdr_sourced", "won_sdr_sourced + lost_sdr_sourced"),
    ...proportion("win_rate_inbound", "won_inbound", "won_inbound + lost_inbound"),
    ...mean("average_deal_size", "deals", "deal_sum", "deal_squares"),
    ...mean("average_deal_size_sdr_sourced", "deals_sdr_sourced", "deal_sum_sdr_sourced", "deal_squares_sdr_sourced"),
    ...mean("average_deal_size_inbound", "deals_inbound", "deal_sum_inbound", "deal_squares_inbound"),
    ...proportion("sdr_sourced_pipeline_share", "opportunities_sdr_sourced", "accepted"),
    "pipeline AS pipeline_amount",
    "pipeline_sdr_sourced AS pipeline_amount_sdr_sourced",
    "pipeline_inbound AS pipeline_amount_inbound",
    ...proportion("closed_won_per_1000_handoffs", "won", "booked", 1000),
    ...DURATIONS.flatMap((duration) => {
      const name = DURATION_METRICS[duration];
      return [
        // Without business time its count is NULL too, as in memory without calendars.
        duration === "follow_up_business" && !p.businessTime
          ? `CAST(NULL AS ${sql.type("integer")}) AS ${name}_count`
          : `${duration}_count AS ${name}_count`,
        `${duration}_median AS ${name}_median`,
        `${duration}_p90 AS ${name}_p90`,
        `(${d(`${duration}_sum`)} / ${d(`NULLIF(${duration}_count, 0)`)}) AS ${name}_mean`,
      ];
    }),
    ...mean("meeting_quality", "quality_count", "quality_sum", "quality_squares"),
    ...[1, 2, 3, 4, 5].map((score) => `quality_${String(score)} AS meeting_quality_${String(score)}`),
  ];
}

/**
 * The scoreboard as one SQL query in a dialect: every metric of the in-memory scoreboard's
 * `HandoffMetrics` but SLA compliance and the rejection reasons, overall (the first row, `scope` =
 * `'overall'`) and per group (`scope` = `'group'`, one row per combination of the `groupBy` columns),
 * read from the summary table (and the intervals table, for business time). A proportion `x` is the
 * columns `x` (NULL on an empty denominator), `x_numerator`, `x_denominator`, `x_low` and `x_high` (its
 * Wilson interval) and `x_low_sample`; a count per SDR-week has a score interval and a mean a normal one,
 * as in memory. Medians and p90s interpolate between order statistics exactly as in memory (type 7,
 * `x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])` with `h = (n - 1) p`), written with
 * `ROW_NUMBER` in every dialect rather than each engine's percentile function, so the four agree by
 * construction. Weeks are cut in the zone and on the start day given, written into the SQL, never read
 * from the session. Rows with refused events (`skipped_events > 0`) are left out, as in memory; the
 * other data checks of the in-memory scoreboard (a quality outside 1-5, an amount in another currency)
 * leave the value out of its metric here too. Misuse (an unknown dialect or dimension, a bad zone or
 * table name) throws `invalid_argument`.
 *
 * @example
 * ```ts
 * import { scoreboardSql } from "handoff-kit/sql";
 * const query = scoreboardSql({ dialect: "duckdb", now: new Date("2026-11-14T02:00:00Z"), groupBy: "sdr" });
 * // SELECT sdr_id, held_rate, held_rate_low, held_rate_high FROM (<query>) WHERE scope = 'group'
 * ```
 * @category Scoreboard in SQL
 */
export function scoreboardSql(options: ScoreboardSqlOptions): string {
  const p = plan(options);
  const allKeys = p.keys;
  const ctes = [
    ...(p.businessTime ? [businessCtes(p)] : []),
    baseCte(p),
    rankedCte("ranked_overall", [], p),
    ...(allKeys.length === 0 ? [] : [rankedCte("ranked_groups", allKeys, p)]),
    `levels AS (
  ${aggregates("ranked_overall", [], allKeys, p)}${
    allKeys.length === 0
      ? ""
      : `
  UNION ALL
  ${aggregates("ranked_groups", allKeys, allKeys, p)}`
  }
)`,
    `params AS (
  SELECT ${p.sql.double(literal(String(p.z)))} AS z
)`,
  ];
  const order = ["CASE WHEN scope = 'overall' THEN 0 ELSE 1 END", ...allKeys].join(", ");
  const weeks = `weeks in ${p.timeZone} from ${WEEKDAYS[p.isoStart - 1] ?? "mon"}`;
  const asOf = p.now === undefined ? "the query's time" : new Date(p.now).toISOString();
  return `-- handoff-kit scoreboard (${p.sql.dialect}): as of ${asOf}, ${weeks}
WITH ${ctes.join(",\n")}
SELECT
  scope,${allKeys.map((key) => `\n  ${key},`).join("")}
  ${metricColumns(p).join(",\n  ")}
FROM levels CROSS JOIN params
ORDER BY ${order}
`;
}
