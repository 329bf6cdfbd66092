import { describeValue } from "../core/describe-value.js";
import { isRecord } from "../core/guards.js";
import { createTally } from "./tally.js";

/**
 * What in a group of a snapshot's data is not what `snapshotAccumulator` wrote (the rest of a
 * message after the group's path), or undefined. A tally is compared, field by field, with a fresh
 * one for the same number of policies: a count must be a count, a list of counts as long, a map a
 * Map, a list of durations a Float64Array buffer with a length inside it (a length of 1e9 over a
 * small buffer would make `finish` read for minutes).
 */
export function snapshotGroupProblem(group: unknown, policies: number): string | undefined {
  if (!isRecord(group)) return ` is ${describeValue(group)}`;
  const { keys, tally } = group as { keys?: unknown; tally?: unknown };
  if (!Array.isArray(keys) || keys.findIndex((key) => typeof key !== "string") >= 0)
    return `.keys is ${describeValue(keys)}, not a list of names`;
  if (!isRecord(tally)) return `.tally is ${describeValue(tally)}`;
  const fields = tally as Record<string, unknown>;
  for (const [field, template] of Object.entries(createTally(policies))) {
    if (!sameKind(fields[field], template))
      return `.tally.${field} is ${describeValue(fields[field])}, not what snapshotAccumulator wrote`;
  }
  return undefined;
}

const isCount = (value: unknown): boolean => typeof value === "number" && Number.isFinite(value) && value >= 0;

function sameKind(value: unknown, template: unknown): boolean {
  if (typeof template === "number") return isCount(value);
  if (template instanceof Map) return value instanceof Map;
  if (Array.isArray(template)) {
    if (!Array.isArray(value) || value.length !== template.length) return false;
    return template.every((item, index) => sameKind(value[index], item));
  }
  if (isRecord(template) && "values" in template) {
    const { values, length } = (isRecord(value) ? value : {}) as { values?: unknown; length?: unknown };
    return (
      values instanceof Float64Array &&
      Number.isInteger(length) &&
      (length as number) >= 0 &&
      (length as number) <= values.length
    );
  }
  // An SLA tally: a record of counts.
  if (!isRecord(value)) return false;
  return Object.entries(template as Record<string, unknown>).every(([field, item]) =>
    sameKind((value as Record<string, unknown>)[field], item),
  );
}
