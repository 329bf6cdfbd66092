// The round trip: the bundled sample team, exported as HubSpot, Salesforce and Chili Piper write
// meetings (examples/data/*.csv), read back by each adapter, gives the scoreboard the canonical sample
// gives for everything a meetings export carries.
//
// What a meetings export carries: one row per meeting, with its booking, its slot (and the slot
// before a reschedule), its outcome and, where the portal records it, the AE's decision. It does not
// carry intros, acknowledgements, follow-ups, quality ratings, opportunities, recycles or
// reassignments, and a handoff booked twice is two meetings. So the canonical side here is the sample's
// handoffs booked once and never reassigned, with only the events a meetings export carries; and the
// metrics compared are the ones those events decide: meetings booked, held, no-shows, cancelled,
// upcoming and past with no outcome, the held, no-show and acceptance rates, and the rejection reasons,
// overall, by segment and by SDR.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { SampleData } from "../../examples/sample-data/generate.js";
import { FORMATS } from "../../examples/sample-data/meeting-exports.js";
import {
  fromCalendlyWebhooks,
  fromChiliPiperMeetings,
  fromHubSpotMeetings,
  fromSalesforceEvents,
  withHubSpotLeads,
  withHubSpotOwnerHistory,
  withSalesforceHistory,
  type CalendlyWebhooksOptions,
  type HubSpotLeadsOptions,
} from "../../src/adapters/index.js";
import { parseHandoffs, type Handoff } from "../../src/handoff/index.js";
import { scoreboard, type HandoffMetrics, type Scoreboard } from "../../src/metrics/index.js";

const sample = JSON.parse(
  readFileSync(new URL("../../examples/data/sample-handoffs.json", import.meta.url), "utf8"),
) as {
  asOf: string;
  team: { sdrs: { id: string; name: string }[]; aes: { id: string; name: string }[] };
  handoffs: unknown[];
};
const now = new Date(sample.asOf);
const CARRIED = new Set(["booked", "rescheduled", "cancelled", "meeting_held", "no_show", "accepted", "rejected"]);

const canonical: Handoff[] = parseHandoffs(sample.handoffs)
  .valid.map((record) => record.value)
  .filter(
    (handoff) =>
      handoff.events.filter((event) => event.type === "booked").length === 1 &&
      !handoff.events.some((event) => event.type === "reassigned" || event.type === "recycled"),
  )
  .map((handoff) => ({ ...handoff, events: handoff.events.filter((event) => CARRIED.has(event.type)) }));

/** The metrics a meetings export decides, as plain numbers and counts. */
function carried(metrics: HandoffMetrics) {
  return {
    booked: metrics.meetingsBooked,
    meetings: metrics.meetings,
    held: [metrics.heldRate.numerator, metrics.heldRate.denominator],
    noShow: [metrics.noShowRate.numerator, metrics.noShowRate.denominator],
    accepted: [metrics.acceptanceRate.numerator, metrics.acceptanceRate.denominator],
    reasons: metrics.rejectionReasons.byCode.map((reason) => [reason.code, reason.count]),
  };
}
const view = (board: Scoreboard) => ({
  overall: carried(board.overall),
  groups: board.groups.map((group) => [group.key, carried(group.metrics)]),
});
// The meetings of the handoffs kept above: same booking instant, same SDR, same prospect.
const keyOf = (handoff: Handoff): string =>
  `${handoff.events[0]?.at.toISOString() ?? ""}|${handoff.sdr.id}|${handoff.prospect.name}`;
const kept = new Set(canonical.map(keyOf));
const team = sample.team as SampleData["team"];
/** The sample's rep id of a source's owner id. */
const repIdOf = (source: keyof typeof FORMATS): ((id: string) => string) => {
  const byOwner = new Map([...team.aes, ...team.sdrs].map((rep) => [FORMATS[source].ownerId(team, rep.id), rep.id]));
  return (id) => byOwner.get(id) ?? id;
};
/** A CSV file of examples/data, its rows keyed by its header. */
const exportRows = (file: string) =>
  parse<Record<string, string>>(readFileSync(new URL(`../../examples/data/${file}`, import.meta.url), "utf8"), {
    columns: true,
  });

