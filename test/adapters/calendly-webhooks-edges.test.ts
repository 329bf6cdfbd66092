// fromCalendlyWebhooks at its edges: the options it refuses, the retries it counts once, the links
// between invitees it follows or not, and where it reports a delivery it cannot read. Deliveries are
// built as in calendly-webhooks.test.ts; every expected value is read off the deliveries by hand.
import { describe, expect, it } from "vitest";
import { fromCalendlyWebhooks, type CalendlyWebhooksOptions } from "../../src/adapters/index.js";
import { API, canceled, created, invitee, noShow, type Body, type Booking } from "../fixtures/calendly-deliveries.js";

/** A delivery with some of its payload's fields replaced. */
const withPayload = (body: Body, fields: Record<string, unknown>): Body => ({
  ...body,
  payload: { ...body.payload, ...fields },
});

/** A created delivery whose scheduled event has other memberships. */
const hostedBy = (body: Body, host: unknown): Body =>
  withPayload(body, {
    scheduled_event: { ...(body.payload["scheduled_event"] as object), event_memberships: [host] },
  });

const options: CalendlyWebhooksOptions = {
  reps: {
    [`${API}/users/OMAR`]: { id: "ae-omar", name: "Omar Haddad" },
    [`${API}/users/ANA`]: { id: "sdr-ana", name: "Ana Souza" },
  },
  defaults: { source: "inbound", segment: "smb" },
};
const ANA = { id: "sdr-ana", name: "Ana Souza" };
const withDefaultSdr: CalendlyWebhooksOptions = { ...options, defaults: { ...options.defaults, sdr: ANA } };

const first: Booking = {
  id: "A",
  createdAt: "2026-11-02T15:05:00Z",
  start: "2026-11-05T20:00:00Z",
  end: "2026-11-05T20:30:00Z",
  scheduledBy: `${API}/users/ANA`,
};

type Issues = ReturnType<typeof fromCalendlyWebhooks>["issues"];
const brief = (issues: Issues): (string | number)[][] =>
  issues.map((issue) => [issue.row, issue.path.join("."), issue.code, issue.message]);
const where = (issues: Issues): (string | number)[][] =>
  issues.map((issue) => [issue.row, issue.path.join("."), issue.code]);

describe("fromCalendlyWebhooks options", () => {
  it("names itself when the options are not an object", () => {
    expect(() => fromCalendlyWebhooks([], 3 as never)).toThrow("fromCalendlyWebhooks: options must be an object: 3");
  });

  it("refuses a rep without a text id or a name, each on its own", () => {
    // Each rep has exactly one thing wrong, so each part of the check must refuse it by itself.
    const refused = [
      { id: 3, name: "Omar Haddad" },
      { id: "", name: "Omar Haddad" },
      { id: "ae-omar", name: 3 },
      { id: "ae-omar", name: "   " },
    ];
    for (const rep of refused)
      expect(() => fromCalendlyWebhooks([], { reps: { x: rep } as never })).toThrow(
        'fromCalendlyWebhooks: options.reps["x"] must be { id, name }: an object',
      );
    expect(() => fromCalendlyWebhooks([], { reps: { x: { id: "ae-omar", name: "Omar Haddad" } } })).not.toThrow();
  });
});

describe("fromCalendlyWebhooks retries", () => {
  it("keeps a no-show marked again at another time, and counts a second cancel once whatever its time", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        created(first),
        noShow("A", "2026-11-05T20:40:00Z"),
        noShow("A", "2026-11-05T21:00:00Z", true),
        // Marked a no-show again later: a new mark, not a retry of the first.
        noShow("A", "2026-11-05T21:20:00Z"),
        canceled("A", "2026-11-06T09:00:00Z", false),
        // Calendly's retry of the cancel (delivery 5), sent later: an invitee is canceled once.
        canceled("A", "2026-11-06T09:05:00Z", false),
      ],
      options,
    );
    expect(handoffs[0]?.events.map((event) => [event.type, event.at.toISOString()])).toEqual([
      ["booked", "2026-11-02T15:05:00.000Z"],
      ["no_show", "2026-11-05T20:40:00.000Z"],
      ["meeting_held", "2026-11-05T21:00:00.000Z"],
      ["no_show", "2026-11-05T21:20:00.000Z"],
      ["cancelled", "2026-11-06T09:00:00.000Z"],
    ]);
    // Delivery 6 repeats delivery 5.
    expect(brief(issues)).toEqual([[6, "5", "duplicate_row", "The same delivery as row 5: counted once"]]);
    // Counted in its place: delivery 5, index 4.
    expect(issues[0]?.kept).toBe(4);
  });
});

