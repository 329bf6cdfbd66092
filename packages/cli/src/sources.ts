import {
  fromCalendlyWebhooks,
  fromChiliPiperMeetings,
  fromHubSpotMeetings,
  fromSalesforceEvents,
  withHubSpotOwnerHistory,
  type AdapterIssue,
  type AdapterResult,
  type SourceRow,
} from "handoff-kit/adapters";
import { parseHandoffs, type Handoff } from "handoff-kit/handoff";
import { AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, type MeetingEvent, type SlaPolicy } from "handoff-kit/sla";
import { CliError, type CliIo } from "./cli-io.js";
import { readRecords, type Encoding, type RecordFormat } from "./read-records.js";

/** A source the command reads: how its files are written and the adapter that maps its records. */
interface Source {
  readonly label: string;
  readonly format: RecordFormat;
  /** The row an adapter gives its first record: 2 in a CSV export (the header is row 1), 1 in JSON. */
  readonly firstRow: number;
  readonly adapt: (records: readonly unknown[], mapping: Readonly<Record<string, unknown>>) => AdapterResult;
  /**
   * The SLA policies read when `--policy` is not given. A meetings export or a scheduler's webhooks
   * carry the booking, the meeting and (where the portal records it) the AE's decision, but no
   * follow-up: the follow-up policy would call every handoff late. Undefined: the library's default.
   */
  readonly policies: readonly SlaPolicy<MeetingEvent>[] | undefined;
}

const MEETINGS_ONLY = [AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY];

const rows = (records: readonly unknown[]): readonly SourceRow[] => records as readonly SourceRow[];

/** Canonical handoff records (the library's own JSON), checked by parseHandoffs. */
function fromHandoffJson(records: readonly unknown[]): AdapterResult {
  const { valid, invalid } = parseHandoffs(records);
  const issues: AdapterIssue[] = invalid.flatMap(({ index, issues: found }) =>
    found.map((issue) => ({ ...issue, path: [index, ...issue.path], row: index + 1 })),
  );
  return { handoffs: valid.map((record) => record.value), issues };
}

// The mapping file is the adapter's options as JSON (column names, outcome values, a rejection
// picklist, reps): passed as they are, so the adapter checks them and names what is wrong.
export const SOURCES = {
  hubspot: {
    firstRow: 2,
    label: "HubSpot meetings export",
    format: "csv",
    adapt: (records, mapping) => fromHubSpotMeetings(rows(records), mapping),
    policies: MEETINGS_ONLY,
  },
  salesforce: {
    firstRow: 2,
    label: "Salesforce Event export",
    format: "csv",
    adapt: (records, mapping) => fromSalesforceEvents(rows(records), mapping),
    policies: MEETINGS_ONLY,
  },
  chilipiper: {
    firstRow: 2,
    label: "Chili Piper meetings export",
    format: "csv",
    adapt: (records, mapping) => fromChiliPiperMeetings(rows(records), mapping),
    policies: MEETINGS_ONLY,
  },
  calendly: {
    firstRow: 1,
    label: "Calendly webhook deliveries",
    format: "json",
    adapt: (records, mapping) => fromCalendlyWebhooks(records, mapping),
    policies: MEETINGS_ONLY,
  },
  json: {
    firstRow: 1,
    label: "handoff records (JSON)",
    format: "json",
    adapt: (records) => fromHandoffJson(records),
    policies: undefined,
  },
} as const satisfies Record<string, Source>;

export type SourceName = keyof typeof SOURCES;

/** The policies a source's files are read against by default (see {@link Source}). */
export const defaultPolicies = (name: SourceName): readonly SlaPolicy<MeetingEvent>[] | undefined =>
  (SOURCES[name] as Source).policies;
export const SOURCE_NAMES = Object.keys(SOURCES) as SourceName[];

/** What one file held, and the issues of its records, by the file's own rows. */
export interface FileResult {
  readonly path: string;
  readonly label: string;
  readonly records: number;
  readonly issues: readonly AdapterIssue[];
}

/** Every file of a source read as one input: the handoffs, and each file's records and issues. */
export interface SourcesRead {
  readonly files: readonly FileResult[];
  readonly handoffs: readonly Handoff[];
}

/** The options every command passes to the adapters. */
export interface ReadOptions {
  readonly from: SourceName;
  /** The zone of timestamps written without an offset (`exportTimeZone`). */
  readonly timeZone: string | undefined;
  readonly mapping: Readonly<Record<string, unknown>>;
  /** The `--mapping` file, named when the adapter refuses the options it holds. */
  readonly mappingPath: string | undefined;
  readonly quiet: boolean;
  readonly encoding: Encoding;
  /** HubSpot property-history exports of the meetings' owner (`--owner-history`), read after the meetings. */
  readonly ownerHistory: readonly string[];
}

/** Where a record of the joined input came from: its file, its index there, and its row. */
interface Origin {
  readonly file: number;
  readonly index: number;
  readonly row: number;
}

/**
 * Reads every file, then maps them through the source's adapter as one input, so a record exported
 * in two files (an export taken twice, or a later one that overlaps) is counted once, and a
 * booking's webhook deliveries split over several logs are read together. Each issue is then put
 * back at its file, index and row, and a repeat names the file of the row kept when it is another.
 */
