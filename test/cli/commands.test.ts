// The handoff-kit command run in process, on small exports written here with hand-worked answers,
// and on the bundled HubSpot sample.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../packages/cli/src/program.js";
import { recordingIo } from "./io.js";

const dir = mkdtempSync(join(tmpdir(), "handoff-kit-cli-"));
const HEADER = [
  "hs_object_id",
  "hs_createdate",
  "hs_meeting_start_time",
  "hs_meeting_end_time",
  "hs_meeting_outcome",
  "hs_lastmodifieddate",
  "hubspot_owner_id",
  "hubspot_owner_name",
  "booked_by_owner_id",
  "booked_by_owner_name",
  "contact_name",
  "company_name",
  "segment",
  "lead_source",
  "sales_accepted_at",
];
type Row = Partial<Record<(typeof HEADER)[number], string>>;
const meeting = (row: Row): Row => ({
  hubspot_owner_id: "81000001",
  hubspot_owner_name: "Iris Nakamura",
  booked_by_owner_id: "82000001",
  booked_by_owner_name: "Ana Souza",
  contact_name: "Dana Ruiz",
  company_name: "Acme Logistics",
  segment: "mid_market",
  lead_source: "outbound",
  ...row,
});
function csv(name: string, rows: readonly Row[]): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [HEADER.join(","), ...rows.map((row) => HEADER.map((column) => row[column] ?? "").join(","))].join("\n"),
  );
  return path;
}

// Booked Monday 2 November 10:00 UTC, still scheduled for the 9th.
const oneBooking = csv("one.csv", [
  meeting({
    hs_object_id: "9001",
    hs_createdate: "2026-11-02T10:00:00Z",
    hs_meeting_start_time: "2026-11-09T15:00:00Z",
    hs_meeting_end_time: "2026-11-09T15:30:00Z",
    hs_meeting_outcome: "SCHEDULED",
  }),
]);

