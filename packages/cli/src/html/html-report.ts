import type { HealthBand, HuddleReport, Metric, Scoreboard } from "handoff-kit/metrics";
import type { TopLevelSpec } from "vega-lite";
import { hoursText, instantFormatter } from "../format-time.js";
import { chartSvg, PALETTE } from "./charts.js";
import { escapeHtml as h } from "./escape-html.js";

/** What the HTML report shows: the huddle, and the scoreboards its charts are drawn from. */
export interface HtmlReportInput {
  readonly report: HuddleReport;
  /** By SDR, read with the report's SLA policies and calendars (its overall holds their compliance). */
  readonly bySdr: Scoreboard;
  /** By week, for booked against held. */
  readonly byWeek: Scoreboard;
  readonly bands: readonly HealthBand[];
  /** The files the report was read from, as given. */
  readonly sources: readonly string[];
}

interface Chart {
  readonly title: string;
  /** The chart's text alternative: what a reader who cannot see it needs to know. */
  readonly summary: string;
  readonly spec: TopLevelSpec;
  /** The numbers behind it, as a table: a header row, then rows. */
  readonly table: readonly (readonly string[])[];
}

/** A rep's name by id; an id such as `toString` is a name to look up, not a property of every object. */
const nameIn = (names: Readonly<Record<string, string>>, id: string): string =>
  Object.hasOwn(names, id) ? (names[id] ?? id) : id;

const percent = (value: number | null | undefined): string =>
  value === null || value === undefined ? "n/a" : `${(value * 100).toFixed(1)}%`;

const rangeText = (row: { readonly low: number; readonly high: number }): string =>
  `${percent(row.low)} to ${percent(row.high)}`;

const numberItem = (label: string, count: number): string => `<li><strong>${String(count)}</strong>${h(label)}</li>`;

const findingItem = (kind: string, scope: string, message: string): string =>
  `<li><strong>${h(kind.replaceAll("_", " "))}</strong>, ${h(scope)}: ${h(message)}</li>`;

interface RateRow {
  readonly name: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly count: string;
}

function rateRows(
  board: Scoreboard,
  names: Readonly<Record<string, string>>,
  pick: (m: Scoreboard["overall"]) => Metric,
) {
  const rows: RateRow[] = [];
  for (const group of board.groups) {
    const metric = pick(group.metrics);
    if (metric.value === null) continue;
    rows.push({
      name: nameIn(names, group.key),
      value: metric.value,
      low: metric.interval?.low ?? metric.value,
      high: metric.interval?.high ?? metric.value,
      count: `${String(metric.numerator)} of ${String(metric.denominator)}${metric.lowSample ? ", low sample" : ""}`,
    });
  }
  return rows.sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : 1));
}

/** A rate per SDR: the value, its interval, and the healthy band behind them. */
function rateChart(title: string, rows: readonly RateRow[], band: HealthBand | undefined, metricLabel: string): Chart {
  const bandText =
    band === undefined
      ? ""
      : ` The healthy band is ${band.low === undefined ? "up to" : `from ${percent(band.low)}`}` +
        `${band.high === undefined ? " up" : ` to ${percent(band.high)}`} (${band.source}).`;
  const layers: TopLevelSpec[] = [];
  if (band !== undefined)
    layers.push({
      data: { values: [{ low: band.low ?? 0, high: band.high ?? 1 }] },
      mark: { type: "rect", color: PALETTE.bandFill, stroke: PALETTE.band, strokeWidth: 1.5 },
      encoding: { x: { field: "low", type: "quantitative" }, x2: { field: "high" } },
    });
  layers.push(
    {
      mark: { type: "rule", color: PALETTE.primary, strokeWidth: 2 },
      encoding: {
        y: { field: "name", type: "nominal", sort: null, title: null },
        x: { field: "low", type: "quantitative" },
        x2: { field: "high" },
      },
    } as TopLevelSpec,
    {
      mark: { type: "point", filled: true, size: 80, color: PALETTE.primary, opacity: 1 },
      encoding: {
        y: { field: "name", type: "nominal", sort: null, title: null },
        x: {
          field: "value",
          type: "quantitative",
          title: `${metricLabel}, with its 95% interval`,
          scale: { domain: [0, 1] },
          axis: { format: "%" },
        },
        tooltip: [{ field: "name" }, { field: "count" }],
      },
    } as TopLevelSpec,
  );
  return {
    title,
    summary:
      `${title}: ${rows.map((row) => `${row.name} ${percent(row.value)} (${rangeText(row)})`).join("; ")}.` + bandText,
    spec: {
      width: 520,
      description: title,
      data: { values: rows as unknown as Record<string, unknown>[] },
      layer: layers,
    } as TopLevelSpec,
    table: [
      ["SDR", metricLabel, "95% interval", "count"],
      ...rows.map((row) => [row.name, percent(row.value), rangeText(row), row.count]),
    ],
  };
}

