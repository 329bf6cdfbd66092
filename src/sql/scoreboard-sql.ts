import { WEEKDAYS } from "../sla/index.js";
import { baseCte, businessCtes, countIf, plan, type Plan, type ScoreboardSqlOptions } from "./base-rows.js";
import { literal } from "./dialect.js";
import { paramsCte, proportionColumns } from "./proportion-columns.js";

/** The duration lists whose median and p90 the scoreboard gives. */
const DURATIONS = ["follow_up", "follow_up_business", "touch_to_booked"] as const;
type Duration = (typeof DURATIONS)[number];

/** The result's name of each duration list. */
const DURATION_METRICS: Readonly<Record<Duration, string>> = {
  follow_up: "time_to_first_follow_up",
  follow_up_business: "time_to_first_follow_up_business",
  touch_to_booked: "time_from_first_touch_to_booked",
};

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
  const { percentile } = sql;
  const quantile = (d: Duration, tag: "50" | "90"): string =>
    percentile === undefined
      ? `MAX(${d}_at${tag}) + MAX(${d}_fraction${tag}) * ` +
        `(COALESCE(MAX(${d}_next${tag}), MAX(${d}_at${tag})) - MAX(${d}_at${tag}))`
      : percentile(d, tag === "50" ? "0.5" : "0.9");
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
    ...(p.weekTable ? [`${countIf("outside_weeks = 1")} AS outside_weeks`] : []),
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
  const proportion = (name: string, numerator: string, denominator: string, scale = 1): string[] =>
    proportionColumns(p, name, numerator, denominator, scale);
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
    ...(p.weekTable ? ["outside_weeks"] : []),
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
 * `x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])` with `h = (n - 1) p`): DuckDB's
 * `quantile_cont`, PostgreSQL's and Snowflake's `percentile_cont ... WITHIN GROUP`, and in BigQuery,
 * whose `PERCENTILE_CONT` is a window function only, the same formula over `ROW_NUMBER` ranks. Weeks
 * are cut in the zone and on the start day given, written into the SQL, never read from the session.
 * Rows with refused events (`skipped_events > 0`) are left out, as in memory; the
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
  return scoreboardQuery(plan(options, "scoreboardSql"));
}

/**
 * The query for checked options. Where the engine has an exact percentile aggregate the levels read
 * the base rows; otherwise each level ranks its durations first (tests force that path on DuckDB, so
 * BigQuery's form runs too).
 */
export function scoreboardQuery(p: Plan): string {
  const allKeys = p.keys;
  const ranked = p.sql.percentile === undefined;
  const overallFrom = ranked ? "ranked_overall" : "base";
  const groupsFrom = ranked ? "ranked_groups" : "base";
  const ctes = [
    ...(p.businessTime ? [businessCtes(p)] : []),
    baseCte(p),
    ...(ranked ? [rankedCte("ranked_overall", [], p)] : []),
    ...(ranked && allKeys.length > 0 ? [rankedCte("ranked_groups", allKeys, p)] : []),
    `levels AS (
  ${aggregates(overallFrom, [], allKeys, p)}${
    allKeys.length === 0
      ? ""
      : `
  UNION ALL
  ${aggregates(groupsFrom, allKeys, allKeys, p)}`
  }
)`,
    paramsCte(p),
  ];
  const order = ["CASE WHEN scope = 'overall' THEN 0 ELSE 1 END", ...allKeys].join(", ");
  const table = p.weekTable ? " (weeks table)" : "";
  const weeks = `weeks in ${p.timeZone} from ${WEEKDAYS[p.isoStart - 1] ?? "mon"}${table}`;
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
