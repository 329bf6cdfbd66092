// fromChiliPiperMeetings, and `pastScheduled` (shared by the meetings adapters): an Active meeting
// that ended before the export is read as the team says, and stays scheduled by default.
import { describe, expect, it } from "vitest";
import { fromChiliPiperMeetings, fromHubSpotMeetings, type SourceRow } from "../../src/adapters/index.js";
import { summarize } from "../../src/handoff/index.js";

const NOW = new Date("2026-11-14T02:00:00Z");

const meeting = (id: string, status: string, end: string): SourceRow => ({
  meetingIdChili: id,
  bookedAt: "2026-11-02T15:05:00Z",
  meetingStartTime: "2026-11-05T20:00:00Z",
  meetingEndTime: end,
  meetingStatus: status,
  assigneeIdChili: "ae-omar",
  assigneeFullName: "Omar Haddad",
  bookerIdChili: "sdr-ana",
  bookerName: "Ana Souza",
  primaryGuestFullName: "Dana Ruiz",
  primaryGuestEmail: "dana@acme.example",
  primaryGuestCompany: "Acme Logistics",
  leadSource: "inbound",
  segment: "smb",
});

describe("fromChiliPiperMeetings", () => {
  const rows = [
    meeting("past-active", "Active", "2026-11-05T20:30:00Z"),
    // Ends after now: not yet past, whatever the option says.
    meeting("future-active", "Active", "2026-11-20T20:30:00Z"),
    meeting("done", "Completed", "2026-11-05T20:30:00Z"),
    meeting("missed", "NoShow", "2026-11-05T20:30:00Z"),
    meeting("off", "Canceled", "2026-11-05T20:30:00Z"),
  ];
  const statuses = (options: Parameters<typeof fromChiliPiperMeetings>[1]): string[][] =>
    fromChiliPiperMeetings(rows, options).handoffs.map((handoff) => [handoff.id, summarize(handoff).meetingStatus]);

  it("reads its statuses, the booker as the SDR and the assignee as the AE", () => {
    const { handoffs, issues } = fromChiliPiperMeetings(rows);
    expect(issues).toEqual([]);
    expect(handoffs[2]).toMatchObject({
      sdr: { id: "sdr-ana" },
      ae: { id: "ae-omar" },
      account: { name: "Acme Logistics" },
    });
    expect(statuses({})).toEqual([
      ["past-active", "scheduled"],
      ["future-active", "scheduled"],
      ["done", "held"],
      ["missed", "no_show"],
      ["off", "cancelled"],
    ]);
  });

  it("reads an Active meeting that ended before now as the team decides, and only such a one", () => {
    expect(statuses({ pastScheduled: { now: NOW, as: "held" } }).slice(0, 2)).toEqual([
      ["past-active", "held"],
      ["future-active", "scheduled"],
    ]);
    expect(statuses({ pastScheduled: { now: NOW, as: "no_show" } })[0]).toEqual(["past-active", "no_show"]);
    // HubSpot's SCHEDULED reads the same way: the option belongs to every meetings export.
    const hubspot = fromHubSpotMeetings(
      [
        {
          hs_object_id: "h",
          hs_createdate: "2026-11-02T15:05:00Z",
          hs_meeting_start_time: "2026-11-05T20:00:00Z",
          hs_meeting_end_time: "2026-11-05T20:30:00Z",
          hs_meeting_outcome: "SCHEDULED",
          hubspot_owner_id: "ae-omar",
          booked_by_owner_id: "sdr-ana",
          contact_name: "Dana Ruiz",
          company_name: "Acme Logistics",
        },
      ],
      { pastScheduled: { now: NOW, as: "held" }, defaults: { source: "outbound", segment: "smb" } },
    );
    expect(hubspot.handoffs.map((handoff) => summarize(handoff).meetingStatus)).toEqual(["held"]);
  });

  it("refuses a pastScheduled that is not one", () => {
    expect(() => fromChiliPiperMeetings(rows, { pastScheduled: { now: NOW, as: "maybe" as never } })).toThrow(
      "(fromChiliPiperMeetings: options.pastScheduled.as must be held, no_show or scheduled: maybe)",
    );
    expect(() => fromChiliPiperMeetings(rows, { pastScheduled: { now: Number.NaN, as: "held" } })).toThrow(
      /fromChiliPiperMeetings: options.pastScheduled.now/,
    );
  });
});
