// The HTML report as a file: self-contained (no script, nothing fetched), every chart with a text
// alternative and its numbers, and record text escaped so a rep's name cannot become markup.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../packages/cli/src/html/escape-html.js";
import { run } from "../../packages/cli/src/program.js";
import { recordingIo } from "./io.js";

const dir = mkdtempSync(join(tmpdir(), "handoff-kit-html-"));
const HOSTILE_NAME = `<img src=x onerror="alert(1)"> & 'Ana'`;
const HOSTILE_COMPANY = `</figure><script>alert(2)</script>`;

function hostileExport(): string {
  const header =
    "hs_object_id,hs_createdate,hs_meeting_start_time,hs_meeting_end_time,hs_meeting_outcome," +
    "hubspot_owner_id,hubspot_owner_name,booked_by_owner_id,booked_by_owner_name,contact_name,company_name," +
    "segment,lead_source,sales_accepted_at";
  const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;
  const rows = [
    ["9001", "2026-11-02T10:00:00Z", "2026-11-04T15:00:00Z", "2026-11-04T15:30:00Z", "COMPLETED"],
    ["9002", "2026-11-03T10:00:00Z", "2026-11-05T15:00:00Z", "2026-11-05T15:30:00Z", "NO_SHOW"],
  ].map((cells, i) =>
    [
      ...cells,
      "81000001",
      "Iris Nakamura",
      "82000001",
      quote(HOSTILE_NAME),
      "Dana Ruiz",
      quote(HOSTILE_COMPANY),
      "mid_market",
      "outbound",
      i === 0 ? "2026-11-02T16:00:00Z" : "",
    ].join(","),
  );
  const path = join(dir, "hostile.csv");
  writeFileSync(path, [header, ...rows].join("\n"));
  return path;
}

describe("escapeHtml", () => {
  it("turns the characters that end an element or an attribute into entities, and controls into spaces", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
    expect(escapeHtml("a\u0000b\u0007c\u007fd\te\nf")).toBe("a b c d\te\nf");
  });
});

describe("handoff-kit report --html", () => {
  it("writes one self-contained page with five charts, each with a text alternative and its numbers", async () => {
    const out = join(dir, "huddle.html");
    const { io, stderr } = recordingIo();
    const argv = [
      "report",
      hostileExport(),
      "--from",
      "hubspot",
      "--now",
      "2026-11-10T12:00:00Z",
      "--week",
      "2026-11-04",
    ];
    expect(await run([...argv, "--html", out, "--policy", "ae-follows-up-within-48-hours"], io)).toBe(0);
    expect(stderr()).toBe(`handoff-kit: wrote ${out}\n`);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!doctype html>\n")).toBe(true);
    // Nothing runs and nothing is fetched: no script, no stylesheet or image by address.
    expect(html).not.toMatch(/<(?:script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\s(?:src|href)="|url\(/i);
    expect(html.match(/https?:\/\/[^"]*/g)?.filter((url) => !url.startsWith("http://www.w3.org/")) ?? []).toEqual([]);
    // The rep's name and the company appear only escaped.
    expect(html).toContain(escapeHtml(HOSTILE_NAME));
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toContain(HOSTILE_COMPANY);
    // Held rate, acceptance rate, booked against held, SLA compliance, rejection reasons: the two
    // handoffs have one decision (9001 accepted), so no rejection and no reasons chart.
    const figures = [...html.matchAll(/<figure id="chart-\d+" class="chart">([\s\S]*?)<\/figure>/g)];
    expect(figures.map((match) => /<figcaption>([^<]*)</.exec(match[1] ?? "")?.[1])).toEqual([
      "Held rate per SDR",
      "Acceptance rate per SDR",
      "Meetings booked each week, and how many of them were held",
      "SLA compliance per policy",
    ]);
    for (const [, inner = ""] of figures) {
      expect(inner).toMatch(/<div class="svg" role="img" aria-label="[^"]{20,}"><svg /);
      expect(inner).toContain("<details><summary>The numbers behind the chart</summary><table>");
    }
    // 9001 held and 9002 a no-show: the SDR's held rate is 1 of 2, 50.0%.
    expect(html).toMatch(
      /aria-label="Held rate per SDR: &lt;img src=x onerror=&quot;alert\(1\)&quot;&gt; &amp; &#39;Ana&#39; 50\.0%/,
    );
  });

  it("says so in one line when the file cannot be written", async () => {
    const { io, stderr } = recordingIo();
    const argv = ["report", hostileExport(), "--from", "hubspot", "--now", "2026-11-10T12:00:00Z"];
    expect(await run([...argv, "--html", join(dir, "no-such-dir", "x.html")], io)).toBe(2);
    expect(stderr()).toMatch(/^handoff-kit: --html: cannot write .*x\.html \(ENOENT/);
  });
});
