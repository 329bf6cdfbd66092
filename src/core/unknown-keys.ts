import type { Issue } from "./issue.js";

const plainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * The fields an input holds that its parsed value does not: keys the schema dropped because the
 * model does not know them (`brief.note` for `brief.notes`, a CRM's own `hs_object_id`), each with its
 * path. Found by walking the input beside the parsed value, so it costs one pass over the input's keys
 * and knows nothing of the schema; the path is a stack copied only for a key it reports, so a clean
 * record allocates nothing. A key whose value is `undefined` is not reported: it says nothing.
 */
export function unknownKeys(input: unknown, parsed: unknown): Issue[] {
  const found: Issue[] = [];
  walk(input, parsed, [], found);
  return found;
}

function walk(input: unknown, parsed: unknown, path: (string | number)[], found: Issue[]): void {
  if (Array.isArray(input)) {
    if (!Array.isArray(parsed)) return;
    // Stryker disable next-line MethodExpression: equivalent: past the shorter list, walk meets undefined and returns
    const length = Math.min(input.length, parsed.length);
    // Stryker disable next-line EqualityOperator: equivalent: at index length walk meets undefined and returns
    for (let i = 0; i < length; i += 1) {
      const item: unknown = input[i];
      // Only containers can hold a dropped key; walk would return for anything else, so this is speed.
      // Stryker disable next-line ConditionalExpression,LogicalOperator: performance only: walk returns on a primitive
      if (typeof item !== "object" || item === null) continue;
      path.push(i);
      walk(item, parsed[i], path, found);
      path.pop();
    }
    return;
  }
  if (!plainObject(input) || !plainObject(parsed)) return;
  for (const key in input) {
    if (!Object.hasOwn(input, key)) continue;
    const value = input[key];
    if (value === undefined) continue;
    if (!Object.hasOwn(parsed, key)) {
      found.push({
        code: "unknown_key",
        path: [...path, key],
        message: `"${key}" is not a field of the model; it was dropped`,
      });
      continue;
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator: performance only: walk returns on a primitive
    if (typeof value !== "object" || value === null) continue;
    path.push(key);
    walk(value, parsed[key], path, found);
    path.pop();
  }
}
