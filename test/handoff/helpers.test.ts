import { describe, expect, it } from "vitest";
import { eventsAsOf } from "../../src/handoff/as-of.js";
import { icpSubjectOf } from "../../src/handoff/icp-subject.js";
import { requireHandoff } from "../../src/handoff/require-handoff.js";
import { unparsedField } from "../../src/handoff/unparsed.js";
import {
  DEFAULT_BRIEF_REQUIREMENTS,
  defineLifecycle,
  handoffSchema,
  LENIENT_LIFECYCLE,
  missingRequirements,
  openGate,
  requiredBriefGate,
  type Handoff,
  type HandoffEvent,
} from "../../src/handoff/index.js";
import { handoffInput } from "../fixtures/handoff.js";

const good: Handoff = handoffSchema.parse({ ...handoffInput(), events: [] });
const event = (id: string, iso: string): HandoffEvent => ({ id, type: "intro_sent", at: new Date(iso), by: "sdr-ana" });

describe("eventsAsOf", () => {
  it(
    "drops events after now and repeated ids (the earliest stands), sorts by time, " +
      "and returns the list itself when it changes nothing",
    () => {
      const events = [
        event("b", "2026-11-02T11:00:00Z"),
        event("a", "2026-11-02T12:00:00Z"),
        event("a", "2026-11-02T10:00:00Z"),
        event("c", "2026-11-02T13:00:00.001Z"),
      ];
      const now = Date.parse("2026-11-02T13:00:00Z");
      expect(eventsAsOf(events, now, LENIENT_LIFECYCLE).map((e) => [e.id, e.at.toISOString()])).toEqual([
        ["a", "2026-11-02T10:00:00.000Z"],
        ["b", "2026-11-02T11:00:00.000Z"],
      ]);
      // Strict rules keep the recorded order: the first delivery of an id stands.
      expect(
        eventsAsOf(events, now, defineLifecycle({ gate: "either", order: "strict" })).map((e) => [
          e.id,
          e.at.toISOString(),
        ]),
      ).toEqual([
        ["b", "2026-11-02T11:00:00.000Z"],
        ["a", "2026-11-02T12:00:00.000Z"],
      ]);
      const kept = [events[2]!, events[0]!];
      expect(eventsAsOf(kept, now, LENIENT_LIFECYCLE)).toBe(kept);
      // An event at now is known at now.
      expect(eventsAsOf([event("x", "2026-11-02T13:00:00Z")], now, LENIENT_LIFECYCLE)).toHaveLength(1);
    },
  );
});

describe("icpSubjectOf", () => {
  it("reads the account's size, industry and region and the tools in use, leaving out what is not recorded", () => {
    expect(icpSubjectOf(good)).toEqual({
      employees: 420,
      industry: "logistics",
      region: "NA",
      technologies: ["Salesforce"],
    });
    expect(icpSubjectOf({ ...good, account: { name: "Beta" }, brief: {} })).toEqual({});
    expect(
      icpSubjectOf({
        ...good,
        account: { name: "Beta", region: "EMEA" },
        brief: { techStack: { evaluating: ["Clari"] } },
      }),
    ).toEqual({ region: "EMEA" });
    expect(() => icpSubjectOf(null as unknown as Handoff)).toThrow(
      "(icpSubjectOf expects a parsed handoff (parseHandoff): the handoff is null)",
    );
  });
});

