import type { Handoff } from "handoff-kit/handoff";
import { summarize } from "handoff-kit/handoff";
import type { Calendar, MeetingEvent, SlaPolicy, Weekday } from "handoff-kit/sla";
import {
  calendarDays,
  calendarIntervals,
  createTablesSql,
  dayTableCsv,
  eventTableCsv,
  intervalTableCsv,
  rejectionReasonsSql,
  scoreboardSql,
  slaComplianceSql,
  SQL_DIALECTS,
  summaryTableCsv,
  weekStarts,
  weekTableCsv,
  type SqlDialect,
  type SqlGroupDimension,
} from "handoff-kit/sql";
import { match } from "ts-pattern";
import { CliError } from "../cli-io.js";

const DIMENSIONS: readonly SqlGroupDimension[] = ["sdr", "ae", "segment", "source", "week"];

/** `--dialect`: one of the four. */
export function readDialect(text: string): SqlDialect {
  const dialect = SQL_DIALECTS.find((name) => name === text.toLowerCase());
  if (dialect === undefined) throw new CliError(`--dialect: ${text} is not one of ${SQL_DIALECTS.join(", ")}`);
  return dialect;
}

/** `--group-by`, repeated or comma-separated: the built-in dimensions, in the order given. */
export function readGroupBy(values: readonly string[] | undefined): SqlGroupDimension[] {
  return (values ?? [])
    .flatMap((value) => value.split(","))
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map((text) => {
      const dimension = DIMENSIONS.find((name) => name === text);
      if (dimension === undefined) throw new CliError(`--group-by: ${text} is not one of ${DIMENSIONS.join(", ")}`);
      return dimension;
    });
}

/** What `sql` writes: the scoreboard, rejection reasons or SLA compliance query, or the tables' statements. */
export interface SqlFlags {
  readonly dialect: SqlDialect;
  readonly now: Date | "query_time";
  readonly groupBy: readonly SqlGroupDimension[];
  readonly timeZone: string;
  readonly weekStart: Weekday;
  readonly businessTime: boolean;
  readonly summaries?: string;
  readonly intervals?: string;
  readonly events?: string;
  readonly days?: string;
  readonly weeks?: string;
  /** Where weeks come from: the engine's zone data, or the weeks table. */
  readonly weekSource: "engine" | "table";
  /** The policies `sla` judges (every built-in one when none are named). */
  readonly policies?: readonly SlaPolicy<MeetingEvent>[];
  readonly write: "scoreboard" | "reasons" | "sla" | "tables";
}

export function renderSql(flags: SqlFlags): string {
  const tables = {
    ...(flags.summaries === undefined ? {} : { summaries: flags.summaries }),
    ...(flags.intervals === undefined ? {} : { intervals: flags.intervals }),
    ...(flags.events === undefined ? {} : { events: flags.events }),
    ...(flags.days === undefined ? {} : { days: flags.days }),
    ...(flags.weeks === undefined ? {} : { weeks: flags.weeks }),
  };
  const options = {
    dialect: flags.dialect,
    now: flags.now,
    groupBy: flags.groupBy,
    week: { timeZone: flags.timeZone, startsOn: flags.weekStart },
    weekSource: flags.weekSource,
    businessTime: flags.businessTime,
    tables,
  };
  return match(flags.write)
    .with("scoreboard", () => scoreboardSql(options))
    .with("reasons", () => rejectionReasonsSql(options))
    .with("sla", () => {
      const { businessTime: _, ...rest } = options;
      return slaComplianceSql({ ...rest, ...(flags.policies === undefined ? {} : { policies: flags.policies }) });
    })
    .with("tables", () => createTablesSql(flags.dialect, tables))
    .exhaustive();
}

/** The intervals table's CSV lines for the calendars over [from, to), or with `days` the days table's. */
export function intervalLines(
  calendars: Readonly<Record<string, Calendar>>,
  from: Date,
  to: Date,
  days = false,
): Iterable<string> {
  return days
    ? dayTableCsv(calendarDays(calendars, from, to))
    : intervalTableCsv(calendarIntervals(calendars, from, to));
}

/** The weeks table's CSV lines for the weeks that meet [from, to). */
export function weekLines(week: { timeZone: string; startsOn: Weekday }, from: Date, to: Date): Iterable<string> {
  return weekTableCsv(weekStarts(week, from, to));
}

/**
 * The summary table's CSV lines for the handoffs, each as of `now` when given: summarized one at a
 * time as the lines are written, so the rows are never all held beside the handoffs.
 */
export function summaryLines(handoffs: Iterable<Handoff>, now: Date | undefined): Iterable<string> {
  const options = now === undefined ? {} : { now };
  return summaryTableCsv({
    *[Symbol.iterator]() {
      for (const handoff of handoffs) yield summarize(handoff, undefined, options);
    },
  });
}

/** The events table's CSV lines: each handoff's events as the fold reads them, as of `now` when given. */
export function eventLines(handoffs: Iterable<Handoff>, now: Date | undefined): Iterable<string> {
  return eventTableCsv(handoffs, now === undefined ? {} : { now });
}
