// scoreboardFromSql: a hand-worked example run in DuckDB and read back into a Scoreboard (groups in
// code-unit order, reasons most frequent then by code, NULL intervals as null), the shapes other
// drivers give numbers and flags in, and misuse refused with the row and column named. Equality with
// the in-memory scoreboard on the sample and 25k generated handoffs is in the engines tests.
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { insertValues } from "./duckdb-csv.js";
import { HandoffKitError } from "../../src/index.js";
import {
  createTablesSql,
  rejectionReasonsSql,
  scoreboardFromSql,
  scoreboardSql,
  summaryTableCsv,
  type ScoreboardSqlOptions,
  type ScoreboardSqlResults,
  type SqlRow,
} from "../../src/sql/index.js";
import { row } from "../metrics/rows.js";

const now = new Date("2026-11-14T02:00:00Z");
const rejected = (id: string, sdrId: string, reason: string, meetingStatus: "held" | "cancelled" | "no_show") =>
  row({
    id,
    sdrId,
    status: "rejected",
    decision: "rejected",
    decidedAt: new Date("2026-11-03T09:00:00Z"),
    reason,
    meetingStatus,
  });

// Every meeting but c's (20 November) has passed at `now`.
const rows = [
  row({
    id: "a",
    sdrId: "sdr-b",
    status: "accepted",
    decision: "accepted",
    decidedAt: new Date("2026-11-03T09:00:00Z"),
    meetingStatus: "held",
    acceptedAmount: 10_000,
    acceptedCurrency: "USD",
  }),
  rejected("b", "sdr-b", "no_budget", "no_show"),
  row({ id: "c", sdrId: "Sdr-c", meetingStart: new Date("2026-11-20T15:00:00Z") }),
  rejected("d", "sdr-a", "no_authority", "held"),
  rejected("e", "sdr-a", "no_budget", "cancelled"),
];

const options: ScoreboardSqlOptions = { dialect: "duckdb", now, groupBy: "sdr" };
let results: ScoreboardSqlResults;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    await db.run(createTablesSql("duckdb"));
    await db.run(`INSERT INTO handoff_summaries VALUES ${insertValues(summaryTableCsv(rows))}`);
    results = {
      scoreboard: (await db.runAndReadAll(scoreboardSql(options))).getRowObjectsJS(),
      reasons: (await db.runAndReadAll(rejectionReasonsSql(options))).getRowObjectsJS(),
    };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
});

