// The bundled sample team as the meetings exports of HubSpot, Salesforce (Events, as Data Loader
// writes them) and Chili Piper: one row per meeting, in the columns each adapter reads by default
// (the source's own fields for the meeting, placeholders for what each team names itself), for the
// command line's examples and the adapters' round trips.
import { stringify } from "csv-stringify/sync";
import {
  CHILI_PIPER_MEETING_COLUMNS,
  HUBSPOT_DISQUALIFICATION_REASONS,
  HUBSPOT_LEAD_COLUMNS,
  HUBSPOT_MEETING_COLUMNS,
  HUBSPOT_OWNER_HISTORY_COLUMNS,
  SALESFORCE_EVENT_COLUMNS,
  salesforceId18,
  type MeetingField,
} from "../../src/adapters/index.js";
import type { SampleData } from "./generate.js";

type Outcome = "scheduled" | "held" | "no_show" | "cancelled" | "rescheduled";
/** A meeting as every one-row-per-meeting export holds it, before the source names its columns. */
type Meeting = Partial<Record<Exclude<MeetingField, "outcome">, string>> & {
  outcome: Outcome;
  /** The handoff's index in the sample, which names its lead, contact and opportunity in Salesforce. */
  handoff: number;
  /** Whether the AE accepted it with an opportunity (a converted lead, in Salesforce). */
  converted: boolean;
  /** The meeting's host (owner id) from its booking on, then each reassignment while it was open. */
  owners: { at: string; ownerId: string; by: string }[];
};

interface Event {
  readonly type: string;
  readonly at: string;
  readonly by?: string;
  readonly meeting?: { readonly start: string; readonly end: string };
  readonly reason?: string;
  readonly note?: string;
  readonly role?: string;
  readonly to?: string;
  readonly opportunityId?: string;
  readonly amount?: number;
  readonly currency?: string;
}

/** How one source writes the meetings: its columns, its ids, its outcome values. */
interface ExportFormat {
  readonly columns: Readonly<Partial<Record<MeetingField, string>>>;
  readonly meetingId: (n: number) => string;
  readonly ownerId: (team: SampleData["team"], repId: string) => string;
  readonly outcomes: Readonly<Record<Outcome, string>>;
}

const repIndex = (team: SampleData["team"], repId: string): { role: "ae" | "sdr"; index: number } => {
  const ae = team.aes.findIndex((rep) => rep.id === repId);
  return ae >= 0 ? { role: "ae", index: ae } : { role: "sdr", index: team.sdrs.findIndex((rep) => rep.id === repId) };
};

/** HubSpot owner ids are numbers: AEs from 81000001, SDRs from 82000001, in the team's order. */
export function hubSpotOwnerId(team: SampleData["team"], repId: string): string {
  const { role, index } = repIndex(team, repId);
  return String((role === "ae" ? 81_000_001 : 82_000_001) + index);
}

/** A Salesforce record id: the key prefix (`00U` for an Event, `005` for a User), a number, the 18-character form. */
const salesforceId = (prefix: string, n: number): string => salesforceId18(`${prefix}${String(n).padStart(12, "0")}`);

export const FORMATS = {
  hubspot: {
    columns: HUBSPOT_MEETING_COLUMNS,
    meetingId: (n) => String(94_000_000_000 + n),
    ownerId: hubSpotOwnerId,
    outcomes: {
      scheduled: "SCHEDULED",
      held: "COMPLETED",
      no_show: "NO_SHOW",
      cancelled: "CANCELED",
      rescheduled: "RESCHEDULED",
    },
  },
  salesforce: {
    columns: SALESFORCE_EVENT_COLUMNS,
    meetingId: (n) => salesforceId("00U", n),
    ownerId: (team, repId) => {
      const { role, index } = repIndex(team, repId);
      return salesforceId("005", (role === "ae" ? 100 : 200) + index);
    },
    // A custom picklist (Meeting_Status__c): Salesforce has no standard outcome field.
    outcomes: {
      scheduled: "Scheduled",
      held: "Completed",
      no_show: "No Show",
      cancelled: "Canceled",
      rescheduled: "Rescheduled",
    },
  },
  chilipiper: {
    columns: CHILI_PIPER_MEETING_COLUMNS,
    meetingId: (n) => `mtg_${n.toString(36).padStart(8, "0")}`,
    ownerId: (team, repId) => {
      const { role, index } = repIndex(team, repId);
      return `usr_${role}${String(index + 1).padStart(3, "0")}`;
    },
    outcomes: {
      scheduled: "Active",
      held: "Completed",
      no_show: "NoShow",
      cancelled: "Canceled",
      rescheduled: "Rescheduled",
    },
  },
} as const satisfies Record<string, ExportFormat>;