export async function readSources(paths: readonly string[], options: ReadOptions, io: CliIo): Promise<SourcesRead> {
  const source: Source = SOURCES[options.from];
  const mapping =
    options.timeZone === undefined || options.from === "json" || options.from === "calendly"
      ? options.mapping
      : { ...options.mapping, exportTimeZone: options.timeZone };
  const adapt = (records: readonly unknown[]): AdapterResult => {
    try {
      return source.adapt(records, mapping);
    } catch (error) {
      // Rows never make an adapter throw: what it refuses is its options, from --mapping or --time-zone.
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(
        options.mappingPath === undefined ? `--time-zone: ${message}` : `--mapping: ${options.mappingPath}: ${message}`,
      );
    }
  };
  const joined: unknown[] = [];
  const origins: Origin[] = [];
  const read: { path: string; records: number; refused: AdapterIssue[] }[] = [];
  for (const [file, path] of paths.entries()) {
    const { records, rows, header, refused } = await readRecords(path, source.format, io, options);
    // A header with no rows says nothing of its columns to an adapter; one blank row lets it check them.
    const probe = records.length > 0 ? records.slice(0, 1) : header === undefined ? [] : [blankRow(header)];
    const wrongFormat =
      probe.length === 0 ? undefined : adapt(probe).issues.find((issue) => issue.code === "missing_columns");
    if (wrongFormat !== undefined) throw new CliError(`${path}: ${wrongFormat.message}`);
    for (const [index, record] of records.entries()) {
      joined.push(record);
      origins.push({ file, index, row: rows[index] as number });
    }
    read.push({
      path,
      records: records.length + refused.length,
      refused: refused.map(({ row, message }) => ({ code: "inconsistent_row", path: [], row, message })),
    });
  }
  const meetings = adapt(joined);
  const history = await readOwnerHistory(meetings.handoffs, options, io);
  const result = history === undefined ? meetings : { ...meetings, handoffs: history.handoffs };
  const issues = read.map((file) => [...file.refused]);
  const rowName = (origin: Origin, from: number): string =>
    origin.file === from ? `row ${String(origin.row)}` : `${read[origin.file]?.path ?? ""} row ${String(origin.row)}`;
  for (const issue of result.issues) {
    const at = issue.path[0];
    const origin = typeof at === "number" ? origins[at] : undefined;
    if (origin === undefined) continue;
    const kept = issue.kept === undefined ? undefined : origins[issue.kept];
    (issues[origin.file] as AdapterIssue[]).push({
      ...issue,
      path: [origin.index, ...issue.path.slice(1)],
      row: origin.row,
      ...(kept === undefined
        ? {}
        : {
            kept: kept.index,
            // The adapter named the kept record by its row in the joined input.
            message: issue.message.replace(
              `row ${String((issue.kept as number) + source.firstRow)}`,
              rowName(kept, origin.file),
            ),
          }),
    });
  }
  return {
    files: [
      ...read.map((file, index) => ({
        path: file.path,
        label: source.label,
        records: file.records,
        issues: (issues[index] as AdapterIssue[]).sort((a, b) => a.row - b.row),
      })),
      ...(history?.files ?? []),
    ],
    handoffs: result.handoffs,
  };
}

/**
 * Applies the owner history files to the meetings' handoffs (`withHubSpotOwnerHistory`, read in
 * `--time-zone`), each file's issues at its own rows. Undefined when no history is given.
 */
async function readOwnerHistory(
  handoffs: readonly Handoff[],
  options: ReadOptions,
  io: CliIo,
): Promise<{ handoffs: readonly Handoff[]; files: FileResult[] } | undefined> {
  if (options.ownerHistory.length === 0) return undefined;
  if (options.from !== "hubspot")
    throw new CliError("--owner-history: reads a HubSpot owner history, for --from hubspot");
  const files: FileResult[] = [];
  let current = handoffs;
  for (const path of options.ownerHistory) {
    const { records, rows, refused } = await readRecords(path, "csv", io, options);
    const applied = withHubSpotOwnerHistory(
      current,
      records as readonly SourceRow[],
      options.timeZone === undefined ? {} : { exportTimeZone: options.timeZone },
    );
    const wrongFormat = applied.issues.find((issue) => issue.code === "missing_columns");
    if (wrongFormat !== undefined) throw new CliError(`--owner-history: ${path}: ${wrongFormat.message}`);
    current = applied.handoffs;
    const issues: AdapterIssue[] = [
      ...refused.map(({ row, message }): AdapterIssue => ({ code: "inconsistent_row", path: [], row, message })),
      ...applied.issues.map((issue) => {
        const at = issue.path[0];
        return typeof at === "number" ? { ...issue, row: rows[at] ?? issue.row } : issue;
      }),
    ];
    files.push({
      path,
      label: "HubSpot owner history",
      records: records.length + refused.length,
      issues: issues.sort((a, b) => a.row - b.row),
    });
  }
  return { handoffs: current, files };
}

const blankRow = (header: readonly string[]): SourceRow => Object.fromEntries(header.map((name) => [name, ""]));
