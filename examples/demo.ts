// The main example: `npm run demo`. It validates the bundled sample export, then reports on it.
// Each module adds its section as it lands; by the end this prints the weekly huddle report.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseHandoffs, summarize, type Handoff } from "handoff-kit/handoff";
import { bookedWeek, countBy } from "./demo/first-summary.js";
import { lifecycleSection } from "./demo/lifecycle-summary.js";
import { qualificationSection } from "./demo/qualification-summary.js";
import { rubricSection } from "./demo/rubric-summary.js";
import { buildCalendars, evaluateAll, slaSection } from "./demo/sla-summary.js";
import { metricsSection } from "./demo/metrics-summary.js";
import { routingSection } from "./demo/routing-day.js";
import { renderTable } from "./demo/table.js";

/** The zone the team reports in: weeks start on Monday in New York. */
const REPORTING_ZONE = "America/New_York";

/** Runs the demo over a sample export (the parsed JSON file) and returns what it prints. */
export function runDemo(sample: {
  readonly asOf: string;
  readonly calendars: Readonly<Record<string, unknown>>;
  readonly handoffs: readonly unknown[];
}): string {
  const out: string[] = [];
  const { valid, invalid } = parseHandoffs(sample.handoffs);
  out.push(`handoff-kit demo: sample export as of ${sample.asOf}`);
  out.push(
    `${String(sample.handoffs.length)} records: ${String(valid.length)} valid, ${String(invalid.length)} invalid`,
  );
  for (const bad of invalid) {
    for (const issue of bad.issues)
      out.push(`  record ${String(bad.index)}: ${issue.path.join(".")}: ${issue.message}`);
  }
  const handoffs: Handoff[] = valid.map((record) => record.value);

  const status = (handoff: Handoff): string => summarize(handoff).status;
  out.push("", "Handoffs by lifecycle status (handoff-kit/handoff)");
  out.push(renderTable(["status", "handoffs"], countBy(handoffs, status)));

  out.push("", "Handoffs by SDR and status");
  const statuses = ["booked", "accepted", "rejected", "recycled", "won", "lost"] as const;
  const bySdr = new Map<string, Handoff[]>();
  for (const handoff of handoffs) bySdr.set(handoff.sdr.name, [...(bySdr.get(handoff.sdr.name) ?? []), handoff]);
  const sdrRows = [...bySdr]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, own]) => [
      name,
      own.length,
      ...statuses.map((wanted) => own.filter((h) => status(h) === wanted).length),
    ]);
  out.push(renderTable(["SDR", "total", ...statuses], sdrRows));

  out.push("", `Handoffs by week booked (weeks start Monday, ${REPORTING_ZONE})`);
  out.push(
    renderTable(
      ["week", "handoffs"],
      countBy(handoffs, (handoff) => bookedWeek(handoff, REPORTING_ZONE)),
    ),
  );

  out.push("", "The lifecycle: histories replayed, the booking gate, reasons and recycling (handoff-kit/handoff)");
  out.push(...lifecycleSection(handoffs));

  out.push("", "Qualification against the team's signed-off SQL bars (handoff-kit/qualification)");
  out.push(...qualificationSection(handoffs, new Date(sample.asOf)));

  out.push("", "Brief quality (handoff-kit/rubric)");
  out.push(...rubricSection(handoffs, new Date(sample.asOf)));

  out.push("", `SLA clocks at ${sample.asOf}, each on the AE's own calendar (handoff-kit/sla)`);
  const calendars = buildCalendars(sample.calendars, out);
  out.push(...slaSection(evaluateAll(handoffs, calendars, new Date(sample.asOf))));

  out.push("", "Routing: one day of bookings through a proposed routing, each explained (handoff-kit/routing)");
  out.push(...routingSection(handoffs, calendars, REPORTING_ZONE));

  out.push("", `The scoreboard per SDR, and the weekly huddle (handoff-kit/metrics)`);
  out.push(...metricsSection(handoffs, calendars, new Date(sample.asOf), REPORTING_ZONE));
  return out.join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sample = JSON.parse(
    readFileSync(new URL("./data/sample-handoffs.json", import.meta.url), "utf8"),
  ) as Parameters<typeof runDemo>[0];
  console.log(runDemo(sample));
}
