import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { CliError, type CliIo } from "./cli-io.js";
import { FileText, LINE_BREAK, type Encoding } from "./file-text.js";
import { startProgress } from "./progress.js";

export { ENCODINGS, type Encoding } from "./file-text.js";

/** How a source's file is written: CSV with a header row, or JSON (an array, or one value a line). */
export type RecordFormat = "csv" | "json";

/** Lines of JSON, one record a line (a webhook log), rather than one JSON array. */
export const isJsonLines = (path: string): boolean => /\.(jsonl|ndjson)$/i.test(path);

/** A JSON Lines line's value; a line that is not JSON stops the file, naming the line. */
function jsonLine(path: string, line: number, entry: string): unknown {
  try {
    return JSON.parse(entry);
  } catch (error) {
    throw new CliError(`${path}: line ${String(line)} is not JSON (${(error as Error).message})`);
  }
}

function unreadable(path: string, error: unknown): CliError {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return new CliError(`${path}: no such file`);
  if (code === "EISDIR") return new CliError(`${path}: is a directory, not a file`);
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(`${path}: ${message.split("\n")[0] ?? message}`);
}

/** What a file held: its records, where each is in the file, and the rows read but not passed on. */
export interface FileRecords {
  readonly records: unknown[];
  /**
   * Each record's row as the reader sees it: a CSV record's row in a spreadsheet (the header is
   * row 1, a blank line is a row of its own, a record spanning lines is one row), a JSON Lines
   * record's line, a JSON array's element from 1.
   */
  readonly rows: number[];
  readonly header: readonly string[] | undefined;
  /** CSV rows with more cells than the header, not passed on: which cell is which cannot be told. */
  readonly refused: readonly { readonly row: number; readonly message: string }[];
}

/** The file's text, decoded as it streams (see {@link FileText}). */
async function* decoded(path: string, chunks: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<string> {
  const text = new FileText(path, encoding);
  for await (const chunk of chunks) yield text.push(chunk);
  const rest = text.end();
  if (rest !== "") yield rest;
}

interface CsvInfo {
  readonly records: number;
  readonly empty_lines: number;
  readonly error?: { readonly code?: string; readonly record?: readonly unknown[] };
}

/**
 * Reads a file's records. CSV is streamed through csv-parse, each row an object keyed by the header
 * (a byte-order mark dropped, blank lines skipped but counted in the rows, a short row kept for the
 * adapter to report, a long one refused); JSON Lines are read a line at a time by {@link jsonLinesSync},
 * the reader of a stream's passes, so both split and decode them alike; a JSON file is one array. The
 * rows are held (an adapter needs every version of a record to keep the latest), but not the file's text.
 */
export async function readRecords(
  path: string,
  format: RecordFormat,
  io: CliIo,
  options: { readonly quiet: boolean; readonly encoding: Encoding },
): Promise<FileRecords> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    size = info.size;
  } catch (error) {
    throw unreadable(path, error);
  }
  const progress = startProgress(io, `reading ${path}`, size, options.quiet);
  const textOf = (): Readable => {
    const stream = createReadStream(path);
    let bytes = 0;
    stream.on("data", (chunk) => {
      bytes += chunk.length;
      progress.update(bytes);
    });
    return Readable.from(decoded(path, stream as AsyncIterable<Buffer>, options.encoding));
  };
  const records: unknown[] = [];
  const rows: number[] = [];
  const refused: { row: number; message: string }[] = [];
  let header: string[] | undefined;
  try {
    if (format === "csv") {
      const text = textOf();
      const columns = (names: string[]): string[] => {
        // Two columns of one name: one would silently hide the other.
        const twice = names.find((name, i) => names.indexOf(name) !== i);
        if (twice !== undefined) throw new CliError(`${path}: the header names the column ${twice} twice`);
        header = names;
        return names;
      };
      const parser = text.pipe(
        parse({
          columns,
          bom: true,
          skip_empty_lines: true,
          relax_column_count: true,
          relax_quotes: false,
          info: true,
        }),
      );
      text.on("error", (error) => parser.destroy(error));
      for await (const { record, info } of parser as AsyncIterable<{ record: unknown; info: CsvInfo }>) {
        // The header is row 1 and every blank line before a record is a row of its own.
        const row = 1 + info.records + info.empty_lines;
        const cells = info.error?.code === "CSV_RECORD_INCONSISTENT_COLUMNS" ? info.error.record : undefined;
        // Empty cells past the header (a trailing comma) hide nothing; a value there means the cells shifted.
        if (
          cells !== undefined &&
          cells.length > (header?.length ?? 0) &&
          cells.slice(header?.length).some((cell) => cell !== "")
        ) {
          refused.push({
            row,
            message:
              `${String(cells.length)} cells, the header ${String(header?.length ?? 0)}: ` +
              "a comma in a value that is not quoted? The row is not read",
          });
          continue;
        }
        records.push(record);
        rows.push(row);
      }
    } else if (isJsonLines(path)) {
      for (const { line, value } of jsonLinesSync(path, options.encoding, progress.update)) {
        records.push(value);
        rows.push(line);
      }
    } else {
      let whole = "";
      for await (const piece of textOf()) whole += piece as string;
      let value: unknown;
      try {
        value = JSON.parse(whole.replace(/^\uFEFF/, ""));
      } catch (error) {
        throw new CliError(`${path}: not JSON (${(error as Error).message})`);
      }
      // The library's sample file holds its records under "handoffs", beside the team and calendars.
      const list: unknown =
        typeof value === "object" && value !== null && !Array.isArray(value)
          ? (value as { handoffs?: unknown }).handoffs
          : value;
      if (!Array.isArray(list))
        throw new CliError(
          `${path}: expected a JSON array of records, or an object with one under "handoffs" ` +
            "(or JSON Lines in a .jsonl file)",
        );
      for (const [index, record] of (list as unknown[]).entries()) {
        records.push(record);
        rows.push(index + 1);
      }
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    // csv-parse wraps an error thrown by the columns function or the decoder.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof CliError) throw cause;
    throw unreadable(path, error);
  } finally {
    progress.end();
  }
  if (format === "csv" && header === undefined) throw new CliError(`${path}: empty: no header row`);
  return { records, rows, header, refused };
}

