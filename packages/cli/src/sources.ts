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

/** The records of several files as one input, where each came from, and what each file held. */
interface Joined {
  readonly records: unknown[];
  readonly origins: Origin[];
  readonly files: { readonly path: string; readonly records: number; readonly refused: AdapterIssue[] }[];
}

/**
 * Reads every file and joins their records into one input, so a record exported in two files (an
 * export taken twice, or a later one that overlaps) is counted once, and a booking's webhook
 * deliveries or a meeting's history split over several files are read together. `check` stops a
 * file that is not what it should be, before its records join.
 */
async function readJoined(
  paths: readonly string[],
  format: RecordFormat,
  options: ReadOptions,
  io: CliIo,
  check: (path: string, records: readonly unknown[], header: readonly string[] | undefined) => void,
): Promise<Joined> {
  const joined: Joined = { records: [], origins: [], files: [] };
  for (const [file, path] of paths.entries()) {
    const { records, rows, header, refused } = await readRecords(path, format, io, options);
    check(path, records, header);
    for (const [index, record] of records.entries()) {
      joined.records.push(record);
      joined.origins.push({ file, index, row: rows[index] as number });
    }
    joined.files.push({
      path,
      records: records.length + refused.length,
      refused: refused.map(({ row, message }) => ({ code: "inconsistent_row", path: [], row, message })),
    });
  }
  return joined;
}

/**
 * Each file's result: the issues of the joined input put back at their file, index and row, beside
 * the rows the file refused. A repeat names the row kept, by its file when it is another; the
 * adapter named it by its row in the joined input, `firstRow` for the first record.
 */
function placeIssues(issues: readonly AdapterIssue[], joined: Joined, label: string, firstRow: number): FileResult[] {
  const placed = joined.files.map((file) => [...file.refused]);
  const rowName = (origin: Origin, from: number): string =>
    origin.file === from
      ? `row ${String(origin.row)}`
      : `${joined.files[origin.file]?.path ?? ""} row ${String(origin.row)}`;
  for (const issue of issues) {
    const at = issue.path[0];
    const origin = typeof at === "number" ? joined.origins[at] : undefined;
    if (origin === undefined) continue;
    const kept = issue.kept === undefined ? undefined : joined.origins[issue.kept];
    (placed[origin.file] as AdapterIssue[]).push({
      ...issue,
      path: [origin.index, ...issue.path.slice(1)],
      row: origin.row,
      ...(kept === undefined
        ? {}
        : {
            kept: kept.index,
            message: issue.message.replace(
              `row ${String((issue.kept as number) + firstRow)}`,
              rowName(kept, origin.file),
            ),
          }),
    });
  }
  return joined.files.map((file, index) => ({
    path: file.path,
    label,
    records: file.records,
    issues: (placed[index] as AdapterIssue[]).sort((a, b) => a.row - b.row),
  }));
}

/**
 * Reads every file, maps them through the source's adapter as one input (see {@link readJoined}),
 * then applies the owner history files, read as one input too.
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
  const joined = await readJoined(paths, source.format, options, io, (path, records, header) => {
    // A header with no rows says nothing of its columns to an adapter; one blank row lets it check them.
    const probe = records.length > 0 ? records.slice(0, 1) : header === undefined ? [] : [blankRow(header)];
    const wrongFormat =
      probe.length === 0 ? undefined : adapt(probe).issues.find((issue) => issue.code === "missing_columns");
    if (wrongFormat !== undefined) throw new CliError(`${path}: ${wrongFormat.message}`);
  });
  const meetings = adapt(joined.records);
  const history = await readOwnerHistory(meetings.handoffs, options, io);
  return {
    files: [...placeIssues(meetings.issues, joined, source.label, source.firstRow), ...(history?.files ?? [])],
    handoffs: history?.handoffs ?? meetings.handoffs,
  };
}

/**
 * Applies the owner history files, as one input, to the meetings' handoffs
 * (`withHubSpotOwnerHistory`, read in `--time-zone`), each file's issues at its own rows. Undefined
 * when no history is given.
 */
async function readOwnerHistory(
  handoffs: readonly Handoff[],
  options: ReadOptions,
  io: CliIo,
): Promise<SourcesRead | undefined> {
  if (options.ownerHistory.length === 0) return undefined;
  if (options.from !== "hubspot")
    throw new CliError("--owner-history: reads a HubSpot owner history, for --from hubspot");
  const settings = options.timeZone === undefined ? {} : { exportTimeZone: options.timeZone };
  const apply = (rows: readonly unknown[]): AdapterResult =>
    withHubSpotOwnerHistory(handoffs, rows as readonly SourceRow[], settings);
  const joined = await readJoined(options.ownerHistory, "csv", options, io, (path, records) => {
    const wrongFormat = apply(records.slice(0, 1)).issues.find((issue) => issue.code === "missing_columns");
    if (wrongFormat !== undefined) throw new CliError(`--owner-history: ${path}: ${wrongFormat.message}`);
  });
  const applied = apply(joined.records);
  // A history's first record is row 2, under its header.
  return { handoffs: applied.handoffs, files: placeIssues(applied.issues, joined, "HubSpot owner history", 2) };
}

const blankRow = (header: readonly string[]): SourceRow => Object.fromEntries(header.map((name) => [name, ""]));
