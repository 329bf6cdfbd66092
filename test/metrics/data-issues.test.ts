import { describe, expect, it } from "vitest";
import type { HandoffSummary } from "../../src/handoff/summarize.js";
import {
  accumulate,
  createAccumulator,
  finish,
  merge,
  restoreAccumulator,
  scoreboard,
  snapshotAccumulator,
} from "../../src/metrics/index.js";
import { heldAccepted, NOW, row } from "./rows.js";
import { refusal } from "../fixtures/refusal.js";
import { AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, AE_FOLLOWS_UP_WITHIN_48_HOURS } from "../../src/sla/index.js";

// Each data issue a summary row can carry, word for word: what the scoreboard says, at which field,
// and whether the row is left out or only the metric that needed the bad field.
const issuesOf = (rows: readonly HandoffSummary[], options: Parameters<typeof scoreboard>[1] = { now: NOW }) =>
  scoreboard(rows, options).dataIssues;

describe("a row that cannot be counted is left out, each bad field named", () => {
  it("names every identity field that is missing or of the wrong kind", () => {
    const bad = row({
      sdrId: "",
      aeId: undefined as unknown as string,
      segment: 3 as unknown as string,
      source: "referral" as HandoffSummary["source"],
      status: "pending" as HandoffSummary["status"],
      meetingStatus: "maybe" as HandoffSummary["meetingStatus"],
      cycles: 1.5,
    });
    expect(issuesOf([bad])).toEqual([
      {
        index: 0,
        id: "h-1",
        excluded: true,
        issues: [
          { code: "invalid_field", path: ["sdrId"], message: "sdrId must be a non-empty string" },
          { code: "invalid_field", path: ["aeId"], message: "aeId must be a non-empty string" },
          { code: "invalid_field", path: ["segment"], message: "segment must be a non-empty string" },
          { code: "invalid_field", path: ["source"], message: "source must be outbound, inbound or partner" },
          { code: "invalid_field", path: ["status"], message: "status must be a handoff status" },
          { code: "invalid_field", path: ["meetingStatus"], message: "meetingStatus must be a meeting status" },
          { code: "invalid_field", path: ["cycles"], message: "cycles must be a whole number" },
        ],
      },
    ]);
    expect(issuesOf([row({ cycles: -1 })])[0]?.issues).toEqual([
      { code: "invalid_field", path: ["cycles"], message: "cycles must be a whole number" },
    ]);
    expect(issuesOf([row({ firstSkipped: { index: -1, id: "e1", type: "accepted", rule: "x" } })])[0]?.issues).toEqual([
      {
        code: "invalid_field",
        path: ["firstSkipped"],
        message: "firstSkipped must be undefined or { index, id, type, rule } as summarize makes it",
      },
    ]);
  });

  it("says how a status disagrees with the rest of the row", () => {
    const cases: [HandoffSummary, string][] = [
      [
        row({ status: "draft", cycles: 1 }),
        "status draft does not agree with decision undefined, outcome undefined, meeting scheduled and 1 cycles",
      ],
      [
        row({ status: "booked", cycles: 0 }),
        "status booked does not agree with decision undefined, outcome undefined, meeting scheduled and 0 cycles",
      ],
      [
        row({ status: "draft", cycles: 0, meetingStatus: "scheduled" }),
        "status draft does not agree with decision undefined, outcome undefined, meeting scheduled and 0 cycles",
      ],
      [
        row({ status: "booked", decision: "accepted" }),
        "status booked does not agree with decision accepted, outcome undefined, meeting scheduled and 1 cycles",
      ],
      [
        row({ status: "accepted", decision: "rejected" }),
        "status accepted does not agree with decision rejected, outcome undefined, meeting scheduled and 1 cycles",
      ],
      [
        row({ status: "accepted", decision: "accepted", outcome: "won" }),
        "status accepted does not agree with decision accepted, outcome won, meeting scheduled and 1 cycles",
      ],
      [
        row({ status: "won", decision: "accepted", outcome: "lost" }),
        "status won does not agree with decision accepted, outcome lost, meeting scheduled and 1 cycles",
      ],
      [
        row({ status: "lost", decision: "rejected", outcome: "lost" }),
        "status lost does not agree with decision rejected, outcome lost, meeting scheduled and 1 cycles",
      ],
      [
        row({ status: "rejected", decision: "accepted" }),
        "status rejected does not agree with decision accepted, outcome undefined, meeting scheduled and 1 cycles",
      ],
      [
        row({ status: "recycled", decision: "rejected", outcome: "won" }),
        "status recycled does not agree with decision rejected, outcome won, meeting scheduled and 1 cycles",
      ],
    ];
    for (const [bad, message] of cases)
      expect(issuesOf([bad])).toEqual([
        { index: 0, id: "h-1", excluded: true, issues: [{ code: "inconsistent_row", path: ["status"], message }] },
      ]);
    // Each agreeing combination is counted.
    const agreeing = [
      row({ status: "draft", cycles: 0, meetingStatus: "none" }),
      row({ status: "booked" }),
      row({ status: "accepted", decision: "accepted" }),
      row({ status: "won", decision: "accepted", outcome: "won" }),
      row({ status: "lost", decision: "accepted", outcome: "lost" }),
      row({ status: "rejected", decision: "rejected" }),
      row({ status: "recycled", decision: "rejected" }),
    ];
    expect(scoreboard(agreeing, { now: NOW })).toMatchObject({ excluded: 0, dataIssues: [] });
  });

  it("leaves out a row whose history broke the lifecycle's rules, naming the first refused event", () => {
    const first = { index: 3, id: "e4", type: "accepted" as const, rule: "the handoff was already rejected" };
    expect(issuesOf([row({ skippedEvents: 2, firstSkipped: first })])[0]?.issues).toEqual([
      {
        code: "inconsistent_history",
        path: ["events", 3],
        message:
          "2 recorded events break the lifecycle's rules: event 3 (accepted, id e4) is refused " +
          "because the handoff was already rejected; " +
          "the handoff is left out until its history is fixed",
      },
    ]);
    expect(issuesOf([row({ skippedEvents: 1 })])[0]?.issues).toEqual([
      {
        code: "inconsistent_history",
        path: ["events"],
        message: "1 recorded event breaks the lifecycle's rules; the handoff is left out until its history is fixed",
      },
    ]);
  });
});

