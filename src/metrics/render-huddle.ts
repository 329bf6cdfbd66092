import { ownValue, requireObject } from "../core/guards.js";
import { match } from "ts-pattern";
import { countOf, formatDuration, formatInstant, formatPercent } from "../core/format.js";
import { escapeMarkdown, recordText, singleLine } from "../core/text.js";
import type { Walkthrough } from "../rubric/index.js";
import type { ReasonCount } from "./finish.js";
import type { HealthFinding } from "./health.js";
import type { HuddleBreach, HuddleReport } from "./huddle.js";
import { requireHuddleReport } from "./require-huddle-report.js";

type Cell = string | number;

function table(markdown: boolean, header: readonly string[], rows: readonly (readonly Cell[])[]): string[] {
  if (markdown) {
    const line = (cells: readonly Cell[]): string =>
      `| ${cells.map((cell) => (typeof cell === "number" ? String(cell) : escapeMarkdown(cell))).join(" | ")} |`;
    const align = header.map((_, column) =>
      rows.length > 0 && rows.every((row) => typeof row[column] === "number") ? "---:" : "---",
    );
    return [line(header), `| ${align.join(" | ")} |`, ...rows.map(line)];
  }
  // Each cell on one line, so a name with a line break cannot forge a row.
  const cells = [header, ...rows].map((row) =>
    row.map((cell) => (typeof cell === "number" ? String(cell) : singleLine(cell))),
  );
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === "number"));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  const [head = [], ...body] = cells;
  return [line(head), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)];
}

/** A share as the report's tables write it: whole percents. */
const wholePercent = (share: number): string => formatPercent(share, 0);
const reasonsLine = (reasons: readonly ReasonCount[], limit = 3): string =>
  reasons.length === 0
    ? "none"
    : reasons
        .slice(0, limit)
        .map((reason) => `${reason.code} ${String(reason.count)} (${wholePercent(reason.share)})`)
        .join(", ");

const KIND_LABEL: Readonly<Record<HealthFinding["kind"], string>> = {
  red_flag: "RED FLAG",
  outside_band: "outside band",
  differs_from_team: "differs from team",
  watch: "watch",
  trend_watch: "watch",
};

const KIND_ORDER: Readonly<Record<HealthFinding["kind"], number>> = {
  red_flag: 0,
  outside_band: 1,
  differs_from_team: 2,
  watch: 3,
  trend_watch: 3,
};

/**
 * Options of {@link renderHuddleReport}.
 *
 * @example
 * ```ts
 * import type { RenderHuddleReportOptions } from "handoff-kit/metrics";
 * const forSlack: RenderHuddleReportOptions = { format: "text" };
 * ```
 * @category Huddle
 */
export interface RenderHuddleReportOptions {
  /** Markdown (the default) or plain text. */
  readonly format?: "markdown" | "text";
}

/**
 * Renders a {@link HuddleReport} for the meeting: Markdown by default, as every renderer here
 * (record text escaped, so a note cannot become a link, GitHub's autolinks included, or break a
 * table), or plain text for a terminal with `{ format: "text" }`. In both, record text stays on its
 * line: line breaks and control characters become a space. Times are shown in the report's zone;
 * names replace rep ids where the records gave them.
 *
 * @example
 * ```ts
 * import { huddleReport, renderHuddleReport } from "handoff-kit/metrics";
 * import type { Handoff } from "handoff-kit/handoff";
 * declare const handoffs: readonly Handoff[];
 * const text = renderHuddleReport(huddleReport(handoffs, { now: new Date("2026-11-16T14:00:00Z") }), {
 *   format: "text",
 * });
 * ```
 * @category Huddle
 */
