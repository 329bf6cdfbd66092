// withHubSpotLeads: each expected instant is worked out by hand. Meetings are read in America/New_York,
// on EST (UTC-5) after 2026-11-01: meeting 9001 (contact 501) booked 2026-11-02 10:05 is 15:05Z; 9002
// (contact 501 again) booked 2026-11-20 09:00 is 14:00Z; 9003 (contact 502) booked like 9001.
import { describe, expect, it } from "vitest";
import {
  fromHubSpotMeetings,
  HUBSPOT_DISQUALIFICATION_REASONS,
  HUBSPOT_LEAD_COLUMNS,
  HUBSPOT_LEAD_STAGES,
  withHubSpotLeads,
  type HubSpotLeadsOptions,
  type HubSpotLeadsTables,
  type LeadStageMeaning,
  type SourceRow,
} from "../../src/adapters/index.js";
import { HandoffKitError } from "../../src/core/error.js";
import {
  DEFAULT_REASON_CODES,
  defineLifecycle,
  LENIENT_LIFECYCLE,
  replay,
  summarize,
  type Handoff,
} from "../../src/handoff/index.js";
import { hubspotMeeting } from "../fixtures/hubspot-rows.js";

const NY = { exportTimeZone: "America/New_York", defaults: { source: "outbound", segment: "mid_market" } } as const;

const meetingRows: SourceRow[] = [
  hubspotMeeting({ "Associated Contact IDs": "501" }),
  hubspotMeeting({
    hs_object_id: "9002",
    hs_createdate: "2026-11-20 09:00",
    hs_meeting_start_time: "2026-11-24 10:00",
    hs_meeting_end_time: "2026-11-24 10:30",
    "Associated Contact IDs": "501",
  }),
  // Two contacts in one cell, as HubSpot's export writes them.
  hubspotMeeting({ hs_object_id: "9003", "Associated Contact IDs": "502;503" }),
];
const { handoffs } = fromHubSpotMeetings(meetingRows, NY);

const lead = (changes: Readonly<Record<string, string>> = {}): SourceRow => ({
  hs_object_id: "L1",
  hs_primary_contact_id: "502",
  hs_pipeline_stage: "unqualified-stage-id",
  hs_v2_date_entered_current_stage: "2026-11-06 11:00",
  hs_lead_disqualification_reason: "BUDGET_CONSTRAINTS",
  hs_lead_disqualification_note: "Budget frozen until Q3 2027 per the CFO",
  ...changes,
});
const change = (property: string, value: string, timestamp: string, id = "L2", by = "u-9"): SourceRow => ({
  hs_object_id: id,
  property,
  value,
  timestamp,
  updatedByUserId: by,
});

const apply = (tables: Partial<HubSpotLeadsTables>, options: HubSpotLeadsOptions = {}) =>
  withHubSpotLeads(
    handoffs,
    { meetings: meetingRows, leads: [], ...tables },
    { exportTimeZone: NY.exportTimeZone, ...options },
  );
const byId = (list: readonly Handoff[], id: string): Handoff => list.find((handoff) => handoff.id === id) as Handoff;
const added = (list: readonly Handoff[], id: string) =>
  byId(list, id).events.filter((event) => !["booked", "meeting_held"].includes(event.type));
const brief = (issues: readonly { row: number; path: readonly unknown[]; code: string }[]) =>
  issues.map((issue) => [issue.row, issue.path[1], issue.code]);

