import type * as z from "zod";
import { HandoffKitError } from "./error.js";
import { fromZodIssues } from "./issue.js";
import type { BatchResult, InvalidRecord, Result, ValidRecord } from "./result.js";

/** Checks untrusted input against a schema; never throws on data. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fromZodIssues(parsed.error.issues) };
}

/**
 * Checks every record of a batch, keeping each valid one and reporting each invalid one by index.
 * Passing something that is not an array is misuse, not bad data, so it throws.
 */
export function parseBatchWith<S extends z.ZodType>(schema: S, inputs: readonly unknown[], what: string): BatchResult<z.output<S>> {
  if (!Array.isArray(inputs)) throw new HandoffKitError("invalid_argument", { detail: `${what} must be an array` });
  const valid: ValidRecord<z.output<S>>[] = [];
  const invalid: InvalidRecord[] = [];
  inputs.forEach((input: unknown, index) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) valid.push({ index, value: parsed.data });
    else invalid.push({ index, issues: fromZodIssues(parsed.error.issues) });
  });
  return { valid, invalid };
}