describe("requireHandoff", () => {
  const problem = (value: unknown): string => {
    try {
      requireHandoff(value, "f");
    } catch (error) {
      return (error as Error).message
        .replace(/^.*\(f expects a parsed handoff \(parseHandoff\): /u, "")
        .replace(/\)$/u, "");
    }
    return "";
  };
  it("names the first part that is not what a parsed handoff holds", () => {
    expect(problem(good)).toBe("");
    expect(problem("h-1")).toBe("the handoff is h-1");
    expect(problem({ ...good, id: 0 })).toBe("id is 0");
    for (const part of ["sdr", "ae", "prospect", "account", "brief"])
      expect(problem({ ...good, [part]: undefined })).toBe(`${part} is undefined`);
    expect(problem({ ...good, events: {} })).toBe("events is an object");
    expect(problem({ ...good, events: [event("a", "2026-11-02T10:00:00Z"), "booked"] })).toBe("events[1] is booked");
    expect(problem({ ...good, events: [{ ...event("a", "2026-11-02T10:00:00Z"), at: "2026-11-02T10:00:00Z" }] })).toBe(
      "it has events[0].at as a string",
    );
    expect(problem({ ...good, events: [{ ...event("a", "2026-11-02T10:00:00Z"), at: 1_762_077_600_000 }] })).toBe(
      "it has events[0].at as a number",
    );
    expect(problem({ ...good, createdAt: "2026-11-02T15:40:00Z" })).toBe("it has createdAt as a string");
  });

  it("reads the names shown, the meeting's instants and each event's type, instant and slot", () => {
    const slot = { start: new Date("2026-11-05T15:00:00Z"), end: new Date("2026-11-05T15:30:00Z") };
    const booked = { ...event("b", "2026-11-02T10:00:00Z"), type: "booked", meeting: slot };
    expect(problem({ ...good, sdr: { ...good.sdr, id: 7 } })).toBe("sdr.id is 7");
    expect(problem({ ...good, sdr: { ...good.sdr, name: null } })).toBe("sdr.name is null");
    expect(problem({ ...good, ae: { ...good.ae, id: undefined } })).toBe("ae.id is undefined");
    expect(problem({ ...good, ae: { ...good.ae, name: ["Omar"] } })).toBe("ae.name is an array");
    expect(problem({ ...good, prospect: {} })).toBe("prospect.name is undefined");
    expect(problem({ ...good, account: { name: 1 } })).toBe("account.name is 1");
    expect(problem({ ...good, meeting: { ...good.meeting, ...slot } })).toBe("");
    expect(problem({ ...good, meeting: "tomorrow" })).toBe("meeting is tomorrow");
    expect(problem({ ...good, meeting: { ...slot, start: new Date(Number.NaN) } })).toBe(
      "meeting.start is Invalid Date, not a valid Date",
    );
    expect(problem({ ...good, meeting: { ...slot, end: undefined } })).toBe(
      "meeting.end is undefined, not a valid Date",
    );
    expect(problem({ ...good, events: [booked] })).toBe("");
    expect(problem({ ...good, events: [{}] })).toBe("events[0].type is undefined, not a handoff event type");
    expect(problem({ ...good, events: [{ ...booked, type: "toString" }] })).toBe(
      "events[0].type is toString, not a handoff event type",
    );
    expect(problem({ ...good, events: [booked, { ...booked, at: true }] })).toBe(
      "events[1].at is true, not a valid Date",
    );
    expect(problem({ ...good, events: [{ ...booked, at: new Date(Number.NaN) }] })).toBe(
      "events[0].at is Invalid Date, not a valid Date",
    );
    expect(problem({ ...good, events: [{ ...booked, meeting: undefined }] })).toBe("events[0].meeting is undefined");
    expect(problem({ ...good, events: [{ ...booked, type: "rescheduled", meeting: { ...slot, end: 0 } }] })).toBe(
      "events[0].meeting.end is 0, not a valid Date",
    );
    const rejected = { ...event("r", "2026-11-02T10:00:00Z"), type: "rejected", reason: "bad_timing", note: "n" };
    expect(problem({ ...good, events: [rejected] })).toBe("");
    expect(problem({ ...good, events: [{ ...rejected, reason: Object.create(null) as unknown }] })).toBe(
      "events[0].reason is an object, not a reason code",
    );
    const recycled = {
      ...event("c", "2026-11-02T10:00:00Z"),
      type: "recycled",
      reason: "bad_timing",
      nextTouchAt: new Date("2027-01-04T15:00:00Z"),
    };
    expect(problem({ ...good, events: [recycled] })).toBe("");
    expect(problem({ ...good, events: [{ ...recycled, reason: undefined }] })).toBe(
      "events[0].reason is undefined, not a reason code",
    );
    expect(problem({ ...good, events: [{ ...recycled, nextTouchAt: null }] })).toBe(
      "events[0].nextTouchAt is null, not a valid Date",
    );
    expect(
      problem({ ...good, events: [{ ...event("x", "2026-11-02T10:00:00Z"), type: "reassigned", role: "ae", to: 7 }] }),
    ).toBe("events[0].to is 7, not a rep id");
    expect(problem({ ...good, qualification: null })).toBe("qualification is null, not { framework, evidence }");
    expect(problem({ ...good, qualification: { framework: "bant" } })).toBe(
      "qualification is an object, not { framework, evidence }",
    );
    expect(problem({ ...good, qualification: { framework: "bant", evidence: {} } })).toBe("");
    expect(problem({ ...good, brief: { engagement: {} } })).toBe("brief.engagement is an object");
    expect(
      problem({
        ...good,
        brief: {
          engagement: [
            { channel: "email", at: new Date("2026-10-28T14:02:00Z") },
            { channel: "email", at: "2026-10-28" },
          ],
        },
      }),
    ).toBe("brief.engagement[1] is an object, not a touch with a valid Date");
    expect(problem({ ...good, brief: { engagement: [{ channel: "email", at: null }] } })).toBe(
      "brief.engagement[0] is an object, not a touch with a valid Date",
    );
    // Only a booking and a reschedule carry a slot: another event's meeting field is not read.
    expect(problem({ ...good, events: [{ ...event("a", "2026-11-02T10:00:00Z"), meeting: "x" }] })).toBe("");
  });
  it("unparsedField reads only records", () => {
    expect(unparsedField("x")).toBeUndefined();
    expect(unparsedField({ events: "x", createdAt: 3 })).toBeUndefined();
    expect(unparsedField({ events: [null, { at: "2026" }] })).toBe("events[1].at as a string");
  });
});

