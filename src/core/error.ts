import { ERROR_MESSAGES, MESSAGE_PREFIX, type ErrorCode } from "./messages.js";
import { formatPath, type Issue } from "./issue.js";

/**
 * What a {@link HandoffKitError} may carry besides its code.
 *
 * @example
 * ```ts
 * import type { HandoffKitErrorDetails } from "handoff-kit";
 * const details: HandoffKitErrorDetails = { detail: "timeZone: Mars/Olympus", issues: [] };
 * ```
 * @category Errors
 */
export interface HandoffKitErrorDetails {
  /** The problems found, each with the path of the bad field. */
  readonly issues?: readonly Issue[];
  /** A short, specific addition to the code's message (the bad value, the argument's name). */
  readonly detail?: string;
  /** The underlying error, when there is one. */
  readonly cause?: unknown;
}

const SHOWN_ISSUES = 3;

// A registry-wide brand, so `instanceof` holds even when a process loads two copies of the library
// (its ESM and its CommonJS build, or two versions in one dependency tree).
const BRAND = Symbol.for("handoff-kit.HandoffKitError");

/**
 * The one error class handoff-kit throws, and only for misuse: an impossible configuration, an
 * invalid instant, a calendar that can never be open. Bad data from a CRM is never thrown; it comes
 * back as a result with issues.
 *
 * @example
 * ```ts
 * import { HandoffKitError, hours } from "handoff-kit";
 *
 * try {
 *   hours(Number.NaN);
 * } catch (error) {
 *   if (error instanceof HandoffKitError) console.log(error.code); // "invalid_duration"
 * }
 * ```
 * @category Errors
 */
export class HandoffKitError extends Error {
  /** Which kind of misuse this is; stable across versions, unlike the message. */
  readonly code: ErrorCode;
  /** The problems found, each with the path of the bad field (empty when there is no field). */
  readonly issues: readonly Issue[];

  constructor(code: ErrorCode, details: HandoffKitErrorDetails = {}) {
    super(composeMessage(code, details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "HandoffKitError";
    this.code = code;
    this.issues = details.issues ?? [];
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for any handoff-kit error, whichever copy of the library created it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && BRAND in value;
  }
}

function composeMessage(code: ErrorCode, { detail, issues = [] }: HandoffKitErrorDetails): string {
  let message = `${MESSAGE_PREFIX} ${code}: ${ERROR_MESSAGES[code]}`;
  if (detail !== undefined) message += ` (${detail})`;
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  if (shown.length > 0) message += `: ${shown.join("; ")}`;
  if (issues.length > SHOWN_ISSUES) message += `; and ${String(issues.length - SHOWN_ISSUES)} more`;
  return message;
}
