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