function weeklyChart(byWeek: Scoreboard): Chart {
  const weeks = byWeek.groups.map((group) => ({
    week: group.key,
    booked: group.metrics.meetingsBooked,
    held: group.metrics.meetings.held,
  }));
  const values = weeks.flatMap((week) => [
    { week: week.week, series: "Booked", count: week.booked },
    { week: week.week, series: "Held", count: week.held },
  ]);
  const title = "Meetings booked each week, and how many of them were held";
  return {
    title,
    summary:
      `${title}, by the week of booking: ` +
      `${weeks.map((week) => `${week.week} ${String(week.booked)} booked, ${String(week.held)} held`).join("; ")}. ` +
      "Booked rising while held falls is the red flag of a team booking meetings that do not happen.",
    spec: {
      width: 520,
      description: title,
      data: { values },
      mark: { type: "line", point: { filled: true, size: 60 }, strokeWidth: 2 },
      encoding: {
        x: { field: "week", type: "ordinal", title: "week of booking", axis: { labelAngle: -45 } },
        y: { field: "count", type: "quantitative", title: "meetings" },
        color: {
          field: "series",
          type: "nominal",
          title: null,
          scale: { domain: ["Booked", "Held"], range: [PALETTE.primary, PALETTE.secondary] },
        },
        shape: { field: "series", type: "nominal", title: null, scale: { range: ["circle", "square"] } },
        strokeDash: {
          field: "series",
          type: "nominal",
          title: null,
          scale: {
            range: [
              [1, 0],
              [6, 3],
            ],
          },
        },
      },
    },
    table: [["week of booking", "booked", "held"], ...weeks.map((w) => [w.week, String(w.booked), String(w.held)])],
  };
}

function slaChart(board: Scoreboard): Chart | undefined {
  const rows = board.overall.slaCompliance
    .filter((sla) => sla.compliance.value !== null)
    .map((sla) => ({
      label: sla.label,
      value: sla.compliance.value ?? 0,
      low: sla.compliance.interval?.low ?? sla.compliance.value ?? 0,
      high: sla.compliance.interval?.high ?? sla.compliance.value ?? 0,
      met: sla.met,
      breached: sla.breached,
      running: sla.running,
      notEvaluated: sla.notEvaluated,
    }));
  if (rows.length === 0) return undefined;
  const title = "SLA compliance per policy";
  return {
    title,
    summary:
      `${title}, of the cycles judged (met or breached): ` +
      rows
        .map((r) => `${r.label}: ${percent(r.value)}, ${String(r.met)} met, ${String(r.breached)} breached`)
        .join("; ") +
      ".",
    spec: {
      width: 520,
      description: title,
      // A policy's label is its sentence: room for it whole.
      config: { axisY: { labelLimit: 600 } },
      data: { values: rows },
      layer: [
        {
          mark: { type: "bar", color: PALETTE.primary, height: 14 },
          encoding: {
            y: { field: "label", type: "nominal", sort: null, title: null },
            x: { field: "value", type: "quantitative", scale: { domain: [0, 1] }, axis: { format: "%" }, title: "met" },
          },
        },
        {
          mark: { type: "rule", color: PALETTE.text, strokeWidth: 2 },
          encoding: {
            y: { field: "label", type: "nominal", sort: null, title: null },
            x: { field: "low", type: "quantitative" },
            x2: { field: "high" },
          },
        },
      ],
    } as TopLevelSpec,
    table: [
      ["policy", "compliance", "met", "breached", "running", "not read (no calendar)"],
      ...rows.map((r) => [
        r.label,
        `${percent(r.value)} (${percent(r.low)} to ${percent(r.high)})`,
        String(r.met),
        String(r.breached),
        String(r.running),
        String(r.notEvaluated),
      ]),
    ],
  };
}

