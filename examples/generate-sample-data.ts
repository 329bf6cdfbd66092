// Regenerates examples/data/sample-handoffs.json from the default options, and the same team as the
// meetings exports of HubSpot, Salesforce and Chili Piper, each with its calendars by owner id:
// `npm run sample-data`.
import { writeFileSync } from "node:fs";
import { calendlyDeliveries, calendlyReps } from "./sample-data/calendly-webhooks.js";
import { DEFAULT_SAMPLE_OPTIONS, generateSampleData } from "./sample-data/generate.js";
import {
  calendarsByOwner,
  HUBSPOT_NURTURE_STAGE,
  hubSpotLeadCsvs,
  meetingsCsv,
  salesforceHistoryCsvs,
  type ExportSource,
} from "./sample-data/meeting-exports.js";
import { serializeSampleData } from "./sample-data/serialize.js";

const path = new URL("./data/sample-handoffs.json", import.meta.url);
const data = generateSampleData(DEFAULT_SAMPLE_OPTIONS);
writeFileSync(path, serializeSampleData(data));
console.log(`wrote ${String(data.handoffs.length)} handoffs to ${path.pathname}`);

const exports = {
  hubspot: "hubspot-meetings",
  salesforce: "salesforce-events",
  chilipiper: "chilipiper-meetings",
} as const;
for (const [source, file] of Object.entries(exports) as [ExportSource, string][]) {
  writeFileSync(new URL(`./data/${file}.csv`, import.meta.url), meetingsCsv(data, source));
  const calendars = `${JSON.stringify(calendarsByOwner(data, source), null, 2)}\n`;
  writeFileSync(new URL(`./data/${source}-calendars.json`, import.meta.url), calendars);
  console.log(`wrote examples/data/${file}.csv and ${source}-calendars.json`);
}

const histories = salesforceHistoryCsvs(data);
for (const [table, file] of [
  ["leads", "salesforce-leads"],
  ["leadHistory", "salesforce-lead-history"],
  ["opportunityHistory", "salesforce-opportunity-history"],
] as const) {
  writeFileSync(new URL(`./data/${file}.csv`, import.meta.url), histories[table]);
  console.log(`wrote examples/data/${file}.csv`);
}
// The sample's leads are recycled to the status Recycled, which Salesforce's defaults do not have.
const salesforceMapping = { history: { recycleStatuses: ["Recycled"] } };
writeFileSync(
  new URL("./data/salesforce-mapping.json", import.meta.url),
  `${JSON.stringify(salesforceMapping, null, 2)}\n`,
);

// HubSpot's leads and their history; the portal's Nurture stage is the recycle, its stages the mapping's.
const hubSpotLeads = hubSpotLeadCsvs(data);
writeFileSync(new URL("./data/hubspot-leads.csv", import.meta.url), hubSpotLeads.leads);
writeFileSync(new URL("./data/hubspot-lead-history.csv", import.meta.url), hubSpotLeads.history);
const hubSpotMapping = { leads: { stages: { [HUBSPOT_NURTURE_STAGE]: "recycled" } } };
writeFileSync(new URL("./data/hubspot-mapping.json", import.meta.url), `${JSON.stringify(hubSpotMapping, null, 2)}\n`);
console.log("wrote examples/data/hubspot-leads.csv, hubspot-lead-history.csv and hubspot-mapping.json");

// Calendly sends webhooks, not exports: its deliveries as JSON Lines, as a receiver stores them, and
// the mapping the command reads them with (the reps by Calendly user, the source and segment).
const deliveries = calendlyDeliveries(data);
writeFileSync(
  new URL("./data/calendly-webhooks.jsonl", import.meta.url),
  deliveries.map((delivery) => `${JSON.stringify(delivery)}\n`).join(""),
);
const mapping = { reps: calendlyReps(data), defaults: { source: "outbound", segment: "mid_market" } };
writeFileSync(new URL("./data/calendly-mapping.json", import.meta.url), `${JSON.stringify(mapping, null, 2)}\n`);
console.log("wrote examples/data/calendly-webhooks.jsonl and calendly-mapping.json");