describe("withHubSpotLeads without a history", () => {
  it("reads a lead disqualified after its contact's meeting as the AE's rejection, when it entered the stage", () => {
    const result = apply({ leads: [lead()] });
    expect(result.issues).toEqual({ meetings: [], leads: [], history: [] });
    // 2026-11-06 11:00 EST is 16:00Z; 2026-11-03 is day 20,760 since 1970, so the 6th is 20,763:
    // 20,763 x 86,400,000 + 16 x 3,600,000 = 1,793,980,800,000 ms. Its seq is the lead's row index.
    expect(added(result.handoffs, "9003")).toEqual([
      {
        id: "9003:rejected:1793980800000:L1",
        seq: 0,
        type: "rejected",
        at: new Date(Date.UTC(2026, 10, 6, 16)),
        by: "hubspot",
        reason: "no_budget",
        note: "Budget frozen until Q3 2027 per the CFO",
      },
    ]);
    // The lifecycle takes it: the handoff is rejected, and the meetings of contact 501 are untouched.
    expect(summarize(byId(result.handoffs, "9003")).status).toBe("rejected");
    expect(result.handoffs[0]).toBe(handoffs[0]);
  });

  it("reads a rejection the meeting already records at the same instant once: the meeting's", () => {
    // Meeting 9003 records its rejection at 2026-11-06 11:00 New York (16:00Z), as the lead does; a
    // lead disqualified a minute later is a decision of its own, read beside the meeting's.
    const rejected = { sales_rejected_at: "2026-11-06 11:00", sales_rejection_reason: "no_budget" };
    const own = fromHubSpotMeetings(
      [...meetingRows.slice(0, 2), hubspotMeeting({ ...meetingRows[2], ...rejected, sales_rejection_note: "CFO" })],
      NY,
    ).handoffs;
    const read = (stageAt: string) =>
      withHubSpotLeads(
        own,
        { meetings: meetingRows, leads: [lead({ hs_v2_date_entered_current_stage: stageAt })] },
        { exportTimeZone: NY.exportTimeZone },
      );
    const rejections = (result: ReturnType<typeof read>) =>
      byId(result.handoffs, "9003")
        .events.filter((event) => event.type === "rejected")
        .map((event) => [event.at.toISOString(), event.note]);
    expect(rejections(read("2026-11-06 11:00"))).toEqual([["2026-11-06T16:00:00.000Z", "CFO"]]);
    expect(rejections(read("2026-11-06 11:01"))).toEqual([
      ["2026-11-06T16:00:00.000Z", "CFO"],
      ["2026-11-06T16:01:00.000Z", "Budget frozen until Q3 2027 per the CFO"],
    ]);
  });

  it("passes over a stage before the booking (the SDR's own), an open stage, a lead of no meeting's contact", () => {
    const result = apply({
      leads: [
        lead({ hs_v2_date_entered_current_stage: "2026-11-01 09:00" }),
        lead({ hs_object_id: "L3", hs_pipeline_stage: "connected-stage-id" }),
        lead({ hs_object_id: "L4", hs_primary_contact_id: "999" }),
        // Qualified is the SDR's handover by default, no decision of the AE's.
        lead({ hs_object_id: "L5", hs_pipeline_stage: "qualified-stage-id" }),
      ],
    });
    expect(result.issues.leads).toEqual([]);
    expect(result.handoffs).toEqual(handoffs);
  });

  it("reads a stage by its label as by its id, and the second contact of a meeting's cell", () => {
    const result = apply({ leads: [lead({ hs_pipeline_stage: "Disqualified", hs_primary_contact_id: "503" })] });
    expect(added(result.handoffs, "9003").map((event) => event.type)).toEqual(["rejected"]);
  });

  it("reads an accepted stage of the team's own when the handoff records no decision", () => {
    const result = apply(
      {
        leads: [
          lead({ hs_pipeline_stage: "qualified-stage-id", hs_v2_date_entered_current_stage: "2026-11-05 16:00" }),
          lead({ hs_object_id: "L2", hs_primary_contact_id: "501", hs_pipeline_stage: "Qualified" }),
        ],
      },
      { stages: { "qualified-stage-id": "accepted", qualified: "accepted" } },
    );
    // 16:00 EST on the 5th is 21:00Z.
    expect(added(result.handoffs, "9003")).toEqual([
      {
        id: `9003:accepted:${String(Date.UTC(2026, 10, 5, 21))}:L1`,
        seq: 0,
        type: "accepted",
        at: new Date(Date.UTC(2026, 10, 5, 21)),
        by: "hubspot",
      },
    ]);
    // Contact 501's lead entered Qualified on the 6th: after 9001's booking, before 9002's.
    expect(added(result.handoffs, "9001").map((event) => event.type)).toEqual(["accepted"]);
    expect(added(result.handoffs, "9002")).toEqual([]);
  });

  it("reads a contacts export by its lead status: BAD_TIMING is a rejection and a recycle at once", () => {
    const contacts = [{ hs_object_id: "502", hs_lead_status: "BAD_TIMING", lead_status_at: "2026-11-07 09:30" }];
    const result = apply(
      { leads: contacts },
      { columns: { leads: { contact: "hs_object_id", stage: "hs_lead_status", stageAt: "lead_status_at" } } },
    );
    // 09:30 EST is 14:30Z; BAD_TIMING is the catalogue's `timing`, 90 days to the next touch:
    // 23 days to the end of November, 31 of December, 31 of January, then 5 of February.
    const at = new Date(Date.UTC(2026, 10, 7, 14, 30));
    expect(added(result.handoffs, "9003")).toEqual([
      expect.objectContaining({ type: "rejected", at, reason: "timing", note: "BAD_TIMING" }),
      expect.objectContaining({
        type: "recycled",
        at,
        reason: "timing",
        nextTouchAt: new Date(Date.UTC(2027, 1, 5, 14, 30)),
      }),
    ]);
    // Without a note the rejection keeps the status as its note, and says so: the lifecycle refuses it.
    expect(brief(result.issues.leads)).toEqual([[2, "hs_lead_disqualification_note", "missing_value"]]);
    const replayed = replay(byId(result.handoffs, "9003").events, LENIENT_LIFECYCLE);
    expect(replayed.refusal?.code).toBe("vague_note");
  });
});

