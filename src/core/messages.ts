/**
 * Every message the library prints for misuse lives here, behind one prefix, so that wording is
 * reviewed in one place and pinned by tests (`test/core/messages.test.ts`).
 */
export const MESSAGE_PREFIX = "[handoff-kit]";

/**
 * A code naming one kind of misuse; stable across versions, unlike the messages.
 *
 * @example
 * ```ts
 * import { HandoffKitError, type ErrorCode } from "handoff-kit";
 * const isZoneError = (error: HandoffKitError): boolean => error.code === ("invalid_time_zone" satisfies ErrorCode);
 * ```
 * @category Errors
 */
export type ErrorCode =
  | "invalid_argument"
  | "invalid_instant"
  | "invalid_duration"
  | "invalid_time_zone"
  | "invalid_calendar"
  | "calendar_never_open"
  | "beyond_date_range"
  | "invalid_config";

/** The message for each error code. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  invalid_argument: "An argument is not what the function accepts",
  invalid_instant: "An instant must be a valid Date or finite epoch milliseconds",
  invalid_duration: "A duration must be a finite number of milliseconds",
  invalid_time_zone: "Unknown IANA time zone",
  invalid_calendar: "The calendar specification is invalid",
  calendar_never_open: "The calendar is never open, so no business time can accrue",
  beyond_date_range: "The answer lies past an end of the Date range (100,000,000 days either side of 1970)",
  invalid_config: "The configuration is invalid",
};
