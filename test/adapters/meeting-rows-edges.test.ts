// The meetings engine's edges, read through its three adapters: whole issue messages, option
// misuse, how outcome values and rejection reasons are matched, reschedule history, past meetings
// still scheduled, durations and websites. Timestamps carry Z, so every instant expected below is
// the one written, or that plus the minutes stated; messages are the docs' wording with the source's
// column names filled in (docs/adapters.md), rows counted from 2 (the header is row 1).
import { describe, expect, it } from "vitest";
import {
  fromChiliPiperMeetings,
  fromHubSpotMeetings,
  fromSalesforceEvents,
  type SourceRow,
} from "../../src/adapters/index.js";
import { DEFAULT_REASON_CODES, defineLifecycle } from "../../src/handoff/index.js";

const defaults = { source: "outbound", segment: "mid_market" } as const;

const hubspot = (changes: Record<string, string> = {}): SourceRow => ({
  hs_object_id: "9001",
  hs_createdate: "2026-11-02T15:05:00Z",
  hs_meeting_start_time: "2026-11-05T20:00:00Z",
  hs_meeting_end_time: "2026-11-05T20:30:00Z",
  hs_meeting_outcome: "COMPLETED",
  hubspot_owner_id: "ae-omar",
  booked_by_owner_id: "sdr-ana",
  contact_name: "Dana Ruiz",
  company_name: "Acme Logistics",
  ...changes,
});

const salesforce = (changes: Record<string, string> = {}): SourceRow => ({
  Id: "evt-1",
  CreatedDate: "2026-11-02T15:05:00.000Z",
  StartDateTime: "2026-11-05T20:00:00.000Z",
  EndDateTime: "",
  DurationInMinutes: "30",
  Meeting_Status__c: "Completed",
  OwnerId: "ae-omar",
  CreatedById: "sdr-ana",
  "Who.Name": "Dana Ruiz",
  "Account.Name": "Acme Logistics",
  ...changes,
});

const NOW = new Date("2026-11-14T02:00:00Z");

const chili = (id: string, status: string, end: string): SourceRow => ({
  meetingIdChili: id,
  bookedAt: "2026-11-02T15:05:00Z",
  meetingStartTime: "2026-11-05T20:00:00Z",
  meetingEndTime: end,
  meetingStatus: status,
  assigneeIdChili: "ae-omar",
  bookerIdChili: "sdr-ana",
  primaryGuestFullName: "Dana Ruiz",
  primaryGuestCompany: "Acme Logistics",
  leadSource: "inbound",
  segment: "smb",
});

const types = (handoff: { readonly events: readonly { readonly type: string }[] } | undefined): string[] =>
  handoff?.events.map((event) => event.type) ?? [];

