import type { SampleData } from "./generate.js";

/**
 * Writes the sample as JSON with one handoff per line: small enough to commit, and a regenerated file
 * diffs line by line.
 */
export function serializeSampleData(data: SampleData): string {
  const { handoffs, ...header } = data;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, "");
  return (
    `${head},\n  "handoffs": [\n` +
    `${handoffs.map((handoff) => `    ${JSON.stringify(handoff)}`).join(",\n")}\n  ]\n}\n`
  );
}
