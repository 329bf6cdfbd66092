import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import type { Handoff } from "./handoff.js";
import { unparsedField } from "./unparsed.js";

/**
 * Throws `invalid_argument` unless `value` has the shape of a parsed handoff (the parts every typed
 * function reads: the reps, prospect, account and brief as objects, the events as a list of records
 * whose instants are not text). Typed code always passes; a record straight from a CRM is named
 * with the fix, `parseHandoff`.
 */
export function requireHandoff(value: unknown, fn: string): asserts value is Handoff {
  const problem = handoffProblem(value);
  if (problem !== undefined) throw new HandoffKitError("invalid_argument", { detail: `${fn} expects a parsed handoff (parseHandoff): ${problem}` });
}

function handoffProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `the handoff is ${describeValue(value)}`;
  const record = value as Partial<Record<keyof Handoff, unknown>>;
  if (typeof record.id !== "string") return `id is ${describeValue(record.id)}`;
  for (const part of ["sdr", "ae", "prospect", "account", "brief"] as const) {
    if (!isRecord(record[part])) return `${part} is ${describeValue(record[part])}`;
  }
  if (!Array.isArray(record.events)) return `events is ${describeValue(record.events)}`;
  const at = record.events.findIndex((event: unknown) => !isRecord(event));
  if (at >= 0) return `events[${String(at)}] is ${describeValue(record.events[at])}`;
  const unparsed = unparsedField(value);
  return unparsed === undefined ? undefined : `it has ${unparsed}`;
}