describe.each([
  ["hubspot", "hubspot-meetings", fromHubSpotMeetings],
  ["salesforce", "salesforce-events", fromSalesforceEvents],
  ["chilipiper", "chilipiper-meetings", fromChiliPiperMeetings],
] as const)("the %s round trip of the sample team", (source, file, adapter) => {
  const repOf = repIdOf(source);
  const adapted = adapter(exportRows(`${file}.csv`));
  const read = adapted.handoffs
    .map((handoff) => ({ ...handoff, sdr: { ...handoff.sdr, id: repOf(handoff.sdr.id) } }))
    .filter((handoff) => kept.has(keyOf(handoff)));

  it("reads every meeting of the export back, and finds each handoff booked once among them", () => {
    expect(adapted.issues).toEqual([]);
    expect(canonical.length).toBeGreaterThan(250);
    expect(read).toHaveLength(canonical.length);
  });

  it("gives the canonical scoreboard for what a meetings export carries, overall, by segment and by SDR", () => {
    for (const groupBy of ["segment", "sdr"] as const) {
      const expected = view(scoreboard(canonical, { now, groupBy }));
      expect(view(scoreboard(read, { now, groupBy }))).toEqual(expected);
      // Not a comparison of two empty boards.
      expect(expected.overall.booked).toBe(canonical.length);
      expect(expected.overall.meetings.held).toBeGreaterThan(50);
      expect(expected.overall.reasons.length).toBeGreaterThan(3);
    }
  });
});

// With Salesforce's Lead, LeadHistory and OpportunityHistory exports beside its Events, the round trip
// carries what happened after the meeting too: recycles, and the opportunity's close with its amount.
// The Event holds the acceptance without an amount (and the export's acceptance wins over the
// conversion's), so the canonical side keeps acceptances without theirs.
describe("the salesforce round trip with its histories", () => {
  const CLOSED = new Set([...CARRIED, "recycled", "opportunity_won", "opportunity_lost"]);
  const closing: Handoff[] = parseHandoffs(sample.handoffs)
    .valid.map((record) => record.value)
    .filter((handoff) => handoff.events.filter((event) => event.type === "booked").length === 1)
    .map((handoff) => ({
      ...handoff,
      events: handoff.events
        .filter((event) => CLOSED.has(event.type))
        .map((event) =>
          event.type === "accepted" ? { id: event.id, type: event.type, at: event.at, by: event.by } : event,
        ),
    }));
  const events = exportRows("salesforce-events.csv");
  const read = fromSalesforceEvents(events);
  const history = withSalesforceHistory(
    read.handoffs,
    {
      events,
      leads: exportRows("salesforce-leads.csv"),
      leadHistory: exportRows("salesforce-lead-history.csv"),
      opportunityHistory: exportRows("salesforce-opportunity-history.csv"),
    },
    { recycleStatuses: ["Recycled"] },
  );
  const repOf = repIdOf("salesforce");
  const once = new Set(closing.map(keyOf));
  const mine = history.handoffs
    .map((handoff) => ({ ...handoff, sdr: { ...handoff.sdr, id: repOf(handoff.sdr.id) } }))
    .filter((handoff) => once.has(keyOf(handoff)));
  const closed = (metrics: HandoffMetrics) => ({
    ...carried(metrics),
    recycled: [metrics.recycleRate.numerator, metrics.recycleRate.denominator],
    won: metrics.winRate,
    dealSize: metrics.averageDealSize,
  });

  it("reads every row of the four exports, and finds each handoff booked once", () => {
    expect(history.issues).toEqual({ events: [], leads: [], leadHistory: [], opportunityHistory: [] });
    expect(mine).toHaveLength(closing.length);
  });

  it("gives the canonical recycles, wins, losses and deal sizes, overall and by SDR", () => {
    const expected = scoreboard(closing, { now, groupBy: "sdr" });
    const actual = scoreboard(mine, { now, groupBy: "sdr" });
    expect(closed(actual.overall)).toEqual(closed(expected.overall));
    expect(actual.groups.map((group) => [group.key, closed(group.metrics)])).toEqual(
      expected.groups.map((group) => [group.key, closed(group.metrics)]),
    );
    // Not a comparison of empty numbers.
    expect(expected.overall.recycleRate.numerator).toBeGreaterThan(50);
    expect(expected.overall.winRate.all.numerator).toBeGreaterThan(20);
  });
});

