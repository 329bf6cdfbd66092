// withHubSpotOwnerHistory: each expected instant is worked out by hand. The meetings are read in
// America/New_York, on EST (UTC-5) after 2026-11-01 02:00: booked 2026-11-02 10:05 is 15:05Z, held
// until 15:30 on the 5th is 20:30Z.
import { describe, expect, it } from "vitest";
import {
  fromHubSpotMeetings,
  HUBSPOT_OWNER_HISTORY_COLUMNS,
  withHubSpotOwnerHistory,
  type HubSpotOwnerHistoryOptions,
  type SourceRow,
} from "../../src/adapters/index.js";
import { parseHandoffs, summarize, type Handoff } from "../../src/handoff/index.js";
import { HandoffKitError } from "../../src/core/error.js";
import { hubspotMeeting } from "../fixtures/hubspot-rows.js";

const NY = { exportTimeZone: "America/New_York", defaults: { source: "outbound", segment: "mid_market" } } as const;

// 9001 is Luca's in the export; 9002 is Omar's.
const { handoffs } = fromHubSpotMeetings(
  [
    hubspotMeeting({ hubspot_owner_id: "ae-luca", hubspot_owner_name: "Luca Romano" }),
    hubspotMeeting({ hs_object_id: "9002" }),
  ],
  NY,
);

const change = (
  id: string,
  value: string,
  timestamp: string,
  by = "u-7",
  property = "hubspot_owner_id",
): SourceRow => ({
  hs_object_id: id,
  property,
  value,
  timestamp,
  updatedByUserId: by,
});

const kinds = (handoff: Handoff | undefined): [string, string][] =>
  (handoff?.events ?? []).map((event) => [event.type, event.at.toISOString()]);
const brief = (result: { issues: readonly { row: number; path: readonly unknown[]; code: string }[] }) =>
  result.issues.map((issue) => [issue.row, issue.path[1], issue.code]);

