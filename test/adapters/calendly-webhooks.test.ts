// fromCalendlyWebhooks: deliveries as Calendly's v2 webhooks send them (an envelope with `event`,
// `created_at` and the invitee as `payload`, its scheduled event embedded); the expected events are
// read off the deliveries by hand.
import { describe, expect, it } from "vitest";
import { fromCalendlyWebhooks, type CalendlyWebhooksOptions } from "../../src/adapters/index.js";
import { summarize } from "../../src/handoff/index.js";
import { API, canceled, created, noShow, type Booking } from "../fixtures/calendly-deliveries.js";

const options: CalendlyWebhooksOptions = {
  reps: {
    [`${API}/users/OMAR`]: { id: "ae-omar", name: "Omar Haddad" },
    [`${API}/users/ANA`]: { id: "sdr-ana", name: "Ana Souza" },
  },
  defaults: { source: "inbound", segment: "smb" },
};

const first: Booking = {
  id: "A",
  createdAt: "2026-11-02T15:05:00.123456Z",
  start: "2026-11-05T20:00:00.000000Z",
  end: "2026-11-05T20:30:00.000000Z",
  scheduledBy: `${API}/users/ANA`,
};

describe("fromCalendlyWebhooks", () => {
  it("books a meeting, marks a no-show, and takes the no-show back as held", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [created(first), noShow("A", "2026-11-05T20:40:00Z"), noShow("A", "2026-11-05T21:00:00Z", true)],
      options,
    );
    expect(issues).toEqual([]);
    const [handoff] = handoffs;
    expect(handoff).toMatchObject({
      id: "A",
      source: "inbound",
      segment: "smb",
      sdr: { id: "sdr-ana", name: "Ana Souza" },
      ae: { id: "ae-omar", name: "Omar Haddad" },
      prospect: { name: "Dana Ruiz", email: "dana@acme-logistics.example" },
      account: { name: "acme-logistics.example", domain: "acme-logistics.example" },
    });
    // Microseconds are cut to the millisecond a Date holds.
    expect(handoff?.events.map((event) => [event.type, event.at.toISOString(), event.by])).toEqual([
      ["booked", "2026-11-02T15:05:00.123Z", "sdr-ana"],
      ["no_show", "2026-11-05T20:40:00.000Z", "ae-omar"],
      ["meeting_held", "2026-11-05T21:00:00.000Z", "ae-omar"],
    ]);
    const summary = summarize(handoff as NonNullable<typeof handoff>);
    expect([summary.meetingStatus, summary.corrections]).toEqual(["held", 1]);
  });

  it("joins a reschedule's two deliveries, in any order, onto the first booking", () => {
    const moved: Booking = {
      id: "B",
      old: "A",
      createdAt: "2026-11-04T09:00:00Z",
      start: "2026-11-06T20:00:00Z",
      end: "2026-11-06T20:30:00Z",
    };
    // The new invitee arrives first, then the old one's cancel (a reschedule), then the first booking.
    const { handoffs, issues } = fromCalendlyWebhooks(
      [created(moved), canceled("A", "2026-11-04T09:00:00Z", true), created(first)],
      options,
    );
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => handoff.id)).toEqual(["A"]);
    expect(
      handoffs[0]?.events.map((event) => [event.type, "meeting" in event ? event.meeting.start.toISOString() : ""]),
    ).toEqual([
      ["booked", "2026-11-05T20:00:00.000Z"],
      ["rescheduled", "2026-11-06T20:00:00.000Z"],
    ]);
    const summary = summarize(handoffs[0] as NonNullable<(typeof handoffs)[0]>);
    expect([summary.meetingStatus, summary.meetingStart?.toISOString()]).toEqual([
      "rescheduled",
      "2026-11-06T20:00:00.000Z",
    ]);
  });

  it("cancels on a real cancellation, by the host or the invitee", () => {
    const second: Booking = { ...first, id: "C" };
    const { handoffs } = fromCalendlyWebhooks(
      [
        created(first),
        canceled("A", "2026-11-03T10:00:00Z", false, "host"),
        created(second),
        canceled("C", "2026-11-03T11:00:00Z", false),
      ],
      options,
    );
    expect(
      handoffs.map((handoff) => [handoff.id, summarize(handoff).meetingStatus, handoff.events.at(-1)?.by]),
    ).toEqual([
      ["A", "cancelled", "ae-omar"],
      ["C", "cancelled", "dana@acme-logistics.example"],
    ]);
  });

  it("counts a delivery sent twice once, and leaves out what is about no booking, saying so", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        created(first),
        noShow("A", "2026-11-05T20:40:00Z"),
        noShow("A", "2026-11-05T20:40:00Z"),
        { event: "routing_form_submission.created", created_at: "2026-11-01T00:00:00Z", payload: {} },
        null,
      ],
      options,
    );
    expect(handoffs.map((handoff) => handoff.events.length)).toEqual([2]);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [3, "2", "duplicate_row"],
      [4, "3.event", "unknown_value"],
      [5, "4", "invalid_type"],
    ]);
  });

  it("finds the SDR by a form answer or the default, the company by a form answer, or says there is none", () => {
    const asked: Booking = {
      ...first,
      id: "Q",
      scheduledBy: undefined as unknown as string,
      answers: [
        { question: "Who booked this call?", answer: "sdr-ben" },
        { question: "Company", answer: "Acme Logistics" },
      ],
    };
    const noSdr: Booking = { ...first, id: "N", scheduledBy: undefined as unknown as string };
    const { handoffs, issues } = fromCalendlyWebhooks([created(asked), created(noSdr)], {
      ...options,
      sdrQuestion: "Who booked this call?",
    });
    expect(handoffs.map((handoff) => [handoff.id, handoff.sdr.id, handoff.account.name])).toEqual([
      ["Q", "sdr-ben", "Acme Logistics"],
    ]);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [2, "1.payload.invitee_scheduled_by", "missing_value"],
    ]);
    const withDefault = fromCalendlyWebhooks([created(noSdr)], {
      ...options,
      defaults: { ...options.defaults, sdr: { id: "sdr-ana", name: "Ana Souza" } },
    });
    expect(withDefault.handoffs.map((handoff) => handoff.sdr.id)).toEqual(["sdr-ana"]);
  });

  it("reports a no-show of an invitee it never saw booked, and an unreadable time", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [noShow("Z", "2026-11-05T20:40:00Z"), created({ ...first, start: "tomorrow" })],
      options,
    );
    expect(handoffs).toEqual([]);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [1, "0.payload.uri", "missing_value"],
      [2, "1.payload.scheduled_event.start_time", "invalid_date"],
    ]);
  });

  it("follows a chain of reschedules to its first booking, and cancels at the end of it", () => {
    const b: Booking = {
      id: "B",
      old: "A",
      createdAt: "2026-11-03T09:00:00Z",
      start: "2026-11-06T20:00:00Z",
      end: "2026-11-06T20:30:00Z",
    };
    const c: Booking = {
      id: "C",
      old: "B",
      createdAt: "2026-11-04T09:00:00Z",
      start: "2026-11-09T20:00:00Z",
      end: "2026-11-09T20:30:00Z",
    };
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        canceled("C", "2026-11-05T09:00:00Z", false),
        created(c),
        canceled("B", "2026-11-04T09:00:00Z", true),
        created(first),
        created(b),
        canceled("A", "2026-11-03T09:00:00Z", true),
      ],
      options,
    );
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => handoff.id)).toEqual(["A"]);
    expect(handoffs[0]?.events.map((event) => [event.type, event.at.toISOString()])).toEqual([
      ["booked", "2026-11-02T15:05:00.123Z"],
      ["rescheduled", "2026-11-03T09:00:00.000Z"],
      ["rescheduled", "2026-11-04T09:00:00.000Z"],
      ["cancelled", "2026-11-05T09:00:00.000Z"],
    ]);
    const summary = summarize(handoffs[0] as NonNullable<(typeof handoffs)[0]>);
    expect([summary.meetingStatus, summary.meetingStart?.toISOString()]).toEqual([
      "cancelled",
      "2026-11-09T20:00:00.000Z",
    ]);
  });

  it("reads a booking delivered again as a retry, names an unknown booker, puts a bad slot at its field", () => {
    const again = created(first) as { created_at: string };
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        created(first),
        { ...again, created_at: "2026-11-02T15:10:00Z" },
        created({ ...first, id: "X", scheduledBy: `${API}/users/NOBODY` }),
        created({ ...first, id: "Y", end: "2026-11-05T19:00:00Z" }),
      ],
      { ...options, defaults: { ...options.defaults, sdr: { id: "sdr-ana", name: "Ana Souza" } } },
    );
    expect(handoffs.map((handoff) => [handoff.id, handoff.events.map((event) => event.type).join(",")])).toEqual([
      ["A", "booked"],
      ["X", "booked"],
    ]);
    expect(issues.map((issue) => [issue.row, issue.path.join("."), issue.code])).toEqual([
      [2, "1", "duplicate_row"],
      [3, "2.payload.invitee_scheduled_by", "unknown_value"],
      [4, "3.payload.scheduled_event.end_time", "end_before_start"],
    ]);
  });

  it("refuses misuse with the function's name", () => {
    expect(() => fromCalendlyWebhooks({} as never)).toThrow(
      "(fromCalendlyWebhooks: deliveries must be an array: an object)",
    );
    expect(() => fromCalendlyWebhooks([], { reps: { x: { id: "" } } as never })).toThrow(
      '(fromCalendlyWebhooks: options.reps["x"] must be { id, name }: an object)',
    );
    expect(() => fromCalendlyWebhooks([], { sdrQuestion: 3 as never })).toThrow(
      "(fromCalendlyWebhooks: options.sdrQuestion must be a question's text: 3)",
    );
    expect(() => fromCalendlyWebhooks([], { reps: 3 as never })).toThrow(
      "(fromCalendlyWebhooks: options.reps must be an object: 3)",
    );
  });
});
