import type { Issue } from "../core/issue.js";
import { parseHandoffs, type Handoff, type HandoffInput } from "../handoff/index.js";

/**
 * A problem with one of a source's records, as an {@link Issue} whose `path` starts with the record's
 * index in the input and the source's own field name (`[3, "hs_meeting_start_time"]`), and with
 * `row`, the record's number as the source shows it: in a CSV export the spreadsheet's row (the
 * header is row 1, so the first record is row 2); in a list of webhook deliveries, the delivery's
 * position from 1. A `duplicate_row` issue also names, by `kept`, the index of the record that was
 * counted in its place, so a caller that joined several files into one input can say which file and
 * row that was.
 *
 * @example
 * ```ts
 * import type { AdapterIssue } from "handoff-kit/adapters";
 * const line = (issue: AdapterIssue): string => `row ${String(issue.row)}, ${issue.path.join(".")}: ${issue.message}`;
 * ```
 * @category Adapters
 */
export interface AdapterIssue extends Issue {
  readonly row: number;
  /** For a `duplicate_row` issue: the index in the input of the record kept instead. */
  readonly kept?: number;
}

/**
 * What an adapter made of a source's records: the handoffs, parsed and checked as `parseHandoffs`
 * checks them, and every problem, by row and field. A record that could not become a handoff has
 * at least one issue; one that became a handoff may have some too (an outcome the mapping does not
 * know, kept as scheduled), so nothing is dropped or changed silently.
 *
 * @example
 * ```ts
 * import type { AdapterResult } from "handoff-kit/adapters";
 * const summary = (result: AdapterResult): string =>
 *   `${String(result.handoffs.length)} handoffs, ${String(result.issues.length)} issues`;
 * ```
 * @category Adapters
 */
export interface AdapterResult {
  readonly handoffs: readonly Handoff[];
  readonly issues: readonly AdapterIssue[];
}

/** A handoff record assembled from source records, with the record to report problems at. */
export interface Assembled {
  readonly index: number;
  readonly row: number;
  readonly record: HandoffInput;
  /** The source's field for the record's id, where a repeat of the record is reported. */
  readonly idField: string;
  /** When this version of the record last changed (epoch ms), or undefined when the source does not say. */
  readonly version: number | undefined;
}

/**
 * Parses the assembled records (the same checks as any handoff) and keeps each record once: of the
 * versions that parse, the one that changed last (without a time, the later row), the others
 * reported as `duplicate_row` ("Meeting 9001 again": `noun` names what a record is). A problem the
 * handoff model finds is put at the source field that `fieldOf` names for its path, else at
 * `handoff` and the model's path.
 */
export function finishAdapter(
  assembled: readonly Assembled[],
  issues: readonly AdapterIssue[],
  fieldOf: (path: readonly (string | number)[], record: HandoffInput) => string | undefined,
  noun: string,
): AdapterResult {
  const batch = parseHandoffs(assembled.map((entry) => entry.record));
  const found: AdapterIssue[] = [...issues];
  for (const invalid of batch.invalid) {
    const from = assembled[invalid.index] as Assembled;
    for (const issue of invalid.issues) {
      const field = fieldOf(issue.path, from.record);
      found.push(
        field === undefined
          ? { ...issue, path: [from.index, "handoff", ...issue.path], row: from.row }
          : { ...issue, path: [from.index, field], row: from.row },
      );
    }
  }
  // The latest valid version of each record: later in time, or later in the input when either has no time.
  const kept = new Map<string, { position: number; entry: Assembled }>();
  const dropped: { entry: Assembled; over: Assembled }[] = [];
  for (const valid of batch.valid) {
    const entry = assembled[valid.index] as Assembled;
    const before = kept.get(valid.value.id);
    if (before === undefined) {
      kept.set(valid.value.id, { position: valid.index, entry });
      continue;
    }
    const newer =
      entry.version === undefined || before.entry.version === undefined || entry.version >= before.entry.version;
    if (newer) {
      dropped.push({ entry: before.entry, over: entry });
      kept.set(valid.value.id, { position: valid.index, entry });
    } else dropped.push({ entry, over: before.entry });
  }
  for (const { entry, over } of dropped) {
    const winner = kept.get(entry.record.id)?.entry ?? over;
    found.push({
      code: "duplicate_row",
      path: [entry.index, entry.idField],
      row: entry.row,
      kept: winner.index,
      message: `${noun} ${entry.record.id} again: row ${String(winner.row)} is kept, the later version`,
    });
  }
  found.sort((a, b) => a.row - b.row);
  const positions = new Set([...kept.values()].map((value) => value.position));
  return {
    handoffs: batch.valid.filter((valid) => positions.has(valid.index)).map((valid) => valid.value),
    issues: found,
  };
}
