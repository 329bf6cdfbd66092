import { parseBatchWith, parseWith } from "../core/parse.js";
import type { BatchResult, ParseOptions, Result } from "../core/result.js";
import { briefSchema, type Brief } from "./brief.js";
import { handoffEventSchema, type HandoffEvent } from "./events.js";
import { handoffSchema, type Handoff } from "./handoff.js";

/**
 * Checks one untrusted handoff record (from a CRM, JSON or CSV). Never throws on data: the result
 * holds the parsed handoff or every issue with the path of the bad field.
 *
 * @example
 * ```ts
 * import { parseHandoff } from "handoff-kit/handoff";
 *
 * const result = parseHandoff({ id: "h-1", source: "cold-call" });
 * if (!result.ok) {
 *   for (const issue of result.issues) console.log(issue.path.join("."), issue.message);
 * }
 * ```
 * @category Parsing
 */
export function parseHandoff(input: unknown, options: ParseOptions = {}): Result<Handoff> {
  return parseWith(handoffSchema, input, options, "parseHandoff");
}

/**
 * Checks many untrusted handoff records at once. Every valid record is returned and every invalid one
 * is reported by its index, so nothing is dropped silently. Throws `invalid_argument` only when
 * `inputs` is not an array.
 *
 * @example
 * ```ts
 * import { parseHandoffs } from "handoff-kit/handoff";
 *
 * const records: unknown[] = JSON.parse('[{"id": "h-1"}]');
 * const { valid, invalid } = parseHandoffs(records);
 * console.log(`${String(valid.length)} valid, ${String(invalid.length)} invalid`);
 * ```
 * @category Parsing
 */
export function parseHandoffs(inputs: readonly unknown[], options: ParseOptions = {}): BatchResult<Handoff> {
  return parseBatchWith(handoffSchema, inputs, options, "parseHandoffs", "handoffs");
}

/**
 * Checks one untrusted handoff event, such as a CRM webhook payload.
 *
 * @example
 * ```ts
 * import { parseHandoffEvent } from "handoff-kit/handoff";
 *
 * const result = parseHandoffEvent({
 *   id: "e-3",
 *   type: "quality_rated",
 *   at: "2026-11-05T16:00:00Z",
 *   by: "ae-omar",
 *   score: 7,
 *   note: "x",
 * });
 * result.ok; // false: the score must be 1-5
 * ```
 * @category Parsing
 */
export function parseHandoffEvent(input: unknown, options: ParseOptions = {}): Result<HandoffEvent> {
  return parseWith(handoffEventSchema, input, options, "parseHandoffEvent");
}

/**
 * Checks one untrusted handoff brief. A brief with missing fields still parses: completeness is the
 * rubric's verdict, not a parse error.
 *
 * @example
 * ```ts
 * import { parseBrief } from "handoff-kit/handoff";
 * const result = parseBrief({ notes: "Interested, wants demo", quotes: "not a list" });
 * result.ok; // false: quotes must be a list of strings
 * ```
 * @category Parsing
 */
export function parseBrief(input: unknown, options: ParseOptions = {}): Result<Brief> {
  return parseWith(briefSchema, input, options, "parseBrief");
}
