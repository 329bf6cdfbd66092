// Regenerates examples/data/sample-handoffs.json from the default options, and the same team as the
// meetings exports of HubSpot, Salesforce and Chili Piper, each with its calendars by owner id:
// `npm run sample-data`.
import { writeFileSync } from "node:fs";
import { DEFAULT_SAMPLE_OPTIONS, generateSampleData } from "./sample-data/generate.js";
import {
  calendarsByOwner,
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
