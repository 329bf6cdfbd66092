// fromHubSpotMeetings: each expected instant below is worked out by hand from the export's zone
// (America/New_York: EDT, UTC-4, until 2026-11-01 02:00; EST, UTC-5, after it; EDT again from
// 2026-03-08 02:00, when 02:00-03:00 does not exist).
import { describe, expect, it } from "vitest";
import {
  fromHubSpotMeetings,
  HUBSPOT_MEETING_COLUMNS,
  type HubSpotMeetingsOptions,
  type SourceRow,
} from "../../src/adapters/index.js";
import { summarize } from "../../src/handoff/index.js";
import { hubspotMeeting } from "../fixtures/hubspot-rows.js";

const NY: HubSpotMeetingsOptions = {
  exportTimeZone: "America/New_York",
  defaults: { source: "outbound", segment: "mid_market" },
};

const meeting = hubspotMeeting;

const utc = (iso: string): Date => new Date(iso);

describe("fromHubSpotMeetings", () => {
  it("makes one handoff per meeting: booked at creation by the SDR, held at the meeting's end", () => {
    const { handoffs, issues } = fromHubSpotMeetings([meeting()], NY);
    expect(issues).toEqual([]);
    const [handoff] = handoffs;
    expect(handoff).toMatchObject({
      id: "9001",
      source: "outbound",
      segment: "mid_market",
      sdr: { id: "sdr-ana", name: "Ana Souza" },
      ae: { id: "ae-omar", name: "Omar Haddad" },
      prospect: { name: "Dana Ruiz", title: "VP Revenue Operations", email: "dana@acme.example" },
      account: { name: "Acme Logistics", domain: "acme.example" },
    });
    // 10:05 EST is 15:05Z; the meeting 15:00-15:30 EST is 20:00-20:30Z.
    expect(handoff?.events).toEqual([
      {
        id: "9001:booked",
        type: "booked",
        at: utc("2026-11-02T15:05:00Z"),
        by: "sdr-ana",
        meeting: { start: utc("2026-11-05T20:00:00Z"), end: utc("2026-11-05T20:30:00Z") },
      },
      { id: "9001:meeting_held", type: "meeting_held", at: utc("2026-11-05T20:30:00Z"), by: "ae-omar" },
    ]);
    expect(summarize(handoff as NonNullable<typeof handoff>).meetingStatus).toBe("held");
  });

  it("reads wall times on DST nights in the export's zone, never the host's", () => {
    const { handoffs } = fromHubSpotMeetings(
      [
        // 02:30 on 8 March does not exist: it is read forward by the gap, 03:30 EDT (07:30Z).
        meeting({
          hs_object_id: "spring",
          hs_createdate: "2026-03-08 02:30",
          hs_meeting_start_time: "2026-03-09 09:00",
          hs_meeting_end_time: "2026-03-09 09:30",
        }),
        // 01:30 on 1 November happens twice: the earlier, EDT (05:30Z).
        meeting({
          hs_object_id: "fall",
          hs_createdate: "2026-11-01 01:30",
          hs_meeting_start_time: "2026-11-02 09:00",
          hs_meeting_end_time: "2026-11-02 09:30",
        }),
      ],
      NY,
    );
    expect(handoffs.map((handoff) => handoff.events[0]?.at.toISOString())).toEqual([
      "2026-03-08T07:30:00.000Z",
      "2026-11-01T05:30:00.000Z",
    ]);
    // 9 March 09:00 EDT is 13:00Z; 2 November 09:00 EST is 14:00Z.
    expect(handoffs.map((handoff) => summarize(handoff).meetingStart?.toISOString())).toEqual([
      "2026-03-09T13:00:00.000Z",
      "2026-11-02T14:00:00.000Z",
    ]);
  });

  it("takes Z, an offset or epoch milliseconds without a zone, and names a wall time it cannot place", () => {
    const { handoffs, issues } = fromHubSpotMeetings([
      meeting({
        hs_createdate: "1793631900000", // 2026-11-02T15:05:00Z: 20,759 days and 15:05
        hs_meeting_start_time: "2026-11-05T20:00:00Z",
        hs_meeting_end_time: "2026-11-05T15:30:00-0500",
        segment: "smb",
        lead_source: "Inbound",
      }),
      meeting({ hs_object_id: "9002", segment: "smb", lead_source: "Inbound" }),
    ]);
    expect(handoffs.map((handoff) => [handoff.id, handoff.source, handoff.segment])).toEqual([
      ["9001", "inbound", "smb"],
    ]);
    expect(handoffs[0]?.events[0]).toMatchObject({
      at: utc("2026-11-02T15:05:00Z"),
      meeting: { start: utc("2026-11-05T20:00:00Z"), end: utc("2026-11-05T20:30:00Z") },
    });
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [3, "1.hs_createdate", "missing_time_zone"],
      [3, "1.hs_meeting_start_time", "missing_time_zone"],
      [3, "1.hs_meeting_end_time", "missing_time_zone"],
    ]);
  });

  it("reports empty and unreadable values by row and column, and keeps the other rows", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        meeting({ hs_object_id: "1", booked_by_owner_id: "  " }),
        meeting({ hs_object_id: "2", hs_meeting_start_time: "2026-02-30 10:00" }),
        meeting({ hs_object_id: "3", hs_meeting_end_time: "TBD" }),
        meeting({ hs_object_id: "4" }),
      ],
      NY,
    );
    expect(handoffs.map((handoff) => handoff.id)).toEqual(["4"]);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [2, "0.booked_by_owner_id", "missing_value"],
      [3, "1.hs_meeting_start_time", "invalid_date"],
      [4, "2.hs_meeting_end_time", "invalid_date"],
    ]);
  });

  it("keeps the later version of a meeting exported twice, and says which row it dropped", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        meeting({ hs_meeting_outcome: "SCHEDULED", hs_lastmodifieddate: "2026-11-03 09:00" }),
        meeting({ hs_object_id: "other" }),
        meeting({ hs_meeting_outcome: "NO_SHOW", hs_lastmodifieddate: "2026-11-05 16:00" }),
        // An older copy delivered last loses to the newer one.
        meeting({ hs_meeting_outcome: "SCHEDULED", hs_lastmodifieddate: "2026-11-02 11:00" }),
      ],
      NY,
    );
    expect(handoffs.map((handoff) => [handoff.id, summarize(handoff).meetingStatus])).toEqual([
      ["other", "held"],
      ["9001", "no_show"],
    ]);
    expect(issues.map((issue) => [issue.row, issue.code, issue.message])).toEqual([
      [2, "duplicate_row", "Meeting 9001 again: row 4 is kept, the later version"],
      [5, "duplicate_row", "Meeting 9001 again: row 4 is kept, the later version"],
    ]);
  });

  it("reads outcome labels as the internal values, takes a team's own, and keeps an unknown one as scheduled", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        meeting({ hs_object_id: "a", hs_meeting_outcome: "No show" }),
        meeting({ hs_object_id: "b", hs_meeting_outcome: "Canceled", hs_lastmodifieddate: "2026-11-04 12:00" }),
        meeting({ hs_object_id: "c", hs_meeting_outcome: "Demo done" }),
        meeting({ hs_object_id: "d", hs_meeting_outcome: "Pending" }),
      ],
      { ...NY, outcomes: { DEMO_DONE: "held" } },
    );
    expect(handoffs.map((handoff) => [handoff.id, summarize(handoff).meetingStatus])).toEqual([
      ["a", "no_show"],
      ["b", "cancelled"],
      ["c", "held"],
      ["d", "scheduled"],
    ]);
    // Cancelled when the record last changed: 12:00 EST is 17:00Z.
    expect(handoffs[1]?.events[1]).toMatchObject({ type: "cancelled", at: utc("2026-11-04T17:00:00Z") });
    expect(issues).toEqual([
      {
        code: "unknown_value",
        path: [3, "hs_meeting_outcome"],
        row: 5,
        message: 'Unknown outcome "Pending", kept as scheduled (map it with the outcomes option)',
      },
    ]);
  });

  it("books a rescheduled meeting at its slot in property history, then moves it; without history, at its slot", () => {
    const moved = {
      hs_meeting_outcome: "RESCHEDULED",
      hs_lastmodifieddate: "2026-11-04 09:00",
      hs_meeting_start_time: "2026-11-06 15:00",
      hs_meeting_end_time: "2026-11-06 15:30",
    };
    const { handoffs } = fromHubSpotMeetings(
      [
        meeting({
          ...moved,
          previous_meeting_start_time: "2026-11-05 15:00",
          previous_meeting_end_time: "2026-11-05 15:30",
        }),
        meeting({ ...moved, hs_object_id: "no-history" }),
      ],
      NY,
    );
    expect(
      handoffs[0]?.events.map((event) => [event.type, "meeting" in event ? event.meeting.start.toISOString() : ""]),
    ).toEqual([
      ["booked", "2026-11-05T20:00:00.000Z"],
      ["rescheduled", "2026-11-06T20:00:00.000Z"],
    ]);
    expect(summarize(handoffs[0] as NonNullable<(typeof handoffs)[0]>).meetingStart).toEqual(
      utc("2026-11-06T20:00:00Z"),
    );
    expect(handoffs[1]?.events.map((event) => event.type)).toEqual(["booked"]);
    expect(handoffs[1]?.events[0]).toMatchObject({ meeting: { start: utc("2026-11-06T20:00:00Z") } });
  });

  it("maps the AE's decision: acceptance, and rejection with the picklist mapped onto reason codes", () => {
    const rejected = (id: string, reason?: string, note?: string): SourceRow =>
      meeting({
        hs_object_id: id,
        sales_rejected_at: "2026-11-05 16:10",
        ...(reason === undefined ? {} : { sales_rejection_reason: reason }),
        ...(note === undefined ? {} : { sales_rejection_note: note }),
      });
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        meeting({ hs_object_id: "acc", sales_accepted_at: "2026-11-05 16:00" }),
        rejected("mapped", "No budget", "Budget frozen until April"),
        // A catalogue label, read as its code.
        rejected("label", "Wrong vertical", "Sells only to 3 hospital groups"),
        // A value no mapping and no catalogue entry names.
        rejected("unknown", "Too small", "Under 20 seats"),
        // A picklist value alone: kept, and refused by the lifecycle as naming nothing checkable.
        rejected("bare", "No budget"),
        rejected("no-reason"),
      ],
      { ...NY, reasons: { "No budget": "no_budget" } },
    );
    expect(handoffs.map((handoff) => [handoff.id, summarize(handoff).decision, summarize(handoff).reason])).toEqual([
      ["acc", "accepted", undefined],
      ["mapped", "rejected", "no_budget"],
      ["label", "rejected", "wrong_vertical"],
      // The lifecycle refuses a code its catalogue lacks, and a note with nothing checkable in it.
      ["unknown", undefined, undefined],
      ["bare", undefined, undefined],
      // A rejection without a reason is left out; the booking and the meeting are kept.
      ["no-reason", undefined, undefined],
    ]);
    expect(handoffs[5]?.events.map((event) => event.type)).toEqual(["booked", "meeting_held"]);
    // 16:10 EST is 21:10Z.
    expect(handoffs[1]?.events.at(-1)).toMatchObject({
      at: utc("2026-11-05T21:10:00Z"),
      note: "Budget frozen until April",
    });
    expect(handoffs[3]?.events.at(-1)).toMatchObject({ reason: "too_small" });
    expect(handoffs[4]?.events.at(-1)).toMatchObject({ reason: "no_budget", note: "No budget" });
    expect(summarize(handoffs[4] as NonNullable<(typeof handoffs)[4]>).firstSkipped?.rule).toMatch(/note/);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [5, "3.sales_rejection_reason", "unknown_value"],
      [6, "4.sales_rejection_note", "missing_value"],
      [7, "5.sales_rejection_reason", "missing_value"],
    ]);
  });

  it("takes a team's own column names, and says which columns a file in another format lacks", () => {
    const renamed = Object.fromEntries(
      Object.entries(meeting()).map(([column, value]) => [column === "booked_by_owner_id" ? "SDR" : column, value]),
    );
    expect(fromHubSpotMeetings([renamed], { ...NY, columns: { sdrId: "SDR" } }).handoffs).toHaveLength(1);
    const { handoffs, issues } = fromHubSpotMeetings([renamed, meeting()], NY);
    expect(handoffs).toEqual([]);
    expect(issues).toEqual([
      {
        code: "missing_columns",
        path: [],
        row: 1,
        message:
          "Not a HubSpot meetings export as mapped: expected the columns hs_object_id, hs_createdate, " +
          "hs_meeting_start_time, hs_meeting_end_time, hs_meeting_outcome, hubspot_owner_id, " +
          "booked_by_owner_id, contact_name, company_name; missing booked_by_owner_id " +
          "(rename them with the columns option)",
      },
    ]);
    expect(HUBSPOT_MEETING_COLUMNS.sdrId).toBe("booked_by_owner_id");
  });

  it("reports what the handoff model refuses at the row it came from", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [meeting({ contact_email: "not an email" }), meeting({ hs_object_id: "ok" }), "row" as unknown as SourceRow],
      NY,
    );
    expect(handoffs.map((handoff) => handoff.id)).toEqual(["ok"]);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [2, "0.contact_email", "invalid_format"],
      [4, "2", "invalid_type"],
    ]);
  });

  it("names the column behind what the handoff model refuses, and keeps the latest version that maps", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        // Ends before it starts: the end column is at fault.
        meeting({ hs_object_id: "early", hs_meeting_end_time: "2026-11-05 14:00" }),
        meeting({ hs_object_id: "web", lead_source: "web" }),
        // The later version of 9001 has no end: the earlier one, which maps, is kept.
        meeting({ hs_lastmodifieddate: "2026-11-05 16:00" }),
        meeting({ hs_meeting_outcome: "NO_SHOW", hs_meeting_end_time: "", hs_lastmodifieddate: "2026-11-05 19:00" }),
      ],
      NY,
    );
    expect(handoffs.map((handoff) => [handoff.id, summarize(handoff).meetingStatus])).toEqual([["9001", "held"]]);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [2, "0.hs_meeting_end_time", "end_before_start"],
      [3, "1.lead_source", "invalid_value"],
      [5, "3.hs_meeting_end_time", "missing_value"],
    ]);
  });

  it("reads an empty outcome as scheduled, says when a reschedule lacks half its first slot, and orders events", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [
        meeting({ hs_object_id: "open", hs_meeting_outcome: "" }),
        meeting({
          hs_object_id: "half",
          hs_meeting_outcome: "RESCHEDULED",
          previous_meeting_start_time: "2026-11-04 15:00",
        }),
        // Rejected on the 6th, then accepted on the 7th: the events come in time order.
        meeting({
          hs_object_id: "turn",
          sales_accepted_at: "2026-11-07 10:00",
          sales_rejected_at: "2026-11-06 10:00",
          sales_rejection_reason: "No budget",
          sales_rejection_note: "Budget frozen until April",
        }),
      ],
      NY,
    );
    expect(handoffs.map((handoff) => [handoff.id, summarize(handoff).meetingStatus])).toEqual([
      ["open", "scheduled"],
      ["half", "scheduled"],
      ["turn", "held"],
    ]);
    expect(handoffs[1]?.events.map((event) => event.type)).toEqual(["booked"]);
    expect(handoffs[2]?.events.map((event) => event.type)).toEqual(["booked", "meeting_held", "rejected", "accepted"]);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [3, "1.previous_meeting_end_time", "missing_value"],
    ]);
  });

  it("refuses misuse with the function's name", () => {
    expect(() => fromHubSpotMeetings({} as never)).toThrow("(fromHubSpotMeetings: rows must be an array: an object)");
    expect(() => fromHubSpotMeetings([], { exportTimeZone: "Mars/Base" })).toThrow(
      "(fromHubSpotMeetings: options.exportTimeZone: Mars/Base)",
    );
    expect(() => fromHubSpotMeetings([], { columns: { id: "" } })).toThrow(
      "(fromHubSpotMeetings: options.columns.id must be a column name: )",
    );
    expect(fromHubSpotMeetings([])).toEqual({ handoffs: [], issues: [] });
    // A misspelt field, an outcome that is none, a reason code that is no text: each would change
    // what the rows mean without a word, so each is refused.
    expect(() => fromHubSpotMeetings([], { columns: { sdrID: "x" } as never })).toThrow(
      /\(fromHubSpotMeetings: options\.columns\.sdrID is no field \(id, bookedAt, /u,
    );
    expect(() => fromHubSpotMeetings([], { outcomes: { DONE: "finished" as never } })).toThrow(
      '(fromHubSpotMeetings: options.outcomes["DONE"] must be scheduled, held, no_show, cancelled, ' +
        "rescheduled: finished)",
    );
    expect(() => fromHubSpotMeetings([], { reasons: { "No budget": 7 as never } })).toThrow(
      '(fromHubSpotMeetings: options.reasons["No budget"] must be a reason code: 7)',
    );
  });
});
