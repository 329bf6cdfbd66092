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
import { firstInvalidUtf8 } from "../../packages/cli/src/file-text.js";
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

  it("reads a lone CR as a line break and CRLF as one, on both paths (a check found them apart)", async () => {
    const [a, b] = records.map((record) => JSON.stringify(record));
    const cr = join(dir, "cr.jsonl");
    writeFileSync(cr, `${a ?? ""}\r${b ?? ""}\r`);
    const streamed = await command(["summaries", cr, "--from", "json", "-q"]);
    expect(streamed.code, streamed.stderr).toBe(0);
    expect(streamed.stdout.trim().split("\n")).toHaveLength(3);
    expect((await command(["check", cr, "--from", "json", "-q"])).stdout).toMatch(/\n2 handoffs\.\n$/u);
    // CR, then CRLF: two breaks, so the bad record is on line 3 (an editor shows it there).
    const crcrlf = join(dir, "crcrlf.jsonl");
    writeFileSync(crcrlf, `${a ?? ""}\r\r\n{bad\n`);
    for (const args of [["summaries"], ["check"]]) {
      const result = await command([...args, crcrlf, "--from", "json", "-q"]);
      expect(result.stderr).toContain(`${crcrlf}: line 3 is not JSON`);
      // Nothing is written before the bad line is found.
      if (args[0] === "summaries") expect(result.stdout).toBe("");
    }
  });

  it("names the line of a byte that is not UTF-8 from the bytes, whatever text is around it", async () => {
    const [a] = records.map((record) => JSON.stringify(record));
    const line = Buffer.from(`${a ?? ""}\n`);
    const cases: [string, Buffer, number][] = [
      // A real U+FFFD on line 1 is text, not the bad byte (0xFF on line 3).
      ["fffd", Buffer.concat([Buffer.from('{"note":"\uFFFD"}\n'), line, Buffer.from([0x7b, 0xff, 0x7d, 0x0a])]), 3],
      // The file ends in the middle of a three-byte character, on line 2.
      ["truncated", Buffer.concat([line, Buffer.from([0x7b, 0xe2, 0x82])]), 2],
      // A two-byte character across the first chunk's end (byte 1,048,576), then a bad byte two lines on.
      [
        "straddle",
        Buffer.concat([
          Buffer.from("x".repeat((1 << 20) - 1)),
          Buffer.from("é\n{}\n\u00ff"),
          Buffer.from([0xc0, 0x0a]),
        ]),
        3,
      ],
    ];
    for (const [name, bytes, expected] of cases) {
      const path = join(dir, `${name}.jsonl`);
      writeFileSync(path, bytes);
      for (const args of [["summaries"], ["check"]]) {
        const result = await command([...args, path, "--from", "json", "-q"]);
        expect(result.stderr, `${name}, ${args[0] ?? ""}`).toContain(`${path}: line ${String(expected)} is not UTF-8`);
      }
    }
  });
});

describe("firstInvalidUtf8", () => {
  it("finds the first byte UTF-8 refuses, and none in a sequence the end cuts short", () => {
    const at = (...bytes: number[]): number => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at(0x61, 0xc3, 0xa9, 0x62)).toBe(-1); // "aéb"
    expect(at(0x61, 0x80)).toBe(1); // a stray continuation byte
    expect(at(0xc0, 0xaf)).toBe(0); // an overlong "/"
    expect(at(0xe0, 0x80, 0xaf)).toBe(0); // an overlong three-byte form
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // a UTF-16 surrogate, U+D800
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // past U+10FFFF
    expect(at(0xf0, 0x9f, 0x98, 0x80)).toBe(-1); // U+1F600
    expect(at(0x61, 0xe2, 0x82)).toBe(-1); // cut short by the end: not refused here
    expect(at(0xe2, 0x28, 0xa1)).toBe(0); // a lead byte its continuation does not follow
  });
});
