// What a file holds beyond its records: the rows a spreadsheet shows, cells past the header, its
// encoding, and records that reach the command in more than one file.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../packages/cli/src/program.js";
import { readSources } from "../../packages/cli/src/sources.js";
import { readMapping } from "../../packages/cli/src/options.js";
import { recordingIo } from "./io.js";
import { API, canceled, created } from "../fixtures/calendly-deliveries.js";

const dir = mkdtempSync(join(tmpdir(), "handoff-kit-files-"));

const HEADER =
  "hs_object_id,hs_createdate,hs_meeting_start_time,hs_meeting_end_time,hs_meeting_outcome," +
  "hubspot_owner_id,hubspot_owner_name,booked_by_owner_id,booked_by_owner_name,contact_name,company_name," +
  "segment,lead_source";
/** A scheduled meeting booked on Monday 2 November for Monday 9 November, as one CSV line. */
const line = (id: string, start = "2026-11-09T15:00:00Z", ae = "Iris Nakamura"): string =>
  `${id},2026-11-02T10:00:00Z,${start},2026-11-09T15:30:00Z,SCHEDULED,81000001,${ae},82000001,Ana Souza,` +
  "Dana Ruiz,Acme Logistics,mid_market,outbound";

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("rows as a spreadsheet shows them", () => {
  it("counts blank lines as rows, so an issue's row is the line a spreadsheet shows it on", async () => {
    // Line 1 the header, 2 a good record, 3 and 4 blank, 5 a start that is no date.
    const path = file("blank-lines.csv", [HEADER, line("9001"), "", "", line("9002", "TBD")].join("\n"));
    const { io, stdout } = recordingIo();
    expect(await run(["check", path, "--from", "hubspot"], io)).toBe(1);
    expect(stdout().split("\n")[1]).toMatch(/^ {2}row 5, hs_meeting_start_time: invalid_date: /);
  });

  it("refuses a row whose cells run past the header, and reads one whose extra cells are empty", async () => {
    // Row 2 has a comma inside an unquoted name: 14 cells under 13 columns, every cell after it shifted.
    // Row 3 ends in two empty cells, as a spreadsheet's trailing commas: nothing is hidden there.
    const shifted = line("9001", undefined, "Nakamura, Iris");
    const path = file("long-rows.csv", [HEADER, shifted, `${line("9002")},,`].join("\n"));
    const { io, stdout } = recordingIo();
    expect(await run(["check", path, "--from", "hubspot"], io)).toBe(1);
    expect(stdout()).toBe(
      `${path} (HubSpot meetings export): 2 records, 1 issue\n` +
        "  row 2: inconsistent_row: 14 cells, the header 13: a comma in a value that is not quoted? " +
        "The row is not read\n\n1 handoff.\nIssues by code: inconsistent_row 1\n",
    );
  });
});

describe("--encoding", () => {
  // "Jürgen Müller" in Windows-1252: ü is the single byte 0xFC, which is no UTF-8.
  const latin = Buffer.concat([
    Buffer.from(`${HEADER}\n${line("9001")}\n`),
    Buffer.from(line("9002", undefined, "J\u00fcrgen M\u00fcller"), "latin1"),
  ]);

  it("stops on a byte that is not UTF-8, naming the line and the option that reads the file", async () => {
    const path = file("latin.csv", latin);
    const { io, stderr } = recordingIo();
    expect(await run(["check", path, "--from", "hubspot"], io)).toBe(2);
    expect(stderr()).toBe(
      `handoff-kit: ${path}: line 3 is not UTF-8; for a file saved in Windows-1252 or Latin-1 ` +
        "(Excel's CSV on Windows), pass --encoding windows-1252\n",
    );
  });

  it("reads the file in Windows-1252 when told, names and all", async () => {
    const path = file("latin-read.csv", latin);
    const text = await runText(["report", path, "--from", "hubspot", "--encoding", "windows-1252", "--json"]);
    expect(text).toContain("J\u00fcrgen M\u00fcller");
    expect(text).not.toContain("\uFFFD");
  });

  it("is one of the encodings it knows", async () => {
    const { io, stderr } = recordingIo();
    expect(await run(["check", "x.csv", "--from", "hubspot", "--encoding", "latin2"], io)).toBe(2);
    expect(stderr()).toMatch(/^handoff-kit: .*--encoding.*latin2.*utf-8, windows-1252/);
  });
});