/** The bytes read at a time by {@link jsonLinesSync}. */
const CHUNK = 1 << 20;

/**
 * A JSON Lines file's records, read a chunk at a time and synchronously, so a pass over a file of any
 * size holds one chunk and one record: each value with its line (blank lines skipped, a byte-order mark
 * dropped, as a CSV export may open with one), decoded as {@link FileText} decodes (UTF-8 strictly).
 * Each iteration reads the file again; `read` is told the bytes read so far.
 */
export function jsonLinesSync(
  path: string,
  encoding: Encoding,
  read?: (bytes: number) => void,
): Iterable<{ readonly line: number; readonly value: unknown }> {
  return {
    *[Symbol.iterator]() {
      let fd: number;
      try {
        fd = openSync(path, "r");
      } catch (error) {
        throw unreadable(path, error);
      }
      try {
        const text = new FileText(path, encoding);
        const buffer = Buffer.alloc(CHUNK);
        let pending = "";
        let line = 0;
        let bytes = 0;
        const entries = function* (next: string, last: boolean) {
          let joined = pending + next;
          // A CR at a chunk's end may be the first half of a CRLF: held for the next chunk.
          const cr = !last && joined.endsWith("\r") ? "\r" : "";
          if (cr !== "") joined = joined.slice(0, -1);
          const parts = joined.split(LINE_BREAK);
          pending = last ? "" : (parts.pop() ?? "") + cr;
          for (let entry of parts) {
            line += 1;
            if (line === 1) entry = entry.replace(/^\uFEFF/, "");
            if (entry.trim() !== "") yield { line, value: jsonLine(path, line, entry) };
          }
        };
        for (;;) {
          let got: number;
          try {
            got = readSync(fd, buffer, 0, CHUNK, null);
          } catch (error) {
            throw unreadable(path, error);
          }
          if (got === 0) {
            yield* entries(text.end(), true);
            return;
          }
          bytes += got;
          read?.(bytes);
          yield* entries(text.push(buffer.subarray(0, got)), false);
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}
