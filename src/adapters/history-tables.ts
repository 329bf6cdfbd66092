import { describeValue } from "../core/describe-value.js";
import { HandoffKitError } from "../core/error.js";
import { isRecord, requireList } from "../core/guards.js";
import type { AdapterIssue } from "./adapter-result.js";
import { missingColumns, requireKnownOptions } from "./mapping-options.js";
import { cellText, readInstant, type SourceRow } from "./source-values.js";

// The tables a history reader takes (Salesforce's Lead and history exports, HubSpot's leads and their
// history), checked and answered the same way: each table's issues in its own list, at its rows.

/** A history reader's tables: their rows, and every issue by table. */
export interface HistoryTables<T extends string> {
  readonly issues: Record<T, AdapterIssue[]>;
  /** Reports an issue with a row's cell. */
  readonly problem: (table: T, index: number, column: string, code: AdapterIssue["code"], message: string) => void;
  /** A table's rows, or none (with one `missing_columns` issue) when its first row lacks a column `needed`. */
  readonly checked: (table: T, needed: readonly string[], what: string) => readonly SourceRow[];
  /** Reports each row of a table that is no object of cells. */
  readonly answerRows: (table: T, rows: readonly SourceRow[]) => void;
  /**
   * Reads instants in the export's zone: a cell's instant, or undefined (with an issue, `missing` when
   * it is empty) when it cannot be read.
   */
  readonly timeReader: (
    zone: Parameters<typeof readInstant>[1],
  ) => (table: T, row: SourceRow, index: number, column: string, missing: string) => number | undefined;
  /** Every issue by table, each list in row order. */
  readonly sorted: () => Readonly<Record<T, readonly AdapterIssue[]>>;
}

/**
 * Checks `tables` (an object of the reader's tables, with the `required` ones) and gives its rows and
 * issues. A table's rows are checked to be a list when first read, so options are checked before them.
 */
export function historyTables<T extends string>(
  tables: unknown,
  names: readonly T[],
  required: { readonly tables: readonly T[]; readonly why: string },
  fn: string,
): HistoryTables<T> {
  if (!isRecord(tables))
    throw new HandoffKitError("invalid_argument", {
      detail: `${fn}: tables must be an object of rows by table: ${describeValue(tables)}`,
    });
  requireKnownOptions(tables, names, fn, "tables");
  const given = tables as Partial<Record<T, unknown>>;
  for (const table of required.tables)
    if (given[table] === undefined)
      throw new HandoffKitError("invalid_argument", {
        detail: `${fn}: tables.${table} is required: ${required.why}`,
      });
  const issues = Object.fromEntries(names.map((name) => [name, []])) as unknown as Record<T, AdapterIssue[]>;
  const problem: HistoryTables<T>["problem"] = (table, index, column, code, message) => {
    issues[table].push({ code, path: [index, column], row: index + 2, message });
  };
  return {
    issues,
    problem,
    checked: (table, needed, what) => {
      const rows: unknown = given[table] ?? [];
      requireList(rows, fn, `tables.${table}`);
      const missing = missingColumns(rows, needed, what);
      if (missing === undefined) return rows as readonly SourceRow[];
      issues[table].push(missing);
      return [];
    },
    answerRows: (table, rows) => {
      rows.forEach((row, index) => {
        if (!isRecord(row))
          issues[table].push({
            code: "invalid_type",
            path: [index],
            row: index + 2,
            message: "A row must be an object of cells",
          });
      });
    },
    timeReader: (zone) => (table, row, index, column, missing) => {
      const text = cellText(row, column);
      if (text === undefined) {
        problem(table, index, column, "missing_value", missing);
        return undefined;
      }
      const at = readInstant(text, zone);
      if (at.ok) return at.ms;
      problem(table, index, column, at.code, at.message);
      return undefined;
    },
    sorted: () => {
      for (const name of names) issues[name].sort((a, b) => a.row - b.row);
      return issues;
    },
  };
}