export function renderHuddleReport(report: HuddleReport, options: RenderHuddleReportOptions = {}): string {
  requireHuddleReport(report, "renderHuddleReport");
  requireObject(options, "renderHuddleReport", "options");
  const markdown = (options.format ?? "markdown") === "markdown";
  const t = recordText(markdown);
  const name = (id: string): string => ownValue(report.names, id) ?? id;
  const heading = (text: string): string[] => (markdown ? ["", `## ${text}`, ""] : ["", text, "-".repeat(text.length)]);
  const bullet = (text: string): string => (markdown ? `- ${text}` : `  ${text}`);
  const out: string[] = [];
  const title =
    `Weekly SDR-AE huddle: week of ${report.week.start} (${report.week.timeZone}), ` +
    `as of ${formatInstant(report.now, report.week.timeZone)}`;
  out.push(markdown ? `# ${t(title)}` : t(title));

  const n = report.numbers;
  out.push(...heading("1. The numbers"));
  out.push(
    `Booked ${String(n.booked)}, accepted ${String(n.accepted)}, rejected ${String(n.rejected)}; ` +
      `meetings held ${String(n.held)}, no-shows ${String(n.noShow)}.`,
  );
  out.push(`Rejected because: ${t(reasonsLine(n.reasons, 5))}.`);
  if (report.bySdr.length > 0) {
    out.push("");
    out.push(
      ...table(
        markdown,
        ["SDR", "booked", "accepted", "rejected", "no-shows"],
        report.bySdr.map((row) => [row.name, row.booked, row.accepted, row.rejected, row.noShow]),
      ),
    );
  }

  out.push(...heading("2. Two handoffs to walk through"));
  const walk = (label: string, walkthrough: Walkthrough | undefined): void => {
    if (walkthrough === undefined) return void out.push(bullet(`${label}: none booked this week`));
    const { handoff, score, messages } = walkthrough;
    out.push(
      bullet(
        `${label}: ` +
          t(
            `${handoff.id}, ${handoff.account.name} (${name(handoff.sdr.id)} to ${name(handoff.ae.id)}), ` +
              `brief score ${score.score.toFixed(0)}, ${score.grade}`,
          ),
      ),
    );
    for (const message of messages) out.push(markdown ? `  - ${t(message)}` : `    - ${t(message)}`);
  };
  walk("Strong", report.walkthroughs.strong);
  walk("Weak", report.walkthroughs.weak);

  out.push(...heading("3. SLA breaches, both sides"));
  const owners = [...new Set(["ae", "sdr", ...report.breaches.map((breach) => breach.owner)])];
  for (const owner of owners) {
    const own = report.breaches.filter((breach) => breach.owner === owner);
    const side = match(owner)
      .with("ae", () => "AE side")
      .with("sdr", () => "SDR side")
      .otherwise(() => `${owner} side`);
    out.push(`${t(side)}: ${own.length === 0 ? "no breaches" : countOf(own.length, "breach", "breaches")}`);
    if (own.length === 0) continue;
    const rep = (breach: HuddleBreach): string => name(owner === "sdr" ? breach.sdrId : breach.aeId);
    out.push(
      ...table(
        markdown,
        ["handoff", "rep", "SLA", "deadline", "late by"],
        own.map((breach) => [
          breach.handoffId,
          rep(breach),
          breach.label,
          formatInstant(breach.deadline, report.week.timeZone),
          `${formatDuration(breach.lateBy)}${breach.stillOpen ? " (still open)" : ""}`,
        ]),
      ),
    );
    out.push("");
  }
  if (out.at(-1) === "") out.pop();

  out.push(...heading("4. ICP calibration: rejection reasons by segment"));
  out.push(
    ...table(
      markdown,
      ["segment", "decided", "rejected", "rejected %", "top reasons"],
      report.icpCalibration.map((row) => [
        row.segment,
        row.decided,
        row.rejected,
        row.decided === 0 ? "n/a" : wholePercent(row.rejected / row.decided),
        reasonsLine(row.reasons),
      ]),
    ),
  );

  out.push(...heading("5. Health"));
  const findings = [...report.findings].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  if (findings.length === 0) out.push("No findings: every judged metric is inside its band.");
  for (const finding of findings) {
    out.push(bullet(t(`[${KIND_LABEL[finding.kind]}] ${name(finding.scope)}: ${finding.message}.`)));
    // A watch is not yet supported by the data; its cause would read as a diagnosis.
    const cause = finding.kind === "outside_band" || finding.kind === "red_flag" ? finding.likelyCause : undefined;
    if (cause !== undefined) out.push(markdown ? `  - Likely cause: ${t(cause)}.` : `    Likely cause: ${t(cause)}.`);
  }
  if (report.dataIssues.length > 0)
    out.push(
      "",
      t(
        `${String(report.dataIssues.length)} handoffs have data issues (see dataIssues); ` +
          `excluded ones are not in these numbers.`,
      ),
    );
  return out.join("\n");
}
