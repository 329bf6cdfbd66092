import { stringify } from "csv-stringify/sync";
import { match } from "ts-pattern";
import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isIterable, isRecord, optionsOf } from "../core/guards.js";
import { toEpochMs, type InstantInput } from "../core/instant.js";
import { LENIENT_LIFECYCLE, type Handoff, type HandoffSummary, type LifecycleRules } from "../handoff/index.js";
import { eventsAsOf, requireHandoff, requireRules } from "../handoff/internal.js";
import type { CalendarIntervalRow } from "./calendar-intervals.js";
import type { ColumnKind } from "./dialect.js";
import type { CalendarDayRow } from "./calendar-days.js";
import {
  DAY_COLUMNS,
  EVENT_COLUMNS,
  INTERVAL_COLUMNS,
  SUMMARY_COLUMNS,
  WEEK_COLUMNS,
  type TableColumn,
} from "./table-layout.js";
import type { WeekStartRow } from "./week-starts.js";

/**
 * A cell of a table row: text, a number, or null (no value). Instants are ISO 8601 text in UTC with
 * milliseconds (`2026-11-23T14:00:00.000Z`), which every engine reads into its instant type.
 *
 * @example
 * ```ts
 * import type { TableCell } from "handoff-kit/sql";
 * const cell: TableCell = "2026-11-23T14:00:00.000Z";
 * ```
 * @category Table layout
 */
export type TableCell = string | number | null;

/** Whether a value fits a column of a kind, and what the column takes, in words. */
function fitOf(kind: ColumnKind, value: unknown): { fits: boolean; what: string } {
  return match(kind)
    .with("instant", () => ({ fits: value instanceof Date && !Number.isNaN(value.getTime()), what: "a valid Date" }))
    .with("text", () => ({ fits: typeof value === "string", what: "a string" }))
    .with("integer", "double", () => ({
      fits: typeof value === "number" && Number.isFinite(value),
      what: "a finite number",
    }))
    .exhaustive();
}

/** A row's cells in the columns' order; a value that does not fit its column throws, naming row and field. */
function cellsOf(row: unknown, columns: readonly TableColumn[], fn: string, index: number): TableCell[] {
  if (!isRecord(row))
    throw new HandoffKitError("invalid_argument", { detail: `${fn}: row ${String(index)} is not an object` });
  const record = row as Readonly<Record<string, unknown>>;
  return columns.map((column) => {
    const value = record[column.field];
    if (value === undefined || value === null) return null;
    const { fits, what } = fitOf(column.kind, value);
    if (!fits)
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: row ${String(index)}'s ${column.field} is not ${what}: ${describeValue(value)}`,
      });
    return value instanceof Date ? value.toISOString() : (value as string | number);
  });
}

/** The rows of a table as cells, lazily, after checking the input is iterable. */
function rowsOf(rows: Iterable<unknown>, columns: readonly TableColumn[], fn: string): Iterable<TableCell[]> {
  if (!isIterable(rows))
    throw new HandoffKitError("invalid_argument", { detail: `${fn} expects an array (or any iterable) of rows` });
  return {
    *[Symbol.iterator]() {
      let index = 0;
      for (const row of rows) {
        yield cellsOf(row, columns, fn, index);
        index += 1;
      }
    },
  };
}

/**
 * CSV text, one line per string (each ending in `\n`), the header first. Empty text is quoted (`""`)
 * and no value is an empty field, so the engines' CSV readers (DuckDB's `read_csv`, PostgreSQL's
 * `COPY ... (FORMAT csv)`, BigQuery's and Snowflake's loaders) read null as NULL and "" as "".
 */
function csvLines(cells: Iterable<TableCell[]>, columns: readonly TableColumn[]): Iterable<string> {
  // csv-stringify's quoted_empty would quote null cells too (it writes them as ""): only empty text is quoted.
  const options = {
    eof: true,
    cast: { string: (value: string) => (value === "" ? { value, quoted_empty: true } : value) },
  };
  return {
    *[Symbol.iterator]() {
      yield stringify([columns.map((column) => column.name)], options);
      for (const row of cells) yield stringify([row], options);
    },
  };
}

