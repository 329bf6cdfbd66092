/**
 * A type issue worded as zod words it, for the checkers written without zod (a calendar spec's), so
 * that a caller sees one sentence for one problem whichever checker found it.
 */
export function typeIssueMessage(expected: string, input: unknown): string {
  return `Invalid input: expected ${expected}, received ${receivedName(input)}`;
}

/** The name zod gives a value's type: `NaN` and infinities by value, an instance by its class. */
function receivedName(input: unknown): string {
  if (typeof input === "number") return Number.isFinite(input) ? "number" : String(input);
  if (typeof input !== "object") return typeof input;
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (Object.getPrototypeOf(input) !== Object.prototype && "constructor" in input) {
    const constructor: unknown = input.constructor;
    if (constructor) return String((constructor as { readonly name?: unknown }).name);
  }
  return "object";
}
