import type { CliIo } from "./cli-io.js";

/** Text styles for a terminal, or none: `NO_COLOR` (any non-empty value, no-color.org) or a pipe. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly late: (text: string) => string;
  readonly dim: (text: string) => string;
}

const plain = (text: string): string => text;
const ansi =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${String(open)}m${text}\u001b[${String(close)}m`;

export function styleFor(io: CliIo): Style {
  const noColor = (io.env["NO_COLOR"] ?? "") !== "";
  if (noColor || !io.stdoutIsTerminal) return { bold: plain, late: plain, dim: plain };
  return { bold: ansi(1, 22), late: ansi(31, 39), dim: ansi(2, 22) };
}
