// How the tests load the writers' CSV into DuckDB, as docs/sql.md says to: with the dialect named. A
// bare `COPY ... (HEADER)` lets DuckDB's sniffer guess the quote character, and a law found a file of
// ids made of single quotes read as one mangled row.
export const DUCKDB_CSV = `(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"')`;
