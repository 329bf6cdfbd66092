// Every row answered: whatever a source sends (cells of any type, keys named like Object.prototype's
// members, rows that are not rows, bodies that are not bodies), an adapter returns, never throws,
// and accounts for each record: it became a handoff or has an issue at its position.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fromCalendlyWebhooks,
  fromChiliPiperMeetings,
  fromHubSpotMeetings,
  fromSalesforceEvents,
  withHubSpotOwnerHistory,
  type AdapterResult,
} from "../../src/adapters/index.js";
import { parseHandoffs } from "../../src/handoff/index.js";
import { classCounts } from "../fixtures/class-counts.js";

const cell = fc.oneof(
  fc.constantFrom("", "  ", "TBD", "2026-11-05 15:30", "2026-11-05T15:30:00Z", "2026-02-30 10:00", "1793631900000"),
  fc.constantFrom("COMPLETED", "No show", "Canceled", "RESCHEDULED", "Active", "No budget", "x@y.example"),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constantFrom(null, undefined, Number.NaN, {}, [], true),
);

/** A row that maps, with some of its cells replaced by anything: most rows then fail, some do not. */
const rowOf = (valid: Readonly<Record<string, string>>) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.subarray(Object.keys(valid), { maxLength: 3 }), fc.array(cell, { minLength: 3, maxLength: 3 }))
        .map(([columns, values]) => ({
          ...valid,
          ...Object.fromEntries(columns.map((column, i) => [column, values[i]])),
        })),
    },
    { weight: 1, arbitrary: fc.constantFrom(null, "row", 7, [], { constructor: "x", __proto__: null }) },
  );

const common = { segment: "smb" };
const HUBSPOT_ROW = {
  hs_object_id: "1",
  hs_createdate: "2026-11-02T15:05:00Z",
  hs_meeting_start_time: "2026-11-05T20:00:00Z",
  hs_meeting_end_time: "2026-11-05T20:30:00Z",
  hs_meeting_outcome: "COMPLETED",
  hubspot_owner_id: "ae",
  booked_by_owner_id: "sdr",
  contact_name: "Dana Ruiz",
  company_name: "Acme",
  lead_source: "outbound",
  ...common,
};
const SALESFORCE_ROW = {
  Id: "00U5g00000AbCdE",
  CreatedDate: "2026-11-02T15:05:00.000Z",
  StartDateTime: "2026-11-05T20:00:00.000Z",
  DurationInMinutes: "30",
  Meeting_Status__c: "Completed",
  OwnerId: "0055g00000OmArH",
  CreatedById: "0055g00000AnASz",
  "Who.Name": "Dana Ruiz",
  "Account.Name": "Acme",
  Lead_Source__c: "outbound",
  Segment__c: "smb",
};
const CHILI_ROW = {
  meetingIdChili: "m-1",
  bookedAt: "2026-11-02T15:05:00Z",
  meetingStartTime: "2026-11-05T20:00:00Z",
  meetingEndTime: "2026-11-05T20:30:00Z",
  meetingStatus: "Completed",
  assigneeIdChili: "ae",
  bookerIdChili: "sdr",
  primaryGuestFullName: "Dana Ruiz",
  primaryGuestCompany: "Acme",
  leadSource: "inbound",
  ...common,
};

/**
 * Each row became a handoff or has an issue at its position (a file in another format: one issue for
 * all of them), so none is dropped without a word.
 */
function accounted(result: AdapterResult, count: number): boolean {
  if (result.issues.some((issue) => issue.code === "missing_columns")) return result.handoffs.length === 0;
  const told = new Set(result.issues.map((issue) => issue.path[0]));
  return result.handoffs.length + told.size >= count;
}

