import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDemo } from "../../examples/demo.js";

const sample = JSON.parse(
  readFileSync(new URL("../../examples/data/sample-handoffs.json", import.meta.url), "utf8"),
) as Parameters<typeof runDemo>[0];

// One run of the demo over the sample serves the five tests that read it: it takes seconds, and more under
// a mutation run's instrumented code. Computed on first use, inside a test, not when the file loads.
let sampleOutput: string | undefined;
const demoOutput = (): string => (sampleOutput ??= runDemo(sample));

const numberAfter = (text: string, label: string): number =>
  Number(new RegExp(`^${label}\\s+(\\d+)$`, "m").exec(text)?.[1]);

describe("npm run demo", () => {
  it("validates every sample record and accounts for each in its summary", () => {
    const output = demoOutput();
    expect(output).toContain(
      `${String(sample.handoffs.length)} records: ${String(sample.handoffs.length)} valid, 0 invalid`,
    );
    const statuses = ["accepted", "booked", "lost", "recycled", "rejected", "won"].map((status) =>
      numberAfter(output, status),
    );
    expect(statuses.reduce((a, b) => a + b, 0)).toBe(sample.handoffs.length);
    const weeks = [...output.matchAll(/^(\d{4}-\d{2}-\d{2})\s+(\d+)$/gm)];
    expect(output).toContain("SLA clocks at");
    expect(weeks).toHaveLength(13);
    expect(weeks.reduce((sum, match) => sum + Number(match[2]), 0)).toBe(sample.handoffs.length);
  });

  it("evaluates every handoff against each policy, on the AE's calendar, and explains a breach", () => {
    const output = demoOutput();
    for (const id of [
      "ae-acknowledges-within-one-business-hour",
      "ae-accepts-within-one-business-day",
      "ae-confirms-same-business-day",
      "ae-follows-up-within-48-hours",
    ]) {
      const row = new RegExp(`^${id}\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)$`, "m").exec(
        output,
      );
      expect(row, id).not.toBeNull();
      const counts = (row ?? []).slice(1, 7).map(Number);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(sample.handoffs.length);
      const [met = 0, breached = 0] = counts;
      expect(row?.[7]).toBe(`${((100 * met) / (met + breached)).toFixed(1)}%`);
    }
    expect(output).toMatch(/breached the acceptance SLA:\n.*: breached\ncycle 1: started/);
  });

  it("evaluates every lead against both signed-off bars, accounting for each", () => {
    const output = demoOutput();
    for (const bar of ["BANT bar \\(SMB, mid-market\\)", "MEDDPICC-lite bar \\(enterprise\\)"]) {
      const row = new RegExp(`^${bar}\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$`, "m").exec(output);
      expect(row, bar).not.toBeNull();
      const [leads = 0, qualified = 0, notQualified = 0, disqualified = 0] = (row ?? []).slice(1).map(Number);
      expect(leads).toBe(sample.handoffs.length);
      expect(qualified + notQualified + disqualified).toBe(leads);
      expect(qualified).toBeGreaterThan(0);
    }
    expect(output).toContain("Does the bar predict the AE's decision?");
  });

  it("prints the week's review sample of five and the two walk-throughs", () => {
    const output = demoOutput();
    const section = output.slice(output.indexOf("This week's review sample"), output.indexOf("(handoff-kit/sla)"));
    expect(section.split("\n").filter((line) => /^h-\d{4}\s/.test(line))).toHaveLength(5);
    expect(output).toMatch(/Strong handoff to walk through: h-\d{4}/);
    expect(output).toMatch(/Weak handoff to walk through: h-\d{4}/);
    expect(output).toContain("Subject: Introduction: ");
  });

  it("ends with the weekly huddle report, its numbers agreeing with the scoreboard's parts", () => {
    const output = demoOutput();
    const huddle = output.slice(output.indexOf("Weekly SDR-AE huddle"));
    expect(huddle).not.toBe("");
    for (const part of [
      "1. The numbers",
      "2. Two handoffs to walk through",
      "3. SLA breaches, both sides",
      "4. ICP calibration",
      "5. Health",
    ])
      expect(huddle).toContain(part);
    const booked = /Booked (\d+), accepted (\d+), rejected (\d+)/u.exec(huddle);
    const sdrTable = huddle.slice(huddle.indexOf("SDR "), huddle.indexOf("2. Two handoffs"));
    const perSdr = sdrTable
      .split("\n")
      .map((line) => /^\S.*?\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$/u.exec(line))
      .filter((match) => match !== null);
    expect(perSdr.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(Number(booked?.[1]));
    expect(perSdr.reduce((sum, match) => sum + Number(match[3]), 0)).toBe(Number(booked?.[3]));
    // The per-SDR scoreboard's team row counts every handoff.
    expect(output).toMatch(new RegExp(`^Team\\s+${String(sample.handoffs.length)}\\s`, "mu"));
    expect(output.trimEnd().endsWith(".")).toBe(true);
  });

  it("routes one day of bookings, each with its explanation, and the quarter through the same routing", () => {
    const output = demoOutput();
    const section = output.slice(output.indexOf("Routing: one day"), output.indexOf("The scoreboard per SDR"));
    const heading = /(\d{4}-\d{2}-\d{2}), the busiest day: (\d+) bookings/u.exec(section);
    const decisions = section.split("\n").filter((line) => /^ {2}\d{2}:\d{2} {2}h-\d{4}/u.test(line));
    expect(decisions).toHaveLength(Number(heading?.[2]));
    // Each decision says where the lead went and why; the day has the rule, the fallback, a member
    // passed over, and a lead no one was free for.
    for (const line of decisions) expect(line).toMatch(/ to ae-\w+ by | no one free in /u);
    expect(section).toContain("by rule emea");
    expect(section).toContain("by the fallback queue");
    expect(section).toContain("passed over:");
    const quarter = /(\d+) of (\d+) handoffs to another AE/u.exec(section);
    expect(Number(quarter?.[2])).toBe(sample.handoffs.length);
  });

  it("reports invalid records by index and still summarises the rest", () => {
    const broken = { ...sample, handoffs: [sample.handoffs[0], { id: "x" }, sample.handoffs[1]] };
    const output = runDemo(broken);
    expect(output).toContain("3 records: 2 valid, 1 invalid");
    expect(output).toMatch(/record 1: source: /);
  });
});
