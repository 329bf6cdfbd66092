// The contract every call is held to: it returns, or throws a HandoffKitError (a function that takes
// untrusted data must not throw at all); it leaves its input deep-equal to a structuredClone taken
// before the call; it adds nothing to Object.prototype or Array.prototype; and what it returns does
// not inherit a polluting key.
import { HandoffKitError, type Call, type Mode, type Probe } from "./hostile-harness.js";

export type FailureKind =
  "threw" | "threw-on-data" | "mutated-input" | "polluted-prototype" | "tainted-result" | "broken-result";

export interface Failure {
  readonly fn: string;
  readonly mode: Mode;
  readonly kind: FailureKind;
  /** The error or the difference, in one line. */
  readonly what: string;
  /** The case: its domain, the paths replaced and the values put there. */
  readonly input: string;
}

const oneLine = (text: string, max = 220): string => {
  const flat = text.replace(/\s+/gu, " ");
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
};

export function describeError(error: unknown): string {
  if (error instanceof HandoffKitError) return `HandoffKitError ${error.code}: ${oneLine(error.message)}`;
  if (error instanceof Error) {
    const frame = error.stack?.split("\n").find((line) => line.includes("/src/"));
    return `${error.name}: ${oneLine(error.message)}${
      frame === undefined
        ? ""
        : ` @ ${frame
            .trim()
            .replace(/^at /u, "")
            .replace(/\(.*\/src\//u, "(src/")}`
    }`;
  }
  return `non-Error thrown: ${typeof error}`;
}

/**
 * The first place two values differ (structuredClone semantics: prototypes not compared, Dates by
 * time, NaN equal to NaN, -0 unequal to 0).
 */
export function firstDifference(
  before: unknown,
  after: unknown,
  path = "",
  seen = new Set<unknown>(),
): string | undefined {
  if (Object.is(before, after)) return undefined;
  const here = path === "" ? "(root)" : path;
  if (typeof before !== "object" || before === null || typeof after !== "object" || after === null)
    return `${here}: ${short(before)} became ${short(after)}`;
  if (before instanceof Date || after instanceof Date) {
    if (!(before instanceof Date && after instanceof Date)) return `${here}: a Date and a non-Date`;
    return Object.is(before.getTime(), after.getTime())
      ? undefined
      : `${here}: Date ${String(before.getTime())} became ${String(after.getTime())}`;
  }
  if (seen.has(after)) return undefined;
  seen.add(after);
  if (Array.isArray(before) !== Array.isArray(after)) return `${here}: array-ness changed`;
  const keysBefore = Object.keys(before);
  const keysAfter = Object.keys(after);
  const added = keysAfter.filter((key) => !Object.hasOwn(before, key));
  const removed = keysBefore.filter((key) => !Object.hasOwn(after, key));
  if (added.length > 0 || removed.length > 0)
    return `${here}: keys added [${added.join(", ")}] removed [${removed.join(", ")}]`;
  for (const key of keysBefore) {
    const difference = firstDifference(
      (before as Record<string, unknown>)[key],
      (after as Record<string, unknown>)[key],
      path === "" ? key : `${path}.${key}`,
      seen,
    );
    if (difference !== undefined) return difference;
  }
  return undefined;
}

function short(value: unknown): string {
  if (typeof value === "string") return value.length > 20 ? `string(${String(value.length)})` : JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === null || value === undefined || typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "array" : typeof value;
}

const NOT_CLONEABLE = Symbol("not cloneable");

function cloneOf(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return NOT_CLONEABLE;
  }
}

/** Whether anything reachable from `value` inherits `polluted` (a prototype set from data); bounded walk. */
function inheritsPolluted(value: unknown, budget = { nodes: 5_000 }, seen = new Set<unknown>()): string | undefined {
  if (typeof value !== "object" || value === null || seen.has(value) || budget.nodes <= 0) return undefined;
  seen.add(value);
  budget.nodes -= 1;
  if ("polluted" in value && !Object.hasOwn(value, "polluted"))
    return "an object in the result inherits `polluted` (its prototype came from the input)";
  if (value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return undefined;
  for (const key of Object.keys(value)) {
    const found = inheritsPolluted((value as Record<string, unknown>)[key], budget, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

const OBJECT_KEYS = Reflect.ownKeys(Object.prototype);
const ARRAY_KEYS = Reflect.ownKeys(Array.prototype);

function pollution(): string | undefined {
  const objectAdded = Reflect.ownKeys(Object.prototype).filter((key) => !OBJECT_KEYS.includes(key));
  const arrayAdded = Reflect.ownKeys(Array.prototype).filter((key) => !ARRAY_KEYS.includes(key));
  const polluted = ({} as { polluted?: unknown }).polluted;
  if (objectAdded.length === 0 && arrayAdded.length === 0 && polluted === undefined) return undefined;
  // Clean up so that one pollution does not fail every later call.
  for (const key of objectAdded) Reflect.deleteProperty(Object.prototype, key);
  for (const key of arrayAdded) Reflect.deleteProperty(Array.prototype, key);
  return (
    `Object.prototype gained [${objectAdded.map(String).join(", ")}], ` +
    `Array.prototype gained [${arrayAdded.map(String).join(", ")}], ` +
    `({}).polluted is ${short(polluted)}`
  );
}

/** A probe that checks each call and collects failures; `describe` names the case being run. */
export function checker(): {
  probe: Probe;
  failures: Failure[];
  calls: Map<string, number>;
  setCase: (text: string) => void;
} {
  const failures: Failure[] = [];
  const calls = new Map<string, number>();
  let input = "";
  const fail = (call: Call, kind: FailureKind, what: string): void => {
    failures.push({ fn: `${call.fn}${call.args ?? ""}`, mode: call.mode, kind, what, input });
  };
  const probe: Probe = (call) => {
    calls.set(`${call.fn} (${call.mode})`, (calls.get(`${call.fn} (${call.mode})`) ?? 0) + 1);
    const before = cloneOf(call.watched);
    let result: unknown;
    let threw = false;
    try {
      result = call.run();
    } catch (error) {
      threw = true;
      if (!(error instanceof HandoffKitError)) fail(call, "threw", describeError(error));
      else if (call.mode === "data") fail(call, "threw-on-data", describeError(error));
    }
    if (before !== NOT_CLONEABLE) {
      const difference = firstDifference(before, call.watched);
      if (difference !== undefined) fail(call, "mutated-input", difference);
    }
    const polluted = pollution();
    if (polluted !== undefined) fail(call, "polluted-prototype", polluted);
    if (threw) return undefined;
    const tainted = inheritsPolluted(result);
    if (tainted !== undefined) fail(call, "tainted-result", tainted);
    const broken = call.verify?.(result);
    if (broken !== undefined) fail(call, "broken-result", broken);
    return result;
  };
  return { probe, failures, calls, setCase: (text) => (input = text) };
}

/**
 * Failures grouped by function, mode, kind and the error with its numbers and quoted values
 * blurred; one example input each.
 */
export function distinct(
  failures: readonly Failure[],
): { readonly key: string; readonly count: number; readonly example: Failure }[] {
  const groups = new Map<string, { key: string; count: number; example: Failure }>();
  for (const failure of failures) {
    const shape = failure.what
      .replace(/"[^"]*"/gu, '"…"')
      .replace(/-?\d[\d.e+]*/gu, "#")
      .replace(/:\d+:\d+\)/gu, ")");
    const key = `${failure.fn} [${failure.mode}] ${failure.kind}: ${shape}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { key, count: 1, example: failure });
    else group.count += 1;
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

export function report(failures: readonly Failure[]): string {
  return distinct(failures)
    .map(
      (group) =>
        `${String(group.count)}x ${group.example.fn} [${group.example.mode}] ` +
        `${group.example.kind}: ${group.example.what}` +
        `\n      e.g. ${group.example.input}`,
    )
    .join("\n");
}
