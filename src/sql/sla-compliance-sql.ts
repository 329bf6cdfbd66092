import { match } from "ts-pattern";
import { HandoffKitError } from "../core/error.js";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  HANDOFF_SLA_POLICIES,
  type MeetingEvent,
  type SlaPolicy,
} from "../sla/index.js";
import { requireSlaPolicies } from "../sla/internal.js";
import {
  baseCte,
  businessBefore,
  countIf,
  INTERVAL_ROW,
  openIntervalsCte,
  plan,
  type Plan,
  type ScoreboardSqlOptions,
} from "./base-rows.js";
import { literal } from "./dialect.js";
import { lookupCte, type LookupDirection, type LookupInput } from "./lookups.js";
import { paramsCte, proportionColumns } from "./proportion-columns.js";

/**
 * The options of {@link slaComplianceSql}: the scoreboard's, and the policies to judge.
 *
 * @example
 * ```ts
 * import { AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR } from "handoff-kit/sla";
 * import type { SlaComplianceSqlOptions } from "handoff-kit/sql";
 * const options: SlaComplianceSqlOptions = {
 *   dialect: "duckdb",
 *   now: new Date("2026-11-30T14:00:00Z"),
 *   groupBy: "ae",
 *   policies: [AE_ACKNOWLEDGES_WITHIN_ONE_BUSINESS_HOUR],
 * };
 * ```
 * @category Scoreboard in SQL
 */
export interface SlaComplianceSqlOptions extends Omit<ScoreboardSqlOptions, "businessTime" | "currency"> {
  /**
   * The policies judged (every built-in one by default, `HANDOFF_SLA_POLICIES`). Any policy without
   * pauses whose cap, if any, is the built-in "before the meeting" one can be written as SQL.
   */
  readonly policies?: readonly SlaPolicy<MeetingEvent>[];
}

const DAY_MS = 86_400_000;

/** The checks a policy must pass to become SQL; misuse throws `invalid_argument`. */
function requireWritable(policies: readonly SlaPolicy<MeetingEvent>[]): void {
  const beforeTheMeeting = AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY.cap?.at;
  policies.forEach((policy, index) => {
    let problem: string | undefined;
    if (policy.pause.length > 0 || policy.resume.length > 0)
      problem = "it pauses, and a paused clock is not written as SQL";
    else if (policy.cap !== undefined && policy.cap.at !== beforeTheMeeting)
      problem =
        `its cap "${policy.cap.label}" is a function, which cannot become SQL ` +
        `(only the built-in "before the meeting" can)`;
    if (problem !== undefined)
      throw new HandoffKitError("invalid_argument", {
        detail: `slaComplianceSql: options.policies[${String(index)}] (${policy.id}): ${problem}`,
      });
  });
}

/**
 * The rep whose calendar a policy's target reads (`ae` or `sdr`), the other name it gives (which no
 * handoff supplies: every handoff is not evaluated), or undefined for real time.
 */
function calendarRole(policy: SlaPolicy<MeetingEvent>): string | undefined {
  return policy.target.kind === "calendar_time" ? undefined : policy.target.calendar;
}

const list = (types: readonly string[]): string => types.map((type) => literal(type)).join(", ");

/** The first open instant at or after `instant` of an interval found by an `after` lookup `l` joined as `i`. */
const openFrom = (instant: string): string =>
  `CASE WHEN i.start_ms > ${instant} THEN i.start_ms WHEN i.start_ms IS NOT NULL THEN ${instant} END`;

/**
 * One policy's CTEs, `p<k>_...`, ending in `p<k>_states (handoff_id, state)`: each cycle of each
 * counted handoff on a calendar the intervals table has, judged at now.
 */
