// `handoff-kit report --engine duckdb`: the scoreboards computed by handoff-kit/sql's queries in an
// embedded DuckDB give the report the in-memory engine gives, to the byte, as text, JSON and HTML: on
// the bundled HubSpot export, and on generated handoff records with the hard cases (both DST changes
// of the reps' zones, holidays, several booking cycles, reassignments, cancellations, repeated
// deliveries and corrections, one AE's calendar missing), all five built-in policies, weeks on Lord
// Howe (a half-hour DST) from Sunday.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SAMPLE_OPTIONS, generateHandoffs, generateSampleData } from "../../examples/sample-data/generate.js";
import { run } from "../../packages/cli/src/program.js";
import { HANDOFF_SLA_POLICIES } from "../../src/sla/index.js";
import { withDeliveryNoise } from "../sql/delivery-noise.js";
import { recordingIo } from "./io.js";

const dir = mkdtempSync(join(tmpdir(), "handoff-kit-cli-engine-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The report's standard output and its HTML page, by one engine. */
async function report(engine: "memory" | "duckdb", argv: readonly string[]) {
  const html = join(dir, `${engine}.html`);
  const text = recordingIo();
  expect(await run(["report", ...argv, "-q", "--engine", engine, "--html", html], text.io)).toBe(0);
  const json = recordingIo();
  expect(await run(["report", ...argv, "-q", "--engine", engine, "--json"], json.io)).toBe(0);
  return { text: text.stdout(), json: json.stdout(), html: readFileSync(html, "utf8"), stderr: json.stderr() };
}

describe("handoff-kit report --engine duckdb", () => {
  it("gives the bundled HubSpot export's report to the byte", async () => {
    const argv = [
      "examples/data/hubspot-meetings.csv",
      "--from",
      "hubspot",
      "--time-zone",
      "America/New_York",
      "--now",
      "2026-11-14T02:00:00Z",
      "--calendars",
      "examples/data/hubspot-calendars.json",
    ];
    const [memory, duckdb] = [await report("memory", argv), await report("duckdb", argv)];
    expect(duckdb.text).toBe(memory.text);
    expect(duckdb.json).toBe(memory.json);
    expect(duckdb.html).toBe(memory.html);
    // The page does show SLA compliance, which the DuckDB side computed in SQL.
    expect(memory.html).toContain("SLA compliance");
  }, 60_000);

  it("gives the same report on generated records with the hard cases, every policy, odd weeks", async () => {
    const sample = generateSampleData();
    const records = withDeliveryNoise([
      ...generateHandoffs({ ...DEFAULT_SAMPLE_OPTIONS, firstMonday: { year: 2026, month: 2, day: 2 }, weeks: 41 }),
    ]);
    const cycles = records.filter((record) => (record.events ?? []).filter((e) => e.type === "booked").length > 1);
    expect(records.length).toBeGreaterThan(1_000);
    expect(cycles.length).toBeGreaterThan(50);
    const path = join(dir, "handoffs.jsonl");
    writeFileSync(path, records.map((record) => JSON.stringify(record)).join("\n"));
    // One AE's calendar is left out: their policies are not evaluated, on both sides alike.
    const missing = Object.keys(sample.calendars).find((key) => key.startsWith("ae-")) ?? "";
    const calendars = join(dir, "calendars.json");
    writeFileSync(
      calendars,
      JSON.stringify(Object.fromEntries(Object.entries(sample.calendars).filter(([key]) => key !== missing))),
    );
    const argv = [
      path,
      "--from",
      "json",
      "--time-zone",
      "Australia/Lord_Howe",
      "--week-start",
      "sun",
      "--now",
      DEFAULT_SAMPLE_OPTIONS.asOf,
      // The week of the US autumn DST change, whose clocks fall back early on Sunday 1 November.
      "--week",
      "2026-11-01",
      "--calendars",
      calendars,
      ...HANDOFF_SLA_POLICIES.flatMap((policy) => ["--policy", policy.id]),
    ];
    const [memory, duckdb] = [await report("memory", argv), await report("duckdb", argv)];
    expect(duckdb.json).toBe(memory.json);
    expect(duckdb.text).toBe(memory.text);
    expect(duckdb.html).toBe(memory.html);
    const read = JSON.parse(memory.json) as { icpCalibration: unknown[]; findings: unknown[]; breaches: unknown[] };
    // The parts the SQL computes are there to compare.
    expect(read.icpCalibration.length).toBeGreaterThan(1);
    expect(read.findings.length).toBeGreaterThan(0);
    expect(read.breaches.length).toBeGreaterThan(0);
  }, 180_000);

  // Two cases an independent hostile check found, each once a difference between the engines.
  const record = (id: string, ae: string, events: readonly object[]) => ({
    id,
    source: "outbound",
    segment: "smb",
    createdAt: "2026-11-03T10:00:00Z",
    sdr: { id: "sdr-a", name: "SDR A", timeZone: "America/New_York" },
    ae: { id: ae, name: `AE ${ae}`, timeZone: "America/New_York" },
    prospect: { name: "P" },
    account: { name: "Acme" },
    events,
  });
  const booked = (at: string, meeting: string) => ({
    id: "e1",
    type: "booked",
    at,
    by: "sdr-a",
    meeting: { start: meeting, end: meeting.replace(":00:00Z", ":30:00Z") },
  });

  it("keeps two records with one id two handoffs, as in memory, in SLA compliance too", async () => {
    // h1 accepted and followed up within the hour (met); the other h1 never answered (breached).
    const path = join(dir, "same-id.json");
    writeFileSync(
      path,
      JSON.stringify([
        record("h1", "ae-x", [
          booked("2026-11-03T10:30:00Z", "2026-11-05T15:00:00Z"),
          { id: "e2", type: "accepted", at: "2026-11-03T11:00:00Z", by: "ae-x" },
          { id: "e3", type: "first_follow_up", at: "2026-11-03T12:00:00Z", by: "ae-x" },
        ]),
        record("h1", "ae-y", [booked("2026-11-04T10:30:00Z", "2026-11-06T15:00:00Z")]),
      ]),
    );
    const argv = [path, "--from", "json", "--now", "2026-11-14T02:00:00Z", "--policy", "ae-follows-up-within-48-hours"];
    const [memory, duckdb] = [await report("memory", argv), await report("duckdb", argv)];
    expect(duckdb.html).toBe(memory.html);
    expect(memory.html).toMatch(/50%/u);
  }, 60_000);

  it("cuts weeks with Node's zone data where DuckDB's differs (Vancouver after 1 November 2026)", async () => {
    // 07:30 UTC on Monday 9 November is Sunday 23:30 PST in Node 20's data (tz 2025c) and Monday 00:30
    // PDT in DuckDB's newer data: the in-memory report puts h1 in the week of 2 November.
    const path = join(dir, "vancouver.json");
    writeFileSync(
      path,
      JSON.stringify([
        record("h1", "ae-x", [booked("2026-11-09T07:30:00Z", "2026-11-12T18:00:00Z")]),
        record("h2", "ae-x", [booked("2026-11-10T18:00:00Z", "2026-11-12T18:00:00Z")]),
      ]),
    );
    const argv = [path, "--from", "json", "--now", "2026-11-14T02:00:00Z", "--time-zone", "America/Vancouver"];
    const [memory, duckdb] = [await report("memory", argv), await report("duckdb", argv)];
    expect(duckdb.text).toBe(memory.text);
    expect(duckdb.html).toBe(memory.html);
  }, 60_000);

  it("reaches a deadline far past --now on a calendar open a minute a week", async () => {
    // One business hour on a calendar open 09:00-09:01 each Monday: sixty Mondays, past 400 days.
    const path = join(dir, "sparse.json");
    writeFileSync(
      path,
      JSON.stringify([record("h1", "ae-x", [booked("2026-11-03T10:30:00Z", "2026-11-05T15:00:00Z")])]),
    );
    const calendars = join(dir, "sparse-calendars.json");
    writeFileSync(calendars, JSON.stringify({ "ae-x": { timeZone: "UTC", week: { mon: [["09:00", "09:01"]] } } }));
    const argv = [
      path,
      "--from",
      "json",
      "--now",
      "2026-11-14T02:00:00Z",
      "--calendars",
      calendars,
      "--policy",
      "ae-acknowledges-within-one-business-hour",
    ];
    const [memory, duckdb] = [await report("memory", argv), await report("duckdb", argv)];
    expect(duckdb.html).toBe(memory.html);
  }, 60_000);

  it("refuses an engine it does not have, in one line", async () => {
    const { io, stderr } = recordingIo();
    const argv = ["report", "examples/data/hubspot-meetings.csv", "--from", "hubspot", "--engine", "sqlite"];
    expect(await run(argv, io)).toBe(2);
    expect(stderr()).toMatch(
      /^handoff-kit: option '--engine <name>' argument 'sqlite' is invalid\. Allowed choices are memory, duckdb\./u,
    );
    expect(stderr().trim().split("\n")).toHaveLength(1);
  });
});
