import { beforeEach, describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import type { HandoffInput } from "../../src/handoff/handoff.js";
import { parseHandoff } from "../../src/handoff/parse.js";
import { huddleReport, renderHuddleReport, scoreboard, type HuddleReport } from "../../src/metrics/index.js";
import { AE_FOLLOWS_UP_WITHIN_48_HOURS, defineCalendar, defineSlaPolicy } from "../../src/sla/index.js";
import { handoffInput } from "../fixtures/handoff.js";

function parsed(input: HandoffInput) {
  const result = parseHandoff(input);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}

const base = handoffInput();
const consistent = (base.events ?? []).map((event) =>
  event.id === "e3" ? { ...event, at: "2026-11-02T16:45:00Z" } : event,
);
// h-1042: booked Monday 2 November, accepted, held, followed up 73 h 15 min after booking.
const strong = parsed({ ...base, events: consistent });
// h-2: booked the same week by Ben, a thin brief, rejected for budget on Wednesday and never recycled.
const weak = parsed({
  ...base,
  id: "h-2",
  sdr: { id: "sdr-ben", name: "Ben Okafor", calendarId: "cal-ben" },
  account: { name: "Pipe | Co [x](y)", industry: "retail", employees: 80 },
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
      note: "No budget until April 2027; CFO confirmed",
    },
  ],
});
// h-3: booked the week after, so not in the numbers.
const later = parsed({
  ...base,
  id: "h-3",
  events: [
    {
      id: "c1",
      type: "booked",
      at: "2026-11-09T15:00:00Z",
      by: "sdr-ana",
      meeting: { start: "2026-11-12T15:00:00Z", end: "2026-11-12T15:30:00Z" },
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
const options = {
  now: new Date("2026-11-14T02:00:00Z"),
  weekOf: "2026-11-04",
  week: { timeZone: "Europe/London" },
  calendars: { "cal-omar": london, "cal-ben": london },
  policies: [AE_FOLLOWS_UP_WITHIN_48_HOURS, recycles],
};

describe("huddleReport", () => {
  // Built in a hook, not when the file loads: a mutation run activates its mutant only for the tests.
  let report: HuddleReport;
  beforeEach(() => {
    report = huddleReport([strong, weak, later], options);
  });

  it("reports the week that holds the given date", () => {
    expect(report.week).toEqual({ start: "2026-11-02", end: "2026-11-09", timeZone: "Europe/London" });
  });

  it("counts the week's bookings, decisions with reasons, and meetings", () => {
    expect(report.numbers).toEqual({
      booked: 2,
      accepted: 1,
      rejected: 1,
      held: 1,
      noShow: 0,
      reasons: [{ code: "no_budget", count: 1, share: 1 }],
    });
    expect(report.bySdr).toEqual([
      { sdrId: "sdr-ana", name: "Ana Souza", booked: 1, accepted: 1, rejected: 0, noShow: 0 },
      { sdrId: "sdr-ben", name: "Ben Okafor", booked: 1, accepted: 0, rejected: 1, noShow: 0 },
    ]);
  });

  it("walks the strongest and the weakest brief booked that week", () => {
    expect(report.walkthroughs.strong?.handoff.id).toBe("h-1042");
    expect(report.walkthroughs.weak?.handoff.id).toBe("h-2");
  });

  it("lists SLA breaches on both sides with how late they were", () => {
    // AE: booked Monday 15:45, deadline Wednesday 15:45, followed up Thursday 17:00: 25 h 15 min late.
    // SDR: rejected Wednesday 10:00, two business days is Friday 10:00; still not recycled on the 14th.
    expect(
      report.breaches.map((breach) => [
        breach.owner,
        breach.handoffId,
        breach.deadline.toISOString(),
        breach.lateBy,
        breach.stillOpen,
      ]),
    ).toEqual([
      ["ae", "h-1042", "2026-11-04T15:45:00.000Z", 25.25 * 3_600_000, false],
      [
        "sdr",
        "h-2",
        "2026-11-06T10:00:00.000Z",
        new Date("2026-11-14T02:00:00Z").getTime() - Date.parse("2026-11-06T10:00:00Z"),
        true,
      ],
    ]);
  });

  it("calibrates the ICP from rejection reasons by segment", () => {
    expect(report.icpCalibration).toEqual([
      { segment: "mid_market", decided: 2, rejected: 1, reasons: [{ code: "no_budget", count: 1, share: 1 }] },
    ]);
  });

  it("defaults to the last complete week before now", () => {
    expect(huddleReport([strong], { now: new Date("2026-11-11T12:00:00Z") }).week.start).toBe("2026-11-02");
  });

  it("checks its rubric, bands and rules when called, even for a week with nothing to score or judge", () => {
    // No handoffs: no brief to score with the rubric, no group to judge against the bands.
    expect(() => huddleReport([], { ...options, rubric: { id: "r" } as never })).toThrow(
      "(huddleReport: rubric must be",
    );
    expect(() => huddleReport([], { ...options, bands: [{ metric: "heldRate" }] as never })).toThrow(
      "(huddleReport: options.bands[0] must be a band like DEFAULT_HEALTH_BANDS' entries: an object)",
    );
    expect(() => huddleReport([], { ...options, lifecycle: {} as never })).toThrow("(huddleReport: options.lifecycle");
  });

  it("refuses a week that is not a date, and week settings that are not an object", () => {
    expect(() => huddleReport([], { ...options, weekOf: "last week" })).toThrow(HandoffKitError);
    expect(() => huddleReport([], { ...options, weekOf: "2026-02-30" })).toThrow(HandoffKitError);
    expect(() => huddleReport([], { ...options, week: "2026-11-04" as never })).toThrow(
      "(huddleReport: options.week must be an object: 2026-11-04)",
    );
    expect(() => huddleReport([], { ...options, week: { startsOn: "someday" as never } })).toThrow(
      "(huddleReport: options.week.startsOn must be one of",
    );
  });
});

describe("renderHuddleReport", () => {
  const report = huddleReport([strong, weak, later], options);

  it("prints the four parts of the huddle and the health findings as text", () => {
    const text = renderHuddleReport(report, { format: "text" });
    expect(text).toContain("Weekly SDR-AE huddle: week of 2026-11-02 (Europe/London), as of 2026-11-14 02:00");
    expect(text).toContain("Booked 2, accepted 1, rejected 1; meetings held 1, no-shows 0.");
    expect(text).toContain("Rejected because: no_budget 1 (100%).");
    expect(text).toMatch(/Strong: h-1042, Acme Logistics \(Ana Souza to Omar Haddad\), brief score \d+, strong/u);
    expect(text).toContain("AE side: 1 breach");
    expect(text).toContain("SDR side: 1 breach");
    expect(text).toContain("25 h 15 min");
    expect(text).toContain("4. ICP calibration");
    expect(text).toContain("5. Health");
  });

  it("escapes record text in Markdown, so an account name cannot break a table or become a link", () => {
    const markdown = renderHuddleReport(report, { format: "markdown" });
    expect(markdown).toContain("# Weekly SDR-AE huddle");
    expect(markdown).toContain("Pipe \\| Co \\[x\\](y)");
    expect(markdown).not.toContain("Pipe | Co");
    expect(markdown).toMatch(/^\| handoff \| rep \| SLA \| deadline \| late by \|$/mu);
  });
});

describe("the huddle as of now", () => {
  it("walks through a handoff as it stood at now: events after now are not shown", () => {
    // Booked Monday 2026-11-09; the meeting is held on the 12th, after the huddle's now (the 11th).
    const booked = {
      id: "b1",
      type: "booked",
      at: "2026-11-09T15:00:00Z",
      by: "sdr-ana",
      meeting: { start: "2026-11-12T15:00:00Z", end: "2026-11-12T15:30:00Z" },
    } as const;
    const held = { id: "b2", type: "meeting_held", at: "2026-11-12T15:30:00Z", by: "ae-omar" } as const;
    const handoff = parsed({ ...base, id: "h-9", events: [booked, held] });
    const report = huddleReport([handoff], {
      now: new Date("2026-11-11T12:00:00Z"),
      weekOf: "2026-11-09",
      week: { timeZone: "Europe/London" },
      calendars: { "cal-omar": london },
    });
    expect(report.walkthroughs.strong?.handoff.events.map((event) => event.id)).toEqual(["b1"]);
  });
});

describe("the huddle's edges", () => {
  it("refuses a list that is not one, and a week with text around the date", () => {
    expect(() => huddleReport(null as never, options)).toThrow(
      /huddleReport expects an array \(or any iterable\) of parsed handoffs \(parseHandoffs\)/,
    );
    expect(() => huddleReport([], { ...options, weekOf: "x2026-11-04" })).toThrow(
      "(huddleReport: options.weekOf must be a date as YYYY-MM-DD: x2026-11-04)",
    );
    expect(() => huddleReport([], { ...options, weekOf: "2026-11-04x" })).toThrow(
      "(huddleReport: options.weekOf must be a date as YYYY-MM-DD: 2026-11-04x)",
    );
  });

  it("reads any iterable once, as a stream: a generator gives the array's report", () => {
    let pulls = 0;
    function* stream(): Generator<typeof strong> {
      for (const handoff of [strong, weak, later]) {
        pulls += 1;
        yield handoff;
      }
    }
    expect(huddleReport(stream(), options)).toEqual(huddleReport([strong, weak, later], options));
    expect(pulls).toBe(3);
  });

  it("refuses a record of a stream that is not a parsed handoff, naming its place", () => {
    function* stream(): Generator {
      yield strong;
      yield { id: "raw", events: [] };
    }
    expect(() => huddleReport(stream() as Iterable<typeof strong>, options)).toThrow(/huddleReport \(record 1\)/u);
  });

  it("counts a no-show of a meeting in the week for the team and for its SDR", () => {
    // Booked Tuesday 3 November, meeting Friday the 6th at 15:00, no-show recorded at 15:40.
    const missed = parsed({
      ...base,
      id: "h-7",
      events: [
        {
          id: "n1",
          type: "booked",
          at: "2026-11-03T10:00:00Z",
          by: "sdr-ana",
          meeting: { start: "2026-11-06T15:00:00Z", end: "2026-11-06T15:30:00Z" },
        },
        { id: "n2", type: "no_show", at: "2026-11-06T15:40:00Z", by: "ae-omar" },
      ],
    });
    const report = huddleReport([missed], options);
    expect(report.numbers).toMatchObject({ booked: 1, held: 0, noShow: 1 });
    expect(report.bySdr).toEqual([
      { sdrId: "sdr-ana", name: "Ana Souza", booked: 1, accepted: 0, rejected: 0, noShow: 1 },
    ]);
  });

  it("books a handoff to the week it was booked in, by the week's own bounds", () => {
    // The week in London starts Monday 2 November at 00:00 GMT; a booking at that instant is in it,
    // one a millisecond before is in the week before, one at the next Monday's midnight is not.
    const bookedAt = (id: string, at: string) =>
      parsed({
        ...base,
        id,
        events: [
          {
            id: `${id}-b`,
            type: "booked",
            at,
            by: "sdr-ana",
            meeting: { start: "2026-11-20T15:00:00Z", end: "2026-11-20T15:30:00Z" },
          },
        ],
      });
    const report = huddleReport(
      [
        bookedAt("in", "2026-11-02T00:00:00Z"),
        bookedAt("before", "2026-11-01T23:59:59.999Z"),
        bookedAt("after", "2026-11-09T00:00:00Z"),
      ],
      options,
    );
    expect(report.numbers.booked).toBe(1);
  });
});

describe("the huddle's breach list", () => {
  it("orders breaches equally late on the same side by handoff id", () => {
    // Two copies of h-1042's history: both 25 h 15 min late on the AE side.
    const report = huddleReport([strong, { ...strong, id: "h-0" }], options);
    expect(report.breaches.map((breach) => [breach.owner, breach.handoffId, breach.lateBy])).toEqual([
      ["ae", "h-0", 25.25 * 3_600_000],
      ["ae", "h-1042", 25.25 * 3_600_000],
    ]);
    expect(
      huddleReport([{ ...strong, id: "h-0" }, strong], options).breaches.map((breach) => breach.handoffId),
    ).toEqual(["h-0", "h-1042"]);
  });
});

describe("what the huddle counts, and what it leaves out", () => {
  // Booked Monday 2 November 09:00 by a third SDR; decided and met only the week after (the 10th),
  // before now (the 14th): in the week's bookings, not in its decisions or meetings.
  const decidedLater = parsed({
    ...base,
    id: "h-4",
    sdr: { id: "sdr-cy", name: "Cy Lund", calendarId: "cal-cy" },
    events: [
      {
        id: "d1",
        type: "booked",
        at: "2026-11-02T09:00:00Z",
        by: "sdr-cy",
        meeting: { start: "2026-11-10T15:00:00Z", end: "2026-11-10T15:30:00Z" },
      },
      { id: "d2", type: "meeting_held", at: "2026-11-10T15:30:00Z", by: "ae-omar" },
      { id: "d3", type: "accepted", at: "2026-11-10T16:00:00Z", by: "ae-omar", amount: 10_000 },
    ],
  });
  // Booked by a fourth SDR in October: nothing of it falls in the week, so its SDR has no line.
  const october = parsed({
    ...base,
    id: "h-5",
    sdr: { id: "sdr-dee", name: "Dee Park", calendarId: "cal-dee" },
    events: [
      {
        id: "o1",
        type: "booked",
        at: "2026-10-12T09:00:00Z",
        by: "sdr-dee",
        meeting: { start: "2026-10-15T15:00:00Z", end: "2026-10-15T15:30:00Z" },
      },
    ],
  });
  // A rating before the meeting is held: the lenient rules refuse it, so the history is left out.
  const refused = parsed({
    ...base,
    id: "h-6",
    events: [
      {
        id: "r1",
        type: "booked",
        at: "2026-11-03T09:00:00Z",
        by: "sdr-ana",
        meeting: { start: "2026-11-05T15:00:00Z", end: "2026-11-05T15:30:00Z" },
      },
      { id: "r2", type: "quality_rated", at: "2026-11-04T09:00:00Z", by: "ae-omar", score: 2, note: "Too early" },
    ],
  });

  it("counts the week's bookings by SDR, but decisions and meetings only in the week they happened", () => {
    const report = huddleReport([decidedLater, october], options);
    expect(report.numbers).toEqual({ booked: 1, accepted: 0, rejected: 0, held: 0, noShow: 0, reasons: [] });
    expect(report.bySdr).toEqual([
      { sdrId: "sdr-cy", name: "Cy Lund", booked: 1, accepted: 0, rejected: 0, noShow: 0 },
    ]);
  });

  it("leaves out a history the rules refuse in part, from the numbers and from the breaches", () => {
    const report = huddleReport([refused], {
      ...options,
      policies: [
        defineSlaPolicy({
          id: "held-1d",
          label: "Meeting held within a day",
          start: ["booked"],
          stop: ["meeting_held"],
          target: { kind: "calendar_time", ms: 24 * 3_600_000 },
        }),
      ],
    });
    expect(report.numbers.booked).toBe(0);
    expect(report.bySdr).toEqual([]);
    expect(report.breaches).toEqual([]);
    expect(report.walkthroughs.strong).toBeUndefined();
  });

  it("walks through a handoff as it is when nothing of it is after now, not a copy", () => {
    expect(huddleReport([strong], options).walkthroughs.strong?.handoff).toBe(strong);
  });

  it("finds a breach in the week of a clock that started long before it", () => {
    // Rejected Monday 5 October 10:00, four weeks and more before the week; a 30-day recycle clock
    // ends Wednesday 4 November 10:00, in the week, and nothing recycled it.
    const slow = defineSlaPolicy({
      id: "recycle-30d",
      label: "SDR recycles within 30 days",
      owner: "sdr",
      start: ["rejected"],
      stop: ["recycled"],
      target: { kind: "calendar_time", ms: 30 * 86_400_000 },
    });
    const old = parsed({
      ...base,
      id: "h-8",
      events: [
        {
          id: "l1",
          type: "booked",
          at: "2026-09-28T09:00:00Z",
          by: "sdr-ana",
          meeting: { start: "2026-10-02T15:00:00Z", end: "2026-10-02T15:30:00Z" },
        },
        {
          id: "l2",
          type: "rejected",
          at: "2026-10-05T10:00:00Z",
          by: "ae-omar",
          reason: "no_budget",
          note: "No budget until April 2027; CFO confirmed",
        },
      ],
    });
    const report = huddleReport([old], { ...options, policies: [slow] });
    expect(
      report.breaches.map((breach) => [
        breach.handoffId,
        breach.policyId,
        breach.deadline.toISOString(),
        breach.stillOpen,
      ]),
    ).toEqual([["h-8", "recycle-30d", "2026-11-04T10:00:00.000Z", true]]);
  });

  it("applies the two AE policies when none are given", () => {
    // h-1042 followed up 73 h 15 min after booking: 25 h 15 min past the 48-hour follow-up.
    const report = huddleReport([strong], {
      now: options.now,
      weekOf: options.weekOf,
      week: options.week,
      calendars: options.calendars,
    });
    expect(report.breaches.map((breach) => [breach.policyId, breach.lateBy])).toContainEqual([
      AE_FOLLOWS_UP_WITHIN_48_HOURS.id,
      25.25 * 3_600_000,
    ]);
  });

  it("lists the AE side before the SDR side, each latest first, whatever the records' order", () => {
    const report = huddleReport([weak, strong, { ...strong, id: "h-0" }], options);
    expect(report.breaches.map((breach) => [breach.owner, breach.handoffId])).toEqual([
      ["ae", "h-0"],
      ["ae", "h-1042"],
      ["sdr", "h-2"],
    ]);
  });

  it("states each team-wide finding once, though three scoreboards are judged", () => {
    // Twelve rejections in the week and no acceptance: the team's acceptance rate is out of its band.
    const rejected = Array.from({ length: 12 }, (_, i) => ({ ...weak, id: `w-${String(i)}` }));
    const overall = huddleReport(rejected, options).findings.filter((finding) => finding.scope === "overall");
    const named = overall.map((finding) => `${finding.kind} ${"metric" in finding ? finding.metric : ""}`);
    expect(named).toContain("outside_band acceptanceRate");
    expect(new Set(named).size).toBe(named.length);
  });

  it("names the call and the option that is wrong", () => {
    expect(() => huddleReport([], null as never)).toThrow(/huddleReport.*options/u);
    expect(() => huddleReport([], { now: "yesterday" as never })).toThrow(/\bnow\b/u);
  });
});

describe("the huddle from boards computed elsewhere", () => {
  const handoffs = [strong, weak, later];
  const boardsOf = (records: readonly (typeof strong)[]) => {
    const common = { now: options.now, week: { timeZone: "Europe/London", startsOn: "mon" as const } };
    return {
      bySegment: scoreboard(records, { ...common, groupBy: "segment" }),
      bySdr: scoreboard(records, { ...common, groupBy: "sdr" }),
      byWeek: scoreboard(records, { ...common, groupBy: "week" }),
      bySdrWeek: scoreboard(records, { ...common, groupBy: ["sdr", "week"] }),
    };
  };

  it("gives the same report from the same boards", () => {
    expect(huddleReport(handoffs, { ...options, boards: boardsOf(handoffs) })).toEqual(huddleReport(handoffs, options));
  });

  it("reads its calibration and findings from the boards, and its data issues from the handoffs", () => {
    // Boards of the strong handoff alone: no rejection to calibrate on, whatever the handoffs say.
    const report = huddleReport(handoffs, { ...options, boards: boardsOf([strong]) });
    expect(report.icpCalibration).toEqual([{ segment: strong.segment, decided: 1, rejected: 0, reasons: [] }]);
    expect(report.numbers.rejected).toBe(1);
    // A board from SQL lists no data issues; the report still lists the handoffs' own.
    const refused = parsed({
      ...base,
      id: "h-refused",
      events: [{ id: "x1", type: "accepted", at: "2026-11-03T10:00:00Z", by: "ae-omar" }],
    });
    const quiet = { ...boardsOf(handoffs), bySdr: { ...boardsOf(handoffs).bySdr, dataIssues: [] } };
    const withIssues = huddleReport([...handoffs, refused], { ...options, boards: quiet });
    expect(withIssues.dataIssues.map((issue) => [issue.index, issue.id, issue.excluded])).toEqual([
      [3, "h-refused", true],
    ]);
  });

  it("refuses a board grouped otherwise, at another instant, or in other weeks, naming it", () => {
    const boards = boardsOf(handoffs);
    expect(() => huddleReport(handoffs, { ...options, boards: { ...boards, byWeek: boards.bySdr } })).toThrow(
      /options\.boards\.byWeek is grouped by \[sdr\], not \[week\]/u,
    );
    const earlier = scoreboard(handoffs, {
      now: new Date("2026-11-13T00:00:00Z"),
      groupBy: "sdr",
      week: { timeZone: "Europe/London" },
    });
    expect(() => huddleReport(handoffs, { ...options, boards: { ...boards, bySdr: earlier } })).toThrow(
      /options\.boards\.bySdr is at 2026-11-13T00:00:00\.000Z, not the report's now/u,
    );
    const utc = scoreboard(handoffs, { now: options.now, groupBy: "segment" });
    expect(() => huddleReport(handoffs, { ...options, boards: { ...boards, bySegment: utc } })).toThrow(
      /bySegment cuts weeks in UTC from mon, not Europe\/London from mon/u,
    );
    expect(() => huddleReport(handoffs, { ...options, boards: { ...boards, bySdrWeek: undefined } as never })).toThrow(
      /options\.boards\.bySdrWeek/u,
    );
    expect(() => huddleReport(handoffs, { ...options, boards: 7 as never })).toThrow(/options\.boards/u);
  });
});