function policyCtes(p: Plan, policy: SlaPolicy<MeetingEvent>, k: number, nowMs: string): string[] {
  const { sql } = p;
  const integer = sql.type("integer");
  const name = (part: string): string => `p${String(k)}_${part}`;
  const { target } = policy;
  const role = calendarRole(policy);
  const calendar = role === "ae" || role === "sdr" ? `${role}_calendar` : `CAST(NULL AS ${sql.type("text")})`;
  const known =
    target.kind === "calendar_time" ? "" : "\n    AND calendar_id IN (SELECT calendar_id FROM sla_calendars)";
  const ctes = [
    `${name("marks")} AS (
  SELECT handoff_id, seq, at_ms, ${calendar} AS calendar_id,
    CASE WHEN event_type IN (${list(policy.start)}) THEN 'start'
      WHEN event_type IN (${list(policy.stop)}) THEN 'stop' ELSE 'cancel' END AS role
  FROM sla_events
  WHERE event_type IN (${list([...policy.start, ...policy.stop, ...policy.cancel])})
)`,
    // A start opens a cycle unless the start, stop or cancel event before it is a start: then one runs.
    // The cycle ends at the first stop or cancel after it, read by window (a self-join would make
    // PostgreSQL's planner, which cannot count a CTE's rows, loop over every pair).
    `${name("cycles")} AS (
  SELECT handoff_id, calendar_id, seq AS start_seq, at_ms AS start_ms,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_seq ELSE cancel_seq END AS end_seq,
    CASE WHEN stop_seq < COALESCE(cancel_seq, stop_seq + 1) THEN stop_ms END AS stop_ms,
    CASE WHEN cancel_seq < COALESCE(stop_seq, cancel_seq + 1) THEN cancel_ms END AS cancel_ms
  FROM (
    SELECT marks.*,
      LAG(role) OVER (PARTITION BY handoff_id ORDER BY seq) AS previous_role,
      ${["stop", "cancel"]
        .flatMap((role) =>
          [
            ["seq", "seq"],
            ["at_ms", "ms"],
          ].map(
            ([column, as]) =>
              `MIN(CASE WHEN role = '${role}' THEN ${column ?? ""} END) OVER (PARTITION BY handoff_id\n` +
              `        ORDER BY seq DESC ` +
              `ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${role}_${as ?? ""}`,
          ),
        )
        .join(",\n      ")}
    FROM ${name("marks")} marks
  ) m
  WHERE role = 'start' AND (previous_role IS NULL OR previous_role <> 'start')${known}
)`,
  ];
  /** The lookup's row for an instant of `c`, as `alias`: each join reads only `c`'s own columns. */
  const joinLookup = (part: string, instant: string, alias = "i"): string =>
    `LEFT JOIN ${name(part)} ${alias} ON ${alias}.calendar_id = c.calendar_id AND ${alias}.t_ms = ${instant}`;
  /**
   * `nextOpen`: the lookup of the first interval ending after each `column` of the CTE `p<k>_<from>`,
   * and the CTE `p<k>_<into>`, that one's rows with `out`, the first open instant at or after `column`.
   */
  const nextOpenCtes = (from: string, column: string, into: string, out: string): string[] => [
    lookup("next", "after", { from: "open_intervals", column: "end_ms", carry: ["start_ms"] }, { from, column }),
    `${name(into)} AS (
  SELECT c.*, ${openFrom(`c.${column}`)} AS ${out}
  FROM ${name(from)} c
  ${joinLookup("next", `c.${column}`)}
)`,
  ];
  /** A lookup CTE `p<k>_<part>`: for each instant of this policy's CTE `p<k>_<from>`, a key of a shared table. */
  const lookup = (part: string, direction: LookupDirection, keys: LookupInput, instants: LookupInput): string =>
    lookupCte(name(part), direction, keys, { from: name(instants.from), column: instants.column }, sql.type);

  ctes.push(
    ...match(target)
      .with({ kind: "calendar_time" }, ({ ms }) => [
        `${name("uncapped")} AS (
  SELECT c.*, c.start_ms + ${String(ms)} AS uncapped_ms FROM ${name("cycles")} c
)`,
      ])
      .with({ kind: "business_time" }, ({ ms }) => [
        lookup(
          "before",
          "at_or_before",
          { from: "open_intervals", column: "start_ms", carry: INTERVAL_ROW },
          {
            from: "cycles",
            column: "start_ms",
          },
        ),
        // Business time before the start, plus the target: the deadline is where the running sum reaches it.
        `${name("target")} AS (
  SELECT c.*, ${businessBefore("i", "c.start_ms")} + ${String(ms)} AS target_ms
  FROM ${name("cycles")} c
  ${joinLookup("before", "c.start_ms")}
)`,
        lookup(
          "reach",
          "at_or_after",
          { from: "open_intervals", column: "open_through", carry: INTERVAL_ROW },
          {
            from: "target",
            column: "target_ms",
          },
        ),
        `${name("uncapped")} AS (
  SELECT c.*, i.start_ms + (c.target_ms - i.open_before) AS uncapped_ms
  FROM ${name("target")} c
  ${joinLookup("reach", "c.target_ms")}
)`,
      ])
      .with({ kind: "same_business_day" }, () => [
        ...nextOpenCtes("cycles", "start_ms", "open", "open_ms"),
        lookup(
          "owner",
          "at_or_before",
          { from: "sla_days", column: "open_ms", carry: ["close_ms"] },
          {
            from: "open",
            column: "open_ms",
          },
        ),
        `${name("uncapped")} AS (
  SELECT c.*, d.close_ms AS uncapped_ms
  FROM ${name("open")} c
  ${joinLookup("owner", "c.open_ms", "d")}
)`,
      ])
      .with({ kind: "business_days" }, ({ days }) => [
        lookup(
          "day",
          "at_or_before",
          { from: "sla_days", column: "day_start_ms", carry: ["offset_ms", "offset_change_ms", "offset_after_ms"] },
          { from: "cycles", column: "start_ms" },
        ),
        // The start's wall time from the offset in force, its local day and time of day by arithmetic.
        `${name("wall")} AS (
  SELECT c.*, c.start_ms + CASE WHEN d.offset_change_ms IS NOT NULL AND c.start_ms >= d.offset_change_ms
      THEN d.offset_after_ms ELSE d.offset_ms END AS wall_ms
  FROM ${name("cycles")} c
  ${joinLookup("day", "c.start_ms", "d")}
)`,
        `${name("local")} AS (
  SELECT d.*, d.wall_ms - d.day_number * ${String(DAY_MS)} AS time_of_day_ms
  FROM (
    SELECT w.*, CAST(FLOOR(${sql.double("w.wall_ms")} / ${sql.double(String(DAY_MS))}) AS ${integer}) AS day_number
    FROM ${name("wall")} w
  ) d
)`,
        // Each step joins on its own row's columns only (see joinLookup).
        `${name("counted")} AS (
  SELECT c.*, s.business_day + ${String(days)} AS target_business_day
  FROM ${name("local")} c
  LEFT JOIN sla_days s ON s.calendar_id = c.calendar_id AND s.day_number = c.day_number
)`,
        `${name("target_day")} AS (
  SELECT c.*, t.day_number AS target_day
  FROM ${name("counted")} c
  LEFT JOIN sla_business_days t ON t.calendar_id = c.calendar_id AND t.business_day = c.target_business_day
)`,
        // The same time of day on the n-th business day after, as a wall time the days table turns into an instant.
        `${name("landing")} AS (
  SELECT c.*, c.target_day * ${String(DAY_MS)} + c.time_of_day_ms
    - CASE WHEN r.landing_switch_ms IS NOT NULL AND c.time_of_day_ms >= r.landing_switch_ms
      THEN r.landing_offset_after_ms ELSE r.landing_offset_ms END AS landing_ms
  FROM ${name("target_day")} c
  LEFT JOIN sla_days r ON r.calendar_id = c.calendar_id AND r.day_number = c.target_day
)`,
        ...nextOpenCtes("landing", "landing_ms", "uncapped", "uncapped_ms"),
      ])
      .exhaustive(),
  );

  const window = "PARTITION BY handoff_id, start_seq";
  const capOf = (meeting: string): string => `CASE WHEN ${meeting} < uncapped_ms THEN ${meeting} ELSE uncapped_ms END`;
  if (policy.cap !== undefined)
    // The cap reads the cycle's events in order while each is at or before the deadline in force when
    // it came (the latest meeting so far, capped by the target): the deadline after the last one read.
    ctes.push(
      `${name("cap_events")} AS (
  SELECT c.handoff_id, c.start_seq, c.uncapped_ms, e.seq, e.at_ms, e.meeting_ms,
    COUNT(e.meeting_ms) OVER (PARTITION BY c.handoff_id, c.start_seq ORDER BY e.seq
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      AS meetings_so_far
  FROM ${name("uncapped")} c
  JOIN sla_events e ON e.handoff_id = c.handoff_id AND e.seq >= c.start_seq
    AND (c.end_seq IS NULL OR e.seq <= c.end_seq)
  WHERE c.uncapped_ms IS NOT NULL
)`,
      `${name("cap_latest")} AS (
  SELECT x.*, MAX(meeting_ms) OVER (${window}, meetings_so_far) AS latest_meeting_ms
  FROM ${name("cap_events")} x
)`,
      `${name("cap_before")} AS (
  SELECT y.*, LAG(latest_meeting_ms) OVER (${window} ORDER BY seq) AS meeting_before_ms
  FROM ${name("cap_latest")} y
)`,
      `${name("cap_read")} AS (
  SELECT z.*, MAX(CASE WHEN at_ms > ${capOf("meeting_before_ms")} THEN 1 ELSE 0 END)
    OVER (${window} ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS passed
  FROM ${name("cap_before")} z
)`,
      `${name("capped")} AS (
  SELECT handoff_id, start_seq, ${capOf("latest_meeting_ms")} AS deadline_ms
  FROM (
    SELECT r.*, ROW_NUMBER() OVER (${window} ORDER BY seq DESC) AS from_last
    FROM ${name("cap_read")} r
    WHERE passed = 0
  ) read_events
  WHERE from_last = 1
)`,
    );
  const deadline = policy.cap === undefined ? "c.uncapped_ms" : "COALESCE(x.deadline_ms, c.uncapped_ms)";
  const capJoin =
    policy.cap === undefined
      ? ""
      : `\n  LEFT JOIN ${name("capped")} x ON x.handoff_id = c.handoff_id AND x.start_seq = c.start_seq`;
  ctes.push(`${name("states")} AS (
  SELECT c.handoff_id,
    CASE WHEN ${deadline} IS NULL THEN 'beyond_tables'
      WHEN COALESCE(c.stop_ms, c.cancel_ms, ${nowMs}) > ${deadline} THEN 'breached'
      WHEN c.cancel_ms IS NOT NULL THEN 'cancelled'
      WHEN c.stop_ms IS NOT NULL THEN 'met'
      ELSE 'running'
    END AS state
  FROM ${name("uncapped")} c${capJoin}
)`);
  return ctes;
}

/**
 * SLA compliance as one SQL query in a dialect, as the in-memory scoreboard's `slaCompliance` counts
 * it for the same policies and calendars: for each policy, overall and per group, the cycles met,
 * breached, running and cancelled, the handoffs not evaluated (the calendar the policy names is not
 * in the intervals table), and `compliance` (met over met and breached, with its Wilson interval and
 * low-sample flag, as every proportion of `scoreboardSql`). It reads the summary table (the handoffs
 * counted, their groups and the current AE's and SDR's calendar keys), the events table (each
 * handoff's events as the fold reads them: `eventTableCsv`), the intervals table (`calendarIntervals`)
 * and, for targets in business days or ending with the business day, the days table
 * (`calendarDays`), so every zone, DST and holiday rule stays in handoff-kit.
 *
 * A cycle whose deadline the tables do not reach (they end too early) is counted in
 * `beyond_tables`, never guessed. Policies that pause, or cap their deadline with a function other
 * than the built-in "before the meeting", cannot become SQL and throw `invalid_argument`, as do the
 * scoreboard's misuses.
 *
 * @example
 * ```ts
 * import { AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY } from "handoff-kit/sla";
 * import { slaComplianceSql } from "handoff-kit/sql";
 * const query = slaComplianceSql({
 *   dialect: "postgres",
 *   now: new Date("2026-11-30T14:00:00Z"),
 *   groupBy: "ae",
 *   policies: [AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY],
 * });
 * // SELECT ae_id, compliance, met, breached FROM (<query>) r WHERE scope = 'group'
 * ```
 * @category Scoreboard in SQL
 */
export function slaComplianceSql(options: SlaComplianceSqlOptions): string {
  const fn = "slaComplianceSql";
  const p: Plan = { ...plan(options, fn), businessTime: false };
  const policies = options.policies ?? HANDOFF_SLA_POLICIES;
  requireSlaPolicies(policies, fn, "options.policies");
  requireWritable(policies);
  const { sql } = p;
  const ms = sql.epochMs;
  const nowMs = p.now === undefined ? ms(sql.queryTime) : String(p.now);
  const text = sql.type("text");
  const shared = [
    baseCte(p),
    paramsCte(p),
    // The events a clock reads: none after now, none earlier than one before it (as evaluateSla leaves them
    // out): an event is in order when it is the latest so far.
    `sla_events AS (
  SELECT * FROM (
    SELECT e.handoff_id, e.seq, e.event_type, ${ms("e.event_at")} AS at_ms, ${ms("e.meeting_start")} AS meeting_ms,
      b.ae_calendar, b.sdr_calendar,
      MAX(${ms("e.event_at")}) OVER (PARTITION BY e.handoff_id ORDER BY e.seq
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS latest_ms
    FROM ${sql.table(p.tables.events)} e
    JOIN base b ON b.handoff_id = e.handoff_id
    WHERE ${ms("e.event_at")} <= ${nowMs}
  ) ordered
  WHERE at_ms = latest_ms
)`,
    `sla_calendars AS (
  SELECT DISTINCT calendar_id FROM ${sql.table(p.tables.intervals)} WHERE calendar_id IS NOT NULL
)`,
    openIntervalsCte(p),
  ];
  const needsDays = policies.some(
    (policy) => policy.target.kind === "business_days" || policy.target.kind === "same_business_day",
  );
  if (needsDays)
    shared.push(
      `sla_days AS (
  SELECT calendar_id, day_number, business_day, ${ms("day_start_utc")} AS day_start_ms, offset_ms,
    ${ms("offset_change_utc")} AS offset_change_ms, offset_after_ms, landing_offset_ms, landing_switch_ms,
    landing_offset_after_ms, ${ms("open_utc")} AS open_ms, ${ms("close_utc")} AS close_ms
  FROM ${sql.table(p.tables.days)}
)`,
      `sla_business_days AS (
  SELECT calendar_id, business_day, MIN(day_number) AS day_number FROM sla_days GROUP BY calendar_id, business_day
)`,
    );
  const perPolicy = policies.flatMap((policy, k) => policyCtes(p, policy, k, nowMs));
  const optional = (value: string | undefined): string =>
    value === undefined ? `CAST(NULL AS ${text})` : literal(value);
  const catalogue = policies
    .map(
      (policy, k) =>
        `SELECT ${String(k)} AS policy_index, ${literal(policy.id)} AS policy_id, ` +
        `${literal(policy.label)} AS policy_label, ${optional(policy.owner)} AS policy_owner, ` +
        `${optional(calendarRole(policy))} AS needs`,
    )
    .join("\n  UNION ALL\n  ");
  const judged = policies
    .map((_, k) => `SELECT ${String(k)} AS policy_index, handoff_id, state FROM p${String(k)}_states`)
    .join("\n  UNION ALL\n  ");
  const level = (keys: readonly string[]): string => {
    const columns = p.keys.map((key) => (keys.includes(key) ? `b.${key}` : `CAST(NULL AS ${text}) AS ${key}`));
    const group = [
      ...keys.map((key) => `b.${key}`),
      "pol.policy_index",
      "pol.policy_id",
      "pol.policy_label",
      "pol.policy_owner",
    ];
    return `SELECT ${keys.length === 0 ? "'overall'" : "'group'"} AS scope,${columns.map((c) => `\n    ${c},`).join("")}
    pol.policy_index, pol.policy_id, pol.policy_label, pol.policy_owner,
    ${countIf("j.state = 'met'")} AS met,
    ${countIf("j.state = 'breached'")} AS breached,
    ${countIf("j.state = 'running'")} AS running,
    ${countIf("j.state = 'cancelled'")} AS cancelled,
    ${countIf("j.state = 'not_evaluated'")} AS not_evaluated,
    ${countIf("j.state = 'beyond_tables'")} AS beyond_tables
  FROM base b
  CROSS JOIN sla_policies pol
  LEFT JOIN sla_judged j ON j.handoff_id = b.handoff_id AND j.policy_index = pol.policy_index
  GROUP BY ${group.join(", ")}`;
  };
  const levels = [level([]), ...(p.keys.length === 0 ? [] : [level(p.keys)])];
  const ctes = [
    ...shared,
    ...perPolicy,
    `sla_policies AS (
  ${catalogue}
)`,
    // A policy on a calendar the intervals table lacks (or on one that is no rep's) judges nothing there.
    `sla_judged AS (
  ${judged}
  UNION ALL
  SELECT pol.policy_index, b.handoff_id, 'not_evaluated' AS state
  FROM base b
  CROSS JOIN sla_policies pol
  WHERE pol.needs IS NOT NULL AND (
    pol.needs NOT IN ('ae', 'sdr')
    OR (CASE WHEN pol.needs = 'ae' THEN b.ae_calendar ELSE b.sdr_calendar END)
      NOT IN (SELECT calendar_id FROM sla_calendars)
  )
)`,
    `sla_levels AS (
  ${levels.join("\n  UNION ALL\n  ")}
)`,
  ];
  const order = ["CASE WHEN scope = 'overall' THEN 0 ELSE 1 END", ...p.keys, "policy_index"].join(", ");
  const asOf = p.now === undefined ? "the query's time" : new Date(p.now).toISOString();
  return `-- handoff-kit SLA compliance (${sql.dialect}): as of ${asOf}
WITH ${ctes.join(",\n")}
SELECT
  scope,${p.keys.map((key) => `\n  ${key},`).join("")}
  policy_id,
  policy_label,
  policy_owner,
  met,
  breached,
  running,
  cancelled,
  not_evaluated,
  beyond_tables,
  ${proportionColumns(p, "compliance", "met", "met + breached").join(",\n  ")}
FROM sla_levels CROSS JOIN params
ORDER BY ${order}
`;
}