async function runText(argv: string[]): Promise<string> {
  const { io, stdout } = recordingIo();
  await run(argv, io);
  return stdout();
}

describe("several files", () => {
  it("counts a record exported in two files once, and names the file of the row kept", async () => {
    const monday = file("monday.csv", [HEADER, line("9001"), line("9002")].join("\n"));
    const again = file("again.csv", [HEADER, line("9001")].join("\n"));
    const { io, stdout } = recordingIo();
    // Repeats only: the check passes.
    expect(await run(["check", monday, again, "--from", "hubspot"], io)).toBe(0);
    // Neither version has a last-modified time, so the later one given (again.csv) is kept.
    expect(stdout()).toBe(
      `${monday} (HubSpot meetings export): 2 records, 1 issue\n` +
        `  row 2, hs_object_id: duplicate_row: Meeting 9001 again: ${again} row 2 is kept, the later version\n` +
        `${again} (HubSpot meetings export): 1 record, no issues\n` +
        "\n2 handoffs from the 2 files.\nIssues by code: duplicate_row 1\n",
    );
  });

  it("reads a booking's webhook deliveries split over two days' logs as one booking", async () => {
    const booked = created({
      id: "A",
      createdAt: "2026-11-02T15:05:00.000000Z",
      start: "2026-11-05T20:00:00.000000Z",
      end: "2026-11-05T20:30:00.000000Z",
      scheduledBy: `${API}/users/ANA`,
    });
    const cancellation = canceled("A", "2026-11-03T09:00:00.000000Z", false);
    const mapping = file(
      "reps.json",
      JSON.stringify({
        reps: {
          [`${API}/users/OMAR`]: { id: "ae-omar", name: "Omar Haddad" },
          [`${API}/users/ANA`]: { id: "sdr-ana", name: "Ana Souza" },
        },
        defaults: { source: "inbound", segment: "smb" },
      }),
    );
    const day1 = file("day1.jsonl", `${JSON.stringify(booked)}\n`);
    const day2 = file("day2.jsonl", `${JSON.stringify(cancellation)}\n`);
    const { io, stdout, stderr } = recordingIo();
    expect(await run(["check", day1, day2, "--from", "calendly", "--mapping", mapping], io), stderr()).toBe(0);
    expect(stdout()).toBe(
      `${day1} (Calendly webhook deliveries): 1 record, no issues\n` +
        `${day2} (Calendly webhook deliveries): 1 record, no issues\n` +
        "\n1 handoff from the 2 files.\n",
    );
    // Read alone, the second day's cancellation has no booking to cancel.
    const alone = await runText(["check", day2, "--from", "calendly", "--mapping", mapping]);
    expect(alone).toContain("row 1, payload.uri: missing_value: No invitee.created for this invitee");
  });
});

describe("--mapping", () => {
  it("stops on a misspelt option or a default that is none, before reading a row", async () => {
    const path = file("one.csv", [HEADER, line("9001")].join("\n"));
    const typo = file("typo.json", JSON.stringify({ colums: { sdrId: "sdr_owner" } }));
    const { io, stderr } = recordingIo();
    expect(await run(["check", path, "--from", "hubspot", "--mapping", typo], io)).toBe(2);
    expect(stderr()).toMatch(
      new RegExp(`^handoff-kit: --mapping: ${typo}: .*options\\.colums is no option \\(exportTimeZone, columns, `),
    );
    const source = file("source.json", JSON.stringify({ defaults: { source: "Outbound" } }));
    const second = recordingIo();
    expect(await run(["check", path, "--from", "hubspot", "--mapping", source], second.io)).toBe(2);
    expect(second.stderr()).toMatch(/options\.defaults\.source must be outbound, inbound, partner: Outbound\)\n$/);
  });
});