describe("the meetings engine: issues and their messages", () => {
  it("lists every missing column, comma-separated, after the columns it expects", () => {
    const { contact_name: _name, company_name: _company, ...bare } = hubspot();
    const { handoffs, issues } = fromHubSpotMeetings([bare], { defaults });
    expect(handoffs).toEqual([]);
    // HubSpot's required columns in the mapping's order; the two left out, in that order too.
    expect(issues).toEqual([
      {
        code: "missing_columns",
        path: [],
        row: 1,
        message:
          "Not a HubSpot meetings export as mapped: expected the columns hs_object_id, hs_createdate, " +
          "hs_meeting_start_time, hs_meeting_end_time, hs_meeting_outcome, hubspot_owner_id, " +
          "booked_by_owner_id, contact_name, company_name; missing contact_name, company_name " +
          "(rename them with the columns option)",
      },
    ]);
  });

  it("names an empty required value, an empty booking time or start, and a row that is no record", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        hubspot({ hs_object_id: "a", contact_name: "" }),
        7 as unknown as SourceRow,
        // An empty booking time or start is missing, not read as some instant.
        hubspot({ hs_object_id: "b", hs_createdate: "" }),
        hubspot({ hs_object_id: "c", hs_meeting_start_time: " " }),
      ],
      { defaults },
    );
    expect(handoffs).toEqual([]);
    expect(issues).toEqual([
      { code: "missing_value", path: [0, "contact_name"], row: 2, message: "contact_name is empty" },
      { code: "invalid_type", path: [1], row: 3, message: "Expected a row of columns: 7" },
      { code: "missing_value", path: [2, "hs_createdate"], row: 4, message: "hs_createdate is empty" },
      { code: "missing_value", path: [3, "hs_meeting_start_time"], row: 5, message: "hs_meeting_start_time is empty" },
    ]);
  });

  it("puts an empty segment at the segment column, not at the handoff's field, naming the default", () => {
    // No Segment__c column and no default: one issue, at the column, that says which default gives one.
    const { handoffs, issues } = fromSalesforceEvents([salesforce()], { defaults: { source: "outbound" } });
    expect(handoffs).toEqual([]);
    expect(issues.map((issue) => [issue.row, issue.path, issue.code, issue.message])).toEqual([
      [2, [0, "Segment__c"], "missing_value", "Segment__c is empty or absent, and options.defaults.segment gives none"],
    ]);
    // Neither, and no defaults: both, in the order the record holds them.
    expect(fromSalesforceEvents([salesforce()]).issues.map((issue) => [issue.path[1], issue.message])).toEqual([
      ["Lead_Source__c", "Lead_Source__c is empty or absent, and options.defaults.source gives none"],
      ["Segment__c", "Segment__c is empty or absent, and options.defaults.segment gives none"],
    ]);
  });

  it("puts a slot that ends before it starts at the column it came from, before and after a reschedule", () => {
    const rescheduled = { hs_meeting_outcome: "RESCHEDULED", hs_lastmodifieddate: "2026-11-04T14:00:00Z" };
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        // The first slot, from history, ends before it starts: the booked meeting is that slot.
        hubspot({
          ...rescheduled,
          hs_object_id: "bad-first",
          previous_meeting_start_time: "2026-11-04T20:00:00Z",
          previous_meeting_end_time: "2026-11-04T19:00:00Z",
        }),
        // The current slot ends before it starts: it is the slot the meeting was moved to.
        hubspot({
          ...rescheduled,
          hs_object_id: "bad-current",
          hs_meeting_end_time: "2026-11-05T19:00:00Z",
          previous_meeting_start_time: "2026-11-04T20:00:00Z",
          previous_meeting_end_time: "2026-11-04T20:30:00Z",
        }),
      ],
      { defaults },
    );
    expect(handoffs).toEqual([]);
    expect(issues.map((issue) => [issue.row, issue.path, issue.code])).toEqual([
      [2, [0, "previous_meeting_end_time"], "end_before_start"],
      [3, [1, "hs_meeting_end_time"], "end_before_start"],
    ]);
  });
});

describe("the meetings engine: options refused with the function and option named", () => {
  it("refuses columns that are no object, a column name that is no text, rules that are none, a blank code", () => {
    expect(() => fromHubSpotMeetings([], { columns: "sdr_owner" as never })).toThrow(
      "(fromHubSpotMeetings: options.columns must be an object: sdr_owner)",
    );
    expect(() => fromHubSpotMeetings([], { columns: { id: 7 as never } })).toThrow(
      "(fromHubSpotMeetings: options.columns.id must be a column name: 7)",
    );
    expect(() => fromSalesforceEvents([], { lifecycle: {} as never })).toThrow(
      "(fromSalesforceEvents: options.lifecycle: the rules argument is LENIENT_LIFECYCLE",
    );
    // A code of spaces names no reason, as an empty one does not.
    expect(() => fromHubSpotMeetings([], { reasons: { "No budget": "  " } })).toThrow(
      '(fromHubSpotMeetings: options.reasons["No budget"] must be a reason code:   )',
    );
  });
});

