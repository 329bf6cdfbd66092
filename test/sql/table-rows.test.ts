// The tables' writers, by hand: one summary row's cells and CSV line, the intervals' lines, empty
// text against no value, and every value that does not fit its column refused with its row and field.
import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/index.js";
import type { HandoffSummary } from "../../src/handoff/index.js";
import { defineCalendar } from "../../src/sla/index.js";
import { generateSampleData } from "../../examples/sample-data/generate.js";
import { parseHandoffs } from "../../src/handoff/index.js";
import {
  calendarIntervals,
  createTablesSql,
  EVENT_COLUMNS,
  eventTableCsv,
  eventTableRows,
  INTERVAL_COLUMNS,
  intervalTableCsv,
  SUMMARY_COLUMNS,
  summaryTableCsv,
  summaryTableRows,
} from "../../src/sql/index.js";
import { heldAccepted, row } from "../metrics/rows.js";

const header =
  "id,source,segment,sdr_id,ae_id,ae_calendar_id,sdr_calendar_id,status,cycles,created_at,first_touch_at," +
  "first_booked_at,booked_at,meeting_status,meeting_start,style,acknowledged_at,decision,decided_at,reason," +
  "first_follow_up_at,quality,accepted_amount,accepted_currency,won_amount,won_currency,outcome,closed_at," +
  "corrections,duplicate_events,late_events,skipped_events\n";