describe("--owner-history", () => {
  const history = (name: string): string =>
    file(
      name,
      [
        "hs_object_id,property,value,timestamp,updatedByUserId",
        // Row 2: Luca had meeting 9001 when it was booked; row 3: Iris took it on Tuesday.
        "9001,hubspot_owner_id,81000002,2026-11-02T10:00:00Z,u-1",
        "9001,hubspot_owner_id,81000001,2026-11-03T14:00:00Z,u-7",
        // Row 4: a meeting the export does not hold.
        "9999,hubspot_owner_id,81000001,2026-11-03T14:00:00Z,u-7",
      ].join("\n"),
    );

  it("reads the meetings' owner history after the meetings, its issues by its own rows", async () => {
    const meetings = file("owned.csv", [HEADER, line("9001")].join("\n"));
    const owners = history("owners.csv");
    const { io, stdout } = recordingIo();
    expect(await run(["check", meetings, "--from", "hubspot", "--owner-history", owners], io)).toBe(1);
    expect(stdout()).toBe(
      `${meetings} (HubSpot meetings export): 1 record, no issues\n` +
        `${owners} (HubSpot owner history): 3 records, 1 issue\n` +
        "  row 4, hs_object_id: missing_value: No handoff 9999: its owner history is not read\n" +
        "\n1 handoff from the 2 files.\nIssues by code: missing_value 1\n",
    );
    // The reassignment itself is the library's (test/adapters/hubspot-owner-history.test.ts); a history
    // of another meeting's only, read the same way, changes nothing and says so.
    const other = file(
      "other.csv",
      "hs_object_id,property,value,timestamp\n9999,hubspot_owner_id,81000001,2026-11-03T14:00:00Z\n",
    );
    expect(await runText(["check", meetings, "--from", "hubspot", "--owner-history", other])).toMatch(
      /other\.csv \(HubSpot owner history\): 1 record, 1 issue\n {2}row 2, hs_object_id: missing_value: /,
    );
  });

  it("reads a history split over two files as one history", async () => {
    const meetings = file("split.csv", [HEADER, line("9001")].join("\n"));
    // Luca at the booking in one file, Iris taking it over in the next: read apart, the first would
    // end with Luca where the export names Iris, and the second would start the handoff with Iris.
    const header = "hs_object_id,property,value,timestamp,updatedByUserId";
    const before = file("history-1.csv", `${header}\n9001,hubspot_owner_id,81000002,2026-11-02T10:00:00Z,u-1\n`);
    const after = file("history-2.csv", `${header}\n9001,hubspot_owner_id,81000001,2026-11-03T14:00:00Z,u-7\n`);
    const argv = ["check", meetings, "--from", "hubspot", "--owner-history", before, "--owner-history", after];
    const { io, stdout } = recordingIo();
    expect(await run(argv, io)).toBe(0);
    expect(stdout()).toBe(
      `${meetings} (HubSpot meetings export): 1 record, no issues\n` +
        `${before} (HubSpot owner history): 1 record, no issues\n` +
        `${after} (HubSpot owner history): 1 record, no issues\n` +
        "\n1 handoff from the 3 files.\n",
    );
  });

  it("is for HubSpot meetings only, and names a file of another format", async () => {
    const meetings = file("owned2.csv", [HEADER, line("9001")].join("\n"));
    const { io, stderr } = recordingIo();
    expect(await run(["check", meetings, "--from", "chilipiper", "--owner-history", history("h.csv")], io)).toBe(2);
    expect(stderr()).toMatch(/^handoff-kit: /);
    const wrong = file("wrong-history.csv", "Id,Field,NewValue\n9001,Owner,81000001\n");
    const second = recordingIo();
    expect(await run(["check", meetings, "--from", "hubspot", "--owner-history", wrong], second.io)).toBe(2);
    expect(second.stderr()).toMatch(
      /^handoff-kit: --owner-history: .*wrong-history\.csv: Not a HubSpot property history/,
    );
  });
});

