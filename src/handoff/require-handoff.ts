import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import { isValidDate } from "../core/shape.js";
import { HANDOFF_EVENT_TYPES, type HandoffEvent } from "./events.js";
import type { Handoff } from "./handoff.js";
import { unparsedField } from "./unparsed.js";

/**
 * Throws `invalid_argument` unless `value` has the shape of a parsed handoff: the parts every typed
 * function reads (the id; the reps', prospect's and account's names; the brief; the meeting's instants
 * when there is one; the events as a list of known types at valid instants, a booking's or
 * reschedule's slot among them). Typed code always passes; a record straight from a CRM is named with
 * the fix, `parseHandoff`, and a parsed one changed by hand or read back from storage with the part
 * that is wrong. The rules on values (an email's form, a slot that ends after it starts) are
 * `parseHandoff`'s to check.
 */
export function requireHandoff(value: unknown, fn: string): asserts value is Handoff {
  const problem = handoffProblem(value);
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn} expects a parsed handoff (parseHandoff): ${problem}`,
    });
}

/**
 * Throws `invalid_argument` unless `value` is an array of parsed handoffs, naming the function and
 * the first record that is not one.
 */
export function requireHandoffs(value: unknown, fn: string): asserts value is readonly Handoff[] {
  if (!Array.isArray(value))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn} expects an array of parsed handoffs (parseHandoffs)`,
    });
  value.forEach((handoff: unknown, index) => {
    requireHandoff(handoff, `${fn} (record ${String(index)})`);
  });
}

const KNOWN_TYPES: ReadonlySet<unknown> = /* @__PURE__ */ new Set(HANDOFF_EVENT_TYPES);

/** What in a value from untyped code is not what `parseHandoff` returns, or undefined (see {@link requireHandoff}). */
export function handoffProblem(value: unknown): string | undefined {
  return shapeProblem(value, true);
}

/**
 * {@link handoffProblem} for a caller that asked `unparsedField` first (the scoreboard, which throws
 * for a record never parsed): the events are not walked for it twice.
 */
export function parsedHandoffProblem(value: unknown): string | undefined {
  // Stryker disable next-line BooleanLiteral: performance only: its callers have asked already
  return shapeProblem(value, false);
}

function shapeProblem(value: unknown, askUnparsed: boolean): string | undefined {
  if (!isRecord(value)) return `the handoff is ${describeValue(value)}`;
  const record = value as Partial<Record<keyof Handoff, unknown>>;
  if (typeof record.id !== "string") return `id is ${describeValue(record.id)}`;
  for (const part of PARTS) {
    if (!isRecord(record[part])) return `${part} is ${describeValue(record[part])}`;
  }
  const named = namedProblem(record);
  if (named !== undefined) return named;
  // Instants still in text are a record that skipped parsing: say so before any field is judged.
  const unparsed = askUnparsed ? unparsedField(value) : undefined;
  if (unparsed !== undefined) return `it has ${unparsed}`;
  const records = recordsProblem(record);
  if (records !== undefined) return records;
  if (record.meeting !== undefined) {
    const slot = slotProblem(record.meeting);
    if (slot !== undefined) return `meeting${slot}`;
  }
  if (!Array.isArray(record.events)) return `events is ${describeValue(record.events)}`;
  // Runs on every call of the hot paths (summarize, the scoreboard): no path is built unless needed.
  const events: readonly unknown[] = record.events;
  for (let index = 0; index < events.length; index += 1) {
    const problem = eventProblem(events[index]);
    if (problem !== undefined) return `events[${String(index)}]${problem}`;
  }
  return undefined;
}

const PARTS = ["sdr", "ae", "prospect", "account", "brief"] as const;

/** The names a brief, an email and a report show: each a string. */
const NAMES = [
  ["sdr", "id"],
  ["sdr", "name"],
  ["ae", "id"],
  ["ae", "name"],
  ["prospect", "name"],
  ["account", "name"],
] as const;

function namedProblem(record: Partial<Record<keyof Handoff, unknown>>): string | undefined {
  for (const [part, field] of NAMES) {
    const text = (record[part] as Record<string, unknown>)[field];
    if (typeof text !== "string") return `${part}.${field} is ${describeValue(text)}`;
  }
  return undefined;
}

/** What is wrong with a meeting slot, as the rest of a message after its path, or undefined. */
function slotProblem(slot: unknown): string | undefined {
  if (!isRecord(slot)) return ` is ${describeValue(slot)}`;
  const { start, end } = slot as { start?: unknown; end?: unknown };
  if (!isValidDate(start)) return `.start is ${describeValue(start)}, not a valid Date`;
  return isValidDate(end) ? undefined : `.end is ${describeValue(end)}, not a valid Date`;
}

/**
 * Throws `invalid_argument` unless `value` has the shape of a parsed event: a string id and the
 * fields the lifecycle reads (see {@link requireHandoff}).
 */
export function requireEvent(value: unknown, call: string): asserts value is HandoffEvent {
  const id = (isRecord(value) ? value : {}) as { id?: unknown };
  const problem = typeof id.id === "string" ? eventProblem(value) : `.id is ${describeValue(id.id)}`;
  if (problem !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${call} expects a parsed event (parseHandoffEvent): the event${problem}`,
    });
}

/** What is wrong with an event, as the rest of a message after its path, or undefined. */
function eventProblem(event: unknown): string | undefined {
  if (!isRecord(event)) return ` is ${describeValue(event)}`;
  const { type, at, meeting } = event as { type?: unknown; at?: unknown; meeting?: unknown };
  if (!KNOWN_TYPES.has(type)) return `.type is ${describeValue(type)}, not a handoff event type`;
  if (!isValidDate(at)) return `.at is ${describeValue(at)}, not a valid Date`;
  if (type === "booked" || type === "rescheduled") {
    const slot = slotProblem(meeting);
    return slot === undefined ? undefined : `.meeting${slot}`;
  }
  const fields = event as Record<string, unknown>;
  if (type === "rejected" || type === "recycled") {
    if (typeof fields["reason"] !== "string") return `.reason is ${describeValue(fields["reason"])}, not a reason code`;
    if (type === "recycled" && !isValidDate(fields["nextTouchAt"]))
      return `.nextTouchAt is ${describeValue(fields["nextTouchAt"])}, not a valid Date`;
  }
  if (type === "reassigned" && typeof fields["to"] !== "string")
    return `.to is ${describeValue(fields["to"])}, not a rep id`;
  return undefined;
}

/** The qualification record the booking gate reads, and the brief's touches summarize reads. */
function recordsProblem(record: Partial<Record<keyof Handoff, unknown>>): string | undefined {
  const qualification = record.qualification;
  if (qualification !== undefined) {
    const { framework, evidence } = (isRecord(qualification) ? qualification : {}) as {
      framework?: unknown;
      evidence?: unknown;
    };
    if (typeof framework !== "string" || !isRecord(evidence))
      return `qualification is ${describeValue(qualification)}, not { framework, evidence }`;
  }
  const engagement = (record.brief as { engagement?: unknown }).engagement;
  if (engagement === undefined) return undefined;
  if (!Array.isArray(engagement)) return `brief.engagement is ${describeValue(engagement)}`;
  const bad = engagement.findIndex(
    (touch: unknown) => !isRecord(touch) || !isValidDate((touch as { at?: unknown }).at),
  );
  return bad < 0
    ? undefined
    : `brief.engagement[${String(bad)}] is ${describeValue(engagement[bad])}, not a touch with a valid Date`;
}