describe("the meetings engine: outcome values and rejection reasons", () => {
  it("matches outcomes ignoring case and the spaces around them, runs of spaces and hyphens as one", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        hubspot({ hs_object_id: "spaced", hs_meeting_outcome: "Demo done" }),
        // German capitals write ß as SS: one value in either case.
        hubspot({ hs_object_id: "german", hs_meeting_outcome: "GEMÄSS PLAN" }),
        hubspot({ hs_object_id: "double", hs_meeting_outcome: "No  show" }),
        hubspot({ hs_object_id: "hyphen", hs_meeting_outcome: "no - show" }),
      ],
      { defaults, outcomes: { " Demo done ": "held", "Gemäß Plan": "held" } },
    );
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => [handoff.id, types(handoff)])).toEqual([
      ["spaced", ["booked", "meeting_held"]],
      ["german", ["booked", "meeting_held"]],
      ["double", ["booked", "no_show"]],
      ["hyphen", ["booked", "no_show"]],
    ]);
  });

  it("matches a reason to a catalogue label written with spaces around it, and runs of spaces as one", () => {
    const rejected = (id: string, reason: string): SourceRow =>
      hubspot({
        hs_object_id: id,
        sales_rejected_at: "2026-11-05T21:10:00Z",
        sales_rejection_reason: reason,
        sales_rejection_note: "Sells only to 3 hospital groups",
      });
    const lifecycle = defineLifecycle({
      gate: "either",
      reasons: [
        ...DEFAULT_REASON_CODES,
        {
          code: "pricing",
          label: " Price above budget ",
          category: "budget",
          recycle: { action: "nurture", afterDays: 90 },
        },
      ],
    });
    const { handoffs, issues } = fromHubSpotMeetings(
      [rejected("label", "price above budget"), rejected("double", "Wrong  vertical")],
      { defaults, lifecycle },
    );
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => handoff.events.at(-1))).toMatchObject([
      { type: "rejected", reason: "pricing" },
      { type: "rejected", reason: "wrong_vertical" },
    ]);
  });

  it("says what a rejection lacks, or which reason it does not know, in words", () => {
    const rejected = (id: string, changes: Record<string, string>): SourceRow =>
      hubspot({ hs_object_id: id, sales_rejected_at: "2026-11-05T21:10:00Z", ...changes });
    const { issues } = fromHubSpotMeetings(
      [
        rejected("no-reason", { sales_rejection_note: "Budget frozen" }),
        rejected("unknown", { sales_rejection_reason: "Too small", sales_rejection_note: "Under 20 seats" }),
        rejected("no-note", { sales_rejection_reason: "Wrong vertical" }),
      ],
      { defaults },
    );
    expect(issues).toEqual([
      {
        code: "missing_value",
        path: [0, "sales_rejection_reason"],
        row: 2,
        message: "A rejection without a reason (sales_rejection_reason is empty): left out, the rest kept",
      },
      {
        code: "unknown_value",
        path: [1, "sales_rejection_reason"],
        row: 3,
        message: 'Unknown rejection reason "Too small": map it onto a reason code with the reasons option',
      },
      {
        code: "missing_value",
        path: [2, "sales_rejection_note"],
        row: 4,
        message:
          "A rejection without a note (sales_rejection_note is empty): the lifecycle refuses one that names " +
          'no checkable fact, so it is kept with "Wrong vertical" as its note and will be refused',
      },
    ]);
  });
});

describe("the meetings engine: reschedule history", () => {
  it("reads the first slot only for a reschedule, and says which half of it is missing", () => {
    const history = {
      previous_meeting_start_time: "2026-11-04T20:00:00Z",
      previous_meeting_end_time: "2026-11-04T20:30:00Z",
    };
    const moved = { hs_meeting_outcome: "RESCHEDULED", hs_lastmodifieddate: "2026-11-03T14:00:00Z" };
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        // Held, with history columns filled: history only matters to a reschedule.
        hubspot({ hs_object_id: "held-history", ...history }),
        hubspot({ hs_object_id: "held-half", previous_meeting_start_time: "2026-11-04T20:00:00Z" }),
        hubspot({ hs_object_id: "moved", ...moved, ...history }),
        // Without history, booked at the current slot, and nothing to say.
        hubspot({ hs_object_id: "moved-bare", ...moved }),
        hubspot({ hs_object_id: "moved-end-only", ...moved, previous_meeting_end_time: "2026-11-04T20:30:00Z" }),
      ],
      { defaults },
    );
    expect(issues).toEqual([
      {
        code: "missing_value",
        path: [4, "previous_meeting_start_time"],
        row: 6,
        message: "previous_meeting_start_time is empty: the reschedule is read without its first slot",
      },
    ]);
    const current = { start: new Date("2026-11-05T20:00:00Z"), end: new Date("2026-11-05T20:30:00Z") };
    const first = { start: new Date("2026-11-04T20:00:00Z"), end: new Date("2026-11-04T20:30:00Z") };
    expect(
      handoffs.map((handoff) => [
        handoff.id,
        handoff.events.map((event) => ("meeting" in event ? event.meeting : undefined)),
      ]),
    ).toEqual([
      ["held-history", [current, undefined]],
      ["held-half", [current, undefined]],
      ["moved", [first, current]],
      ["moved-bare", [current]],
      ["moved-end-only", [current]],
    ]);
  });
});