describe("handoff-kit check", () => {
  it("says what each file became, and exits 0 when nothing is wrong", async () => {
    const { io, stdout } = recordingIo();
    expect(await run(["check", oneBooking, "--from", "hubspot"], io)).toBe(0);
    expect(stdout()).toBe(`${oneBooking} (HubSpot meetings export): 1 record, no issues\n\n1 handoff.\n`);
  });

  it("lists each issue by row and column, and exits 1", async () => {
    // Row 2 (the first record) has a start that is no date; row 3 is fine.
    const path = csv("bad.csv", [
      meeting({
        hs_object_id: "9005",
        hs_createdate: "2026-11-02T10:00:00Z",
        hs_meeting_start_time: "TBD",
        hs_meeting_end_time: "2026-11-09T15:30:00Z",
      }),
      meeting({
        hs_object_id: "9006",
        hs_createdate: "2026-11-02T10:00:00Z",
        hs_meeting_start_time: "2026-11-09T15:00:00Z",
        hs_meeting_end_time: "2026-11-09T15:30:00Z",
      }),
    ]);
    const { io, stdout } = recordingIo();
    expect(await run(["check", path, "--from", "hubspot"], io)).toBe(1);
    const lines = stdout().split("\n");
    expect(lines[0]).toBe(`${path} (HubSpot meetings export): 2 records, 1 issue`);
    expect(lines[1]).toMatch(/^ {2}row 2, hs_meeting_start_time: \w+: /);
    expect(stdout()).toMatch(/\n\n1 handoff\.\nIssues by code: \w+ 1\n$/);
  });

  it("reads timestamps without an offset in --time-zone, and reports them without it", async () => {
    // 2 November 2026 05:00 in New York is 10:00 UTC (EST, UTC-5, since 1 November).
    const path = csv("wall.csv", [
      meeting({
        hs_object_id: "9007",
        hs_createdate: "2026-11-02 05:00",
        hs_meeting_start_time: "2026-11-09 10:00",
        hs_meeting_end_time: "2026-11-09 10:30",
      }),
    ]);
    const without = recordingIo();
    expect(await run(["check", path, "--from", "hubspot"], without.io)).toBe(1);
    expect(without.stdout()).toContain("missing_time_zone");
    const within = recordingIo();
    expect(await run(["check", path, "--from", "hubspot", "--time-zone", "America/New_York"], within.io)).toBe(0);
    const json = recordingIo();
    await run(
      [
        "sla",
        path,
        "--from",
        "hubspot",
        "--time-zone",
        "America/New_York",
        "--json",
        "--policy",
        "ae-follows-up-within-48-hours",
        "--now",
        "2026-11-03T00:00:00Z",
      ],
      json.io,
    );
    const read = JSON.parse(json.stdout()) as { clocks: { startedAt: string }[] };
    expect(read.clocks.map((clock) => clock.startedAt)).toEqual(["2026-11-02T10:00:00.000Z"]);
  });

  it("stops with one line and exit 2 on a file it cannot read or that is not the source's export", async () => {
    const missing = recordingIo();
    expect(await run(["check", join(dir, "nothing.csv"), "--from", "hubspot"], missing.io)).toBe(2);
    expect(missing.stderr()).toBe(`handoff-kit: ${join(dir, "nothing.csv")}: no such file\n`);
    const other = join(dir, "other.csv");
    writeFileSync(other, "Id,Subject\n1,Call\n");
    const wrong = recordingIo();
    expect(await run(["check", other, "--from", "hubspot"], wrong.io)).toBe(2);
    expect(wrong.stderr()).toMatch(/^handoff-kit: .*other\.csv: Not a HubSpot meetings export.*hs_object_id.*\n$/);
    expect(wrong.stderr().split("\n")).toHaveLength(2);
    const source = recordingIo();
    expect(await run(["check", oneBooking, "--from", "pipedrive"], source.io)).toBe(2);
    expect(source.stderr()).toContain("pipedrive");
    const zone = recordingIo();
    expect(await run(["sla", oneBooking, "--from", "hubspot", "--time-zone", "Mars/Olympus"], zone.io)).toBe(2);
    expect(zone.stderr()).toBe(
      "handoff-kit: --time-zone: Mars/Olympus is not an IANA time zone (for example America/New_York)\n",
    );
    const now = recordingIo();
    expect(await run(["sla", oneBooking, "--from", "hubspot", "--now", "2026-11-04 12:00"], now.io)).toBe(2);
    expect(now.stderr()).toMatch(/^handoff-kit: --now: 2026-11-04 12:00 is not an ISO 8601 instant with an offset/);
  });
});

describe("handoff-kit sla", () => {
  it("lists the clocks open now and who owes each response", async () => {
    // The follow-up is due 48 h after the booking, Wednesday 4 November 10:00 UTC: at 12:00, 2.0 h late.
    const { io, stdout } = recordingIo();
    const argv = ["sla", oneBooking, "--from", "hubspot", "--policy", "ae-follows-up-within-48-hours"];
    expect(await run([...argv, "--now", "2026-11-04T12:00:00Z"], io)).toBe(0);
    expect(stdout()).toBe(
      [
        "SLA clocks open at 2026-11-04 12:00 (UTC)",
        "",
        "Late, no response yet: 1",
        "  2.0 h late  9001  AE follows up with the prospect within 48 hours of the handoff  " +
          "(due 2026-11-04 10:00; AE Iris Nakamura)",
        "",
        "Running: 0",
        "",
        "By who owes the response",
        "  AE Iris Nakamura: 1 late, 0 running",
        "",
      ].join("\n"),
    );
  });

  it("reads the AE's decision by default from a meetings export, which carries no follow-ups", async () => {
    // No calendar for the AE: the one-business-day decision cannot be read, and the command says so.
    const { io, stdout } = recordingIo();
    expect(await run(["sla", oneBooking, "--from", "hubspot", "--now", "2026-11-04T12:00:00Z"], io)).toBe(0);
    expect(stdout()).toContain('  ae-accepts-within-one-business-day (no "ae" calendar): 1 handoffs\n');
    expect(stdout()).not.toContain("follows up");
  });
});

