import type * as z from "zod";
import { fromZodIssues } from "./issue.js";
import type { BatchResult, InvalidRecord, ParseOptions, Result, ValidRecord } from "./result.js";
import { optionsOf, requireList } from "./guards.js";
import { unknownKeys } from "./unknown-keys.js";

/**
 * Checks untrusted input against a schema; never throws on data. Unknown fields: see `ParseOptions`.
 * `fn` names the public function in a misuse error.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseOptions,
  fn: string,
): Result<z.output<S>> {
  return parseChecked(
    (value) => {
      const parsed = schema.safeParse(value);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, issues: fromZodIssues(parsed.error.issues) };
    },
    input,
    options,
    fn,
  );
}

/**
 * `parseWith` for a checker written without zod (one that must stay small in a bundle): the same
 * options, and the same warnings for the fields the checked value does not keep.
 */
export function parseChecked<T>(
  check: (input: unknown) => Result<T>,
  input: unknown,
  options: ParseOptions,
  fn: string,
): Result<T> {
  const { strict } = optionsOf(options, fn);
  const checked = check(input);
  if (!checked.ok) return checked;
  const unknown = unknownKeys(input, checked.value);
  if (unknown.length === 0) return { ok: true, value: checked.value };
  return strict === true ? { ok: false, issues: unknown } : { ok: true, value: checked.value, warnings: unknown };
}

/**
 * Checks every record of a batch, keeping each valid one and reporting each invalid one by index.
 * Passing something that is not an array is misuse, not bad data, so it throws.
 */
export function parseBatchWith<S extends z.ZodType>(
  schema: S,
  inputs: readonly unknown[],
  options: ParseOptions,
  fn: string,
  what: string,
): BatchResult<z.output<S>> {
  requireList(inputs, fn, what);
  optionsOf(options, fn);
  const valid: ValidRecord<z.output<S>>[] = [];
  const invalid: InvalidRecord[] = [];
  inputs.forEach((input: unknown, index) => {
    const result = parseWith(schema, input, options, fn);
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
