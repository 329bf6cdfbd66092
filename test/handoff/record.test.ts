import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import {
  HANDOFF_EVENT_TYPES,
  handoffSchema,
  parseBrief,
  parseHandoff,
  parseHandoffEvent,
  parseHandoffs,
} from "../../src/handoff/index.js";
import { handoffInput } from "../fixtures/handoff.js";

const issuesOf = (result: ReturnType<typeof parseHandoff>) => (result.ok ? [] : result.issues);

describe("parseHandoff", () => {
  it("parses a complete CRM record into Dates, dropping fields the model does not know", () => {
    const result = parseHandoff(handoffInput());
    expect(issuesOf(result)).toEqual([]);
    if (!result.ok) return;
    const handoff = result.value;
    expect(handoff.events[0]?.at).toEqual(new Date(Date.UTC(2026, 10, 2, 15, 45)));
    expect(handoff.events[2]?.at).toEqual(new Date(1_762_102_800_000));
    expect(handoff.meeting?.start).toEqual(new Date("2026-11-05T15:00:00Z"));
    expect(handoff.qualification?.evidence["budget"]?.recordedAt).toEqual(new Date("2026-11-02T15:30:00Z"));
    expect("crmOwnerId" in handoff).toBe(false);
  });

  it("fills defaults: an empty brief, no events, a meeting without intro or SDR", () => {
    const { brief: _brief, events: _events, meeting: _meeting, ...rest } = handoffInput();
    const result = parseHandoff({
      ...rest,
      meeting: { start: "2026-11-05T15:00:00Z", end: "2026-11-05T15:30:00Z", style: "cold" },
    });
    expect(result.ok && result.value.brief).toEqual({});
    expect(result.ok && result.value.events).toEqual([]);
    expect(result.ok && result.value.meeting?.introSent).toBe(false);
    expect(result.ok && result.value.meeting?.sdrJoined).toBe(false);
  });

  it("never returns the caller's Date objects", () => {
    const at = new Date("2026-11-02T16:00:00Z");
    const input = { ...handoffInput(), events: [{ id: "e1", type: "intro_sent", at, by: "sdr-ana" }] };
    const result = parseHandoff(input);
    expect(result.ok && result.value.events[0]?.at).toEqual(at);
    expect(result.ok && result.value.events[0]?.at).not.toBe(at);
  });

  it("reports every bad field with its path", () => {
    const input = handoffInput();
    const result = parseHandoff({
      ...input,
      source: "cold-call",
      sdr: { ...input.sdr, timeZone: "Mars/Olympus" },
      account: { ...input.account, employees: -3 },
      meeting: { ...input.meeting, end: "2026-11-05T14:00:00Z" },
    });
    const found = issuesOf(result).map((issue) => [issue.path.join("."), issue.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["source", "invalid_value"],
        ["sdr.timeZone", "invalid_time_zone"],
        ["account.employees", "too_small"],
        ["meeting.end", "end_before_start"],
      ]),
    );
    expect(found).toHaveLength(4);
  });

  it("refuses date-times without an offset, because reading them would need the host's zone", () => {
    const result = parseHandoff({ ...handoffInput(), createdAt: "2026-11-02T15:40:00" });
    expect(issuesOf(result).map((issue) => issue.path)).toEqual([["createdAt"]]);
    expect(issuesOf(result)[0]?.message).toMatch(/offset/);
  });

  it.each([
    ["not a date", "createdAt", "2026-13-45T00:00:00Z"],
    ["fractional epoch milliseconds", "createdAt", 1.5],
    ["an invalid Date", "createdAt", new Date(Number.NaN)],
    ["epoch beyond the Date range", "createdAt", 9e15],
  ])("refuses %s", (_label, field, value) => {
    expect(issuesOf(parseHandoff({ ...handoffInput(), [field]: value })).map((issue) => issue.path)).toEqual([[field]]);
  });

  it("refuses what is not an object without throwing", () => {
    for (const input of [null, undefined, 42, "h-1", []]) {
      const result = parseHandoff(input);
      expect(result.ok).toBe(false);
      expect(issuesOf(result)[0]?.path).toEqual([]);
    }
  });

  it("drops a __proto__ key in evidence and keeps constructor as a plain key: neither changes the prototype", () => {
    const evidence = JSON.parse(
      '{"__proto__": {"state": "validated", "polluted": true}, "budget": {"state": "noted", "note": "x"}}',
    ) as unknown;
    const input = { ...handoffInput(), qualification: { framework: "bant", evidence } };
    const result = parseHandoff(input);
    expect(issuesOf(result)).toEqual([]);
    const parsed = result.ok ? result.value.qualification?.evidence : undefined;
    expect(Object.keys(parsed ?? {})).toEqual(["budget"]);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect((parsed as Record<string, unknown> | undefined)?.["polluted"]).toBeUndefined();
    const withConstructor = parseHandoff({
      ...handoffInput(),
      qualification: { framework: "bant", evidence: { constructor: { state: "noted", note: "x" } } },
    });
    expect(withConstructor.ok).toBe(true);
    expect(Object.getPrototypeOf(withConstructor.ok && withConstructor.value.qualification?.evidence)).toBe(
      Object.prototype,
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("parseHandoffEvent", () => {
  const base = { id: "e9", at: "2026-11-05T16:00:00Z", by: "ae-omar" };

  it("parses every event type's own fields", () => {
    expect(
      parseHandoffEvent({ ...base, type: "recycled", reason: "timing", nextTouchAt: "2027-02-01T14:00:00Z" }).ok,
    ).toBe(true);
    expect(parseHandoffEvent({ ...base, type: "reassigned", role: "ae", to: "ae-iris" }).ok).toBe(true);
    expect(parseHandoffEvent({ ...base, type: "opportunity_won", amount: 42_000, currency: "EUR" }).ok).toBe(true);
  });

  it("names the bad field of each malformed event", () => {
    const cases: [unknown, string[]][] = [
      [{ ...base, type: "quality_rated", score: 7, note: "great" }, ["score"]],
      [{ ...base, type: "quality_rated", score: 4.5, note: "great" }, ["score"]],
      [{ ...base, type: "quality_rated", score: 4, note: "   " }, ["note"]],
      [{ ...base, type: "rejected", note: "Under our minimum size" }, ["reason"]],
      [{ ...base, type: "recycled", reason: "timing" }, ["nextTouchAt"]],
      [
        { ...base, type: "booked", meeting: { start: "2026-11-05T16:00:00Z", end: "2026-11-05T16:00:00Z" } },
        ["meeting", "end"],
      ],
      [{ ...base, type: "opportunity_won", currency: "usd" }, ["currency"]],
      [{ ...base, type: "teleported" }, ["type"]],
      [{ type: "no_show" }, ["id"]],
    ];
    for (const [input, path] of cases) {
      const result = parseHandoffEvent(input);
      expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toContainEqual(path);
    }
  });

  it("knows every listed event type", () => {
    const payloads: Record<(typeof HANDOFF_EVENT_TYPES)[number], object> = {
      booked: { meeting: { start: "2026-11-05T15:00:00Z", end: "2026-11-05T15:30:00Z" } },
      intro_sent: {},
      acknowledged: {},
      accepted: {},
      rejected: { reason: "no_budget", note: "No budget until April" },
      meeting_held: {},
      no_show: {},
      rescheduled: { meeting: { start: "2026-11-06T15:00:00Z", end: "2026-11-06T15:30:00Z" } },
      cancelled: {},
      first_follow_up: {},
      quality_rated: { score: 3, note: "Pain real, buyer unknown" },
      recycled: { reason: "timing", nextTouchAt: "2027-01-10T15:00:00Z" },
      reassigned: { role: "sdr", to: "sdr-ben" },
      opportunity_won: {},
      opportunity_lost: {},
    };
    for (const type of HANDOFF_EVENT_TYPES)
      expect(parseHandoffEvent({ ...base, type, ...payloads[type] }).ok).toBe(true);
  });
});

describe("parseBrief", () => {
  it("accepts a partial brief: completeness is the rubric's job", () => {
    expect(parseBrief({ notes: "Interested, wants demo" })).toEqual({
      ok: true,
      value: { notes: "Interested, wants demo" },
    });
  });

  it("trims text and refuses blank entries", () => {
    expect(parseBrief({ notes: "  Budget owner is the CFO  " })).toEqual({
      ok: true,
      value: { notes: "Budget owner is the CFO" },
    });
    const result = parseBrief({ quotes: ["ok", ""] });
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([["quotes", 1]]);
  });
});

describe("parseHandoffs", () => {
  it("returns every valid record and every invalid one by index", () => {
    const good = handoffInput();
    const batch = parseHandoffs([good, { id: "" }, good, "nonsense", { ...good, segment: "" }]);
    expect(batch.valid.map((record) => record.index)).toEqual([0, 2]);
    expect(batch.invalid.map((record) => record.index)).toEqual([1, 3, 4]);
    expect(batch.invalid[2]?.issues.map((issue) => issue.path)).toEqual([["segment"]]);
    expect(batch.valid[0]?.value).toEqual(handoffSchema.parse(good));
  });

  it("throws for misuse: a batch that is not an array", () => {
    expect(() => parseHandoffs({ 0: handoffInput() } as unknown as unknown[])).toThrow(HandoffKitError);
    expect(() => parseHandoffs("[]" as unknown as unknown[])).toThrow("(parseHandoffs: handoffs must be an array: [])");
  });

  it("names the function called when its options are not an object", () => {
    expect(() => parseHandoff(handoffInput(), null as never)).toThrow(
      "(parseHandoff: options must be an object: null)",
    );
    expect(() => parseHandoffs([], 3 as never)).toThrow("(parseHandoffs: options must be an object: 3)");
    expect(() => parseHandoffEvent({}, "strict" as never)).toThrow(
      "(parseHandoffEvent: options must be an object: strict)",
    );
    expect(() => parseBrief({}, [] as never)).toThrow("(parseBrief: options must be an object: ");
  });
});
