import { HandoffKitError } from "./error.js";
import { describeValue } from "./describe-value.js";

/** Whether a value from untyped code is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
  if (typeof value !== "string") throw new HandoffKitError("invalid_argument", { detail: `${name} must be a string: ${describeValue(value)}` });
}

/** {@link requireText} for an optional argument: undefined passes. */
export function requireOptionalText(value: unknown, name: string): asserts value is string | undefined {
  if (value !== undefined) requireText(value, name);
}
