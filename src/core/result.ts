import type { Issue } from "./issue.js";

/**
 * The outcome of checking untrusted input: the parsed value (with a warning for each field the model
 * does not know, when there are any), or every issue found.
 *
 * @example
 * ```ts
 * import { parseHandoff, type Result, type Handoff } from "handoff-kit";
 *
 * const result: Result<Handoff> = parseHandoff(JSON.parse('{"id": 1}'));
 * if (!result.ok) console.log(result.issues.map((issue) => issue.path.join(".")));
 * ```
 * @category Results and issues
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings?: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * How a parse function treats fields the model does not know. By default they are dropped and
 * reported as `warnings` (code `unknown_key`, with their path): CRM exports carry their own fields, and
 * refusing them would refuse every real export, but a typo (`brief.note` for `brief.notes`) must not
 * vanish unseen. With `strict: true` they are issues and the input is invalid.
 *
 * @example
 * ```ts
 * import { parseHandoff, type ParseOptions } from "handoff-kit";
 * const strict: ParseOptions = { strict: true };
 * const result = parseHandoff(JSON.parse('{"id": "h-1"}'), strict);
 * ```
 * @category Results and issues
 */
export interface ParseOptions {
  readonly strict?: boolean;
}

/**
 * A record of a batch that was valid, with its position in the input.
 *
 * @example
 * ```ts
 * import { parseHandoffs, type Handoff, type ValidRecord } from "handoff-kit";
 * const first: ValidRecord<Handoff> | undefined = parseHandoffs([]).valid[0];
 * ```
 * @category Results and issues
 */
export interface ValidRecord<T> {
  /** The record's position in the input. */
  readonly index: number;
  /** The parsed record. */
  readonly value: T;
  /** Fields the model does not know, dropped (see {@link ParseOptions}); absent when there are none. */
  readonly warnings?: readonly Issue[];
}

/**
 * A record of a batch that was not valid, with its position in the input and every issue.
 *
 * @example
 * ```ts
 * import { parseHandoffs, type InvalidRecord } from "handoff-kit";
 * const rejected: readonly InvalidRecord[] = parseHandoffs([{}]).invalid; // [{ index: 0, issues: [...] }]
 * ```
 * @category Results and issues
 */
export interface InvalidRecord {
  /** The record's position in the input. */
  readonly index: number;
  /** Every problem found in it, with paths relative to the record. */
  readonly issues: readonly Issue[];
}

/**
 * The outcome of checking many records: every valid one and every invalid one, each by its index in
 * the input, so nothing is dropped silently.
 *
 * @example
 * ```ts
 * import { parseHandoffs, type BatchResult, type Handoff } from "handoff-kit";
 *
 * const batch: BatchResult<Handoff> = parseHandoffs([{ id: "h-1" }]);
 * for (const bad of batch.invalid) console.log(`record ${String(bad.index)}: ${String(bad.issues.length)} issues`);
 * ```
 * @category Results and issues
 */
export interface BatchResult<T> {
  /** Every valid record, in input order. */
  readonly valid: readonly ValidRecord<T>[];
  /** Every invalid record, in input order. */
  readonly invalid: readonly InvalidRecord[];
}