export type ExportSource = keyof typeof FORMATS;

/** The exports write instants as ISO 8601 in UTC (HubSpot's API, Data Loader with its default). */
const utc = (iso: string): string => new Date(iso).toISOString();

/**
 * Each booking of a handoff is a meeting (a recycled handoff booked again is a new meeting), carrying
 * what the source knows of it at the export: its current slot and outcome, the slot before a
 * reschedule (from property or field history), its owner after any reassignment, and the AE's
 * decision where the team records it on the meeting.
 */
export function meetingsOf(data: SampleData, format: ExportFormat): Meeting[] {
  const names = new Map([...data.team.aes, ...data.team.sdrs].map((rep) => [rep.id, rep.name]));
  const owner = (repId: string): string => format.ownerId(data.team, repId);
  const meetings: Meeting[] = [];
  let n = 0;
  for (const [index, handoff] of data.handoffs.entries()) {
    const events = [...(handoff.events as readonly Event[])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    let ae = handoff.ae.id;
    let meeting: Meeting | undefined;
    const close = (): void => {
      if (meeting === undefined) return;
      meeting.aeId = owner(ae);
      meeting.aeName = names.get(ae) ?? ae;
      meetings.push(meeting);
      meeting = undefined;
    };
    for (const event of events) {
      if (event.type === "reassigned" && event.role === "ae" && event.to !== undefined) ae = event.to;
      if (event.type === "booked" && event.meeting !== undefined) {
        close();
        n += 1;
        const sdr = event.by ?? handoff.sdr.id;
        meeting = {
          id: format.meetingId(n),
          bookedAt: utc(event.at),
          start: utc(event.meeting.start),
          end: utc(event.meeting.end),
          outcome: "scheduled",
          updatedAt: utc(event.at),
          sdrId: owner(sdr),
          sdrName: names.get(sdr) ?? handoff.sdr.name,
          prospectName: handoff.prospect.name,
          prospectTitle: handoff.prospect.title ?? "",
          prospectEmail: handoff.prospect.email ?? "",
          accountName: handoff.account.name,
          accountDomain: handoff.account.domain ?? "",
          segment: handoff.segment,
          source: handoff.source,
          handoff: index,
          converted: false,
          owners: [{ at: utc(event.at), ownerId: owner(ae), by: owner(sdr) }],
        };
        continue;
      }
      if (meeting === undefined) continue;
      const at = utc(event.at);
      switch (event.type) {
        case "reassigned":
          // Revenue operations' reassignments run as a workflow: HubSpot records no user for them.
          if (event.role === "ae") meeting.owners.push({ at, ownerId: owner(ae), by: "" });
          break;
        case "rescheduled":
          if (event.meeting === undefined) break;
          meeting.previousStart ??= meeting.start ?? "";
          meeting.previousEnd ??= meeting.end ?? "";
          Object.assign(meeting, {
            start: utc(event.meeting.start),
            end: utc(event.meeting.end),
            outcome: "rescheduled",
            updatedAt: at,
          });
          break;
        case "cancelled":
          Object.assign(meeting, { outcome: "cancelled", updatedAt: at });
          break;
        case "meeting_held":
          Object.assign(meeting, { outcome: "held", updatedAt: at });
          break;
        case "no_show":
          Object.assign(meeting, { outcome: "no_show", updatedAt: at });
          break;
        case "accepted":
          Object.assign(meeting, { acceptedAt: at, updatedAt: at, converted: event.opportunityId !== undefined });
          break;
        case "rejected":
          Object.assign(meeting, {
            rejectedAt: at,
            rejectionReason: event.reason ?? "",
            rejectionNote: event.note ?? "",
            updatedAt: at,
          });
          break;
        default:
          break;
      }
    }
    close();
  }
  return meetings;
}

/** A sample handoff's lead, the contact its conversion made, and its opportunity, in Salesforce. */
const leadId = (handoff: number): string => salesforceId("00Q", handoff + 1);
const contactId = (handoff: number): string => salesforceId("003", handoff + 1);
const opportunityId = (handoff: number): string => salesforceId("006", handoff + 1);

/**
 * An Event's `WhoId` and `WhatId`: a converted lead's Events moved to the contact it became, and
 * every other one of those names the opportunity too (the rest reach it through the Lead export).
 */
function salesforceLinksOf(meeting: Meeting): [string, string] {
  if (!meeting.converted) return [leadId(meeting.handoff), ""];
  return [contactId(meeting.handoff), meeting.handoff % 2 === 0 ? opportunityId(meeting.handoff) : ""];
}

/**
 * The export as CSV text, with the source's column names as the header, and the links its histories
 * need: Salesforce's Events with WhoId and WhatId, HubSpot's meetings with their contact.
 */
export function meetingsCsv(data: SampleData, source: ExportSource): string {
  const format: ExportFormat = FORMATS[source];
  const fields = Object.keys(format.columns) as MeetingField[];
  const cell = (meeting: Meeting, field: MeetingField): string =>
    field === "outcome" ? format.outcomes[meeting.outcome] : (meeting[field] ?? "");
  const columns = fields.map((field) => format.columns[field] ?? field);
  // Each source's links to the records its histories are about: Salesforce's Who and What, HubSpot's contact.
  const links = {
    salesforce: { columns: ["WhoId", "WhatId"], of: salesforceLinksOf },
    hubspot: {
      columns: [HUBSPOT_LEAD_COLUMNS.meetings.contacts],
      of: (meeting: Meeting) => [hubSpotContactId(meeting.handoff)],
    },
    chilipiper: { columns: [], of: () => [] },
  }[source];
  return stringify(
    meetingsOf(data, format).map((meeting) => [...fields.map((field) => cell(meeting, field)), ...links.of(meeting)]),
    { header: true, columns: [...columns, ...links.columns], record_delimiter: "unix" },
  );
}

/**
 * The sample team's meetings' owner history as HubSpot's API returns it (`propertiesWithHistory` of
 * `hubspot_owner_id`, flattened with the meeting's id, UTC): the host each meeting was booked with,
 * set by the SDR who booked it, and each reassignment to a covering AE while it was open.
 */
export function hubSpotOwnerHistoryCsv(data: SampleData): string {
  const c = HUBSPOT_OWNER_HISTORY_COLUMNS;
  const rows = meetingsOf(data, FORMATS.hubspot).flatMap((meeting) =>
    meeting.owners.map(({ at, ownerId, by }) => [meeting.id ?? "", "hubspot_owner_id", ownerId, at, by]),
  );
  return stringify(
    rows.sort((a, b) => Date.parse(a[3] ?? "") - Date.parse(b[3] ?? "")),
    { header: true, columns: [c.id, c.property, c.value, c.timestamp, c.by], record_delimiter: "unix" },
  );
}

/** A sample handoff's contact and lead in HubSpot: numeric record ids, one of each per handoff. */
const hubSpotContactId = (handoff: number): string => String(51_000_000_001 + handoff);
const hubSpotLeadId = (handoff: number): string => String(61_000_000_001 + handoff);

/** The stage the sample's portal added for recycled leads ("Nurture"): a numeric id, as added stages have. */
export const HUBSPOT_NURTURE_STAGE = "1213103916";

/**
 * The sample team's leads as HubSpot's Leads export and the leads' property history (UTC, the API's
 * flattened `propertiesWithHistory`): a lead per handoff, qualified at its first booking (the SDR's
 * handover); at each rejection the disqualified stage with its reason (HubSpot's value where it has
 * one, else the code as an internal value) and note, by the AE; at each recycle the portal's Nurture
 * stage. The lead's row holds where it ended.
 */
export function hubSpotLeadCsvs(data: SampleData): { leads: string; history: string } {
  const byValue = new Map<string, string>(
    Object.entries(HUBSPOT_DISQUALIFICATION_REASONS).map(([value, code]) => [code, value]),
  );
  const owner = (repId: string): string =>
    [...data.team.aes, ...data.team.sdrs].some((rep) => rep.id === repId) ? hubSpotOwnerId(data.team, repId) : "";
  const leads: string[][] = [];
  const history: string[][] = [];
  for (const [index, handoff] of data.handoffs.entries()) {
    const events = [...(handoff.events as readonly Event[])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const lead = hubSpotLeadId(index);
    let stage = "qualified-stage-id";
    let stageAt = utc(events[0]?.at ?? data.asOf);
    let reason = "";
    let note = "";
    const change = (property: string, value: string, at: string, by: string): void => {
      history.push([lead, property, value, at, by]);
    };
    for (const event of events) {
      const at = utc(event.at);
      const by = owner(event.by ?? "");
      if (event.type === "rejected") {
        reason = byValue.get(event.reason ?? "") ?? (event.reason ?? "").toUpperCase();
        note = event.note ?? "";
        [stage, stageAt] = ["unqualified-stage-id", at];
        change("hs_pipeline_stage", stage, at, by);
        change("hs_lead_disqualification_reason", reason, at, by);
        change("hs_lead_disqualification_note", note, at, by);
      }
      if (event.type === "recycled") {
        [stage, stageAt] = [HUBSPOT_NURTURE_STAGE, at];
        change("hs_pipeline_stage", stage, at, by);
      }
    }
    leads.push([lead, hubSpotContactId(index), stage, stageAt, reason, note]);
  }
  const c = HUBSPOT_LEAD_COLUMNS;
  return {
    leads: stringify(leads, {
      header: true,
      columns: [c.leads.id, c.leads.contact, c.leads.stage, c.leads.stageAt, c.leads.reason, c.leads.note],
      record_delimiter: "unix",
    }),
    history: stringify(
      history.sort((a, b) => Date.parse(a[3] ?? "") - Date.parse(b[3] ?? "")),
      {
        header: true,
        columns: [c.history.id, c.history.property, c.history.value, c.history.timestamp, c.history.by],
        record_delimiter: "unix",
      },
    ),
  };
}

/**
 * The sample team's leads and deals as Salesforce's Lead, LeadHistory and OpportunityHistory exports
 * (Data Loader's columns, UTC): a lead per handoff, converted when the AE accepted it; a `Status`
 * change to `Recycled` at each recycle and a `leadConverted` row at each conversion; an opportunity
 * per conversion, opened at the acceptance with its amount and closed won or lost.
 */
export function salesforceHistoryCsvs(data: SampleData): {
  leads: string;
  leadHistory: string;
  opportunityHistory: string;
} {
  const user = (repId: string): string =>
    [...data.team.aes, ...data.team.sdrs].some((rep) => rep.id === repId)
      ? FORMATS.salesforce.ownerId(data.team, repId)
      : salesforceId("005", 900); // an integration user: revenue operations' automation
  const leads: string[][] = [];
  const leadHistory: string[][] = [];
  const opportunityHistory: string[][] = [];
  for (const [index, handoff] of data.handoffs.entries()) {
    const events = [...(handoff.events as readonly Event[])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const accepted = events.find((event) => event.type === "accepted" && event.opportunityId !== undefined);
    leads.push([
      leadId(index),
      accepted === undefined ? "" : contactId(index),
      accepted === undefined ? "" : opportunityId(index),
    ]);
    let amount = "";
    for (const event of events) {
      const at = utc(event.at);
      const by = user(event.by ?? "");
      if (event.type === "recycled")
        leadHistory.push([leadId(index), "Status", "Working - Contacted", "Recycled", at, by]);
      if (event === accepted) {
        leadHistory.push([leadId(index), "leadConverted", "", "", at, by]);
        amount = String(event.amount ?? "");
        opportunityHistory.push([opportunityId(index), "Qualification", amount, event.currency ?? "USD", at, by]);
      }
      if (accepted !== undefined && (event.type === "opportunity_won" || event.type === "opportunity_lost")) {
        if (event.type === "opportunity_won") amount = String(event.amount ?? amount);
        const stage = event.type === "opportunity_won" ? "Closed Won" : "Closed Lost";
        opportunityHistory.push([opportunityId(index), stage, amount, event.currency ?? "USD", at, by]);
      }
    }
  }
  const csv = (columns: string[], rows: string[][]): string =>
    stringify(rows, { header: true, columns, record_delimiter: "unix" });
  const byTime = (rows: string[][]): string[][] => rows.sort((a, b) => Date.parse(a[4] ?? "") - Date.parse(b[4] ?? ""));
  return {
    leads: csv(["Id", "ConvertedContactId", "ConvertedOpportunityId"], leads),
    leadHistory: csv(["LeadId", "Field", "OldValue", "NewValue", "CreatedDate", "CreatedById"], byTime(leadHistory)),
    opportunityHistory: csv(
      ["OpportunityId", "StageName", "Amount", "CurrencyIsoCode", "CreatedDate", "CreatedById"],
      byTime(opportunityHistory),
    ),
  };
}

/** The sample team's calendars by the source's owner id, for `--calendars`. */
export function calendarsByOwner(data: SampleData, source: ExportSource): Record<string, unknown> {
  const format: ExportFormat = FORMATS[source];
  const calendars: Record<string, unknown> = {};
  for (const rep of [...data.team.aes, ...data.team.sdrs]) {
    const spec = data.calendars[rep.calendarId ?? rep.id];
    if (spec !== undefined) calendars[format.ownerId(data.team, rep.id)] = spec;
  }
  return calendars;
}
