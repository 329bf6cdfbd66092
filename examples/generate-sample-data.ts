// Regenerates examples/data/sample-handoffs.json from the default options, and the same team as a
// HubSpot meetings export with its calendars by owner id: `npm run sample-data`.
import { writeFileSync } from "node:fs";
import { DEFAULT_SAMPLE_OPTIONS, generateSampleData } from "./sample-data/generate.js";
import { hubSpotCalendars, hubSpotMeetingsCsv } from "./sample-data/hubspot-export.js";
import { serializeSampleData } from "./sample-data/serialize.js";

const path = new URL("./data/sample-handoffs.json", import.meta.url);
const data = generateSampleData(DEFAULT_SAMPLE_OPTIONS);
writeFileSync(path, serializeSampleData(data));
console.log(`wrote ${String(data.handoffs.length)} handoffs to ${path.pathname}`);

const hubSpot = new URL("./data/hubspot-meetings.csv", import.meta.url);
writeFileSync(hubSpot, hubSpotMeetingsCsv(data));
const calendars = `${JSON.stringify(hubSpotCalendars(data), null, 2)}\n`;
writeFileSync(new URL("./data/hubspot-calendars.json", import.meta.url), calendars);
console.log(`wrote the HubSpot meetings export to ${hubSpot.pathname}`);