describe("fromCalendlyWebhooks links between invitees", () => {
  it("reads an empty old_invitee as no link", () => {
    const { handoffs, issues } = fromCalendlyWebhooks([withPayload(created(first), { old_invitee: "" })], options);
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => [handoff.id, handoff.events.length])).toEqual([["A", 1]]);
  });

  it("links through an invitee.created only: a cancel naming an old invitee joins nothing", () => {
    // B's invitee.created never came; its cancel's payload names A as the old invitee, but only a
    // created delivery makes the link, so the cancel is of a booking never seen and A stays booked.
    const { handoffs, issues } = fromCalendlyWebhooks(
      [created(first), withPayload(canceled("B", "2026-11-04T09:00:00Z", false), { old_invitee: invitee("A") })],
      options,
    );
    expect(handoffs.map((handoff) => [handoff.id, handoff.events.map((event) => event.type).join(",")])).toEqual([
      ["A", "booked"],
    ]);
    expect(brief(issues)).toEqual([
      [2, "1.payload.uri", "missing_value", "No invitee.created for this invitee: the booking is unknown"],
    ]);
  });

  it("makes no booking of a cycle of links, which has no first invitee, and reports each delivery", () => {
    // A points back to B and B to A: following A's link leads to B, whose own invitee.created is not
    // in A's chain, and the other way round, so each chain lacks its first booking.
    const { handoffs, issues } = fromCalendlyWebhooks(
      [created({ ...first, old: "B" }), created({ ...first, id: "B", old: "A" })],
      options,
    );
    expect(handoffs).toEqual([]);
    expect(where(issues)).toEqual([
      [1, "0.payload.uri", "missing_value"],
      [2, "1.payload.uri", "missing_value"],
    ]);
  });

  it("keeps the booking when a reschedule's new slot is unreadable, reporting that delivery", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [created(first), created({ ...first, id: "B", old: "A", start: "tomorrow" })],
      options,
    );
    expect(handoffs.map((handoff) => [handoff.id, handoff.events.map((event) => event.type).join(",")])).toEqual([
      ["A", "booked"],
    ]);
    expect(where(issues)).toEqual([[2, "1.payload.scheduled_event.start_time", "invalid_date"]]);
  });
});

describe("fromCalendlyWebhooks unreadable deliveries", () => {
  it("says why each envelope is unreadable, at its field", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        null,
        { event: 3, created_at: "2026-11-02T15:05:00Z", payload: {} },
        { event: "invitee.created", created_at: "2026-11-02T15:05:00Z", payload: 3 },
        { event: "routing_form_submission.created", created_at: "2026-11-01T00:00:00Z", payload: {} },
        withPayload(created(first), { uri: "" }),
      ],
      options,
    );
    expect(handoffs).toEqual([]);
    const shape = "Expected a Calendly webhook body: { event, created_at, payload }";
    expect(brief(issues)).toEqual([
      [1, "0", "invalid_type", "Expected a webhook body: null"],
      [2, "1.event", "invalid_type", shape],
      // The event is there: what is wrong is the payload.
      [3, "2.payload", "invalid_type", shape],
      [4, "3.event", "unknown_value", '"routing_form_submission.created" is about no booking: left out'],
      [5, "4.payload.uri", "missing_value", "The invitee's URI is missing"],
    ]);
  });

  it("tells each delivery of an unreadable booking so, besides the one at fault", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        created({ ...first, start: "tomorrow" }),
        noShow("A", "2026-11-05T20:40:00Z"),
        canceled("A", "2026-11-03T10:00:00Z", false),
      ],
      options,
    );
    expect(handoffs).toEqual([]);
    const part = "Part of a booking that could not be read (see its other deliveries)";
    expect(where(issues)[0]).toEqual([1, "0.payload.scheduled_event.start_time", "invalid_date"]);
    expect(brief(issues).slice(1)).toEqual([
      [2, "1", "invalid_record", part],
      [3, "2", "invalid_record", part],
    ]);
  });

  it("reports an empty slot time as missing", () => {
    const { issues } = fromCalendlyWebhooks([created({ ...first, start: "" })], options);
    expect(brief(issues)).toEqual([
      [1, "0.payload.scheduled_event.start_time", "missing_value", "payload.scheduled_event.start_time is missing"],
    ]);
  });

  it("leaves out a cancel or no-show without a readable time, keeping the booking", () => {
    const untimed = (body: Body): Body => {
      const { created_at: _dropped, ...rest } = body;
      return rest;
    };
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        created(first),
        untimed(canceled("A", "2026-11-03T10:00:00Z", false)),
        untimed(noShow("A", "2026-11-05T20:40:00Z")),
        { ...noShow("A", "2026-11-05T21:00:00Z", true), created_at: "yesterday" },
      ],
      options,
    );
    expect(handoffs.map((handoff) => handoff.events.map((event) => event.type).join(","))).toEqual(["booked"]);
    // The unreadable time is reported where it is, and the event it would have timed as missing.
    expect(where(issues)).toEqual([
      [2, "1.created_at", "missing_value"],
      [3, "2.created_at", "missing_value"],
      [4, "3.created_at", "invalid_date"],
      [4, "3.created_at", "missing_value"],
    ]);
    expect(issues.filter((issue) => issue.code === "missing_value").map((issue) => issue.message)).toEqual([
      "created_at is missing",
      "created_at is missing",
      "created_at is missing",
    ]);
  });

  it("reports two bookings with the same invitee id once, keeping the later delivery", () => {
    // Two invitees of different events whose URIs end in the same id make two handoffs with id "A":
    // with no version to compare, the later delivery (2) is kept and the earlier one reported.
    const other = withPayload(created(first), { uri: `${API}/scheduled_events/EV-OTHER/invitees/A` });
    const { handoffs, issues } = fromCalendlyWebhooks([created(first), other], options);
    expect(handoffs.map((handoff) => handoff.id)).toEqual(["A"]);
    expect(brief(issues)).toEqual([
      [1, "0.payload.uri", "duplicate_row", "Booking A again: row 2 is kept, the later version"],
    ]);
    expect(issues[0]?.kept).toBe(1);
  });
});