describe("the meetings engine: past meetings still scheduled, durations, websites", () => {
  it("reads only a scheduled meeting that ended before now as pastScheduled says", () => {
    const rows = [
      // Ends at now exactly: not before it, so still scheduled.
      chili("at-now", "Active", NOW.toISOString()),
      // Held is what it says, whatever pastScheduled reads scheduled ones as.
      chili("done", "Completed", "2026-11-05T20:30:00Z"),
    ];
    const { handoffs, issues } = fromChiliPiperMeetings(rows, { pastScheduled: { now: NOW, as: "no_show" } });
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => [handoff.id, types(handoff)])).toEqual([
      ["at-now", ["booked"]],
      ["done", ["booked", "meeting_held"]],
    ]);
    // "scheduled" is an answer too: the past meeting stays as it is.
    const kept = fromChiliPiperMeetings([chili("past", "Active", "2026-11-05T20:30:00Z")], {
      pastScheduled: { now: NOW, as: "scheduled" },
    });
    expect(kept.handoffs.map(types)).toEqual([["booked"]]);
  });

  it("puts a lead source the model does not know at its column", () => {
    const { issues } = fromSalesforceEvents([salesforce({ Lead_Source__c: "Webinar" })], {
      defaults: { segment: "smb" },
    });
    expect(issues.map((issue) => [issue.row, issue.path])).toEqual([[2, [0, "Lead_Source__c"]]]);
  });

  it("names the end alone where the source has no duration column", () => {
    const { issues } = fromHubSpotMeetings([hubspot({ hs_meeting_end_time: "" })], { defaults });
    expect(issues.map((issue) => [issue.row, issue.path, issue.message])).toEqual([
      [2, [0, "hs_meeting_end_time"], "hs_meeting_end_time is empty"],
    ]);
  });

  it("names both columns when neither the end nor the duration is given", () => {
    const { issues } = fromSalesforceEvents([salesforce({ DurationInMinutes: "" })], { defaults });
    expect(issues.map((issue) => [issue.row, issue.path, issue.code, issue.message])).toEqual([
      [
        2,
        [0, "EndDateTime"],
        "missing_value",
        "EndDateTime and DurationInMinutes are both empty: the meeting has no end",
      ],
    ]);
  });

  it("refuses a duration of 0 or less minutes, and adds a positive one to the start", () => {
    const { handoffs, issues } = fromSalesforceEvents(
      [
        salesforce({ Id: "zero", DurationInMinutes: "0" }),
        salesforce({ Id: "negative", DurationInMinutes: "-15" }),
        salesforce({ Id: "ok", DurationInMinutes: "45" }),
      ],
      { defaults },
    );
    expect(issues).toEqual([
      {
        code: "invalid_value",
        path: [0, "DurationInMinutes"],
        row: 2,
        message: '"0" is not a number of minutes above 0',
      },
      {
        code: "invalid_value",
        path: [1, "DurationInMinutes"],
        row: 3,
        message: '"-15" is not a number of minutes above 0',
      },
    ]);
    // 20:00Z plus 45 minutes.
    expect(
      handoffs.map((handoff) => [handoff.id, handoff.events[0]?.type === "booked" && handoff.events[0].meeting]),
    ).toEqual([["ok", { start: new Date("2026-11-05T20:00:00Z"), end: new Date("2026-11-05T20:45:00Z") }]]);
  });

  it("puts minutes that carry the end past any date at the duration, and says nothing of it without a start", () => {
    const { handoffs, issues } = fromSalesforceEvents(
      [
        // 1793631900000 minutes is about 3.4 million years: the end is past 8.64e15 ms, the last
        // instant a Date holds. EndDateTime is empty, so the duration is what is wrong.
        salesforce({ Id: "forever", DurationInMinutes: "1793631900000" }),
        // No start: that is the row's one problem, the duration has nothing to be added to.
        salesforce({ Id: "no-start", StartDateTime: "" }),
      ],
      { defaults },
    );
    expect(handoffs).toEqual([]);
    expect(issues).toEqual([
      {
        code: "invalid_value",
        path: [0, "DurationInMinutes"],
        row: 2,
        message: '"1793631900000" minutes end the meeting past the last date there is',
      },
      { code: "missing_value", path: [1, "StartDateTime"], row: 3, message: "StartDateTime is empty" },
    ]);
  });

  it("drops a scheme and www only at the start of a website", () => {
    const { handoffs, issues } = fromSalesforceEvents(
      [
        // A company whose name ends in www: the name keeps it.
        salesforce({ Id: "awww", "Account.Website": "https://awww.example/about" }),
        // Not a URL (no scheme at its start): read up to the colon, "1https", which is no domain.
        salesforce({ Id: "typo", "Account.Website": "1https://acme.example" }),
      ],
      { defaults },
    );
    expect(handoffs.map((handoff) => [handoff.id, handoff.account.domain])).toEqual([["awww", "awww.example"]]);
    expect(issues.map((issue) => [issue.row, issue.path])).toEqual([[3, [1, "Account.Website"]]]);
  });
});
