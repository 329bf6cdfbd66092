// Hostile inputs for the suite (issue "Every input answered"): valid handoff-shaped values (the
// fixture, the sample data's records, their summary rows, event lists, calendars and qualification
// evidence) with one to three leaves or subtrees replaced by hostile values, and keys named
// `__proto__` or `constructor` added at random places. A case is a small serialisable descriptor (a
// base and a list of edits by index), so the same case can be posted to a worker and rebuilt there.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { handoffInput } from "../fixtures/handoff.js";

export type HostileClass =
  | "prototype-name"
  | "crm-date"
  | "edge-instant"
  | "non-finite"
  | "odd-number"
  | "long-run"
  | "bad-unicode"
  | "odd-object"
  | "shape-swap"
  | "nullish";

export const HOSTILE_CLASSES: readonly HostileClass[] = [
  "prototype-name",
  "crm-date",
  "edge-instant",
  "non-finite",
  "odd-number",
  "long-run",
  "bad-unicode",
  "odd-object",
  "shape-swap",
  "nullish",
];

/** A hostile value: made fresh for each use from the value it replaces (for the shape swaps). */
export interface Hostile {
  readonly label: string;
  readonly cls: HostileClass;
  readonly make: (original: unknown) => unknown;
}

const LONG = 50_000;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

const constant = (label: string, cls: HostileClass, value: unknown): Hostile => ({ label, cls, make: () => value });
const fresh = (label: string, cls: HostileClass, make: (original: unknown) => unknown): Hostile => ({
  label,
  cls,
  make,
});

/** Every hostile value; its index is how a case names it. */
export const HOSTILE: readonly Hostile[] = [
  ...["constructor", "toString", "__proto__", "valueOf", "hasOwnProperty"].map((name) =>
    constant(JSON.stringify(name), "prototype-name", name),
  ),
  ...["2026-11-05 15:30", "11/05/2026", "2026-11-05T15:30:00", "05.11.2026 15:30", "TBD", ""].map((text) =>
    constant(JSON.stringify(text), "crm-date", text),
  ),
  ...[8.64e15, -8.64e15, 8.64e15 + 1, -8.64e15 - 1, 8.64e15 - 1, -8.64e15 + 1, -1e20, 1e20].map((ms) =>
    constant(String(ms), "edge-instant", ms),
  ),
  fresh("new Date(8.64e15)", "edge-instant", () => new Date(8.64e15)),
  fresh("new Date(-8.64e15)", "edge-instant", () => new Date(-8.64e15)),
  constant("NaN", "non-finite", Number.NaN),
  constant("Infinity", "non-finite", Number.POSITIVE_INFINITY),
  constant("-Infinity", "non-finite", Number.NEGATIVE_INFINITY),
  fresh("new Date(NaN)", "non-finite", () => new Date(Number.NaN)),
  ...[-0, 1e308, -1, 1e200, 2 ** 53, 2 ** 53 - 1, 0.5, -1e308].map((n) =>
    constant(Object.is(n, -0) ? "-0" : String(n), "odd-number", n),
  ),
  constant("50k spaces", "long-run", " ".repeat(LONG)),
  constant("50k dots", "long-run", ".".repeat(LONG)),
  constant('50k "a"', "long-run", "a".repeat(LONG)),
  constant('25k ". "', "long-run", ". ".repeat(LONG / 2)),
  constant('"\\uD800"', "bad-unicode", "\uD800"),
  constant('"a\\uDC00b \\uD800"', "bad-unicode", "a\uDC00b \uD800"),
  constant('"line\\r\\nbreak"', "bad-unicode", "line\r\nbreak"),
  constant('"\\r\\n"', "bad-unicode", "\r\n"),
  constant('"nul\\u0000byte"', "bad-unicode", "nul\u0000byte"),
  constant('"\\u0000"', "bad-unicode", "\u0000"),
  fresh("{ toString: 1 }", "odd-object", () => ({ toString: 1 })),
  fresh("{ toString: 1, valueOf: 1 }", "odd-object", () => ({ toString: 1, valueOf: 1 })),
  fresh("Object.create(null)", "odd-object", () => Object.create(null) as unknown),
  fresh("null-prototype copy", "odd-object", (original) =>
    Object.assign(Object.create(null) as object, isObject(original) ? structuredClone(original) : { value: original }),
  ),
  fresh("{}", "odd-object", () => ({})),
  fresh("array for object ([original])", "shape-swap", (original) =>
    Array.isArray(original) ? [] : [structuredClone(original)],
  ),
  fresh("object for array ({ 0: ..., length })", "shape-swap", (original) =>
    Array.isArray(original)
      ? Object.assign(Object.fromEntries(structuredClone(original).map((item: unknown, index) => [index, item])), {
          length: original.length,
        })
      : { value: structuredClone(original) },
  ),
  fresh("[]", "shape-swap", () => []),
  constant("null", "nullish", null),
  constant("undefined", "nullish", undefined),
];

