import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import type { Handoff, HandoffEvent } from "../handoff/index.js";
import type { AdapterIssue } from "./adapter-result.js";
import { bookedAt } from "./booking-windows.js";

// A CRM's owner history read as a handoff's rep and its reassignments, the same way for HubSpot's
// property history and Salesforce's LeadHistory: the owner in effect at the booking is the rep, each
// later change to another owner a `reassigned` event.

/** One value an owner field took, from one history row. */
export interface OwnerChange {
  /** The row's index in its table, where an issue with it is reported. */
  readonly index: number;
  readonly ms: number;
  /** The new owner's id; undefined when the field was cleared or given to no rep. */
  readonly owner: string | undefined;
  /** What the owner became when it is no rep ("cleared", "given to queue 00G…"). */
  readonly gone?: string;
  readonly by: string;
}

/** Reports an issue with one history row. */
export type OwnerChangeProblem = (
  index: number,
  code: Extract<AdapterIssue["code"], "missing_value" | "inconsistent_history">,
  message: string,
) => void;

/** How to read one handoff's owner changes. */
export interface OwnerChangeReading {
  readonly role: "ae" | "sdr";
  /** Names by owner id, for an owner the handoff does not name. */
  readonly names: ReadonlyMap<string, string>;
  readonly problem: OwnerChangeProblem;
  /** Changes from this instant on belong to a later handoff of the same record (its next booking). */
  readonly until?: number;
  /** Whether a history that ends with another owner than the handoff names is an issue. */
  readonly checkEnd: boolean;
}

/**
 * One handoff with its owner changes: its rep at booking, and a `reassigned` for each later change.
 * The handoff itself when the changes change nothing.
 */
export function withOwnerChanges(handoff: Handoff, changes: OwnerChange[], reading: OwnerChangeReading): Handoff {
  const { role, names, problem, until = Number.POSITIVE_INFINITY } = reading;
  // In time; the sort is stable and the rows were read in order, so one instant keeps the file's order.
  changes.sort((a, b) => a.ms - b.ms);
  const booked = bookedAt(handoff);
  let initial: string | undefined;
  let owner: string | undefined;
  let last: OwnerChange | undefined;
  const reassigned: HandoffEvent[] = [];
  for (const change of changes) {
    if (change.ms >= until) break;
    last = change;
    if (change.owner === undefined) {
      if (change.ms > booked)
        problem(
          change.index,
          "missing_value",
          `The owner was ${change.gone ?? "cleared"}: the handoff stays with ${owner ?? "its rep"}`,
        );
      continue;
    }
    if (change.ms <= booked || owner === undefined) {
      // Up to the booking (or the first value the CRM kept), the owner is who the handoff starts with.
      owner = initial = change.owner;
      continue;
    }
    if (change.owner === owner) continue;
    owner = change.owner;
    reassigned.push({
      // Two changes in one instant are two events: the new owner keeps their ids apart, the row their order.
      id: `${handoff.id}:reassigned:${String(change.ms)}:${change.owner}`,
      seq: change.index,
      type: "reassigned",
      at: new Date(change.ms),
      by: change.by,
      role,
      to: change.owner,
    });
  }
  if (reading.checkEnd && last !== undefined && owner !== undefined && owner !== handoff[role].id)
    problem(
      last.index,
      "inconsistent_history",
      `The history ends with owner ${owner}, the handoff names ${handoff[role].id}: ` +
        "the two exports were taken at different times? The history is read",
    );
  if (initial === undefined) return handoff;
  const rep = initial === handoff[role].id ? handoff[role] : { id: initial, name: names.get(initial) ?? initial };
  if (rep === handoff[role] && reassigned.length === 0) return handoff;
  const events = [...handoff.events, ...reassigned].sort((a, b) => a.at.getTime() - b.at.getTime());
  return { ...handoff, [role]: rep, events };
}

/**
 * Names by owner id from an option (`owners`, `users`), checked: each a name. The handoffs' own
 * names are added by the caller, and win.
 */
export function ownerNamesOf(given: unknown, fn: string, name: string): Map<string, string> {
  const owners: unknown = given ?? {};
  if (!isRecord(owners))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.${name} must be an object of names by owner id: ${describeValue(owners)}`,
    });
  for (const [id, value] of Object.entries(owners) as [string, unknown][])
    if (typeof value !== "string" || value.trim() === "")
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: options.${name}[${JSON.stringify(id)}] must be a name: ${describeValue(value)}`,
      });
  return new Map(Object.entries(owners as Record<string, string>));
}

/** Whose handoff an owner field names, checked: `ae` or `sdr`. */
export function ownerRoleOf(given: unknown, fallback: "ae" | "sdr", fn: string, name: string): "ae" | "sdr" {
  const role = given ?? fallback;
  if (role !== "ae" && role !== "sdr")
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.${name} must be ae or sdr: ${describeValue(role)}`,
    });
  return role;
}
