import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import { CliError, type CliIo } from "./cli-io.js";
import { startProgress } from "./progress.js";

/** How a source's file is written: CSV with a header row, or JSON (an array, or one value a line). */
export type RecordFormat = "csv" | "json";

/** Lines of JSON, one record a line (a webhook log), rather than one JSON array. */
const isJsonLines = (path: string): boolean => /\.(jsonl|ndjson)$/i.test(path);

function unreadable(path: string, error: unknown): CliError {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return new CliError(`${path}: no such file`);
  if (code === "EISDIR") return new CliError(`${path}: is a directory, not a file`);
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(`${path}: ${message.split("\n")[0] ?? message}`);
}

/**
 * Reads a file's records. CSV is streamed through csv-parse, each row an object keyed by the header
 * (a byte-order mark dropped, blank lines skipped, a short or long row kept for the adapter to
 * report rather than stopping the file); JSON Lines are streamed a line at a time; a JSON file is
 * one array. The rows are held (an adapter needs every version of a record to keep the latest), but
 * not the file's text.
 */
export async function readRecords(
  path: string,
  format: RecordFormat,
  io: CliIo,
  quiet: boolean,
): Promise<{ records: unknown[]; header: readonly string[] | undefined }> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    size = info.size;
  } catch (error) {
    throw unreadable(path, error);
  }
  const progress = startProgress(io, `reading ${path}`, size, quiet);
  const stream = createReadStream(path);
  let bytes = 0;
  stream.on("data", (chunk) => {
    bytes += chunk.length;
    progress.update(bytes);
  });
  const records: unknown[] = [];
  let header: string[] | undefined;
  try {
    if (format === "csv") {
      const columns = (names: string[]): string[] => {
        // Two columns of one name: one would silently hide the other.
        const twice = names.find((name, i) => names.indexOf(name) !== i);
        if (twice !== undefined) throw new CliError(`${path}: the header names the column ${twice} twice`);
        header = names;
        return names;
      };
      const parser = stream.pipe(
        parse({ columns, bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: false }),
      );
      stream.on("error", (error) => parser.destroy(error));
      for await (const row of parser) records.push(row);
    } else if (isJsonLines(path)) {
      let line = 0;
      for await (let text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
        line += 1;
        // A byte-order mark may open the file, as in a CSV export.
        if (line === 1) text = text.replace(/^\uFEFF/, "");
        if (text.trim() === "") continue;
        try {
          records.push(JSON.parse(text));
        } catch (error) {
          throw new CliError(`${path}: line ${String(line)} is not JSON (${(error as Error).message})`);
        }
      }
    } else {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      let value: unknown;
      try {
        value = JSON.parse(
          Buffer.concat(chunks)
            .toString("utf8")
            .replace(/^\uFEFF/, ""),
        );
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
      records.push(...(list as unknown[]));
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    // csv-parse wraps an error thrown by the columns function.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof CliError) throw cause;
    throw unreadable(path, error);
  } finally {
    progress.end();
  }
  if (format === "csv" && header === undefined) throw new CliError(`${path}: empty: no header row`);
  return { records, header };
}
