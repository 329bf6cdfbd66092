// finishAdapter, where every adapter's records are checked and kept once: a model issue no source
// field answers for, and two versions of a record changed at the same instant.
import { describe, expect, it } from "vitest";
import { finishAdapter, type Assembled } from "../../src/adapters/adapter-result.js";
import { fromHubSpotMeetings, type SourceRow } from "../../src/adapters/index.js";
import { handoffInput } from "../fixtures/handoff.js";
import { hubspotMeeting } from "../fixtures/hubspot-rows.js";

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
  const meeting = (changes: Record<string, string>): SourceRow =>
    hubspotMeeting({ hs_lastmodifieddate: "2026-11-05 16:00", ...changes });

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