describe("--mapping's history, and Salesforce's histories", () => {
  const histories = (
    given: Partial<Record<"ownerHistory" | "leads" | "leadHistory" | "opportunityHistory", string[]>>,
  ) => ({
    ownerHistory: [],
    leads: [],
    leadHistory: [],
    opportunityHistory: [],
    ...given,
  });
  const options = (from: "hubspot" | "salesforce", mapping: Record<string, unknown>, given = {}) => ({
    from,
    timeZone: undefined,
    mapping,
    mappingPath: "mapping.json",
    quiet: true,
    encoding: "utf-8" as const,
    histories: histories(given),
  });

  const header =
    "Id,CreatedDate,StartDateTime,DurationInMinutes,Meeting_Status__c,OwnerId,Owner.Name,CreatedById," +
    "CreatedBy.Name,Who.Name,Account.Name,Segment__c,Lead_Source__c,Sales_Accepted_At__c,WhoId,WhatId";
  const event =
    "00U5g00000EvtCc,2026-11-02T15:05:00Z,2026-11-05T20:00:00Z,30,Completed,0055g00000OmArH," +
    "Omar Haddad,0055g00000AnASz,Ana Souza,Mia Chen,Acme Logistics,mid_market,outbound," +
    "2026-11-06T15:00:00Z,00Q5g00000LeadC,0065g00000OppCc";

  it("names an owner the history hands a meeting to from the mapping's history.owners", async () => {
    // Luca had 9001 at the booking; the export names only Iris, who took it over.
    const meetings = file("named.csv", [HEADER, line("9001")].join("\n"));
    const owners = file(
      "named-history.csv",
      "hs_object_id,property,value,timestamp\n9001,hubspot_owner_id,81000002,2026-11-02T10:00:00Z\n" +
        "9001,hubspot_owner_id,81000001,2026-11-03T14:00:00Z\n",
    );
    const { io } = recordingIo();
    const plain = await readSources([meetings], options("hubspot", {}, { ownerHistory: [owners] }), io);
    expect(plain.handoffs[0]?.ae).toEqual({ id: "81000002", name: "81000002" });
    const named = await readSources(
      [meetings],
      options("hubspot", { history: { owners: { "81000002": "Luca Romano" } } }, { ownerHistory: [owners] }),
      io,
    );
    expect(named.handoffs[0]?.ae).toEqual({ id: "81000002", name: "Luca Romano" });
    await expect(
      readSources([meetings], options("hubspot", { history: { owner: {} } }, { ownerHistory: [owners] }), io),
    ).rejects.toThrow(/^--mapping: mapping\.json: .*options\.owner is no option/);
  });

  it("reads Events with their LeadHistory and OpportunityHistory, each file's issues at its rows", async () => {
    // Booked Monday 2 November, held Thursday, accepted Friday; its opportunity won on the 20th.
    const events = file("events.csv", `${header}\n${event}\n`);
    const stages = file(
      "opportunity-history.csv",
      "OpportunityId,StageName,Amount,CurrencyIsoCode,CreatedDate,CreatedById\n" +
        "0065g00000OppCc,Closed Won,15000,USD,2026-11-20T18:00:00Z,0055g00000OmArH\n" +
        "0065g00000OppCc,Closed Won,lots,USD,2026-11-21T18:00:00Z,0055g00000OmArH\n",
    );
    const leadHistory = file(
      "lead-history.csv",
      "LeadId,Field,OldValue,NewValue,CreatedDate,CreatedById\n" +
        "00Q5g00000LeadC,Status,Working,Recycled,2026-11-09T10:00:00Z,0055g00000AnASz\n",
    );
    const { io } = recordingIo();
    const read = await readSources(
      [events],
      options(
        "salesforce",
        { history: { recycleStatuses: ["Recycled"] } },
        {
          opportunityHistory: [stages],
          leadHistory: [leadHistory],
        },
      ),
      io,
    );
    expect(read.handoffs[0]?.events.map((event) => event.type)).toEqual([
      "booked",
      "meeting_held",
      "accepted",
      "opportunity_won",
    ]);
    expect(
      read.files.map((result) => [result.label, result.records, result.issues.map((issue) => [issue.row, issue.code])]),
    ).toEqual([
      ["Salesforce Event export", 1, []],
      ["Salesforce LeadHistory export", 1, [[2, "inconsistent_history"]]],
      ["Salesforce OpportunityHistory export", 2, [[3, "invalid_type"]]],
    ]);
  });

  it("needs the Event export's WhoId and WhatId to link the histories, and the history's own columns", async () => {
    // The same Event without its last two columns, WhoId and WhatId.
    const unlinked = file(
      "unlinked.csv",
      `${header.replace(",WhoId,WhatId", "")}\n${event.replace(",00Q5g00000LeadC,0065g00000OppCc", "")}\n`,
    );
    const events = file("linked.csv", `${header}\n${event}\n`);
    const stages = file(
      "stages.csv",
      "OpportunityId,StageName,CreatedDate\n0065g00000OppCc,Closed Won,2026-11-20T18:00:00Z\n",
    );
    const { io, stderr } = recordingIo();
    expect(await run(["check", unlinked, "--from", "salesforce", "--opportunity-history", stages], io)).toBe(2);
    expect(stderr()).toMatch(
      /^handoff-kit: .*unlinked\.csv: Not a Salesforce Event export as mapped: .*missing WhoId, WhatId .*, which link/,
    );
    const wrong = file("wrong-stages.csv", "Opportunity,Stage\nx,y\n");
    const second = recordingIo();
    expect(await run(["check", events, "--from", "salesforce", "--opportunity-history", wrong], second.io)).toBe(2);
    expect(second.stderr()).toMatch(
      /^handoff-kit: --opportunity-history: .*wrong-stages\.csv: Not a Salesforce OpportunityHistory export as mapped/,
    );
    const third = recordingIo();
    expect(await run(["check", events, "--from", "chilipiper", "--lead-history", stages], third.io)).toBe(2);
    expect(third.stderr()).toBe(
      "handoff-kit: --lead-history: reads a HubSpot lead property history, for --from hubspot; " +
        "a Salesforce LeadHistory export, for --from salesforce\n",
    );
  });
});

