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
  // Called in each test, not once here: mutation testing counts what runs inside a test.
  const main = () => withSalesforceHistory(read.handoffs, tables, { leadOwner: "ae", recycleStatuses: ["Recycled"] });

  it("reads each handoff's lead and opportunity history", () => {
    const result = main();
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
    const result = main();
    const parsed = parseHandoffs(result.handoffs);
    expect(parsed.invalid).toEqual([]);
    const c = summarize(byName(result.handoffs, "Mia Chen"));
    expect([c.status, c.acceptedAmount, c.wonAmount]).toEqual(["won", 12000, 16000]);
    expect(summarize(byName(result.handoffs, "Dana Ruiz")).status).toBe("recycled");
    expect(summarize(byName(result.handoffs, "Lee Park")).status).toBe("lost");
  });

  it("answers every row it should read and cannot, by table, row and column", () => {
    const result = main();
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
    /** Lead G's Event, rejected on the 6th at 14:00Z, with its lead's status changes. */
    const recycling = (leadHistory: SourceRow[]) =>
      withSalesforceHistory(
        fromSalesforceEvents(rejected, options).handoffs,
        { events: rejected, leadHistory },
        { recycleStatuses: ["Recycled"] },
      );
    const again = recycling([
      change("00Q5g00000LeadG", "Status", "Working", "Recycled", "2026-11-09T10:00:00.000Z"),
      change("00Q5g00000LeadG", "Status", "Recycled", "Working", "2026-11-10T10:00:00.000Z"),
      change("00Q5g00000LeadG", "Status", "Working", "Recycled", "2026-11-11T10:00:00.000Z"),
    ]);
    expect(brief(again.issues.leadHistory)).toEqual([[4, "NewValue", "inconsistent_history"]]);
    expect(again.handoffs[0]?.events.filter((event) => event.type === "recycled")).toHaveLength(1);

    // Recycled at the rejection's own instant, then again: the first recycle is since the rejection.
    const atOnce = recycling([
      change("00Q5g00000LeadG", "Status", "Working", "Recycled", "2026-11-06T14:00:00.000Z"),
      change("00Q5g00000LeadG", "Status", "Recycled", "Working", "2026-11-10T10:00:00.000Z"),
      change("00Q5g00000LeadG", "Status", "Working", "Recycled", "2026-11-11T10:00:00.000Z"),
    ]);
    expect(brief(atOnce.issues.leadHistory)).toEqual([[4, "NewValue", "inconsistent_history"]]);
    expect(atOnce.handoffs[0]?.events.filter((event) => event.type === "recycled").map((event) => event.at)).toEqual([
      new Date("2026-11-06T14:00:00.000Z"),
    ]);
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
    expect(refused(() => withSalesforceHistory(read.handoffs, [] as unknown as SalesforceHistoryTables))).toBe(
      `${fn}: tables must be an object of rows by table: an array`,
    );
    expect(refused(() => withSalesforceHistory(read.handoffs, { events, leads: "x" } as never))).toBe(
      `${fn}: tables.leads must be an array: x`,
    );
    expect(refused(() => withSalesforceHistory({} as never, { events }))).toBe(
      `${fn}: handoffs must be an array: an object`,
    );
    expect(refused(withOptions({ statusField: " " }))).toBe(`${fn}: options.statusField must be a field's name:  `);
    expect(refused(withOptions({ recycleStatuses: ["Recycled", " "] }))).toBe(
      `${fn}: options.recycleStatuses must be a list of status values: an array`,
    );
    expect(refused(withOptions({ recycleStatuses: [3] }))).toBe(
      `${fn}: options.recycleStatuses must be a list of status values: an array`,
    );
    expect(refused(withOptions({ recycleAfterDays: 1.5 }))).toBe(
      `${fn}: options.recycleAfterDays must be a whole number of days, 1 or more: 1.5`,
    );
    expect(refused(withOptions({ stages: "Closed Won" }))).toBe(
      `${fn}: options.stages must be an object of won or lost by stage: Closed Won`,
    );
    expect(refused(withOptions({ columns: "Id" }))).toBe(
      `${fn}: options.columns must be an object of columns by table: Id`,
    );
    expect(refused(withOptions({ columns: { tasks: {} } }))).toBe(
      `${fn}: options.columns.tasks is no option (events, leads, leadHistory, opportunityHistory)`,
    );
    expect(refused(withOptions({ users: { "005": "" } }))).toBe(`${fn}: options.users["005"] must be a name: `);
    expect(refused(withOptions({ exportTimeZone: "Mars/Base" }))).toMatch(
      /^withSalesforceHistory: options\.exportTimeZone/,
    );
    expect(refused(withOptions({ lifecycle: {} }))).toMatch(/^withSalesforceHistory: options\.lifecycle/);
    expect(refused(withOptions({ acceptOnConversion: "yes" }))).toBe(
      `${fn}: options.acceptOnConversion must be true or false: yes`,
    );
  });
});

