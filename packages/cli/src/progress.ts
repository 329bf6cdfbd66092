import type { CliIo } from "./cli-io.js";

/** A progress line on standard error for a file that takes more than a second to read. */
export interface Progress {
  readonly update: (done: number) => void;
  readonly end: () => void;
}

const QUIET: Progress = { update: () => undefined, end: () => undefined };
const WIDTH = 24;

/**
 * Draws `label [#####.....] 42%` once reading has taken a second, at most ten times a second, and
 * clears it at the end. None when standard error is not a terminal (piped), in CI (`CI` set), or with
 * `--quiet`.
 */
export function startProgress(io: CliIo, label: string, total: number, quiet: boolean): Progress {
  const ci = io.env["CI"];
  const inCi = ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
  if (quiet || inCi || !io.stderrIsTerminal || !(total > 0)) return QUIET;
  const started = io.elapsed();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update: (done) => {
      const at = io.elapsed();
      if (at - started < 1000 || at - drawnAt < 100) return;
      drawnAt = at;
      drawn = true;
      const share = Math.min(1, done / total);
      const filled = Math.round(share * WIDTH);
      io.stderr(`\r${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.floor(share * 100))}%`);
    },
    end: () => {
      if (drawn) io.stderr(`\r${" ".repeat(label.length + WIDTH + 8)}\r`);
    },
  };
}
