import type * as z from "zod";
import { HandoffKitError } from "./error.js";
import { fromZodIssues } from "./issue.js";
import type { BatchResult, InvalidRecord, ParseOptions, Result, ValidRecord } from "./result.js";
import { optionsOf } from "./guards.js";
import { unknownKeys } from "./unknown-keys.js";

/** Checks untrusted input against a schema; never throws on data. Unknown fields: see `ParseOptions`. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseOptions = {},
): Result<z.output<S>> {
  const { strict } = optionsOf(options, "parse");
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const unknown = unknownKeys(input, parsed.data);
  if (unknown.length === 0) return { ok: true, value: parsed.data };
  return strict === true ? { ok: false, issues: unknown } : { ok: true, value: parsed.data, warnings: unknown };
}

/**
 * Checks every record of a batch, keeping each valid one and reporting each invalid one by index.
 * Passing something that is not an array is misuse, not bad data, so it throws.
 */
export function parseBatchWith<S extends z.ZodType>(
  schema: S,
  inputs: readonly unknown[],
  what: string,
  options: ParseOptions = {},
): BatchResult<z.output<S>> {
  if (!Array.isArray(inputs)) throw new HandoffKitError("invalid_argument", { detail: `${what} must be an array` });
  optionsOf(options, "parse");
  const valid: ValidRecord<z.output<S>>[] = [];
  const invalid: InvalidRecord[] = [];
  inputs.forEach((input: unknown, index) => {
    const result = parseWith(schema, input, options);
    if (result.ok)
      valid.push(
        result.warnings === undefined
          ? { index, value: result.value }
          : { index, value: result.value, warnings: result.warnings },
      );
    else invalid.push({ index, issues: result.issues });
  });
  return { valid, invalid };
}