// With HubSpot's Leads export and the leads' property history beside its meetings, the round trip
// carries the AE's rejections from the leads (the meetings' own rejection columns left unread) and
// the recycles: the lead disqualified with its reason and note, then moved to the portal's Nurture stage.
describe("the hubspot round trip with its leads", () => {
  const LED = new Set([...CARRIED, "recycled"]);
  const led: Handoff[] = parseHandoffs(sample.handoffs)
    .valid.map((record) => record.value)
    .filter((handoff) => handoff.events.filter((event) => event.type === "booked").length === 1)
    .map((handoff) => ({ ...handoff, events: handoff.events.filter((event) => LED.has(event.type)) }));
  const meetings = exportRows("hubspot-meetings.csv");
  const unread = { rejectedAt: "-", rejectionReason: "-", rejectionNote: "-" };
  const read = fromHubSpotMeetings(meetings, { columns: unread });
  const mapping = JSON.parse(
    readFileSync(new URL("../../examples/data/hubspot-mapping.json", import.meta.url), "utf8"),
  ) as { leads: HubSpotLeadsOptions };
  const applied = withHubSpotLeads(
    read.handoffs,
    { meetings, leads: exportRows("hubspot-leads.csv"), history: exportRows("hubspot-lead-history.csv") },
    mapping.leads,
  );
  const repOf = repIdOf("hubspot");
  const once = new Set(led.map(keyOf));
  const mine = applied.handoffs
    .map((handoff) => ({ ...handoff, sdr: { ...handoff.sdr, id: repOf(handoff.sdr.id) } }))
    .filter((handoff) => once.has(keyOf(handoff)));
  const recycled = (metrics: HandoffMetrics) => ({
    ...carried(metrics),
    recycled: [metrics.recycleRate.numerator, metrics.recycleRate.denominator],
  });

  it("reads every row of the three exports, and finds each handoff booked once", () => {
    expect(read.issues).toEqual([]);
    expect(applied.issues).toEqual({ meetings: [], leads: [], history: [] });
    expect(mine).toHaveLength(led.length);
  });

  it("gives the canonical rejections, reasons and recycles, overall and by SDR", () => {
    const expected = scoreboard(led, { now, groupBy: "sdr" });
    const actual = scoreboard(mine, { now, groupBy: "sdr" });
    expect(recycled(actual.overall)).toEqual(recycled(expected.overall));
    expect(actual.groups.map((group) => [group.key, recycled(group.metrics)])).toEqual(
      expected.groups.map((group) => [group.key, recycled(group.metrics)]),
    );
    // Not a comparison of empty numbers: rejections read from the leads alone, and recycles.
    expect(expected.overall.recycleRate.numerator).toBeGreaterThan(50);
    expect(expected.overall.rejectionReasons.byCode.length).toBeGreaterThan(3);
    const unreadRejections = fromHubSpotMeetings(meetings, { columns: unread }).handoffs.filter((handoff) =>
      handoff.events.some((event) => event.type === "rejected"),
    );
    expect(unreadRejections).toEqual([]);
  });
});

