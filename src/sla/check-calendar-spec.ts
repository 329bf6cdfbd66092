import { dayNumberOf, ISO_DATE } from "../core/days.js";
import { isRecord } from "../core/guards.js";
import type { Issue, IssueCode, IssuePath } from "../core/issue.js";
import type { Result } from "../core/result.js";
import { isValidTimeZone, unknownZoneMessage, zoneNameAsSpelled } from "../core/time-zone.js";
import { typeIssueMessage } from "../core/type-issue.js";
import {
  CLOCK_TIME,
  rangeWithinLimit,
  SPEC_MESSAGES,
  specOverlaps,
  WEEKDAYS,
  type WrittenHoliday,
} from "./calendar-spec.js";
import type { CheckedCalendarSpec } from "./calendar-spec-schema.js";

/**
 * Checks a calendar spec without a schema library, so that business time alone stays small in a
 * bundle. It answers as `calendarSpecSchema` does, issue for issue in the same order (a property test
 * holds the two together): every field is checked; a field's own refinements run only when its form
 * was right, and the rules across fields only when no field's form was wrong; a holiday that no form
 * takes is one issue, unless exactly one form got as far as its refinements, whose issues it gets.
 */
export function checkCalendarSpec(input: unknown): Result<CheckedCalendarSpec> {
  const found: Found[] = [];
  const value = spec(input, found);
  if (found.length === 0) return { ok: true, value: value as CheckedCalendarSpec };
  return { ok: false, issues: found.map(({ code, path, message }) => ({ code, path, message })) };
}

/**
 * An issue and whether it stops the checks that follow it: a value of the wrong type or length, or a
 * union no form takes, stops them; a wrong format or a failed refinement does not.
 */
interface Found extends Issue {
  readonly stops: boolean;
}

const stopped = (found: readonly Found[], since: number): boolean => {
  for (let i = since; i < found.length; i += 1) if ((found[i] as Found).stops) return true;
  return false;
};

const wrongType = (expected: string, input: unknown, path: IssuePath): Found => ({
  code: "invalid_type",
  path,
  message: typeIssueMessage(expected, input),
  stops: true,
});

const refused = (code: IssueCode, path: IssuePath, message: string, stops = false): Found => ({
  code,
  path,
  message,
  stops,
});

/** Not null, not an array: any other object, a `Date` too, is read for its fields, as zod does. */
const isObject = isRecord as (value: unknown) => value is Record<string, unknown>;

/** An object made by `{}` or `Object.create(null)`, or one whose prototype is such an object. */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const constructor: unknown = value["constructor"];
  if (typeof constructor !== "function") return true;
  const prototype: unknown = constructor.prototype;
  return isObject(prototype) && Object.hasOwn(prototype, "isPrototypeOf");
}

function spec(input: unknown, found: Found[]): unknown {
  if (!isObject(input)) {
    found.push(wrongType("object", input, []));
    return input;
  }
  // A required field left out is an issue, so the value, returned only without issues, has both.
  const value: Record<string, unknown> = {};
  value["timeZone"] = zoneName(input["timeZone"], found);
  value["week"] = week(input["week"], found);
  const holidays = input["holidays"];
  value["holidays"] = holidays === undefined ? [] : list(holidays, ["holidays"], found, holiday);
  if (!stopped(found, 0))
    for (const overlap of specOverlaps(value as Parameters<typeof specOverlaps>[0]))
      found.push(refused(overlap.code, overlap.path, overlap.message));
  return value;
}

function zoneName(input: unknown, found: Found[]): unknown {
  if (typeof input !== "string") {
    found.push(wrongType("string", input, ["timeZone"]));
    return input;
  }
  if (isValidTimeZone(input)) return zoneNameAsSpelled(input);
  found.push(refused("invalid_time_zone", ["timeZone"], unknownZoneMessage(input)));
  return input;
}

function week(input: unknown, found: Found[]): unknown {
  if (!isPlainObject(input)) {
    found.push(wrongType("record", input, ["week"]));
    return input;
  }
  const value: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const key of Reflect.ownKeys(input)) {
    if (key === "__proto__" || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
    if (typeof key === "string" && (WEEKDAYS as readonly string[]).includes(key))
      value[key] = list(input[key], ["week", key], found, window);
    else unknown.push(String(key));
  }
  for (const key of unknown) found.push(refused("unrecognized_keys", ["week", key], `Unknown key "${key}"`));
  return value;
}