describe("fromCalendlyWebhooks people and company", () => {
  it("names the prospect by the e-mail when the name is not text, or blank", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [withPayload(created(first), { name: null }), withPayload(created({ ...first, id: "B" }), { name: "   " })],
      options,
    );
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => handoff.prospect.name)).toEqual([
      "dana@acme-logistics.example",
      "dana@acme-logistics.example",
    ]);
  });

  it("reports an invitee with neither a name nor an e-mail, and nothing else", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [withPayload(created(first), { name: null, email: null })],
      options,
    );
    expect(handoffs).toEqual([]);
    expect(brief(issues)).toEqual([[1, "0.payload.name", "missing_value", "The invitee has no name or e-mail"]]);
  });

  it("reports an e-mail without a domain and no company answer as no company", () => {
    const { handoffs, issues } = fromCalendlyWebhooks(
      [withPayload(created(first), { email: "dana-at-acme-logistics" })],
      options,
    );
    expect(handoffs).toEqual([]);
    expect(brief(issues)).toEqual([
      [
        1,
        "0.payload.email",
        "missing_value",
        "No company: no answer to the account question, and no e-mail domain to name it by",
      ],
    ]);
  });

  it("names a host not in reps by their e-mail, and their name when Calendly gives one as text", () => {
    const kim = { user: `${API}/users/KIM`, user_email: "kim@acme.example", user_name: "Kim Lee" };
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        hostedBy(created(first), kim),
        hostedBy(created({ ...first, id: "B" }), { ...kim, user_name: 3 }),
        hostedBy(created({ ...first, id: "C" }), { user: `${API}/users/KIM`, user_email: "kim@acme.example" }),
      ],
      options,
    );
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => [handoff.id, handoff.ae.id, handoff.ae.name])).toEqual([
      ["A", "kim@acme.example", "Kim Lee"],
      ["B", "kim@acme.example", "kim@acme.example"],
      ["C", "kim@acme.example", "kim@acme.example"],
    ]);
  });

  it("finds a host in reps by e-mail, and reports a host with neither a known user nor an e-mail", () => {
    const byEmail = { ...options, reps: { ...options.reps, "kim@acme.example": { id: "ae-kim", name: "Kim Lee" } } };
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        hostedBy(created(first), { user: `${API}/users/KIM`, user_email: "kim@acme.example" }),
        // An e-mail that is not text is no e-mail.
        hostedBy(created({ ...first, id: "B" }), { user: `${API}/users/KIM`, user_email: null, user_name: "Kim" }),
      ],
      byEmail,
    );
    expect(handoffs.map((handoff) => [handoff.id, handoff.ae.id])).toEqual([["A", "ae-kim"]]);
    expect(brief(issues)).toEqual([
      [2, "1.payload.scheduled_event.event_memberships", "missing_value", "The event has no host"],
    ]);
  });

  it("reads no scheduler from an empty invitee_scheduled_by, even when reps has an empty key", () => {
    const odd = { ...withDefaultSdr, reps: { ...options.reps, "": { id: "sdr-nobody", name: "Nobody" } } };
    const { handoffs, issues } = fromCalendlyWebhooks([created({ ...first, scheduledBy: "" })], odd);
    // Nobody scheduled on the invitee's behalf: the default SDR, and nothing to report.
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => handoff.sdr.id)).toEqual(["sdr-ana"]);
  });

  it("says who scheduled it when they are not in reps, and why there is no SDR", () => {
    const { issues } = fromCalendlyWebhooks(
      [created({ ...first, scheduledBy: `${API}/users/NOBODY` }), created({ ...first, id: "B", scheduledBy: "" })],
      options,
    );
    expect(brief(issues)).toEqual([
      [
        1,
        "0.payload.invitee_scheduled_by",
        "unknown_value",
        `${API}/users/NOBODY scheduled it but is not in reps: the SDR is taken from the form or the default`,
      ],
      [
        1,
        "0.payload.invitee_scheduled_by",
        "missing_value",
        "No SDR: nobody scheduled on the invitee's behalf, and no sdrQuestion answer or default SDR names one",
      ],
      [
        2,
        "1.payload.invitee_scheduled_by",
        "missing_value",
        "No SDR: nobody scheduled on the invitee's behalf, and no sdrQuestion answer or default SDR names one",
      ],
    ]);
  });

  it("reads form answers trimmed, skips blank ones, and reads nothing without a question or a list", () => {
    const unscheduled = { ...first, scheduledBy: "" };
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        created({
          ...unscheduled,
          answers: [
            { question: "Who booked this call?", answer: " sdr-ben " },
            { question: "Company", answer: "   " },
            { question: "Company", answer: " Acme Logistics " },
          ],
        }),
        // A blank company answer alone: the company is the e-mail's domain.
        created({ ...unscheduled, id: "B", answers: [{ question: "Company", answer: "  " }] }),
        // Not a list of answers: no SDR answer, so the default SDR.
        withPayload(created({ ...unscheduled, id: "C" }), { questions_and_answers: null }),
      ],
      { ...withDefaultSdr, sdrQuestion: "Who booked this call?" },
    );
    expect(issues).toEqual([]);
    expect(handoffs.map((handoff) => [handoff.id, handoff.sdr.id, handoff.account.name])).toEqual([
      ["A", "sdr-ben", "Acme Logistics"],
      ["B", "sdr-ana", "acme-logistics.example"],
      ["C", "sdr-ana", "acme-logistics.example"],
    ]);
  });

  it("reads no SDR answer without an sdrQuestion, even from an answer that names no question", () => {
    const answers = [{ answer: "sdr-ghost" }] as unknown as NonNullable<Booking["answers"]>;
    const { handoffs } = fromCalendlyWebhooks([created({ ...first, scheduledBy: "", answers })], withDefaultSdr);
    expect(handoffs.map((handoff) => handoff.sdr.id)).toEqual(["sdr-ana"]);
  });
});

