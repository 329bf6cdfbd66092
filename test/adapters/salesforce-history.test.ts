// withSalesforceHistory. Every time is UTC; each 18-character id is worked out by hand from the
// suffix rule (each 5-character chunk's capitals as bits, first character lowest, read in
// "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"): "0055g" and "00000" have no capital (A); "IrIsK" has I, I, K
// at 0, 2, 4 (21, V); "OppCc" O, C at 0, 3 (9, J); "QueUe" Q, U at 0, 3 (9, J); "00G5g" G at 2 (4, E).
// Next touches: timing's catalogue gives 90 days, no_budget's 120.
import { describe, expect, it } from "vitest";
import {
  fromSalesforceEvents,
  withSalesforceHistory,
  type SalesforceHistoryOptions,
  type SalesforceHistoryTables,
  type SourceRow,
} from "../../src/adapters/index.js";
import { HandoffKitError } from "../../src/core/error.js";
import { parseHandoffs, summarize, type Handoff } from "../../src/handoff/index.js";
import { salesforceEvent } from "../fixtures/salesforce-rows.js";

const options = { defaults: { source: "outbound", segment: "mid_market" } } as const;

// A: rejected for timing, its lead then recycled. B: accepted, about the contact lead B became.
// C: undecided, about opportunity OppCc; its lead's conversion is the acceptance.
const events: SourceRow[] = [
  salesforceEvent({
    Id: "00U5g00000EvtAa",
    WhoId: "00Q5g00000LeadA",
    WhatId: "",
    Sales_Rejected_At__c: "2026-11-06T14:00:00.000Z",
    Sales_Rejection_Reason__c: "Timing too far out",
    Sales_Rejection_Note__c: "Budget opens in April",
  }),
  salesforceEvent({
    Id: "00U5g00000EvtBb",
    WhoId: "0035g00000ConBb",
    WhatId: "",
    "Who.Name": "Lee Park",
    Sales_Accepted_At__c: "2026-11-06T15:00:00.000Z",
  }),
  salesforceEvent({
    Id: "00U5g00000EvtCc",
    WhoId: "00Q5g00000LeadC",
    WhatId: "0065g00000OppCc",
    "Who.Name": "Mia Chen",
  }),
];
const leads: SourceRow[] = [
  { Id: "00Q5g00000LeadB", ConvertedContactId: "0035g00000ConBb", ConvertedOpportunityId: "0065g00000OppBb" },
  { Id: "00Q5g00000LeadA", ConvertedContactId: "", ConvertedOpportunityId: "" },
  { Id: "00Q5g00000LeadC", ConvertedContactId: "0035g00000ConCc", ConvertedOpportunityId: "0065g00000OppCc" },
];
const change = (LeadId: string, Field: string, OldValue: string, NewValue: string, CreatedDate: string): SourceRow => ({
  LeadId,
  Field,
  OldValue,
  NewValue,
  CreatedDate,
  CreatedById: "0055g00000AnASz",
});
const leadHistory: SourceRow[] = [
  change("00Q5g00000LeadA", "Status", "Working - Contacted", "Recycled", "2026-11-06T16:00:00.000Z"), // row 2
  change("00Q5g00000LeadB", "Status", "Working - Contacted", "Recycled", "2026-11-07T10:00:00.000Z"), // row 3
  change("00Q5g00000LeadC", "leadConverted", "", "", "2026-11-07T16:00:00.000Z"), // row 4
  change("00Q5g00000LeadB", "Owner", "0055g00000OmArH", "0055g00000IrIsK", "2026-11-03T12:00:00.000Z"), // row 5
  change("00Q5g00000LeadB", "Owner", "Omar Haddad", "Iris Kim", "2026-11-03T12:00:00.000Z"), // row 6
  change("00Q5g00000LeadB", "Owner", "0055g00000IrIsK", "00G5g00000QueUe", "2026-11-04T12:00:00.000Z"), // row 7
  change("00Q5g00000LeadB", "Owner", "Iris Kim", "Inbound Queue", "2026-11-04T12:00:00.000Z"), // row 8
  change("00Q5g00000Other", "Status", "Open", "Recycled", "2026-11-07T10:00:00.000Z"), // row 9: no handoff's lead
  change("00Q5g00000LeadA", "Rating", "Warm", "Hot", "2026-11-07T10:00:00.000Z"), // row 10: another field
  change("00Q5g00000LeadC", "Status", "Open", "Working", "last Tuesday"), // row 11
];
const stage = (OpportunityId: string, StageName: string, Amount: string, CreatedDate: string): SourceRow => ({
  OpportunityId,
  StageName,
  Amount,
  CurrencyIsoCode: "USD",
  CreatedDate,
  CreatedById: "0055g00000OmArH",
});
const opportunityHistory: SourceRow[] = [
  stage("0065g00000OppCc", "Prospecting", "12000", "2026-11-07T16:00:00.000Z"), // row 2
  stage("0065g00000OppCc", "Closed Won", "15000", "2026-11-20T18:00:00.000Z"), // row 3
  stage("0065g00000OppCc", "Closed Won", "16000", "2026-11-21T10:00:00.000Z"), // row 4: a correction
  stage("0065g00000OppCc", "closed won", "16000", "2026-11-21T11:00:00.000Z"), // row 5: the close date moved
  stage("0065g00000OppCc", "Closed Lost", "16000", "2026-11-22T10:00:00.000Z"), // row 6
  stage("0065g00000OppBb", "Closed Lost", "n/a", "2026-11-10T10:00:00.000Z"), // row 7
  stage("0065g00000OppAa", "Closed Won", "900", "2026-11-10T10:00:00.000Z"), // row 8: no handoff's
];
const read = fromSalesforceEvents(events, options);
const tables: SalesforceHistoryTables = { events, leads, leadHistory, opportunityHistory };
const byName = (handoffs: readonly Handoff[], name: string): Handoff =>
  handoffs.find((handoff) => handoff.prospect.name === name) as Handoff;