describe("handoff-kit report", () => {
  it("reports the week's numbers from an export", async () => {
    // Week of Monday 2 November (UTC): 9001 to 9003 booked in it; 9001 accepted; held: 9001 (the 5th)
    // and 9004 (booked the week before, held the 4th); 9002 a no-show; 9003 cancelled.
    const path = csv("week.csv", [
      meeting({
        hs_object_id: "9001",
        hs_createdate: "2026-11-02T10:00:00Z",
        hs_meeting_start_time: "2026-11-05T15:00:00Z",
        hs_meeting_end_time: "2026-11-05T15:30:00Z",
        hs_meeting_outcome: "COMPLETED",
        sales_accepted_at: "2026-11-02T16:00:00Z",
      }),
      meeting({
        hs_object_id: "9002",
        hs_createdate: "2026-11-03T10:00:00Z",
        hs_meeting_start_time: "2026-11-06T15:00:00Z",
        hs_meeting_end_time: "2026-11-06T15:30:00Z",
        hs_meeting_outcome: "NO_SHOW",
      }),
      meeting({
        hs_object_id: "9003",
        hs_createdate: "2026-11-03T11:00:00Z",
        hs_meeting_start_time: "2026-11-06T16:00:00Z",
        hs_meeting_end_time: "2026-11-06T16:30:00Z",
        hs_meeting_outcome: "CANCELED",
        hs_lastmodifieddate: "2026-11-04T09:00:00Z",
      }),
      meeting({
        hs_object_id: "9004",
        hs_createdate: "2026-10-27T10:00:00Z",
        hs_meeting_start_time: "2026-11-04T15:00:00Z",
        hs_meeting_end_time: "2026-11-04T15:30:00Z",
        hs_meeting_outcome: "COMPLETED",
      }),
    ]);
    const { io, stdout } = recordingIo();
    expect(
      await run(
        ["report", path, "--from", "hubspot", "--now", "2026-11-10T12:00:00Z", "--week", "2026-11-04", "--json"],
        io,
      ),
    ).toBe(0);
    const report = JSON.parse(stdout()) as { week: { start: string }; numbers: Record<string, unknown> };
    expect(report.week.start).toBe("2026-11-02");
    expect(report.numbers).toMatchObject({ booked: 3, accepted: 1, rejected: 0, held: 2, noShow: 1 });
    const text = recordingIo();
    await run(["report", path, "--from", "hubspot", "--now", "2026-11-10T12:00:00Z", "--week", "2026-11-04"], text.io);
    expect(text.stdout()).toContain("Booked 3, accepted 1, rejected 0; meetings held 2, no-shows 1.");
  });

  it("reads the bundled sample export with no issue", async () => {
    const { io, stdout, stderr } = recordingIo();
    const argv = [
      "report",
      "examples/data/hubspot-meetings.csv",
      "--from",
      "hubspot",
      "--time-zone",
      "America/New_York",
    ];
    expect(await run([...argv, "--calendars", "examples/data/hubspot-calendars.json"], io)).toBe(0);
    expect(stdout()).toMatch(/^Weekly SDR-AE huddle: week of 2026-11-02 \(America\/New_York\)/);
    expect(stderr()).toBe("");
  });
});

