import process from "node:process";
import { performance } from "node:perf_hooks";
import { run } from "./program.js";

// The one place the command touches the process: its streams, environment, clock and exit status.
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTerminal: process.stdout.isTTY,
  stderrIsTerminal: process.stderr.isTTY,
  now: () => new Date(),
  elapsed: () => performance.now(),
  cwd: process.cwd(),
});
