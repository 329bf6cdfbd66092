// The command over the sources that are not CSV: handoff JSON (the library's own, as an array, under
// "handoffs" as the sample file holds it, or as JSON Lines) and Calendly's webhook deliveries as a log
// of JSON Lines, with the adapter's options from --mapping.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../packages/cli/src/program.js";
import { recordingIo } from "./io.js";
import { API, created } from "../fixtures/calendly-deliveries.js";

const dir = mkdtempSync(join(tmpdir(), "handoff-kit-sources-"));

describe("--from json", () => {
  it("reads the sample file, whose records are under handoffs, and a JSON Lines file", async () => {
    const sample = recordingIo();
    expect(await run(["check", "examples/data/sample-handoffs.json", "--from", "json"], sample.io)).toBe(0);
    expect(sample.stdout()).toBe(
      "examples/data/sample-handoffs.json (handoff records (JSON)): 371 records, no issues\n\n371 handoffs.\n",
    );
    // A blank line, then a record that is no handoff on line 2, then a blank line: the issues are
    // at line 2, where an editor shows the record.
    const lines = join(dir, "two.jsonl");
    writeFileSync(lines, `\n${JSON.stringify({ id: "h-1" })}\n\n`);
    const { io, stdout } = recordingIo();
    expect(await run(["check", lines, "--from", "json"], io)).toBe(1);
    expect(stdout()).toMatch(/^.*two\.jsonl \(handoff records \(JSON\)\): 1 record, \d+ issues\n {2}row 2, /);
    expect(stdout()).toMatch(/\n\n0 handoffs\.\n/);
  });

  it("stops with one line on a line that is not JSON, naming the line", async () => {
    const lines = join(dir, "junk.jsonl");
    writeFileSync(lines, `{}\nnot json\n`);
    const { io, stderr } = recordingIo();
    expect(await run(["check", lines, "--from", "json"], io)).toBe(2);
    expect(stderr()).toMatch(/^handoff-kit: .*junk\.jsonl: line 2 is not JSON \(.*\)\n$/);
  });
});

describe("--from calendly", () => {
  it("reads a log of deliveries, with the reps from --mapping", async () => {
    // One booking by Ana (scheduled on the invitee's behalf) with Omar as host, created on Monday
    // 2 November and held on Thursday 5 November.
    const delivery = created({
      id: "A",
      createdAt: "2026-11-02T15:05:00.000000Z",
      start: "2026-11-05T20:00:00.000000Z",
      end: "2026-11-05T20:30:00.000000Z",
      scheduledBy: `${API}/users/ANA`,
    });
    const log = join(dir, "calendly.jsonl");
    writeFileSync(log, `${JSON.stringify(delivery)}\n${JSON.stringify(delivery)}\n`);
    const mapping = join(dir, "calendly-mapping.json");
    writeFileSync(
      mapping,
      JSON.stringify({
        reps: {
          [`${API}/users/OMAR`]: { id: "ae-omar", name: "Omar Haddad" },
          [`${API}/users/ANA`]: { id: "sdr-ana", name: "Ana Souza" },
        },
        defaults: { source: "inbound", segment: "smb" },
      }),
    );
    const { io, stdout } = recordingIo();
    // The same delivery twice is Calendly retrying it: one booking; the repeat is listed, and is no
    // failure of the check.
    expect(await run(["check", log, "--from", "calendly", "--mapping", mapping], io)).toBe(0);
    expect(stdout()).toBe(
      `${log} (Calendly webhook deliveries): 2 records, 1 issue\n` +
        "  row 2: duplicate_row: The same delivery as row 1: counted once\n" +
        "\n1 handoff.\nIssues by code: duplicate_row 1\n",
    );
    const json = recordingIo();
    const argv = ["sla", log, "--from", "calendly", "--mapping", mapping, "--json"];
    expect(
      await run([...argv, "--policy", "ae-follows-up-within-48-hours", "--now", "2026-11-03T15:05:00Z"], json.io),
    ).toBe(0);
    // Booked 2 November 15:05, due 48 h later; at now, 24 h in, it is running with Omar owing it.
    const read = JSON.parse(json.stdout()) as {
      clocks: { aeId: string; sdrId: string; deadline: string; state: string }[];
    };
    expect(read.clocks).toMatchObject([
      { aeId: "ae-omar", sdrId: "sdr-ana", deadline: "2026-11-04T15:05:00.000Z", state: "running" },
    ]);
  });

  it("stops with one line when --mapping is no object of options", async () => {
    const mapping = join(dir, "list.json");
    writeFileSync(mapping, "[]");
    const { io, stderr } = recordingIo();
    expect(
      await run(["check", "examples/data/hubspot-meetings.csv", "--from", "hubspot", "--mapping", mapping], io),
    ).toBe(2);
    expect(stderr()).toBe(`handoff-kit: --mapping: ${mapping} must hold one JSON object of adapter options\n`);
  });
});
