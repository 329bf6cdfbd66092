// slaClocks: which clocks are open at `now`, how late, and what could not be read. Every expected
// deadline and lateness is worked out by hand beside the record it comes from.
import { describe, expect, it } from "vitest";
import { HandoffKitError } from "../../src/core/error.js";
import type { HandoffInput } from "../../src/handoff/handoff.js";
import { parseHandoff } from "../../src/handoff/parse.js";
import { slaClocks } from "../../src/metrics/index.js";
import { AE_FOLLOWS_UP_WITHIN_48_HOURS, defineCalendar, defineSlaPolicy, hours } from "../../src/sla/index.js";
import { handoffInput } from "../fixtures/handoff.js";

const HOUR = 3_600_000;
const base = handoffInput();
function handoff(id: string, events: HandoffInput["events"], changes: Partial<HandoffInput> = {}) {
  const result = parseHandoff({ ...base, ...changes, id, events });
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}
const booked = (id: string, at: string) => ({
  id,
  type: "booked" as const,
  at,
  by: "sdr-ana",
  meeting: { start: "2026-11-09T15:00:00Z", end: "2026-11-09T15:30:00Z" },
});

const office: [string, string][] = [["09:00", "17:00"]];
const london = defineCalendar({
  timeZone: "Europe/London",
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
});
const acknowledges = defineSlaPolicy({
  id: "ae-acknowledges-within-4-business-hours",
  label: "AE acknowledges within 4 business hours",
  owner: "ae",
  start: ["booked"],
  stop: ["acknowledged"],
  target: { kind: "business_time", ms: hours(4), calendar: "ae" },
});
// Thursday 5 November 2026, 12:00 UTC (12:00 in London: GMT until March).
const now = new Date("2026-11-05T12:00:00Z");

const handoffs = [
  // Booked Monday 2 November 10:00 London, nothing since: the follow-up was due 48 h later, Wednesday
  // 10:00 (26 h late at now); the acknowledgement 4 business hours later, Monday 14:00 (70 h late).
  handoff("h-a", [booked("a1", "2026-11-02T10:00:00Z")]),
  // Booked Wednesday 12:00 with an AE whose calendar nobody supplied: the follow-up is due Friday
  // 12:00 (24 h left), the acknowledgement cannot be read.
  handoff("h-b", [booked("b1", "2026-11-04T12:00:00Z")], {
    ae: { id: "ae-zed", name: "Zed Adams", calendarId: "cal-zed" },
  }),
  // Booked Monday 10:00 and followed up Thursday 09:00, late: that clock stopped, so it is not open;
  // the acknowledgement still is (due Monday 14:00, 70 h late).
  handoff("h-c", [
    booked("c1", "2026-11-02T10:00:00Z"),
    { id: "c2", type: "first_follow_up", at: "2026-11-05T09:00:00Z", by: "ae-omar" },
  ]),
  // Booked after now: not known yet, so no clock has started.
  handoff("h-d", [booked("d1", "2026-11-05T13:00:00Z")]),
  // Booked Monday 2 November 10:00, its meeting cancelled Wednesday 12:00: after the follow-up's deadline
  // (Wednesday 10:00), so that cycle is breached but closed (a cancel ends the follow-up's clock). The
  // acknowledgement's policy has no cancel event: that clock is still open, 70 h late like h-a's.
  handoff("h-e", [
    booked("e1", "2026-11-02T10:00:00Z"),
    { id: "e2", type: "cancelled", at: "2026-11-04T12:00:00Z", by: "sdr-ana" },
  ]),
];

// A sentence note names nothing checkable: the lenient lifecycle refuses this rejection.
const refusedRejection = (id: string, at: string) => ({
  id,
  type: "rejected" as const,
  at,
  by: "ae-omar",
  reason: "no_budget" as const,
  note: "not a fit",
});

