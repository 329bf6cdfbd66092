import { describeValue } from "./describe-value.js";
import { HandoffKitError } from "./error.js";

/**
 * An instant as callers pass it: a `Date` or epoch milliseconds. Results always come back as `Date`.
 *
 * @example
 * ```ts
 * import type { InstantInput } from "handoff-kit";
 * const now: InstantInput = Date.UTC(2026, 10, 21, 14, 0);
 * const sameNow: InstantInput = new Date("2026-11-21T14:00:00Z");
 * ```
 * @category Durations and instants
 */
export type InstantInput = Date | number;

/** ECMAScript's Date range: ±100,000,000 days around the epoch. */
export const MAX_EPOCH_MS = 8.64e15;

/** Whether epoch milliseconds name an instant a `Date` can hold. */
export const inDateRange = (ms: number): boolean => Math.abs(ms) <= MAX_EPOCH_MS;

/**
 * Reads an instant argument as epoch milliseconds, throwing `invalid_instant` for `NaN`, an invalid
 * `Date`, or a number outside the `Date` range: silently computing with `NaN` would corrupt every
 * deadline downstream.
 */
export function toEpochMs(input: InstantInput, name = "instant"): number {
  const ms = input instanceof Date ? input.getTime() : input;
  // Number.isFinite is false for anything but a number, so an untyped caller's string is refused here too.
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) {
    throw new HandoffKitError("invalid_instant", { detail: `${name}: ${describeValue(input)}` });
  }
  return ms;
}
