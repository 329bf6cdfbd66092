// The bundled sample team as a HubSpot meetings export: one row per meeting, in the columns
// fromHubSpotMeetings reads by default (HubSpot's own properties for the meeting, placeholders for
// what each portal names itself), for the command line's examples and the adapters' round trip.
import { stringify } from "csv-stringify/sync";
import { HUBSPOT_MEETING_COLUMNS } from "../../src/adapters/index.js";
import type { SampleData } from "./generate.js";

type Column = keyof typeof HUBSPOT_MEETING_COLUMNS;
type Row = Partial<Record<Column, string>>;

interface Event {
  readonly type: string;
  readonly at: string;
  readonly by?: string;
  readonly meeting?: { readonly start: string; readonly end: string };
  readonly reason?: string;
  readonly note?: string;
  readonly role?: string;
  readonly to?: string;
}

/**
 * HubSpot owner ids are numbers: each rep of the sample team gets one, AEs from 81000001 and SDRs
 * from 82000001, in the team's order.
 */
export function hubSpotOwnerIds(team: SampleData["team"]): ReadonlyMap<string, string> {
  return new Map([
    ...team.aes.map((rep, i): [string, string] => [rep.id, String(81_000_001 + i)]),
    ...team.sdrs.map((rep, i): [string, string] => [rep.id, String(82_000_001 + i)]),
  ]);
}

/** HubSpot writes datetimes as ISO 8601 in UTC; the sample's are whole minutes already. */
const hubSpotTime = (iso: string): string => new Date(iso).toISOString();

/**
 * Each booking of a handoff is a meeting in HubSpot (a recycled handoff booked again is a new
 * meeting), carrying what HubSpot knows of it at the export: its current slot and outcome, the slot
 * before a reschedule (from property history), its owner after any reassignment, and the AE's
 * decision where the portal records it on the meeting.
 */
export function hubSpotMeetingRows(data: SampleData): Row[] {
  const owners = hubSpotOwnerIds(data.team);
  const names = new Map([...data.team.aes, ...data.team.sdrs].map((rep) => [rep.id, rep.name]));
  const rows: Row[] = [];
  let nextId = 94_000_000_001;
  for (const handoff of data.handoffs) {
    const events = [...(handoff.events as readonly Event[])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    let ae = handoff.ae.id;
    let meeting: Row | undefined;
    const close = (): void => {
      if (meeting !== undefined) rows.push(meeting);
      meeting = undefined;
    };
    for (const event of events) {
      if (event.type === "reassigned" && event.role === "ae" && event.to !== undefined) ae = event.to;
      if (event.type === "booked" && event.meeting !== undefined) {
        close();
        const sdr = event.by ?? handoff.sdr.id;
        meeting = {
          id: String(nextId),
          bookedAt: hubSpotTime(event.at),
          start: hubSpotTime(event.meeting.start),
          end: hubSpotTime(event.meeting.end),
          outcome: "SCHEDULED",
          updatedAt: hubSpotTime(event.at),
          sdrId: owners.get(sdr) ?? sdr,
          sdrName: names.get(sdr) ?? handoff.sdr.name,
          prospectName: handoff.prospect.name,
          prospectTitle: handoff.prospect.title ?? "",
          prospectEmail: handoff.prospect.email ?? "",
          accountName: handoff.account.name,
          accountDomain: handoff.account.domain ?? "",
          segment: handoff.segment,
          source: handoff.source,
        };
        nextId += 1;
        continue;
      }
      if (meeting === undefined) continue;
      meeting.aeId = owners.get(ae) ?? ae;
      meeting.aeName = names.get(ae) ?? ae;
      const at = hubSpotTime(event.at);
      switch (event.type) {
        case "rescheduled":
          if (event.meeting === undefined) break;
          meeting.previousStart ??= meeting.start ?? "";
          meeting.previousEnd ??= meeting.end ?? "";
          meeting.start = hubSpotTime(event.meeting.start);
          meeting.end = hubSpotTime(event.meeting.end);
          Object.assign(meeting, { outcome: "RESCHEDULED", updatedAt: at });
          break;
        case "cancelled":
          Object.assign(meeting, { outcome: "CANCELED", updatedAt: at });
          break;
        case "meeting_held":
          Object.assign(meeting, { outcome: "COMPLETED", updatedAt: at });
          break;
        case "no_show":
          Object.assign(meeting, { outcome: "NO_SHOW", updatedAt: at });
          break;
        case "accepted":
          Object.assign(meeting, { acceptedAt: at, updatedAt: at });
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
    if (meeting !== undefined) {
      meeting.aeId ??= owners.get(ae) ?? ae;
      meeting.aeName ??= names.get(ae) ?? ae;
    }
    close();
  }
  return rows;
}

/** The export as CSV text, with HubSpot's column names as the header. */
export function hubSpotMeetingsCsv(data: SampleData): string {
  const fields = Object.keys(HUBSPOT_MEETING_COLUMNS) as Column[];
  return stringify(
    hubSpotMeetingRows(data).map((row) => fields.map((field) => row[field] ?? "")),
    { header: true, columns: fields.map((field) => HUBSPOT_MEETING_COLUMNS[field]), record_delimiter: "unix" },
  );
}

/** The sample team's calendars by HubSpot owner id, for `--calendars`. */
export function hubSpotCalendars(data: SampleData): Record<string, unknown> {
  const owners = hubSpotOwnerIds(data.team);
  const calendars: Record<string, unknown> = {};
  for (const rep of [...data.team.aes, ...data.team.sdrs]) {
    const owner = owners.get(rep.id);
    const spec = rep.calendarId === undefined ? undefined : data.calendars[rep.calendarId];
    if (owner !== undefined && spec !== undefined) calendars[owner] = spec;
  }
  return calendars;
}