describe("withHubSpotLeads with a history", () => {
  const history = [
    // Row 2: an open stage before the booking.
    change("hs_pipeline_stage", "attempting-stage-id", "2026-10-30T13:00:00Z"),
    // Rows 3-5: disqualified after 9001, the reason and note written after the stage in the file.
    change("hs_pipeline_stage", "unqualified-stage-id", "2026-11-06T14:00:00Z"),
    change("hs_lead_disqualification_reason", "Bad Timing", "2026-11-06T14:00:00Z"),
    change("hs_lead_disqualification_note", "Budget cycle opens in March 2027", "2026-11-06T14:00:00Z"),
    // Row 6: moved to the team's nurture stage: the recycle.
    change("hs_pipeline_stage", "1213103916", "2026-11-09T15:00:00Z"),
    // Row 7: another property: passed over.
    change("hs_lead_label", "WARM", "2026-11-10T15:00:00Z"),
    // Rows 8-10: booked again (9002, the 20th), then disqualified for no response.
    change("hs_pipeline_stage", "unqualified-stage-id", "2026-11-25T16:00:00Z"),
    change("hs_lead_disqualification_reason", "NO_RESPONSE", "2026-11-25T16:00:00Z"),
    change("hs_lead_disqualification_note", "No reply to four follow-ups after the demo", "2026-11-25T16:00:00Z"),
  ];
  // The lead's own row says only where it is now: the history says more, so the row's stage is not read again.
  const leads = [
    lead({ hs_object_id: "L2", hs_primary_contact_id: "501", hs_v2_date_entered_current_stage: "2026-11-25 11:00" }),
  ];

  it("reads every stage the lead took, each with the reason and note of its instant, in each booking's window", () => {
    const result = apply({ leads, history }, { stages: { "1213103916": "recycled" } });
    expect(result.issues).toEqual({ meetings: [], leads: [], history: [] });
    // 2026-11-06 is day 20,763: 20,763 x 86,400,000 + 14 x 3,600,000 = 1,793,973,600,000 ms; the
    // seq is the history row's index (1) after the lead table's one row.
    expect(added(result.handoffs, "9001")).toEqual([
      {
        id: "9001:rejected:1793973600000:L2",
        seq: 2,
        type: "rejected",
        at: new Date(Date.UTC(2026, 10, 6, 14)),
        by: "u-9",
        reason: "timing",
        note: "Budget cycle opens in March 2027",
      },
      // 90 days from 2026-11-09 15:00Z: 21 to the end of November, 31, 31, then 7 of February.
      {
        id: `9001:recycled:${String(Date.UTC(2026, 10, 9, 15))}:L2`,
        seq: 5,
        type: "recycled",
        at: new Date(Date.UTC(2026, 10, 9, 15)),
        by: "u-9",
        reason: "timing",
        nextTouchAt: new Date(Date.UTC(2027, 1, 7, 15)),
      },
    ]);
    expect(added(result.handoffs, "9002")).toEqual([
      expect.objectContaining({
        type: "rejected",
        at: new Date(Date.UTC(2026, 10, 25, 16)),
        reason: "unresponsive",
        note: "No reply to four follow-ups after the demo",
      }),
    ]);
    expect(summarize(byId(result.handoffs, "9001")).status).toBe("recycled");
    expect(summarize(byId(result.handoffs, "9002")).status).toBe("rejected");
  });

  it("reads the history's rows in time whatever the file's order", () => {
    const result = apply({ leads, history: [...history].reverse() }, { stages: { "1213103916": "recycled" } });
    const inOrder = apply({ leads, history }, { stages: { "1213103916": "recycled" } });
    const strip = (list: readonly Handoff[]) =>
      list.map((handoff) => handoff.events.map(({ seq: _seq, ...event }) => event));
    expect(strip(result.handoffs)).toEqual(strip(inOrder.handoffs));
  });

  it("takes the lead's own reason and note when the history has none of them", () => {
    const stagesOnly = history.filter((row) => row["property"] === "hs_pipeline_stage").slice(0, 2);
    const result = apply({ leads, history: stagesOnly });
    expect(added(result.handoffs, "9001")).toEqual([
      expect.objectContaining({
        type: "rejected",
        reason: "no_budget",
        note: "Budget frozen until Q3 2027 per the CFO",
      }),
    ]);
  });

  it("answers a second recycle with no rejection since, an unreadable time, a disqualification with no reason", () => {
    const result = apply(
      {
        leads: [...leads, lead({ hs_object_id: "L1", hs_lead_disqualification_reason: "" })],
        history: [
          ...history.slice(0, 5),
          // Row 7: recycled again, no rejection since.
          change("hs_pipeline_stage", "1213103916", "2026-11-12T15:00:00Z"),
          // Row 8: a time with no offset in a file read as UTC... here in New York, but not a time at all.
          change("hs_pipeline_stage", "unqualified-stage-id", "next Tuesday"),
        ],
      },
      { stages: { "1213103916": "recycled" } },
    );
    expect(brief(result.issues.history)).toEqual([
      [7, "value", "inconsistent_history"],
      [8, "timestamp", "invalid_date"],
    ]);
    // L1 (contact 502) has no reason: the rejection is not read.
    expect(brief(result.issues.leads)).toEqual([[3, "hs_lead_disqualification_reason", "missing_value"]]);
    expect(added(result.handoffs, "9003")).toEqual([]);
  });
});

