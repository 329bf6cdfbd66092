import {
  fromCalendlyWebhooks,
  fromChiliPiperMeetings,
  fromHubSpotMeetings,
  fromSalesforceEvents,
  withHubSpotLeads,
  withHubSpotOwnerHistory,
  withSalesforceHistory,
  type AdapterIssue,
  type AdapterResult,
  type SourceRow,
} from "handoff-kit/adapters";
import { parseHandoff, parseHandoffs, type Handoff } from "handoff-kit/handoff";
import { AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, type MeetingEvent, type SlaPolicy } from "handoff-kit/sla";
import { CliError, type CliIo } from "./cli-io.js";
import { isJsonLines, jsonLinesSync, readRecords, type Encoding, type RecordFormat } from "./read-records.js";

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
  /** The history exports read after the meetings, each list joined as one input (see {@link HISTORIES}). */
  readonly histories: Readonly<Record<HistoryName, readonly string[]>>;
}

/**
 * The history exports a source's handoffs take, by the option naming their files, with what each
 * holds for each source that reads it: HubSpot's owner property history, Leads export and lead
 * property history; Salesforce's Lead, LeadHistory and OpportunityHistory exports.
 */
export const HISTORIES = {
  ownerHistory: { flag: "--owner-history", labels: { hubspot: "HubSpot owner history" } },
  leads: { flag: "--leads", labels: { hubspot: "HubSpot Leads export", salesforce: "Salesforce Lead export" } },
  leadHistory: {
    flag: "--lead-history",
    labels: { hubspot: "HubSpot lead property history", salesforce: "Salesforce LeadHistory export" },
  },
  opportunityHistory: {
    flag: "--opportunity-history",
    labels: { salesforce: "Salesforce OpportunityHistory export" },
  },
} as const satisfies Record<string, { flag: string; labels: Partial<Record<SourceName, string>> }>;