describe("slaClocks", () => {
  it("lists the open clocks, the late ones first, and the policies it could not read", () => {
    const read = slaClocks(handoffs, {
      now,
      policies: [AE_FOLLOWS_UP_WITHIN_48_HOURS, acknowledges],
      calendars: { "cal-omar": london },
    });
    expect(read.now).toEqual(now);
    expect(
      read.clocks.map((clock) => [
        clock.handoffId,
        clock.policyId,
        clock.state,
        clock.deadline.toISOString(),
        clock.lateBy,
      ]),
    ).toEqual([
      ["h-a", acknowledges.id, "breached", "2026-11-02T14:00:00.000Z", 70 * HOUR],
      ["h-c", acknowledges.id, "breached", "2026-11-02T14:00:00.000Z", 70 * HOUR],
      ["h-e", acknowledges.id, "breached", "2026-11-02T14:00:00.000Z", 70 * HOUR],
      ["h-a", AE_FOLLOWS_UP_WITHIN_48_HOURS.id, "breached", "2026-11-04T10:00:00.000Z", 26 * HOUR],
      ["h-b", AE_FOLLOWS_UP_WITHIN_48_HOURS.id, "running", "2026-11-06T12:00:00.000Z", 0],
    ]);
    const running = read.clocks[4];
    expect(running).toMatchObject({
      owner: "ae",
      sdrId: "sdr-ana",
      aeId: "ae-zed",
      label: AE_FOLLOWS_UP_WITHIN_48_HOURS.label,
    });
    expect(running?.startedAt.toISOString()).toBe("2026-11-04T12:00:00.000Z");
    expect(running?.remaining.calendar).toBe(24 * HOUR);
    expect(read.clocks[0]?.remaining).toEqual({ business: 0, calendar: 0 });
    expect(read.notEvaluated).toEqual([{ handoffId: "h-b", policyId: acknowledges.id, calendar: "ae" }]);
    expect(read.leftOut).toEqual([]);
  });

  it("reads the huddle's policies by default, and calls misuse by its name", () => {
    // The default policies: the AE's one-business-day decision (needs the "ae" calendar, not given
    // here) and the 48-hour follow-up: h-a's is the only late one.
    const read = slaClocks(handoffs, { now });
    expect(read.clocks.filter((clock) => clock.state === "breached").map((clock) => clock.handoffId)).toEqual(["h-a"]);
    expect(read.notEvaluated.map((entry) => entry.handoffId)).toEqual(["h-a", "h-b", "h-c", "h-d", "h-e"]);
    expect(() => slaClocks(null as never, { now })).toThrow(HandoffKitError);
    expect(() => slaClocks(handoffs, { now: "soon" as never })).toThrow(/slaClocks: options\.now/);
    expect(() => slaClocks(handoffs, { now, calendars: [] as never })).toThrow(/options\.calendars must be an object/);
    expect(() => slaClocks(handoffs, { now, calendars: 3 as never })).toThrow(/slaClocks: options\.calendars/);
  });

  it("orders the clocks whatever order the handoffs come in, running ones by deadline", () => {
    // h-f booked Tuesday 3 November 12:00: its follow-up is due Thursday 12:00, exactly at now: still
    // running, with nothing left. h-g booked Wednesday 4 November 09:00: due Friday 09:00, before h-b's
    // (Friday 12:00). The running ones come by deadline.
    const more = [
      handoff("h-f", [booked("f1", "2026-11-03T12:00:00Z")]),
      handoff("h-g", [booked("g1", "2026-11-04T09:00:00Z")]),
    ];
    const read = slaClocks([...more, ...handoffs].reverse(), {
      now,
      policies: [AE_FOLLOWS_UP_WITHIN_48_HOURS, acknowledges],
      calendars: { "cal-omar": london },
    });
    expect(
      read.clocks.map((clock) => [
        clock.handoffId,
        clock.policyId === acknowledges.id ? "ack" : "follow-up",
        clock.state,
      ]),
    ).toEqual([
      ["h-a", "ack", "breached"],
      ["h-c", "ack", "breached"],
      ["h-e", "ack", "breached"],
      // The acknowledgements: Tuesday 12:00 + 4 business hours is Tuesday 16:00, Wednesday 09:00 + 4
      // is Wednesday 13:00: late by 44 h and 23 h.
      ["h-f", "ack", "breached"],
      ["h-a", "follow-up", "breached"],
      ["h-g", "ack", "breached"],
      ["h-f", "follow-up", "running"],
      ["h-g", "follow-up", "running"],
      ["h-b", "follow-up", "running"],
    ]);
    expect(read.clocks.map((clock) => clock.lateBy / HOUR)).toEqual([70, 70, 70, 44, 26, 23, 0, 0, 0]);
  });

  it("leaves out a handoff whose lifecycle refused an event by now, and keeps one refused only later", () => {
    // Both booked Monday 10:00 with a rejection whose note names nothing checkable: h-r's on Tuesday,
    // before now (left out); h-s's on Friday, after now (not known yet: its follow-up is 26 h late).
    const refused = handoff("h-r", [
      booked("r1", "2026-11-02T10:00:00Z"),
      refusedRejection("r2", "2026-11-03T10:00:00Z"),
    ]);
    const later = handoff("h-s", [
      booked("s1", "2026-11-02T10:00:00Z"),
      refusedRejection("s2", "2026-11-06T10:00:00Z"),
    ]);
    const read = slaClocks([refused, later], { now, policies: [AE_FOLLOWS_UP_WITHIN_48_HOURS] });
    expect(read.leftOut).toEqual(["h-r"]);
    expect(read.clocks.map((clock) => [clock.handoffId, clock.lateBy / HOUR])).toEqual([["h-s", 26]]);
  });

  it("names an owner-less policy's clocks unassigned", () => {
    const ownerless = defineSlaPolicy({
      id: "anyone-follows-up",
      label: "Someone follows up within 48 hours",
      start: ["booked"],
      stop: ["first_follow_up"],
      target: { kind: "calendar_time", ms: hours(48) },
    });
    expect(slaClocks([handoffs[0]!], { now, policies: [ownerless] }).clocks.map((clock) => clock.owner)).toEqual([
      "unassigned",
    ]);
  });

  it("names itself and what is wrong in every refusal", () => {
    const message = (run: () => unknown): string => {
      try {
        run();
      } catch (error) {
        return error instanceof HandoffKitError ? error.message : String(error);
      }
      return "no error";
    };
    expect(message(() => slaClocks(handoffs, null as never))).toContain("(slaClocks: options must be an object: null)");
    expect(message(() => slaClocks({} as never, { now }))).toContain(
      "(slaClocks expects an array of parsed handoffs (parseHandoffs))",
    );
    expect(message(() => slaClocks([handoffs[0]!, { id: "raw" } as never], { now }))).toContain(
      "(slaClocks (record 1) expects a parsed handoff (parseHandoff):",
    );
    expect(message(() => slaClocks(handoffs, { now, lifecycle: {} as never }))).toContain(
      "slaClocks: options.lifecycle",
    );
    expect(message(() => slaClocks(handoffs, { now, policies: [{}] as never }))).toContain(
      "slaClocks: options.policies",
    );
  });
});