describe("withHubSpotLeads recycles with no rejection before them", () => {
  it("take the lead's reason, else the stage's own where it reads as a reason, else are not read", () => {
    const nurture = (reason: string) =>
      apply(
        { leads: [lead({ hs_pipeline_stage: "1213103916", hs_lead_disqualification_reason: reason })] },
        { stages: { "1213103916": "recycled" } },
      );
    // COMPETITOR_PREFERENCE is "competitor": 180 days to the next touch, from 16:00Z on 6 November: 24 days
    // to the end of November, 31, 31, 28 of February, 31, 30 of April, then 5 of May.
    expect(added(nurture("COMPETITOR_PREFERENCE").handoffs, "9003")).toEqual([
      expect.objectContaining({ type: "rejected", reason: "competitor" }),
      expect.objectContaining({
        type: "recycled",
        reason: "competitor",
        nextTouchAt: new Date(Date.UTC(2027, 4, 5, 16)),
      }),
    ]);
    // A stage id is no reason: with none on the lead, the recycle is not read, and says why.
    const bare = nurture("");
    expect(added(bare.handoffs, "9003")).toEqual([]);
    expect(bare.issues.leads).toEqual([
      expect.objectContaining({
        code: "missing_value",
        row: 2,
        path: [0, "hs_lead_disqualification_reason"],
        message: "The lead was recycled (1213103916) with no rejection before it and no reason: not read",
      }),
    ]);
  });
});