describe("scoreboardFromSql, worked by hand", () => {
  it("reads the rows back as a Scoreboard, groups in code-unit order", () => {
    const board = scoreboardFromSql(results, options);
    expect(board).toMatchObject({
      now,
      groupBy: ["sdr"],
      week: { timeZone: "UTC", startsOn: "mon" },
      confidence: 0.95,
      minSample: 10,
      currency: "USD",
      seen: 5,
      excluded: 0,
      dataIssues: [],
    });
    // Upper case before lower, as in memory, whatever an engine's collation says.
    expect(board.groups.map((group) => [group.key, group.keys])).toEqual([
      ["Sdr-c", { sdr: "Sdr-c" }],
      ["sdr-a", { sdr: "sdr-a" }],
      ["sdr-b", { sdr: "sdr-b" }],
    ]);
    const { overall } = board;
    expect(overall.handoffs).toBe(5);
    // Held over the meetings that came due: a and d held; b a no-show, e cancelled; c upcoming.
    expect(overall.heldRate).toMatchObject({ value: 0.5, numerator: 2, denominator: 4, lowSample: true });
    expect(overall.meetings).toEqual({ held: 2, noShow: 1, cancelled: 1, upcoming: 1, pastUnrecorded: 0 });
    // Wilson at 95% for 1 of 4: centre (0.25 + z²/8) / (1 + z²/4), half-width
    // z sqrt(3/64 + z²/64) / (1 + z²/4), z = 1.959964: 0.045587 to 0.699358.
    expect(overall.acceptanceRate.value).toBe(0.25);
    expect(overall.acceptanceRate.interval?.low).toBeCloseTo(0.045587, 6);
    expect(overall.acceptanceRate.interval?.high).toBeCloseTo(0.699358, 6);
    expect(overall.acceptanceRate.interval?.confidence).toBe(0.95);
    expect(overall.pipelineAmount).toEqual({ all: 10_000, sdrSourced: 10_000, inbound: 0 });
    // No follow-up recorded, and no business time asked for: null, as in memory without calendars.
    expect(overall.timeToFirstFollowUp).toEqual({
      calendar: { count: 0, median: null, p90: null, mean: null },
      business: null,
    });
    expect(overall.slaCompliance).toEqual([]);
    // c's meeting is upcoming: no denominator, no value, no interval.
    expect(board.groups[0]?.metrics.heldRate).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      interval: null,
      lowSample: true,
    });
  });

  it("lists reasons most frequent first, ties by code, per SDR and segment in key order", () => {
    const { overall, groups } = scoreboardFromSql(results, options);
    expect(overall.rejectionReasons.byCode).toEqual([
      { code: "no_budget", count: 2, share: 2 / 3 },
      { code: "no_authority", count: 1, share: 1 / 3 },
    ]);
    expect(overall.rejectionReasons.bySdr).toEqual([
      {
        sdrId: "sdr-a",
        reasons: [
          { code: "no_authority", count: 1, share: 0.5 },
          { code: "no_budget", count: 1, share: 0.5 },
        ],
      },
      { sdrId: "sdr-b", reasons: [{ code: "no_budget", count: 1, share: 1 }] },
    ]);
    expect(overall.rejectionReasons.bySegment).toEqual([
      { segment: "mid_market", reasons: overall.rejectionReasons.byCode },
    ]);
    expect(groups[0]?.metrics.rejectionReasons).toEqual({ byCode: [], bySdr: [], bySegment: [] });
  });
});

describe("scoreboardFromSql, as other drivers give the rows", () => {
  /** Every row's values through `cast`, the rows' order reversed within each result. */
  const recast = (cast: (value: unknown) => unknown): ScoreboardSqlResults => ({
    scoreboard: results.scoreboard.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cast(v)]))),
    reasons: [...results.reasons]
      .reverse()
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cast(v)]))),
  });

  it("takes BIGINT and NUMBER as decimal text, and BOOLEAN as 0 or 1", () => {
    const expected = scoreboardFromSql(results, options);
    const asText = recast((value) =>
      typeof value === "bigint" || typeof value === "number"
        ? String(value)
        : typeof value === "boolean"
          ? Number(value)
          : value,
    );
    expect(scoreboardFromSql(asText, options)).toEqual(expected);
    const asNumbers = recast((value) => (typeof value === "bigint" ? Number(value) : value));
    expect(scoreboardFromSql(asNumbers, options)).toEqual(expected);
  });
});

