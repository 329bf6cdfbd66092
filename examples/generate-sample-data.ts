// Regenerates examples/data/sample-handoffs.json from the default options: `npm run sample-data`.
import { writeFileSync } from "node:fs";
import { DEFAULT_SAMPLE_OPTIONS, generateSampleData } from "./sample-data/generate.js";
import { serializeSampleData } from "./sample-data/serialize.js";

const path = new URL("./data/sample-handoffs.json", import.meta.url);
const data = generateSampleData(DEFAULT_SAMPLE_OPTIONS);
writeFileSync(path, serializeSampleData(data));
console.log(`wrote ${String(data.handoffs.length)} handoffs to ${path.pathname}`);