describe("withHubSpotLeads on repeated and doubled input", () => {
  const stages = { stages: { "1213103916": "recycled" } } as const;
  const dq = (id: string, timestamp: string, stage = "unqualified-stage-id") =>
    change("hs_pipeline_stage", stage, timestamp, id);

  it("flags a second recycle after a rejection and recycle read at once", () => {
    const result = apply(
      {
        leads: [
          lead({ hs_object_id: "L2", hs_primary_contact_id: "501", hs_lead_disqualification_reason: "BAD_TIMING" }),
        ],
        history: [dq("L2", "2026-11-03T15:00:00Z", "1213103916"), dq("L2", "2026-11-04T15:00:00Z", "BAD_TIMING")],
      },
      stages,
    );
    expect(added(result.handoffs, "9001").map((event) => event.type)).toEqual(["rejected", "recycled"]);
    expect(brief(result.issues.history)).toEqual([[3, "value", "inconsistent_history"]]);
  });

  it("keeps two leads' decisions of one instant apart, and reads a history row exported twice once", () => {
    // Meeting 9003 has contacts 502 and 503, each with a lead disqualified at the same instant.
    const result = apply({
      leads: [
        lead(),
        lead({ hs_object_id: "L9", hs_primary_contact_id: "503", hs_lead_disqualification_reason: "NO_RESPONSE" }),
      ],
    });
    const ids = added(result.handoffs, "9003").map((event) => event.id);
    expect(ids).toEqual(["9003:rejected:1793980800000:L1", "9003:rejected:1793980800000:L9"]);
    const twice = [dq("L2", "2026-11-06T14:00:00Z"), dq("L2", "2026-11-06T14:00:00Z")];
    const doubled = apply({ leads: [lead({ hs_object_id: "L2", hs_primary_contact_id: "501" })], history: twice });
    expect(added(doubled.handoffs, "9001").map((event) => event.type)).toEqual(["rejected"]);
    expect(doubled.issues.history).toEqual([]);
  });

  it("reads a lead exported twice from its later version, and names the repeat", () => {
    const result = apply({
      leads: [
        lead({ hs_v2_date_entered_current_stage: "2026-11-07 11:00", hs_lead_disqualification_reason: "NO_RESPONSE" }),
        lead(),
      ],
    });
    // Row 2's stage time (the 7th) is later than row 3's (the 6th): row 3 is the repeat.
    expect(result.issues.leads).toEqual([
      {
        code: "duplicate_row",
        path: [1, "hs_object_id"],
        row: 3,
        kept: 0,
        message: "Lead L1 again: row 2 is kept, the later version",
      },
    ]);
    expect(added(result.handoffs, "9003")).toEqual([expect.objectContaining({ reason: "unresponsive" })]);
  });

  it("passes over an open stage's row without reading its time, and says a reason two decisions read once", () => {
    const result = apply({
      leads: [lead({ hs_object_id: "L2", hs_primary_contact_id: "501", hs_lead_disqualification_reason: "Went dark" })],
      history: [
        change("hs_pipeline_stage", "connected-stage-id", "not a time"),
        dq("L2", "2026-11-06T14:00:00Z"),
        dq("L2", "2026-11-08T14:00:00Z", "1213103916"),
        change("hs_pipeline_stage", "connected-stage-id", "2026-11-09T14:00:00Z"),
        dq("L2", "2026-11-10T14:00:00Z"),
      ],
    });
    // Two rejections read the lead's one unknown reason, kept as a code is written: one issue.
    expect(brief(result.issues.leads)).toEqual([[2, "hs_lead_disqualification_reason", "unknown_value"]]);
    expect(result.issues.history).toEqual([]);
    expect(
      added(result.handoffs, "9001").map((event) => (event.type === "rejected" ? event.reason : event.type)),
    ).toEqual(["went_dark", "went_dark"]);
  });

  it("reads the team's reasons any case, and a contact status as its own reason once mapped", () => {
    const read = apply(
      { leads: [lead({ hs_lead_disqualification_reason: "not a good fit" })] },
      { reasons: { NOT_A_GOOD_FIT: "wrong_vertical" } },
    );
    expect(added(read.handoffs, "9003")).toEqual([expect.objectContaining({ reason: "wrong_vertical" })]);
    const contacts = [{ hs_object_id: "502", hs_lead_status: "UNQUALIFIED", lead_status_at: "2026-11-07 09:30" }];
    const columns = { leads: { contact: "hs_object_id", stage: "hs_lead_status", stageAt: "lead_status_at" } };
    // UNQUALIFIED alone names no reason: not read, and said; mapped onto a code, it is read.
    const bare = apply({ leads: contacts }, { columns });
    expect(brief(bare.issues.leads)).toEqual([[2, "hs_lead_disqualification_reason", "missing_value"]]);
    const mapped = apply({ leads: contacts }, { columns, reasons: { UNQUALIFIED: "no_real_pain" } });
    expect(added(mapped.handoffs, "9003")).toEqual([
      expect.objectContaining({ type: "rejected", reason: "no_real_pain" }),
    ]);
  });
});

describe("withHubSpotLeads reasons", () => {
  it("maps the team's picklist first, then HubSpot's values and labels any case, then the catalogue", () => {
    const read = (reason: string, options: HubSpotLeadsOptions = {}) =>
      apply({ leads: [lead({ hs_lead_disqualification_reason: reason })] }, options);
    const reasonOf = (result: ReturnType<typeof read>) => {
      const event = added(result.handoffs, "9003")[0];
      return event?.type === "rejected" ? event.reason : undefined;
    };
    expect(reasonOf(read("No Decision-making Power"))).toBe("wrong_economic_buyer");
    expect(reasonOf(read("competitor preference"))).toBe("competitor");
    expect(reasonOf(read("Wrong vertical"))).toBe("wrong_vertical");
    expect(reasonOf(read("NOT_A_GOOD_FIT", { reasons: { NOT_A_GOOD_FIT: "under_minimum_size" } }))).toBe(
      "under_minimum_size",
    );
    expect(reasonOf(read("BAD_TIMING", { reasons: { BAD_TIMING: "no_real_pain" } }))).toBe("no_real_pain");
    const unknown = read("Smaller than Deer");
    expect(reasonOf(unknown)).toBe("smaller_than_deer");
    expect(brief(unknown.issues.leads)).toEqual([[2, "hs_lead_disqualification_reason", "unknown_value"]]);
  });

  it("names its defaults", () => {
    expect(HUBSPOT_LEAD_STAGES["unqualified-stage-id"]).toBe("rejected");
    expect(HUBSPOT_DISQUALIFICATION_REASONS.BAD_TIMING).toBe("timing");
    expect(HUBSPOT_LEAD_COLUMNS.meetings.contacts).toBe("Associated Contact IDs");
  });
});

