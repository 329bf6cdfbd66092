import { growth, LINEAR_BOUND } from "../fixtures/growth.js";
import { html, tagsOf, visible } from "../fixtures/rendered-html.js";
import { describe, expect, it } from "vitest";
import type { HandoffInput } from "../../src/handoff/handoff.js";
import { parseHandoff } from "../../src/handoff/parse.js";
import { huddleReport, renderHuddleReport, type HuddleReport } from "../../src/metrics/index.js";
import { AE_FOLLOWS_UP_WITHIN_48_HOURS, defineCalendar, defineSlaPolicy } from "../../src/sla/index.js";
import { handoffInput } from "../fixtures/handoff.js";

// renderHuddleReport with record text that tries to forge lines, become a link, or make a regular
// expression backtrack. Expected values are worked out by hand from docs/metrics.md's promise.

function parsed(input: HandoffInput) {
  const result = parseHandoff(input);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}

const base = handoffInput();
const strong = parsed({
  ...base,
  events: (base.events ?? []).map((event) => (event.id === "e3" ? { ...event, at: "2026-11-02T16:45:00Z" } : event)),
});
const weak = parsed({
  ...base,
  id: "h-2",
  sdr: { id: "sdr-ben", name: "Ben Okafor", calendarId: "cal-ben" },
  brief: { notes: "Wants to learn more" },
  events: [
    {
      id: "b1",
      type: "booked",
      at: "2026-11-03T10:00:00Z",
      by: "sdr-ben",
      meeting: { start: "2026-11-06T15:00:00Z", end: "2026-11-06T15:30:00Z" },
    },
    {
      id: "b2",
      type: "rejected",
      at: "2026-11-04T10:00:00Z",
      by: "ae-omar",
      reason: "no_budget",
      note: "No budget until April 2027",
    },
  ],
});
const office: [string, string][] = [["09:00", "17:00"]];
const london = defineCalendar({
  timeZone: "Europe/London",
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
});
const recycles = defineSlaPolicy({
  id: "sdr-recycles",
  label: "SDR recycles within 2 business days",
  owner: "sdr",
  start: ["rejected"],
  stop: ["recycled"],
  target: { kind: "business_days", days: 2, calendar: "sdr" },
});
const report = huddleReport([strong, weak], {
  now: new Date("2026-11-14T02:00:00Z"),
  weekOf: "2026-11-04",
  week: { timeZone: "Europe/London" },
  calendars: { "cal-omar": london, "cal-ben": london },
  policies: [AE_FOLLOWS_UP_WITHIN_48_HOURS, recycles],
});

/**
 * The report with `text` in every place record text reaches the page: names, account, reasons,
 * labels, segments, findings.
 */
function hostile(text: string): HuddleReport {
  const walk = (walkthrough: HuddleReport["walkthroughs"]["strong"]) =>
    walkthrough === undefined
      ? undefined
      : {
          ...walkthrough,
          handoff: { ...walkthrough.handoff, account: { ...walkthrough.handoff.account, name: `Acme ${text}` } },
          messages: [...walkthrough.messages, `Why ${text}`],
        };
  const strongWalk = walk(report.walkthroughs.strong);
  const weakWalk = walk(report.walkthroughs.weak);
  return {
    ...report,
    names: Object.fromEntries(Object.entries(report.names).map(([id, name]) => [id, `${name} ${text}`])),
    bySdr: report.bySdr.map((row) => ({ ...row, name: `${row.name} ${text}` })),
    walkthroughs: {
      ...(strongWalk === undefined ? {} : { strong: strongWalk }),
      ...(weakWalk === undefined ? {} : { weak: weakWalk }),
    },
    breaches: report.breaches.map((breach) => ({ ...breach, label: `${breach.label} ${text}` })),
    icpCalibration: report.icpCalibration.map((row) => ({ ...row, segment: `${row.segment} ${text}` })),
    findings: [
      ...report.findings,
      {
        kind: "outside_band",
        scope: "sdr-ben",
        metric: "heldRate",
        value: 0.5,
        interval: null,
        side: "below",
        message: `Message ${text}`,
        likelyCause: `Cause ${text}`,
        source: "test",
      },
    ],
  };
}

describe("renderHuddleReport: every single-line field stays on its line", () => {
  it("the test report reaches every part: walk-throughs, breaches, calibration, findings", () => {
    expect(report.walkthroughs.strong).toBeDefined();
    expect(report.walkthroughs.weak).toBeDefined();
    expect(report.breaches.length).toBeGreaterThan(0);
    expect(report.icpCalibration.length).toBeGreaterThan(0);
  });

  it.each(
    ["\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029", " \n\t \r\n "].map((br) => [JSON.stringify(br), br]),
  )("folds %s to one space, in text and in Markdown", (_, br) => {
    for (const format of ["text", "markdown"] as const) {
      expect(renderHuddleReport(hostile(`A${br}B`), { format })).toBe(renderHuddleReport(hostile("A B"), { format }));
    }
    const text = renderHuddleReport(hostile(`A${br}5. Health`), { format: "text" });
    expect(text.split(/[\n\v\f\r\u0085\u2028\u2029]/u).filter((line) => line === "5. Health")).toHaveLength(1);
    expect(text).toContain("\n    - Why A 5. Health\n");
    expect(text).toContain("\n    Likely cause: Cause A 5. Health.");
  });
});

const REPORT_TAGS = new Set(["h1", "h2", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"]);

describe("renderHuddleReport in Markdown: record text cannot become a link, an image or HTML under GFM", () => {
  it.each([
    "https://evil.example/x",
    "www.evil.example",
    "someone@evil.example",
    "[x](http://evil)",
    "<http://evil>",
    "![i](http://evil/i.png)",
    '<a href="http://evil">click</a>',
    "<img src=x onerror=alert(1)>",
    "a | b",
  ])("%s", (text) => {
    const page = html(renderHuddleReport(hostile(text), { format: "markdown" }));
    expect(page).not.toMatch(/<a[\s>]/u);
    expect(page).not.toContain("<img");
    expect(tagsOf(page).filter((tag) => !REPORT_TAGS.has(tag))).toEqual([]);
    expect(visible(page)).toContain(`Acme ${text}`);
    expect(visible(page)).toContain(`Cause ${text}`);
  });
});

describe("renderHuddleReport is linear in the text", () => {
  // A run of spaces with no line break in it: what /\s*[\r\n]+\s*/ backtracked on.
  it.each(["markdown", "text"] as const)(
    "%s",
    (format) => {
      const grows = growth(
        (report: ReturnType<typeof hostile>) => renderHuddleReport(report, { format }),
        (size) => hostile(`a${" ".repeat(size)}b`),
        1_000,
      );
      expect(grows).toBeLessThan(LINEAR_BOUND);
    },
    120_000,
  );
});
