import { describe, expect, it } from "vitest";
import { renderHuddleReport, type HuddleReport } from "../../src/metrics/index.js";
import { refusalAfter } from "../fixtures/refusal.js";

// A report built by hand (not by huddleReport), so every line of the rendering below can be written
// out from the renderer's documented layout: five numbered parts, tables with numbers right-aligned,
// findings most serious first, a watch without its cause.
const H = 3_600_000;
const report = {
  now: new Date("2026-11-14T02:00:00Z"),
  week: { start: "2026-11-02", end: "2026-11-09", timeZone: "UTC" },
  numbers: {
    booked: 12,
    accepted: 7,
    rejected: 3,
    held: 9,
    noShow: 1,
    reasons: [
      { code: "timing", count: 2, share: 0.25 },
      { code: "no_budget", count: 2, share: 0.25 },
      { code: "a", count: 1, share: 0.125 },
      { code: "b", count: 1, share: 0.125 },
      { code: "c", count: 1, share: 0.125 },
      { code: "d", count: 1, share: 0.125 },
    ],
  },
  bySdr: [
    { sdrId: "sdr-ana", name: "Ana Souza", booked: 10, accepted: 6, rejected: 2, noShow: 1 },
    { sdrId: "sdr-ben", name: "Ben Li", booked: 2, accepted: 1, rejected: 1, noShow: 0 },
  ],
  walkthroughs: {
    strong: {
      handoff: { id: "h-1", account: { name: "Acme" }, sdr: { id: "sdr-ana" }, ae: { id: "ae-omar" } },
      score: { score: 91.4, grade: "strong" },
      messages: ["Quotes", "Trigger"],
    },
  },
  breaches: [
    {
      handoffId: "h-2",
      policyId: "p1",
      label: "AE follows up within 48 hours",
      owner: "ae",
      sdrId: "sdr-ana",
      aeId: "ae-omar",
      deadline: new Date("2026-11-05T15:00:00Z"),
      lateBy: 2.5 * H,
      stillOpen: true,
    },
    {
      handoffId: "h-3",
      policyId: "p2",
      label: "Recycle within 2 days",
      owner: "manager",
      sdrId: "sdr-ben",
      aeId: "ae-omar",
      deadline: new Date("2026-11-06T09:00:00Z"),
      lateBy: 0.75 * H,
      stillOpen: false,
    },
  ],
  icpCalibration: [
    { segment: "mid_market", decided: 8, rejected: 2, reasons: [{ code: "timing", count: 2, share: 1 }] },
    { segment: "smb", decided: 0, rejected: 0, reasons: [] },
  ],
  findings: [
    { kind: "watch", scope: "sdr-ben", message: "W", likelyCause: "C1" },
    { kind: "outside_band", scope: "overall", message: "Held low", likelyCause: "Cold handoffs" },
    { kind: "red_flag", scope: "sdr-ana", message: "R", likelyCause: "Volume" },
    { kind: "differs_from_team", scope: "sdr-ben", message: "D" },
  ],
  names: { "sdr-ana": "Ana Souza", "ae-omar": "Omar Haddad" },
  dataIssues: [{}, {}],
} as unknown as HuddleReport;

const underlined = (text: string): string[] => ["", text, "-".repeat(text.length)];

