// finishAdapter, where every adapter's records are checked and kept once: a model issue no source
// field answers for, and two versions of a record changed at the same instant.
import { describe, expect, it } from "vitest";
import { finishAdapter, type Assembled } from "../../src/adapters/adapter-result.js";
import { fromHubSpotMeetings, type SourceRow } from "../../src/adapters/index.js";
import { handoffInput } from "../fixtures/handoff.js";

describe("finishAdapter", () => {
  it("puts a problem no source field answers for at `handoff` and the model's own path", () => {
    const record = { ...handoffInput(), prospect: { ...handoffInput().prospect, email: "not an email" } };
    const assembled: Assembled = { index: 4, row: 6, record, idField: "Id", version: undefined };
    const { handoffs, issues } = finishAdapter([assembled], [], () => undefined, "Meeting");
    expect(handoffs).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ path: [4, "handoff", "prospect", "email"], row: 6 })]);
  });
});

describe("a record exported twice through fromHubSpotMeetings", () => {
  const meeting = (changes: Record<string, string>): SourceRow => ({
    hs_object_id: "9001",
    hs_createdate: "2026-11-02 10:05",
    hs_meeting_start_time: "2026-11-05 15:00",
    hs_meeting_end_time: "2026-11-05 15:30",
    hs_meeting_outcome: "COMPLETED",
    hs_lastmodifieddate: "2026-11-05 16:00",
    hubspot_owner_id: "ae-omar",
    hubspot_owner_name: "Omar Haddad",
    booked_by_owner_id: "sdr-ana",
    booked_by_owner_name: "Ana Souza",
    contact_name: "Dana Ruiz",
    contact_jobtitle: "VP Revenue Operations",
    contact_email: "dana@acme.example",
    company_name: "Acme Logistics",
    company_domain: "acme.example",
    ...changes,
  });

  it("keeps the later row when both versions changed at the same instant, as when neither has a time", () => {
    const { handoffs, issues } = fromHubSpotMeetings(
      [meeting({ hs_meeting_outcome: "SCHEDULED" }), meeting({ hs_meeting_outcome: "NO_SHOW" })],
      { exportTimeZone: "America/New_York", defaults: { source: "outbound", segment: "mid_market" } },
    );
    expect(issues.map((issue) => [issue.row, issue.code, issue.message])).toEqual([
      [2, "duplicate_row", "Meeting 9001 again: row 3 is kept, the later version"],
    ]);
    // The record kept is the second one given (index 1): row 3.
    expect(issues[0]?.kept).toBe(1);
    expect(handoffs.map((handoff) => handoff.events.map((event) => event.type))).toEqual([["booked", "no_show"]]);
  });
});
