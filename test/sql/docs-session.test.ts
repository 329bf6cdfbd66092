// The DuckDB session of docs/sql.md, run as written: its four commands (in process, each output written
// to the file the guide redirects it to), then its SQL statements in DuckDB (`.read` reads the file),
// and the numbers its comment states, read back from the guide.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../packages/cli/src/program.js";
import { recordingIo } from "../cli/io.js";

const guide = readFileSync(new URL("../../docs/sql.md", import.meta.url), "utf8");
const blocks = (language: string): string[] =>
  [...guide.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "gu"))].map((m) => m[1] ?? "");
const dir = mkdtempSync(join(tmpdir(), "handoff-kit-sql-guide-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("docs/sql.md's DuckDB session", () => {
  it("gives the numbers the guide states", async () => {
    const commands = (blocks("sh").find((block) => block.includes("handoff-kit sql")) ?? "")
      .split("\n")
      .filter((line) => line.startsWith("handoff-kit "));
    expect(commands).toHaveLength(4);
    for (const line of commands) {
      const [command = "", file = ""] = line.split(" > ");
      const recorded = recordingIo();
      const args = command.split(" ").slice(1);
      expect(await run([...args, ...(args[0] === "summaries" ? ["-q"] : [])], recorded.io), recorded.stderr()).toBe(0);
      writeFileSync(join(dir, file.trim()), recorded.stdout());
    }

    const session = blocks("sql").find((block) => block.startsWith(".read tables.sql")) ?? "";
    const statements = session
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("--"))
      .map((line) => {
        const read = /^\.read (\S+)$/u.exec(line)?.[1];
        if (read !== undefined) return readFileSync(join(dir, read), "utf8");
        return line.replace(/'([a-z_]+\.csv)'/u, (_, name: string) => `'${join(dir, name)}'`);
      });
    expect(statements).toHaveLength(4);
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    let rows: Record<string, unknown>[] = [];
    for (const statement of statements) rows = (await db.runAndReadAll(statement)).getRowObjectsJS();
    db.closeSync();
    instance.closeSync();

    const stated =
      /-- overall: (\d+) handoffs, held_rate ([\d.]+) \(([\d.]+) to ([\d.]+)\), acceptance_rate ([\d.]+)/u.exec(
        session,
      );
    expect(stated).not.toBeNull();
    const [, handoffs, held, low, high, acceptance] = (stated ?? []).map(Number);
    const [overall, ...groups] = rows;
    const round = (value: unknown): number => Math.round((value as number) * 1000) / 1000;
    expect(overall).toMatchObject({ scope: "overall", handoffs: BigInt(handoffs ?? 0) });
    expect([overall?.["held_rate"], overall?.["held_rate_low"], overall?.["held_rate_high"]].map(round)).toEqual([
      held,
      low,
      high,
    ]);
    expect(round(overall?.["acceptance_rate"])).toBe(acceptance);
    // "then one row per SDR": the sample's eight.
    expect(groups.map((group) => group["scope"])).toEqual(Array.from({ length: 8 }, () => "group"));
    expect(new Set(groups.map((group) => group["sdr_id"])).size).toBe(8);
  });
});
