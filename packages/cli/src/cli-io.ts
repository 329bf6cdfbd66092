/**
 * What the command reads from and writes to, passed in rather than taken from `process`, so the
 * commands run the same in tests as in a terminal.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard output is a terminal: colour is on unless `NO_COLOR` says otherwise. */
  readonly stdoutIsTerminal: boolean;
  /** Standard error is a terminal: a progress bar may be drawn there. */
  readonly stderrIsTerminal: boolean;
  /** The clock, read once per run for a default `--now`. */
  readonly now: () => Date;
  /** The time in milliseconds, for the progress bar's "more than a second" (a monotonic clock). */
  readonly elapsed: () => number;
  /** Where relative paths start. */
  readonly cwd: string;
}

/** Bad input or a bad option: the command stops with this one line and exit code 2. */
export class CliError extends Error {
  override readonly name = "CliError";
}
