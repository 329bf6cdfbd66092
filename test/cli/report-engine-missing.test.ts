// `--engine duckdb` where @duckdb/node-api is not installed (it is an optional peer of the command):
// one line saying what to install, exit 2, and no report half written.
import { describe, expect, it, vi } from "vitest";
import { recordingIo } from "./io.js";

vi.doMock("@duckdb/node-api", () => {
  throw new Error("Cannot find package '@duckdb/node-api'");
});

describe("handoff-kit report --engine duckdb without DuckDB", () => {
  it("says what to install, in one line", async () => {
    const { run } = await import("../../packages/cli/src/program.js");
    const { io, stdout, stderr } = recordingIo();
    const argv = ["report", "examples/data/hubspot-meetings.csv", "--from", "hubspot", "-q", "--engine", "duckdb"];
    expect(await run(argv, io)).toBe(2);
    expect(stderr()).toBe(
      "handoff-kit: --engine duckdb: the package @duckdb/node-api is not installed (npm install @duckdb/node-api)\n",
    );
    expect(stdout()).toBe("");
    // The same command without the engine does not need it.
    expect(await run(argv.slice(0, -2), recordingIo().io)).toBe(0);
  });
});
