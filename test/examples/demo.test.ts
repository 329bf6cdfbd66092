import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDemo } from "../../examples/demo.js";

const sample = JSON.parse(readFileSync(new URL("../../examples/data/sample-handoffs.json", import.meta.url), "utf8")) as {
  asOf: string;
  handoffs: unknown[];
};

const numberAfter = (text: string, label: string): number => Number(new RegExp(`^${label}\\s+(\\d+)$`, "m").exec(text)?.[1]);

describe("npm run demo", () => {
  it("validates every sample record and accounts for each in its summary", () => {
    const output = runDemo(sample);
    expect(output).toContain(`${String(sample.handoffs.length)} records: ${String(sample.handoffs.length)} valid, 0 invalid`);
    const statuses = ["accepted", "booked", "lost", "recycled", "rejected", "won"].map((status) => numberAfter(output, status));
    expect(statuses.reduce((a, b) => a + b, 0)).toBe(sample.handoffs.length);
    const weeks = [...output.matchAll(/^(\d{4}-\d{2}-\d{2})\s+(\d+)$/gm)];
    expect(weeks).toHaveLength(13);
    expect(weeks.reduce((sum, match) => sum + Number(match[2]), 0)).toBe(sample.handoffs.length);
  });

  it("reports invalid records by index and still summarises the rest", () => {
    const broken = { ...sample, handoffs: [sample.handoffs[0], { id: "x" }, sample.handoffs[1]] };
    const output = runDemo(broken);
    expect(output).toContain("3 records: 2 valid, 1 invalid");
    expect(output).toMatch(/record 1: source: /);
  });
});
