import { HandoffKitError } from "../core/error.js";
import { isRecord } from "../core/guards.js";
import { describeValue } from "../core/describe-value.js";
import { LEAD_SOURCES, type LeadSource } from "../handoff/index.js";
import type { AdapterIssue } from "./adapter-result.js";

/**
 * Refuses an option an adapter does not read. A mapping is often a JSON file a team writes by hand,
 * where a misspelt key (`colums`, `exportTimezone`) would otherwise leave the defaults in use
 * without a word, and every row would then fail, or worse, map wrongly.
 */
export function requireKnownOptions(options: object, known: readonly string[], fn: string, name = "options"): void {
  for (const key of Object.keys(options))
    if (!known.includes(key))
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: ${name}.${key} is no option (${known.join(", ")})`,
      });
}

/**
 * The handoff's lead source and segment when a record gives none, checked once here rather than
 * found wrong on every record: a source that is none of {@link LEAD_SOURCES}, or a segment that is
 * no text, is misuse of the mapping.
 */
export function defaultsOf(
  defaults: unknown,
  fn: string,
  extra: readonly string[] = [],
): { readonly source: LeadSource | undefined; readonly segment: string | undefined } {
  if (defaults === undefined) return { source: undefined, segment: undefined };
  if (!isRecord(defaults))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.defaults must be an object: ${describeValue(defaults)}`,
    });
  requireKnownOptions(defaults, ["source", "segment", ...extra], fn, "options.defaults");
  const { source, segment } = defaults as { source?: unknown; segment?: unknown };
  if (source !== undefined && !(LEAD_SOURCES as readonly unknown[]).includes(source))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.defaults.source must be ${LEAD_SOURCES.join(", ")}: ${describeValue(source)}`,
    });
  if (segment !== undefined && (typeof segment !== "string" || segment.trim() === ""))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.defaults.segment must be a segment's name: ${describeValue(segment)}`,
    });
  return { source: source as LeadSource | undefined, segment };
}

/**
 * A mapping's column names: the source's defaults with the mapping's `columns` over them. A field the
 * source does not know (one of `fields`) is refused, since a misspelt field would leave the default
 * column in use, silently; so is a column name that is no text.
 */
export function columnsOf<F extends string>(
  given: unknown,
  defaults: Readonly<Partial<Record<F, string>>>,
  fields: ReadonlySet<string>,
  fn: string,
  name = "options.columns",
): Partial<Record<F, string>> {
  const mapped: unknown = given ?? {};
  if (!isRecord(mapped))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: ${name} must be an object: ${describeValue(mapped)}`,
    });
  const unknownField = Object.keys(mapped).find((field) => !fields.has(field));
  if (unknownField !== undefined)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: ${name}.${unknownField} is no field (${Object.keys(defaults).join(", ")})`,
    });
  const columns = { ...defaults, ...mapped } as Record<string, unknown>;
  for (const [field, column] of Object.entries(columns))
    if (typeof column !== "string" || column === "")
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: ${name}.${field} must be a column name: ${describeValue(column)}`,
      });
  return columns as Partial<Record<F, string>>;
}

/** Column names by table, each table's defaults with the mapping's over them. */
export type TableColumns<T extends Readonly<Record<string, Readonly<Record<string, string>>>>> = {
  readonly [K in keyof T]: Readonly<Record<keyof T[K], string>>;
};

/**
 * A reader of several tables' column names: `options.columns` by table (a table it does not read,
 * or a field of one, refused as {@link columnsOf} refuses them), over `defaults`.
 */
export function tableColumnsOf<T extends Readonly<Record<string, Readonly<Record<string, string>>>>>(
  given: unknown,
  defaults: T,
  fn: string,
): TableColumns<T> {
  const mapped: unknown = given ?? {};
  if (!isRecord(mapped))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.columns must be an object of columns by table: ${describeValue(mapped)}`,
    });
  const tables = Object.keys(defaults);
  requireKnownOptions(mapped, tables, fn, "options.columns");
  return Object.fromEntries(
    tables.map((table) => {
      const fields = defaults[table] as Readonly<Record<string, string>>;
      return [
        table,
        columnsOf(
          (mapped as Record<string, unknown>)[table],
          fields,
          new Set(Object.keys(fields)),
          fn,
          `options.columns.${table}`,
        ),
      ];
    }),
  ) as TableColumns<T>;
}

/** A whole number of days, 1 or more, from an option (its default when left out). */
export function wholeDaysOf(given: unknown, fallback: number, fn: string, name: string): number {
  const days = given ?? fallback;
  if (typeof days !== "number" || !Number.isInteger(days) || days < 1)
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: options.${name} must be a whole number of days, 1 or more: ${describeValue(days)}`,
    });
  return days;
}

/**
 * The issue for a table whose first object of cells lacks a column it is read by (`needed`, by their
 * mapped names), or undefined. Only that row is looked at: a parser gives every row the header's
 * columns; rows that are no object come before it only from a caller's code, and are answered alone.
 */
export function missingColumns(
  rows: readonly unknown[],
  needed: readonly string[],
  what: string,
): AdapterIssue | undefined {
  const first = rows.find(isRecord);
  if (first === undefined) return undefined;
  const missing = needed.filter((name) => !Object.hasOwn(first, name));
  if (missing.length === 0) return undefined;
  return {
    code: "missing_columns",
    path: [],
    row: 1,
    message:
      `Not ${what} as mapped: expected the columns ${needed.join(", ")}; ` +
      `missing ${missing.join(", ")} (rename them with the columns option)`,
  };
}