describe("summaryTableRows and summaryTableCsv", () => {
  it("write one row's cells in the columns' order, instants in UTC with milliseconds", () => {
    const [cells] = [...summaryTableRows([heldAccepted("h-7", 4, { acceptedAmount: 12_500.5, reason: undefined })])];
    expect(cells).toEqual([
      "h-7",
      "outbound",
      "mid_market",
      "sdr-ana",
      "ae-omar",
      "ae-omar",
      "sdr-ana",
      "accepted",
      1,
      "2026-11-02T14:00:00.000Z",
      null,
      "2026-11-02T15:00:00.000Z",
      "2026-11-02T15:00:00.000Z",
      "held",
      "2026-11-05T15:00:00.000Z",
      null,
      null,
      "accepted",
      "2026-11-03T09:00:00.000Z",
      null,
      null,
      4,
      12_500.5,
      null,
      null,
      null,
      null,
      null,
      0,
      0,
      0,
      0,
    ]);
    expect(SUMMARY_COLUMNS).toHaveLength(cells?.length ?? 0);
  });

  it("write CSV with the header first, no value as an empty field and empty text quoted", () => {
    const lines = [...summaryTableCsv([row({ id: 'say "hi", twice', reason: "", quality: 3 })])];
    expect(lines[0]).toBe(header);
    expect(lines[1]).toBe(
      '"say ""hi"", twice",outbound,mid_market,sdr-ana,ae-omar,ae-omar,sdr-ana,booked,1,' +
        "2026-11-02T14:00:00.000Z,,2026-11-02T15:00:00.000Z,2026-11-02T15:00:00.000Z,scheduled," +
        '2026-11-05T15:00:00.000Z,,,,,"",,3,,,,,,,0,0,0,0\n',
    );
    expect(lines).toHaveLength(2);
    expect([...summaryTableCsv([])]).toEqual([header]);
  });

  it("refuse a value that does not fit its column, naming the row and the field, when that row is reached", () => {
    const rows = [row(), row({ bookedAt: new Date(Number.NaN) })];
    const lines = summaryTableCsv(rows)[Symbol.iterator]();
    expect(lines.next().value).toBe(header);
    expect(lines.next().done).toBe(false);
    expect(() => lines.next()).toThrow(/summaryTableCsv: row 1's bookedAt is not a valid Date/u);
    const bad = (overrides: Partial<Record<keyof HandoffSummary, unknown>>, message: RegExp): void => {
      expect(() => [...summaryTableRows([row(overrides as Partial<HandoffSummary>)])]).toThrow(message);
    };
    bad({ cycles: "2" }, /row 0's cycles is not a finite number: 2\)/u);
    bad({ acceptedAmount: Number.POSITIVE_INFINITY }, /row 0's acceptedAmount is not a finite number/u);
    bad({ segment: 7 }, /row 0's segment is not a string: 7/u);
    bad({ createdAt: "2026-11-02T14:00:00Z" }, /row 0's createdAt is not a valid Date/u);
    expect(() => [...summaryTableRows([null as unknown as HandoffSummary])]).toThrow(/row 0 is not an object/u);
    expect(() => summaryTableRows(7 as unknown as HandoffSummary[])).toThrow(HandoffKitError);
    // A null field is no value, as undefined is.
    expect([...summaryTableRows([row({ reason: null as unknown as undefined })])][0]?.[19]).toBeNull();
  });
});

describe("intervalTableCsv", () => {
  it("writes a calendar's open intervals as UTC lines", () => {
    const omar = defineCalendar({ timeZone: "America/New_York", week: { mon: [["09:00", "12:00"]] } });
    const rows = calendarIntervals({ "ae-omar": omar }, new Date("2026-10-26T00:00Z"), new Date("2026-11-10T00:00Z"));
    // Mondays 26 October (EDT, UTC-4), 2 and 9 November (EST, UTC-5).
    expect([...intervalTableCsv(rows)]).toEqual([
      "calendar_id,start_utc,end_utc\n",
      "ae-omar,2026-10-26T13:00:00.000Z,2026-10-26T16:00:00.000Z\n",
      "ae-omar,2026-11-02T14:00:00.000Z,2026-11-02T17:00:00.000Z\n",
      "ae-omar,2026-11-09T14:00:00.000Z,2026-11-09T17:00:00.000Z\n",
    ]);
    expect(INTERVAL_COLUMNS.map((column) => column.kind)).toEqual(["text", "instant", "instant"]);
  });
});

describe("createTablesSql", () => {
  it("names each kind's type in each dialect", () => {
    expect(createTablesSql("duckdb")).toContain("  booked_at TIMESTAMPTZ,\n");
    expect(createTablesSql("postgres")).toContain("  accepted_amount DOUBLE PRECISION,\n");
    expect(createTablesSql("bigquery", { summaries: "sales.h", intervals: "sales.i" })).toContain(
      "CREATE TABLE `sales.i` (\n  calendar_id STRING,\n  start_utc TIMESTAMP,\n  end_utc TIMESTAMP\n);\n",
    );
    expect(createTablesSql("snowflake")).toContain("  cycles NUMBER(38, 0),\n");
    expect(() => createTablesSql("mysql" as "duckdb")).toThrow(/createTablesSql: dialect must be one of/u);
    expect(() => createTablesSql("duckdb", "t" as never)).toThrow(/tables must be an object/u);
  });
});

describe("eventTableRows and eventTableCsv", () => {
  // The sample's first handoff, its follow-up delivered first (late) and its intro delivered twice.
  const [first] = generateSampleData().handoffs;
  const events = [...(first?.events ?? [])];
  const followUp = events.splice(4, 1);
  const input = { ...first, events: [...followUp, ...events, events[1]] };
  const parsed = parseHandoffs([input]);
  const handoffs = parsed.valid.map((record) => record.value);

  it("writes each event once, in time order, numbered, with what its type carries", () => {
    expect(parsed.invalid).toEqual([]);
    const rows = [...eventTableRows(handoffs)];
    // Worked from examples/data/sample-handoffs.json's h-0001: nine events, the repeat left out.
    expect(rows.map((cells) => [cells[1], cells[2], cells[3], cells[4]])).toEqual([
      [0, "h-0001-e1", "booked", "2026-08-17T16:22:00.000Z"],
      [1, "h-0001-e2", "intro_sent", "2026-08-17T17:10:00.000Z"],
      [2, "h-0001-e3", "acknowledged", "2026-08-17T17:10:00.000Z"],
      [3, "h-0001-e4", "reassigned", "2026-08-17T17:22:00.000Z"],
      [4, "h-0001-e5", "first_follow_up", "2026-08-17T21:01:00.000Z"],
      [5, "h-0001-e6", "accepted", "2026-08-19T23:36:00.000Z"],
      [6, "h-0001-e7", "meeting_held", "2026-08-26T17:15:00.000Z"],
      [7, "h-0001-e8", "quality_rated", "2026-08-27T09:30:00.000Z"],
      [8, "h-0001-e9", "opportunity_won", "2026-10-06T17:15:00.000Z"],
    ]);
    expect(rows.every((cells) => cells[0] === "h-0001")).toBe(true);
    // booked: its meeting; reassigned: role and rep; accepted: amount and currency; rated: the score.
    expect(rows[0]?.slice(5, 8)).toEqual(["sdr-ana", "2026-08-26T16:30:00.000Z", "2026-08-26T17:15:00.000Z"]);
    expect(rows[3]?.slice(12, 14)).toEqual(["ae", "ae-iris"]);
    expect(rows[5]?.slice(9, 11)).toEqual([33_000, "USD"]);
    expect(rows[7]?.[11]).toBe(5);
    expect(EVENT_COLUMNS).toHaveLength(rows[0]?.length ?? 0);
  });

  it("leaves out events after now, and writes CSV with its header", () => {
    const lines = [...eventTableCsv(handoffs, { now: new Date("2026-08-17T17:10:00Z") })];
    expect(lines[0]).toBe(
      "handoff_id,seq,event_id,event_type,event_at,actor,meeting_start,meeting_end,reason,amount,currency,score," +
        "reassigned_role,reassigned_to\n",
    );
    expect(lines.slice(1)).toEqual([
      "h-0001,0,h-0001-e1,booked,2026-08-17T16:22:00.000Z,sdr-ana," +
        "2026-08-26T16:30:00.000Z,2026-08-26T17:15:00.000Z,,,,,,\n",
      "h-0001,1,h-0001-e2,intro_sent,2026-08-17T17:10:00.000Z,sdr-ana,,,,,,,,\n",
      "h-0001,2,h-0001-e3,acknowledged,2026-08-17T17:10:00.000Z,ae-iris,,,,,,,,\n",
    ]);
  });

  it("refuses what is not a parsed handoff, and options that are not options", () => {
    expect(() => [...eventTableRows([input as never])]).toThrow(/eventTableRows: handoff 0/u);
    expect(() => eventTableRows(handoffs, { lifecycle: {} as never })).toThrow(HandoffKitError);
    expect(() => eventTableRows(handoffs, { now: "yesterday" as never })).toThrow(/options\.now/u);
    expect(() => eventTableCsv(7 as never)).toThrow(/parsed handoffs/u);
    expect(createTablesSql("postgres")).toContain("CREATE TABLE handoff_events (\n  handoff_id TEXT,\n  seq BIGINT,");
  });
});