/** What an added key holds: the two prototype-pollution payloads. */
export const POLLUTERS: readonly { readonly key: string; readonly label: string; readonly make: () => unknown }[] = [
  { key: "__proto__", label: '"__proto__": { polluted: "yes" }', make: () => ({ polluted: "yes" }) },
  {
    key: "constructor",
    label: '"constructor": { prototype: { polluted: "yes" } }',
    make: () => ({ prototype: { polluted: "yes" } }),
  },
  {
    key: "__proto__",
    label: '"__proto__": { toString: 1, polluted: "yes" }',
    make: () => ({ toString: 1, polluted: "yes" }),
  },
  { key: "constructor", label: '"constructor": { name: "constructor" }', make: () => ({ name: "constructor" }) },
];

export type Path = readonly (string | number)[];

/** One change to a base: a node replaced by a hostile value, or a polluting key added to an object. */
export interface Edit {
  readonly kind: "replace" | "add-key";
  /** Index into the base's paths (replace) or object paths (add-key). */
  readonly at: number;
  /** Index into HOSTILE (replace) or POLLUTERS (add-key). */
  readonly value: number;
  /**
   * Pick the category first, then a path in it, so that rare places (an amount, a rejection note)
   * are reached as often as common ones.
   */
  readonly focus?: boolean;
  /**
   * Replace with a hostile value of the original's own type (a string for a string, a number for a
   * number, a Date for a Date), so that more records pass the parser and carry the value on.
   */
  readonly sameType?: boolean;
}

/** A case: which base, and its edits. Plain data, so it can be posted to a worker. */
export interface Case {
  readonly base: number;
  readonly edits: readonly Edit[];
}

/** An edit as applied, for statistics and failure reports. */
export interface Applied {
  readonly kind: "replace" | "add-key";
  readonly path: Path;
  readonly label: string;
  readonly cls: HostileClass | "polluter";
  /** Whether the node replaced was an object or an array (a whole subtree), not a leaf. */
  readonly container: boolean;
}

export const pathText = (path: Path): string => (path.length === 0 ? "(root)" : path.map(String).join("."));

function walk(value: unknown, path: (string | number)[], all: Path[], objects: Path[]): void {
  if (path.length > 0) all.push([...path]);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      walk(item, [...path, index], all, objects);
    });
  } else if (isObject(value)) {
    objects.push([...path]);
    for (const key of Object.keys(value)) walk(value[key], [...path, key], all, objects);
  }
}

/** A family of bases sharing one edit arbitrary. */
export interface Bases {
  readonly name: string;
  readonly count: number;
  /** A fresh deep copy of base `index`. */
  readonly make: (index: number) => unknown;
  /** Where a path points, for statistics and for focused edits. */
  readonly category: (path: Path) => string;
  /** Every path, every object's path, and the paths grouped by category (for focused edits). */
  readonly paths: (index: number) => {
    readonly all: readonly Path[];
    readonly objects: readonly Path[];
    readonly groups: readonly (readonly Path[])[];
  };
}