describe("withHubSpotLeads refuses", () => {
  it("a table that is not the export it should be, naming the columns", () => {
    const result = apply({ leads: [{ Name: "Dana" }] });
    expect(result.issues.leads).toEqual([
      expect.objectContaining({
        code: "missing_columns",
        row: 1,
        message: expect.stringContaining("hs_primary_contact_id") as unknown,
      }),
    ]);
    const noContacts = withHubSpotLeads(handoffs, { meetings: [hubspotMeeting()], leads: [lead()] });
    expect(noContacts.issues.meetings[0]?.message).toContain("Associated Contact IDs");
    expect(noContacts.handoffs).toEqual(handoffs);
  });

  it("a row that is no object of cells", () => {
    const result = apply({ leads: [lead(), "L9" as unknown as SourceRow] });
    expect(brief(result.issues.leads)).toEqual([[3, undefined, "invalid_type"]]);
  });

  it("misuse, with a HandoffKitError", () => {
    const misuse =
      (tables: unknown, options: unknown = {}) =>
      () =>
        withHubSpotLeads(handoffs, tables as HubSpotLeadsTables, options as HubSpotLeadsOptions);
    const tables = { meetings: meetingRows, leads: [] };
    expect(misuse({ meetings: meetingRows })).toThrow(/tables\.leads is required/u);
    expect(misuse({ ...tables, deals: [] })).toThrow(HandoffKitError);
    expect(misuse(tables, { stages: { Nurture: "later" } })).toThrow(/options\.stages\["Nurture"\] must be accepted/u);
    expect(misuse(tables, { reasons: "BAD_TIMING" })).toThrow(/options\.reasons must be an object/u);
    expect(misuse(tables, { recycleAfterDays: 0 })).toThrow(/recycleAfterDays/u);
    expect(misuse(tables, { columns: { leads: { stage: "" } } })).toThrow(/options\.columns\.leads\.stage/u);
    expect(misuse(tables, { exportTimeZone: "Mars/Olympus" })).toThrow(HandoffKitError);
  });

  it("types its options", () => {
    const meaning: LeadStageMeaning = "accepted";
    expect(meaning).toBe("accepted");
    // @ts-expect-error: a stage means accepted, rejected or recycled
    const wrong: HubSpotLeadsOptions = { stages: { Nurture: "later" } };
    expect(wrong.stages).toBeDefined();
    // @ts-expect-error: the leads table has no field `owner`
    const column: HubSpotLeadsOptions = { columns: { leads: { owner: "hubspot_owner_id" } } };
    expect(column.columns).toBeDefined();
  });
});