describe("withSalesforceHistory at the edges", () => {
  // Event H (lead H, no opportunity named) booked 2026-11-02 15:05Z; accepted or rejected as each test says.
  const eventH = (changes: Record<string, string> = {}): SourceRow =>
    salesforceEvent({ Id: "00U5g00000EvtHh", WhoId: "00Q5g00000LeadH", WhatId: "", ...changes });
  const accepted = eventH({ Sales_Accepted_At__c: "2026-11-06T15:00:00.000Z" });
  const handoffsOf = (rows: readonly SourceRow[]) => fromSalesforceEvents(rows, options).handoffs;
  const closes = (handoff: Handoff | undefined) =>
    (handoff?.events ?? []).flatMap((event) =>
      event.type === "opportunity_won" || event.type === "opportunity_lost"
        ? [[event.type, event.at.toISOString(), event.type === "opportunity_won" ? event.amount : undefined]]
        : [],
    );

  it("reads the opportunity an Event names in WhatId without a Lead export, and no other id as one", () => {
    const named = eventH({ WhatId: "0065g00000OppHh", Sales_Accepted_At__c: "2026-11-06T15:00:00.000Z" });
    const stages = [stage("0065g00000OppHh", "Closed Won", "0", "2026-11-20T18:00:00.000Z")];
    const direct = withSalesforceHistory(handoffsOf([named]), { events: [named], opportunityHistory: stages });
    // An amount of 0 is an amount.
    expect(closes(direct.handoffs[0])).toEqual([["opportunity_won", "2026-11-20T18:00:00.000Z", 0]]);
    // An account (001) in WhatId is no opportunity: the lead's conversion names it, and here there is none.
    const account = eventH({ WhatId: "0015g00000AccHh", Sales_Accepted_At__c: "2026-11-06T15:00:00.000Z" });
    const none = withSalesforceHistory(handoffsOf([account]), {
      events: [account],
      leads: [{ Id: "00Q5g00000LeadH", ConvertedContactId: "", ConvertedOpportunityId: "" }],
      opportunityHistory: [stage("0015g00000AccHh", "Closed Won", "5", "2026-11-20T18:00:00.000Z")],
    });
    expect(closes(none.handoffs[0])).toEqual([]);
    expect(none.issues.opportunityHistory).toEqual([]);
  });

  it("gives each booking of a lead the rows from its booking on, whatever order the Events come in", () => {
    const second = eventH({
      Id: "00U5g00000EvtIi",
      CreatedDate: "2026-11-16T15:00:00.000Z",
      StartDateTime: "2026-11-18T15:00:00.000Z",
      "Who.Name": "Lee Park",
    });
    const rows = [second, eventH()]; // the later booking first
    const result = withSalesforceHistory(
      handoffsOf(rows),
      {
        events: rows,
        leadHistory: [
          // At the second booking's instant: the second's. Iris, then Luca after it.
          change("00Q5g00000LeadH", "Owner", "0055g00000OmArH", "0055g00000IrIsK", "2026-11-10T12:00:00.000Z"),
          change("00Q5g00000LeadH", "Owner", "0055g00000IrIsK", "0055g00000LuCaR", "2026-11-16T15:00:00.000Z"),
        ],
      },
      { leadOwner: "ae" },
    );
    const [later, earlier] = result.handoffs;
    const moves = (handoff: Handoff | undefined) =>
      (handoff?.events ?? []).flatMap((event) =>
        event.type === "reassigned" ? [[event.at.toISOString(), event.to]] : [],
      );
    // The first booking was Omar's, handed to Iris; Luca's change at the second booking is not its.
    expect(earlier?.ae.id).toBe("0055g00000OmArHAAV");
    expect(moves(earlier)).toEqual([["2026-11-10T12:00:00.000Z", "0055g00000IrIsKAAV"]]);
    // The second booking starts with Luca, who had it at its instant.
    expect(later?.ae.id).toBe("0055g00000LuCaRAAV");
    expect(moves(later)).toEqual([]);
  });

  it("reads a rejection and a recycle of one instant, the latest rejection's reason, and a custom status field", () => {
    const rejected = eventH({
      Sales_Rejected_At__c: "2026-11-06T14:00:00.000Z",
      Sales_Rejection_Reason__c: "timing",
      Sales_Rejection_Note__c: "Next quarter",
    });
    const result = withSalesforceHistory(
      handoffsOf([rejected]),
      {
        events: [rejected],
        leadHistory: [
          // Status is not the status field here; the change of Lead_Stage__c is by no user (a workflow).
          change("00Q5g00000LeadH", "Status", "Working", "Recycled", "2026-11-06T14:00:00.000Z"),
          {
            ...change("00Q5g00000LeadH", "Lead_Stage__c", "Working", " nurture ", "2026-11-06T14:00:00.000Z"),
            CreatedById: "",
          },
        ],
      },
      { statusField: " Lead_Stage__c ", recycleStatuses: [" Nurture"], recycleAfterDays: 1 },
    );
    expect(result.issues.leadHistory).toEqual([]);
    // timing's catalogue days (90) win over recycleAfterDays; 2026-11-06 + 90 days is 2027-02-04.
    expect(result.handoffs[0]?.events.filter((event) => event.type === "recycled")).toMatchObject([
      {
        at: new Date("2026-11-06T14:00:00.000Z"),
        by: "salesforce",
        reason: "timing",
        nextTouchAt: new Date("2027-02-04T14:00:00.000Z"),
      },
    ]);
    // A reason the catalogue gives no days (wrong_vertical closes the lead): recycleAfterDays, 1 here.
    const closing = eventH({
      Sales_Rejected_At__c: "2026-11-06T14:00:00.000Z",
      Sales_Rejection_Reason__c: "wrong_vertical",
      Sales_Rejection_Note__c: "Logistics only",
    });
    const oneDay = withSalesforceHistory(
      handoffsOf([closing]),
      {
        events: [closing],
        leadHistory: [change("00Q5g00000LeadH", "status", "Working", "RECYCLED", "2026-11-07T09:00:00.000Z")],
      },
      { recycleStatuses: ["recycled"], recycleAfterDays: 1 },
    );
    expect(oneDay.handoffs[0]?.events.find((event) => event.type === "recycled")).toMatchObject({
      reason: "wrong_vertical",
      nextTouchAt: new Date("2026-11-08T09:00:00.000Z"),
    });
  });

  it("names the columns a table lacks, and answers a queue once for an Event exported twice", () => {
    const lacking = withSalesforceHistory(handoffsOf([accepted]), {
      events: [{ Id: "00U5g00000EvtHh" }],
      leads: [{ Id: "00Q5g00000LeadH" }],
      leadHistory: [{ LeadId: "00Q5g00000LeadH" }],
    });
    expect(
      [lacking.issues.events, lacking.issues.leads, lacking.issues.leadHistory].map((issues) => issues[0]?.message),
    ).toEqual([
      "Not a Salesforce Event export as mapped: expected the columns Id, WhoId, WhatId; missing WhoId, WhatId " +
        "(rename them with the columns option)",
      "Not a Salesforce Lead export as mapped: expected the columns Id, ConvertedContactId, ConvertedOpportunityId; " +
        "missing ConvertedContactId, ConvertedOpportunityId (rename them with the columns option)",
      "Not a Salesforce LeadHistory export as mapped: expected the columns LeadId, Field, NewValue, CreatedDate; " +
        "missing Field, NewValue, CreatedDate (rename them with the columns option)",
    ]);
    const twice = [accepted, accepted];
    const queued = withSalesforceHistory(
      handoffsOf(twice),
      {
        events: twice,
        leadHistory: [
          change("00Q5g00000LeadH", "Owner", "0055g00000OmArH", "00G5g00000QueUe", "2026-11-09T10:00:00.000Z"),
        ],
      },
      { leadOwner: "ae" },
    );
    expect(brief(queued.issues.leadHistory)).toEqual([[2, "NewValue", "missing_value"]]);
  });

  it("says what is wrong with a row of each table, and passes over rows of other fields and stages", () => {
    const result = withSalesforceHistory(
      handoffsOf([accepted]),
      {
        events: [accepted],
        leads: [
          { Id: "00Q5g00000LeadH", ConvertedContactId: "", ConvertedOpportunityId: "0065g00000OppHh" },
          "a line",
        ] as SourceRow[],
        leadHistory: [
          change("00Q5g00000LeadH", "Status", "Working", "Recycled", ""), // row 2: no time
          7, // row 3
          change("00Q5g00000LeadH", "leadConverted", "", "", "2026-11-06T16:00:00.000Z"), // row 4
        ] as SourceRow[],
        opportunityHistory: [
          stage("0065g00000OppHh", "Negotiation", "-5", "2026-11-10T10:00:00.000Z"), // row 2: no amount
          // Row 3: no currency, by no user.
          {
            ...stage("0065g00000OppHh", "Closed Lost", "3000", "2026-11-12T10:00:00.000Z"),
            CurrencyIsoCode: "",
            CreatedById: "",
          },
          stage("0065g00000OppHh", "Closed Won", "3000", "2026-11-13T10:00:00.000Z"), // row 4: after lost
          stage("0065g00000OppHh", "closed lost", "3000", "2026-11-14T10:00:00.000Z"), // row 5: lost again
        ] as SourceRow[],
      },
      { recycleStatuses: ["Recycled"] },
    );
    expect(brief(result.issues.leads)).toEqual([[3, undefined, "invalid_type"]]);
    expect(result.issues.leadHistory.map((issue) => [issue.row, issue.path[1], issue.code, issue.message])).toEqual([
      [2, "CreatedDate", "missing_value", "The change's time is missing"],
      [3, undefined, "invalid_type", "A row must be an object of cells"],
    ]);
    expect(
      result.issues.opportunityHistory.map((issue) => [issue.row, issue.path[1], issue.code, issue.message]),
    ).toEqual([
      [2, "Amount", "invalid_type", '"-5" is no amount: the row\'s amount is not read'],
      [
        4,
        "StageName",
        "inconsistent_history",
        "The opportunity was lost before, then Closed Won: a closed handoff keeps its outcome, so this row is not read",
      ],
    ]);
    // The Event's acceptance stands (the conversion adds none); the loss is read once, by no user.
    const events = result.handoffs[0]?.events ?? [];
    expect(events.filter((event) => event.type === "accepted")).toHaveLength(1);
    expect(events.filter((event) => event.type === "opportunity_lost")).toEqual([
      {
        // "EvtHh": E, H at 0, 3 is 9, J; 2026-11-12T10:00Z is 8 days 20 hours after 1793714400000 (11-03 14:00Z).
        id: "00U5g00000EvtHhEAJ:lost:1794477600000",
        seq: 4, // after LeadHistory's 3 rows, OpportunityHistory's index 1
        type: "opportunity_lost",
        at: new Date("2026-11-12T10:00:00.000Z"),
        by: "salesforce",
      },
    ]);
  });
});

