import type { CliIo } from "../../packages/cli/src/cli-io.js";

/** An io that records what the command writes, with a fixed clock and terminals as asked. */
export function recordingIo(
  options: Partial<Pick<CliIo, "env" | "stdoutIsTerminal" | "stderrIsTerminal" | "elapsed">> = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: options.env ?? {},
    stdoutIsTerminal: options.stdoutIsTerminal ?? false,
    stderrIsTerminal: options.stderrIsTerminal ?? false,
    now: () => new Date("2026-11-14T02:00:00Z"),
    elapsed: options.elapsed ?? (() => 0),
    cwd: process.cwd(),
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}