describe("scoreboardFromSql, misuse", () => {
  const refusal = (read: () => unknown): string => {
    try {
      read();
    } catch (error) {
      expect(error).toBeInstanceOf(HandoffKitError);
      expect((error as HandoffKitError).code).toBe("invalid_argument");
      return (error as Error).message;
    }
    throw new Error("not refused");
  };
  const withOverall = (change: (overall: SqlRow) => SqlRow): ScoreboardSqlResults => ({
    ...results,
    scoreboard: results.scoreboard.map((r, i) => (i === 0 ? change(r) : r)),
  });

  it("refuses a query_time query's rows without the instant it ran at", () => {
    expect(refusal(() => scoreboardFromSql(results, { ...options, now: "query_time" }))).toMatch(/ran at/);
  });

  it("names the row and column of a missing, wrong or malformed value", () => {
    const { held_rate_low: _, ...missing } = results.scoreboard[0] ?? {};
    expect(
      refusal(() =>
        scoreboardFromSql(
          withOverall(() => missing),
          options,
        ),
      ),
    ).toMatch(/results\.scoreboard row 0, column held_rate_low must be present/);
    expect(
      refusal(() =>
        scoreboardFromSql(
          withOverall((r) => ({ ...r, handoffs: "5 " })),
          options,
        ),
      ),
    ).toMatch(/row 0, column handoffs must be a number/);
    expect(
      refusal(() =>
        scoreboardFromSql(
          withOverall((r) => ({ ...r, handoffs: 2.5 })),
          options,
        ),
      ),
    ).toMatch(/column handoffs must be a whole number/);
    expect(
      refusal(() =>
        scoreboardFromSql(
          withOverall((r) => ({ ...r, held_rate_low: null })),
          options,
        ),
      ),
    ).toMatch(/held_rate_high must be NULL exactly when held_rate_low is/);
    expect(
      refusal(() =>
        scoreboardFromSql(
          withOverall((r) => ({ ...r, held_rate_low_sample: "yes" })),
          options,
        ),
      ),
    ).toMatch(/held_rate_low_sample must be true or false/);
  });

  it("refuses rows that do not belong to the options", () => {
    const groupsOnly = {
      scoreboard: results.scoreboard.slice(1),
      reasons: results.reasons.filter((r) => r["scope"] === "group"),
    };
    // Grouped rows read as if ungrouped.
    expect(refusal(() => scoreboardFromSql(results, { ...options, groupBy: [] }))).toMatch(
      /row 1, column scope must be overall \(the query is not grouped\)/,
    );
    expect(refusal(() => scoreboardFromSql(groupsOnly, options))).toMatch(/no overall row/);
    const twice = { ...results, scoreboard: [...results.scoreboard, results.scoreboard[1] ?? {}] };
    expect(refusal(() => scoreboardFromSql(twice, options))).toMatch(
      /row 4 repeats the level of results\.scoreboard row 1/,
    );
    const stranger = {
      ...results,
      reasons: [...results.reasons, { ...results.reasons[0], sdr_id: "sdr-z", scope: "group" }],
    };
    expect(refusal(() => scoreboardFromSql(stranger, options))).toMatch(/reasons has rows for group sdr-z/);
    expect(refusal(() => scoreboardFromSql({ scoreboard: results.scoreboard } as never, options))).toMatch(
      /results\.reasons/,
    );
    expect(refusal(() => scoreboardFromSql(null as never, options))).toMatch(/results must be/);
  });

  it("refuses SLA rows whose deadlines the calendar tables did not reach", () => {
    const sla: SqlRow = {
      scope: "overall",
      sdr_id: null,
      policy_id: "ae-accepts-within-one-business-day",
      policy_label: "AE accepts",
      policy_owner: "ae",
      met: 1n,
      breached: 0n,
      running: 0n,
      cancelled: 0n,
      not_evaluated: 0n,
      beyond_tables: 2n,
      compliance: 1,
      compliance_numerator: 1n,
      compliance_denominator: 1n,
      compliance_low: 0.2,
      compliance_high: 1,
      compliance_low_sample: true,
    };
    expect(refusal(() => scoreboardFromSql({ ...results, sla: [sla] }, options))).toMatch(
      /2 cycles of ae-accepts-within-one-business-day have a deadline past the calendar tables/,
    );
    const overallOnly = { ...results, sla: [{ ...sla, beyond_tables: 0n, policy_owner: null }] };
    expect(refusal(() => scoreboardFromSql(overallOnly, options))).toMatch(
      /results\.sla gives group Sdr-c the policies \[\], the whole \[ae-accepts-within-one-business-day\]/,
    );
    const ungrouped = {
      scoreboard: results.scoreboard.slice(0, 1),
      reasons: results.reasons.filter((r) => r["scope"] === "overall"),
      sla: overallOnly.sla,
    };
    const read = scoreboardFromSql(ungrouped, { ...options, groupBy: [] });
    expect(read.overall.slaCompliance).toEqual([
      {
        policyId: "ae-accepts-within-one-business-day",
        label: "AE accepts",
        owner: undefined,
        compliance: {
          value: 1,
          numerator: 1,
          denominator: 1,
          interval: { low: 0.2, high: 1, confidence: 0.95 },
          lowSample: true,
        },
        met: 1,
        breached: 0,
        running: 0,
        cancelled: 0,
        notEvaluated: 0,
      },
    ]);
  });
});
