import type * as z from "zod";

/**
 * Where in the input a problem was found: object keys and array indexes from the root.
 *
 * @example
 * ```ts
 * import type { IssuePath } from "handoff-kit";
 * const path: IssuePath = ["events", 3, "score"];
 * ```
 */
export type IssuePath = readonly (string | number)[];

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
 */
export interface Issue {
  /** What kind of problem: zod's code or one of the library's own. */
  readonly code: string;
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
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ code: issue.code, path: [...path, key], message: `Unknown key "${key}"` }));
    return [{ code: customCode(issue) ?? issue.code, path, message: issue.message }];
  });
}

function customCode(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== "custom") return undefined;
  const code: unknown = issue.params?.["code"];
  return typeof code === "string" ? code : undefined;
}

/** Renders an issue path as `a.b[2].c` for messages. */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${String(key)}]` : out === "" ? key : `.${key}`;
  return out === "" ? "(root)" : out;
}
