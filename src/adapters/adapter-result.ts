import type { Issue } from "../core/issue.js";
import { parseHandoffs, type Handoff, type HandoffInput } from "../handoff/index.js";

/**
 * A problem with one of a source's records, as an {@link Issue} whose `path` starts with the record's
 * index in the input and the source's own field name (`[3, "hs_meeting_start_time"]`), and with
 * `row`, the record's number as the source shows it: in a CSV export the spreadsheet's row (the
 * header is row 1, so the first record is row 2); in a list of webhook deliveries, the delivery's
 * position from 1.
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

/** A handoff record assembled from source records, with the first of them to report problems at. */
export interface Assembled {
  readonly index: number;
  readonly row: number;
  readonly record: HandoffInput;
}

/**
 * Parses the assembled records (the same checks as any handoff), and puts their problems beside the
 * adapter's own, each at the record it came from: a field of the handoff record is named by its
 * path under `handoff`, as the source has no column for it.
 */
export function finishAdapter(assembled: readonly Assembled[], issues: readonly AdapterIssue[]): AdapterResult {
  const batch = parseHandoffs(assembled.map((entry) => entry.record));
  const found: AdapterIssue[] = [...issues];
  for (const invalid of batch.invalid) {
    const from = assembled[invalid.index] as Assembled;
    for (const issue of invalid.issues)
      found.push({ ...issue, path: [from.index, "handoff", ...issue.path], row: from.row });
  }
  found.sort((a, b) => a.row - b.row);
  return { handoffs: batch.valid.map((valid) => valid.value), issues: found };
}
