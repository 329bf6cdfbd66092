// slaComplianceSql: a hand-worked example run in DuckDB (a business day stepped over the autumn DST
// weekend and over a holiday, the meeting capping a deadline, a clock started at the close, two
// cycles, a cancel, a clock still running, a calendar the tables lack), the BigQuery and Snowflake SQL
// accepted by a SQL parser for each, the four dialects' SQL kept as reviewed snapshot files, and
// policies that cannot become SQL refused. Every expected state is worked out by hand beside its record.
import { DuckDBInstance } from "@duckdb/node-api";
import NodeSqlParser from "node-sql-parser";
import { describe, expect, it } from "vitest";
import { insertValues } from "./duckdb-csv.js";
import { HandoffKitError } from "../../src/index.js";
import type { HandoffInput } from "../../src/handoff/handoff.js";
import { parseHandoff } from "../../src/handoff/parse.js";
import { summarize } from "../../src/handoff/index.js";
import {
  AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY,
  AE_CONFIRMS_SAME_BUSINESS_DAY,
  defineCalendar,
  defineSlaPolicy,
  hours,
} from "../../src/sla/index.js";
import {
  calendarDays,
  calendarIntervals,
  createTablesSql,
  dayTableCsv,
  eventTableCsv,
  intervalTableCsv,
  slaComplianceSql,
  SQL_DIALECTS,
  summaryTableCsv,
  type SlaComplianceSqlOptions,
} from "../../src/sql/index.js";
import { handoffInput } from "../fixtures/handoff.js";

const base = handoffInput();
function handoff(id: string, events: HandoffInput["events"], changes: Partial<HandoffInput> = {}) {
  const result = parseHandoff({ ...base, ...changes, id, events });
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return result.value;
}
type EventInput = NonNullable<HandoffInput["events"]>[number];
let eventCount = 0;
/** An event input; parseHandoff checks its fields. */
const event = (type: string, at: string, fields: Record<string, unknown> = {}): EventInput => {
  eventCount += 1;
  const by = type === "booked" ? "sdr-ana" : "ae-omar";
  return { id: `e${String(eventCount)}`, type, at, by, ...fields } as EventInput;
};
const booked = (at: string, meetingStart: string) =>
  event("booked", at, {
    meeting: { start: meetingStart, end: new Date(Date.parse(meetingStart) + 1_800_000).toISOString() },
  });

// Omar works 09:00-17:00 New York, Monday to Friday, and not on Thanksgiving (Thursday 26 November).
const office: [string, string][] = [["09:00", "17:00"]];
const omar = defineCalendar({
  timeZone: "America/New_York",
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: [{ date: "2026-11-26", name: "Thanksgiving" }],
});
// Monday 30 November 2026, 07:00 EST.
const now = new Date("2026-11-30T12:00:00Z");