// A meetings export holds each meeting's owner now; HubSpot's owner history beside it gives the AE the
// handoff was made to and each reassignment to a covering AE, as the canonical sample records them.
describe("the hubspot round trip with its owner history", () => {
  const OWNED = new Set([...CARRIED, "reassigned"]);
  const owned: Handoff[] = parseHandoffs(sample.handoffs)
    .valid.map((record) => record.value)
    .filter((handoff) => handoff.events.filter((event) => event.type === "booked").length === 1)
    .map((handoff) => ({ ...handoff, events: handoff.events.filter((event) => OWNED.has(event.type)) }));
  const read = fromHubSpotMeetings(exportRows("hubspot-meetings.csv"));
  const applied = withHubSpotOwnerHistory(read.handoffs, exportRows("hubspot-owner-history.csv"));
  const rep = repIdOf("hubspot");
  const once = new Set(owned.map(keyOf));
  const mine = applied.handoffs
    .map((handoff) => ({
      ...handoff,
      sdr: { ...handoff.sdr, id: rep(handoff.sdr.id) },
      ae: { ...handoff.ae, id: rep(handoff.ae.id) },
      events: handoff.events.map((event) => (event.type === "reassigned" ? { ...event, to: rep(event.to) } : event)),
    }))
    .filter((handoff) => once.has(keyOf(handoff)));
  /** Who the handoff was made to, and each reassignment: when, and to whom. */
  const owners = (handoffs: readonly Handoff[]) =>
    handoffs
      .map((handoff) => [
        `${handoff.events[0]?.at.toISOString() ?? ""} ${handoff.prospect.name}`,
        handoff.ae.id,
        ...handoff.events.flatMap((event) => (event.type === "reassigned" ? [event.at.toISOString(), event.to] : [])),
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it("reads every row of the two exports, and finds each handoff booked once", () => {
    expect(read.issues).toEqual([]);
    expect(applied.issues).toEqual([]);
    expect(mine).toHaveLength(owned.length);
  });

  it("gives each handoff the AE it was made to and the canonical reassignments", () => {
    expect(owners(mine)).toEqual(owners(owned));
    // Not a comparison of histories without a reassignment.
    const covered = owned.filter((handoff) => handoff.events.some((event) => event.type === "reassigned"));
    expect(covered.length).toBeGreaterThan(2);
  });

  it("gives the canonical scoreboard by AE: each handoff counted under the AE who owns it now", () => {
    const expected = scoreboard(owned, { now, groupBy: "ae" });
    const actual = scoreboard(mine, { now, groupBy: "ae" });
    expect(view(actual)).toEqual(view(expected));
    expect(expected.groups).toHaveLength(team.aes.length);
  });
});

// Calendly's webhook deliveries of the sample (examples/data/calendly-webhooks.jsonl): bookings,
// reschedules, cancellations and no-shows. Calendly records no held meeting and no decision, so the
// canonical side keeps only those events: a meeting held there is one past with no outcome here.
describe("the calendly round trip of the sample team", () => {
  const SENT = new Set(["booked", "rescheduled", "cancelled", "no_show"]);
  const expected: Handoff[] = canonical.map((handoff) => ({
    ...handoff,
    events: handoff.events.filter((event) => SENT.has(event.type)),
  }));
  const lines = readFileSync(new URL("../../examples/data/calendly-webhooks.jsonl", import.meta.url), "utf8");
  const mapping = JSON.parse(
    readFileSync(new URL("../../examples/data/calendly-mapping.json", import.meta.url), "utf8"),
  ) as CalendlyWebhooksOptions;
  const adapted = fromCalendlyWebhooks(
    lines
      .split("\n")
      .filter((line) => line !== "")
      .map((line): unknown => JSON.parse(line)),
    mapping,
  );
  const read = adapted.handoffs.filter((handoff) => kept.has(keyOf(handoff)));
  const sent = (metrics: HandoffMetrics) => ({
    booked: metrics.meetingsBooked,
    meetings: metrics.meetings,
    held: [metrics.heldRate.numerator, metrics.heldRate.denominator],
    noShow: [metrics.noShowRate.numerator, metrics.noShowRate.denominator],
  });

  it("reads every delivery, and finds each handoff booked once", () => {
    expect(adapted.issues).toEqual([]);
    expect(read).toHaveLength(expected.length);
  });

  it("gives the canonical bookings, cancellations and no-shows, overall and by SDR", () => {
    const want = scoreboard(expected, { now, groupBy: "sdr" });
    const got = scoreboard(read, { now, groupBy: "sdr" });
    expect(sent(got.overall)).toEqual(sent(want.overall));
    expect(got.groups.map((group) => [group.key, sent(group.metrics)])).toEqual(
      want.groups.map((group) => [group.key, sent(group.metrics)]),
    );
    // Not a comparison of empty numbers: no-shows and cancellations are there, and no meeting is held.
    expect(want.overall.meetings.noShow).toBeGreaterThan(20);
    expect(want.overall.meetings.cancelled).toBeGreaterThan(40);
    expect(want.overall.meetings.pastUnrecorded).toBeGreaterThan(50);
  });
});
