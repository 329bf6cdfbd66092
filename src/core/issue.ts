import type * as z from "zod";

/**
 * Where in the input a problem was found: object keys and array indexes from the root.
 *
 * @example
 * ```ts
 * import type { IssuePath } from "handoff-kit";
 * const path: IssuePath = ["events", 3, "score"];
 * ```
 * @category Results and issues
 */
export type IssuePath = readonly (string | number)[];

/**
 * Every code an {@link Issue} carries: zod's own (`invalid_type`, `too_small`, ...) and the library's
 * (a time zone, a window, a holiday range; a data issue of the scoreboard; a definition's problems),
 * so a switch over them can be exhaustive.
 *
 * @example
 * ```ts
 * import { ISSUE_CODES } from "handoff-kit";
 * ISSUE_CODES.includes("invalid_time_zone"); // true
 * ```
 * @category Results and issues
 */
export const ISSUE_CODES = [
  // zod's codes
  "invalid_type",
  "too_big",
  "too_small",
  "invalid_format",
  "not_multiple_of",
  "unrecognized_keys",
  "invalid_union",
  "invalid_key",
  "invalid_element",
  "invalid_value",
  "custom",
  // the library's codes on parsed input
  "end_before_start",
  "invalid_date",
  "invalid_time_zone",
  "invalid_window",
  "empty_window",
  "overlapping_windows",
  "invalid_range",
  "range_too_long",
  "multi_line",
  "duplicate_criterion",
  "duplicate_reason",
  "unknown_criterion",
  "unknown_key",
  "empty_definition",
  "invalid_grade",
  "incomplete_ratings",
  "invalid_review",
  // SLA evaluation
  "invalid_event",
  "unknown_event_type",
  "out_of_order",
  "after_now",
  "negative_duration",
  "no_deadline",
  // the scoreboard's data issues
  "invalid_record",
  "invalid_field",
  "inconsistent_row",
  "inconsistent_history",
  "missing_calendar",
  "other_currency",
  // the adapters' issues on a source's rows
  "missing_columns",
  "missing_value",
  "unknown_value",
  "missing_time_zone",
  "duplicate_row",
] as const;

/**
 * One of {@link ISSUE_CODES}.
 *
 * @example
 * ```ts
 * import type { IssueCode } from "handoff-kit";
 * const onTheRecord = (code: IssueCode): boolean => code !== "missing_calendar";
 * ```
 * @category Results and issues
 */
export type IssueCode = (typeof ISSUE_CODES)[number];

const KNOWN_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set(ISSUE_CODES);

/**
 * One problem found in untrusted input, as data a UI or a log can use.
 *
 * `code` is zod's issue code (`invalid_type`, `too_small`, ...) or one of the library's own
 * (`invalid_time_zone`, `end_before_start`, ...); `path` locates the bad field from the root.
 *
 * @example
 * ```ts
 * import { parseHandoffEvent, type Issue } from "handoff-kit";
 * const result = parseHandoffEvent({ type: "quality_rated", score: 7 });
 * const issues: readonly Issue[] = result.ok ? [] : result.issues;
 * ```
 * @category Results and issues
 */
export interface Issue {
  /** What kind of problem: zod's code or one of the library's own. */
  readonly code: IssueCode;
  /** Where the bad field is, from the root of the input. */
  readonly path: IssuePath;
  /** A sentence a person can act on. */
  readonly message: string;
}

/**
 * Converts zod's issues into the library's {@link Issue} shape. Custom refinements name their code in
 * `params.code`, so callers see a stable code rather than zod's generic `custom`.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: IssuePath = []): readonly Issue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))];
    // zod reports every unknown key of an object in one issue; name each bad field by its own path.
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({ code: issue.code, path: [...path, key], message: `Unknown key "${key}"` }));
    return [{ code: customCode(issue) ?? issue.code, path, message: issue.message }];
  });
}

/** The library's code a refinement names in `params.code`; one it does not list stays `custom`. */
function customCode(issue: z.core.$ZodIssue): IssueCode | undefined {
  if (issue.code !== "custom") return undefined;
  const code: unknown = issue.params?.["code"];
  return typeof code === "string" && KNOWN_CODES.has(code) ? (code as IssueCode) : undefined;
}

/** Renders an issue path as `a.b[2].c` for messages. */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${String(key)}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out === "" ? "(root)" : out;
}
