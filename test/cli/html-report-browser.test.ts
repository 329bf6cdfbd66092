// The HTML report of the bundled HubSpot export opened in a real browser: Debian's Chromium, driven by
// playwright-core (never a downloaded browser build; .ci/run installs the package when it is missing).
// Every chart rendered, nothing logged to the console or fetched, axe-core finds no WCAG 2 A or AA
// violation (contrast included), the charts' own text and marks pass AA against the page, and a
// screenshot is saved for a person to look at (reports/screenshots/huddle-report.png).
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { run } from "../../packages/cli/src/program.js";
import { recordingIo } from "./io.js";

// What the page's own functions are, seen from this file, whose types know no DOM (the library must not).
interface PageElement {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { readonly length: number };
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly width: number; readonly height: number };
  readonly textContent: string | null;
}
interface PageGlobals {
  readonly document: PageElement;
  readonly axe: {
    run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
  };
  readonly getComputedStyle: (node: PageElement) => { readonly fill: string; readonly stroke: string };
}

const CHROMIUM = "/usr/bin/chromium";
// Without the background-networking flags Chromium tries Google's hosts, which this network refuses.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** WCAG 2 contrast ratio of two sRGB colours given as [r, g, b] in 0..255. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const luminance = (rgb: readonly number[]): number => {
    const [r = 0, g = 0, bl = 0] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("the HTML report in a real browser", () => {
  it(
    "renders every chart, with no console error, no request, and no WCAG A or AA violation",
    { timeout: 120_000 },
    async () => {
      expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`).toBe(true);
      const out = join(mkdtempSync(join(tmpdir(), "handoff-kit-browser-")), "huddle.html");
      const { io } = recordingIo();
      const argv = [
        "report",
        "examples/data/hubspot-meetings.csv",
        "--from",
        "hubspot",
        "--time-zone",
        "America/New_York",
      ];
      expect(await run([...argv, "--calendars", "examples/data/hubspot-calendars.json", "--html", out], io)).toBe(0);

      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        page.on("console", (message) => {
          if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
        });
        page.on("pageerror", (error) => problems.push(String(error)));
        page.on("request", (request) => requests.push(request.url()));
        const url = pathToFileURL(out).href;
        await page.goto(url);

        // Each chart's SVG is laid out and holds marks: points, lines, bars.
        const charts = await page.evaluate(() => {
          const { document } = globalThis as unknown as PageGlobals;
          return [...document.querySelectorAll("figure.chart")].map((figure) => {
            const svg = figure.querySelector("svg");
            const box = svg?.getBoundingClientRect();
            return {
              caption: figure.querySelector("figcaption")?.textContent ?? "",
              width: box?.width ?? 0,
              height: box?.height ?? 0,
              marks: svg?.querySelectorAll("g.role-mark path, g.role-mark line").length ?? 0,
              label: figure.querySelector('[role="img"]')?.getAttribute("aria-label") ?? "",
            };
          });
        });
        expect(charts.map((chart) => chart.caption)).toEqual([
          "Held rate per SDR",
          "Acceptance rate per SDR",
          "Meetings booked each week, and how many of them were held",
          "SLA compliance per policy",
          "Why AEs rejected handoffs",
        ]);
        for (const chart of charts) {
          expect(chart.width, chart.caption).toBeGreaterThan(300);
          expect(chart.height, chart.caption).toBeGreaterThan(50);
          expect(chart.marks, chart.caption).toBeGreaterThan(0);
          expect(chart.label.length, chart.caption).toBeGreaterThan(40);
        }

        // axe-core's WCAG 2 A and AA rules, colour contrast among them, over the whole page.
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const page = globalThis as unknown as PageGlobals;
          const result = await page.axe.run(page.document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
          });
          return result.violations.map((violation) => `${violation.id} (${String(violation.nodes.length)})`);
        });
        expect(violations).toEqual([]);

        // axe reads HTML text; the charts' SVG text and data marks are checked here against the white
        // page: 4.5:1 for text, 3:1 for the marks that carry data (WCAG 1.4.3 and 1.4.11).
        const colours = await page.evaluate(() => {
          const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
          const rgb = (value: string): number[] | null => {
            const match = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(value);
            if (match === null || (match[4] !== undefined && Number(match[4]) === 0)) return null;
            return [Number(match[1]), Number(match[2]), Number(match[3])];
          };
          const text = [...document.querySelectorAll("figure.chart svg text")].map((node) =>
            rgb(getComputedStyle(node).fill),
          );
          const marks = [
            ...document.querySelectorAll(
              ["g.role-mark path", "g.role-mark line", "g.role-axis-domain line", "g.role-legend-symbol path"]
                .map((selector) => `figure.chart svg ${selector}`)
                .join(", "),
            ),
          ].flatMap((node) => {
            const style = getComputedStyle(node);
            return [rgb(style.fill), rgb(style.stroke)];
          });
          return { text, marks };
        });
        const white = [255, 255, 255];
        const textColours = colours.text.filter((colour): colour is number[] => colour !== null);
        expect(textColours.length).toBeGreaterThan(20);
        for (const colour of textColours) expect(contrast(colour, white)).toBeGreaterThanOrEqual(4.5);
        // The healthy band's light fill is a background, not data: its border carries it.
        const markColours = colours.marks.filter(
          (colour): colour is number[] => colour !== null && contrast(colour, white) > 1.2,
        );
        expect(markColours.length).toBeGreaterThan(20);
        for (const colour of markColours) expect(contrast(colour, white)).toBeGreaterThanOrEqual(3);

        mkdirSync("reports/screenshots", { recursive: true });
        await page.screenshot({ path: "reports/screenshots/huddle-report.png", fullPage: true });
        expect(problems).toEqual([]);
        expect(requests).toEqual([url]);
      } finally {
        await browser.close();
      }
    },
  );
});