describe("a bad field leaves out only the metrics that need it", () => {
  it("a quality outside 1-5, an amount out of range or in another currency", () => {
    const dataIssues = issuesOf([
      heldAccepted("q", 6),
      heldAccepted("q2", 2.5),
      heldAccepted("a", 5, { acceptedAmount: -1, acceptedCurrency: "USD" }),
      heldAccepted("w", 5, { status: "won", outcome: "won", wonAmount: 2 ** 53, wonCurrency: "USD" }),
      heldAccepted("c", 5, { acceptedAmount: 1_000, acceptedCurrency: "EUR" }),
      heldAccepted("d", 5, { status: "won", outcome: "won", wonAmount: 1_000, wonCurrency: "EUR" }),
    ]);
    expect(dataIssues.map(({ id, excluded, issues }) => [id, excluded, issues])).toEqual([
      [
        "q",
        false,
        [{ code: "invalid_field", path: ["quality"], message: "quality must be a whole score from 1 to 5" }],
      ],
      [
        "q2",
        false,
        [{ code: "invalid_field", path: ["quality"], message: "quality must be a whole score from 1 to 5" }],
      ],
      [
        "a",
        false,
        [
          {
            code: "invalid_field",
            path: ["acceptedAmount"],
            message: "acceptedAmount must be a number from 0 to 2^53 - 1; it is left out of pipeline",
          },
        ],
      ],
      [
        "w",
        false,
        [
          {
            code: "invalid_field",
            path: ["wonAmount"],
            message: "wonAmount must be a number from 0 to 2^53 - 1; it is left out of deal size",
          },
        ],
      ],
      [
        "c",
        false,
        [
          {
            code: "other_currency",
            path: ["acceptedCurrency"],
            message: "The accepted amount is in EUR, not USD; it is left out of pipeline",
          },
        ],
      ],
      [
        "d",
        false,
        [
          {
            code: "other_currency",
            path: ["wonCurrency"],
            message: "The won amount is in EUR, not USD; it is left out of deal size",
          },
        ],
      ],
    ]);
  });

  it("a follow-up before the booking, and a missing calendar for business time", () => {
    const early = heldAccepted("f", 5, { firstFollowUpAt: new Date("2026-11-02T14:00:00Z") });
    expect(issuesOf([early])[0]?.issues).toEqual([
      {
        code: "negative_duration",
        path: ["firstFollowUpAt"],
        message: "The first follow-up is before the booking; it is left out of the follow-up time",
      },
    ]);
    const later = heldAccepted("g", 5, { firstFollowUpAt: new Date("2026-11-02T17:00:00Z") });
    expect(issuesOf([later], { now: NOW, calendars: {} })[0]?.issues).toEqual([
      {
        code: "missing_calendar",
        path: ["aeCalendarId"],
        message: 'No calendar "ae-omar" for the AE; business-time follow-up leaves the handoff out',
      },
    ]);
  });
});

