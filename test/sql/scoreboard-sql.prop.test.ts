// A law: for any summary rows a table can hold (every status, rows that disagree with themselves, gaps,
// other currencies, qualities outside 1-5, durations that run backwards), written by summaryTableCsv
// and loaded into DuckDB, scoreboardSql and rejectionReasonsSql give the in-memory scoreboard, under
// any grouping and weeks cut in any zone from any day.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HandoffSummary } from "../../src/handoff/index.js";
import { scoreboard } from "../../src/metrics/index.js";
import { WEEKDAYS } from "../../src/sla/index.js";
import {
  createTablesSql,
  rejectionReasonsSql,
  scoreboardSql,
  summaryTableCsv,
  type SqlGroupDimension,
} from "../../src/sql/index.js";
import { classCounts } from "../fixtures/class-counts.js";
import { START, summaryRow } from "../metrics/summary-arbitrary.js";
import { compareMetrics, compareReasons } from "./flat-metrics.js";
import { DUCKDB_CSV } from "./duckdb-csv.js";

const NOW = new Date(START + 100 * 86_400_000);
const GROUPINGS: readonly (readonly SqlGroupDimension[])[] = [
  [],
  ["sdr"],
  ["week"],
  ["source", "week"],
  ["segment", "ae"],
];
const ZONES = ["UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham"];

describe("scoreboardSql's law", () => {
  let dir: string;
  let instance: DuckDBInstance;
  let db: DuckDBConnection;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "handoff-kit-sql-law-"));
    instance = await DuckDBInstance.create(":memory:");
    db = await instance.connect();
    await db.run(createTablesSql("duckdb"));
  });
  afterAll(() => {
    db.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the in-memory scoreboard for any rows, grouping and weeks", async () => {
    const seen = classCounts();
    const file = join(dir, "rows.csv");
    await fc.assert(
      fc.asyncProperty(
        fc.array(summaryRow({ invalidDates: false }), { maxLength: 40 }),
        fc.constantFrom(...GROUPINGS),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...WEEKDAYS),
        async (rows: HandoffSummary[], groupBy, timeZone, startsOn) => {
          const board = scoreboard(rows, { now: NOW, groupBy, week: { timeZone, startsOn } });
          seen.see("a row left out", board.excluded > 0);
          seen.see(
            "a held rate with no meeting due",
            board.groups.some((g) => g.metrics.heldRate.value === null),
          );
          seen.see(
            "a median of one follow-up",
            board.groups.some((g) => g.metrics.timeToFirstFollowUp.calendar.count === 1),
          );
          seen.see(
            "a median between two follow-ups",
            [board.overall, ...board.groups.map((g) => g.metrics)].some(
              (m) => m.timeToFirstFollowUp.calendar.count % 2 === 0 && m.timeToFirstFollowUp.calendar.count > 0,
            ),
          );
          seen.see(
            "an amount in another currency",
            board.dataIssues.some((d) => d.issues.some((i) => i.code === "other_currency")),
          );
          seen.see(
            "a rejection without a reason",
            board.overall.rejectionReasons.byCode.some((r) => r.code === "unspecified"),
          );
          seen.see("several groups", board.groups.length > 3);

          writeFileSync(file, [...summaryTableCsv(rows)].join(""));
          await db.run("DELETE FROM handoff_summaries");
          await db.run(`COPY handoff_summaries FROM '${file}' ${DUCKDB_CSV}`);
          const options = { dialect: "duckdb", now: NOW, groupBy, week: { timeZone, startsOn } } as const;
          const metrics = (await db.runAndReadAll(scoreboardSql(options))).getRowObjectsJS();
          const reasons = (await db.runAndReadAll(rejectionReasonsSql(options))).getRowObjectsJS();
          expect([...compareMetrics(board, groupBy, metrics), ...compareReasons(board, groupBy, reasons)]).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
    seen.expectAtLeast({
      "a row left out": 20,
      "a held rate with no meeting due": 15,
      "a median of one follow-up": 14,
      "a median between two follow-ups": 2,
      "an amount in another currency": 30,
      "a rejection without a reason": 3,
      "several groups": 3,
    });
  }, 300_000);
});