// Each rule pinned by a case of its own (found by mutation testing: each case fails if its rule goes).
describe("withHubSpotLeads, rule by rule", () => {
  const nurture = { stages: { "1213103916": "recycled" } } as const;
  const L2 = lead({ hs_object_id: "L2", hs_primary_contact_id: "501" });
  const stage = (value: string, timestamp: string) => change("hs_pipeline_stage", value, timestamp);
  const types = (result: ReturnType<typeof apply>, id: string) =>
    added(result.handoffs, id).map((event) => [event.type, event.at.toISOString()]);

  it("says why a row is not read, in words, at its row and column", () => {
    const result = apply(
      {
        leads: [L2, lead({ hs_v2_date_entered_current_stage: "", hs_lead_disqualification_note: "" })],
        history: [
          // Rows 2-3: a disqualification whose reason is no code anyone knows, and no note.
          stage("unqualified-stage-id", "2026-11-06T14:00:00Z"),
          change("hs_lead_disqualification_reason", "Went dark", "2026-11-06T14:00:00Z"),
          // Row 4: recycled twice with no rejection between; row 5: a stage with no time.
          stage("1213103916", "2026-11-07T14:00:00Z"),
          stage("1213103916", "2026-11-08T14:00:00Z"),
          stage("unqualified-stage-id", ""),
        ],
      },
      nurture,
    );
    const said = (issues: readonly { row: number; path: readonly unknown[]; message: string }[]) =>
      issues.map((issue) => [issue.row, issue.path[1], issue.message]);
    expect(said(result.issues.leads)).toEqual([
      [3, "hs_v2_date_entered_current_stage", "The time the lead entered its stage is missing: not read"],
    ]);
    expect(said(result.issues.history)).toEqual([
      [3, "value", 'Unknown disqualification reason "Went dark": map it onto a reason code with the reasons option'],
      // The lead's own row holds no note for L2 ("Budget frozen ..." is L1's): the history's stage row is blamed.
      [5, "value", "The lead was recycled again (1213103916) with no rejection since its last recycle: not read"],
      [6, "timestamp", "The change's time is missing: not read"],
    ]);
    const noNote = apply({ leads: [lead({ hs_lead_disqualification_note: "" })] });
    expect(said(noNote.issues.leads)).toEqual([
      [
        2,
        "hs_lead_disqualification_note",
        "A rejection without a note (hs_lead_disqualification_note is empty): the lifecycle refuses one that " +
          'names no checkable fact, so it is kept with "BUDGET_CONSTRAINTS" as its note and will be refused',
      ],
    ]);
    const noReason = apply({ leads: [lead({ hs_lead_disqualification_reason: "" })] });
    expect(said(noReason.issues.leads)).toEqual([
      [
        2,
        "hs_lead_disqualification_reason",
        "The lead was disqualified (unqualified-stage-id) without a reason: the rejection is not read",
      ],
    ]);
  });

  it("reads no acceptance once the handoff is decided, and a recycle after each of two rejections", () => {
    const result = apply(
      {
        leads: [
          lead({ hs_object_id: "L2", hs_primary_contact_id: "501", hs_lead_disqualification_reason: "BAD_TIMING" }),
        ],
        history: [
          stage("unqualified-stage-id", "2026-11-03T15:00:00Z"),
          stage("qualified-stage-id", "2026-11-04T15:00:00Z"),
          stage("1213103916", "2026-11-05T15:00:00Z"),
          stage("unqualified-stage-id", "2026-11-06T15:00:00Z"),
          stage("1213103916", "2026-11-07T15:00:00Z"),
        ],
      },
      { stages: { ...nurture.stages, "qualified-stage-id": "accepted" } },
    );
    expect(result.issues).toEqual({ meetings: [], leads: [], history: [] });
    // The acceptance on the 4th follows the rejection of the 3rd: not read. Each recycle follows a rejection.
    expect(types(result, "9001")).toEqual([
      ["rejected", "2026-11-03T15:00:00.000Z"],
      ["recycled", "2026-11-05T15:00:00.000Z"],
      ["rejected", "2026-11-06T15:00:00.000Z"],
      ["recycled", "2026-11-07T15:00:00.000Z"],
    ]);
  });

  it("puts the events found in time among the handoff's own, and reads a stage at the booking's own instant", () => {
    // Meeting 9001 was booked 2026-11-02 10:05 New York (15:05Z) and held 2026-11-05 15:00-15:30 (20:30Z).
    const result = apply({ leads: [L2], history: [stage("unqualified-stage-id", "2026-11-02T15:05:00Z")] });
    expect(byId(result.handoffs, "9001").events.map((event) => event.type)).toEqual([
      "booked",
      "rejected",
      "meeting_held",
    ]);
  });

  it("orders a contact's meetings by booking whatever the export's order, and reads a contact named twice once", () => {
    const reversed = [...meetingRows]
      .reverse()
      .map((row) => (row["hs_object_id"] === "9003" ? { ...row, "Associated Contact IDs": " 502 ; 502 ;" } : row));
    const result = withHubSpotLeads(
      fromHubSpotMeetings(reversed, NY).handoffs,
      { meetings: reversed, leads: [L2, lead()], history: [stage("unqualified-stage-id", "2026-11-25T16:00:00Z")] },
      { exportTimeZone: NY.exportTimeZone },
    );
    // The 25th is in 9002's window (booked the 20th), not 9001's.
    expect(types(result, "9002")).toEqual([["rejected", "2026-11-25T16:00:00.000Z"]]);
    expect(types(result, "9001")).toEqual([]);
    expect(types(result, "9003")).toEqual([["rejected", "2026-11-06T16:00:00.000Z"]]);
  });

  it("reads a reason written after its stage at the same instant, and names no user as hubspot", () => {
    const { updatedByUserId, ...noUser } = change("hs_pipeline_stage", "unqualified-stage-id", "2026-11-06T14:00:00Z");
    expect(updatedByUserId).toBe("u-9");
    const result = apply({
      leads: [lead({ hs_object_id: "L2", hs_primary_contact_id: "501", hs_lead_disqualification_reason: "" })],
      history: [noUser, change("hs_lead_disqualification_reason", "NO_RESPONSE", "2026-11-06T14:00:00Z")],
    });
    expect(added(result.handoffs, "9001")).toEqual([
      expect.objectContaining({ type: "rejected", by: "hubspot", reason: "unresponsive" }),
    ]);
  });

  it("reads a lead without a history and another's history in one time line", () => {
    // L1 (contact 502, no history) is disqualified at 11:00 New York (16:00Z) on the 6th; L3, of the
    // same contact, goes to Nurture at 17:00Z: the recycle of L1's rejection, with its reason.
    const result = apply(
      {
        leads: [lead(), lead({ hs_object_id: "L3", hs_pipeline_stage: "1213103916" })],
        history: [change("hs_pipeline_stage", "1213103916", "2026-11-06T17:00:00Z", "L3")],
      },
      nurture,
    );
    expect(added(result.handoffs, "9003")).toEqual([
      expect.objectContaining({ type: "rejected", at: new Date("2026-11-06T16:00:00Z"), reason: "no_budget" }),
      expect.objectContaining({ type: "recycled", at: new Date("2026-11-06T17:00:00Z"), reason: "no_budget" }),
    ]);
  });

  it("keeps the later row of a lead exported twice with one stage time", () => {
    const result = apply({ leads: [lead({ hs_lead_disqualification_reason: "NO_RESPONSE" }), lead()] });
    expect(result.issues.leads).toEqual([expect.objectContaining({ code: "duplicate_row", row: 2, kept: 1 })]);
    expect(added(result.handoffs, "9003")).toEqual([expect.objectContaining({ reason: "no_budget" })]);
  });

  it("takes the team's value as written before one it equals in another case", () => {
    const result = apply(
      { leads: [lead({ hs_lead_disqualification_reason: "No budget" })] },
      { reasons: { "No budget": "no_budget", NO_BUDGET: "timing" } },
    );
    expect(added(result.handoffs, "9003")).toEqual([expect.objectContaining({ reason: "no_budget" })]);
  });

  it("maps HubSpot's values only onto codes the team's catalogue has", () => {
    // A team whose catalogue has no `competitor`: COMPETITOR_PREFERENCE is then a reason of its own.
    const lifecycle = defineLifecycle({
      gate: "either",
      reasons: DEFAULT_REASON_CODES.filter((reason) => reason.code !== "competitor"),
    });
    const result = apply(
      { leads: [lead({ hs_lead_disqualification_reason: "COMPETITOR_PREFERENCE" })] },
      { lifecycle },
    );
    expect(added(result.handoffs, "9003")).toEqual([expect.objectContaining({ reason: "competitor_preference" })]);
    expect(brief(result.issues.leads)).toEqual([[2, "hs_lead_disqualification_reason", "unknown_value"]]);
  });

  it("answers rows that are no object in every table, and reads the rest", () => {
    const result = apply({
      meetings: [null as unknown as SourceRow, ...meetingRows],
      leads: [null as unknown as SourceRow, lead()],
      history: [null as unknown as SourceRow, change("hs_lead_label", "WARM", "2026-11-06T16:00:00Z", "L1")],
    });
    expect(result.issues.leads).toEqual([
      { code: "invalid_type", path: [0], row: 2, message: "A row must be an object of cells" },
    ]);
    expect(result.issues.history).toEqual([
      { code: "invalid_type", path: [0], row: 2, message: "A row must be an object of cells" },
    ]);
    expect(types(result, "9003")).toEqual([["rejected", "2026-11-06T16:00:00.000Z"]]);
  });

  it("names the function and the option it refuses", () => {
    const call =
      (options: unknown, tables: unknown = { meetings: meetingRows, leads: [] }) =>
      () =>
        withHubSpotLeads(handoffs, tables as HubSpotLeadsTables, options as HubSpotLeadsOptions);
    expect(call({ exportTimeZone: "Mars/Olympus" })).toThrow(/withHubSpotLeads: options\.exportTimeZone/u);
    expect(call({ lifecycle: {} })).toThrow(/withHubSpotLeads: options\.lifecycle/u);
    expect(call({ stages: "Nurture" })).toThrow(
      /withHubSpotLeads: options\.stages must be an object of accepted, rejected or recycled by stage: /u,
    );
    expect(() => withHubSpotLeads(null as never, { meetings: [], leads: [] })).toThrow(/withHubSpotLeads: handoffs/u);
    const wrong = apply({ history: [{ hs_object_id: "L2", property: "hs_pipeline_stage" }] });
    expect(wrong.issues.history).toEqual([
      expect.objectContaining({
        code: "missing_columns",
        message: expect.stringMatching(/a HubSpot property history.*value.*timestamp/u) as unknown,
      }),
    ]);
    const meetingsWrong = apply({ meetings: [{ Name: "x" }] });
    expect(meetingsWrong.issues.meetings[0]?.message).toMatch(/a HubSpot meetings export/u);
    expect(apply({ leads: [{ Name: "x" }] }).issues.leads[0]?.message).toMatch(/a HubSpot leads export/u);
  });
});