function reasonsChart(board: Scoreboard): Chart | undefined {
  const rows = board.overall.rejectionReasons.byCode.slice(0, 10);
  if (rows.length === 0) return undefined;
  const title = "Why AEs rejected handoffs";
  return {
    title,
    summary:
      `${title}, every decision so far: ` +
      `${rows.map((r) => `${r.code} ${String(r.count)} (${percent(r.share)})`).join("; ")}.`,
    spec: {
      width: 520,
      description: title,
      config: { axisY: { labelLimit: 260 } },
      data: { values: rows },
      mark: { type: "bar", color: PALETTE.secondary, height: 14 },
      encoding: {
        y: { field: "code", type: "nominal", sort: null, title: null },
        x: { field: "count", type: "quantitative", title: "rejections" },
      },
    } as TopLevelSpec,
    table: [["reason", "rejections", "share"], ...rows.map((r) => [r.code, String(r.count), percent(r.share)])],
  };
}

const table = (rows: readonly (readonly string[])[], caption?: string): string => {
  const [head = [], ...body] = rows;
  return (
    `<table>${caption === undefined ? "" : `<caption>${h(caption)}</caption>`}` +
    `<thead><tr>${head.map((cell) => `<th scope="col">${h(cell)}</th>`).join("")}</tr></thead>` +
    `<tbody>${body.map((row) => `<tr>${row.map((cell) => `<td>${h(cell)}</td>`).join("")}</tr>`).join("")}` +
    "</tbody></table>"
  );
};

async function figure(chart: Chart, index: number): Promise<string> {
  const svg = await chartSvg(chart.spec);
  const id = `chart-${String(index)}`;
  return (
    `<figure id="${id}" class="chart">` +
    `<figcaption>${h(chart.title)}</figcaption>` +
    `<div class="svg" role="img" aria-label="${h(chart.summary)}">${svg}</div>` +
    `<details><summary>The numbers behind the chart</summary>${table(chart.table)}</details>` +
    `</figure>`
  );
}

const STYLE = `
:root { color: ${PALETTE.text}; background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
.meta { color: ${PALETTE.muted}; margin-top: 0; }
.numbers { display: flex; flex-wrap: wrap; gap: 0.75rem; padding: 0; list-style: none; }
.numbers li { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 7rem; }
.numbers strong { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; } caption { text-align: left; font-weight: 600; }
th, td { border-bottom: 1px solid #d0d7de; padding: 0.25rem 0.75rem 0.25rem 0; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; }
figure.chart { margin: 1rem 0 2rem; break-inside: avoid; } figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.late { color: ${PALETTE.secondary}; font-weight: 600; }
@media print { body { margin: 0; max-width: none; } details { display: block; } h2 { break-after: avoid; } }
`;

/**
 * The huddle as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched; the
 * numbers, charts (each with a text alternative and its numbers as a table), the two handoffs to walk,
 * the SLA breaches on both sides, rejection reasons by segment and the health findings.
 */
