/** Whether a value from untyped code is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