/**
 * The summary table's rows (one per `summarize` row, cells in {@link SUMMARY_COLUMNS}' order),
 * lazily: hand them to any CSV or Parquet writer, or a database's bulk loader. A field that does not
 * fit its column (an invalid Date, text where a number goes) throws `invalid_argument` naming the row's
 * index and the field, when that row is reached: rows `summarize` makes always fit.
 *
 * @example
 * ```ts
 * import { summarize, type Handoff } from "handoff-kit/handoff";
 * import { summaryTableRows } from "handoff-kit/sql";
 * declare const handoffs: readonly Handoff[];
 * for (const cells of summaryTableRows(handoffs.map((handoff) => summarize(handoff)))) console.log(cells[0]);
 * ```
 * @category Table layout
 */
export function summaryTableRows(summaries: Iterable<HandoffSummary>): Iterable<readonly TableCell[]> {
  return rowsOf(summaries, SUMMARY_COLUMNS, "summaryTableRows");
}

/**
 * The summary table as CSV text, one line per string with its newline, the header first: write the
 * lines to a file and load it (`read_csv` in DuckDB, `COPY` in PostgreSQL, `bq load`, Snowflake's
 * `COPY INTO`). Lazy, as {@link summaryTableRows} is, with the same checks.
 *
 * @example
 * ```ts
 * import { createWriteStream } from "node:fs";
 * import { summarize, type Handoff } from "handoff-kit/handoff";
 * import { summaryTableCsv } from "handoff-kit/sql";
 * declare const handoffs: readonly Handoff[];
 * const file = createWriteStream("handoff_summaries.csv");
 * for (const line of summaryTableCsv(handoffs.map((handoff) => summarize(handoff)))) file.write(line);
 * file.end();
 * ```
 * @category Table layout
 */
export function summaryTableCsv(summaries: Iterable<HandoffSummary>): Iterable<string> {
  return csvLines(rowsOf(summaries, SUMMARY_COLUMNS, "summaryTableCsv"), SUMMARY_COLUMNS);
}

/**
 * The intervals table as CSV text (`calendar_id,start_utc,end_utc`), one line per string, the header
 * first, from `calendarIntervals`' rows.
 *
 * @example
 * ```ts
 * import { defineCalendar } from "handoff-kit/sla";
 * import { calendarIntervals, intervalTableCsv } from "handoff-kit/sql";
 * const omar = defineCalendar({ timeZone: "America/New_York", week: { mon: [["09:00", "12:00"]] } });
 * const rows = calendarIntervals({ "ae-omar": omar }, new Date("2026-11-23T00:00Z"), new Date("2026-11-30T00:00Z"));
 * [...intervalTableCsv(rows)].join("");
 * // "calendar_id,start_utc,end_utc\nae-omar,2026-11-23T14:00:00.000Z,2026-11-23T17:00:00.000Z\n"
 * ```
 * @category Table layout
 */
export function intervalTableCsv(intervals: Iterable<CalendarIntervalRow>): Iterable<string> {
  return csvLines(rowsOf(intervals, INTERVAL_COLUMNS, "intervalTableCsv"), INTERVAL_COLUMNS);
}

/**
 * The days table as CSV text (the columns of {@link DAY_COLUMNS}), one line per string, the header
 * first, from `calendarDays`' rows.
 *
 * @example
 * ```ts
 * import { defineCalendar } from "handoff-kit/sla";
 * import { calendarDays, dayTableCsv } from "handoff-kit/sql";
 * const omar = defineCalendar({ timeZone: "America/New_York", week: { mon: [["09:00", "12:00"]] } });
 * const days = calendarDays({ "ae-omar": omar }, new Date("2026-11-23T05:00Z"), new Date("2026-11-30T05:00Z"));
 * [...dayTableCsv(days)].length; // 8: the header and seven days
 * ```
 * @category Table layout
 */
export function dayTableCsv(days: Iterable<CalendarDayRow>): Iterable<string> {
  return csvLines(rowsOf(days, DAY_COLUMNS, "dayTableCsv"), DAY_COLUMNS);
}

/**
 * The weeks table as CSV text (`time_zone,starts_on,week_start,start_utc,end_utc`), one line per string, the
 * header first, from `weekStarts`' rows.
 *
 * @example
 * ```ts
 * import { weekStarts, weekTableCsv } from "handoff-kit/sql";
 * const weeks = weekStarts({ timeZone: "Europe/Berlin" }, new Date("2026-11-23T00:00Z"), new Date("2026-11-24Z"));
 * [...weekTableCsv(weeks)].join("");
 * // "time_zone,starts_on,week_start,start_utc,end_utc\n" +
 * //   "Europe/Berlin,mon,2026-11-23,2026-11-22T23:00:00.000Z,2026-11-29T23:00:00.000Z\n"
 * ```
 * @category Table layout
 */