/** Bases from a list of values (deep-copied with structuredClone, so Dates survive). */
export function basesOf(
  name: string,
  count: number,
  value: (index: number) => unknown,
  category: (path: Path) => string = (path) => String(path[0]),
): Bases {
  const cache = new Map<number, { all: Path[]; objects: Path[]; groups: Path[][] }>();
  return {
    name,
    count,
    category,
    make: (index) => structuredClone(value(index)),
    paths: (index) => {
      let found = cache.get(index);
      if (found === undefined) {
        const all: Path[] = [];
        const objects: Path[] = [];
        walk(value(index), [], all, objects);
        const byCategory = new Map<string, Path[]>();
        for (const path of all) {
          const key = category(path);
          byCategory.set(key, [...(byCategory.get(key) ?? []), path]);
        }
        found = { all, objects, groups: [...byCategory.keys()].sort().map((key) => byCategory.get(key) ?? []) };
        cache.set(index, found);
      }
      return found;
    },
  };
}

function defineOwn(target: object, key: string | number, value: unknown): void {
  // As JSON.parse does: an own data property, even for `__proto__`.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function nodeAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return node;
}

const kindOf = (value: unknown): string =>
  value instanceof Date ? "date" : value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

/** HOSTILE's indices by the kind of value they make from an original of each kind. */
const BY_KIND = ((): ReadonlyMap<string, readonly number[]> => {
  const map = new Map<string, number[]>();
  const originals: unknown[] = ["text", 42, new Date(0), { a: 1 }, [1]];
  for (const original of originals) {
    const kind = kindOf(original);
    const same = HOSTILE.flatMap((hostile, index) => (kindOf(hostile.make(original)) === kind ? [index] : []));
    map.set(kind, same);
  }
  return map;
})();

/** The hostile value an edit puts in place of `original`. */
function hostileFor(edit: Edit, original: unknown): Hostile | undefined {
  const same = edit.sameType === true ? BY_KIND.get(kindOf(original)) : undefined;
  if (same !== undefined && same.length > 0) return HOSTILE[same[edit.value % same.length] ?? 0];
  return HOSTILE[edit.value % HOSTILE.length];
}

/**
 * Builds a case: the base with its edits applied, in order (an edit whose parent an earlier edit
 * replaced is skipped).
 */
export function build(bases: Bases, c: Case): { readonly value: unknown; readonly applied: readonly Applied[] } {
  const root = bases.make(c.base);
  const { all, objects, groups } = bases.paths(c.base);
  const applied: Applied[] = [];
  for (const edit of c.edits) {
    if (edit.kind === "replace") {
      const group = edit.focus === true ? groups[edit.at % groups.length] : undefined;
      const path =
        group === undefined ? all[edit.at % all.length] : group[Math.floor(edit.at / groups.length) % group.length];
      if (path === undefined) continue;
      const parent = nodeAt(root, path.slice(0, -1));
      const key = path.at(-1);
      if (typeof parent !== "object" || parent === null || key === undefined || !Object.hasOwn(parent, key)) continue;
      const original = (parent as Record<string | number, unknown>)[key];
      const hostile = hostileFor(edit, original);
      if (hostile === undefined) continue;
      defineOwn(parent, key, hostile.make(original));
      applied.push({
        kind: "replace",
        path,
        label: hostile.label,
        cls: hostile.cls,
        container: typeof original === "object" && original !== null && !(original instanceof Date),
      });
    } else {
      const path = objects[edit.at % objects.length];
      const polluter = POLLUTERS[edit.value % POLLUTERS.length];
      if (path === undefined || polluter === undefined) continue;
      const target = path.length === 0 ? root : nodeAt(root, path);
      if (!isObject(target)) continue;
      defineOwn(target, polluter.key, polluter.make());
      applied.push({
        kind: "add-key",
        path: [...path, polluter.key],
        label: polluter.label,
        cls: "polluter",
        container: false,
      });
    }
  }
  return { value: root, applied };
}

/** An index into HOSTILE, each class as likely as another (there are two nullish values and eight edge instants). */
export const hostileIndex: fc.Arbitrary<number> = fc
  .constantFrom(...HOSTILE_CLASSES)
  .chain((cls) => fc.constantFrom(...HOSTILE.flatMap((hostile, index) => (hostile.cls === cls ? [index] : []))));