describe("data issues come out in input order", () => {
  it("an index that is no whole number of 0 or more is misuse, named", () => {
    const acc = createAccumulator({ now: NOW });
    expect(() => accumulate(acc, row(), { index: -1 })).toThrow(
      "(accumulate: options.index must be a whole number, 0 or more: -1)",
    );
    expect(() => accumulate(acc, row(), { index: 1.5 })).toThrow("(accumulate: options.index must be a whole");
    expect(() => accumulate(acc, row(), 3 as never)).toThrow("(accumulate: options must be an object: 3)");
    // Left out, the index is the position in this accumulator's stream.
    accumulate(acc, row({ id: "bad", cycles: -1 }), {});
    expect(finish(acc).dataIssues.map((entry) => entry.index)).toEqual([0]);
  });

  it("even when accumulators filled out of order are merged", () => {
    const late = createAccumulator({ now: NOW });
    accumulate(late, row({ id: "late", cycles: -1 }), { index: 5 });
    const early = createAccumulator({ now: NOW });
    accumulate(early, row({ id: "early", cycles: -1 }), { index: 2 });
    accumulate(early, row({ id: "middle", cycles: -1 }), { index: 3 });
    expect(finish(merge(late, early)).dataIssues.map((entry) => [entry.index, entry.id])).toEqual([
      [2, "early"],
      [3, "middle"],
      [5, "late"],
    ]);
  });
});