export type HistoryName = keyof typeof HISTORIES;
const HISTORY_NAMES = Object.keys(HISTORIES) as HistoryName[];

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
  // A history of another source is refused before any file is read.
  for (const name of HISTORY_NAMES) {
    const labels: Partial<Record<SourceName, string>> = HISTORIES[name].labels;
    if (options.histories[name].length > 0 && labels[options.from] === undefined)
      throw new CliError(
        `${HISTORIES[name].flag}: reads ` +
          Object.entries(labels)
            .map(([from, label]) => `a ${label}, for --from ${from}`)
            .join("; "),
      );
  }
  if (options.from === "hubspot" && options.histories.leadHistory.length > 0 && options.histories.leads.length === 0)
    throw new CliError(
      "--lead-history: for --from hubspot, needs --leads: the Leads export links each lead to its contact",
    );
  // The mapping's `history` holds the history reader's options, and for HubSpot `leads` those of its
  // Leads reader; the rest are the adapter's.
  const { history: historyMapping, leads: leadsMapping, ...rest } = options.mapping;
  const adapterMapping =
    options.from === "hubspot" ? rest : { ...rest, ...(leadsMapping === undefined ? {} : { leads: leadsMapping }) };
  for (const [key, value] of [
    ["history", historyMapping],
    ["leads", options.from === "hubspot" ? leadsMapping : undefined],
  ] as const)
    if (value !== undefined && (typeof value !== "object" || value === null))
      throw new CliError(
        `--mapping: ${options.mappingPath ?? ""}: ${key} must be an object of the ` +
          `${key === "history" ? "history" : "Leads reader"}'s options`,
      );
  const zone = options.timeZone === undefined ? {} : { exportTimeZone: options.timeZone };
  const mapping =
    options.from === "json" || options.from === "calendly" ? adapterMapping : { ...adapterMapping, ...zone };
  const refusedOptions = (error: unknown): CliError => {
    // Rows never make an adapter throw: what it refuses is its options, from --mapping or --time-zone.
    const message = error instanceof Error ? error.message : String(error);
    return new CliError(
      options.mappingPath === undefined ? `--time-zone: ${message}` : `--mapping: ${options.mappingPath}: ${message}`,
    );
  };
  const adapt = (records: readonly unknown[]): AdapterResult => {
    try {
      return source.adapt(records, mapping);
    } catch (error) {
      throw refusedOptions(error);
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
  const settingsOf = (given: unknown) => ({ ...zone, ...(given as Readonly<Record<string, unknown>> | undefined) });
  const history = await readHistories(meetings.handoffs, joined, options, io, (apply, reader = "history") => {
    try {
      return apply(settingsOf(reader === "leads" ? leadsMapping : historyMapping));
    } catch (error) {
      throw refusedOptions(error);
    }
  });
  return {
    files: [...placeIssues(meetings.issues, joined, source.label, source.firstRow), ...(history?.files ?? [])],
    handoffs: history?.handoffs ?? meetings.handoffs,
  };
}

/**
 * Calls a history reader with its options (the mapping's `history`, or for HubSpot's Leads reader its
 * `leads`), turning a refusal of them into the command's error.
 */
type WithSettings = <T>(apply: (settings: Readonly<Record<string, unknown>>) => T, reader?: "history" | "leads") => T;

/**
 * Applies the history files to the meetings' handoffs, each option's files joined as one input and
 * read in `--time-zone` (`withHubSpotOwnerHistory` then `withHubSpotLeads`, or `withSalesforceHistory`),
 * each file's issues at its own rows. Undefined when no history is given.
 */
async function readHistories(
  handoffs: readonly Handoff[],
  meetings: Joined,
  options: ReadOptions,
  io: CliIo,
  withSettings: WithSettings,
): Promise<SourcesRead | undefined> {
  const given = HISTORY_NAMES.filter((name) => options.histories[name].length > 0);
  if (given.length === 0) return undefined;
  // One table's rows alone, for the first record's check of its columns.
  const tableIssues = (name: HistoryName, records: readonly unknown[]): readonly AdapterIssue[] => {
    if (name === "ownerHistory")
      return withSettings((settings) => withHubSpotOwnerHistory(handoffs, rows(records), settings)).issues;
    if (options.from === "hubspot") {
      const table = name === "leads" ? "leads" : "history";
      return withSettings(
        (settings) => withHubSpotLeads(handoffs, { meetings: [], leads: [], [table]: rows(records) }, settings),
        "leads",
      ).issues[table];
    }
    return withSettings((settings) => withSalesforceHistory(handoffs, { events: [], [name]: rows(records) }, settings))
      .issues[name];
  };
  const labelOf = (name: HistoryName): string =>
    (HISTORIES[name].labels as Partial<Record<SourceName, string>>)[options.from] ?? "";
  const tables = new Map<HistoryName, Joined>();
  for (const name of given)
    tables.set(
      name,
      await readJoined(options.histories[name], "csv", options, io, (path, records) => {
        const wrongFormat = tableIssues(name, records.slice(0, 1)).find((issue) => issue.code === "missing_columns");
        if (wrongFormat !== undefined) throw new CliError(`${HISTORIES[name].flag}: ${path}: ${wrongFormat.message}`);
      }),
    );
  const recordsOf = (name: HistoryName): readonly SourceRow[] => rows(tables.get(name)?.records ?? []);
  // A history's first record is row 2, under its header.
  const placed = (name: HistoryName, issues: readonly AdapterIssue[]): FileResult[] =>
    placeIssues(issues, tables.get(name) as Joined, labelOf(name), 2);
  /** The meetings export's issue when it lacks the columns that link its records to the histories. */
  const unlinked = (issues: readonly AdapterIssue[], what: string): void => {
    const missing = issues.find((issue) => issue.code === "missing_columns");
    if (missing !== undefined)
      throw new CliError(`${meetings.files[0]?.path ?? ""}: ${missing.message}, which link the ${what}`);
  };
  if (options.from === "hubspot") {
    let current = handoffs;
    const files: FileResult[] = [];
    if (given.includes("ownerHistory")) {
      const owned = withSettings((settings) => withHubSpotOwnerHistory(current, recordsOf("ownerHistory"), settings));
      current = owned.handoffs;
      files.push(...placed("ownerHistory", owned.issues));
    }
    if (given.includes("leads")) {
      const led = withSettings(
        (settings) =>
          withHubSpotLeads(
            current,
            { meetings: rows(meetings.records), leads: recordsOf("leads"), history: recordsOf("leadHistory") },
            settings,
          ),
        "leads",
      );
      unlinked(led.issues.meetings, "leads to each meeting");
      current = led.handoffs;
      files.push(...placed("leads", led.issues.leads));
      if (given.includes("leadHistory")) files.push(...placed("leadHistory", led.issues.history));
    }
    return { handoffs: current, files };
  }
  const applied = withSettings((settings) =>
    withSalesforceHistory(
      handoffs,
      {
        events: rows(meetings.records),
        leads: recordsOf("leads"),
        leadHistory: recordsOf("leadHistory"),
        opportunityHistory: recordsOf("opportunityHistory"),
      },
      settings,
    ),
  );
  unlinked(applied.issues.events, "histories to each Event");
  const salesforce = given.filter((name): name is Exclude<HistoryName, "ownerHistory"> => name !== "ownerHistory");
  return { handoffs: applied.handoffs, files: salesforce.flatMap((name) => placed(name, applied.issues[name])) };
}

const blankRow = (header: readonly string[]): SourceRow => Object.fromEntries(header.map((name) => [name, ""]));

/** Handoffs read from their files at each pass, none held between passes. */
export interface HandoffStream extends Iterable<Handoff> {
  /** The issues of the records the last whole pass found not to be handoffs (`check` lists them). */
  readonly refused: () => number;
  /**
   * Reads every line of every file once, keeping nothing: a line that is not JSON or not in the
   * encoding stops the command here, before a command that writes as it reads has written anything.
   */
  readonly readable: () => void;
}

/**
 * The handoffs of JSON Lines files of the library's own records (`--from json`), as a stream that
 * reads the files again at each pass and holds one record at a time, or undefined for any other
 * input: an export's adapter reads every row at once, to join a record's versions across files and
 * keep the latest, where handoff records stand each on its own line (two with one id are two).
 */
export function streamHandoffs(
  paths: readonly string[],
  options: Pick<ReadOptions, "from" | "encoding" | "histories">,
): HandoffStream | undefined {
  const histories = Object.values(options.histories).some((files) => files.length > 0);
  if (options.from !== "json" || histories || !paths.every(isJsonLines)) return undefined;
  let refused = 0;
  return {
    refused: () => refused,
    readable: () => {
      for (const path of paths) {
        const lines = jsonLinesSync(path, options.encoding)[Symbol.iterator]();
        while (lines.next().done !== true);
      }
    },
    *[Symbol.iterator]() {
      let count = 0;
      for (const path of paths)
        for (const { value } of jsonLinesSync(path, options.encoding)) {
          const parsed = parseHandoff(value);
          if (parsed.ok) yield parsed.value;
          else count += parsed.issues.length;
        }
      refused = count;
    },
  };
}