describe("renderHuddleReport, line by line", () => {
  it("as text", () => {
    expect(renderHuddleReport(report, { format: "text" }).split("\n")).toEqual([
      "Weekly SDR-AE huddle: week of 2026-11-02 (UTC), as of 2026-11-14 02:00",
      ...underlined("1. The numbers"),
      "Booked 12, accepted 7, rejected 3; meetings held 9, no-shows 1.",
      // The first five reasons; 12.5% shows as 13%.
      "Rejected because: timing 2 (25%), no_budget 2 (25%), a 1 (13%), b 1 (13%), c 1 (13%).",
      "",
      "SDR        booked  accepted  rejected  no-shows",
      "---------  ------  --------  --------  --------",
      "Ana Souza      10         6         2         1",
      "Ben Li          2         1         1         0",
      ...underlined("2. Two handoffs to walk through"),
      "  Strong: h-1, Acme (Ana Souza to Omar Haddad), brief score 91, strong",
      "    - Quotes",
      "    - Trigger",
      "  Weak: none booked this week",
      ...underlined("3. SLA breaches, both sides"),
      "AE side: 1 breach",
      "handoff  rep          SLA                            deadline          late by",
      "-------  -----------  -----------------------------  ----------------  -----------------------",
      "h-2      Omar Haddad  AE follows up within 48 hours  2026-11-05 15:00  2 h 30 min (still open)",
      "",
      "SDR side: no breaches",
      // Another owner gets a side of its own; its rep is the AE.
      "manager side: 1 breach",
      "handoff  rep          SLA                    deadline          late by",
      "-------  -----------  ---------------------  ----------------  -------",
      "h-3      Omar Haddad  Recycle within 2 days  2026-11-06 09:00  45 min",
      ...underlined("4. ICP calibration: rejection reasons by segment"),
      "segment     decided  rejected  rejected %  top reasons",
      "----------  -------  --------  ----------  ---------------",
      "mid_market        8         2  25%         timing 2 (100%)",
      "smb               0         0  n/a         none",
      ...underlined("5. Health"),
      "  [RED FLAG] Ana Souza: R.",
      "    Likely cause: Volume.",
      "  [outside band] overall: Held low.",
      "    Likely cause: Cold handoffs.",
      "  [differs from team] sdr-ben: D.",
      "  [watch] sdr-ben: W.",
      "",
      "2 handoffs have data issues (see dataIssues); excluded ones are not in these numbers.",
    ]);
  });

  it("as Markdown", () => {
    const lines = renderHuddleReport(report, { format: "markdown" }).split("\n");
    expect(lines.slice(0, 11)).toEqual([
      "# Weekly SDR-AE huddle: week of 2026-11-02 (UTC), as of 2026-11-14 02:00",
      "",
      "## 1. The numbers",
      "",
      "Booked 12, accepted 7, rejected 3; meetings held 9, no-shows 1.",
      "Rejected because: timing 2 (25%), no\\_budget 2 (25%), a 1 (13%), b 1 (13%), c 1 (13%).",
      "",
      "| SDR | booked | accepted | rejected | no-shows |",
      "| --- | ---: | ---: | ---: | ---: |",
      "| Ana Souza | 10 | 6 | 2 | 1 |",
      "| Ben Li | 2 | 1 | 1 | 0 |",
    ]);
    expect(lines).toContain("- Strong: h-1, Acme (Ana Souza to Omar Haddad), brief score 91, strong");
    expect(lines).toContain("  - Quotes");
    expect(lines).toContain("| --- | --- | --- | --- | --- |");
    expect(lines).toContain("| mid\\_market | 8 | 2 | 25% | timing 2 (100%) |");
    expect(lines.slice(-8)).toEqual([
      "- \\[RED FLAG\\] Ana Souza: R.",
      "  - Likely cause: Volume.",
      "- \\[outside band\\] overall: Held low.",
      "  - Likely cause: Cold handoffs.",
      "- \\[differs from team\\] sdr-ben: D.",
      "- \\[watch\\] sdr-ben: W.",
      "",
      "2 handoffs have data issues (see dataIssues); excluded ones are not in these numbers.",
    ]);
  });

  it("with nothing to say", () => {
    const quiet = {
      ...report,
      numbers: { ...report.numbers, reasons: [] },
      bySdr: [],
      walkthroughs: {},
      breaches: [],
      icpCalibration: [],
      findings: [],
      dataIssues: [],
    } as HuddleReport;
    expect(renderHuddleReport(quiet, { format: "text" }).split("\n")).toEqual([
      "Weekly SDR-AE huddle: week of 2026-11-02 (UTC), as of 2026-11-14 02:00",
      ...underlined("1. The numbers"),
      "Booked 12, accepted 7, rejected 3; meetings held 9, no-shows 1.",
      "Rejected because: none.",
      ...underlined("2. Two handoffs to walk through"),
      "  Strong: none booked this week",
      "  Weak: none booked this week",
      ...underlined("3. SLA breaches, both sides"),
      "AE side: no breaches",
      "SDR side: no breaches",
      ...underlined("4. ICP calibration: rejection reasons by segment"),
      // No rows: each column as wide as its header, none of them numeric.
      "segment  decided  rejected  rejected %  top reasons",
      "-------  -------  --------  ----------  -----------",
      ...underlined("5. Health"),
      "No findings: every judged metric is inside its band.",
    ]);
    expect(() => renderHuddleReport({ week: {} } as never)).toThrow(
      "(renderHuddleReport expects what huddleReport returns: now is undefined)",
    );
    expect(() => renderHuddleReport(report, null as never)).toThrow(
      "(renderHuddleReport: options must be an object: null)",
    );
  });

  it("refuses a report given back by untyped code at the part it would trip on", () => {
    const refused = (changes: Record<string, unknown>): string =>
      refusalAfter(
        () => renderHuddleReport({ ...report, ...changes }),
        "(renderHuddleReport expects what huddleReport returns: ",
      );
    expect(refused({})).toBe("no error");
    expect(refused(JSON.parse(JSON.stringify(report)) as Record<string, unknown>)).toBe(
      "now is 2026-11-14T02:00:00.000Z",
    );
    expect(refused({ week: { start: "2026-11-02", timeZone: "UTC" } })).toBe("week is an object");
    expect(refused({ numbers: { ...report.numbers, reasons: [null] } })).toBe("numbers is an object");
    expect(refused({ bySdr: [{ ...report.bySdr[0], booked: "3" }] })).toBe("bySdr is an array");
    expect(refused({ walkthroughs: { strong: { ...report.walkthroughs.strong, messages: "good" } } })).toBe(
      "walkthroughs is an object",
    );
    expect(refused({ walkthroughs: { weak: { ...report.walkthroughs.weak, handoff: { id: "h" } } } })).toBe(
      "walkthroughs is an object",
    );
    expect(refused({ breaches: [{ ...report.breaches[0], deadline: "2026-11-03" }] })).toBe("breaches is an array");
    expect(refused({ icpCalibration: [{ segment: "smb", decided: 1, rejected: 0 }] })).toBe(
      "icpCalibration is an array",
    );
    expect(refused({ findings: [null] })).toBe("findings is an array");
    expect(refused({ findings: [{ ...report.findings[0], kind: "alarm" }] })).toBe("findings is an array");
    expect(refused({ findings: [{ ...report.findings[0], likelyCause: 1 }] })).toBe("findings is an array");
    expect(refused({ names: null })).toBe("names is null");
    expect(refused({ dataIssues: 0 })).toBe("dataIssues is 0");
  });
});
