import { isRecord } from "../core/guards.js";

/**
 * Where a record shows it was never parsed (`events[0].at as a string`), or undefined: a record
 * whose instants are still text came straight from a CRM export or a webhook. Functions that take
 * parsed handoffs treat that as misuse, naming the fix, rather than as data to report quietly.
 */
export function unparsedField(record: unknown): string | undefined {
  if (!isRecord(record)) return undefined;
  const { events, createdAt } = record as { events?: unknown; createdAt?: unknown };
  if (Array.isArray(events)) {
    // Stryker disable next-line EqualityOperator: equivalent: events[length] is undefined, which has no instant
    for (let i = 0; i < events.length; i += 1) {
      const event: unknown = events[i];
      const at: unknown = isRecord(event) ? (event as { at?: unknown }).at : undefined;
      if (typeof at === "string" || typeof at === "number") return `events[${String(i)}].at as a ${typeof at}`;
    }
  }
  return typeof createdAt === "string" ? "createdAt as a string" : undefined;
}