describe("--mapping's pastScheduled", () => {
  it("reads its now as an ISO instant with an offset, as JSON holds no date", async () => {
    const path = file("past.json", JSON.stringify({ pastScheduled: { now: "2026-11-10T12:00:00-05:00", as: "held" } }));
    expect(await readMapping(path)).toEqual({ pastScheduled: { now: new Date("2026-11-10T17:00:00Z"), as: "held" } });
    const wrong = file("past-wrong.json", JSON.stringify({ pastScheduled: { now: "2026-11-10 12:00", as: "held" } }));
    await expect(readMapping(wrong)).rejects.toThrow(
      `--mapping: ${wrong}: pastScheduled.now: 2026-11-10 12:00 is not an ISO 8601 instant with an offset`,
    );
  });
});

describe("HubSpot's leads", () => {
  // Meeting 9001 of contact 501, booked 2 November 10:00Z; its lead disqualified on the 10th.
  const meetings = file(
    "lead-meetings.csv",
    `${HEADER},Associated Contact IDs\n${line("9001")},501\n${line("9002")},502;503\n`,
  );
  const leadsHeader =
    "hs_object_id,hs_primary_contact_id,hs_pipeline_stage,hs_v2_date_entered_current_stage," +
    "hs_lead_disqualification_reason,hs_lead_disqualification_note";

  it("reads the Leads export and its history after the meetings, each file's issues at its rows", async () => {
    const leads = file(
      "leads.csv",
      `${leadsHeader}\n` +
        "L1,501,unqualified-stage-id,2026-11-10T15:00:00Z,BUDGET_CONSTRAINTS,Budget frozen until Q3 2027\n" +
        "L2,503,1213103916,2026-11-11T15:00:00Z,,\n",
    );
    const history = file(
      "lead-history.csv",
      "hs_object_id,property,value,timestamp,updatedByUserId\n" +
        "L2,hs_pipeline_stage,1213103916,2026-11-11T15:00:00Z,u-9\n" +
        "L2,hs_pipeline_stage,unqualified-stage-id,not a time,u-9\n",
    );
    const mapping = file("lead-mapping.json", JSON.stringify({ leads: { stages: { "1213103916": "recycled" } } }));
    const argv = ["check", meetings, "--from", "hubspot", "--leads", leads, "--lead-history", history];
    const { io, stdout } = recordingIo();
    expect(await run([...argv, "--mapping", mapping], io)).toBe(1);
    // L1 is read from its row; L2's history has its stages: its recycle has no reason (row 2 of the
    // history, and the lead's row 3 names none), and row 3's time is no time.
    expect(stdout()).toMatch(
      new RegExp(
        `${leads.replaceAll(".", "\\.")} \\(HubSpot Leads export\\): 2 records, 1 issue\n {2}row 3, ` +
          "hs_lead_disqualification_reason: missing_value: ",
      ),
    );
    expect(stdout()).toMatch(
      /lead-history\.csv \(HubSpot lead property history\): 2 records, 1 issue\n {2}row 3, timestamp: /,
    );
    const read = await readSources(
      [meetings],
      {
        from: "hubspot",
        timeZone: undefined,
        mapping: {},
        mappingPath: undefined,
        quiet: true,
        encoding: "utf-8",
        histories: { ownerHistory: [], leads: [leads], leadHistory: [], opportunityHistory: [] },
      },
      recordingIo().io,
    );
    expect(read.handoffs[0]?.events.map((event) => event.type)).toEqual(["booked", "rejected"]);
  });

  it("needs --leads for a lead history, the meetings' contacts, and its own options under leads", async () => {
    const history = file(
      "lone-history.csv",
      "hs_object_id,property,value,timestamp\nL1,hs_pipeline_stage,x,2026-11-10T15:00:00Z\n",
    );
    const first = recordingIo();
    expect(await run(["check", meetings, "--from", "hubspot", "--lead-history", history], first.io)).toBe(2);
    expect(first.stderr()).toBe(
      "handoff-kit: --lead-history: for --from hubspot, needs --leads: " +
        "the Leads export links each lead to its contact\n",
    );
    const leads = file("few-leads.csv", `${leadsHeader}\nL1,501,connected-stage-id,2026-11-10T15:00:00Z,,\n`);
    const plain = file("plain-meetings.csv", `${HEADER}\n${line("9001")}\n`);
    const second = recordingIo();
    expect(await run(["check", plain, "--from", "hubspot", "--leads", leads], second.io)).toBe(2);
    expect(second.stderr()).toMatch(
      /plain-meetings\.csv: Not a HubSpot meetings export as mapped: .*Associated Contact IDs.*, which link the leads/,
    );
    const mapping = file("bad-lead-mapping.json", JSON.stringify({ leads: { stage: {} } }));
    const third = recordingIo();
    expect(await run(["check", meetings, "--from", "hubspot", "--leads", leads, "--mapping", mapping], third.io)).toBe(
      2,
    );
    expect(third.stderr()).toMatch(
      /--mapping: .*bad-lead-mapping\.json: .*withHubSpotLeads: options\.stage is no option/,
    );
  });
});