const brief = (issues: readonly { row: number; path: readonly unknown[]; code: string }[]) =>
  issues.map((issue) => [issue.row, issue.path[1], issue.code]);

describe("withSalesforceHistory", () => {
  const result = withSalesforceHistory(read.handoffs, tables, { leadOwner: "ae", recycleStatuses: ["Recycled"] });

  it("reads each handoff's lead and opportunity history", () => {
    expect(read.issues).toEqual([]);
    const a = byName(result.handoffs, "Dana Ruiz");
    expect(a.events.at(-1)).toMatchObject({
      type: "recycled",
      at: new Date("2026-11-06T16:00:00.000Z"),
      by: "0055g00000AnASzAAN",
      reason: "timing",
      nextTouchAt: new Date("2027-02-04T16:00:00.000Z"),
    });
    const b = byName(result.handoffs, "Lee Park");
    // The owner before the first change (its OldValue) is the rep at booking: Omar, as the Event says.
    expect(b.ae).toEqual(read.handoffs[1]?.ae);
    expect(
      b.events
        .filter((event) => event.type === "reassigned" || event.type === "opportunity_lost")
        .map((event) => [event.type, event.at.toISOString()]),
    ).toEqual([
      ["reassigned", "2026-11-03T12:00:00.000Z"],
      ["opportunity_lost", "2026-11-10T10:00:00.000Z"],
    ]);
    expect(b.events.find((event) => event.type === "reassigned")).toMatchObject({
      role: "ae",
      to: "0055g00000IrIsKAAV",
    });
    const c = byName(result.handoffs, "Mia Chen");
    const withoutIds = c.events
      .filter((event) => ["accepted", "opportunity_won"].includes(event.type))
      .map(({ id: _id, ...event }) => event);
    expect(withoutIds).toEqual([
      {
        type: "accepted",
        at: new Date("2026-11-07T16:00:00.000Z"),
        by: "0055g00000AnASzAAN",
        opportunityId: "0065g00000OppCcAAJ",
        amount: 12000,
        currency: "USD",
        seq: 2, // LeadHistory's row 4
      },
      {
        type: "opportunity_won",
        at: new Date("2026-11-20T18:00:00.000Z"),
        by: "0055g00000OmArHAAV",
        amount: 15000,
        currency: "USD",
        seq: 11, // after LeadHistory's 10 rows, OpportunityHistory's row 3 (index 1)
      },
      {
        type: "opportunity_won",
        at: new Date("2026-11-21T10:00:00.000Z"),
        by: "0055g00000OmArHAAV",
        amount: 16000,
        currency: "USD",
        seq: 12,
      },
    ]);
  });

  it("gives handoffs the lifecycle reads, and the amounts the metrics count", () => {
    const parsed = parseHandoffs(result.handoffs);
    expect(parsed.invalid).toEqual([]);
    const c = summarize(byName(result.handoffs, "Mia Chen"));
    expect([c.status, c.acceptedAmount, c.wonAmount]).toEqual(["won", 12000, 16000]);
    expect(summarize(byName(result.handoffs, "Dana Ruiz")).status).toBe("recycled");
    expect(summarize(byName(result.handoffs, "Lee Park")).status).toBe("lost");
  });

  it("answers every row it should read and cannot, by table, row and column", () => {
    expect(result.issues.events).toEqual([]);
    expect(result.issues.leads).toEqual([]);
    expect(brief(result.issues.leadHistory)).toEqual([
      [3, "NewValue", "inconsistent_history"], // B was accepted, not rejected: no recycle
      [7, "NewValue", "missing_value"], // given to a queue after the booking
      [11, "CreatedDate", "invalid_date"],
    ]);
    expect(result.issues.leadHistory[1]?.message).toBe(
      "The owner was given to queue 00G5g00000QueUeEAJ: the handoff stays with 0055g00000IrIsKAAV",
    );
    expect(brief(result.issues.opportunityHistory)).toEqual([
      [6, "StageName", "inconsistent_history"], // lost after won
      [7, "Amount", "invalid_type"],
    ]);
  });

  it("passes owner changes over unless told whose they are, and conversions when told they are no acceptance", () => {
    const plain = withSalesforceHistory(read.handoffs, tables, {
      acceptOnConversion: false,
      recycleStatuses: ["recycled"],
    });
    const b = byName(plain.handoffs, "Lee Park");
    expect(b.events.some((event) => event.type === "reassigned")).toBe(false);
    expect(brief(plain.issues.leadHistory)).toEqual([
      [3, "NewValue", "inconsistent_history"],
      [11, "CreatedDate", "invalid_date"],
    ]);
    const c = byName(plain.handoffs, "Mia Chen");
    expect(c.events.some((event) => event.type === "accepted")).toBe(false);
    // Never accepted, so its wins are not read.
    expect(brief(plain.issues.opportunityHistory)).toEqual([
      [3, "StageName", "inconsistent_history"],
      [4, "StageName", "inconsistent_history"],
      [5, "StageName", "inconsistent_history"],
      [6, "StageName", "inconsistent_history"],
      [7, "Amount", "invalid_type"],
    ]);
  });

  it("gives a lead booked twice each booking the history up to the next", () => {
    const twice = [
      salesforceEvent({
        Id: "00U5g00000EvtDd",
        WhoId: "00Q5g00000LeadD",
        WhatId: "",
        Sales_Rejected_At__c: "2026-11-06T14:00:00.000Z",
        Sales_Rejection_Reason__c: "no_budget",
        Sales_Rejection_Note__c: "No budget until April",
      }),
      salesforceEvent({
        Id: "00U5g00000EvtEe",
        WhoId: "00Q5g00000LeadD",
        WhatId: "",
        CreatedDate: "2026-11-16T15:00:00.000Z",
        StartDateTime: "2026-11-18T15:00:00.000Z",
        Sales_Rejected_At__c: "2026-11-20T14:00:00.000Z",
        Sales_Rejection_Reason__c: "timing",
        Sales_Rejection_Note__c: "Next quarter",
      }),
    ];
    const both = fromSalesforceEvents(twice, options);
    const history = [
      change("00Q5g00000LeadD", "Status", "Working", "Recycled", "2026-11-09T10:00:00.000Z"),
      change("00Q5g00000LeadD", "Status", "Working", "recycled", "2026-11-23T10:00:00.000Z"),
    ];
    const result = withSalesforceHistory(
      both.handoffs,
      { events: twice, leadHistory: history },
      {
        recycleStatuses: ["Recycled"],
      },
    );
    expect(result.issues.leadHistory).toEqual([]);
    const recycles = result.handoffs.map((handoff) =>
      handoff.events
        .filter((event) => event.type === "recycled")
        .map((event) => [event.at.toISOString(), event.reason, event.nextTouchAt.toISOString()]),
    );
    expect(recycles).toEqual([
      [["2026-11-09T10:00:00.000Z", "no_budget", "2027-03-09T10:00:00.000Z"]],
      [["2026-11-23T10:00:00.000Z", "timing", "2027-02-21T10:00:00.000Z"]],
    ]);
  });

  it("reads two changes in one second as two, in the file's order, and a recycle again as an issue", () => {
    const accepted = [
      salesforceEvent({ Id: "00U5g00000EvtFf", WhoId: "00Q5g00000LeadF", WhatId: "0065g00000OppFf" }),
    ].map((row) => ({ ...row, Sales_Accepted_At__c: "2026-11-06T15:00:00.000Z" }));
    const one = fromSalesforceEvents(accepted, options);
    const sameSecond = withSalesforceHistory(
      one.handoffs,
      {
        events: accepted,
        leadHistory: [
          change("00Q5g00000LeadF", "Owner", "0055g00000OmArH", "0055g00000IrIsK", "2026-11-09T10:00:00.000Z"),
          change("00Q5g00000LeadF", "Owner", "0055g00000IrIsK", "0055g00000LuCaR", "2026-11-09T10:00:00.000Z"),
        ],
        opportunityHistory: [
          stage("0065g00000OppFf", "Closed Won", "200", "2026-11-20T18:00:00.000Z"),
          stage("0065g00000OppFf", "Closed Won", "100", "2026-11-20T18:00:00.000Z"),
        ],
      },
      { leadOwner: "ae" },
    );
    expect(sameSecond.issues.leadHistory).toEqual([]);
    const summary = summarize(sameSecond.handoffs[0] as Handoff);
    // The second row of each second is the later change: Luca ("LuCaR": L, C, R at 0, 2, 4 is 21, V), 100.
    expect([summary.aeId, summary.wonAmount, summary.duplicateEvents]).toEqual(["0055g00000LuCaRAAV", 100, 0]);

    const rejected = [
      salesforceEvent({
        Id: "00U5g00000EvtGg",
        WhoId: "00Q5g00000LeadG",
        WhatId: "",
        Sales_Rejected_At__c: "2026-11-06T14:00:00.000Z",
        Sales_Rejection_Reason__c: "timing",
        Sales_Rejection_Note__c: "Next quarter",
      }),
    ];
    const again = withSalesforceHistory(
      fromSalesforceEvents(rejected, options).handoffs,
      {
        events: rejected,
        leadHistory: [
          change("00Q5g00000LeadG", "Status", "Working", "Recycled", "2026-11-09T10:00:00.000Z"),
          change("00Q5g00000LeadG", "Status", "Recycled", "Working", "2026-11-10T10:00:00.000Z"),
          change("00Q5g00000LeadG", "Status", "Working", "Recycled", "2026-11-11T10:00:00.000Z"),
        ],
      },
      { recycleStatuses: ["Recycled"] },
    );
    expect(brief(again.issues.leadHistory)).toEqual([[4, "NewValue", "inconsistent_history"]]);
    expect(again.handoffs[0]?.events.filter((event) => event.type === "recycled")).toHaveLength(1);
  });

  it("says a file of another format is one, by table", () => {
    const result = withSalesforceHistory(read.handoffs, {
      events,
      opportunityHistory: [{ Opportunity: "x", Stage: "y" }],
    });
    expect(result.issues.opportunityHistory).toEqual([
      {
        code: "missing_columns",
        path: [],
        row: 1,
        message:
          "Not a Salesforce OpportunityHistory export as mapped: expected the columns OpportunityId, StageName, " +
          "CreatedDate; missing OpportunityId, StageName, CreatedDate (rename them with the columns option)",
      },
    ]);
    expect(result.handoffs).toEqual(read.handoffs);
  });

  it("refuses tables and options it does not read, and values that are none", () => {
    const refused = (call: () => unknown): string => {
      try {
        call();
        return "not refused";
      } catch (error) {
        expect(error).toBeInstanceOf(HandoffKitError);
        return (error as Error).message.replace(/^[^(]*\((.*)\)$/, "$1");
      }
    };
    const fn = "withSalesforceHistory";
    const withOptions = (value: unknown) => () =>
      withSalesforceHistory(read.handoffs, { events }, value as SalesforceHistoryOptions);
    expect(refused(() => withSalesforceHistory(read.handoffs, {} as SalesforceHistoryTables))).toBe(
      `${fn}: tables.events is required: the Event export links each handoff to its lead and opportunity`,
    );
    expect(refused(() => withSalesforceHistory(read.handoffs, { events, tasks: [] } as SalesforceHistoryTables))).toBe(
      `${fn}: tables.tasks is no option (events, leads, leadHistory, opportunityHistory)`,
    );
    expect(refused(withOptions({ stages: { Signed: "yes" } }))).toBe(
      `${fn}: options.stages["Signed"] must be won or lost: yes`,
    );
    expect(refused(withOptions({ columns: { leadHistory: { lead: "Lead" } } }))).toBe(
      `${fn}: options.columns.leadHistory.lead is no field (leadId, field, oldValue, newValue, createdAt, by)`,
    );
    expect(refused(withOptions({ recycleAfterDays: 0 }))).toBe(
      `${fn}: options.recycleAfterDays must be a whole number of days, 1 or more: 0`,
    );
    expect(refused(withOptions({ recycleStatuses: "Recycled" }))).toBe(
      `${fn}: options.recycleStatuses must be a list of status values: Recycled`,
    );
    expect(refused(withOptions({ leadOwner: "manager" }))).toBe(`${fn}: options.leadOwner must be ae or sdr: manager`);
    expect(refused(withOptions({ acceptOnConversion: "yes" }))).toBe(
      `${fn}: options.acceptOnConversion must be true or false: yes`,
    );
  });
});