describe("misuse of the accumulator", () => {
  it("names the bad option or the mismatch", () => {
    expect(() => createAccumulator(null as never)).toThrow(
      "(createAccumulator: options must be an object with now: null)",
    );
    expect(() => createAccumulator({ now: NOW, week: { timeZone: "Mars/Base" } })).toThrow(
      "(createAccumulator: options.week.timeZone: Mars/Base)",
    );
    expect(() => createAccumulator({ now: NOW, minSample: -1 })).toThrow(
      "(createAccumulator: options.minSample must be a whole number, 0 or more: -1)",
    );
    expect(() => createAccumulator({ now: NOW, minSample: 2.5 })).toThrow(
      "(createAccumulator: options.minSample must be a whole number, 0 or more: 2.5)",
    );
    // An object with no prototype has no string form: described, not converted (it threw a TypeError).
    expect(() => createAccumulator({ now: NOW, minSample: Object.create(null) as never })).toThrow(
      "(createAccumulator: options.minSample must be a whole number, 0 or more: an object)",
    );
    expect(() => createAccumulator({ now: NOW, confidence: 1 })).toThrow(
      "(createAccumulator: options.confidence must be between 0 and 1 (exclusive): 1)",
    );
    expect(() => merge(createAccumulator({ now: NOW }), createAccumulator({ now: NOW, minSample: 5 }))).toThrow(
      "(merge needs two accumulators created with the same options)",
    );
    expect(() => merge(createAccumulator({ now: NOW }), {} as never)).toThrow(
      "(merge: not an accumulator made by createAccumulator (or merge, or restoreAccumulator): an object)",
    );
    const snapshot = snapshotAccumulator(createAccumulator({ now: NOW }));
    expect(() => restoreAccumulator(snapshot, { now: NOW, minSample: 5 })).toThrow(
      "(restoreAccumulator: the snapshot was made with other options)",
    );
    expect(() => restoreAccumulator({ signature: "x" } as never, { now: NOW })).toThrow(
      "(restoreAccumulator: not an accumulator snapshot)",
    );
    // Rules that are not rules are misuse, found once, not a data issue on every full record.
    expect(refusal(() => createAccumulator({ now: NOW, lifecycle: { now: NOW } as never }))).toBe(
      "invalid_argument (createAccumulator: options.lifecycle: the rules argument is LENIENT_LIFECYCLE, " +
        "or what defineLifecycle returns: an object)",
    );
    expect(refusal(() => scoreboard([], { now: NOW, lifecycle: { gate: "either" } as never }))).toMatch(
      /^invalid_argument \(scoreboard: options.lifecycle/u,
    );
  });

  it("refuses a copy of an accumulator, or one whose parts were changed by hand", () => {
    const acc = accumulate(createAccumulator({ now: NOW }), row({ id: "a" }));
    const made = (fn: string): string =>
      `(${fn}: not an accumulator made by createAccumulator (or merge, or restoreAccumulator): `;
    expect(() => finish({ ...acc })).toThrow(`${made("finish")}an object)`);
    expect(() => accumulate(JSON.parse(JSON.stringify(acc)) as typeof acc, row())).toThrow(
      `${made("accumulate")}an object)`,
    );
    expect(() => finish(null as never)).toThrow(`${made("finish")}null)`);
    // The settings, groups and issues cannot be replaced, nor the settings changed in place.
    const parts = acc as unknown as Record<string, unknown>;
    expect(() => (parts["settings"] = { policies: { length: 1e9 } })).toThrow(TypeError);
    expect(() => (parts["groups"] = null)).toThrow(TypeError);
    expect(() => ((parts["settings"] as Record<string, unknown>)["policies"] = { length: 1e9 })).toThrow(TypeError);
    // The counts stay writable (accumulate moves them); one set to anything but a count is refused.
    parts["seen"] = "1";
    expect(() => finish(acc)).toThrow("(finish: the accumulator's counts were changed by hand)");
    parts["seen"] = 1;
    parts["excluded"] = null;
    expect(() => accumulate(acc, row())).toThrow("(accumulate: the accumulator's counts were changed by hand)");
    parts["excluded"] = 0;
    expect(finish(acc).overall.handoffs).toBe(1);
  });

  it("refuses a snapshot whose tallies are not what snapshotAccumulator wrote", () => {
    const snapshot = snapshotAccumulator(accumulate(createAccumulator({ now: NOW }), row({ id: "a" })));
    // The data is private: read here only to break it the way storage might.
    const data = snapshot.data as { groups: Map<string, { keys: unknown; tally: unknown }> };
    const [[key, group]] = [...data.groups] as [[string, { keys: unknown; tally: unknown }]];
    const corrupted = { ...snapshot, data: { ...data, groups: new Map([[key, { ...group, tally: null }]]) } };
    const at = `restoreAccumulator: the snapshot's groups.get(${JSON.stringify(key)})`;
    expect(refusal(() => restoreAccumulator(corrupted, { now: NOW }))).toBe(`invalid_argument (${at}.tally is null)`);
    const withTally = (changes: Record<string, unknown>): typeof snapshot => ({
      ...snapshot,
      data: { ...data, groups: new Map([[key, { ...group, tally: { ...(group.tally as object), ...changes } }]]) },
    });
    const withGroup = (changes: Record<string, unknown>): typeof snapshot => ({
      ...snapshot,
      data: { ...data, groups: new Map([[key, { ...group, ...changes }]]) },
    });
    const wrote = "not what snapshotAccumulator wrote";
    expect(refusal(() => restoreAccumulator(withTally({ handoffs: undefined }), { now: NOW }))).toBe(
      `invalid_argument (${at}.tally.handoffs is undefined, ${wrote})`,
    );
    expect(refusal(() => restoreAccumulator(withTally({ booked: -1 }), { now: NOW }))).toBe(
      `invalid_argument (${at}.tally.booked is -1, ${wrote})`,
    );
    expect(refusal(() => restoreAccumulator(withTally({ meetings: [0, 0, 0, 0] }), { now: NOW }))).toBe(
      `invalid_argument (${at}.tally.meetings is an array, ${wrote})`,
    );
    expect(refusal(() => restoreAccumulator(withTally({ meetings: [0, 0, undefined, 0, 0] }), { now: NOW }))).toBe(
      `invalid_argument (${at}.tally.meetings is an array, ${wrote})`,
    );
    expect(refusal(() => restoreAccumulator(withTally({ reasons: {} }), { now: NOW }))).toBe(
      `invalid_argument (${at}.tally.reasons is an object, ${wrote})`,
    );
    expect(
      refusal(() =>
        restoreAccumulator(withTally({ followUpCalendar: { values: new Float64Array(4), length: 1e9 } }), { now: NOW }),
      ),
    ).toBe(`invalid_argument (${at}.tally.followUpCalendar is an object, ${wrote})`);
    expect(
      refusal(() => restoreAccumulator(withTally({ followUpCalendar: { values: [], length: 0 } }), { now: NOW })),
    ).toBe(`invalid_argument (${at}.tally.followUpCalendar is an object, ${wrote})`);
    expect(
      refusal(() =>
        restoreAccumulator(withTally({ followUpCalendar: { values: new Float64Array(4), length: 4 } }), { now: NOW }),
      ),
    ).toBe("no error");
    expect(refusal(() => restoreAccumulator(withGroup({ keys: null }), { now: NOW }))).toBe(
      `invalid_argument (${at}.keys is null, not a list of names)`,
    );
    expect(refusal(() => restoreAccumulator(withGroup({ keys: [1] }), { now: NOW }))).toBe(
      `invalid_argument (${at}.keys is an array, not a list of names)`,
    );
    expect(
      refusal(() =>
        restoreAccumulator({ ...snapshot, data: { ...data, groups: new Map([[key, null]]) } }, { now: NOW }),
      ),
    ).toBe(`invalid_argument (${at} is null)`);
    expect(restoreAccumulator(snapshot, { now: NOW }).seen).toBe(1);
    // A list one longer than the tally's, and a length below zero: each is refused on its own.
    expect(refusal(() => restoreAccumulator(withTally({ meetings: [0, 0, 0, 0, 0, 0] }), { now: NOW }))).toBe(
      `invalid_argument (${at}.tally.meetings is an array, ${wrote})`,
    );
    expect(
      refusal(() =>
        restoreAccumulator(withTally({ followUpCalendar: { values: new Float64Array(4), length: -1 } }), { now: NOW }),
      ),
    ).toBe(`invalid_argument (${at}.tally.followUpCalendar is an object, ${wrote})`);
    expect(refusal(() => restoreAccumulator(withTally({ followUpCalendar: null }), { now: NOW }))).toBe(
      `invalid_argument (${at}.tally.followUpCalendar is null, ${wrote})`,
    );
  });

  it("checks each SLA policy's counts in a snapshot made with policies", () => {
    const options = { now: NOW, policies: [AE_ACCEPTS_WITHIN_ONE_BUSINESS_DAY, AE_FOLLOWS_UP_WITHIN_48_HOURS] };
    const snapshot = snapshotAccumulator(accumulate(createAccumulator(options), row({ id: "a" })));
    // A good snapshot with SLA counts comes back whole.
    expect(restoreAccumulator(snapshot, options).seen).toBe(1);
    const data = snapshot.data as { groups: Map<string, { keys: unknown; tally: { sla: unknown[] } }> };
    const [[key, group]] = [...data.groups] as [[string, { keys: unknown; tally: { sla: Record<string, unknown>[] } }]];
    const withSla = (sla: unknown): typeof snapshot => ({
      ...snapshot,
      data: { ...data, groups: new Map([[key, { ...group, tally: { ...group.tally, sla } }]]) },
    });
    const at = `restoreAccumulator: the snapshot's groups.get(${JSON.stringify(key)}).tally.sla is`;
    const counts = group.tally.sla[0] ?? {};
    expect(refusal(() => restoreAccumulator(withSla([counts, null]), options))).toBe(
      `invalid_argument (${at} an array, not what snapshotAccumulator wrote)`,
    );
    expect(refusal(() => restoreAccumulator(withSla([counts, { ...counts, breached: -2 }]), options))).toBe(
      `invalid_argument (${at} an array, not what snapshotAccumulator wrote)`,
    );
    expect(refusal(() => restoreAccumulator(withSla([counts]), options))).toBe(
      `invalid_argument (${at} an array, not what snapshotAccumulator wrote)`,
    );
    expect(refusal(() => restoreAccumulator(withSla([counts, { ...counts }]), options))).toBe("no error");
  });
});