/** Cases over `bases`: one to three replacements, and sometimes a polluting key. */
export function casesOf(bases: Bases, options: { readonly addKeys?: boolean } = {}): fc.Arbitrary<Case> {
  const replace = fc.record({
    kind: fc.constant("replace" as const),
    at: fc.nat(),
    value: hostileIndex,
    focus: fc.boolean(),
    sameType: fc.oneof({ weight: 2, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  });
  const addKey = fc.record({
    kind: fc.constant("add-key" as const),
    at: fc.nat(),
    value: fc.nat({ max: POLLUTERS.length - 1 }),
  });
  return fc.record({
    // Base 0 (the fixture, the fullest record) as often as any quarter of the others.
    base: fc.oneof(
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 3, arbitrary: fc.nat({ max: bases.count - 1 }) },
    ),
    edits: fc
      .tuple(
        fc.array(replace, { minLength: 1, maxLength: 3 }),
        options.addKeys === false
          ? fc.constant([])
          : fc.oneof(
              { weight: 3, arbitrary: fc.constant([]) },
              { weight: 1, arbitrary: fc.array(addKey, { minLength: 1, maxLength: 2 }) },
            ),
      )
      .chain(([replacements, added]) =>
        fc.shuffledSubarray([...replacements, ...added], { minLength: replacements.length + added.length }),
      ),
  });
}

/** A case replacing the node at `path` (dotted) of base `base` with the hostile value labelled `label`. */
export function caseAt(bases: Bases, base: number, path: string, label: string): Case {
  const at = bases.paths(base).all.findIndex((candidate) => candidate.join(".") === path);
  const value = HOSTILE.findIndex((hostile) => hostile.label === label);
  if (at < 0 || value < 0)
    throw new Error(`no path ${path} in ${bases.name} ${String(base)}, or no hostile value ${label}`);
  return { base, edits: [{ kind: "replace", at, value }] };
}

// ---------------------------------------------------------------------------------------------
// The bases.

interface SampleData {
  readonly handoffs: readonly Record<string, unknown>[];
  readonly calendars: Readonly<Record<string, unknown>>;
}

export const SAMPLE: SampleData = JSON.parse(
  readFileSync(new URL("../../examples/data/sample-handoffs.json", import.meta.url), "utf8"),
) as SampleData;

/** Where in a handoff record a path points, for statistics. */
export function recordCategory(path: Path): string {
  const [a, b, c] = path;
  if (path.length === 0) return "root";
  if (a === "events") {
    if (path.length <= 2) return "events (list or whole event)";
    if (c === "meeting") return "event.meeting";
    if (c === "at") return "event.at";
    if (c === "amount" || c === "currency") return "event.amount";
    if (c === "id" || c === "by" || c === "to") return "event.id";
    if (c === "note" || c === "reason") return "event.note";
    if (c === "type") return "event.type";
    return "event.other";
  }
  if (a === "meeting") return "meeting";
  if (a === "brief") {
    if (b === "notes" || b === "quotes") return "brief.notes";
    if (b === "engagement") return "brief.engagement";
    return "brief.other";
  }
  if (a === "qualification") return "qualification";
  if (a === "id" || ((a === "sdr" || a === "ae") && (b === "id" || b === "calendarId"))) return "ids";
  if (a === "account" && b === "employees") return "account.employees";
  if (a === "createdAt") return "createdAt";
  return String(a).replace(/\d+/gu, "n");
}

/** The fixture record (index 0), then the sample data's handoffs. */
export const RECORDS: Bases = basesOf(
  "record",
  SAMPLE.handoffs.length + 1,
  (index) => (index === 0 ? handoffInput() : SAMPLE.handoffs[index - 1]),
  recordCategory,
);

/** The categories every run must reach, with the record category names above. */
export const RECORD_CATEGORIES = [
  "event.meeting",
  "event.at",
  "event.amount",
  "event.id",
  "event.note",
  "event.type",
  "meeting",
  "brief.notes",
  "brief.other",
  "brief.engagement",
  "qualification",
  "ids",
  "createdAt",
] as const;
