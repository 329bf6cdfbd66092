import { HandoffKitError } from "./error.js";
import { describeValue } from "./describe-value.js";

/** One second in ms. */
export const SECOND = 1_000;
/** One minute in ms. */
export const MINUTE = 60_000;
/** One hour in ms. */
export const HOUR = 3_600_000;
/** One 24-hour day in ms. */
export const DAY = 86_400_000;

/**
 * A span of real time in milliseconds, the unit every handoff-kit duration uses.
 *
 * @example
 * ```ts
 * import { hours, minutes, type Milliseconds } from "handoff-kit";
 * const acknowledgeWithin: Milliseconds = hours(1) + minutes(30);
 * ```
 * @category Durations and instants
 */
export type Milliseconds = number;

function scaled(amount: number, factor: number, unit: string): Milliseconds {
  // Number.isFinite is false for every non-number too (no coercion), which untyped callers send.
  if (!Number.isFinite(amount)) {
    throw new HandoffKitError("invalid_duration", { detail: `${unit}(${describeValue(amount)})` });
  }
  return amount * factor;
}

/**
 * A duration of `n` seconds, in milliseconds.
 *
 * @example
 * ```ts
 * import { seconds } from "handoff-kit";
 * seconds(90); // 90_000
 * ```
 * @category Durations and instants
 */
export function seconds(n: number): Milliseconds {
  return scaled(n, 1_000, "seconds");
}

/**
 * A duration of `n` minutes, in milliseconds.
 *
 * @example
 * ```ts
 * import { minutes } from "handoff-kit";
 * minutes(30); // 1_800_000
 * ```
 * @category Durations and instants
 */
export function minutes(n: number): Milliseconds {
  return scaled(n, MINUTE, "minutes");
}

/**
 * A duration of `n` hours, in milliseconds. With the SLA functions these are hours of business time.
 *
 * @example
 * ```ts
 * import { hours } from "handoff-kit";
 * hours(48); // 172_800_000
 * ```
 * @category Durations and instants
 */
export function hours(n: number): Milliseconds {
  return scaled(n, HOUR, "hours");
}

/**
 * A duration of `n` 24-hour days, in milliseconds. This is elapsed time, not calendar days in a zone
 * (a DST night has 23 or 25 hours) and not business days; the `sla` module counts those.
 *
 * @example
 * ```ts
 * import { days } from "handoff-kit";
 * days(2); // 172_800_000
 * ```
 * @category Durations and instants
 */
export function days(n: number): Milliseconds {
  return scaled(n, DAY, "days");
}