const handoffs = [
  // A: booked Monday 23 November 10:05 EST; one business day is Tuesday 10:05 EST (15:05Z), before the
  // meeting (Wednesday): accepted Tuesday 13:30Z, met. Followed up Monday 21:00Z (16:00 EST), before
  // Monday's close (17:00 EST, 22:00Z): confirmed the same business day, met.
  handoff("a", [
    booked("2026-11-23T15:05:00Z", "2026-11-25T19:00:00Z"),
    event("first_follow_up", "2026-11-23T21:00:00Z"),
    event("accepted", "2026-11-24T13:30:00Z"),
  ]),
  // B: booked Friday 30 October 16:00 EDT (20:00Z); US clocks go back on Sunday 1 November, so one
  // business day is Monday 2 November 16:00 EST, 21:00Z (not 20:00Z): accepted 20:30Z, met. No
  // follow-up: Friday's close (17:00 EDT, 21:00Z) passed, breached.
  handoff("b", [booked("2026-10-30T20:00:00Z", "2026-11-04T15:00:00Z"), event("accepted", "2026-11-02T20:30:00Z")]),
  // C: booked Monday 16 November 09:00 EST (14:00Z), the meeting at 18:00Z the same day: the deadline
  // is capped from Tuesday 14:00Z to 18:00Z; accepted 19:00Z, breached. No follow-up: breached.
  handoff("c", [booked("2026-11-16T14:00:00Z", "2026-11-16T18:00:00Z"), event("accepted", "2026-11-16T19:00:00Z")]),
  // D: booked Tuesday 17 November 15:00Z, the meeting cancelled at 16:00Z, before both deadlines:
  // cancelled for both.
  handoff("d", [booked("2026-11-17T15:00:00Z", "2026-11-19T15:00:00Z"), event("cancelled", "2026-11-17T16:00:00Z")]),
  // E: booked Friday 27 November 15:00 EST (20:00Z): the decision is due Monday 30 November 20:00Z,
  // after now, running; Friday's close (22:00Z) passed, breached.
  handoff("e", [booked("2026-11-27T20:00:00Z", "2026-12-02T15:00:00Z")]),
  // F: booked Wednesday 25 November 11:00 EST (16:00Z); Thursday is Thanksgiving, so one business day
  // is Friday 11:00 EST (16:00Z): accepted Friday 15:00Z, met. Wednesday's close passed, breached.
  handoff("f", [booked("2026-11-25T16:00:00Z", "2026-11-30T17:00:00Z"), event("accepted", "2026-11-27T15:00:00Z")]),
  // G: two cycles. Booked Monday 9 November 14:00Z, rejected 15:00Z: met (and the confirmation's clock
  // cancelled). Recycled, booked again Thursday 12 November 22:00Z, 17:00 EST, at the close: one
  // business day lands on Friday's close, where nothing is open, so it runs to the next open instant,
  // Monday 16 November 09:00 EST (14:00Z); accepted Monday 13:00Z, met. The confirmation's second clock
  // starts at the close, so its day is Friday's, closing at 22:00Z: breached.
  handoff("g", [
    booked("2026-11-09T14:00:00Z", "2026-11-11T15:00:00Z"),
    event("rejected", "2026-11-09T15:00:00Z", { reason: "timing", note: "Budget opens next quarter" }),
    event("recycled", "2026-11-10T15:00:00Z", { reason: "timing", nextTouchAt: "2026-11-12T00:00:00Z" }),
    booked("2026-11-12T22:00:00Z", "2026-11-18T15:00:00Z"),
    event("accepted", "2026-11-16T13:00:00Z"),
  ]),
  // H: an AE whose calendar is in no table: not evaluated by either policy.
  handoff("h", [booked("2026-11-17T15:00:00Z", "2026-11-19T15:00:00Z")], {
    ae: { id: "ae-zed", name: "Zed Adams", calendarId: "cal-zed" },
  }),
];

async function runInDuckDB(options: Omit<SlaComplianceSqlOptions, "dialect">): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  const from = new Date("2026-10-01T00:00Z");
  const to = new Date("2027-01-01T00:00Z");
  const calendars = { "cal-omar": omar };
  try {
    await db.run(createTablesSql("duckdb"));
    const summaries = handoffs.map((record) => summarize(record, undefined, { now }));
    await db.run(`INSERT INTO handoff_summaries VALUES ${insertValues(summaryTableCsv(summaries))}`);
    await db.run(`INSERT INTO handoff_events VALUES ${insertValues(eventTableCsv(handoffs, { now }))}`);
    await db.run(
      `INSERT INTO calendar_intervals VALUES ${insertValues(intervalTableCsv(calendarIntervals(calendars, from, to)))}`,
    );
    await db.run(`INSERT INTO calendar_days VALUES ${insertValues(dayTableCsv(calendarDays(calendars, from, to)))}`);
    const result = await db.runAndReadAll(slaComplianceSql({ ...options, dialect: "duckdb" }));
    return result
      .getRowObjectsJS()
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([key, value]) => [key, typeof value === "bigint" ? Number(value) : value]),
        ),
      );
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

const counts = (row: Record<string, unknown> | undefined) => ({
  met: row?.["met"],
  breached: row?.["breached"],
  running: row?.["running"],
  cancelled: row?.["cancelled"],
  notEvaluated: row?.["not_evaluated"],
  beyondTables: row?.["beyond_tables"],
});