describe("withHubSpotOwnerHistory", () => {
  it("starts the handoff with the owner at booking, and makes each later change a reassignment", () => {
    const result = withHubSpotOwnerHistory(handoffs, [
      // Row 2: set when the meeting was created, the booking's instant.
      change("9001", "ae-omar", "2026-11-02T15:05:00Z", "u-1"),
      // Row 3: another property of the same meeting: not the owner's.
      change("9001", "COMPLETED", "2026-11-05T20:30:00Z", "u-7", "hs_meeting_outcome"),
      // Row 4: Luca takes the meeting on Tuesday at 09:00 New York time.
      change("9001", "ae-luca", "2026-11-03T14:00:00Z"),
      // Row 5: 9002 kept its owner.
      change("9002", "ae-omar", "2026-11-02T15:05:00Z"),
    ]);
    expect(result.issues).toEqual([]);
    const [first, second] = result.handoffs;
    // Omar, named as meeting 9002 names him, had 9001 when it was booked.
    expect(first?.ae).toEqual({ id: "ae-omar", name: "Omar Haddad" });
    expect(kinds(first)).toEqual([
      ["booked", "2026-11-02T15:05:00.000Z"],
      ["reassigned", "2026-11-03T14:00:00.000Z"],
      ["meeting_held", "2026-11-05T20:30:00.000Z"],
    ]);
    // The id carries the instant: 20,760 days from 1970-01-01 to 2026-11-03 (56 years, 14 of them
    // leap, then 306 days into 2026), times 86,400,000 ms, plus 14 hours, and the new owner; its seq
    // is the row's index (row 4, index 2), which orders the changes of one instant.
    expect(first?.events[1]).toEqual({
      id: "9001:reassigned:1793714400000:ae-luca",
      seq: 2,
      type: "reassigned",
      at: new Date(Date.UTC(2026, 10, 3, 14)),
      by: "u-7",
      role: "ae",
      to: "ae-luca",
    });
    // The lifecycle reads it: Luca owns it now, and it is a valid handoff.
    expect(summarize(first as Handoff).aeId).toBe("ae-luca");
    expect(parseHandoffs(result.handoffs).invalid).toEqual([]);
    // A handoff whose history changes nothing is the same object.
    expect(second).toBe(handoffs[1]);
  });

  it("reads the changes in time order, passes over a value set again, and reads wall times in the zone", () => {
    const result = withHubSpotOwnerHistory(
      handoffs,
      [
        // Out of order in the file: Omar back on Wednesday 4 November 10:00 EST (15:00Z)...
        change("9001", "ae-luca", "2026-11-04 10:00"),
        // ...then (in the file) the first value, at the booking, as epoch milliseconds...
        change("9001", "ae-omar", String(Date.UTC(2026, 10, 2, 15, 5))),
        // ...Luca on the 3rd at 09:00 EST (14:00Z), and Omar set again, the same owner, at 12:00 (17:00Z).
        change("9001", "ae-luca", "2026-11-03 09:00"),
        change("9001", "ae-luca", "2026-11-03 12:00"),
      ],
      { exportTimeZone: "America/New_York" },
    );
    // Luca, then Luca again (no change), then Luca on the 4th (still no change): one reassignment.
    expect(result.issues).toEqual([]);
    expect(kinds(result.handoffs[0])).toEqual([
      ["booked", "2026-11-02T15:05:00.000Z"],
      ["reassigned", "2026-11-03T14:00:00.000Z"],
      ["meeting_held", "2026-11-05T20:30:00.000Z"],
    ]);
  });

  it("answers every row it cannot read, and the history that disagrees with the export", () => {
    const result = withHubSpotOwnerHistory(handoffs, [
      change("9999", "ae-luca", "2026-11-03T14:00:00Z"), // row 2: no such handoff
      change("9001", "ae-omar", "2026-11-02 10:05"), // row 3: no zone given
      change("9001", "ae-omar", "2026-11-02T15:05:00Z"), // row 4: at the booking
      change("9001", "", "2026-11-03T14:00:00Z"), // row 5: the owner cleared
      change("9001", "ae-iris", "2026-11-04T14:00:00Z"), // row 6: Iris, but the export says Luca
      change("", "ae-iris", "2026-11-04T14:00:00Z"), // row 7: no id
      change("9002", "ae-omar", ""), // row 8: no time
    ]);
    expect(brief(result)).toEqual([
      [2, "hs_object_id", "missing_value"],
      [3, "timestamp", "missing_time_zone"],
      [5, "value", "missing_value"],
      [6, "value", "inconsistent_history"],
      [7, "hs_object_id", "missing_value"],
      [8, "timestamp", "missing_value"],
    ]);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      "No handoff 9999: its owner history is not read",
      expect.stringContaining('"2026-11-02 10:05" has no offset'),
      "The owner was cleared: the handoff stays with ae-omar",
      "The history ends with owner ae-iris, the handoff names ae-luca: " +
        "the two exports were taken at different times? The history is read",
      "The record's id is missing",
      "The change's time is missing",
    ]);
    // The history is read as it is: Omar, then Iris on the 4th.
    expect(result.handoffs[0]?.events.find((event) => event.type === "reassigned")).toMatchObject({
      to: "ae-iris",
      at: new Date("2026-11-04T14:00:00Z"),
    });
    expect(result.handoffs[0]?.ae).toEqual({ id: "ae-omar", name: "Omar Haddad" });
  });

  it("names an owner no handoff names from options.owners, else by the id", () => {
    const rows = [change("9001", "ae-kim", "2026-11-02T15:05:00Z"), change("9001", "ae-luca", "2026-11-03T14:00:00Z")];
    expect(withHubSpotOwnerHistory(handoffs, rows, { owners: { "ae-kim": "Kim Park" } }).handoffs[0]?.ae).toEqual({
      id: "ae-kim",
      name: "Kim Park",
    });
    expect(withHubSpotOwnerHistory(handoffs, rows).handoffs[0]?.ae).toEqual({ id: "ae-kim", name: "ae-kim" });
  });

  it("reads a booker property as the SDR's, and renamed columns", () => {
    const options: HubSpotOwnerHistoryOptions = {
      property: "booked_by_owner_id",
      role: "sdr",
      columns: { id: "Record ID", by: "Changed by" },
    };
    // Meeting 9003 is Ben's in the export; Ana booked it and handed it to him that afternoon.
    const withBen = [
      ...handoffs,
      ...fromHubSpotMeetings(
        [hubspotMeeting({ hs_object_id: "9003", booked_by_owner_id: "sdr-ben", booked_by_owner_name: "Ben Ito" })],
        NY,
      ).handoffs,
    ];
    const rows: SourceRow[] = [
      { "Record ID": "9003", property: "booked_by_owner_id", value: "sdr-ana", timestamp: "2026-11-02T15:05:00Z" },
      {
        "Record ID": "9003",
        property: "booked_by_owner_id",
        value: "sdr-ben",
        timestamp: "2026-11-02T18:00:00Z",
        "Changed by": "",
      },
    ];
    const result = withHubSpotOwnerHistory(withBen, rows, options);
    expect(result.issues).toEqual([]);
    expect(result.handoffs[2]?.sdr).toEqual({ id: "sdr-ana", name: "Ana Souza" });
    // No user named: a workflow's change, by "hubspot".
    expect(result.handoffs[2]?.events[1]).toMatchObject({
      type: "reassigned",
      role: "sdr",
      to: "sdr-ben",
      by: "hubspot",
    });
  });

  it("says a file of another format is one, and leaves the handoffs as they are", () => {
    const result = withHubSpotOwnerHistory(handoffs, [{ Id: "9001", Field: "Owner", NewValue: "ae-luca" }]);
    expect(result.handoffs).toBe(handoffs);
    expect(result.issues).toEqual([
      {
        code: "missing_columns",
        path: [],
        row: 1,
        message:
          "Not a HubSpot property history as mapped: expected the columns hs_object_id, property, value, " +
          "timestamp; missing hs_object_id, property, value, timestamp (rename them with the columns option)",
      },
    ]);
    expect(withHubSpotOwnerHistory(handoffs, [])).toEqual({ handoffs, issues: [] });
  });

  it("refuses options it does not read, and values that are none", () => {
    const refused = (options: unknown): string =>
      (() => {
        try {
          withHubSpotOwnerHistory(handoffs, [], options as never);
          return "accepted";
        } catch (error) {
          expect(error).toBeInstanceOf(HandoffKitError);
          return (error as Error).message.replace(/^[^(]*\((.*)\)$/, "$1");
        }
      })();
    expect(refused({ role: "manager" })).toBe("withHubSpotOwnerHistory: options.role must be ae or sdr: manager");
    expect(refused({ propery: "x" })).toBe(
      "withHubSpotOwnerHistory: options.propery is no option (exportTimeZone, columns, property, role, owners)",
    );
    expect(refused({ property: "" })).toBe("withHubSpotOwnerHistory: options.property must be a property's name: ");
    expect(refused({ columns: { owner: "x" } })).toBe(
      "withHubSpotOwnerHistory: options.columns.owner is no field (id, property, value, timestamp, by)",
    );
    expect(refused({ columns: { value: "" } })).toBe(
      "withHubSpotOwnerHistory: options.columns.value must be a column name: ",
    );
    expect(refused({ owners: { "ae-kim": " " } })).toBe(
      'withHubSpotOwnerHistory: options.owners["ae-kim"] must be a name:  ',
    );
    expect(refused({ exportTimeZone: "Mars/Base" })).toMatch(/Mars\/Base/);
    expect(refused({ role: "sdr", owners: {}, columns: HUBSPOT_OWNER_HISTORY_COLUMNS })).toBe("accepted");
  });
});

