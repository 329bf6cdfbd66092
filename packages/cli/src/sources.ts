import {
  fromCalendlyWebhooks,
  fromChiliPiperMeetings,
  fromHubSpotMeetings,
  fromSalesforceEvents,
  type AdapterIssue,
  type AdapterResult,
  type SourceRow,
} from "handoff-kit/adapters";
import { parseHandoffs, type Handoff } from "handoff-kit/handoff";
import { AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, type MeetingEvent, type SlaPolicy } from "handoff-kit/sla";
import { CliError, type CliIo } from "./cli-io.js";
import { readRecords, type RecordFormat } from "./read-records.js";

/** A source the command reads: how its files are written and the adapter that maps its records. */
interface Source {
  readonly label: string;
  readonly format: RecordFormat;
  /** A CSV source's rows count from 2 (the header is row 1); a JSON source's records from 1. */
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
    label: "HubSpot meetings export",
    format: "csv",
    adapt: (records, mapping) => fromHubSpotMeetings(rows(records), mapping),
    policies: MEETINGS_ONLY,
  },
  salesforce: {
    label: "Salesforce Event export",
    format: "csv",
    adapt: (records, mapping) => fromSalesforceEvents(rows(records), mapping),
    policies: MEETINGS_ONLY,
  },
  chilipiper: {
    label: "Chili Piper meetings export",
    format: "csv",
    adapt: (records, mapping) => fromChiliPiperMeetings(rows(records), mapping),
    policies: MEETINGS_ONLY,
  },
  calendly: {
    label: "Calendly webhook deliveries",
    format: "json",
    adapt: (records, mapping) => fromCalendlyWebhooks(records, mapping),
    policies: MEETINGS_ONLY,
  },
  json: {
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

/** One file read through its source's adapter. */
export interface FileResult {
  readonly path: string;
  readonly label: string;
  readonly records: number;
  readonly handoffs: readonly Handoff[];
  readonly issues: readonly AdapterIssue[];
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
}

/** Reads every file in turn through the source's adapter. */
export async function readSources(paths: readonly string[], options: ReadOptions, io: CliIo): Promise<FileResult[]> {
  const source: Source = SOURCES[options.from];
  const mapping =
    options.timeZone === undefined || options.from === "json" || options.from === "calendly"
      ? options.mapping
      : { ...options.mapping, exportTimeZone: options.timeZone };
  const results: FileResult[] = [];
  for (const path of paths) {
    const { records, header } = await readRecords(path, source.format, io, options.quiet);
    let result: AdapterResult;
    try {
      // A header with no rows says nothing of its columns to an adapter; one blank row lets it check them.
      const probe =
        records.length === 0 && header !== undefined ? [Object.fromEntries(header.map((n) => [n, ""]))] : [];
      const probed = probe.length === 0 ? undefined : source.adapt(probe, mapping);
      result = probed?.issues.some((issue) => issue.code === "missing_columns")
        ? probed
        : source.adapt(records, mapping);
    } catch (error) {
      // Rows never make an adapter throw: what it refuses is its options, from --mapping or --time-zone.
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(
        options.mappingPath === undefined ? `--time-zone: ${message}` : `--mapping: ${options.mappingPath}: ${message}`,
      );
    }
    const wrongFormat = result.issues.find((issue) => issue.code === "missing_columns");
    if (wrongFormat !== undefined && result.handoffs.length === 0)
      throw new CliError(`${path}: ${wrongFormat.message}`);
    results.push({ path, label: source.label, records: records.length, ...result });
  }
  return results;
}