describe("withSalesforceHistory on rows out of order", () => {
  const rejectedH = salesforceEvent({
    Id: "00U5g00000EvtHh",
    WhoId: "00Q5g00000LeadH",
    WhatId: "0065g00000OppHh",
    Sales_Rejected_At__c: "2026-11-06T14:00:00.000Z",
    Sales_Rejection_Reason__c: "timing",
    Sales_Rejection_Note__c: "Next quarter",
  });
  const acceptedH = { ...rejectedH, Sales_Rejected_At__c: "", Sales_Accepted_At__c: "2026-11-06T15:00:00.000Z" };

  it("reads LeadHistory in time, whatever the file's order, and names each issue in words", () => {
    const result = withSalesforceHistory(
      fromSalesforceEvents([rejectedH], options).handoffs,
      {
        events: [rejectedH],
        leadHistory: [
          change("00Q5g00000LeadH", "Status", "Working", "Recycled", "2026-11-09T10:00:00.000Z"), // row 2: second
          change("00Q5g00000LeadH", "Status", "Working", "Recycled", "2026-11-07T10:00:00.000Z"), // row 3: first
        ],
      },
      { recycleStatuses: ["Recycled"] },
    );
    expect(result.handoffs[0]?.events.filter((event) => event.type === "recycled").map((event) => event.at)).toEqual([
      new Date("2026-11-07T10:00:00.000Z"),
    ]);
    expect(result.issues.leadHistory.map((issue) => [issue.row, issue.message])).toEqual([
      [2, "The lead was recycled again (Recycled) with no rejection since its last recycle: not read"],
    ]);
    const unrejected = withSalesforceHistory(
      fromSalesforceEvents([acceptedH], options).handoffs,
      {
        events: [acceptedH],
        leadHistory: [change("00Q5g00000LeadH", "Status", "Working", "Recycled", "2026-11-09T10:00:00.000Z")],
      },
      { recycleStatuses: ["Recycled"] },
    );
    expect(unrejected.issues.leadHistory.map((issue) => issue.message)).toEqual([
      "The lead was recycled (Recycled), but the handoff has no rejection before it: not read",
    ]);
  });

  it("reads OpportunityHistory in time, whatever the file's order, and names each issue in words", () => {
    const result = withSalesforceHistory(fromSalesforceEvents([acceptedH], options).handoffs, {
      events: [acceptedH],
      opportunityHistory: [
        stage("0065g00000OppHh", "Closed Lost", "500", "2026-11-22T10:00:00.000Z"), // row 2: after the win
        stage("0065g00000OppHh", "Closed Won", "500", "2026-11-20T18:00:00.000Z"), // row 3
        stage("0065g00000OppHh", "Closed Won", "700", "2026-11-01T18:00:00.000Z"), // row 4: before the booking
      ],
    });
    expect(result.handoffs[0]?.events.filter((event) => event.type.startsWith("opportunity_"))).toMatchObject([
      { type: "opportunity_won", at: new Date("2026-11-20T18:00:00.000Z"), amount: 500 },
    ]);
    expect(result.issues.opportunityHistory.map((issue) => [issue.row, issue.message])).toEqual([
      [
        2,
        "The opportunity was won before, then Closed Lost: a closed handoff keeps its outcome, so this row is not read",
      ],
    ]);
    const early = withSalesforceHistory(fromSalesforceEvents([acceptedH], options).handoffs, {
      events: [acceptedH],
      opportunityHistory: [stage("0065g00000OppHh", "Closed Won", "500", "2026-11-05T18:00:00.000Z")],
    });
    expect(early.issues.opportunityHistory.map((issue) => issue.message)).toEqual([
      "The opportunity was won (Closed Won), but the handoff was not accepted by then: not read",
    ]);
  });

  it("names the owner at booking by the name row of its change", () => {
    const plain = salesforceEvent({ Id: "00U5g00000EvtHh", WhoId: "00Q5g00000LeadH", WhatId: "" });
    const result = withSalesforceHistory(
      fromSalesforceEvents([plain], options).handoffs,
      {
        events: [plain],
        leadHistory: [
          // Another lead's change of the same instant, no handoff's: passed over, its name with it.
          change("00Q5g00000LeadJ", "Owner", "0055g00000OmArH", "0055g00000IrIsK", "2026-11-01T12:00:00.000Z"),
          change("00Q5g00000LeadJ", "Owner", "Omar Haddad", "Someone Else", "2026-11-01T12:00:00.000Z"),
          change("00Q5g00000LeadH", "Owner", "Omar Haddad", "Iris Kim", "2026-11-01T12:00:00.000Z"),
          change("00Q5g00000LeadH", "Owner", "0055g00000OmArH", "0055g00000IrIsK", "2026-11-01T12:00:00.000Z"),
        ],
      },
      { leadOwner: "ae" },
    );
    // Iris had the lead at the booking (2026-11-02 15:05Z): the handoff starts with her, named by her row.
    expect(result.handoffs[0]?.ae).toEqual({ id: "0055g00000IrIsKAAV", name: "Iris Kim" });
    expect(result.issues.leadHistory).toEqual([]);
  });
});
