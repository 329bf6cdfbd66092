// JSON Lines of handoff records streamed (summaries, and report --engine duckdb): read a chunk at a
// time, the same records and the same refusals as the whole-file reading `check` does. The file is
// made larger than one chunk (1 MiB) with a character of two, three and four UTF-8 bytes on every
// line, so chunk boundaries fall inside characters and lines; it has a byte-order mark, CRLF line
// ends and blank lines.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs } from "../../examples/sample-data/generate.js";
import { run } from "../../packages/cli/src/program.js";
import { recordingIo } from "./io.js";

const dir = mkdtempSync(join(tmpdir(), "handoff-kit-stream-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function command(args: readonly string[]) {
  const recorded = recordingIo();
  const code = await run(args, recorded.io);
  return { code, stdout: recorded.stdout(), stderr: recorded.stderr() };
}

// Every record's segment carries "é€😀" (2, 3 and 4 bytes), so the file's bytes do not line up with chunks.
const records = [...generateHandoffs({ ...DEFAULT_SAMPLE_OPTIONS, weeks: 26 })].map((record) => ({
  ...record,
  segment: `${record.segment}-é€😀`,
}));

describe("JSON Lines of handoff records, streamed", () => {
  it("gives the summary table the whole-file reading gives, across chunk boundaries", async () => {
    const lines = join(dir, "handoffs.jsonl");
    const text = `\uFEFF${records.map((record) => JSON.stringify(record)).join("\r\n\r\n")}\r\n`;
    writeFileSync(lines, text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
    // The same records as one JSON array, which is read whole.
    const array = join(dir, "handoffs.json");
    writeFileSync(array, JSON.stringify(records));
    const now = ["--now", DEFAULT_SAMPLE_OPTIONS.asOf];
    for (const extra of [[], ["--events"]]) {
      const streamed = await command(["summaries", lines, "--from", "json", "-q", ...now, ...extra]);
      const whole = await command(["summaries", array, "--from", "json", "-q", ...now, ...extra]);
      expect(streamed.code, streamed.stderr).toBe(0);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.stdout.split("\n").length).toBeGreaterThan(records.length);
    }
  });

  it("counts the issues of records that are no handoffs, as the whole reading does", async () => {
    const lines = join(dir, "two.jsonl");
    writeFileSync(lines, `${JSON.stringify(records[0])}\n${JSON.stringify({ id: "h-1" })}\n`);
    const streamed = await command(["summaries", lines, "--from", "json", "-q"]);
    const checked = await command(["check", lines, "--from", "json", "-q"]);
    const issues = /: 2 records, (\d+) issues/u.exec(checked.stdout)?.[1];
    expect(Number(issues)).toBeGreaterThan(1);
    expect(streamed.stderr).toBe(
      `handoff-kit: ${String(issues)} issues in the input; ` +
        "`handoff-kit check` with the same files and options lists them\n",
    );
    expect(streamed.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("stops on a line that is not JSON, or not UTF-8, naming the line as the whole reading does", async () => {
    // The bad line past the first chunk: its number counts the lines of the chunks before.
    const head = `${records.map((record) => JSON.stringify(record)).join("\n")}\n`;
    expect(Buffer.byteLength(head)).toBeGreaterThan(1 << 20);
    const line = records.length + 1;
    const junk = join(dir, "junk.jsonl");
    writeFileSync(junk, `${head}not json\n`);
    const latin = join(dir, "latin.jsonl");
    writeFileSync(
      latin,
      Buffer.concat([Buffer.from(head), Buffer.from('{"id":"M'), Buffer.from([0xfc]), Buffer.from('ller"}\n')]),
    );
    for (const [path, message] of [
      [junk, `line ${String(line)} is not JSON`],
      [latin, `line ${String(line)} is not UTF-8`],
    ] as const) {
      const streamed = await command(["summaries", path, "--from", "json", "-q"]);
      const checked = await command(["check", path, "--from", "json", "-q"]);
      expect(streamed.code).toBe(2);
      expect(streamed.stderr).toContain(`${path}: ${message}`);
      expect(checked.stderr).toContain(`${path}: ${message}`);
    }
  });
});
