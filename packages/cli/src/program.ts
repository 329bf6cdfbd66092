import { Command, CommanderError, Option } from "commander";
import { HandoffKitError } from "handoff-kit";
import { writeFile } from "node:fs/promises";
import { DEFAULT_HEALTH_BANDS, huddleReport, renderHuddleReport, scoreboard, slaClocks } from "handoff-kit/metrics";
import { renderHtmlReport } from "./html/html-report.js";
import { CliError, type CliIo } from "./cli-io.js";
import { renderCheck } from "./commands/check.js";
import { renderSla } from "./commands/sla.js";
import { duckdbBoards } from "./commands/duckdb-engine.js";
import { instantFormatter, zoneName } from "./format-time.js";
import {
  POLICY_IDS,
  readBound,
  readCalendars,
  readMapping,
  readNow,
  readPolicies,
  readWeek,
  readWeekday,
} from "./options.js";
import {
  eventLines,
  intervalLines,
  weekLines,
  readDialect,
  readGroupBy,
  renderSql,
  summaryLines,
  type SqlFlags,
} from "./commands/sql.js";
import { ENCODINGS, type Encoding } from "./read-records.js";
import {
  defaultPolicies,
  readSources,
  SOURCE_NAMES,
  streamHandoffs,
  type FileResult,
  type ReadOptions,
  type SourceName,
  type SourcesRead,
} from "./sources.js";
import type { Handoff } from "handoff-kit/handoff";
import { styleFor } from "./style.js";
import { counted } from "./counted.js";

interface ReadFlags {
  readonly from: SourceName;
  readonly timeZone?: string;
  readonly mapping?: string;
  readonly quiet?: boolean;
  readonly encoding: Encoding;
  readonly ownerHistory?: string[];
  readonly leads?: string[];
  readonly leadHistory?: string[];
  readonly opportunityHistory?: string[];
}

/** Where `report` computes its scoreboards. */
const ENGINES = ["memory", "duckdb"] as const;
type Engine = (typeof ENGINES)[number];

const EXAMPLES = {
  check: "handoff-kit check examples/data/hubspot-meetings.csv --from hubspot --time-zone America/New_York",
  report:
    "handoff-kit report examples/data/hubspot-meetings.csv --from hubspot " +
    "--now 2026-11-14T02:00:00Z --html huddle.html",
  sla: "handoff-kit sla examples/data/hubspot-meetings.csv --from hubspot --calendars calendars.json",
  summaries:
    "handoff-kit summaries examples/data/hubspot-meetings.csv --from hubspot --now 2026-11-14T02:00:00Z " +
    "> handoff_summaries.csv",
  intervals: "handoff-kit intervals calendars.json --from 2026-01-01 --to 2027-01-01 > calendar_intervals.csv",
  weeks: "handoff-kit weeks --time-zone America/New_York --from 2026-01-01 --to 2027-01-01 > week_starts.csv",
  sql: "handoff-kit sql --dialect bigquery --group-by sdr --summaries sales.handoff_summaries > scoreboard.sql",
} as const;

function readingOptions(command: Command): Command {
  return command
    .argument("<files...>", "the export files (CSV), or JSON / JSON Lines for calendly and json")
    .addOption(new Option("--from <source>", "what the files are").choices(SOURCE_NAMES).makeOptionMandatory())
    .option(
      "--time-zone <zone>",
      "IANA zone of timestamps written without an offset, and of the report's weeks and times (default UTC)",
    )
    .option("--mapping <file>", "the adapter's options as JSON: column names, outcome values, reason picklist")
    .addOption(
      new Option("--encoding <name>", "how the files' text is encoded (Excel's CSV on Windows: windows-1252)")
        .choices(ENCODINGS)
        .default("utf-8"),
    )
    .addOption(
      repeatable(
        "--owner-history <file>",
        "for --from hubspot: the meetings' owner property history (CSV), whose changes are reassignments",
      ),
    )
    .addOption(
      repeatable(
        "--leads <file>",
        "for --from hubspot: the Leads export (CSV): the AE's rejections and recycles; " +
          "for --from salesforce: the Lead export (CSV), tracing converted leads' Events",
      ),
    )
    .addOption(
      repeatable(
        "--lead-history <file>",
        "for --from hubspot: the leads' property history (CSV), every stage they took; " +
          "for --from salesforce: LeadHistory (CSV): recycles, conversions, owner changes",
      ),
    )
    .addOption(
      repeatable("--opportunity-history <file>", "for --from salesforce: OpportunityHistory (CSV): won and lost"),
    )
    .option("-q, --quiet", "no progress bar");
}