describe("careless input, each answered in one line (an independent hostile check found these)", () => {
  const once = async (argv: readonly string[]) => {
    const { io, stderr } = recordingIo();
    const status = await run(argv, io);
    return { status, stderr: stderr() };
  };

  it("names the option at fault, commander's refusals included", async () => {
    expect(await once(["check", oneBooking, "--from", "excel"])).toEqual({
      status: 2,
      stderr:
        "handoff-kit: option '--from <source>' argument 'excel' is invalid. Allowed choices are hubspot, " +
        "salesforce, chilipiper, calendly, json. (--help shows the options)\n",
    });
    expect(await once(["check", oneBooking, "--from", "hubspot", "--time-zone", "Mars/Olympus"])).toEqual({
      status: 2,
      stderr: "handoff-kit: --time-zone: Mars/Olympus is not an IANA time zone (for example America/New_York)\n",
    });
    // A zone written in another case is the same zone, shown by its IANA name.
    const lower = recordingIo();
    await run(
      ["sla", oneBooking, "--from", "hubspot", "--time-zone", "america/new_york", "--now", "2026-11-04T12:00:00Z"],
      lower.io,
    );
    expect(lower.stdout().split("\n")[0]).toBe("SLA clocks open at 2026-11-04 07:00 (America/New_York)");
    expect(await once(["report", oneBooking, "--from", "hubspot", "--week", "2026-02-30"])).toEqual({
      status: 2,
      stderr: "handoff-kit: --week: 2026-02-30 is not a date as YYYY-MM-DD\n",
    });
    // Date reads 30 February as 2 March; the command does not.
    expect((await once(["sla", oneBooking, "--from", "hubspot", "--now", "2026-02-30T00:00:00Z"])).stderr).toMatch(
      /^handoff-kit: --now: 2026-02-30T00:00:00Z is not an ISO 8601 instant/,
    );
    const mapping = join(dir, "misspelt.json");
    writeFileSync(mapping, JSON.stringify({ columns: { sdrIdd: "owner" } }));
    expect(await once(["check", oneBooking, "--from", "hubspot", "--mapping", mapping])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(new RegExp(`^handoff-kit: --mapping: ${mapping}: .*sdrIdd[^\\n]*\\n$`)) as string,
    });
  });

  it("refuses an empty file, a header naming a column twice, and a header of another export with no rows", async () => {
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "");
    expect(await once(["check", empty, "--from", "hubspot"])).toEqual({
      status: 2,
      stderr: `handoff-kit: ${empty}: empty: no header row\n`,
    });
    const twice = join(dir, "twice.csv");
    writeFileSync(twice, "hs_object_id,company_name,company_name\n1,Acme,\n");
    expect(await once(["check", twice, "--from", "hubspot"])).toEqual({
      status: 2,
      stderr: `handoff-kit: ${twice}: the header names the column company_name twice\n`,
    });
    const other = join(dir, "other-header.csv");
    writeFileSync(other, "foo,bar\n");
    expect(await once(["check", other, "--from", "hubspot"])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^handoff-kit: .*other-header\.csv: .*hs_object_id[^\n]*\n$/) as string,
    });
  });

  it("takes --policy more than once, and not a file that follows it", async () => {
    const { io, stdout } = recordingIo();
    const argv = ["sla", "--policy", "ae-follows-up-within-48-hours", oneBooking, "--from", "hubspot"];
    expect(
      await run([...argv, "--policy", "ae-accepts-within-one-business-day", "--now", "2026-11-04T12:00:00Z"], io),
    ).toBe(0);
    expect(stdout()).toContain("2.0 h late  9001  AE follows up");
    expect(stdout()).toContain('ae-accepts-within-one-business-day (no "ae" calendar): 1 handoffs');
  });

  it("gives a rep whose id is __proto__ the calendar keyed so", async () => {
    const path = csv("proto.csv", [
      meeting({
        hs_object_id: "9009",
        hubspot_owner_id: "__proto__",
        hs_createdate: "2026-11-02T10:00:00Z",
        hs_meeting_start_time: "2026-11-09T15:00:00Z",
        hs_meeting_end_time: "2026-11-09T15:30:00Z",
      }),
    ]);
    const calendars = join(dir, "proto-calendars.json");
    writeFileSync(calendars, '{"__proto__": {"timeZone": "UTC", "week": {"mon": [["09:00", "17:00"]]}}}');
    const { io, stdout } = recordingIo();
    expect(
      await run(["sla", path, "--from", "hubspot", "--calendars", calendars, "--now", "2026-11-02T12:00:00Z"], io),
    ).toBe(0);
    expect(stdout()).not.toContain("Not read");
    expect(stdout()).toContain("Running: 1");
  });
});