describe("the lifecycle's ready-made gates", () => {
  it("requiredBriefGate names each missing field; openGate lets everything through", () => {
    expect(requiredBriefGate(good)).toEqual({ ok: true });
    expect(
      requiredBriefGate({
        ...good,
        brief: {
          notes: "Board pack takes 3 days",
          trigger: { kind: "funding", timing: "Q1" },
          budget: { allocated: "yes" },
        },
      }),
    ).toEqual({
      ok: false,
      findings: [
        { kind: "brief", field: "discovery.prospectRole", message: "the prospect's role is missing" },
        { kind: "brief", field: "discovery.prompt", message: "what prompted the conversation is missing" },
        { kind: "brief", field: "discovery.problem", message: "the problem in the prospect's words is missing" },
        { kind: "brief", field: "icpFit.signal", message: "the signal that this is a real opportunity is missing" },
        { kind: "brief", field: "techStack.inUse", message: "the tools in use is missing" },
      ],
    });
    expect(() => requiredBriefGate({} as Handoff)).toThrow(/requiredBriefGate expects a parsed handoff/);
    expect(openGate({} as Handoff)).toEqual({ ok: true });
  });
  it("missingRequirements names misuse", () => {
    expect(() => missingRequirements(null as never, DEFAULT_BRIEF_REQUIREMENTS)).toThrow(
      "(missingRequirements: brief must be an object: null)",
    );
    expect(() => missingRequirements({}, null as never)).toThrow(
      "(missingRequirements: requirements must be an array: null)",
    );
    expect(() => missingRequirements({}, [{ field: "x", label: "x" }] as never)).toThrow(
      "(missingRequirements: requirements[0] must be { field, label, present } " +
        "like DEFAULT_BRIEF_REQUIREMENTS' entries: an object)",
    );
  });
});
