import type { Handoff } from "handoff-kit/handoff";
import { summarize } from "handoff-kit/handoff";
import type { Calendar, Weekday } from "handoff-kit/sla";
import {
  calendarIntervals,
  createTablesSql,
  intervalTableCsv,
  rejectionReasonsSql,
  scoreboardSql,
  SQL_DIALECTS,
  summaryTableCsv,
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

/** What `sql` writes: the scoreboard query, the rejection reasons query, or the tables' statements. */
export interface SqlFlags {
  readonly dialect: SqlDialect;
  readonly now: Date | "query_time";
  readonly groupBy: readonly SqlGroupDimension[];
  readonly timeZone: string;
  readonly weekStart: Weekday;
  readonly businessTime: boolean;
  readonly summaries?: string;
  readonly intervals?: string;
  readonly write: "scoreboard" | "reasons" | "tables";
}

export function renderSql(flags: SqlFlags): string {
  const tables = {
    ...(flags.summaries === undefined ? {} : { summaries: flags.summaries }),
    ...(flags.intervals === undefined ? {} : { intervals: flags.intervals }),
  };
  const options = {
    dialect: flags.dialect,
    now: flags.now,
    groupBy: flags.groupBy,
    week: { timeZone: flags.timeZone, startsOn: flags.weekStart },
    businessTime: flags.businessTime,
    tables,
  };
  return match(flags.write)
    .with("scoreboard", () => scoreboardSql(options))
    .with("reasons", () => rejectionReasonsSql(options))
    .with("tables", () => createTablesSql(flags.dialect, tables))
    .exhaustive();
}

/** The intervals table's CSV lines for the calendars over [from, to). */
export function intervalLines(calendars: Readonly<Record<string, Calendar>>, from: Date, to: Date): Iterable<string> {
  return intervalTableCsv(calendarIntervals(calendars, from, to));
}

/**
 * The summary table's CSV lines for the handoffs, each as of `now` when given: summarized one at a
 * time as the lines are written, so the rows are never all held beside the handoffs.
 */
export function summaryLines(handoffs: readonly Handoff[], now: Date | undefined): Iterable<string> {
  const options = now === undefined ? {} : { now };
  return summaryTableCsv({
    *[Symbol.iterator]() {
      for (const handoff of handoffs) yield summarize(handoff, undefined, options);
    },
  });
}