/** An option given once per file (`--leads a.csv --leads b.csv`). */
const repeatable = (flags: string, description: string): Option =>
  new Option(flags, `${description}; repeatable`).argParser((value: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    value,
  ]);

// Repeated rather than variadic (`--policy a --policy b`), so a file named after it is not taken for one.
const policyOption = (): Option =>
  repeatable(
    "--policy <id>",
    `a built-in SLA policy to read: ${POLICY_IDS.join(", ")} ` +
      "(default: the AE's decision, and for --from json the follow-up too)",
  );

const withNewline = (text: string): string => (text.endsWith("\n") ? text : `${text}\n`);

function noteUnread(issues: number, io: CliIo): void {
  if (issues > 0)
    io.stderr(
      `handoff-kit: ${counted(issues, "issue")} in the input; ` +
        "`handoff-kit check` with the same files and options lists them\n",
    );
}

const issuesIn = (files: readonly FileResult[]): number => files.reduce((sum, file) => sum + file.issues.length, 0);

const historiesOf = (flags: ReadFlags): ReadOptions["histories"] => ({
  ownerHistory: flags.ownerHistory ?? [],
  leads: flags.leads ?? [],
  leadHistory: flags.leadHistory ?? [],
  opportunityHistory: flags.opportunityHistory ?? [],
});

/** The handoffs, and how many records were not read as one (after a pass over them, for a stream). */
interface HandoffsRead {
  readonly handoffs: Iterable<Handoff>;
  readonly issues: () => number;
  /** Reads a stream's files through once, so a bad line stops the command before any output. */
  readonly readable: () => void;
}

/**
 * The files' handoffs: with `stream`, streamed when they can be (JSON Lines of handoff records, which a
 * command that reads them in passes takes as they come); else read whole through the source's adapter.
 */
async function readHandoffs(
  files: readonly string[],
  flags: ReadFlags,
  io: CliIo,
  stream: boolean,
): Promise<HandoffsRead> {
  const streamed = stream ? streamHandoffs(files, { ...flags, histories: historiesOf(flags) }) : undefined;
  if (streamed !== undefined) return { handoffs: streamed, issues: streamed.refused, readable: streamed.readable };
  const read = await readAll(files, flags, io);
  return { handoffs: read.handoffs, issues: () => issuesIn(read.files), readable: () => undefined };
}

async function readAll(files: readonly string[], flags: ReadFlags, io: CliIo): Promise<SourcesRead> {
  const mapping = await readMapping(flags.mapping);
  return readSources(
    files,
    {
      from: flags.from,
      timeZone: flags.timeZone === undefined ? undefined : zoneName(flags.timeZone),
      mapping,
      mappingPath: flags.mapping,
      quiet: flags.quiet === true,
      encoding: flags.encoding,
      histories: historiesOf(flags),
    },
    io,
  );
}

interface ClockFlags extends ReadFlags {
  readonly now?: string;
  readonly policy?: string[];
  readonly calendars?: string;
}

/**
 * What `report` and `sla` both read before they differ: `--now`, the zone, the calendars and the
 * policies (the source's default when none are named); the files are read by the caller.
 */
async function readClockOptions(flags: ClockFlags, io: CliIo) {
  const now = readNow(flags.now, io.now);
  const timeZone = zoneName(flags.timeZone ?? "UTC");
  const calendars = await readCalendars(flags.calendars);
  const policies = readPolicies(flags.policy) ?? defaultPolicies(flags.from);
  return {
    timeZone,
    read: {
      now,
      ...(policies === undefined ? {} : { policies }),
      ...(calendars === undefined ? {} : { calendars }),
    },
  };
}

