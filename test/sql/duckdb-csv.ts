// How the tests load the writers' CSV into DuckDB, as docs/sql.md says to: with the dialect named. A
// bare `COPY ... (HEADER)` lets DuckDB's sniffer guess the quote character, and a law found a file of
// ids made of single quotes read as one mangled row.
export const DUCKDB_CSV = `(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"')`;

/**
 * A writer's CSV lines (header first) as the rows of an `INSERT ... VALUES`, for the small hand-worked
 * tables: empty cells are NULL, others quoted text that DuckDB casts to the column's type. Only for
 * cells without commas or quotes, as the examples' are.
 */
export const insertValues = (lines: Iterable<string>): string =>
  [...lines]
    .slice(1)
    .map((line) =>
      line
        .trimEnd()
        .split(",")
        .map((cell) => (cell === "" ? "NULL" : `'${cell}'`)),
    )
    .map((cells) => `(${cells.join(", ")})`)
    .join(",\n");