export async function renderHtmlReport(input: HtmlReportInput): Promise<string> {
  const { report, bySdr, byWeek, bands } = input;
  const at = instantFormatter(report.week.timeZone);
  const name = (id: string): string => nameIn(report.names, id);
  // A finding's scope is a group key: an SDR's id (named here), a week, or "overall".
  const scopeName = (scope: string): string => (Object.hasOwn(report.names, scope) ? name(scope) : scope);
  const band = (metric: string): HealthBand | undefined => bands.find((b) => b.metric === metric);
  const charts = [
    rateChart(
      "Held rate per SDR",
      rateRows(bySdr, report.names, (m) => m.heldRate),
      band("heldRate"),
      "held rate",
    ),
    rateChart(
      "Acceptance rate per SDR",
      rateRows(bySdr, report.names, (m) => m.acceptanceRate),
      band("acceptanceRate"),
      "acceptance rate",
    ),
    weeklyChart(byWeek),
    slaChart(bySdr),
    reasonsChart(bySdr),
  ].filter((chart): chart is Chart => chart !== undefined);
  const figures = await Promise.all(charts.map((chart, i) => figure(chart, i + 1)));

  const n = report.numbers;
  const numbers = [
    ["booked", n.booked],
    ["accepted", n.accepted],
    ["rejected", n.rejected],
    ["held", n.held],
    ["no-shows", n.noShow],
  ] as const;
  const walk = (label: string, w: HuddleReport["walkthroughs"]["strong"]): string =>
    w === undefined
      ? ""
      : `<h3>${h(label)}: ${h(w.handoff.id)}, ${h(w.handoff.account.name)}</h3>` +
        `<p>${h(name(w.handoff.sdr.id))} to ${h(name(w.handoff.ae.id))}; brief score ${String(w.score.score)} ` +
        `(${h(w.score.grade)})</p>` +
        (w.messages.length === 0 ? "" : `<ul>${w.messages.map((m) => `<li>${h(m)}</li>`).join("")}</ul>`);
  const owners = [...new Set(report.breaches.map((b) => b.owner))];
  const breaches =
    report.breaches.length === 0
      ? "<p>No SLA breaches this week, on either side.</p>"
      : owners
          .map((owner) =>
            table(
              [
                ["handoff", "rep", "SLA", "deadline", "late by"],
                ...report.breaches
                  .filter((b) => b.owner === owner)
                  .map((b) => [
                    b.handoffId,
                    name(owner === "sdr" ? b.sdrId : b.aeId),
                    b.label,
                    at(b.deadline),
                    `${hoursText(b.lateBy)}${b.stillOpen ? " (still open)" : ""}`,
                  ]),
              ],
              `${owner.toUpperCase()} side: ${String(report.breaches.filter((b) => b.owner === owner).length)}` +
                " breaches",
            ),
          )
          .join("");
  const body = [
    `<header><h1>Weekly SDR-AE huddle: week of ${h(report.week.start)}</h1>`,
    `<p class="meta">${h(report.week.timeZone)}, as of ${h(at(report.now))}; ` +
      `read from ${h(input.sources.join(", "))}</p></header>`,
    `<main><section aria-labelledby="numbers"><h2 id="numbers">The numbers</h2>`,
    `<ul class="numbers">${numbers.map(([label, count]) => numberItem(label, count)).join("")}</ul>`,
    table([
      ["SDR", "booked", "accepted", "rejected", "no-shows"],
      ...report.bySdr.map((s) => [s.name, String(s.booked), String(s.accepted), String(s.rejected), String(s.noShow)]),
    ]),
    `</section><section aria-labelledby="charts"><h2 id="charts">Where the team stands</h2>`,
    `${figures.join("")}</section>`,
    `<section aria-labelledby="walk"><h2 id="walk">Two handoffs to walk through</h2>`,
    walk("Strong", report.walkthroughs.strong) + walk("Weak", report.walkthroughs.weak) ||
      "<p>No handoff was booked this week.</p>",
    `</section><section aria-labelledby="sla"><h2 id="sla">SLA breaches, both sides</h2>${breaches}</section>`,
    `<section aria-labelledby="icp"><h2 id="icp">ICP calibration: rejection reasons by segment</h2>`,
    table([
      ["segment", "decided", "rejected", "top reasons"],
      ...report.icpCalibration.map((s) => [
        s.segment,
        String(s.decided),
        String(s.rejected),
        s.reasons
          .slice(0, 3)
          .map((r) => `${r.code} ${String(r.count)}`)
          .join(", "),
      ]),
    ]),
    `</section><section aria-labelledby="health"><h2 id="health">Health</h2>`,
    report.findings.length === 0
      ? "<p>Every metric is inside its band.</p>"
      : `<ul>${report.findings.map((f) => findingItem(f.kind, scopeName(f.scope), f.message)).join("")}</ul>`,
    report.dataIssues.length === 0
      ? ""
      : `<p>${String(report.dataIssues.length)} records had data issues and are counted only where they could be.</p>`,
    `</section></main>`,
  ].join("\n");
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>Weekly SDR-AE huddle: week of ${h(report.week.start)}</title>\n<style>${STYLE}</style>\n</head>\n` +
    `<body>\n${body}\n</body>\n</html>\n`
  );
}