describe("adapters answer every row", () => {
  const sources = [
    ["fromHubSpotMeetings", fromHubSpotMeetings, HUBSPOT_ROW],
    ["fromSalesforceEvents", fromSalesforceEvents, SALESFORCE_ROW],
    ["fromChiliPiperMeetings", fromChiliPiperMeetings, CHILI_ROW],
  ] as const;
  for (const [name, adapter, valid] of sources) {
    it(`${name}: returns for any rows, and names every row it leaves out`, () => {
      const seen = classCounts();
      fc.assert(
        fc.property(
          fc.array(rowOf(valid), { maxLength: 6 }),
          fc.constantFrom(undefined, "America/New_York"),
          (rows, zone) => {
            const result = adapter(rows as never, zone === undefined ? {} : { exportTimeZone: zone });
            const made = new Set(result.handoffs.map((handoff) => handoff.id));
            const told = new Set(result.issues.map((issue) => issue.path[0]));
            seen.see("a handoff made", made.size > 0);
            seen.see("a row left out", told.size > 0);
            seen.see(
              "an unreadable time",
              result.issues.some((issue) => issue.code === "invalid_date"),
            );
            expect(result.handoffs.length).toBeLessThanOrEqual(rows.length);
            expect(accounted(result, rows.length)).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
      // Floors: the lowest of twelve runs less four times its square root (165, 225 and 83 seen).
      seen.expectAtLeast({ "a handoff made": 110, "a row left out": 160, "an unreadable time": 45 });
    });
  }

  it("fromCalendlyWebhooks: returns for any bodies, and names every delivery it leaves out", () => {
    const body = fc.oneof(
      fc.record({
        event: fc.constantFrom("invitee.created", "invitee.canceled", "invitee_no_show.created", "other", 3),
        created_at: cell,
        payload: fc.oneof(
          fc.record({
            uri: fc.constantFrom("https://api.calendly.com/x/invitees/A", "", 5),
            invitee: fc.constantFrom(undefined, "https://api.calendly.com/x/invitees/A"),
            email: cell,
            name: cell,
            created_at: cell,
            old_invitee: fc.constantFrom(
              null,
              "https://api.calendly.com/x/invitees/A",
              "https://api.calendly.com/x/invitees/B",
            ),
            scheduled_event: fc.oneof(
              fc.record({
                start_time: cell,
                end_time: cell,
                event_memberships: fc.constantFrom([], [{ user_email: "o@x.example" }], null),
              }),
              cell,
            ),
          }),
          cell,
        ),
      }),
      cell,
    );
    const seen = classCounts();
    fc.assert(
      fc.property(fc.array(body, { maxLength: 6 }), (deliveries) => {
        const result = fromCalendlyWebhooks(deliveries, {
          defaults: { source: "inbound", segment: "smb", sdr: { id: "s", name: "S" } },
        });
        seen.see("a delivery left out", result.issues.length > 0);
        expect(result.handoffs.length).toBeLessThanOrEqual(deliveries.length);
        // Deliveries join into bookings; with no booking made, every delivery has an issue.
        if (result.handoffs.length === 0)
          expect(new Set(result.issues.map((issue) => issue.path[0])).size).toBe(deliveries.length);
      }),
      { numRuns: 300 },
    );
    seen.expectAtLeast({ "a delivery left out": 150 });
  });

  it("withHubSpotOwnerHistory: returns for any rows, keeps every handoff valid, and answers rows that are none", () => {
    const { handoffs } = fromHubSpotMeetings([HUBSPOT_ROW, { ...HUBSPOT_ROW, hs_object_id: "2" }]);
    const change = fc.record({
      hs_object_id: fc.constantFrom("1", "2"),
      property: fc.constant("hubspot_owner_id"),
      value: fc.constantFrom("ae", "ae-2", "ae-3"),
      timestamp: fc.constantFrom("2026-11-02T15:05:00Z", "2026-11-03T14:00:00Z", "2026-11-04 09:00"),
      updatedByUserId: fc.constantFrom("u-1", ""),
    });
    const seen = classCounts();
    fc.assert(
      fc.property(
        fc.array(
          // Half of the rows as HubSpot writes them, half with cells replaced by anything.
          fc.oneof(
            change,
            change.chain((valid) => rowOf(valid)),
          ),
          { maxLength: 6 },
        ),
        fc.constantFrom(undefined, "America/New_York"),
        (rows, zone) => {
          const result = withHubSpotOwnerHistory(
            handoffs,
            rows as never,
            zone === undefined ? {} : { exportTimeZone: zone },
          );
          seen.see(
            "a reassignment made",
            result.handoffs.some((handoff) => handoff.events.some((event) => event.type === "reassigned")),
          );
          seen.see("a row answered", result.issues.length > 0);
          expect(result.handoffs.map((handoff) => handoff.id)).toEqual(["1", "2"]);
          expect(parseHandoffs(result.handoffs).invalid).toEqual([]);
          const told = new Set(result.issues.map((issue) => issue.path[0]));
          const missingColumns = result.issues.some((issue) => issue.code === "missing_columns");
          rows.forEach((row, index) => {
            if (typeof row !== "object" || row === null || Array.isArray(row))
              expect(missingColumns || told.has(index)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
    // Floors: the lowest of eight runs less four times its square root (57 and 208 seen).
    seen.expectAtLeast({ "a reassignment made": 26, "a row answered": 150 });
  });
});