describe("slaComplianceSql, worked by hand", () => {
  it("judges each cycle as the clocks do, over DST, a holiday, a cap, a close and two cycles", async () => {
    const rows = await runInDuckDB({
      now,
      policies: [AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, AE_CONFIRMS_SAME_BUSINESS_DAY],
    });
    expect(rows.map((row) => [row["scope"], row["policy_id"]])).toEqual([
      ["overall", "ae-accepts-within-one-business-day"],
      ["overall", "ae-confirms-same-business-day"],
    ]);
    // Accepts: met A, B, F, G twice; breached C; running E; cancelled D; H not evaluated.
    expect(counts(rows[0])).toEqual({
      met: 5,
      breached: 1,
      running: 1,
      cancelled: 1,
      notEvaluated: 1,
      beyondTables: 0,
    });
    expect(rows[0]?.["compliance"]).toBe(5 / 6);
    expect(rows[0]?.["compliance_numerator"]).toBe(5);
    expect(rows[0]?.["compliance_denominator"]).toBe(6);
    expect(rows[0]?.["compliance_low_sample"]).toBe(true);
    // Confirms: met A; breached B, C, E, F and G's second; cancelled D and G's first; H not evaluated.
    expect(counts(rows[1])).toEqual({
      met: 1,
      breached: 5,
      running: 0,
      cancelled: 2,
      notEvaluated: 1,
      beyondTables: 0,
    });
    expect(rows[1]?.["compliance"]).toBe(1 / 6);
  });

  it("counts a cycle whose deadline the tables do not reach as beyond them, never guessing", async () => {
    // A thousand business days after any booking lies years past the tables, which end with 2026.
    const far = defineSlaPolicy({
      id: "far",
      label: "Within a thousand business days",
      start: ["booked"],
      stop: ["accepted"],
      target: { kind: "business_days", days: 1000, calendar: "ae" },
    });
    const rows = await runInDuckDB({ now, policies: [far] });
    // One cycle each for A to G (G's rejection neither stops nor cancels this clock, so its second booking
    // starts none): seven, none judged; H is not evaluated.
    expect(counts(rows[0])).toEqual({
      met: 0,
      breached: 0,
      running: 0,
      cancelled: 0,
      notEvaluated: 1,
      beyondTables: 7,
    });
  });
});

const parser = new NodeSqlParser.Parser();
const OPTION_SETS: readonly Omit<SlaComplianceSqlOptions, "dialect">[] = [
  { now },
  { now, groupBy: ["sdr", "week"], week: { timeZone: "Europe/London", startsOn: "sun" }, confidence: 0.9 },
  { now: "query_time", groupBy: "ae", policies: [AE_CONFIRMS_SAME_BUSINESS_DAY] },
  { now, groupBy: "week", week: { timeZone: "America/Vancouver" }, weekSource: "table" },
];

describe("BigQuery and Snowflake: checked for syntax, not executed", () => {
  it.each(["bigquery", "snowflake"] as const)("%s: the parser accepts the days table and every query", (dialect) => {
    const tables = {
      summaries: "sales.handoff_summaries",
      intervals: "sales.calendar_intervals",
      days: "sales.calendar_days",
      weeks: "sales.week_starts",
    };
    expect(() => parser.astify(createTablesSql(dialect, tables), { database: dialect })).not.toThrow();
    for (const options of OPTION_SETS)
      expect(() =>
        parser.astify(slaComplianceSql({ ...options, dialect, tables }), { database: dialect }),
      ).not.toThrow();
  });

  it.each(SQL_DIALECTS)("%s: the query is the reviewed snapshot", async (dialect) => {
    const query = slaComplianceSql({ dialect, now, groupBy: "ae" });
    await expect(query).toMatchFileSnapshot(`snapshots/sla-compliance.${dialect}.sql`);
  });
});

describe("misuse", () => {
  it("refuses a policy that pauses or caps with its own function, naming it", () => {
    const pausing = defineSlaPolicy({
      id: "pausing",
      label: "Pauses while waiting on the prospect",
      start: ["booked"],
      stop: ["accepted"],
      pause: ["waiting"],
      resume: ["answered"],
      target: { kind: "business_time", ms: hours(4), calendar: "ae" },
    });
    const ownCap = defineSlaPolicy({
      id: "own-cap",
      label: "Before kickoff",
      start: ["booked"],
      stop: ["accepted"],
      target: { kind: "calendar_time", ms: hours(4) },
      cap: { label: "before kickoff", at: () => undefined },
    });
    expect(() => slaComplianceSql({ dialect: "duckdb", now, policies: [pausing] })).toThrow(
      /policies\[0\] \(pausing\): it pauses/u,
    );
    expect(() =>
      slaComplianceSql({ dialect: "duckdb", now, policies: [AE_CONFIRMS_SAME_BUSINESS_DAY, ownCap] }),
    ).toThrow(/policies\[1\] \(own-cap\): its cap "before kickoff"/u);
    expect(() => slaComplianceSql({ dialect: "duckdb", now, policies: [{ id: "x" }] as never })).toThrow(
      HandoffKitError,
    );
    expect(() => slaComplianceSql({ dialect: "oracle" as never, now })).toThrow(HandoffKitError);
  });

  it("reuses the built-in cap wherever it is passed", () => {
    const capped = defineSlaPolicy({
      id: "decides-within-a-day",
      label: "Decides within a day, before the meeting",
      start: ["booked"],
      stop: ["accepted", "rejected"],
      target: { kind: "calendar_time", ms: hours(24) },
      ...(AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY.cap === undefined ? {} : { cap: AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY.cap }),
    });
    expect(slaComplianceSql({ dialect: "postgres", now, policies: [capped] })).toContain("p0_capped AS (");
  });
});
