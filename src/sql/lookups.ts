// Point lookups without range joins: for each instant of a calendar, the key of the row of that
// calendar at or before it, or after it. Keys and instants are sorted together per calendar and a
// running MAX (or a MIN over what follows) carries the nearest key to each instant; the caller joins
// the key back to its row. Sorting scales where joining every instant to every row of its calendar
// would not, and the same SQL runs in the four dialects.

/** A query of `calendar_id` and a whole-number column, as SQL text. */
export interface LookupInput {
  /** A SELECT (or a CTE's name) with `calendar_id` and the column named by `column`. */
  readonly from: string;
  readonly column: string;
  /** For the keys: whole-number columns of the key's row the lookup carries to each instant. */
  readonly carry?: readonly string[];
  /** For the keys: text columns of the key's row it carries too. */
  readonly carryText?: readonly string[];
}

/** Which key an instant finds: the greatest at or before it, the least after it, the least at or after it. */
export type LookupDirection = "at_or_before" | "after" | "at_or_after";

/**
 * A CTE `name (calendar_id, t_ms, key_ms, <carry>...)`: for each distinct instant `t_ms` of `instants`,
 * the greatest key of `keys` at or before it (`"at_or_before"`), the least strictly after it
 * (`"after"`), or the least at or after it (`"at_or_after"`), among the keys of its calendar, with the
 * key row's `carry` and `carryText` columns; NULL where none is. Keys must be unique per calendar. The row's columns
 * come by a second window over each key's rows, not by a join back to the keys: PostgreSQL's planner,
 * which cannot count a CTE's rows, would join every instant of a calendar to every key of it.
 */
export function lookupCte(
  name: string,
  direction: LookupDirection,
  keys: LookupInput,
  instants: LookupInput,
  typeOf: (kind: "integer" | "text") => string,
): string {
  // At equal values the sort puts keys first for at_or_before and after (a key equal to the instant is
  // behind it), and instants first for at_or_after (an equal key is ahead).
  const keyKind = direction === "at_or_after" ? 2 : 0;
  const running = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
  const window =
    direction === "at_or_before"
      ? `MAX(key_ms) OVER (PARTITION BY calendar_id ORDER BY t_ms, kind ${running})`
      : // What follows, as a running MIN in reverse order: PostgreSQL recomputes a frame that ends with the
        // partition for every row (quadratic), but grows one that starts with it a row at a time.
        `MIN(key_ms) OVER (PARTITION BY calendar_id ORDER BY t_ms DESC, kind DESC ${running})`;
  const typed = [
    ...(keys.carry ?? []).map((column) => ({ column, type: typeOf("integer") })),
    ...(keys.carryText ?? []).map((column) => ({ column, type: typeOf("text") })),
  ];
  const carry = typed.map(({ column }) => column);
  const carried = carry.map((column) => `, ${column}`).join("");
  const nulls = typed.map(({ column, type }) => `, CAST(NULL AS ${type}) AS ${column}`).join("");
  const spread = carry
    .map((column) => `,\n      MAX(${column}) OVER (PARTITION BY calendar_id, found_ms) AS ${column}`)
    .join("");
  return `${name} AS (
  SELECT calendar_id, t_ms, found_ms AS key_ms${carry.map((column) => `, ${column}`).join("")} FROM (
    SELECT calendar_id, t_ms, kind, found_ms${spread}
    FROM (
      SELECT calendar_id, t_ms, kind${carried}, ${window} AS found_ms
      FROM (
        SELECT calendar_id, ${keys.column} AS t_ms, ${String(keyKind)} AS kind, ${keys.column} AS key_ms${carried}
        FROM ${keys.from} ${name}_keys
        WHERE ${keys.column} IS NOT NULL
        UNION ALL
        SELECT DISTINCT calendar_id, ${instants.column} AS t_ms, 1 AS kind,
          CAST(NULL AS ${typeOf("integer")}) AS key_ms${nulls}
        FROM ${instants.from} ${name}_instants
        WHERE ${instants.column} IS NOT NULL
      ) ${name}_timeline
    ) ${name}_found
  ) ${name}_carried
  WHERE kind = 1
)`;
}