export function weekTableCsv(weeks: Iterable<WeekStartRow>): Iterable<string> {
  return csvLines(rowsOf(weeks, WEEK_COLUMNS, "weekTableCsv"), WEEK_COLUMNS);
}

/**
 * The options of {@link eventTableRows} and {@link eventTableCsv}.
 *
 * @example
 * ```ts
 * import type { EventTableOptions } from "handoff-kit/sql";
 * const asOfMonday: EventTableOptions = { now: new Date("2026-11-23T14:00:00Z") };
 * ```
 * @category Table layout
 */
export interface EventTableOptions {
  /** Events after it are left out, as `summarize`'s `now` leaves them out. Without it, every event. */
  readonly now?: InstantInput;
  /** The rules the histories are read with (the lenient ones by default, as `summarize` uses). */
  readonly lifecycle?: LifecycleRules;
}

/** Each handoff's events as the fold reads them, as records of the events table's fields. */
function eventRecords(
  handoffs: Iterable<Handoff>,
  options: EventTableOptions | undefined,
  fn: string,
): Iterable<Readonly<Record<string, unknown>>> {
  if (!isIterable(handoffs))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn} expects an array (or any iterable) of parsed handoffs (parseHandoffs)`,
    });
  const { lifecycle: rules = LENIENT_LIFECYCLE, now: asOf } = optionsOf(options, fn);
  requireRules(rules, `${fn}: options.lifecycle`);
  const now = asOf === undefined ? Number.POSITIVE_INFINITY : toEpochMs(asOf, `${fn}: options.now`);
  return {
    *[Symbol.iterator]() {
      let index = 0;
      for (const handoff of handoffs) {
        requireHandoff(handoff, `${fn}: handoff ${String(index)}`);
        let seq = 0;
        for (const event of eventsAsOf(handoff.events, now, rules)) {
          const fields = event as Partial<Record<string, unknown>> & { readonly meeting?: { start: Date; end: Date } };
          yield {
            handoffId: handoff.id,
            seq,
            eventId: event.id,
            type: event.type,
            at: event.at,
            actor: event.by,
            meetingStart: fields.meeting?.start,
            meetingEnd: fields.meeting?.end,
            reason: fields["reason"],
            amount: fields["amount"],
            currency: fields["currency"],
            score: fields["score"],
            role: fields["role"],
            toRep: fields["to"],
          };
          seq += 1;
        }
        index += 1;
      }
    },
  };
}

/**
 * The events table's rows (cells in {@link EVENT_COLUMNS}' order), lazily: each handoff's events as
 * its history folds them (sorted, repeated deliveries left out, none after `options.now`), numbered
 * by `seq`. A value that is not a parsed handoff, or rules that are not rules, throw `invalid_argument`.
 *
 * @example
 * ```ts
 * import type { Handoff } from "handoff-kit/handoff";
 * import { eventTableRows } from "handoff-kit/sql";
 * declare const handoffs: readonly Handoff[];
 * for (const [handoffId, seq, , type] of eventTableRows(handoffs)) console.log(handoffId, seq, type);
 * ```
 * @category Table layout
 */
export function eventTableRows(
  handoffs: Iterable<Handoff>,
  options?: EventTableOptions,
): Iterable<readonly TableCell[]> {
  return rowsOf(eventRecords(handoffs, options, "eventTableRows"), EVENT_COLUMNS, "eventTableRows");
}

/**
 * The events table as CSV text, one line per string, the header first; see {@link eventTableRows}.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * import type { Handoff } from "handoff-kit/handoff";
 * import { eventTableCsv } from "handoff-kit/sql";
 * declare const handoffs: readonly Handoff[];
 * writeFileSync("handoff_events.csv", [...eventTableCsv(handoffs)].join(""));
 * ```
 * @category Table layout
 */
export function eventTableCsv(handoffs: Iterable<Handoff>, options?: EventTableOptions): Iterable<string> {
  return csvLines(
    rowsOf(eventRecords(handoffs, options, "eventTableCsv"), EVENT_COLUMNS, "eventTableCsv"),
    EVENT_COLUMNS,
  );
}
