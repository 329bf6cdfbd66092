import { HandoffKitError } from "./error.js";
import { describeValue } from "./describe-value.js";

/** Whether a value from untyped code is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a value from untyped code can be iterated with for...of (an array, a Set, a generator's result). */
export function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.iterator in value;
}

/**
 * The value a record holds under `key` as its own property, or undefined: a lookup keyed by data
 * must not find what every object inherits (`constructor`, `toString`, `__proto__`).
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Throws `invalid_argument` unless `value` is a string: text from untyped code given to a typed text
 * function (a note that is null, a number, an object) is misuse, answered with the argument's name
 * rather than a `TypeError` from inside.
 */
export function requireText(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string")
    throw new HandoffKitError("invalid_argument", { detail: `${name} must be a string: ${describeValue(value)}` });
}

/** Whether a value is an id as `idSchema` accepts one: a string that is not empty. */
export const isId = (value: unknown): value is string => typeof value === "string" && value.length > 0;

/** {@link requireText} for an optional argument: undefined passes. */
export function requireOptionalText(value: unknown, name: string): asserts value is string | undefined {
  if (value !== undefined) requireText(value, name);
}

/**
 * Throws `invalid_argument` unless `value` is an object (not null, not an array): typed code never
 * passes anything else, so a careless call is named with its function and argument instead of
 * meeting a `TypeError` inside.
 */
export function requireObject(value: unknown, fn: string, name: string): asserts value is object {
  if (!isRecord(value))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: ${name} must be an object: ${describeValue(value)}`,
    });
}

/** Throws `invalid_argument` unless `value` is an array. */
export function requireList(value: unknown, fn: string, name: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: ${name} must be an array: ${describeValue(value)}`,
    });
}

/**
 * Throws `invalid_argument` naming the first item of a list that fails `ok`, with what it should be
 * (`requirement`, such as "must have a string id"): a list of entries from untyped code.
 */
export function requireEach(
  list: readonly unknown[],
  ok: (item: unknown) => boolean,
  fn: string,
  name: string,
  requirement: string,
): void {
  const bad = list.findIndex((item) => !ok(item));
  if (bad >= 0)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: ${name}[${String(bad)}] ${requirement}: ${describeValue(list[bad])}`,
    });
}

/** An options argument: `undefined` is no options; anything but an object is misuse. */
export function optionsOf<T extends object>(value: T | undefined, fn: string): T | Partial<T> {
  if (value === undefined) return {};
  requireObject(value, fn, "options");
  return value;
}

/**
 * Throws `invalid_argument`, naming `name` (`fn: options.size`), unless `value` is a whole number at
 * least `min` and at most `max` (each bound optional).
 */
export function requireWholeNumber(value: unknown, name: string, min?: number, max?: number): asserts value is number {
  if (Number.isInteger(value) && !((value as number) < (min ?? -Infinity)) && !((value as number) > (max ?? Infinity)))
    return;
  let range = "";
  if (min !== undefined && max !== undefined) range = ` from ${String(min)} to ${String(max)}`;
  else if (min !== undefined) range = `, ${String(min)} or more`;
  else if (max !== undefined) range = `, ${String(max)} or less`;
  throw new HandoffKitError("invalid_argument", {
    detail: `${name} must be a whole number${range}: ${describeValue(value)}`,
  });
}

/** Throws `invalid_argument` unless each named value is a number (NaN included: ranges are the caller's to check). */
export function requireNumbers(fn: string, values: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "number")
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: ${name} must be a number: ${describeValue(value)}`,
      });
  }
}
