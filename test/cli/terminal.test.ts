// What the command does on a terminal and off one: colour (NO_COLOR), the progress bar (only on a
// terminal, after a second, never with --quiet), help with an example for every command, and the
// installed bin run as a process.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { run } from "../../packages/cli/src/program.js";
import { recordingIo } from "./io.js";

const SAMPLE = "examples/data/hubspot-meetings.csv";
const ESC = "\u001b[";

describe("colour", () => {
  it("is on for a terminal, off with NO_COLOR set or when piped", async () => {
    const terminal = recordingIo({ stdoutIsTerminal: true });
    await run(["check", SAMPLE, "--from", "hubspot"], terminal.io);
    expect(terminal.stdout()).toContain(`${ESC}1m`);
    const noColor = recordingIo({ stdoutIsTerminal: true, env: { NO_COLOR: "1" } });
    await run(["check", SAMPLE, "--from", "hubspot"], noColor.io);
    expect(noColor.stdout()).not.toContain(ESC);
    // NO_COLOR set but empty does not turn colour off (no-color.org).
    const empty = recordingIo({ stdoutIsTerminal: true, env: { NO_COLOR: "" } });
    await run(["check", SAMPLE, "--from", "hubspot"], empty.io);
    expect(empty.stdout()).toContain(ESC);
    const piped = recordingIo();
    await run(["check", SAMPLE, "--from", "hubspot"], piped.io);
    expect(piped.stdout()).not.toContain(ESC);
  });
});

describe("the progress bar", () => {
  // A clock that moves 0.4 s each time it is read: reading passes a second after the third read.
  const slowClock = (): (() => number) => {
    let at = 0;
    return () => (at += 400);
  };

  it("is drawn on standard error of a terminal for a file that takes more than a second, then cleared", async () => {
    const { io, stderr } = recordingIo({ stderrIsTerminal: true, elapsed: slowClock() });
    await run(["check", SAMPLE, "--from", "hubspot"], io);
    expect(stderr()).toMatch(new RegExp(`^\\rreading ${SAMPLE} \\[#+\\.*\\] \\d+%`));
    expect(stderr()).toMatch(/\r +\r$/);
  });

  it("is not drawn with --quiet, when standard error is piped, in CI, or within the first second", async () => {
    const quiet = recordingIo({ stderrIsTerminal: true, elapsed: slowClock() });
    await run(["check", SAMPLE, "--from", "hubspot", "--quiet"], quiet.io);
    expect(quiet.stderr()).toBe("");
    const piped = recordingIo({ elapsed: slowClock() });
    await run(["check", SAMPLE, "--from", "hubspot"], piped.io);
    expect(piped.stderr()).toBe("");
    const ci = recordingIo({ stderrIsTerminal: true, elapsed: slowClock(), env: { CI: "true" } });
    await run(["check", SAMPLE, "--from", "hubspot"], ci.io);
    expect(ci.stderr()).toBe("");
    const fast = recordingIo({ stderrIsTerminal: true, elapsed: () => 0 });
    await run(["check", SAMPLE, "--from", "hubspot"], fast.io);
    expect(fast.stderr()).toBe("");
  });
});

describe("help", () => {
  it("shows an example for every command, and exits 0", async () => {
    for (const command of ["check", "report", "sla"]) {
      const { io, stdout } = recordingIo();
      expect(await run([command, "--help"], io)).toBe(0);
      expect(stdout()).toMatch(new RegExp(`Example:\\n {2}\\$ handoff-kit ${command} examples/data/`));
    }
    const { io, stdout } = recordingIo();
    expect(await run(["--help"], io)).toBe(0);
    expect(stdout()).toContain("Examples:");
  });
});

describe("the installed command", () => {
  it("runs from node_modules/.bin after npm ci, exits with the check's status, and writes no colour to a pipe", () => {
    const result = spawnSync("node_modules/.bin/handoff-kit", ["check", SAMPLE, "--from", "hubspot"], {
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "1" },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${SAMPLE} (HubSpot meetings export): 379 records, no issues\n\n379 handoffs.\n`);
    const bad = spawnSync("node_modules/.bin/handoff-kit", ["check", "nowhere.csv", "--from", "hubspot"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("handoff-kit: nowhere.csv: no such file\n");
  });
});
