// fromSalesforceEvents and salesforceId18. The 18-character ids are worked out by hand from the
// suffix rule (each 5-character chunk's capitals as bits, first character lowest, read in
// "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"), and checked against ids Salesforce's own formula gives.
import { describe, expect, it } from "vitest";
import { fromSalesforceEvents, salesforceId18 } from "../../src/adapters/index.js";
import { summarize } from "../../src/handoff/index.js";
import { salesforceEvent } from "../fixtures/salesforce-rows.js";

const event = salesforceEvent;

const options = { defaults: { source: "outbound", segment: "mid_market" } } as const;

describe("salesforceId18", () => {
  it("adds the case suffix to a 15-character id, and leaves anything else as it is", () => {
    // Published pairs: "a0RE0" R, E at 2, 3 -> 12 -> M; "00000" -> A; "IJmcN" I, J, N at 0, 1, 4 -> 19 -> T.
    expect(salesforceId18("a0RE000000IJmcN")).toBe("a0RE000000IJmcNMAT");
    expect(salesforceId18("001M000000qfPyS")).toBe("001M000000qfPySIAU");
    // "00U5g": U at 2 -> 4 -> E; "00000" -> A; "AbCdE": A, C, E at 0, 2, 4 -> 21 -> V.
    expect(salesforceId18("00U5g00000AbCdE")).toBe("00U5g00000AbCdEEAV");
    expect(salesforceId18("00U5g00000AbCdEEAV")).toBe("00U5g00000AbCdEEAV");
    expect(salesforceId18("sdr-ana")).toBe("sdr-ana");
  });
});

describe("fromSalesforceEvents", () => {
  it("maps an Event: booked at CreatedDate by its creator, the end from the duration, held by the owner", () => {
    const { handoffs, issues } = fromSalesforceEvents([event()], options);
    expect(issues).toEqual([]);
    // "0055g" and "00000" have no capitals: AA. "OmArH": O, A, H at 0, 2, 4 -> 21 -> V.
    // "AnASz": A, A, S at 0, 2, 3 -> 13 -> N.
    expect(handoffs[0]).toMatchObject({
      id: "00U5g00000AbCdEEAV",
      sdr: { id: "0055g00000AnASzAAN", name: "Ana Souza" },
      ae: { id: "0055g00000OmArHAAV", name: "Omar Haddad" },
      prospect: { name: "Dana Ruiz", email: "dana@acme.example" },
      account: { name: "Acme Logistics", domain: "acme.example" },
    });
    // 20:00Z plus 30 minutes.
    expect(handoffs[0]?.events.map((e) => [e.type, e.at.toISOString(), e.by])).toEqual([
      ["booked", "2026-11-02T15:05:00.000Z", "0055g00000AnASzAAN"],
      ["meeting_held", "2026-11-05T20:30:00.000Z", "0055g00000OmArHAAV"],
    ]);
  });

  it("reads a 15- and an 18-character id of one Event as one record, the later version kept", () => {
    const { handoffs, issues } = fromSalesforceEvents(
      [
        event({ Meeting_Status__c: "Scheduled", LastModifiedDate: "2026-11-03T10:00:00.000Z" }),
        event({ Id: "00U5g00000AbCdEEAV", Meeting_Status__c: "No Show" }),
      ],
      options,
    );
    expect(handoffs.map((handoff) => [handoff.id, summarize(handoff).meetingStatus])).toEqual([
      ["00U5g00000AbCdEEAV", "no_show"],
    ]);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [2, "0.Id", "duplicate_row"],
    ]);
  });

  it("takes EndDateTime over the duration, says when neither gives an end, and reads statuses in any case", () => {
    const { handoffs, issues } = fromSalesforceEvents(
      [
        event({ Id: "a", EndDateTime: "2026-11-05T21:00:00.000Z", Meeting_Status__c: "CANCELLED" }),
        event({ Id: "b", DurationInMinutes: "" }),
        event({ Id: "c", DurationInMinutes: "half an hour" }),
      ],
      options,
    );
    expect(handoffs.map((handoff) => [handoff.id, summarize(handoff).meetingStatus])).toEqual([["a", "cancelled"]]);
    expect(handoffs[0]?.events[0]).toMatchObject({ meeting: { end: new Date("2026-11-05T21:00:00.000Z") } });
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [3, "1.EndDateTime", "missing_value"],
      [4, "2.DurationInMinutes", "invalid_value"],
    ]);
  });

  it("says which columns a file that is not an Event export lacks", () => {
    const { issues } = fromSalesforceEvents([{ Id: "1", Name: "Acme" }]);
    expect(issues[0]?.code).toBe("missing_columns");
    expect(issues[0]?.message).toMatch(
      /^Not a Salesforce Event export as mapped: expected the columns Id, CreatedDate/,
    );
  });
});
