// Every file of examples/data, as text, from the sample: what `npm run sample-data` writes and what
// the tests compare the committed files with, so no bundled file can drift from its generator.
import { calendlyDeliveries, calendlyReps } from "./calendly-webhooks.js";
import type { SampleData } from "./generate.js";
import {
  calendarsByOwner,
  HUBSPOT_NURTURE_STAGE,
  hubSpotLeadCsvs,
  hubSpotOwnerHistoryCsv,
  meetingsCsv,
  salesforceHistoryCsvs,
} from "./meeting-exports.js";
import { serializeSampleData } from "./serialize.js";

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The files of examples/data by name, each with its text. */
export function sampleFiles(data: SampleData): Record<string, string> {
  const salesforce = salesforceHistoryCsvs(data);
  const hubSpotLeads = hubSpotLeadCsvs(data);
  return {
    "sample-handoffs.json": serializeSampleData(data),
    "hubspot-meetings.csv": meetingsCsv(data, "hubspot"),
    "hubspot-calendars.json": json(calendarsByOwner(data, "hubspot")),
    // The reassignments a meetings export overwrites.
    "hubspot-owner-history.csv": hubSpotOwnerHistoryCsv(data),
    "hubspot-leads.csv": hubSpotLeads.leads,
    "hubspot-lead-history.csv": hubSpotLeads.history,
    // The portal's Nurture stage is the recycle; its other stages are HubSpot's defaults.
    "hubspot-mapping.json": json({ leads: { stages: { [HUBSPOT_NURTURE_STAGE]: "recycled" } } }),
    "salesforce-events.csv": meetingsCsv(data, "salesforce"),
    "salesforce-calendars.json": json(calendarsByOwner(data, "salesforce")),
    "salesforce-leads.csv": salesforce.leads,
    "salesforce-lead-history.csv": salesforce.leadHistory,
    "salesforce-opportunity-history.csv": salesforce.opportunityHistory,
    // The sample's leads are recycled to the status Recycled, which Salesforce's defaults do not have.
    "salesforce-mapping.json": json({ history: { recycleStatuses: ["Recycled"] } }),
    "chilipiper-meetings.csv": meetingsCsv(data, "chilipiper"),
    "chilipiper-calendars.json": json(calendarsByOwner(data, "chilipiper")),
    // Calendly sends webhooks, not exports: its deliveries as JSON Lines, as a receiver stores them,
    // and the mapping the command reads them with (the reps by Calendly user, the source and segment).
    "calendly-webhooks.jsonl": calendlyDeliveries(data)
      .map((delivery) => `${JSON.stringify(delivery)}\n`)
      .join(""),
    "calendly-mapping.json": json({
      reps: calendlyReps(data),
      defaults: { source: "outbound", segment: "mid_market" },
    }),
  };
}
