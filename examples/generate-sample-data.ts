// Regenerates every file of examples/data from the default options: the sample handoffs, and the same
// team as HubSpot, Salesforce, Chili Piper and Calendly write it (examples/sample-data/files.ts):
// `npm run sample-data`.
import { writeFileSync } from "node:fs";
import { sampleFiles } from "./sample-data/files.js";
import { DEFAULT_SAMPLE_OPTIONS, generateSampleData } from "./sample-data/generate.js";

const data = generateSampleData(DEFAULT_SAMPLE_OPTIONS);
for (const [name, text] of Object.entries(sampleFiles(data))) {
  writeFileSync(new URL(`./data/${name}`, import.meta.url), text);
  console.log(`wrote examples/data/${name}`);
}