describe("fromCalendlyWebhooks fields of what the model refuses", () => {
  it("puts a refused prospect name and e-mail, and a refused domain, at the payload's fields", () => {
    // A blank e-mail stands in for the missing name and is no e-mail; the company is answered, so no
    // domain is needed. An underscore makes both the e-mail and its domain refused.
    const { handoffs, issues } = fromCalendlyWebhooks(
      [
        withPayload(created({ ...first, answers: [{ question: "Company", answer: "Acme" }] }), {
          name: null,
          email: "   ",
        }),
        withPayload(created({ ...first, id: "B" }), { email: "dana@acme_logistics.example" }),
      ],
      options,
    );
    expect(handoffs).toEqual([]);
    expect(where(issues).map(String).sort()).toEqual(
      ["1,0.payload.email,invalid_format", "1,0.payload.name,too_small", "2,1.payload.email,invalid_format"].concat(
        "2,1.payload.email,invalid_format",
      ),
    );
  });
  it("puts a refused account name, taken from an e-mail with an empty domain, at the e-mail", () => {
    // "dana@" has an empty domain, which names the account: the model refuses the e-mail, the empty
    // name and the empty domain, and all three came from payload.email.
    const { handoffs, issues } = fromCalendlyWebhooks([withPayload(created(first), { email: "dana@" })], options);
    expect(handoffs).toEqual([]);
    expect(where(issues).map(String).sort()).toEqual([
      "1,0.payload.email,invalid_format",
      "1,0.payload.email,invalid_format",
      "1,0.payload.email,too_small",
    ]);
  });
  it("puts a slot that ends before it starts at the end time, not at the e-mail", () => {
    // 19:00 is before the 20:00 start.
    const { issues } = fromCalendlyWebhooks([created({ ...first, end: "2026-11-05T19:00:00Z" })], options);
    expect(where(issues)).toEqual([[1, "0.payload.scheduled_event.end_time", "end_before_start"]]);
  });
});