describe("withHubSpotOwnerHistory at the edges", () => {
  // 9001 was booked at 2026-11-02T15:05:00Z and is Luca's in the export; 9002 is Omar's.
  const reassignments = (handoff: Handoff | undefined): [string, string, string][] =>
    (handoff?.events ?? []).flatMap((event) =>
      event.type === "reassigned" ? [[event.at.toISOString(), event.role, event.to] as [string, string, string]] : [],
    );

  it("sorts the changes by time, and those of one instant by their row", () => {
    const result = withHubSpotOwnerHistory(handoffs, [
      change("9001", "ae-luca", "2026-11-04T14:00:00Z"), // third in time
      change("9001", "ae-iris", "2026-11-03T14:00:00Z"), // second
      change("9001", "ae-kim", "2026-11-03T14:00:00Z"), // second too, a row later: after Iris
      change("9001", "ae-omar", "2026-11-02T15:05:00Z"), // first: at the booking
    ]);
    expect(result.issues).toEqual([]);
    expect(result.handoffs[0]?.ae.id).toBe("ae-omar");
    expect(reassignments(result.handoffs[0])).toEqual([
      ["2026-11-03T14:00:00.000Z", "ae", "ae-iris"],
      ["2026-11-03T14:00:00.000Z", "ae", "ae-kim"],
      ["2026-11-04T14:00:00.000Z", "ae", "ae-luca"],
    ]);
  });

  it("takes the last owner up to the booking, at the booking's instant included, as the handoff's rep", () => {
    const result = withHubSpotOwnerHistory(handoffs, [
      change("9001", "ae-omar", "2026-11-01T12:00:00Z"),
      change("9001", "ae-luca", "2026-11-02T15:05:00Z"),
    ]);
    expect(result.issues).toEqual([]);
    // Luca had it from the booking on: the handoff is the export's, unchanged.
    expect(result.handoffs[0]).toBe(handoffs[0]);
  });

  it("starts with the first owner HubSpot kept when every change came after the booking", () => {
    const result = withHubSpotOwnerHistory(handoffs, [
      change("9001", "ae-kim", "2026-11-03T14:00:00Z"),
      change("9001", "ae-luca", "2026-11-04T14:00:00Z"),
    ]);
    expect(result.handoffs[0]?.ae).toEqual({ id: "ae-kim", name: "ae-kim" });
    expect(reassignments(result.handoffs[0])).toEqual([["2026-11-04T14:00:00.000Z", "ae", "ae-luca"]]);
  });

  it("finds the booking wherever it is in the handoff's events", () => {
    // The same handoff with its booked event moved last: the owner at 15:05Z is still Omar's.
    const first = handoffs[0] as Handoff;
    const moved: Handoff = {
      ...first,
      events: [...first.events.filter((e) => e.type !== "booked"), ...first.events.filter((e) => e.type === "booked")],
    };
    const result = withHubSpotOwnerHistory(
      [moved],
      [change("9001", "ae-omar", "2026-11-02T15:00:00Z"), change("9001", "ae-luca", "2026-11-03T14:00:00Z")],
    );
    expect(result.handoffs[0]?.ae.id).toBe("ae-omar");
    expect(reassignments(result.handoffs[0])).toEqual([["2026-11-03T14:00:00.000Z", "ae", "ae-luca"]]);
  });

  it("says nothing of an owner cleared up to the booking, and names who keeps it after", () => {
    const cleared = withHubSpotOwnerHistory(handoffs, [
      change("9001", "", "2026-11-01T12:00:00Z"),
      change("9001", "", "2026-11-02T15:05:00Z"),
      change("9001", "ae-luca", "2026-11-02T15:05:00Z"),
    ]);
    expect(cleared.issues).toEqual([]);
    // Cleared after the booking with no owner read yet: the handoff keeps its rep, and the history
    // (no owner at all) does not disagree with the export.
    const only = withHubSpotOwnerHistory(handoffs, [change("9001", "", "2026-11-03T14:00:00Z")]);
    expect(only.issues.map((issue) => [issue.row, issue.code, issue.message])).toEqual([
      [2, "missing_value", "The owner was cleared: the handoff stays with its rep"],
    ]);
    expect(only.handoffs[0]).toBe(handoffs[0]);
  });

  it("reads a history that disagrees with the export as it is, with or without a reassignment", () => {
    // Iris had 9001 at the booking and never lost it, yet the export says Luca.
    const still = withHubSpotOwnerHistory(handoffs, [change("9001", "ae-iris", "2026-11-02T15:05:00Z")]);
    expect(still.issues.map((issue) => issue.code)).toEqual(["inconsistent_history"]);
    expect(still.handoffs[0]?.ae).toEqual({ id: "ae-iris", name: "ae-iris" });
    expect(reassignments(still.handoffs[0])).toEqual([]);
    // Omar had 9002 at the booking, as the export says, and Luca took it: the export is older.
    const taken = withHubSpotOwnerHistory(handoffs, [
      change("9002", "ae-omar", "2026-11-02T15:05:00Z"),
      change("9002", "ae-luca", "2026-11-03T14:00:00Z"),
    ]);
    expect(taken.issues.map((issue) => [issue.row, issue.code])).toEqual([[3, "inconsistent_history"]]);
    expect(taken.handoffs[1]?.ae).toEqual({ id: "ae-omar", name: "Omar Haddad" });
    expect(reassignments(taken.handoffs[1])).toEqual([["2026-11-03T14:00:00.000Z", "ae", "ae-luca"]]);
  });

  it("answers a row that is no object at its row, after a first row that is one", () => {
    const result = withHubSpotOwnerHistory(handoffs, [
      change("9001", "ae-luca", "2026-11-02T15:05:00Z"),
      null as never,
    ]);
    expect(result.issues).toEqual([
      { code: "invalid_type", path: [1], row: 3, message: "A row must be an object of cells" },
    ]);
  });

  it("names the argument or option at fault", () => {
    expect(() => withHubSpotOwnerHistory(null as never, [])).toThrow("withHubSpotOwnerHistory: handoffs");
    expect(() => withHubSpotOwnerHistory(handoffs, "rows" as never)).toThrow("withHubSpotOwnerHistory: rows");
    expect(() => withHubSpotOwnerHistory(handoffs, [], { exportTimeZone: "Mars/Base" })).toThrow(
      "withHubSpotOwnerHistory: options.exportTimeZone",
    );
    expect(() => withHubSpotOwnerHistory(handoffs, [], { property: 3 } as never)).toThrow(
      "withHubSpotOwnerHistory: options.property must be a property's name: 3",
    );
    expect(() => withHubSpotOwnerHistory(handoffs, [], { owners: "Omar" } as never)).toThrow(
      "withHubSpotOwnerHistory: options.owners must be an object of names by owner id: Omar",
    );
    expect(() => withHubSpotOwnerHistory(handoffs, [], { columns: "id" } as never)).toThrow(
      "withHubSpotOwnerHistory: options.columns must be an object: id",
    );
    expect(() => withHubSpotOwnerHistory(handoffs, [], { columns: { id: 3 } } as never)).toThrow(
      "withHubSpotOwnerHistory: options.columns.id must be a column name: 3",
    );
  });
});