/** Builds the command; `run` parses and runs it. */
function program(io: CliIo, exit: { code: number }): Command {
  const root = new Command("handoff-kit")
    .description("Check CRM and scheduler exports, and report the SDR-AE huddle and SLA clocks from them.")
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // One line, in the command's own voice, as every other refusal: commander's "error: ..." with
      // a hint on a second line would be two.
      outputError: (text, write) => {
        write(`handoff-kit: ${text.replace(/^error: /, "").split("\n")[0] ?? text} (--help shows the options)\n`);
      },
    })
    .addHelpText(
      "after",
      `\nExamples:\n${Object.values(EXAMPLES)
        .map((line) => `  $ ${line}`)
        .join("\n")}\n`,
    );

  readingOptions(root.command("check"))
    .description("What each file's records became: handoffs, and every issue by row and field")
    .option("--all", "list every issue (by default the first 50 a file)")
    .addHelpText(
      "after",
      "\nExit status: 0 with no issues but repeats, 1 with any other, 2 when a file cannot be read.\n" +
        `\nExample:\n  $ ${EXAMPLES.check}\n`,
    )
    .action(async (files: string[], flags: ReadFlags & { all?: boolean }) => {
      const read = await readAll(files, flags, io);
      const results = read.files;
      io.stdout(renderCheck(read, styleFor(io), flags.all === true));
      // A repeat (a webhook's retry, an export taken twice) is listed but is no problem with the data.
      const failing = results.some((file) => file.issues.some((issue) => issue.code !== "duplicate_row"));
      exit.code = failing ? 1 : 0;
    });

  readingOptions(root.command("report"))
    .description("The weekly SDR-AE huddle: the numbers, two handoffs to walk, SLA breaches, calibration")
    .option("--now <instant>", "the instant the report is read at, ISO 8601 with an offset (default: now)")
    .option("--week <date>", "any date (YYYY-MM-DD) in the week to report (default: the last full week)")
    .option("--week-start <day>", "the day weeks start on", "mon")
    .addOption(policyOption())
    .option("--calendars <file>", "business calendars by calendar id or rep id, as JSON")
    .option("--json", "the report as JSON")
    .option("--html <file>", "also write the report as one self-contained HTML page, with charts")
    .addOption(
      new Option(
        "--engine <name>",
        "where the scoreboards are computed: in memory, or by the SQL in an embedded DuckDB",
      )
        .choices(ENGINES)
        .default("memory"),
    )
    .addHelpText("after", `\nExample:\n  $ ${EXAMPLES.report}\n`)
    .action(
      async (
        files: string[],
        flags: ClockFlags & { week?: string; weekStart: string; json?: boolean; html?: string; engine: Engine },
      ) => {
        const weekOf = flags.week === undefined ? undefined : readWeek(flags.week);
        const { timeZone, read } = await readClockOptions(flags, io);
        // The DuckDB engine, meant for files past memory, streams what can be streamed (it reads the
        // handoffs in two passes: the tables, then the huddle); in memory they are read once and held.
        const { handoffs, issues } = await readHandoffs(files, flags, io, flags.engine === "duckdb");
        const { now } = read;
        const week = { timeZone, startsOn: readWeekday(flags.weekStart) };
        const computed =
          flags.engine === "duckdb"
            ? await duckdbBoards({ handoffs, ...read, week, html: flags.html !== undefined })
            : undefined;
        const report = huddleReport(handoffs, {
          ...read,
          week,
          ...(weekOf === undefined ? {} : { weekOf }),
          ...(computed === undefined ? {} : { boards: computed.huddle }),
        });
        if (flags.html !== undefined) {
          const html = await renderHtmlReport({
            report,
            bySdr: computed?.bySdr ?? scoreboard(handoffs, { ...read, week, groupBy: "sdr" }),
            byWeek: computed?.byWeek ?? scoreboard(handoffs, { now, week, groupBy: "week" }),
            bands: DEFAULT_HEALTH_BANDS,
            sources: files,
          });
          try {
            await writeFile(flags.html, html);
          } catch (error) {
            throw new CliError(`--html: cannot write ${flags.html} (${(error as Error).message})`);
          }
          io.stderr(`handoff-kit: wrote ${flags.html}\n`);
        }
        io.stdout(
          flags.json === true
            ? `${JSON.stringify(report, null, 2)}\n`
            : withNewline(renderHuddleReport(report, { format: "text" })),
        );
        noteUnread(issues(), io);
      },
    );

  readingOptions(root.command("sla"))
    .description("The SLA clocks open now, late and running, per AE and SDR")
    .addOption(policyOption())
    .option("--now <instant>", "the instant the clocks are read at, ISO 8601 with an offset (default: now)")
    .option("--calendars <file>", "business calendars by calendar id or rep id, as JSON")
    .option("--json", "the clocks as JSON")
    .addHelpText("after", `\nExample:\n  $ ${EXAMPLES.sla}\n`)
    .action(async (files: string[], flags: ClockFlags & { json?: boolean }) => {
      const { timeZone, read: options } = await readClockOptions(flags, io);
      const { files: results, handoffs } = await readAll(files, flags, io);
      const formatAt = instantFormatter(timeZone);
      const read = slaClocks(handoffs, options);
      const names = new Map<string, string>();
      for (const handoff of handoffs) {
        names.set(handoff.sdr.id, handoff.sdr.name);
        names.set(handoff.ae.id, handoff.ae.name);
      }
      io.stdout(
        flags.json === true
          ? `${JSON.stringify(read, null, 2)}\n`
          : renderSla(read, names, formatAt, timeZone, styleFor(io)),
      );
      noteUnread(issuesIn(results), io);
    });
  readingOptions(root.command("summaries"))
    .description("The summary table (one row per handoff) as CSV, to load into DuckDB, PostgreSQL or a warehouse")
    .option(
      "--now <instant>",
      "summarize each handoff as of this instant, ISO 8601 with an offset (default: all events)",
    )
    .option("--events", "write the events table instead (one row per event), which SLA compliance in SQL reads")
    .addHelpText("after", `\nExample:\n  $ ${EXAMPLES.summaries}\n`)
    .action(async (files: string[], flags: ReadFlags & { now?: string; events?: boolean }) => {
      const now = flags.now === undefined ? undefined : readNow(flags.now, io.now);
      // JSON Lines of handoff records stream through, one record held at a time, after a first pass
      // that only reads the lines: a bad one stops the command before a row is written.
      const { handoffs, issues, readable } = await readHandoffs(files, flags, io, true);
      readable();
      for (const line of flags.events === true ? eventLines(handoffs, now) : summaryLines(handoffs, now))
        io.stdout(line);
      noteUnread(issues(), io);
    });

  root
    .command("intervals")
    .description("Business calendars' open intervals as CSV (calendar_id, start_utc, end_utc): the intervals table")
    .argument("<calendars>", "business calendars by calendar id or rep id, as JSON")
    .requiredOption("--from <date>", "the first day (YYYY-MM-DD, from its midnight UTC) or an ISO 8601 instant")
    .requiredOption("--to <date>", "the day after the last (YYYY-MM-DD) or an ISO 8601 instant")
    .option("--days", "write the days table instead (one row per local day), which SLA compliance in SQL reads")
    .addHelpText("after", `\nExample:\n  $ ${EXAMPLES.intervals}\n`)
    .action(async (path: string, flags: { from: string; to: string; days?: boolean }) => {
      const calendars = (await readCalendars(path, "intervals: <calendars>")) ?? {};
      const [from, to] = [readBound(flags.from, "--from"), readBound(flags.to, "--to")];
      for (const line of intervalLines(calendars, from, to, flags.days === true)) io.stdout(line);
    });

  root
    .command("weeks")
    .description("Weeks in a time zone as CSV (time_zone, starts_on, week_start, start_utc, end_utc): the weeks table")
    .requiredOption("--from <date>", "the first day (YYYY-MM-DD, from its midnight UTC) or an ISO 8601 instant")
    .requiredOption("--to <date>", "the day after the last (YYYY-MM-DD) or an ISO 8601 instant")
    .option("--time-zone <zone>", "the IANA zone weeks are cut in (default UTC)")
    .option("--week-start <day>", "the day weeks start on", "mon")
    .addHelpText("after", `\nExample:\n  $ ${EXAMPLES.weeks}\n`)
    .action((flags: { from: string; to: string; timeZone?: string; weekStart: string }) => {
      const [from, to] = [readBound(flags.from, "--from"), readBound(flags.to, "--to")];
      const week = { timeZone: zoneName(flags.timeZone ?? "UTC"), startsOn: readWeekday(flags.weekStart) };
      for (const line of weekLines(week, from, to)) io.stdout(line);
    });

  root
    .command("sql")
    .description("The scoreboard as one SQL query for DuckDB, PostgreSQL, BigQuery or Snowflake")
    .requiredOption("--dialect <name>", "duckdb, postgres, bigquery or snowflake")
    .addOption(repeatable("--group-by <dimension>", "sdr, ae, segment, source or week (or several, comma-separated)"))
    .option("--now <instant>", "the as-of instant, ISO 8601 with an offset (default: the time the query runs)")
    .option("--time-zone <zone>", "the IANA zone weeks are cut in (default UTC)")
    .option("--week-start <day>", "the day weeks start on", "mon")
    .option("--business-time", "business-time follow-up from the intervals table")
    .option("--summaries <table>", "the summary table's name (default handoff_summaries)")
    .option("--intervals <table>", "the intervals table's name (default calendar_intervals)")
    .option("--events <table>", "the events table's name (default handoff_events)")
    .option("--days <table>", "the days table's name (default calendar_days)")
    .option("--week-table", "cut weeks with the weeks table (handoff-kit weeks), not the engine's time-zone data")
    .option("--weeks <table>", "the weeks table's name (default week_starts)")
    .option("--reasons", "write the rejection reasons query instead (by code, SDR and segment)")
    .option("--sla", "write the SLA compliance query instead (every built-in policy, or those named)")
    .addOption(repeatable("--policy <id>", `with --sla, a built-in policy to judge: ${POLICY_IDS.join(", ")}`))
    .option("--create-tables", "write the tables' CREATE TABLE statements instead")
    .addHelpText("after", `\nExample:\n  $ ${EXAMPLES.sql}\n`)
    .action(
      (flags: {
        dialect: string;
        groupBy?: string[];
        now?: string;
        timeZone?: string;
        weekStart: string;
        businessTime?: boolean;
        summaries?: string;
        intervals?: string;
        events?: string;
        days?: string;
        weekTable?: boolean;
        weeks?: string;
        createTables?: boolean;
        reasons?: boolean;
        sla?: boolean;
        policy?: string[];
      }) => {
        const chosen = (
          [
            ["tables", flags.createTables],
            ["reasons", flags.reasons],
            ["sla", flags.sla],
          ] as const
        ).filter(([, on]) => on === true);
        if (chosen.length > 1) throw new CliError("--create-tables, --reasons and --sla: one at a time");
        if (flags.policy !== undefined && flags.sla !== true) throw new CliError("--policy: only with --sla");
        const write: SqlFlags["write"] = chosen[0]?.[0] ?? "scoreboard";
        const policies = readPolicies(flags.policy);
        io.stdout(
          renderSql({
            dialect: readDialect(flags.dialect),
            now: flags.now === undefined ? "query_time" : readNow(flags.now, io.now),
            groupBy: readGroupBy(flags.groupBy),
            timeZone: zoneName(flags.timeZone ?? "UTC"),
            weekStart: readWeekday(flags.weekStart),
            businessTime: flags.businessTime === true,
            ...(flags.summaries === undefined ? {} : { summaries: flags.summaries }),
            ...(flags.intervals === undefined ? {} : { intervals: flags.intervals }),
            ...(flags.events === undefined ? {} : { events: flags.events }),
            ...(flags.days === undefined ? {} : { days: flags.days }),
            ...(flags.weeks === undefined ? {} : { weeks: flags.weeks }),
            weekSource: flags.weekTable === true ? "table" : "engine",
            ...(policies === undefined ? {} : { policies }),
            write,
          }),
        );
      },
    );
  return root;
}

/**
 * Runs the command line `argv` (without the node and script paths) and returns the exit status: 0,
 * 1 when `check` found issues, 2 with a one-line reason on standard error when the input or an option
 * cannot be read.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const exit = { code: 0 };
  try {
    await program(io, exit).parseAsync([...argv], { from: "user" });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and the version are asked for: not failures. Commander has already printed its message.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError || error instanceof HandoffKitError) {
      io.stderr(`handoff-kit: ${error.message.split("\n")[0] ?? error.message}\n`);
      return 2;
    }
    throw error;
  }
}