function list(
  input: unknown,
  path: IssuePath,
  found: Found[],
  item: (input: unknown, path: IssuePath, found: Found[]) => unknown,
): unknown {
  if (!Array.isArray(input)) {
    found.push(wrongType("array", input, path));
    return input;
  }
  const value: unknown[] = [];
  for (let i = 0; i < input.length; i += 1) value.push(item(input[i], [...path, i], found));
  return value;
}

function window(input: unknown, path: IssuePath, found: Found[]): unknown {
  if (!Array.isArray(input)) {
    found.push(wrongType("tuple", input, path));
    return input;
  }
  if (input.length < 2) {
    found.push(refused("too_small", path, "Too small: expected array to have >=2 items", true));
    return [];
  }
  const since = found.length;
  if (input.length > 2) found.push(refused("too_big", path, "Too big: expected array to have <=2 items", true));
  const start = clockTime(input[0], [...path, 0], found);
  const end = clockTime(input[1], [...path, 1], found);
  if (!stopped(found, since)) {
    if (start === "24:00") found.push(refused("invalid_window", [...path, 0], SPEC_MESSAGES.windowStartsAt24));
    if (start === end) found.push(refused("empty_window", path, SPEC_MESSAGES.emptyWindow));
  }
  return [start, end];
}

function clockTime(input: unknown, path: IssuePath, found: Found[]): unknown {
  if (typeof input !== "string") found.push(wrongType("string", input, path));
  else if (!CLOCK_TIME.test(input)) found.push(refused("invalid_format", path, SPEC_MESSAGES.clockTime));
  return input;
}

function date(input: unknown, path: IssuePath, found: Found[]): unknown {
  if (typeof input !== "string") found.push(wrongType("string", input, path));
  else if (!ISO_DATE.test(input)) found.push(refused("invalid_format", path, SPEC_MESSAGES.date, true));
  else if (dayNumberOf(input) === undefined) found.push(refused("invalid_date", path, SPEC_MESSAGES.notOnCalendar));
  return input;
}

function holiday(input: unknown, path: IssuePath, found: Found[]): unknown {
  const tries: { readonly value: unknown; readonly found: Found[] }[] = [];
  for (const form of [date, day, range]) {
    const own: Found[] = [];
    const value = form(input, path, own);
    if (own.length === 0) return value;
    tries.push({ value, found: own });
  }
  const reached = tries.filter((tried) => !stopped(tried.found, 0));
  const only = reached.length === 1 ? reached[0] : undefined;
  if (only !== undefined) {
    found.push(...only.found);
    return only.value;
  }
  found.push(refused("invalid_union", path, SPEC_MESSAGES.holiday, true));
  return input;
}

/** The fields a holiday object has, each with its check and whether it may be left out. */
type Fields = readonly (readonly [string, (input: unknown, path: IssuePath, found: Found[]) => unknown, boolean])[];

const hours = (input: unknown, path: IssuePath, found: Found[]): unknown => list(input, path, found, window);

const DAY_FIELDS: Fields = [
  ["date", date, false],
  ["hours", hours, true],
  ["name", text, true],
];

const RANGE_FIELDS: Fields = [
  ["from", date, false],
  ["to", date, false],
  ["hours", hours, true],
  ["name", text, true],
];

function day(input: unknown, path: IssuePath, found: Found[]): unknown {
  return fields(input, path, found, DAY_FIELDS);
}

function range(input: unknown, path: IssuePath, found: Found[]): unknown {
  const since = found.length;
  const value = fields(input, path, found, RANGE_FIELDS);
  if (stopped(found, since)) return value;
  const written = value as Extract<WrittenHoliday, { from: string }>;
  if (!(written.from <= written.to))
    found.push(refused("invalid_range", [...path, "to"], SPEC_MESSAGES.rangeBackwards));
  if (!rangeWithinLimit(written)) found.push(refused("range_too_long", [...path, "to"], SPEC_MESSAGES.rangeTooLong));
  return value;
}

function fields(input: unknown, path: IssuePath, found: Found[], shape: Fields): unknown {
  if (!isObject(input)) {
    found.push(wrongType("object", input, path));
    return input;
  }
  const value: Record<string, unknown> = {};
  for (const [key, check, optional] of shape) {
    const present = key in input;
    const field = input[key];
    if (optional && field === undefined) {
      if (present) value[key] = undefined;
      continue;
    }
    const checked = check(field, [...path, key], found);
    if (present) value[key] = checked;
  }
  return value;
}

function text(input: unknown, path: IssuePath, found: Found[]): unknown {
  if (typeof input !== "string") found.push(wrongType("string", input, path));
  return input;
}
