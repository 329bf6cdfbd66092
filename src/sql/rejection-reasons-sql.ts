import { baseCte, plan, type Plan, type ScoreboardSqlOptions } from "./base-rows.js";

/** The column each breakdown is keyed by (none for the reasons of all rejections). */
const BREAKDOWNS = { code: undefined, sdr: "sdr_id", segment: "segment" } as const;

/** One breakdown's rows at one level: the whole (`keys` empty) or each group. */
function breakdown(p: Plan, keys: readonly string[], by: keyof typeof BREAKDOWNS): string {
  const { sql } = p;
  const column = BREAKDOWNS[by];
  const scope = keys.length === 0 ? "'overall'" : "'group'";
  const keyColumns = p.keys.map((key) => (keys.includes(key) ? key : `CAST(NULL AS ${sql.type("text")}) AS ${key}`));
  // Grouped by segment, the segment breakdown is keyed by the group's own column: named once.
  const within = [...new Set([...keys, ...(column === undefined ? [] : [column])])];
  const share = `${sql.double("COUNT(*)")} / ${sql.double(
    `SUM(COUNT(*)) OVER (${within.length === 0 ? "" : `PARTITION BY ${within.join(", ")}`})`,
  )}`;
  return `SELECT
    ${scope} AS scope,${keyColumns.map((key) => `\n    ${key},`).join("")}
    '${by}' AS breakdown,
    ${column ?? `CAST(NULL AS ${sql.type("text")})`} AS breakdown_key,
    reason_code AS code,
    COUNT(*) AS rejections,
    ${share} AS share
  FROM base
  WHERE reason_code IS NOT NULL
  GROUP BY ${[...within, "reason_code"].join(", ")}`;
}

/**
 * The rejection reasons of the current cycle as one SQL query in a dialect, as the in-memory
 * scoreboard's `rejectionReasons` counts them: overall and per group (the same options as
 * {@link scoreboardSql}), each level broken down three ways (`breakdown` = `'code'`, `'sdr'` with the
 * SDR in `breakdown_key`, `'segment'` with the segment), one row per reason code with its count (`rejections`)
 * and `share` of the rejections of its breakdown key. A rejection without a reason counts as
 * `unspecified`; rows with refused events are left out. Rows are ordered as in memory within a
 * breakdown: most frequent first, then by code.
 *
 * @example
 * ```ts
 * import { rejectionReasonsSql } from "handoff-kit/sql";
 * const query = rejectionReasonsSql({ dialect: "postgres", now: new Date("2026-11-14T02:00:00Z"), groupBy: "ae" });
 * // SELECT ae_id, code, count, share FROM (<query>) r WHERE scope = 'group' AND breakdown = 'code'
 * ```
 * @category Scoreboard in SQL
 */
export function rejectionReasonsSql(options: ScoreboardSqlOptions): string {
  // Business time has no part in the reasons: the base rows need no intervals table.
  const p: Plan = { ...plan(options, "rejectionReasonsSql"), businessTime: false };
  const levels = [[], p.keys].filter((keys, i) => i === 0 || keys.length > 0);
  const parts = levels.flatMap((keys) =>
    (Object.keys(BREAKDOWNS) as (keyof typeof BREAKDOWNS)[]).map((by) => breakdown(p, keys, by)),
  );
  const order = [
    "CASE WHEN scope = 'overall' THEN 0 ELSE 1 END",
    ...p.keys,
    "breakdown",
    "breakdown_key",
    "rejections DESC",
    "code",
  ].join(", ");
  return `-- handoff-kit rejection reasons (${p.sql.dialect})
WITH ${baseCte(p)}
SELECT * FROM (
  ${parts.join("\n  UNION ALL\n  ")}
) reasons
ORDER BY ${order}
`;
}
